-- Serving pods no longer migrate the schema (the init task does, once per rollout); they wait until the schema is
-- at the version they were built for (SchemaVersion, a readiness check), which they read here. Reading only: the
-- history stays the schema owner's to write (V4).
do $$
declare
    service text := '${service_role}';
begin
    if exists (select from pg_roles where rolname = service) then
        execute format('grant select on flyway_schema_history to %I', service);
    end if;
end $$;
