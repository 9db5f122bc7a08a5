-- 015_casework_desk.sql — what the casework desk needs beyond 013: the
-- per-user key of the local draft journal, case assignment (one case or
-- a batch), live pushes when a case moves between officers, and opening
-- a case from an alert with its enquiries checklist.
--
-- Owns: cme.draft_key (table and function), cme.case_assign,
-- cme.case_notify (trigger), and the replacement of cme.alert_open_case.
--
-- Draft journal key: the client journals a note while it is typed,
-- encrypted with libsodium's secretbox under a 32-byte key that lives
-- only here, one per login role. Nobody has any privilege on the table;
-- cme.draft_key() (SECURITY DEFINER) returns the key of session_user and
-- nobody else's, storing the candidate the client offers the first time
-- (so the key is made by libsodium's generator, not by the server). A
-- journal copied to another account cannot be read there, and a leaver's
-- drafts die with their role.
--
-- Assignment: cme.case_assign moves a case to an officer of the case's
-- LA, or to the team queue (p_assignee NULL), with the version the
-- client read (CM001 when it moved on) and a note kept in the audit row.
-- A caseworker may take a case themselves or hand it back to the team;
-- assigning to somebody else is a supervisor's (42501 for a caseworker,
-- even through psql). A batch is one transaction of the client's: all or
-- nothing, one audit row per case.
--
-- Live push: a change of a case's officer, team or status NOTIFYs
-- cme_alerts_<la> (the channel every client of the LA already listens
-- on) with {"case_id", "assigned_to"}; the client refreshes its counts
-- and offers to show the change, as it does for alerts.

SET LOCAL ROLE cme_owner;

-- ----------------------------------------------------------- draft key

CREATE TABLE cme.draft_key (
	role_name	name PRIMARY KEY,
	key		bytea NOT NULL CHECK (octet_length(key) = 32),
	created_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE cme.draft_key IS
    'the key of each login role''s local draft journal; read only through '
    'cme.draft_key(), which returns the caller''s own';
REVOKE ALL ON cme.draft_key FROM PUBLIC;
ALTER TABLE cme.draft_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.draft_key FORCE ROW LEVEL SECURITY;
-- Only cme_owner (so only the definer function) reaches a row, and then
-- only the login's own: inside the function current_user is the owner,
-- session_user the login.
CREATE POLICY draft_key_own ON cme.draft_key TO cme_owner
    USING (role_name = session_user) WITH CHECK (role_name = session_user);

CREATE FUNCTION cme.draft_key(p_candidate bytea) RETURNS bytea
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	bytea;
BEGIN
	-- Not (or no longer) staff: no key, so no journal; never an error,
	-- as the client asks for it in its first round trip.
	IF cme.staff_la(session_user) IS NULL THEN
		RETURN NULL;
	END IF;
	IF p_candidate IS NULL OR octet_length(p_candidate) <> 32 THEN
		RAISE EXCEPTION 'cme: a draft key is 32 bytes'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	INSERT INTO cme.draft_key (role_name, key)
	VALUES (session_user, p_candidate)
	ON CONFLICT (role_name) DO NOTHING;
	SELECT k.key INTO v FROM cme.draft_key k
	 WHERE k.role_name = session_user;
	RETURN v;
END
$$;
REVOKE ALL ON FUNCTION cme.draft_key(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.draft_key(bytea)
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor;

-- ---------------------------------------------------------- assignment

CREATE FUNCTION cme.case_assign(p_case_id bigint, p_version integer,
    p_assignee name, p_note text) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.cme_case;
	n	cme.cme_case;
	v_team	integer;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	v := cme.case_lock(v_la, p_case_id, p_version, true);
	IF v.status IN ('closed', 'transferred') THEN
		RAISE EXCEPTION 'cme: case % is % and is no longer assigned',
		    p_case_id, v.status USING ERRCODE = 'CM002';
	END IF;
	IF p_assignee IS NOT NULL THEN
		SELECT s.team_id INTO v_team FROM cme.staff s
		 WHERE s.la_code = v_la AND s.role_name = p_assignee
		   AND s.active AND s.kind IN ('caseworker', 'supervisor');
		IF NOT FOUND THEN
			RAISE EXCEPTION 'cme: % is not an active caseworker or '
			    'supervisor of LA %', p_assignee, v_la
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	IF NOT pg_catalog.pg_has_role(session_user, 'cme_supervisor', 'MEMBER')
	    AND p_assignee IS DISTINCT FROM session_user
	    AND NOT (p_assignee IS NULL AND v.assigned_to = session_user) THEN
		RAISE EXCEPTION 'cme: only a supervisor assigns a case to '
		    'someone else' USING ERRCODE = 'insufficient_privilege',
		    HINT = 'take the case yourself, or hand your own case '
			'back to the team';
	END IF;
	UPDATE cme.cme_case c SET assigned_to = p_assignee,
	       team_id = coalesce(v_team, c.team_id)
	 WHERE c.la_code = v.la_code AND c.case_id = v.case_id
	RETURNING * INTO n;
	PERFORM cme.audit_write(n.la_code, 'case_assign', 'cme_case',
	    n.case_id::text, n.child_id,
	    jsonb_strip_nulls(jsonb_build_object('assigned_to', v.assigned_to,
		'team_id', v.team_id, 'version', v.version)),
	    jsonb_strip_nulls(jsonb_build_object('assigned_to', n.assigned_to,
		'team_id', n.team_id, 'version', n.version,
		'note', nullif(btrim(p_note), ''))));
	RETURN n;
END
$$;
REVOKE ALL ON FUNCTION cme.case_assign(bigint, integer, name, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.case_assign(bigint, integer, name, text)
    TO cme_caseworker, cme_supervisor;

-- ----------------------------------------------------------- live push

CREATE FUNCTION cme.case_notify() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM pg_notify('cme_alerts_' || n.la_code,
		json_build_object('case_id', n.case_id,
		    'assigned_to', n.assigned_to)::text)
	   FROM new_cases n LEFT JOIN old_cases o
	     ON o.la_code = n.la_code AND o.case_id = n.case_id
	  WHERE o.case_id IS NULL
	     OR o.assigned_to IS DISTINCT FROM n.assigned_to
	     OR o.team_id IS DISTINCT FROM n.team_id
	     OR o.status IS DISTINCT FROM n.status
	     OR o.closure_requested_at IS DISTINCT FROM n.closure_requested_at;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION cme.case_notify() IS
    'statement trigger: NOTIFY cme_alerts_<la> {"case_id", "assigned_to"} '
    'when a case moves between officers, teams, states or approval';
CREATE TRIGGER case_notify_update AFTER UPDATE ON cme.cme_case
    REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases
    FOR EACH STATEMENT EXECUTE FUNCTION cme.case_notify();

-- ------------------------------------------- opening a case from an alert

-- As in 011, and the new case gets the enquiries checklist (as
-- cme.case_open seeds it) and its own audit row.
CREATE OR REPLACE FUNCTION cme.alert_open_case(p_alert_id bigint,
    p_version integer, p_reason text DEFAULT NULL) RETURNS cme.alert
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.alert;
	n	cme.alert;
	k	cme.cme_case;
	o	cme.cme_case;
	v_case	bigint;
BEGIN
	v := cme.alert_action(p_alert_id, p_version);
	IF v.case_id IS NOT NULL THEN
		RAISE EXCEPTION 'cme: alert % already has case %', p_alert_id,
		    v.case_id USING ERRCODE = 'CM002';
	END IF;
	IF p_reason IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cme.cme_reason r
	    WHERE r.code = p_reason AND r.active) THEN
		RAISE EXCEPTION 'cme: "%" is not a CME reason', p_reason
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- Lock the child: serialises two openings for the same child.
	PERFORM 1 FROM cme.child c
	 WHERE c.la_code = v.la_code AND c.child_id = v.child_id FOR UPDATE;
	SELECT c.case_id INTO v_case FROM cme.cme_case c
	 WHERE c.la_code = v.la_code AND c.child_id = v.child_id
	   AND c.status NOT IN ('closed', 'transferred');
	IF v_case IS NULL THEN
		INSERT INTO cme.cme_case (la_code, child_id, status, source,
		    reason, referred_on, assigned_to, team_id, summary)
		SELECT v.la_code, v.child_id, 'referred', 'alert', p_reason,
		       current_date,
		       coalesce(v.assigned_to, CASE WHEN
			   pg_catalog.pg_has_role(session_user, 'cme_caseworker',
			       'MEMBER') THEN session_user END),
		       coalesce(v.team_id, c.team_id),
		       'from alert ' || v.alert_id || ': ' || r.label
		  FROM cme.child c, cme.alert_rule r
		 WHERE c.la_code = v.la_code AND c.child_id = v.child_id
		   AND r.rule = v.rule
		RETURNING * INTO k;
		v_case := k.case_id;
		INSERT INTO cme.case_enquiry (la_code, case_id, item)
		SELECT k.la_code, k.case_id, i.item FROM cme.enquiry_item i
		 WHERE i.active ORDER BY i.sort;
		PERFORM cme.case_action_audit(o, k, 'open', 'from alert ' ||
		    v.alert_id);
	END IF;
	UPDATE cme.alert a SET case_id = v_case, snooze_until = NULL,
	       status = CASE WHEN a.status IN ('open', 'snoozed')
		   THEN 'acknowledged' ELSE a.status END
	 WHERE a.la_code = v.la_code AND a.alert_id = v.alert_id
	RETURNING * INTO n;
	PERFORM cme.alert_action_audit(v, n, 'open_case', NULL);
	RETURN n;
END
$$;

RESET ROLE;
