-- 001_roles.sql — roles, schemas, extensions and default privileges.
--
-- Owns: the owner role cme_owner, the five group roles, schema cme (owned by
-- cme_owner), schema cme_ext (pg_trgm, fuzzystrmatch and unaccent live
-- there), and the default privileges that keep new functions in cme from
-- being executable by PUBLIC.
--
-- Applied by `cme db migrate` in one transaction, connected as a superuser
-- (or a role with CREATEROLE + CREATEDB, see below). No BEGIN/COMMIT here:
-- the runner owns the transaction. The database must be UTF8.
--
-- Roles are cluster-wide while everything else is per database, so a second
-- database in the same cluster meets roles that already exist: every role is
-- created only when missing (DO blocks over pg_roles), and then its
-- attributes are asserted with ALTER ROLE, so a role someone loosened by hand
-- is put back (NOLOGIN; and, when the migrator is a superuser, NOSUPERUSER,
-- NOBYPASSRLS, NOREPLICATION — otherwise the migration stops if a cme role
-- has SUPERUSER or BYPASSRLS).
--
-- The roles (design.md §1):
--   cme_owner       owns every table, sequence and function in schema cme.
--                   NOLOGIN, not a superuser, no BYPASSRLS: every table has
--                   FORCE ROW LEVEL SECURITY, so even the owner goes through a
--                   policy (010_security.sql says which). No login role is
--                   ever granted membership of cme_owner.
--   cme_caseworker  CME officers.
--   cme_supervisor  team managers.
--   cme_admin       staff, teams, settings, term calendars; reads the audit.
--   cme_school      schools submitting data (later issues); sees no casework.
--   cme_auditor     data-protection officer: reads the audit log of its LA.
-- Each person logs in as their own login role, granted ONE of the group roles,
-- with a row in cme.staff mapping the login role to its LA and team. The group
-- roles are flat (none is a member of another): every grant is explicit in
-- 010_security.sql.
--
-- Every later migration creates its objects after SET LOCAL ROLE cme_owner
-- (so they are owned by cme_owner without a string of ALTER ... OWNER), and
-- ends with RESET ROLE so that the runner records the version as itself.
-- A migrator that is not a superuser (CREATEROLE + CREATEDB) must be able to
-- SET ROLE cme_owner: this file grants it membership in that case. That
-- deploy role then bypasses RLS through cme_owner's policies, like a
-- superuser would; it must not be a person's everyday login.

DO $$
DECLARE
	r text;
BEGIN
	-- The audit chain hashes UTF-8 text (009_audit.sql).
	IF (SELECT pg_encoding_to_char(encoding) FROM pg_database
	     WHERE datname = current_database()) <> 'UTF8' THEN
		RAISE EXCEPTION 'cme needs a UTF8 database (this one is %)',
		    (SELECT pg_encoding_to_char(encoding) FROM pg_database
		      WHERE datname = current_database());
	END IF;
	FOREACH r IN ARRAY ARRAY['cme_owner', 'cme_caseworker', 'cme_supervisor',
	    'cme_admin', 'cme_school', 'cme_auditor']
	LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
		EXECUTE format('ALTER ROLE %I NOLOGIN NOCREATEDB NOCREATEROLE '
		    'INHERIT', r);
		-- Only a superuser may name these attributes, even to remove
		-- them; a CREATEROLE migrator's roles never have them, and the
		-- check below stops if someone gave them by hand.
		IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
		THEN
			EXECUTE format('ALTER ROLE %I NOSUPERUSER NOBYPASSRLS '
			    'NOREPLICATION', r);
		END IF;
	END LOOP;
	IF EXISTS (SELECT 1 FROM pg_roles
		    WHERE rolname LIKE 'cme\_%' AND (rolsuper OR rolbypassrls)) THEN
		RAISE EXCEPTION 'a cme_* role is a superuser or has BYPASSRLS'
		    USING HINT = 'a superuser must ALTER ROLE ... NOSUPERUSER '
			'NOBYPASSRLS';
	END IF;
	IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND
	    NOT pg_has_role(current_user, 'cme_owner', 'MEMBER') THEN
		EXECUTE format('GRANT cme_owner TO %I', current_user);
	END IF;
END
$$;

COMMENT ON ROLE cme_owner IS
    'cme: owns schema cme; NOLOGIN, never granted to a login role';
COMMENT ON ROLE cme_caseworker IS 'cme: CME officers (group role)';
COMMENT ON ROLE cme_supervisor IS 'cme: team managers (group role)';
COMMENT ON ROLE cme_admin IS
    'cme: staff, teams, settings, calendars; reads the audit (group role)';
COMMENT ON ROLE cme_school IS 'cme: schools submitting data (group role)';
COMMENT ON ROLE cme_auditor IS 'cme: data-protection officer (group role)';

-- Extensions: trusted contrib modules, kept out of schema cme so that every
-- object in cme belongs to cme_owner. Code refers to them qualified
-- (cme_ext.unaccent, OPERATOR(cme_ext.%), cme_ext.gin_trgm_ops). If one is
-- already installed in another schema of this database we stop rather than
-- move it under someone else's feet.
CREATE SCHEMA IF NOT EXISTS cme_ext;
REVOKE ALL ON SCHEMA cme_ext FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA cme_ext;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA cme_ext;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA cme_ext;
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(e.extname || ' (in ' || n.nspname || ')', ', ')
	  INTO bad
	  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname IN ('pg_trgm', 'fuzzystrmatch', 'unaccent')
	   AND n.nspname <> 'cme_ext';
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'cme needs its extensions in schema cme_ext: %', bad
		    USING HINT = 'ALTER EXTENSION name SET SCHEMA cme_ext, '
			'after checking nothing else depends on where it is';
	END IF;
END
$$;
GRANT USAGE ON SCHEMA cme_ext TO cme_owner, cme_caseworker, cme_supervisor,
    cme_admin, cme_school, cme_auditor;

CREATE SCHEMA IF NOT EXISTS cme AUTHORIZATION cme_owner;
ALTER SCHEMA cme OWNER TO cme_owner;
REVOKE ALL ON SCHEMA cme FROM PUBLIC;
GRANT USAGE ON SCHEMA cme TO cme_caseworker, cme_supervisor, cme_admin,
    cme_school, cme_auditor;
COMMENT ON SCHEMA cme IS 'cme: children missing education casework';

-- Nothing cme_owner creates is usable by PUBLIC unless granted explicitly:
-- functions are EXECUTE-able by PUBLIC by default, which would hand every
-- SECURITY DEFINER function to every login in the cluster. (Per-schema
-- default privileges can only add to the global ones, so this is global for
-- cme_owner, which creates nothing outside schema cme.) Trigger functions
-- need no EXECUTE grant: privileges are checked when the trigger is
-- created, not when it fires.
ALTER DEFAULT PRIVILEGES FOR ROLE cme_owner
    REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
