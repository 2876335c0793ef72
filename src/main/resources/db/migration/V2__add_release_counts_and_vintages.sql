-- What the reads need at a million value versions: facts a release fixes once, written when it lands instead of
-- counted on every request, and indexes that turn the as-of, change-feed and source reads into range scans.

-- How many values each release added, revised and retracted. A release never changes after it lands, so the counts
-- are part of it; listing releases no longer counts versions (277 ms a release at 1M). Existing releases are
-- counted once here, which needs the append-only trigger out of the way for this one statement.
alter table release add column added bigint, add column revised bigint, add column retracted bigint;
alter table release disable trigger release_append_only;
update release r
set added     = c.added,
    revised   = c.revised,
    retracted = c.retracted
from (select v.release_id,
             count(*) filter (where not v.retracted and p.id is null)     as added,
             count(*) filter (where not v.retracted and p.id is not null) as revised,
             count(*) filter (where v.retracted)                          as retracted
      from observation_version v
      left join observation_version p on p.observation_id = v.observation_id and p.realtime_end = v.realtime_start
                                     and not p.retracted
      group by v.release_id) c
where c.release_id = r.id;
update release set added = 0, revised = 0, retracted = 0 where added is null;
alter table release enable trigger release_append_only;
alter table release alter column added set not null, alter column revised set not null,
                    alter column retracted set not null;

-- The releases that changed each indicator's values (its vintages), so "which release does this answer reflect"
-- is one index probe rather than a scan of the indicator's versions across every geography.
create table indicator_vintage (
    indicator_id text   not null references indicator (id),
    release_seq  bigint not null references release (seq),
    primary key (indicator_id, release_seq)
);
insert into indicator_vintage (indicator_id, release_seq)
select distinct s.indicator_id, r.seq
from observation_version v
join observation o on o.id = v.observation_id
join series s on s.id = o.series_id
join release r on r.id = v.release_id;
create trigger indicator_vintage_append_only before update or delete on indicator_vintage
    for each row execute function reject_history_rewrite();

-- The change feed starts at the first version known after an instant. Version ids are allocated under the publish
-- lock, so they rise with real-time start, and the feed becomes a primary-key range scan from that version.
create index observation_version_known_since on observation_version (realtime_start, id);

-- A source's values: its citations, then the versions still current.
drop index citation_document;
create index citation_document_version on citation (document_id, version_id);

