-- A synthetic catalogue for the load benchmark (src/bench/scale.sh), appended to a database that already has the
-- service's schema (Flyway V1 and V2) and possibly its seed catalogue:
--
--   psql -v indicators=100 -v geos=10 -v periods=100 -v revisions=9 -f src/bench/generate-catalogue.sql
--
-- (the values shown are the defaults). It writes
--   indicators  bench-ind-000, bench-ind-001, ... (annual, persons, topic bench)
--   series      one per indicator and geography, the geographies taken in order from the fixed list below
--   observation annual periods counting back from 2025: '2025' (2025-01-01 to 2025-12-31), '2024', ...
--   document    bench-doc and publication bench-pub, cited once (position 0) by every value version
--   releases    bench-release-001 adds every value; then `revisions` further releases bench-release-002, ...
--               each revise EVERY value once more (the value rises by 1, reason 'bench revision k'). Every
--               observation so ends with exactly 1 + revisions versions, the last one current, and the total is
--               indicators * geos * periods * (1 + revisions): 100x10x100x(1+9) = 1M. (Releases of different sizes
--               cannot keep both that total and 1 + revisions versions per value: each of the `revisions` releases
--               would have to write more than one version of some value. So all releases have the same size.)
--
-- The rows are what the service itself would write: releases get seq and released_at after the existing ones
-- (released_at spread evenly between the newest existing release, or a day ago on an empty catalogue, and now();
-- at least a microsecond apart and never in the future), their added/revised/retracted counts and
-- indicator_vintage rows; each value version starts at its release's released_at and ends at the next release's
-- (the last one is current); its citation points at bench-doc and bench-pub. Rows are inserted final, so the
-- append-only triggers (which refuse updates) never fire. Ids come from the tables' own sequences: a block of each
-- is reserved, and observation_version ids rise with release order (the change feed pages by id).
--
-- Set-based and in one transaction: a failure leaves nothing behind. It refuses to run twice on one database.

\set ON_ERROR_STOP on
\if :{?indicators}
\else
  \set indicators 100
\endif
\if :{?geos}
\else
  \set geos 10
\endif
\if :{?periods}
\else
  \set periods 100
\endif
\if :{?revisions}
\else
  \set revisions 9
\endif

set client_encoding = 'UTF8';  -- the Korean indicator names below
begin;
set local synchronous_commit = off;
set local work_mem = '64MB';

create temp table bench_param on commit drop as
select :'indicators'::int as indicators, :'geos'::int as geos, :'periods'::int as periods,
       :'revisions'::int as revisions,
       array['KR', 'US', 'JP', 'CN', 'DE', 'FR', 'GB', 'IN', 'SG', 'CA', 'AU', 'BR', 'IT', 'ES', 'MX', 'ID', 'NL',
             'SA', 'TR', 'CH', 'SE', 'PL', 'BE', 'TW', 'IE', 'AT', 'NO', 'IL', 'TH', 'AE', 'DK', 'FI', 'NZ', 'VN',
             'MY', 'PH', 'ZA', 'EG', 'AR', 'CL', 'CO', 'PT', 'CZ', 'GR', 'HU', 'RO', 'UA', 'NG', 'PK', 'BD'] as geo_codes;

do $$
declare
    p bench_param;
    newest timestamptz;
begin
    select * into p from bench_param;
    if p.indicators < 1 or p.geos < 1 or p.periods < 1 or p.revisions < 0 then
        raise exception 'indicators, geos and periods must be at least 1 and revisions at least 0';
    end if;
    if p.geos > cardinality(p.geo_codes) then
        raise exception 'geos must be at most % (the fixed list of ISO codes)', cardinality(p.geo_codes);
    end if;
    if p.periods > 1000 then
        raise exception 'periods must be at most 1000 (four-digit years back from 2025)';
    end if;
    if exists (select from indicator where id like 'bench-ind-%') or exists (select from document where id = 'bench-doc')
       or exists (select from publication where id = 'bench-pub') or exists (select from release where id like 'bench-release-%') then
        raise exception 'this database already has a bench catalogue';
    end if;
    select max(released_at) into newest from release;
    if newest > now() then
        raise exception 'the newest release (%) is in the future; bench releases must come after it and not be', newest;
    end if;
end $$;

-- The sizes and the first id of each reserved block. The sequences are set past the block, so later ids (the
-- service's own publishes) follow it.
select indicators * geos as series_n,
       indicators::bigint * geos * periods as obs_n,
       indicators::bigint * geos * periods * (1 + revisions) as versions_n,
       geos, periods, revisions
from bench_param \gset
select nextval(pg_get_serial_sequence('series', 'id')) as series_base,
       nextval(pg_get_serial_sequence('observation', 'id')) as obs_base,
       nextval(pg_get_serial_sequence('observation_version', 'id')) as version_base,
       nextval(pg_get_serial_sequence('citation', 'id')) as citation_base \gset
select setval(pg_get_serial_sequence('series', 'id'), :series_base + :series_n - 1),
       setval(pg_get_serial_sequence('observation', 'id'), :obs_base + :obs_n - 1),
       setval(pg_get_serial_sequence('observation_version', 'id'), :version_base + :versions_n - 1),
       setval(pg_get_serial_sequence('citation', 'id'), :citation_base + :versions_n - 1) \g /dev/null

-- Releases: k = 0 adds, k >= 1 revises. next_at is the following release's time: the realtime_end of k's versions.
create temp table bench_release on commit drop as
with base as (
    select coalesce(max(r.released_at), now() - interval '1 day') as t0, coalesce(max(r.seq), 0) as seq0
    from release r
), step as (
    select t0, seq0, greatest(interval '1 microsecond',
                              least(interval '1 second', (now() - t0) / (p.revisions + 2))) as dt, p.*
    from base, bench_param p
)
select k,
       'bench-release-' || lpad((k + 1)::text, greatest(3, length((k + 1)::text)), '0') as id,
       seq0 + k + 1 as seq,
       t0 + dt * (k + 1) as released_at,
       case when k < revisions then t0 + dt * (k + 2) end as next_at,
       case when k = 0 then format('Synthetic benchmark release 1 of %s: adds %s values', revisions + 1, :obs_n)
            else format('Synthetic benchmark release %s of %s: revises all %s values', k + 1, revisions + 1, :obs_n)
       end as description
from step, generate_series(0, revisions) k;

do $$
begin
    if (select max(released_at) from bench_release) > now() then
        raise exception 'the bench releases would end in the future; the newest existing release is too recent';
    end if;
end $$;

insert into release (id, seq, released_at, description, content_sha256, idempotency_key, published_by,
                     added, revised, retracted)
select id, seq, released_at, description, encode(sha256(convert_to(id || E'\n' || description, 'UTF8')), 'hex'),
       null, 'bench', case when k = 0 then :obs_n else 0 end, case when k = 0 then 0 else :obs_n end, 0
from bench_release
order by k;

-- Metadata: identities, and one version of each described from the first bench release on (migration V3).
insert into document (id) values ('bench-doc');
insert into document_version (id, release_id, realtime_start, file_name, sha256, publisher_original, publisher_en,
                              title_original, title_en, authors, language, published_basis, note)
select 'bench-doc', r.id, r.released_at, 'bench-doc.txt', encode(sha256(convert_to('bench-doc', 'UTF8')), 'hex'),
       'Bench', 'Bench', 'Synthetic benchmark document', 'Synthetic benchmark document', '{}', 'en', 'unknown',
       'Generated by src/bench/generate-catalogue.sql; not a real source.'
from bench_release r where r.k = 0;

insert into publication (id) values ('bench-pub');
insert into publication_version (id, release_id, realtime_start, publisher_original, publisher_en, title_original,
                                 title_en, kind, published_basis)
select 'bench-pub', r.id, r.released_at, 'Bench', 'Bench', 'Synthetic benchmark publication',
       'Synthetic benchmark publication', 'database', 'unknown'
from bench_release r where r.k = 0;

insert into indicator (id)
select 'bench-ind-' || lpad(i::text, greatest(3, length(i::text)), '0')
from bench_param, generate_series(0, indicators - 1) i;
insert into indicator_version (id, release_id, realtime_start, name_ko, name_en, description_ko, description_en,
                               unit_code, frequency, value_kind, topics)
select 'bench-ind-' || lpad(i::text, greatest(3, length(i::text)), '0'), r.id, r.released_at, '벤치마크 지표 ' || i,
       'Bench indicator ' || i, null, 'A synthetic indicator for the load benchmark.', 'persons', 'annual', 'number',
       '{bench}'
from bench_param, generate_series(0, indicators - 1) i, bench_release r
where r.k = 0;

-- Series ordinal s = indicator * geos + geo; its id is series_base + s.
insert into series (id, indicator_id, geo, known_since)
select :series_base + s, 'bench-ind-' || lpad((s / :geos)::text, greatest(3, length((s / :geos)::text)), '0'),
       p.geo_codes[s % :geos + 1], r.released_at
from bench_param p, generate_series(0, :series_n - 1) s, bench_release r
where r.k = 0;

-- Observation ordinal o = s * periods + period index (0 = 2025); its id is obs_base + o.
insert into observation (id, series_id, period, period_start, period_end)
select :obs_base + o, :series_base + o / :periods, (2025 - o % :periods)::text,
       make_date((2025 - o % :periods)::int, 1, 1), make_date((2025 - o % :periods)::int, 12, 31)
from generate_series(0::bigint, :obs_n - 1) o;

-- Version ordinal x = k * obs_n + o; its id is version_base + x, so ids rise with the release (and its time).
insert into observation_version (id, observation_id, release_id, value, status, retracted, reason,
                                 period_basis, realtime_start, realtime_end)
select :version_base + r.k * :obs_n + o, :obs_base + o, r.id, 1000 + (o * 7919) % 90000 + r.k, 'observed', false,
       case when r.k > 0 then 'bench revision ' || r.k end, 'stated', r.released_at, r.next_at
from bench_release r, generate_series(0::bigint, :obs_n - 1) o;

-- Quotes anchored in a synthetic text the bench never verifies (served as unverified, as a real unchecked one).
insert into citation (id, version_id, position, document_id, quote, publication_id, prefix, suffix,
                      start_position, end_position)
select :citation_base + x, :version_base + x, 0, 'bench-doc', q.quote, 'bench-pub', '', '', 0, length(q.quote)
from generate_series(0::bigint, :versions_n - 1) x,
     lateral (select (1000 + (x % :obs_n * 7919) % 90000 + x / :obs_n) || ' persons' as quote) q;

insert into indicator_vintage (indicator_id, release_seq)
select i.id, r.seq
from indicator i, bench_release r
where i.id like 'bench-ind-%';

-- Every bench value cites bench-doc through bench-pub, and each release replaces every value: from the first release
-- on, the number of current values citing them is the number of observations.
insert into document_vintage (document_id, release_seq, value_count)
select 'bench-doc', min(seq), :obs_n from bench_release;
insert into document_publication_vintage (document_id, publication_id, release_seq, value_count)
select 'bench-doc', 'bench-pub', min(seq), :obs_n from bench_release;

commit;

analyze;

select (select count(*) from release where id like 'bench-release-%') as bench_releases,
       :series_n as series, :obs_n as observations, :versions_n as value_versions;
