-- 013_casework.sql — the casework rules: opening a case, its status
-- workflow, contacts, the reasonable-enquiries checklist and four-eyes
-- closure, as SECURITY DEFINER functions.
--
-- Owns: cme.case_open, cme.case_set_status, cme.case_transfer,
-- cme.contact_record, cme.enquiry_set, cme.case_request_closure,
-- cme.case_decide_closure, and the internal helpers cme.case_actor,
-- cme.case_lock and cme.case_action_audit (no EXECUTE for anyone).
--
-- Every function identifies the person acting by session_user, their LA by
-- cme.staff_la(session_user) (NULL for a leaver or a non-member: refused),
-- and touches only cases of that LA (another LA's case looks exactly like
-- a missing one: 42501). Functions that change a case lock it (FOR UPDATE)
-- and compare the version the client read (p_version) with the row's:
-- a mismatch raises CM001, "changed by someone else". Each action writes,
-- in the same transaction, one audit link of its own through
-- cme.audit_write (action case_<what>, entity cme_case or case_enquiry,
-- with the note), besides the row links the 009 triggers write.
--
-- Workflow (cme_case.status):
--     referred  -> enquiries | located | escalated | transferred
--     enquiries -> located | escalated | transferred
--     escalated -> enquiries | located | transferred
--     located   -> escalated | transferred
--     closed, transferred: final.
-- While a closure request is pending the status does not change (decide
-- the request first). closed is reached only through four eyes:
-- case_request_closure (caseworker or supervisor) then case_decide_closure
-- by a supervisor or admin of the LA who is NOT the requester (42501 for
-- the requester, whatever their role; the table CHECK
-- closure_decided_by <> closure_requested_by backs it). A rejection clears
-- the request; the request and the rejection stay in the audit log.
--
-- Contacts: cme.contact_record is idempotent on p_idem_key (per LA): a
-- retry returns the contact id already stored and inserts nothing. The
-- table stays append-only (008's triggers); an amendment is a new row
-- pointing at a contact of the same case. (010's direct INSERT on
-- case_contact for caseworkers and supervisors is kept: it is append-only
-- and RLS-checked.)
--
-- Direct writes: application roles have SELECT only on cme_case and
-- case_enquiry (010); the REVOKE below restates it so that a later grant
-- cannot slip in unnoticed by this file's readers.
--
-- SQLSTATEs: 42501 not allowed (or no such case in your LA); 22023 bad
-- argument; 23505 the child already has an open case; CM001 version
-- conflict; CM002 the case's state does not allow the action.

SET LOCAL ROLE cme_owner;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON cme.cme_case, cme.case_enquiry
    FROM cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor;

-- The caller's LA, if the caller is an active member of one of p_groups.
CREATE FUNCTION cme.case_actor(p_groups text[]) RETURNS smallint
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	g	text;
BEGIN
	v_la := cme.staff_la(session_user);
	IF v_la IS NOT NULL THEN
		FOREACH g IN ARRAY p_groups LOOP
			IF pg_catalog.pg_has_role(session_user, g, 'MEMBER') THEN
				RETURN v_la;
			END IF;
		END LOOP;
	END IF;
	RAISE EXCEPTION 'cme: % is not an active % of an LA', session_user,
	    array_to_string(p_groups, ' or ')
	    USING ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION cme.case_actor(text[]) FROM PUBLIC;

-- Locks a case of LA p_la; checks the version unless p_version is NULL
-- and p_need_version is false.
CREATE FUNCTION cme.case_lock(p_la smallint, p_case_id bigint,
    p_version integer, p_need_version boolean) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v	cme.cme_case;
BEGIN
	SELECT * INTO v FROM cme.cme_case c
	 WHERE c.la_code = p_la AND c.case_id = p_case_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'cme: case % is not a case of LA %',
		    p_case_id, p_la USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF p_need_version AND (p_version IS NULL OR v.version <> p_version)
	THEN
		RAISE EXCEPTION 'cme: case % was changed by someone else '
		    '(it is at version %, you read version %)', p_case_id,
		    v.version, coalesce(p_version::text, 'none')
		    USING ERRCODE = 'CM001',
			HINT = 'read the case again, then redo the action';
	END IF;
	RETURN v;
END
$$;
REVOKE ALL ON FUNCTION cme.case_lock(smallint, bigint, integer, boolean)
    FROM PUBLIC;

CREATE FUNCTION cme.case_action_audit(p_old cme.cme_case, p_new cme.cme_case,
    p_action text, p_note text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	PERFORM cme.audit_write(p_new.la_code, 'case_' || p_action, 'cme_case',
	    p_new.case_id::text, p_new.child_id,
	    CASE WHEN p_old.case_id IS NOT NULL THEN
		jsonb_strip_nulls(jsonb_build_object('status', p_old.status,
		    'closure_outcome', p_old.closure_outcome,
		    'closure_requested_by', p_old.closure_requested_by,
		    'transfer_la', p_old.transfer_la,
		    'version', p_old.version)) END,
	    jsonb_strip_nulls(jsonb_build_object('status', p_new.status,
		'closure_outcome', p_new.closure_outcome,
		'closure_requested_by', p_new.closure_requested_by,
		'closure_decision', p_new.closure_decision,
		'transfer_la', p_new.transfer_la,
		'version', p_new.version, 'note', p_note)));
END
$$;
REVOKE ALL ON FUNCTION cme.case_action_audit(cme.cme_case, cme.cme_case,
    text, text) FROM PUBLIC;

-- ------------------------------------------------------------- open

CREATE FUNCTION cme.case_open(p_child_id bigint, p_source text,
    p_reason text, p_referred_on date, p_summary text) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v_open	bigint;
	n	cme.cme_case;
	o	cme.cme_case;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	-- Lock the child: serialises two openings for the same child.
	PERFORM 1 FROM cme.child c
	 WHERE c.la_code = v_la AND c.child_id = p_child_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'cme: child % is not a child of LA %',
		    p_child_id, v_la USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF p_source IS NULL OR p_source NOT IN ('school', 'register_return',
	    'alert', 'other_la', 'health', 'police', 'social_care', 'housing',
	    'parent', 'public', 'other') THEN
		RAISE EXCEPTION 'cme: "%" is not a referral source',
		    coalesce(p_source, '') USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_reason IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cme.cme_reason r
	    WHERE r.code = p_reason AND r.active) THEN
		RAISE EXCEPTION 'cme: "%" is not a CME reason', p_reason
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_referred_on IS NULL OR p_referred_on > current_date THEN
		RAISE EXCEPTION 'cme: the referral date must be today or '
		    'earlier, not %', coalesce(p_referred_on::text, 'no date')
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT k.case_id INTO v_open FROM cme.cme_case k
	 WHERE k.la_code = v_la AND k.child_id = p_child_id
	   AND k.status NOT IN ('closed', 'transferred');
	IF FOUND THEN
		RAISE EXCEPTION 'cme: child % already has an open case (%)',
		    p_child_id, v_open USING ERRCODE = 'unique_violation',
		    HINT = 'work on that case, or close it first';
	END IF;
	BEGIN
		INSERT INTO cme.cme_case (la_code, child_id, status, source,
		    reason, referred_on, assigned_to, team_id, summary)
		VALUES (v_la, p_child_id, 'referred', p_source, p_reason,
		    p_referred_on, session_user, cme.staff_team(session_user),
		    nullif(btrim(p_summary), ''))
		RETURNING * INTO n;
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION 'cme: child % already has an open case',
		    p_child_id USING ERRCODE = 'unique_violation',
		    HINT = 'work on that case, or close it first';
	END;
	INSERT INTO cme.case_enquiry (la_code, case_id, item)
	SELECT v_la, n.case_id, i.item FROM cme.enquiry_item i
	 WHERE i.active ORDER BY i.sort;
	PERFORM cme.case_action_audit(o, n, 'open', NULL);
	RETURN n;
END
$$;

-- ------------------------------------------------------------ status

CREATE FUNCTION cme.case_set_status(p_case_id bigint, p_version integer,
    p_status text, p_note text) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.cme_case;
	n	cme.cme_case;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	v := cme.case_lock(v_la, p_case_id, p_version, true);
	IF p_status IS NULL OR p_status NOT IN ('enquiries', 'located',
	    'escalated') THEN
		RAISE EXCEPTION 'cme: status "%" cannot be set here', 
		    coalesce(p_status, '')
		    USING ERRCODE = 'invalid_parameter_value',
			HINT = CASE p_status
			    WHEN 'closed' THEN 'request closure; someone else approves it'
			    WHEN 'transferred' THEN 'use case_transfer'
			    ELSE 'enquiries, located or escalated' END;
	END IF;
	IF v.status IN ('closed', 'transferred') THEN
		RAISE EXCEPTION 'cme: case % is %: its status no longer changes',
		    p_case_id, v.status USING ERRCODE = 'CM002';
	END IF;
	IF v.closure_requested_by IS NOT NULL AND v.closure_decided_by IS NULL
	THEN
		RAISE EXCEPTION 'cme: case % has a closure request pending',
		    p_case_id USING ERRCODE = 'CM002',
		    HINT = 'the request must be decided first';
	END IF;
	IF NOT ((v.status = 'referred' AND p_status IN ('enquiries',
		'located', 'escalated'))
	    OR (v.status = 'enquiries' AND p_status IN ('located', 'escalated'))
	    OR (v.status = 'escalated' AND p_status IN ('enquiries', 'located'))
	    OR (v.status = 'located' AND p_status = 'escalated')) THEN
		RAISE EXCEPTION 'cme: case % cannot go from % to %', p_case_id,
		    v.status, p_status USING ERRCODE = 'CM002';
	END IF;
	IF p_status = 'escalated' AND (p_note IS NULL OR btrim(p_note) = '')
	THEN
		RAISE EXCEPTION 'cme: escalating to children''s social care '
		    'needs a reason' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE cme.cme_case c SET status = p_status,
	       located_on = CASE WHEN p_status = 'located'
		   THEN greatest(current_date, c.referred_on) ELSE c.located_on END,
	       escalation_reason = CASE WHEN p_status = 'escalated'
		   THEN btrim(p_note) ELSE c.escalation_reason END,
	       escalated_at = CASE WHEN p_status = 'escalated'
		   THEN now() ELSE c.escalated_at END
	 WHERE c.la_code = v.la_code AND c.case_id = v.case_id
	RETURNING * INTO n;
	PERFORM cme.case_action_audit(v, n, 'status', p_note);
	RETURN n;
END
$$;

CREATE FUNCTION cme.case_transfer(p_case_id bigint, p_version integer,
    p_la smallint, p_note text) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.cme_case;
	n	cme.cme_case;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	v := cme.case_lock(v_la, p_case_id, p_version, true);
	IF v.status IN ('closed', 'transferred') THEN
		RAISE EXCEPTION 'cme: case % is % and cannot be transferred',
		    p_case_id, v.status USING ERRCODE = 'CM002';
	END IF;
	IF v.closure_requested_by IS NOT NULL AND v.closure_decided_by IS NULL
	THEN
		RAISE EXCEPTION 'cme: case % has a closure request pending',
		    p_case_id USING ERRCODE = 'CM002',
		    HINT = 'the request must be decided first';
	END IF;
	IF p_la IS NULL OR p_la = v_la
	    OR NOT EXISTS (SELECT 1 FROM cme.la l WHERE l.la_code = p_la) THEN
		RAISE EXCEPTION 'cme: % is not another LA''s code',
		    coalesce(p_la::text, 'no code')
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE cme.cme_case c SET status = 'transferred', transfer_la = p_la
	 WHERE c.la_code = v.la_code AND c.case_id = v.case_id
	RETURNING * INTO n;
	PERFORM cme.case_action_audit(v, n, 'transfer', p_note);
	RETURN n;
END
$$;

-- ----------------------------------------------------------- contacts

CREATE FUNCTION cme.contact_record(p_case_id bigint, p_idem_key uuid,
    p_kind text, p_contact_at timestamptz, p_with_whom text, p_outcome text,
    p_note text, p_amends bigint DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.cme_case;
	v_id	bigint;
	v_case	bigint;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	IF p_idem_key IS NULL THEN
		RAISE EXCEPTION 'cme: a contact needs an idempotency key'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- A retry: the contact is already stored.
	SELECT k.contact_id, k.case_id INTO v_id, v_case FROM cme.case_contact k
	 WHERE k.la_code = v_la AND k.idem_key = p_idem_key;
	IF FOUND THEN
		IF v_case <> p_case_id THEN
			RAISE EXCEPTION 'cme: idempotency key % was used for '
			    'another case', p_idem_key
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
		RETURN v_id;
	END IF;
	SELECT * INTO v FROM cme.cme_case c
	 WHERE c.la_code = v_la AND c.case_id = p_case_id FOR SHARE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'cme: case % is not a case of LA %',
		    p_case_id, v_la USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF v.status IN ('closed', 'transferred') AND p_amends IS NULL THEN
		RAISE EXCEPTION 'cme: case % is %: no new contacts (an '
		    'amendment of an earlier one is allowed)', p_case_id,
		    v.status USING ERRCODE = 'CM002';
	END IF;
	IF p_amends IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cme.case_contact k
	    WHERE k.la_code = v_la AND k.case_id = p_case_id
	      AND k.contact_id = p_amends) THEN
		RAISE EXCEPTION 'cme: contact % is not a contact of case %',
		    p_amends, p_case_id USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_kind IS NULL OR p_kind NOT IN ('home_visit', 'phone', 'letter',
	    'email', 'meeting', 'agency_check') THEN
		RAISE EXCEPTION 'cme: "%" is not a kind of contact',
		    coalesce(p_kind, '') USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_contact_at IS NULL OR p_contact_at > now() + interval '5 minutes'
	THEN
		RAISE EXCEPTION 'cme: a contact happens now or earlier, not %',
		    coalesce(p_contact_at::text, 'at no time')
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF coalesce(btrim(p_with_whom), '') = ''
	    OR coalesce(btrim(p_outcome), '') = '' THEN
		RAISE EXCEPTION 'cme: a contact needs who it was with and its '
		    'outcome' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	INSERT INTO cme.case_contact (la_code, case_id, kind, contact_at,
	    with_whom, outcome, note, recorded_by, amends_contact_id, idem_key)
	VALUES (v_la, p_case_id, p_kind, p_contact_at, btrim(p_with_whom),
	    btrim(p_outcome), coalesce(p_note, ''), session_user, p_amends,
	    p_idem_key)
	ON CONFLICT (la_code, idem_key) DO NOTHING
	RETURNING contact_id INTO v_id;
	IF v_id IS NULL THEN
		-- A concurrent first attempt committed in between.
		SELECT k.contact_id, k.case_id INTO v_id, v_case
		  FROM cme.case_contact k
		 WHERE k.la_code = v_la AND k.idem_key = p_idem_key;
		IF v_case IS DISTINCT FROM p_case_id THEN
			RAISE EXCEPTION 'cme: idempotency key % was used for '
			    'another case', p_idem_key
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	RETURN v_id;
END
$$;

-- ---------------------------------------------------------- enquiries

CREATE FUNCTION cme.enquiry_set(p_case_id bigint, p_item text,
    p_version integer, p_state text, p_done_on date, p_note text)
RETURNS cme.case_enquiry
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	c	cme.cme_case;
	v	cme.case_enquiry;
	n	cme.case_enquiry;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	c := cme.case_lock(v_la, p_case_id, NULL, false);
	IF c.status IN ('closed', 'transferred') THEN
		RAISE EXCEPTION 'cme: case % is %: its checklist no longer '
		    'changes', p_case_id, c.status USING ERRCODE = 'CM002';
	END IF;
	SELECT * INTO v FROM cme.case_enquiry e
	 WHERE e.la_code = v_la AND e.case_id = p_case_id AND e.item = p_item
	   FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'cme: "%" is not on the checklist of case %',
		    coalesce(p_item, ''), p_case_id
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_version IS NULL OR v.version <> p_version THEN
		RAISE EXCEPTION 'cme: enquiry % of case % was changed by someone '
		    'else (it is at version %, you read version %)', p_item,
		    p_case_id, v.version, coalesce(p_version::text, 'none')
		    USING ERRCODE = 'CM001',
			HINT = 'read the checklist again, then redo the change';
	END IF;
	IF p_state IS NULL OR p_state NOT IN ('not_started', 'done_found',
	    'done_not_found', 'not_applicable') THEN
		RAISE EXCEPTION 'cme: "%" is not an enquiry state',
		    coalesce(p_state, '') USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_state IN ('done_found', 'done_not_found') AND p_done_on IS NULL THEN
		RAISE EXCEPTION 'cme: a done enquiry needs the day it was done'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_done_on > current_date THEN
		RAISE EXCEPTION 'cme: % is in the future', p_done_on
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE cme.case_enquiry e SET state = p_state,
	       done_on = CASE WHEN p_state = 'not_started' THEN NULL
		   ELSE p_done_on END,
	       officer = session_user, note = nullif(btrim(p_note), '')
	 WHERE e.la_code = v.la_code AND e.case_id = v.case_id
	   AND e.item = v.item
	RETURNING * INTO n;
	PERFORM cme.audit_write(v_la, 'case_enquiry_set', 'case_enquiry',
	    n.case_id || '/' || n.item, c.child_id,
	    jsonb_strip_nulls(jsonb_build_object('state', v.state,
		'done_on', v.done_on, 'officer', v.officer,
		'version', v.version)),
	    jsonb_strip_nulls(jsonb_build_object('state', n.state,
		'done_on', n.done_on, 'officer', n.officer,
		'version', n.version, 'note', n.note)));
	RETURN n;
END
$$;

-- ------------------------------------------------------------ closure

CREATE FUNCTION cme.case_request_closure(p_case_id bigint, p_version integer,
    p_outcome text, p_note text) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.cme_case;
	n	cme.cme_case;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_caseworker', 'cme_supervisor']);
	v := cme.case_lock(v_la, p_case_id, p_version, true);
	IF v.status IN ('closed', 'transferred') THEN
		RAISE EXCEPTION 'cme: case % is already %', p_case_id, v.status
		    USING ERRCODE = 'CM002';
	END IF;
	IF v.closure_requested_by IS NOT NULL AND v.closure_decided_by IS NULL
	THEN
		RAISE EXCEPTION 'cme: case % already has a closure request '
		    '(by %)', p_case_id, v.closure_requested_by
		    USING ERRCODE = 'CM002';
	END IF;
	IF p_outcome IS NULL OR NOT EXISTS (SELECT 1 FROM cme.case_outcome o
	    WHERE o.code = p_outcome AND o.active) THEN
		RAISE EXCEPTION 'cme: "%" is not a closure outcome',
		    coalesce(p_outcome, '')
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE cme.cme_case c SET closure_outcome = p_outcome,
	       closure_note = nullif(btrim(p_note), ''),
	       closure_requested_by = session_user,
	       closure_requested_at = now(),
	       closure_decided_by = NULL, closure_decided_at = NULL,
	       closure_decision = NULL
	 WHERE c.la_code = v.la_code AND c.case_id = v.case_id
	RETURNING * INTO n;
	PERFORM cme.case_action_audit(v, n, 'request_closure', p_note);
	RETURN n;
END
$$;

CREATE FUNCTION cme.case_decide_closure(p_case_id bigint, p_version integer,
    p_approve boolean, p_note text) RETURNS cme.cme_case
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint;
	v	cme.cme_case;
	n	cme.cme_case;
BEGIN
	v_la := cme.case_actor(ARRAY['cme_supervisor', 'cme_admin']);
	v := cme.case_lock(v_la, p_case_id, p_version, true);
	IF v.closure_requested_by IS NULL OR v.closure_decided_by IS NOT NULL
	    OR v.status IN ('closed', 'transferred') THEN
		RAISE EXCEPTION 'cme: case % has no closure request to decide',
		    p_case_id USING ERRCODE = 'CM002';
	END IF;
	IF v.closure_requested_by = session_user THEN
		RAISE EXCEPTION 'cme: % requested the closure of case % and '
		    'cannot decide it (four eyes)', session_user, p_case_id
		    USING ERRCODE = 'insufficient_privilege',
			HINT = 'another supervisor must decide';
	END IF;
	IF p_approve IS NULL THEN
		RAISE EXCEPTION 'cme: approve or reject?'
		    USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_approve THEN
		UPDATE cme.cme_case c SET status = 'closed',
		       closed_on = greatest(current_date, c.referred_on),
		       closure_decided_by = session_user,
		       closure_decided_at = now(),
		       closure_decision = 'approved',
		       closure_note = coalesce(nullif(btrim(p_note), ''),
			   c.closure_note)
		 WHERE c.la_code = v.la_code AND c.case_id = v.case_id
		RETURNING * INTO n;
		PERFORM cme.case_action_audit(v, n, 'approve_closure', p_note);
	ELSE
		IF p_note IS NULL OR btrim(p_note) = '' THEN
			RAISE EXCEPTION 'cme: rejecting a closure needs a note'
			    USING ERRCODE = 'invalid_parameter_value';
		END IF;
		UPDATE cme.cme_case c SET closure_outcome = NULL,
		       closure_note = btrim(p_note),
		       closure_requested_by = NULL, closure_requested_at = NULL,
		       closure_decided_by = NULL, closure_decided_at = NULL,
		       closure_decision = NULL
		 WHERE c.la_code = v.la_code AND c.case_id = v.case_id
		RETURNING * INTO n;
		PERFORM cme.case_action_audit(v, n, 'reject_closure', p_note);
	END IF;
	RETURN n;
END
$$;

REVOKE ALL ON FUNCTION
    cme.case_open(bigint, text, text, date, text),
    cme.case_set_status(bigint, integer, text, text),
    cme.case_transfer(bigint, integer, smallint, text),
    cme.contact_record(bigint, uuid, text, timestamptz, text, text, text,
	bigint),
    cme.enquiry_set(bigint, text, integer, text, date, text),
    cme.case_request_closure(bigint, integer, text, text),
    cme.case_decide_closure(bigint, integer, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    cme.case_open(bigint, text, text, date, text),
    cme.case_set_status(bigint, integer, text, text),
    cme.case_transfer(bigint, integer, smallint, text),
    cme.contact_record(bigint, uuid, text, timestamptz, text, text, text,
	bigint),
    cme.enquiry_set(bigint, text, integer, text, date, text),
    cme.case_request_closure(bigint, integer, text, text)
    TO cme_caseworker, cme_supervisor;
GRANT EXECUTE ON FUNCTION
    cme.case_decide_closure(bigint, integer, boolean, text)
    TO cme_supervisor, cme_admin;

RESET ROLE;
