-- tests/db/fixture.sql — crafted rows for the database tests (synthetic).
--
-- Load as the cluster superuser into a freshly migrated database:
--     psql -X -v ON_ERROR_STOP=1 --single-transaction -f tests/db/fixture.sql
-- Every LA-scoped table gets rows in BOTH LA 830 (Derbyshire) and LA 886
-- (Kent), so that tests/db/rls.sh can compare what each role sees with what
-- the superuser sees, per LA. audit_log and audit_head are filled by the
-- audit triggers as these rows go in (actor = the superuser).
--
-- Login roles (cluster-wide, created only when missing, so a second load in
-- another database is fine):
--     t_alex    caseworker  830   team North
--     t_sam     supervisor  830   team North
--     t_ada     admin       830
--     t_school  school      830   school 8302001
--     t_casey   caseworker  886   team Kent East
--     t_aud     auditor     886
-- Staff rows f_* are people without a login role (names only).
--
-- All names, dates of birth, UPNs (valid check letters), addresses, phone
-- numbers and emails are invented. Ids are explicit (readable in tests) and
-- the identity sequences are moved past them at the end.

DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT * FROM (VALUES
		('t_alex', 'cme_caseworker'), ('t_sam', 'cme_supervisor'),
		('t_ada', 'cme_admin'), ('t_school', 'cme_school'),
		('t_casey', 'cme_caseworker'), ('t_aud', 'cme_auditor'))
		AS v(role, grp)
	LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.role) THEN
			EXECUTE format('CREATE ROLE %I LOGIN', r.role);
		END IF;
		EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS '
		    'NOCREATEDB NOCREATEROLE INHERIT', r.role);
		EXECUTE format('GRANT %I TO %I', r.grp, r.role);
	END LOOP;
END
$$;

INSERT INTO cme.school (laestab, la_code, urn, name, phase, governance,
    postcode, opened_on) VALUES
	(8302001, 830, 900001, 'Fixture Brook Primary', 'primary', 'maintained', 'DE4 1AA', '1975-09-01'),
	(8304001, 830, 900002, 'Fixture Hill Academy', 'secondary', 'academy', 'S40 2BB', '2012-09-01'),
	(8862001, 886, 900003, 'Fixture Downs Primary', 'primary', 'maintained', 'CT1 3CC', '1968-09-01'),
	(8864001, 886, 900004, 'Fixture Weald School', 'secondary', 'academy', 'TN9 4DD', '2011-09-01'),
	(3302001, 330, 900005, 'Fixture City Primary', 'primary', 'maintained', 'B1 5EE', '1990-09-01');

INSERT INTO cme.team (la_code, team_id, name) VALUES
	(830, 1, 'North Derbyshire'),
	(830, 2, 'South Derbyshire'),
	(886, 3, 'Kent East');

INSERT INTO cme.staff (la_code, role_name, team_id, display_name, kind,
    laestab, email) VALUES
	(830, 't_alex', 1, 'Alex Example', 'caseworker', NULL, 'alex@example.invalid'),
	(830, 't_sam', 1, 'Sam Example', 'supervisor', NULL, 'sam@example.invalid'),
	(830, 't_ada', NULL, 'Ada Example', 'admin', NULL, NULL),
	(830, 't_school', NULL, 'Brook Primary office', 'school', 8302001, NULL),
	(830, 'f_derbys_cw2', 2, 'Robin Placeholder', 'caseworker', NULL, NULL),
	(886, 't_casey', 3, 'Casey Example', 'caseworker', NULL, 'casey@example.invalid'),
	(886, 't_aud', NULL, 'Audrey Example', 'auditor', NULL, NULL),
	(886, 'f_kent_sup', 3, 'Jordan Placeholder', 'supervisor', NULL, NULL);

INSERT INTO cme.la_settings (la_code) VALUES (830);
INSERT INTO cme.la_settings (la_code, persistent_absence_pct,
    unauth_streak_days) VALUES (886, 92.5, 8);

INSERT INTO cme.term (la_code, term_id, academic_year, name, starts, ends) VALUES
	(830, 1, 2024, 'autumn', '2024-09-04', '2024-12-20'),
	(830, 2, 2024, 'spring', '2025-01-06', '2025-04-04'),
	(830, 3, 2024, 'summer', '2025-04-22', '2025-07-22'),
	(886, 4, 2024, 'autumn', '2024-09-03', '2024-12-20'),
	(886, 5, 2024, 'spring', '2025-01-06', '2025-04-04');

INSERT INTO cme.non_school_day (la_code, day, reason) VALUES
	(830, '2024-10-28', 'half term'), (830, '2024-10-29', 'half term'),
	(830, '2024-10-30', 'half term'), (830, '2024-10-31', 'half term'),
	(830, '2024-11-01', 'half term'), (830, '2025-05-05', 'bank holiday'),
	(886, '2024-10-28', 'half term'), (886, '2024-11-01', 'INSET');

INSERT INTO cme.child (la_code, child_id, upn, legal_forename,
    legal_middle_names, legal_surname, preferred_forename, preferred_surname,
    dob, sex, ehe_status, sen, child_in_need, grt, service_child, restricted,
    team_id) VALUES
	(830, 8301, 'Z830200124001', 'Amelia', 'Rose', 'Clarkson', NULL, NULL, '2014-03-02', 'F', 'none', 'none', false, false, false, false, 1),
	(830, 8302, 'N830200124002', 'Oskar', NULL, 'Nowakowski', 'Ossie', NULL, '2012-11-19', 'M', 'none', 'sen_support', true, false, false, false, 1),
	(830, 8303, NULL, 'Zoë', NULL, 'Ó Briain', NULL, NULL, '2016-06-30', 'F', 'assessing', 'none', false, true, false, true, 2),
	(886, 8861, 'R886200124001', 'Kai', NULL, 'Osei-Mensah', NULL, NULL, '2013-01-15', 'M', 'none', 'ehcp', false, false, true, false, 3),
	(886, 8862, 'F886200124002', 'Leyla', NULL, 'Demirtaş', NULL, 'Demir', '2015-08-08', 'F', 'none', 'none', false, false, false, false, 3),
	(886, 8863, NULL, 'Tomasz', NULL, 'Wiśniewski', NULL, NULL, '2011-12-01', 'M', 'none', 'none', false, false, false, false, NULL);

INSERT INTO cme.child_name (la_code, name_id, child_id, kind, forename,
    surname, valid_from, valid_to, note) VALUES
	(830, 1, 8301, 'former', 'Amelia', 'Grant', '2014-03-02', '2019-05-01', 'name at birth'),
	(830, 2, 8302, 'alias', 'Oscar', 'Novak', NULL, NULL, 'spelling used by a previous school'),
	(886, 3, 8861, 'alias', 'Kay', NULL, NULL, NULL, NULL),
	(886, 4, 8862, 'former', 'Leila', 'Demirtas', NULL, '2020-01-01', NULL);

INSERT INTO cme.child_former_upn (la_code, child_id, upn, noted_on, source) VALUES
	(830, 8302, 'F830200123004', '2024-09-10', 'CTF from previous school'),
	(886, 8862, 'Y886200123004', '2024-09-12', 'deletion return');

INSERT INTO cme.address (la_code, address_id, child_id, kind, line1, town,
    postcode, valid_from, valid_to) VALUES
	(830, 1, 8301, 'home', '1 Fixture Lane', 'Matlock', 'DE4 3ZZ', '2019-05-01', NULL),
	(830, 2, 8302, 'home', '2 Example Row', 'Chesterfield', 'S40 1ZZ', '2020-01-01', '2024-08-31'),
	(830, 3, 8302, 'forwarding', '9 Unknown Road', 'Leeds', 'LS1 9ZZ', '2024-09-01', NULL),
	(886, 4, 8861, 'home', '4 Sample Street', 'Canterbury', 'CT1 9ZZ', '2018-01-01', NULL),
	(886, 5, 8862, 'home', '5 Test Close', 'Tonbridge', 'TN9 9ZZ', '2021-07-01', NULL);

INSERT INTO cme.person (la_code, person_id, title, forename, surname, phone,
    email) VALUES
	(830, 1, 'Ms', 'Hannah', 'Clarkson', '01632 960001', 'hannah@example.invalid'),
	(830, 2, NULL, 'Piotr', 'Nowakowski', '07700 900002', NULL),
	(886, 3, 'Mr', 'Kwame', 'Osei-Mensah', '01632 960003', NULL),
	(886, 4, NULL, 'Ayşe', 'Demirtaş', '07700 900004', 'ayse@example.invalid');

INSERT INTO cme.child_person (la_code, child_id, person_id, relationship,
    parental_responsibility, lives_with, emergency_contact) VALUES
	(830, 8301, 1, 'mother', true, true, true),
	(830, 8302, 2, 'father', true, true, true),
	(886, 8861, 3, 'father', true, true, true),
	(886, 8862, 4, 'mother', true, true, true);

INSERT INTO cme.enrolment (la_code, enrolment_id, child_id, laestab, starts,
    ends, deletion_ground, destination_laestab) VALUES
	(830, 1, 8301, 8302001, '2018-09-05', NULL, NULL, NULL),
	(830, 2, 8302, 8304001, '2023-09-06', '2024-10-11', 'i', NULL),
	(830, 3, 8303, 3302001, '2021-09-01', '2023-07-20', 'f', NULL),
	(886, 4, 8861, 8864001, '2024-09-03', NULL, NULL, NULL),
	(886, 5, 8862, 8862001, '2019-09-04', '2024-12-13', 'g', 3302001);

-- Marks: the first eight to ten school days of the term, from its first
-- day (830 starts on a Wednesday, 886 on a Tuesday); weekends are '-'.
INSERT INTO cme.attendance (la_code, child_id, laestab, term_id, marks,
    possible, present, auth_absent, unauth_absent, last_marked)
SELECT v.la_code, v.child_id, v.laestab, v.term_id, v.marks, t.possible,
       t.present, t.auth_absent, t.unauth_absent, v.last_marked::date
  FROM (VALUES
	(830, 8301, 8302001, 1, '/\/\/\----/\/\/\IIMM----', '2024-09-13'),
	(830, 8302, 8304001, 1, 'NNOONN----/\GGGGNNNN----', '2024-09-13'),
	(886, 8861, 8864001, 4, '/\/\/\/\----/\/\/\LLUU----', '2024-09-13'),
	(886, 8862, 8862001, 4, 'NNOO/\/\----OOOOGGc1p\----', '2024-09-13'))
	AS v(la_code, child_id, laestab, term_id, marks, last_marked)
 CROSS JOIN LATERAL cme.attendance_tally(v.marks) AS t;

INSERT INTO cme.register_return (la_code, return_id, laestab, kind,
    event_date, ground, destination_laestab, upn, forename, surname, dob, sex,
    postcode, detail, child_id) VALUES
	(830, 1, 8304001, 'deletion', '2024-10-11', 'i', NULL, 'N830200124002', 'OSKAR', 'NOWAKOWSKI', '2012-11-19', 'M', 'S40 1ZZ', '{"parent": "Piotr Nowakowski"}', 8302),
	(830, 2, 8302001, 'new_pupil', '2024-09-05', NULL, NULL, 'V830200124006', 'Jamie', 'Newcomer', '2017-02-02', 'M', 'DE4 1ZZ', '{}', NULL),
	(886, 3, 8862001, 'deletion', '2024-12-13', 'g', 3302001, 'F886200124002', 'LEYLA', 'DEMIRTAS', '2015-08-08', 'F', 'TN9 9ZZ', '{}', 8862),
	(886, 4, 8864001, 'absence_10_day', '2024-11-04', NULL, NULL, 'R886200124001', 'KAI', 'OSEI-MENSAH', '2013-01-15', 'M', NULL, '{}', 8861);

INSERT INTO cme.cme_case (la_code, case_id, child_id, status, source, reason,
    referred_on, assigned_to, team_id, summary, closure_outcome,
    closure_requested_by, closure_requested_at, closure_decided_by,
    closure_decided_at, closure_decision, closed_on, located_on) VALUES
	(830, 1, 8302, 'enquiries', 'register_return', 'whereabouts_unknown', '2024-10-14', 't_alex', 1, 'deleted under 9(1)(i), forwarding address in Leeds', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(830, 2, 8301, 'closed', 'school', 'application_awaiting', '2024-01-08', 't_alex', 1, NULL, 'on_roll', 't_alex', '2024-02-01 10:00+00', 't_sam', '2024-02-02 09:00+00', 'approved', '2024-02-02', '2024-01-30'),
	(886, 3, 8862, 'referred', 'register_return', 'moved_abroad', '2024-12-16', 't_casey', 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(886, 4, 8861, 'enquiries', 'alert', NULL, '2024-11-05', NULL, 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

INSERT INTO cme.case_contact (la_code, contact_id, case_id, kind, contact_at,
    with_whom, outcome, note, recorded_by, amends_contact_id, idem_key) VALUES
	(830, 1, 1, 'phone', '2024-10-15 09:30+01', 'father (Piotr)', 'no answer', 'rang twice', 't_alex', NULL, '00000000-0000-4000-8000-000000000001'),
	(830, 2, 1, 'home_visit', '2024-10-17 14:00+01', 'neighbour', 'family moved out', 'neighbour thinks Leeds', 't_alex', NULL, '00000000-0000-4000-8000-000000000002'),
	(830, 3, 1, 'home_visit', '2024-10-17 14:00+01', 'neighbour', 'family moved out', 'neighbour thinks Leeds, early October', 't_alex', 2, '00000000-0000-4000-8000-000000000003'),
	(886, 4, 3, 'email', '2024-12-17 11:00+00', 'mother (Ayşe)', 'replied', 'says family in Istanbul', 't_casey', NULL, '00000000-0000-4000-8000-000000000004'),
	(886, 5, 4, 'agency_check', '2024-11-06 10:00+00', 'school nurse', 'not known', '', 't_casey', NULL, '00000000-0000-4000-8000-000000000005');

INSERT INTO cme.case_enquiry (la_code, case_id, item, state, done_on,
    officer, note) VALUES
	(830, 1, 'phone_email', 'done_not_found', '2024-10-15', 't_alex', NULL),
	(830, 1, 'home_visit', 'done_not_found', '2024-10-17', 't_alex', NULL),
	(830, 1, 'other_las', 'not_started', NULL, NULL, 'ask Leeds'),
	(886, 3, 'phone_email', 'done_found', '2024-12-17', 't_casey', NULL),
	(886, 3, 'home_office', 'not_started', NULL, NULL, NULL);

INSERT INTO cme.alert (la_code, alert_id, child_id, rule, severity, status,
    raised_at, case_id, assigned_to, team_id, snooze_until, detail,
    resolved_at, resolved_by, resolution_note) VALUES
	(830, 1, 8302, 'unauth_streak', 'high', 'open', '2024-09-30 06:00+01', 1, 't_alex', 1, NULL, '{"days": 12}', NULL, NULL, NULL),
	(830, 2, 8301, 'persistent_absence', 'medium', 'resolved', '2024-03-01 06:00+00', NULL, 't_alex', 1, NULL, '{"pct": 88.9}', '2024-03-04 12:00+00', 't_alex', 'improving'),
	(830, 3, 8301, 'persistent_absence', 'medium', 'snoozed', '2024-10-01 06:00+01', NULL, NULL, 1, '2024-10-20', '{"pct": 89.5}', NULL, NULL, NULL),
	(886, 4, 8862, 'no_destination', 'high', 'acknowledged', '2024-12-14 06:00+00', 3, 't_casey', 3, NULL, '{}', NULL, NULL, NULL),
	(886, 5, 8861, 'absence_return', 'medium', 'open', '2024-11-05 06:00+00', NULL, NULL, 3, NULL, '{"return_id": 4}', NULL, NULL, NULL);

INSERT INTO cme.saved_queue (la_code, queue_id, owner, name, pattern, position) VALUES
	(830, 1, 't_alex', 'my overdue', 'assigned:me overdue', 1),
	(830, 2, 't_alex', 'GRT', 'flag:grt', 2),
	(830, 3, 't_sam', 'team unassigned', 'team:1 assigned:none', 1),
	(830, 4, 't_ada', 'restricted', 'restricted', 1),
	(886, 5, 't_casey', 'mine', 'assigned:me', 1),
	(886, 6, 'f_kent_sup', 'approvals', 'closure:pending', 1);

-- An update, so that the audit log holds an update row in each LA.
UPDATE cme.child SET preferred_forename = 'Millie' WHERE la_code = 830 AND child_id = 8301;
UPDATE cme.alert SET severity = 'high' WHERE la_code = 886 AND alert_id = 5;

-- Move every identity sequence of schema cme past the explicit ids above.
DO $$
DECLARE
	r record;
	m bigint;
BEGIN
	FOR r IN SELECT c.relname, a.attname
		   FROM pg_attribute a
		   JOIN pg_class c ON c.oid = a.attrelid
		  WHERE c.relnamespace = 'cme'::regnamespace
		    AND a.attidentity <> '' AND NOT a.attisdropped
	LOOP
		EXECUTE format('SELECT max(%I) FROM cme.%I', r.attname, r.relname)
		    INTO m;
		IF m IS NOT NULL THEN
			PERFORM setval(pg_get_serial_sequence('cme.' || r.relname,
			    r.attname), m);
		END IF;
	END LOOP;
END
$$;
