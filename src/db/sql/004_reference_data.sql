-- 004_reference_data.sql — the rows of the shared reference tables.
--
-- Owns the contents of: cme.la (a selection), cme.attendance_code,
-- cme.deletion_ground, cme.cme_reason, cme.case_outcome, cme.enquiry_item,
-- cme.alert_rule. cme.school is not filled here: the school list is loaded
-- by the seed (synthetic schools) or, for a council, from GIAS.
--
-- Sources: domain.md §1.3 (enquiries), §2.2 (reg 9(1) grounds), §3.1 (2024
-- attendance codes), §4.1 (CME reasons), §5.4 (LA codes). Facts marked [K]
-- there (unconfirmed) are marked here too; check them before relying on them.
-- Later changes to these lists are new migrations, never edits of this file.

SET LOCAL ROLE cme_owner;

-- LA list: the codes named in domain.md §5.4. The names of the London
-- boroughs 202-213 and 301-320 and the post-2019 codes (838, 839, 940-943)
-- are [K]: check against GIAS. This is not yet the full list of 153 LAs; the
-- seed or a later migration adds the rest.
INSERT INTO cme.la (la_code, name, retired) VALUES
	(201, 'City of London', false),
	(202, 'Camden', false),
	(203, 'Greenwich', false),
	(204, 'Hackney', false),
	(205, 'Hammersmith and Fulham', false),
	(206, 'Islington', false),
	(207, 'Kensington and Chelsea', false),
	(208, 'Lambeth', false),
	(209, 'Lewisham', false),
	(210, 'Southwark', false),
	(211, 'Tower Hamlets', false),
	(212, 'Wandsworth', false),
	(213, 'Westminster', false),
	(301, 'Barking and Dagenham', false),
	(302, 'Barnet', false),
	(303, 'Bexley', false),
	(304, 'Brent', false),
	(305, 'Bromley', false),
	(306, 'Croydon', false),
	(307, 'Ealing', false),
	(308, 'Enfield', false),
	(309, 'Haringey', false),
	(310, 'Harrow', false),
	(311, 'Havering', false),
	(312, 'Hillingdon', false),
	(313, 'Hounslow', false),
	(314, 'Kingston upon Thames', false),
	(315, 'Merton', false),
	(316, 'Newham', false),
	(317, 'Redbridge', false),
	(318, 'Richmond upon Thames', false),
	(319, 'Sutton', false),
	(320, 'Waltham Forest', false),
	(330, 'Birmingham', false),
	(331, 'Coventry', false),
	(332, 'Dudley', false),
	(333, 'Sandwell', false),
	(334, 'Solihull', false),
	(335, 'Walsall', false),
	(336, 'Wolverhampton', false),
	(340, 'Knowsley', false),
	(341, 'Liverpool', false),
	(342, 'St Helens', false),
	(343, 'Sefton', false),
	(344, 'Wirral', false),
	(350, 'Bolton', false),
	(351, 'Bury', false),
	(352, 'Manchester', false),
	(353, 'Oldham', false),
	(354, 'Rochdale', false),
	(355, 'Salford', false),
	(356, 'Stockport', false),
	(357, 'Tameside', false),
	(358, 'Trafford', false),
	(359, 'Wigan', false),
	(370, 'Barnsley', false),
	(371, 'Doncaster', false),
	(372, 'Rotherham', false),
	(373, 'Sheffield', false),
	(380, 'Bradford', false),
	(381, 'Calderdale', false),
	(382, 'Kirklees', false),
	(383, 'Leeds', false),
	(384, 'Wakefield', false),
	(390, 'Gateshead', false),
	(391, 'Newcastle upon Tyne', false),
	(392, 'North Tyneside', false),
	(393, 'South Tyneside', false),
	(394, 'Sunderland', false),
	(420, 'Isles of Scilly', false),
	(800, 'Bath and North East Somerset', false),
	(801, 'Bristol', false),
	(815, 'North Yorkshire', false),
	(816, 'York', false),
	(825, 'Buckinghamshire', false),
	(830, 'Derbyshire', false),
	(831, 'Derby', false),
	(835, 'Dorset (pre-2019)', true),
	(836, 'Poole', true),
	(837, 'Bournemouth', true),
	(838, 'Dorset', false),
	(839, 'Bournemouth, Christchurch and Poole', false),
	(840, 'Durham', false),
	(850, 'Hampshire', false),
	(855, 'Leicestershire', false),
	(860, 'Staffordshire', false),
	(873, 'Cambridgeshire', false),
	(878, 'Devon', false),
	(881, 'Essex', false),
	(886, 'Kent', false),
	(887, 'Medway', false),
	(888, 'Lancashire', false),
	(891, 'Nottinghamshire', false),
	(893, 'Shropshire', false),
	(895, 'Cheshire East', false),
	(896, 'Cheshire West and Chester', false),
	(908, 'Cornwall', false),
	(909, 'Cumbria', true),
	(916, 'Gloucestershire', false),
	(919, 'Hertfordshire', false),
	(925, 'Lincolnshire', false),
	(926, 'Norfolk', false),
	(928, 'Northamptonshire', true),
	(929, 'Northumberland', false),
	(931, 'Oxfordshire', false),
	(933, 'Somerset', false),
	(935, 'Suffolk', false),
	(936, 'Surrey', false),
	(937, 'Warwickshire', false),
	(938, 'West Sussex', false),
	(940, 'North Northamptonshire', false),
	(941, 'West Northamptonshire', false),
	(942, 'Cumberland', false),
	(943, 'Westmorland and Furness', false);

-- 2024 attendance codes (domain.md §3.1). packed: single-character codes pack
-- as themselves; C1 -> 'c', C2 -> 'p' (part-time), J1 -> 'J' (old J is
-- retired), Y1..Y7 -> '1'..'7'. The NP placement of Q, D, X, Y1-Y7, Z and #
-- is standard in DfE statistics but only partly confirmed [K].
INSERT INTO cme.attendance_code (code, packed, category, meaning, sort) VALUES
	('/', '/', 'P', 'Present at AM registration', 1),
	('\', '\', 'P', 'Present at PM registration', 2),
	('L', 'L', 'P', 'Late, arrived before the register closed', 3),
	('K', 'K', 'P', 'Attending education provision arranged by the LA', 4),
	('V', 'V', 'P', 'Educational visit or trip organised by the school', 5),
	('P', 'P', 'P', 'Approved, supervised sporting activity', 6),
	('W', 'W', 'P', 'Work experience', 7),
	('B', 'B', 'P', 'Any other approved, supervised educational activity', 8),
	('D', 'D', 'NP', 'Dual registered, attending the other school', 9),
	('C1', 'c', 'AA', 'Leave of absence: regulated performance or employment abroad', 10),
	('M', 'M', 'AA', 'Leave of absence: medical or dental appointment', 11),
	('J1', 'J', 'AA', 'Leave of absence: interview (employment or further education)', 12),
	('S', 'S', 'AA', 'Leave of absence: study leave', 13),
	('X', 'X', 'NP', 'Non-compulsory-school-age pupil not required to attend', 14),
	('C2', 'p', 'AA', 'Leave of absence: part-time timetable (compulsory school age)', 15),
	('C', 'C', 'AA', 'Leave of absence: exceptional circumstances', 16),
	('T', 'T', 'AA', 'Parent travelling for occupational purposes (incl. GRT)', 17),
	('R', 'R', 'AA', 'Religious observance', 18),
	('I', 'I', 'AA', 'Illness (not appointments)', 19),
	('E', 'E', 'AA', 'Suspended or permanently excluded, no alternative provision', 20),
	('Q', 'Q', 'NP', 'Unable to attend: lack of access arrangements', 21),
	('Y1', '1', 'NP', 'Unable to attend: transport normally provided not available', 22),
	('Y2', '2', 'NP', 'Unable to attend: widespread disruption to travel', 23),
	('Y3', '3', 'NP', 'Unable to attend: part of the school premises closed', 24),
	('Y4', '4', 'NP', 'Unable to attend: whole school site unexpectedly closed', 25),
	('Y5', '5', 'NP', 'Unable to attend: in criminal-justice detention', 26),
	('Y6', '6', 'NP', 'Unable to attend: public-health guidance or law', 27),
	('Y7', '7', 'NP', 'Unable to attend: any other unavoidable cause', 28),
	('G', 'G', 'UA', 'Holiday not granted by the school', 29),
	('N', 'N', 'UA', 'Reason for absence not yet established', 30),
	('O', 'O', 'UA', 'Absent in other or unknown circumstances', 31),
	('U', 'U', 'UA', 'Arrived after the register closed', 32),
	('Z', 'Z', 'NP', 'Prospective pupil not yet on the admission register', 33),
	('#', '#', 'NP', 'Planned whole or partial school closure', 34);

-- reg 9(1) of the 2024 Regulations (domain.md §2.2). Wording summarised.
-- (f)-(o) were taken from an LA form, not seen verbatim [S].
INSERT INTO cme.deletion_ground
	(ground, regulation, summary, joint_enquiries, la_involvement) VALUES
	('a', '9(1)(a)', 'Registered at another school', false, NULL),
	('b', '9(1)(b)', 'Finished nursery education, not returning for reception', false, NULL),
	('c', '9(1)(c)', 'Dual-registered pupil not expected to return', false, NULL),
	('d', '9(1)(d)', 'School attendance order amended to name another school', false, 'LA action'),
	('e', '9(1)(e)', 'School attendance order revoked: education otherwise arranged', false, 'LA action'),
	('f', '9(1)(f)', 'Parent notified in writing: education otherwise than at school', false, 'LA EHE team'),
	('g', '9(1)(g)', 'No longer ordinarily resides at a reasonable distance', false, 'whereabouts check'),
	('h', '9(1)(h)', 'Not returned within 10 school days after leave of absence; joint enquiries failed', true, 'joint enquiries'),
	('i', '9(1)(i)', '20 continuous school days absent (G, N or O only); joint enquiries failed', true, 'joint enquiries'),
	('j', '9(1)(j)', 'Detained under a sentence or order, not expected to return', false, NULL),
	('k', '9(1)(k)', 'Died', false, NULL),
	('l', '9(1)(l)', 'Will pass compulsory school age before the school next meets', false, NULL),
	('m', '9(1)(m)', 'Boarder whose boarding charges are unpaid', false, NULL),
	('n', '9(1)(n)', 'Ceased to be a pupil of an independent or non-maintained special school', false, NULL),
	('o', '9(1)(o)', 'Permanently excluded', false, 'LA s.19 duty');

-- DfE CME collection "primary reason" (domain.md §4.1). Only two labels were
-- confirmed; the full list (and the five reasons added in autumn 2025) was
-- not found. The others follow the DfE definition of CME (domain.md §0) and
-- are marked unconfirmed: replace them by a migration once the current
-- collection guide has been read.
INSERT INTO cme.cme_reason (code, label, confirmed, sort) VALUES
	('moved_abroad', 'Believed to have moved out of the country', true, 1),
	('application_awaiting', 'School application awaiting outcome', true, 2),
	('offered_not_started', 'Offered a school place but not yet started', false, 3),
	('ehe_unsuitable', 'Home education judged unsuitable', false, 4),
	('whereabouts_unknown', 'Whereabouts unknown', false, 5),
	('other', 'Other reason', false, 6),
	('not_known', 'Reason not known', false, 7);

INSERT INTO cme.case_outcome (code, label, located, sort) VALUES
	('on_roll', 'Located: on roll at a school', true, 1),
	('ehe_suitable', 'Located: suitable elective home education', true, 2),
	('moved_other_la', 'Located in another LA and handed over', true, 3),
	('moved_abroad', 'Confirmed moved abroad', true, 4),
	('ceased_csa', 'No longer of compulsory school age', false, 5),
	('not_cme', 'Found not to be missing education', true, 6),
	('not_located', 'Not located: enquiries exhausted, Lost Pupils Database', false, 7);

-- "Reasonable enquiries" (domain.md §1.3; the LA-level list is [K]).
INSERT INTO cme.enquiry_item (item, label, la_level, sort) VALUES
	('phone_email', 'Phone and email every contact held', false, 1),
	('letter', 'Letter to the home address', false, 2),
	('home_visit', 'Home visit', false, 3),
	('siblings_schools', 'Siblings'' schools and relatives', false, 4),
	('other_las', 'Other LAs (where the family may have gone or came from)', true, 5),
	('health', 'Health (GP, health visitor, school nursing)', true, 6),
	('housing', 'Housing (social landlords, benefits, council tax)', true, 7),
	('police', 'Police', true, 8),
	('social_care', 'Children''s social care', true, 9),
	('s2s_lpd', 'School-to-School and the Lost Pupils Database', true, 10),
	('home_office', 'Home Office / Border Force', true, 11);

INSERT INTO cme.alert_rule (rule, label, severity, sort) VALUES
	('persistent_absence', 'Attendance at or below the persistent-absence threshold', 'medium', 1),
	('severe_absence', 'Attendance at or below the severe-absence threshold', 'high', 2),
	('unauth_streak', 'Consecutive school days of unauthorised absence', 'high', 3),
	('n_code_unresolved', 'Code N not resolved within the grace period', 'medium', 4),
	('joint_enquiries', 'Deletion return needs joint reasonable enquiries', 'high', 5),
	('no_destination', 'Left a roll with no known destination', 'high', 6),
	('absence_return', '10-day continuous absence return received', 'medium', 7),
	('sickness_return', '15-day sickness return received', 'medium', 8),
	('case_clock_overdue', 'Statutory clock overdue on a case', 'medium', 9);

RESET ROLE;
