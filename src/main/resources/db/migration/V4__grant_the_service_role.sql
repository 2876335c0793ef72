-- The service connects as its own role, which can read the catalogue and append to it, and nothing else: no DDL, no
-- TRUNCATE, no DELETE, and UPDATE only of the one column a new release closes (realtime_end). Migrations run as the
-- schema's owner (quarkus.flyway.username). The role is created by whoever runs the database (README,
-- deploy/kubernetes); where it does not exist (development), there is nothing to grant.
do $$
declare
    service text := '${service_role}';
begin
    if not exists (select from pg_roles where rolname = service) then
        raise notice 'Role % does not exist; the service connects as the schema owner', service;
        return;
    end if;
    execute format('grant usage on schema public to %I', service);
    execute format('grant select, insert on all tables in schema public to %I', service);
    execute format('revoke all on flyway_schema_history from %I', service);
    execute format('grant usage on all sequences in schema public to %I', service);
    execute format('grant update (realtime_end) on observation_version, indicator_version, document_version, '
                   'publication_version to %I', service);
    -- Tables later migrations add are readable and appendable too; any UPDATE they need is granted there.
    execute format('alter default privileges in schema public grant select, insert on tables to %I', service);
    execute format('alter default privileges in schema public grant usage on sequences to %I', service);
end $$;
