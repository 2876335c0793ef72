-- Checks the invariants the service relies on over the whole catalogue (seeds and bench rows alike), after
-- src/bench/generate-catalogue.sql:  psql -v revisions=9 -f src/bench/check-catalogue.sql
-- (revisions as given to the generator; leave it out to skip that one check, e.g. after the service published more).
-- Prints one row per check and fails (exit status 3 with ON_ERROR_STOP) when any check fails. About 5 s at 1M.

\set ON_ERROR_STOP on
\if :{?revisions}
\else
  \set revisions -1
\endif

create temp table bench_check (name text, failures bigint);

insert into bench_check
-- Releases: seq and released_at rise together, nothing in the future, hashes are 64 hex.
select 'release seq and released_at rise together',
       count(*) filter (where prev_at >= released_at)
from (select released_at, lag(released_at) over (order by seq) as prev_at from release) r
union all
select 'no release in the future', count(*) filter (where released_at > now()) from release
union all
select 'content_sha256 is 64 hex', count(*) filter (where content_sha256 !~ '^[0-9a-f]{64}$') from release
-- Versions: a version starts when its release lands, and ends when the next version of its value starts.
union all
select 'realtime_start = release.released_at', count(*)
from observation_version v join release r on r.id = v.release_id
where v.realtime_start <> r.released_at
union all
select 'realtime_end = next version''s realtime_start (null for the last)',
       count(*) filter (where realtime_end is distinct from next_start)
from (select realtime_end, lead(realtime_start) over (partition by observation_id order by realtime_start) as next_start
      from observation_version) v
union all
select 'every observation has exactly one current version', count(*)
from observation o
where (select count(*) from observation_version v where v.observation_id = o.id and v.realtime_end is null) <> 1
union all
select 'observation_version ids rise with realtime_start',
       count(*) filter (where prev_start > realtime_start)
from (select realtime_start, lag(realtime_start) over (order by id) as prev_start from observation_version) v
-- V2's derived facts: release counts and vintages.
union all
select 'release added/revised/retracted match the versions', count(*)
from release r
left join (select v.release_id,
                  count(*) filter (where not v.retracted and p.id is null)     as added,
                  count(*) filter (where not v.retracted and p.id is not null) as revised,
                  count(*) filter (where v.retracted)                          as retracted
           from observation_version v
           left join observation_version p on p.observation_id = v.observation_id and p.realtime_end = v.realtime_start
                                          and not p.retracted
           group by v.release_id) c on c.release_id = r.id
where (r.added, r.revised, r.retracted) is distinct from (coalesce(c.added, 0), coalesce(c.revised, 0), coalesce(c.retracted, 0))
union all
select 'indicator_vintage = the releases that changed each indicator', count(*)
from ((select indicator_id, release_seq from indicator_vintage
       except
       select distinct s.indicator_id, r.seq
       from observation_version v join observation o on o.id = v.observation_id
       join series s on s.id = o.series_id join release r on r.id = v.release_id)
      union all
      (select distinct s.indicator_id, r.seq
       from observation_version v join observation o on o.id = v.observation_id
       join series s on s.id = o.series_id join release r on r.id = v.release_id
       except
       select indicator_id, release_seq from indicator_vintage)) d
union all
select 'document_vintage = the current values citing each document, at the head', count(*)
from (select d.id, coalesce((select dv.value_count from document_vintage dv where dv.document_id = d.id
                            order by dv.release_seq desc limit 1), 0) as kept,
             (select count(distinct v.id) from citation c join observation_version v on v.id = c.version_id
              where c.document_id = d.id and v.realtime_end is null and not v.retracted) as counted
      from document d) counts
where kept <> counted
-- Sequences are past every id, so the service's own inserts do not collide.
union all
select 'sequences are past the largest ids',
       (select count(*) from (values
           ((select last_value from series_id_seq) < (select coalesce(max(id), 0) from series)),
           ((select last_value from observation_id_seq) < (select coalesce(max(id), 0) from observation)),
           ((select last_value from observation_version_id_seq) < (select coalesce(max(id), 0) from observation_version)),
           ((select last_value from citation_id_seq) < (select coalesce(max(id), 0) from citation))) t(bad)
        where bad)
-- The bench rows' shape.
union all
select 'bench: every version has one citation at position 0', count(*)
from observation_version v join observation o on o.id = v.observation_id join series s on s.id = o.series_id
where s.indicator_id like 'bench-ind-%'
  and (select count(*) from citation c where c.version_id = v.id and c.position = 0 and c.document_id = 'bench-doc'
                                         and c.publication_id = 'bench-pub') <> 1
union all
select 'bench: every observation has 1 + revisions versions', count(*)
from (select o.id, count(v.id) as n
      from observation o join series s on s.id = o.series_id left join observation_version v on v.observation_id = o.id
      where s.indicator_id like 'bench-ind-%'
      group by o.id) c
where :'revisions'::int >= 0 and c.n <> 1 + :'revisions'::int;

select name as check, case when failures = 0 then 'ok' else failures || ' FAILED' end as result from bench_check;

select (select count(*) from release) as releases,
       (select count(*) from indicator) as indicators,
       (select count(*) from series) as series,
       (select count(*) from observation) as observations,
       (select count(*) from observation_version) as value_versions,
       (select count(*) from citation) as citations,
       (select count(*) from indicator_vintage) as vintages;

do $$
begin
    if exists (select from bench_check where failures <> 0) then
        raise exception 'catalogue checks failed';
    end if;
end $$;
