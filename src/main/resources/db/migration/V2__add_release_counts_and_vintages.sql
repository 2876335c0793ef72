-- What the reads need at a million value versions: facts a release fixes once (its counts, the vintages of the
-- indicators and documents it changed), written when it lands instead of counted on every request, and indexes that
-- turn the change-feed and source reads into range scans.

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

-- How many current values cite each document, and each publication through it, as of every release that changed
-- the number: a source's summary reads one row instead of counting its citations (a million at 1M). Rows for existing
-- releases are counted here; a publish appends the changes it makes.
create table document_vintage (
    document_id text   not null references document (id),
    release_seq bigint not null references release (seq),
    value_count bigint not null check (value_count >= 0),
    primary key (document_id, release_seq)
);
create table document_publication_vintage (
    document_id    text   not null references document (id),
    publication_id text   not null references publication (id),
    release_seq    bigint not null references release (seq),
    value_count    bigint not null check (value_count >= 0),
    primary key (document_id, publication_id, release_seq)
);
create trigger document_vintage_append_only before update or delete on document_vintage
    for each row execute function reject_history_rewrite();
create trigger document_publication_vintage_append_only before update or delete on document_publication_vintage
    for each row execute function reject_history_rewrite();

insert into document_vintage (document_id, release_seq, value_count)
select document_id, seq, value_count
from (select d.id as document_id, r.seq, count(distinct v.id) as value_count,
             lag(count(distinct v.id)) over (partition by d.id order by r.seq) as previous
      from release r
      cross join document d
      left join (citation c join observation_version v on v.id = c.version_id)
             on c.document_id = d.id and v.realtime_start <= r.released_at
            and (v.realtime_end is null or v.realtime_end > r.released_at) and not v.retracted
      group by d.id, r.seq) counts
where value_count is distinct from coalesce(previous, 0);

insert into document_publication_vintage (document_id, publication_id, release_seq, value_count)
select document_id, publication_id, seq, value_count
from (select pairs.document_id, pairs.publication_id, r.seq, count(distinct v.id) as value_count,
             lag(count(distinct v.id)) over (partition by pairs.document_id, pairs.publication_id order by r.seq) as previous
      from release r
      cross join (select distinct document_id, publication_id from citation where publication_id is not null) pairs
      left join (citation c join observation_version v on v.id = c.version_id)
             on c.document_id = pairs.document_id and c.publication_id = pairs.publication_id
            and v.realtime_start <= r.released_at and (v.realtime_end is null or v.realtime_end > r.released_at)
            and not v.retracted
      group by pairs.document_id, pairs.publication_id, r.seq) counts
where value_count is distinct from coalesce(previous, 0);

-- A source's values, a page at a time, newest first: its citations in version order backwards, keeping the versions
-- current at the instant asked about.
drop index citation_document;
create index citation_document_version on citation (document_id, version_id, position);

