-- Two database roles: the one that runs these migrations owns the tables (only an owner may
-- ALTER TABLE ... DISABLE TRIGGER, DROP or TRUNCATE), and the service connects as
-- ${serviceRole} (setting sscard.db.service-role, SSCARD_DB_SERVICE_ROLE), or as a login role
-- that is a member of it, which may only read and write rows: SELECT and INSERT on the history
-- tables (activation_events, admin_events), SELECT/INSERT/UPDATE/DELETE on the working tables,
-- nothing on Flyway's own table. Tables and sequences that later migrations create get the
-- working-table grants automatically (ALTER DEFAULT PRIVILEGES); a later history table must
-- revoke UPDATE and DELETE again, as below.
--
-- The role is created here (NOLOGIN) when it does not exist and the migrating user may create
-- roles. If it may not, the grants are skipped with a warning: create the role, then run the
-- statements of the second block below by hand as the owner (README, "Database roles").
do $$
begin
    if not exists (select from pg_roles where rolname = '${serviceRole}') then
        begin
            create role "${serviceRole}" nologin;
        exception
            when duplicate_object or unique_violation then
                null; -- created at the same moment by a migration of another database on this server
            when insufficient_privilege then
                raise warning 'Role ${serviceRole} does not exist and % may not create it: grants skipped', current_user;
        end;
    end if;
end;
$$;

do $$
declare
    schema_name text := current_schema();
    role_name text := '${serviceRole}';
begin
    if not exists (select from pg_roles where rolname = role_name) then
        return;
    end if;
    if role_name = current_user then
        raise warning 'The service role % is the owner of the tables: the audit trail is not protected', role_name;
        return;
    end if;
    execute format('grant usage on schema %I to %I', schema_name, role_name);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema_name, role_name);
    execute format('grant usage, select on all sequences in schema %I to %I', schema_name, role_name);
    execute format('revoke update, delete, truncate, references, trigger on activation_events, admin_events from %I', role_name);
    execute format('revoke all on %I from %I', '${flyway:table}', role_name);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
        schema_name, role_name);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', schema_name, role_name);
end;
$$;
