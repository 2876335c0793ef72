-- A release is applied a chunk of values at a time, so that a release of 100,000 values never has to be held in
-- memory whole (issue 10): its counts (added, revised, retracted) are only known once the last chunk is written, and
-- the release row, which never changes after it is inserted, goes in last. What references a release may therefore
-- be checked when the transaction commits; the publish asks for that (SET CONSTRAINTS ALL DEFERRED), every other
-- writer still gets the check at once.
do $$
declare
    reference record;
begin
    for reference in
        select conrelid::regclass as referencing, conname
        from pg_constraint
        where contype = 'f' and confrelid = 'release'::regclass
    loop
        execute format('alter table %s alter constraint %I deferrable initially immediate',
                       reference.referencing, reference.conname);
    end loop;
end
$$;
