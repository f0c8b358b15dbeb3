-- Hands the audit trail (the audit_event table and its guard function) to a role of its own, so the role
-- Peelian connects as can add and read audit records but never switch off the guard, drop it, or change rows.
--
-- Run it once, as a superuser, after `peelian db migrate` has created the tables, and again after any
-- later migration that changes audit_event (such a migration has to be applied by a superuser too):
--
--   psql "postgres://admin@db.example/peelian" -c "SET peelian.app_role = 'peelian'" \
--     -f docs/postgresql/audit-owner.sql
--
-- `peelian.audit_owner` names the owning role (default peelian_audit_owner). It is created without LOGIN if
-- missing. Running the script twice is safe.
DO $$
DECLARE
  app_role text := nullif(current_setting('peelian.app_role', true), '');
  owner_role text := coalesce(nullif(current_setting('peelian.audit_owner', true), ''), 'peelian_audit_owner');
BEGIN
  IF app_role IS NULL THEN
    RAISE EXCEPTION 'Set peelian.app_role to the role Peelian connects as, e.g. SET peelian.app_role = ''peelian''';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = owner_role) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', owner_role);
  END IF;
  -- A member of the owner role could become it with SET ROLE, which would undo the point.
  IF pg_has_role(app_role, owner_role, 'MEMBER') THEN
    RAISE EXCEPTION 'Role % must not be a member of %', app_role, owner_role;
  END IF;
  EXECUTE format('ALTER TABLE audit_event OWNER TO %I', owner_role);
  EXECUTE format('ALTER FUNCTION audit_event_refuse_change() OWNER TO %I', owner_role);
  EXECUTE format('REVOKE ALL ON audit_event FROM PUBLIC, %I', app_role);
  EXECUTE format('GRANT SELECT, INSERT ON audit_event TO %I', app_role);
END
$$;
