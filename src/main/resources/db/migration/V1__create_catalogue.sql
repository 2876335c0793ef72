-- The catalogue. Values are append-only: a value version is never updated or deleted, except that its
-- real-time period is closed once, when a later release supersedes it. Triggers below enforce this, so no
-- code path (nor a hand-run statement) can rewrite what was once published.

create table release (
    id              text primary key,
    seq             bigint      not null unique,
    released_at     timestamptz not null,
    description     text        not null,
    content_sha256  text        not null,
    idempotency_key text unique,
    published_by    text        not null
);

create table document (
    id                 text primary key,
    file_name          text not null unique,
    sha256             text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    publisher_original text not null,
    publisher_en       text,
    title_original     text not null,
    title_en           text,
    authors            text[] not null default '{}',
    language           text not null,
    url                text,
    published_date     text,
    published_precision text,
    published_basis    text not null check (published_basis in ('stated', 'inferred', 'unknown')),
    published_evidence text,
    note               text
);

create table publication (
    id                 text primary key,
    publisher_original text not null,
    publisher_en       text,
    title_original     text not null,
    title_en           text,
    kind               text not null,
    url                text,
    published_date     text,
    published_precision text,
    published_basis    text not null check (published_basis in ('stated', 'inferred', 'unknown')),
    published_evidence text
);

create table indicator (
    id              text primary key,
    name_ko         text not null,
    name_en         text not null,
    description_ko  text,
    description_en  text,
    unit_code       text not null,
    unit_multiplier integer not null default 0,
    frequency       text not null,
    value_kind      text not null check (value_kind in ('number', 'range')),
    topics          text[] not null default '{}'
);

create table series (
    id           bigserial primary key,
    indicator_id text not null references indicator (id),
    geo          text not null,
    unique (indicator_id, geo)
);

create table observation (
    id           bigserial primary key,
    series_id    bigint not null references series (id),
    period       text   not null,
    period_start date   not null,
    period_end   date   not null,
    unique (series_id, period)
);

create table observation_version (
    id             bigserial primary key,
    observation_id bigint      not null references observation (id),
    release_id     text        not null references release (id),
    value          numeric,
    value_low      numeric,
    value_high     numeric,
    status         text        not null,
    note           text,
    derivation     text,
    retracted      boolean     not null default false,
    reason         text,
    realtime_start timestamptz not null,
    realtime_end   timestamptz,
    check (realtime_end is null or realtime_end > realtime_start),
    check (retracted or value is not null or (value_low is not null and value_high is not null))
);
create unique index observation_version_current on observation_version (observation_id) where realtime_end is null;
create index observation_version_realtime on observation_version (observation_id, realtime_start);
create index observation_version_release on observation_version (release_id);

create table citation (
    id             bigserial primary key,
    version_id     bigint not null references observation_version (id),
    position       integer not null,
    document_id    text   not null references document (id),
    quote          text   not null check (length(quote) > 0),
    publication_id text references publication (id)
);
create index citation_version on citation (version_id);
create index citation_document on citation (document_id);

create function reject_history_rewrite() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_table_name = 'observation_version'
       and old.realtime_end is null and new.realtime_end is not null
       and (to_jsonb(new) - 'realtime_end') = (to_jsonb(old) - 'realtime_end') then
        return new;
    end if;
    raise exception '% of %.% is not allowed: published history is append-only', tg_op, tg_table_name, old.id;
end $$;

create trigger observation_version_append_only before update or delete on observation_version
    for each row execute function reject_history_rewrite();
create trigger citation_append_only before update or delete on citation
    for each row execute function reject_history_rewrite();
create trigger release_append_only before update or delete on release
    for each row execute function reject_history_rewrite();
