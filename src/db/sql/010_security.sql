-- 010_security.sql — row-level security and table privileges, in one place.
--
-- Owns: ENABLE + FORCE ROW LEVEL SECURITY, every policy, and every table
-- GRANT in schema cme. (Function EXECUTE grants sit beside each function.)
-- Read it as the security matrix of schema v1; a later migration that adds
-- a table adds its lines in a file of its own, and tests/db/migrate.sh fails
-- if a table with la_code lacks RLS, FORCE or a policy.
--
-- Rules:
--  * Privileges (GRANT) say which commands a group role may run on a table
--    (and, for INSERT/UPDATE, which columns: ids, la_code on update,
--    created_at and version are never writable by a person). Policies say
--    which rows: la_code = (SELECT cme.staff_la(current_user)), i.e. the
--    caller's own LA, in USING and in WITH CHECK, so nobody can read, insert,
--    or move a row into another LA.
--  * Every table with la_code has ENABLE + FORCE ROW LEVEL SECURITY. FORCE
--    makes the owner, cme_owner, subject to policies too. Definer functions
--    (which run as cme_owner) need to write any LA's rows — the audit chain,
--    a handover to another LA, the time-based sweep — so each table has a
--    policy "owner_all" for cme_owner that lets everything through; the
--    definer functions then check the caller's scope themselves, explicitly,
--    from session_user. This is safe because cme_owner is NOLOGIN and no
--    person's login is ever a member of it (tests/db/migrate.sh checks).
--  * Reference tables without la_code are plain shared tables: SELECT for
--    every cme role, no RLS. cme.la and cme.school have la_code but are
--    public reference lists: RLS is on, with a read-everything policy.
--  * Superusers bypass RLS even with FORCE; no cme role is a superuser or
--    has BYPASSRLS (001_roles.sql asserts it).
--
-- Who may do what (S = SELECT, I = INSERT, U = UPDATE, D = DELETE; "own" =
-- rows of the caller's LA; "mine" = own LA and owner = current_user):
--
--   table            caseworker  supervisor  admin     school  auditor
--   reference lists  S all       S all       S all     S all   S all
--   la, school       S all       S all       S all     S all   S all
--   team, staff      S own       S own       SIUD own  -       S own
--                                            (staff: SIU, no D)
--   la_settings      S own       S own       SIU own   -       -
--   term,            S own       S own       SIUD own  -       -
--     non_school_day
--   child, child_name, child_former_upn, address, person, child_person
--                    SIU own     SIU own     S own     -       -
--   enrolment, attendance, register_return, cme_case, case_enquiry, alert
--                    S own       S own       S own     -       -
--   case_contact     SI own      SI own      S own     -       -
--                    (insert: recorded_by = session_user; never U or D)
--   saved_queue      SIUD mine   SIUD mine   SIUD mine -       -
--   audit_log        -           -           S own     -       S own
--   audit_head       -           -           -         -       -
--
-- Schools get nothing on LA data here: their submissions (attendance,
-- returns) go through definer functions of a later issue. Auditors read the
-- audit log, staff and teams of their LA (to name actors), not the
-- casework itself. Writes with rules (cases, alerts, enquiries, enrolments,
-- attendance) come through definer functions of later issues.

SET LOCAL ROLE cme_owner;

-- ---------------------------------------------------------------- reference

GRANT SELECT ON cme.attendance_code, cme.deletion_ground, cme.cme_reason,
    cme.case_outcome, cme.enquiry_item, cme.alert_rule
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor;

ALTER TABLE cme.la ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.la FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.la TO cme_owner USING (true) WITH CHECK (true);
CREATE POLICY read_all ON cme.la FOR SELECT
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor
    USING (true);
GRANT SELECT ON cme.la
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor;

ALTER TABLE cme.school ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.school FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.school TO cme_owner USING (true) WITH CHECK (true);
CREATE POLICY read_all ON cme.school FOR SELECT
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor
    USING (true);
GRANT SELECT ON cme.school
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor;

-- --------------------------------------------------------------- org tables

ALTER TABLE cme.team ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.team FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.team TO cme_owner USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.team
    TO cme_caseworker, cme_supervisor, cme_admin, cme_auditor
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.team
    TO cme_caseworker, cme_supervisor, cme_admin, cme_auditor;
GRANT INSERT (la_code, name, active), UPDATE (name, active), DELETE
    ON cme.team TO cme_admin;

ALTER TABLE cme.staff ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.staff FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.staff TO cme_owner USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.staff
    TO cme_caseworker, cme_supervisor, cme_admin, cme_auditor
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.staff
    TO cme_caseworker, cme_supervisor, cme_admin, cme_auditor;
GRANT INSERT (la_code, role_name, team_id, display_name, kind, laestab,
	email, active),
    UPDATE (team_id, display_name, kind, laestab, email, active)
    ON cme.staff TO cme_admin;

ALTER TABLE cme.la_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.la_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.la_settings TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.la_settings
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.la_settings
    TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, persistent_absence_pct, severe_absence_pct,
	unauth_streak_days, n_code_grace_days, sickness_days,
	enquiries_clock_days, min_possible_sessions),
    UPDATE (persistent_absence_pct, severe_absence_pct, unauth_streak_days,
	n_code_grace_days, sickness_days, enquiries_clock_days,
	min_possible_sessions)
    ON cme.la_settings TO cme_admin;

ALTER TABLE cme.term ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.term FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.term TO cme_owner USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.term
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.term TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, academic_year, name, starts, ends),
    UPDATE (academic_year, name, starts, ends), DELETE
    ON cme.term TO cme_admin;

ALTER TABLE cme.non_school_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.non_school_day FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.non_school_day TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.non_school_day
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.non_school_day
    TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, day, reason), UPDATE (day, reason), DELETE
    ON cme.non_school_day TO cme_admin;

-- ------------------------------------------------------------ child record

ALTER TABLE cme.child ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.child FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.child TO cme_owner USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.child
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.child TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, upn, legal_forename, legal_middle_names, legal_surname,
	preferred_forename, preferred_surname, dob, dob_estimated, sex,
	ehe_status, sen, child_in_need, child_protection, looked_after,
	young_carer, grt, service_child, restricted, team_id),
    UPDATE (upn, legal_forename, legal_middle_names, legal_surname,
	preferred_forename, preferred_surname, dob, dob_estimated, sex,
	ehe_status, sen, child_in_need, child_protection, looked_after,
	young_carer, grt, service_child, restricted, team_id)
    ON cme.child TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.child_name ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.child_name FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.child_name TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.child_name
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.child_name TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, child_id, kind, forename, surname, valid_from,
	valid_to, note),
    UPDATE (kind, forename, surname, valid_from, valid_to, note)
    ON cme.child_name TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.child_former_upn ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.child_former_upn FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.child_former_upn TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.child_former_upn
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.child_former_upn
    TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, child_id, upn, noted_on, source),
    UPDATE (upn, noted_on, source)
    ON cme.child_former_upn TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.address ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.address FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.address TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.address
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.address TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, child_id, kind, line1, line2, line3, town, postcode,
	country, uprn, valid_from, valid_to, note),
    UPDATE (kind, line1, line2, line3, town, postcode, country, uprn,
	valid_from, valid_to, note)
    ON cme.address TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.person ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.person FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.person TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.person
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.person TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, title, forename, surname, phone, phone_alt, email,
	address_text, note),
    UPDATE (title, forename, surname, phone, phone_alt, email, address_text,
	note)
    ON cme.person TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.child_person ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.child_person FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.child_person TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.child_person
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.child_person TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, child_id, person_id, relationship,
	parental_responsibility, lives_with, emergency_contact,
	contact_order, note),
    UPDATE (relationship, parental_responsibility, lives_with,
	emergency_contact, contact_order, note)
    ON cme.child_person TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.enrolment ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.enrolment FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.enrolment TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.enrolment
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.enrolment TO cme_caseworker, cme_supervisor, cme_admin;

-- ------------------------------------------------------ attendance, returns

ALTER TABLE cme.attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.attendance FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.attendance TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.attendance
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.attendance TO cme_caseworker, cme_supervisor, cme_admin;

ALTER TABLE cme.register_return ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.register_return FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.register_return TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.register_return
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.register_return
    TO cme_caseworker, cme_supervisor, cme_admin;

-- ---------------------------------------------------------------- casework

ALTER TABLE cme.cme_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.cme_case FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.cme_case TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.cme_case
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.cme_case TO cme_caseworker, cme_supervisor, cme_admin;

-- Append-only: SELECT and INSERT only, and the insert must be the caller's
-- own record (recorded_by = session_user). The triggers in 008_casework.sql
-- refuse UPDATE and DELETE even to the owner.
ALTER TABLE cme.case_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.case_contact FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.case_contact TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la_read ON cme.case_contact FOR SELECT
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)));
CREATE POLICY own_la_insert ON cme.case_contact FOR INSERT
    TO cme_caseworker, cme_supervisor
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user))
	AND recorded_by = session_user);
GRANT SELECT ON cme.case_contact TO cme_caseworker, cme_supervisor, cme_admin;
GRANT INSERT (la_code, case_id, kind, contact_at, with_whom, outcome, note,
	recorded_by, amends_contact_id, idem_key)
    ON cme.case_contact TO cme_caseworker, cme_supervisor;

ALTER TABLE cme.case_enquiry ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.case_enquiry FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.case_enquiry TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.case_enquiry
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.case_enquiry TO cme_caseworker, cme_supervisor, cme_admin;

ALTER TABLE cme.alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.alert FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.alert TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.alert
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)))
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.alert TO cme_caseworker, cme_supervisor, cme_admin;

-- A saved queue is its owner's alone (current_user: the person querying).
ALTER TABLE cme.saved_queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.saved_queue FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.saved_queue TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY mine ON cme.saved_queue
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user))
	AND owner = current_user)
    WITH CHECK (la_code = (SELECT cme.staff_la(current_user))
	AND owner = current_user);
GRANT SELECT, DELETE, INSERT (la_code, owner, name, pattern, position),
    UPDATE (name, pattern, position)
    ON cme.saved_queue TO cme_caseworker, cme_supervisor, cme_admin;

-- ------------------------------------------------------------------- audit

ALTER TABLE cme.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.audit_log TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la_read ON cme.audit_log FOR SELECT
    TO cme_auditor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.audit_log TO cme_auditor, cme_admin;

ALTER TABLE cme.audit_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.audit_head FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.audit_head TO cme_owner
    USING (true) WITH CHECK (true);

-- ------------------------------------------------------------- assertions
-- Belt and braces at migration time; tests/db/migrate.sh checks the same.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(c.relname, ', ') INTO bad
	  FROM pg_class c
	  JOIN pg_namespace n ON n.oid = c.relnamespace
	 WHERE n.nspname = 'cme' AND c.relkind IN ('r', 'p')
	   AND EXISTS (SELECT 1 FROM pg_attribute a
			WHERE a.attrelid = c.oid AND a.attname = 'la_code'
			  AND NOT a.attisdropped)
	   AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
		OR NOT EXISTS (SELECT 1 FROM pg_policy p
				WHERE p.polrelid = c.oid));
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'LA tables without RLS, FORCE or a policy: %', bad;
	END IF;
	SELECT string_agg(r.rolname, ', ') INTO bad
	  FROM pg_roles r
	 WHERE r.rolname IN ('cme_owner', 'cme_caseworker', 'cme_supervisor',
			     'cme_admin', 'cme_school', 'cme_auditor')
	   AND (r.rolsuper OR r.rolbypassrls OR r.rolcanlogin);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'cme roles must be NOLOGIN, NOSUPERUSER, '
		    'NOBYPASSRLS: %', bad;
	END IF;
END
$$;

RESET ROLE;
