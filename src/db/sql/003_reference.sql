-- 003_reference.sql — shared reference tables (definitions only; the rows
-- are in 004_reference_data.sql).
--
-- Owns: cme.la, cme.school, cme.attendance_code, cme.deletion_ground,
-- cme.cme_reason, cme.case_outcome, cme.enquiry_item, cme.alert_rule.
--
-- These are national lists, shared by every LA in the database and readable
-- by every cme role (010_security.sql). No application role may write them:
-- they change through migrations (or, for the school list, the loader that a
-- superuser runs).
--
-- Two of them carry la_code: cme.la (the LA list itself) and cme.school (a
-- school belongs to an LA). The rule "every table with la_code has RLS" still
-- holds for them, with a policy that lets every cme role read every row:
-- school names and numbers are public information (Get Information About
-- Schools), and a child of one LA often attends a school of another, so the
-- whole list must be visible to everyone. Their primary keys are their
-- natural national keys (la_code, laestab) — they are not LA-scoped data, so
-- the "la_code first in the primary key" rule does not apply to school.

SET LOCAL ROLE cme_owner;

CREATE TABLE cme.la (
	la_code		smallint PRIMARY KEY
			CHECK (la_code BETWEEN 100 AND 999),
	name		text NOT NULL CHECK (name <> ''),
	retired		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE cme.la IS
    'local authorities (3-digit DfE LA number); reference, readable by all';
COMMENT ON COLUMN cme.la.retired IS
    'code no longer issued (reorganised LA) but still valid inside old UPNs';

-- laestab: LA number * 10000 + DfE establishment number, e.g. 8302001.
CREATE TABLE cme.school (
	laestab		integer PRIMARY KEY
			CHECK (laestab BETWEEN 1000000 AND 9999999),
	la_code		smallint NOT NULL REFERENCES cme.la,
	urn		integer UNIQUE CHECK (urn > 0),
	name		text NOT NULL CHECK (name <> ''),
	phase		text NOT NULL CHECK (phase IN ('nursery', 'primary',
			    'middle', 'secondary', 'all_through', 'special',
			    'alternative', 'post16')),
	governance	text NOT NULL DEFAULT 'maintained'
			CHECK (governance IN ('maintained', 'academy',
			    'free_school', 'independent',
			    'non_maintained_special')),
	postcode	text CHECK (postcode = cme.postcode_norm(postcode)),
	opened_on	date,
	closed_on	date CHECK (closed_on >= opened_on),
	CHECK (laestab / 10000 = la_code)
);
CREATE INDEX school_la_idx ON cme.school (la_code);
COMMENT ON TABLE cme.school IS
    'schools (reference, public information, readable by all cme roles)';
COMMENT ON COLUMN cme.school.laestab IS
    'LA number * 10000 + establishment number (7 digits)';

-- One character per session in the packed attendance strings
-- (007_attendance.sql). Single-character codes pack as themselves; the
-- multi-character 2024 codes need their own character. '-' is reserved for
-- "no mark / not a school day" and is not a code.
CREATE TABLE cme.attendance_code (
	code		text PRIMARY KEY
			CHECK (code ~ '^([A-Z/\\#]|C1|C2|J1|Y[1-7])$'),
	packed		char(1) NOT NULL UNIQUE CHECK (packed <> '-'
			    AND packed ~ '^[!-~]$'),
	category	text NOT NULL CHECK (category IN ('P', 'AA', 'UA', 'NP')),
	meaning		text NOT NULL CHECK (meaning <> ''),
	sort		smallint NOT NULL UNIQUE
);
COMMENT ON TABLE cme.attendance_code IS
    'DfE attendance codes in force from 19 Aug 2024 (domain.md §3.1)';
COMMENT ON COLUMN cme.attendance_code.packed IS
    'the one character that stands for this code in attendance.marks';
COMMENT ON COLUMN cme.attendance_code.category IS
    'P present, AA authorised absence, UA unauthorised, NP not possible';

CREATE TABLE cme.deletion_ground (
	ground		char(1) PRIMARY KEY CHECK (ground ~ '^[a-o]$'),
	regulation	text NOT NULL UNIQUE,
	summary		text NOT NULL CHECK (summary <> ''),
	joint_enquiries	boolean NOT NULL DEFAULT false,
	la_involvement	text
);
COMMENT ON TABLE cme.deletion_ground IS
    'reg 9(1) grounds, School Attendance (Pupil Registration) (England) '
    'Regulations 2024 (domain.md §2.2)';
COMMENT ON COLUMN cme.deletion_ground.joint_enquiries IS
    'school and LA must jointly make reasonable enquiries first (h, i)';

CREATE TABLE cme.cme_reason (
	code		text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	label		text NOT NULL CHECK (label <> ''),
	confirmed	boolean NOT NULL DEFAULT false,
	active		boolean NOT NULL DEFAULT true,
	sort		smallint NOT NULL UNIQUE
);
COMMENT ON TABLE cme.cme_reason IS
    'DfE CME collection "primary reason" (domain.md §4.1); confirmed = '
    'wording seen in a DfE source, otherwise check the current collection guide';

CREATE TABLE cme.case_outcome (
	code		text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	label		text NOT NULL CHECK (label <> ''),
	located		boolean NOT NULL,
	active		boolean NOT NULL DEFAULT true,
	sort		smallint NOT NULL UNIQUE
);
COMMENT ON TABLE cme.case_outcome IS 'how a CME case ended (closure outcome)';

CREATE TABLE cme.enquiry_item (
	item		text PRIMARY KEY CHECK (item ~ '^[a-z][a-z0-9_]*$'),
	label		text NOT NULL CHECK (label <> ''),
	la_level	boolean NOT NULL,
	active		boolean NOT NULL DEFAULT true,
	sort		smallint NOT NULL UNIQUE
);
COMMENT ON TABLE cme.enquiry_item IS
    'the "reasonable enquiries" checklist (domain.md §1.3)';
COMMENT ON COLUMN cme.enquiry_item.la_level IS
    'an LA-level check (other agencies), as opposed to a school/family one';

CREATE TABLE cme.alert_rule (
	rule		text PRIMARY KEY CHECK (rule ~ '^[a-z][a-z0-9_]*$'),
	label		text NOT NULL CHECK (label <> ''),
	severity	text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
	sort		smallint NOT NULL UNIQUE
);
COMMENT ON TABLE cme.alert_rule IS
    'alert rules (product.md §4); thresholds live in cme.la_settings';

RESET ROLE;
