-- The same question gets the same answer forever, and every number is read as it is written (ADR 0002):
--   * values are stored in the unit's base amount; the source's own written form is kept beside them (as_stated_*)
--   * every quote is anchored in its document (W3C TextQuoteSelector and TextPositionSelector) and says whether,
--     when and against which text hash it was verified
--   * every value says whether its reference period is stated by the source or inferred, and from what
--   * indicators, documents and publications are versioned like values: a change appends a version with its
--     real-time period, so every read can answer as the catalogue stood at any instant
-- Values were stored scaled (unit multiplier) and metadata overwritten before this; there is no faithful way to
-- turn such a catalogue into this one inside a migration, and v1 had not shipped, so it applies to an empty one.
do $$
begin
    if exists (select from release) then
        raise exception 'V3 applies to an empty catalogue only: this one was built before values were stored in base '
            'units and metadata versioned. Rebuild it by publishing its releases again.';
    end if;
end $$;

-- One trigger function for every history table. 'closable' tables may close a row's real-time period once, and
-- nothing else; the others refuse every update and delete. TRUNCATE is refused on all of them.
create or replace function reject_history_rewrite() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_nargs > 0 and tg_argv[0] = 'closable'
       and to_jsonb(old) ->> 'realtime_end' is null and to_jsonb(new) ->> 'realtime_end' is not null
       and (to_jsonb(new) - 'realtime_end') = (to_jsonb(old) - 'realtime_end') then
        return new;
    end if;
    raise exception '% on % is not allowed: published history is append-only', tg_op, tg_table_name
        using errcode = 'integrity_constraint_violation';
end $$;

drop trigger observation_version_append_only on observation_version;
create trigger observation_version_append_only before update or delete on observation_version
    for each row execute function reject_history_rewrite('closable');

-- Values: base units, the written form, the basis of the reference period.
alter table observation_version
    add column as_stated_text       text,
    add column as_stated_number     numeric,
    add column as_stated_low        numeric,
    add column as_stated_high       numeric,
    add column as_stated_multiplier integer check (as_stated_multiplier between 0 and 15),
    add column period_basis         text not null check (period_basis in ('stated', 'inferred')),
    add column period_evidence      text,
    add check (period_basis = 'stated' or period_evidence is not null),
    add check (as_stated_text is null = (as_stated_multiplier is null));

-- Quotes: where each one is in its document (code points), its context, and its verification.
alter table citation
    add column prefix          text    not null,
    add column suffix          text    not null,
    add column start_position  integer not null check (start_position >= 0),
    add column end_position    integer not null,
    add column verified_at     timestamptz,
    add column verified_sha256 text check (verified_sha256 ~ '^[0-9a-f]{64}$'),
    add check (end_position > start_position),
    add check (verified_at is null = (verified_sha256 is null));

-- A series is known from the release that first gave it a value; lists of geographies at an instant need it.
alter table series add column known_since timestamptz not null;

-- Metadata: the tables keep only identities (what values, series and counts refer to); what is said about each
-- lives in versions, closed and appended like values.
alter table indicator
    drop column name_ko, drop column name_en, drop column description_ko, drop column description_en,
    drop column unit_code, drop column unit_multiplier, drop column frequency, drop column value_kind,
    drop column topics;
alter table document
    drop column file_name, drop column sha256, drop column publisher_original, drop column publisher_en,
    drop column title_original, drop column title_en, drop column authors, drop column language, drop column url,
    drop column published_date, drop column published_precision, drop column published_basis,
    drop column published_evidence, drop column note;
alter table publication
    drop column publisher_original, drop column publisher_en, drop column title_original, drop column title_en,
    drop column kind, drop column url, drop column published_date, drop column published_precision,
    drop column published_basis, drop column published_evidence;

create table indicator_version (
    id             text        not null references indicator (id),
    release_id     text        not null references release (id),
    realtime_start timestamptz not null,
    realtime_end   timestamptz,
    name_ko        text        not null,
    name_en        text        not null,
    description_ko text,
    description_en text,
    unit_code      text        not null,
    frequency      text        not null,
    value_kind     text        not null check (value_kind in ('number', 'range')),
    topics         text[]      not null default '{}',
    primary key (id, realtime_start),
    check (realtime_end is null or realtime_end > realtime_start)
);
create unique index indicator_version_current on indicator_version (id) where realtime_end is null;

create table document_version (
    id                  text        not null references document (id),
    release_id          text        not null references release (id),
    realtime_start      timestamptz not null,
    realtime_end        timestamptz,
    file_name           text        not null,
    sha256              text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    publisher_original  text        not null,
    publisher_en        text,
    title_original      text        not null,
    title_en            text,
    authors             text[]      not null default '{}',
    language            text        not null,
    url                 text,
    published_date      text,
    published_precision text,
    published_basis     text        not null check (published_basis in ('stated', 'inferred', 'unknown')),
    published_evidence  text,
    note                text,
    primary key (id, realtime_start),
    check (realtime_end is null or realtime_end > realtime_start)
);
create unique index document_version_current on document_version (id) where realtime_end is null;

create table publication_version (
    id                  text        not null references publication (id),
    release_id          text        not null references release (id),
    realtime_start      timestamptz not null,
    realtime_end        timestamptz,
    publisher_original  text        not null,
    publisher_en        text,
    title_original      text        not null,
    title_en            text,
    kind                text        not null,
    url                 text,
    published_date      text,
    published_precision text,
    published_basis     text        not null check (published_basis in ('stated', 'inferred', 'unknown')),
    published_evidence  text,
    primary key (id, realtime_start),
    check (realtime_end is null or realtime_end > realtime_start)
);
create unique index publication_version_current on publication_version (id) where realtime_end is null;

-- What was said about each at an instant. Plain SQL functions, so the planner inlines them into the calling query
-- and uses the primary keys: a read joins indicator_at(?) where it joined indicator.
create function indicator_at(t timestamptz) returns setof indicator_version language sql stable as $$
    select * from indicator_version where realtime_start <= t and (realtime_end is null or realtime_end > t)
$$;
create function document_at(t timestamptz) returns setof document_version language sql stable as $$
    select * from document_version where realtime_start <= t and (realtime_end is null or realtime_end > t)
$$;
create function publication_at(t timestamptz) returns setof publication_version language sql stable as $$
    select * from publication_version where realtime_start <= t and (realtime_end is null or realtime_end > t)
$$;

-- The latest day a publication date can stand for (2024-04, a month, is out by 2024-04-30 at the latest); null
-- when the date is unknown. "Published by" compares this with the day asked about, so an imprecise date never makes
-- a value look public earlier than it can have been.
create function published_by_end(published_date text, published_precision text, published_basis text)
    returns date language sql immutable as $$
    select case
               when published_basis = 'unknown' or published_date is null then null
               when published_precision = 'year' then make_date(published_date::integer, 12, 31)
               when published_precision = 'month'
                   then (to_date(published_date, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
               else to_date(published_date, 'YYYY-MM-DD')
           end
$$;

create trigger indicator_version_append_only before update or delete on indicator_version
    for each row execute function reject_history_rewrite('closable');
create trigger document_version_append_only before update or delete on document_version
    for each row execute function reject_history_rewrite('closable');
create trigger publication_version_append_only before update or delete on publication_version
    for each row execute function reject_history_rewrite('closable');
create trigger indicator_append_only before update or delete on indicator
    for each row execute function reject_history_rewrite();
create trigger document_append_only before update or delete on document
    for each row execute function reject_history_rewrite();
create trigger publication_append_only before update or delete on publication
    for each row execute function reject_history_rewrite();
create trigger series_append_only before update or delete on series
    for each row execute function reject_history_rewrite();
create trigger observation_append_only before update or delete on observation
    for each row execute function reject_history_rewrite();

-- No history table can be emptied wholesale either.
do $$
declare
    history text;
begin
    foreach history in array array['release', 'indicator', 'indicator_version', 'document', 'document_version',
            'publication', 'publication_version', 'series', 'observation', 'observation_version', 'citation',
            'indicator_vintage', 'document_vintage', 'document_publication_vintage'] loop
        execute format('create trigger %I before truncate on %I for each statement '
                       'execute function reject_history_rewrite()', history || '_no_truncate', history);
    end loop;
end $$;
