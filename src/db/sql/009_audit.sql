-- 009_audit.sql — the audit log: a hash chain per LA, written only by the
-- database.
--
-- Owns: cme.audit_log, cme.audit_head, cme.audit_canonical(...),
-- cme.audit_write(...) (SECURITY DEFINER), cme.audit_row() (SECURITY DEFINER
-- trigger function), cme.audit_enabled(), cme.audit_chain_check(integer),
-- and the audit triggers on the casework tables.
--
-- Who writes. Only cme.audit_write, which runs as cme_owner; no application
-- role may EXECUTE it, nor INSERT, UPDATE or DELETE audit_log (no grants),
-- and audit_log refuses UPDATE, DELETE and TRUNCATE by trigger for everyone,
-- its owner included. Rows come from:
--   - AFTER ROW triggers (cme.audit_row) on child, child_name,
--     child_former_upn, address, person, child_person, enrolment, cme_case,
--     case_contact, case_enquiry, alert, staff, team, la_settings, term and
--     non_school_day: INSERT stores the new row, DELETE the old one, UPDATE
--     only the columns that changed (before and after; updated_at and
--     version are left out, an UPDATE changing nothing else writes nothing);
--   - SECURITY DEFINER functions of later issues (opening a child record,
--     case actions), which call audit_write in the same transaction.
-- attendance and register_return have no audit trigger: they are bulk data,
-- audited per import batch by a later issue. saved_queue (a user's own list
-- filters) is not audited.
--
-- Actor. audit_write records session_user: the login that connected. It
-- cannot be changed without superuser rights (SET ROLE changes current_user
-- only, and inside a definer function current_user is cme_owner anyway).
--
-- Bulk load. The demo seed loads children and cases with COPY as a
-- superuser. It may skip the per-row audit by setting, in its transaction,
--     SET LOCAL cme.bulk_load = on;
-- The triggers carry WHEN (cme.audit_enabled()), which is false only when
-- that setting is 'on' AND the current user is a superuser (the read-only
-- setting is_superuser, which follows SET ROLE). Anyone may SET a cme.*
-- setting, but for a non-superuser it has no effect: the audit row is
-- written. (A superuser can disable triggers anyway; that is what the hash
-- chain and the seal are for.) Because the check is in the WHEN clause, a
-- skipped row costs one function call and queues no trigger event.
--
-- The chain. Each LA has its own chain, numbered audit_id = 1, 2, 3 ... with
-- no gaps. cme.audit_head holds each LA's last id and hash. audit_write locks
-- the LA's head row (SELECT ... FOR UPDATE), which serialises the writers of
-- one LA until their transaction ends, and is used instead of
-- pg_advisory_xact_lock because it also stays correct under REPEATABLE READ
-- and SERIALIZABLE: there a transaction whose snapshot predates the last
-- link gets a serialization failure (retry) instead of silently forking the
-- chain, which an advisory lock plus "read the newest row" would do.
--     hash = sha256(prev_hash || canonical)
-- prev_hash of an LA's first row is 32 zero bytes. canonical is the UTF-8
-- bytes of these ten fields in this order, each as a netstring
-- "<byte length>:<bytes>," and a NULL as "N,":
--     la_code, audit_id, at (microseconds since the Unix epoch, an integer),
--     actor, action, entity, entity_key, child_id, before::text, after::text
-- (numbers in decimal, jsonb in PostgreSQL's own text form). Example:
--     3:830,1:1,16:1732870000000000,8:postgres,6:insert,5:child,3:101,3:101,N,12:{"a": 1, ..},
-- cme.audit_canonical builds it; `cme audit verify` rebuilds it in C from the
-- fields (fetched as text, at as the epoch integer) so that it does not
-- have to trust a function a database administrator could replace.
-- The database encoding must be UTF8 (001_roles.sql checks it).
--
-- Reading: auditors and admins SELECT their own LA's rows (010_security.sql).

SET LOCAL ROLE cme_owner;

CREATE TABLE cme.audit_log (
	la_code		smallint NOT NULL REFERENCES cme.la,
	audit_id	bigint NOT NULL CHECK (audit_id > 0),
	at		timestamptz NOT NULL,
	actor		name NOT NULL,
	action		text NOT NULL CHECK (action ~ '^[a-z][a-z_]*$'),
	entity		text NOT NULL CHECK (entity <> ''),
	entity_key	text NOT NULL,
	child_id	bigint,
	before		jsonb,
	after		jsonb,
	prev_hash	bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
	hash		bytea NOT NULL CHECK (octet_length(hash) = 32),
	PRIMARY KEY (la_code, audit_id)
);
COMMENT ON TABLE cme.audit_log IS
    'who did what to which record; hash chain per LA (see 009_audit.sql)';
COMMENT ON COLUMN cme.audit_log.actor IS 'session_user of the change';
COMMENT ON COLUMN cme.audit_log.action IS 'insert, update, delete, view, ...';
COMMENT ON COLUMN cme.audit_log.entity IS 'table (or object) name';
COMMENT ON COLUMN cme.audit_log.entity_key IS
    'key of the row within its LA, parts joined by /';
CREATE INDEX audit_log_child_idx ON cme.audit_log (la_code, child_id, at)
    WHERE child_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON cme.audit_log (la_code, actor, at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE
    ON cme.audit_log FOR EACH ROW EXECUTE FUNCTION cme.refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE
    ON cme.audit_log FOR EACH STATEMENT EXECUTE FUNCTION cme.refuse_change();

CREATE TABLE cme.audit_head (
	la_code		smallint PRIMARY KEY REFERENCES cme.la,
	last_id		bigint NOT NULL DEFAULT 0 CHECK (last_id >= 0),
	last_hash	bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'
			CHECK (octet_length(last_hash) = 32)
);
COMMENT ON TABLE cme.audit_head IS
    'last audit_id and hash of each LA''s chain (audit_write only)';

CREATE FUNCTION cme.audit_netstring(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN p IS NULL THEN 'N,'
	    ELSE octet_length(p)::text || ':' || p || ',' END
$$;

CREATE FUNCTION cme.audit_canonical(p_la smallint, p_id bigint,
    p_at timestamptz, p_actor name, p_action text, p_entity text,
    p_key text, p_child bigint, p_before jsonb, p_after jsonb)
RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT convert_to(
	    cme.audit_netstring(p_la::text) ||
	    cme.audit_netstring(p_id::text) ||
	    cme.audit_netstring(
		(extract(epoch FROM p_at) * 1000000)::bigint::text) ||
	    cme.audit_netstring(p_actor::text) ||
	    cme.audit_netstring(p_action) ||
	    cme.audit_netstring(p_entity) ||
	    cme.audit_netstring(p_key) ||
	    cme.audit_netstring(p_child::text) ||
	    cme.audit_netstring(p_before::text) ||
	    cme.audit_netstring(p_after::text), 'UTF8')
$$;
COMMENT ON FUNCTION cme.audit_canonical(smallint, bigint, timestamptz, name,
    text, text, text, bigint, jsonb, jsonb) IS
    'the bytes an audit row''s hash covers (after prev_hash); see 009_audit.sql';

CREATE FUNCTION cme.audit_write(p_la smallint, p_action text, p_entity text,
    p_key text, p_child bigint, p_before jsonb, p_after jsonb)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_id	bigint;
	v_prev	bytea;
	v_at	timestamptz := now();
	v_hash	bytea;
BEGIN
	SELECT h.last_id, h.last_hash INTO v_id, v_prev
	  FROM cme.audit_head h WHERE h.la_code = p_la FOR UPDATE;
	IF NOT FOUND THEN
		INSERT INTO cme.audit_head (la_code) VALUES (p_la)
		    ON CONFLICT (la_code) DO NOTHING;
		SELECT h.last_id, h.last_hash INTO v_id, v_prev
		  FROM cme.audit_head h WHERE h.la_code = p_la FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'audit chain head of LA % is not visible '
			    'to this transaction', p_la
			    USING ERRCODE = 'serialization_failure';
		END IF;
	END IF;
	v_id := v_id + 1;
	v_hash := sha256(v_prev || cme.audit_canonical(p_la, v_id, v_at,
	    session_user, p_action, p_entity, p_key, p_child, p_before,
	    p_after));
	INSERT INTO cme.audit_log (la_code, audit_id, at, actor, action, entity,
	    entity_key, child_id, before, after, prev_hash, hash)
	VALUES (p_la, v_id, v_at, session_user, p_action, p_entity, p_key,
	    p_child, p_before, p_after, v_prev, v_hash);
	UPDATE cme.audit_head SET last_id = v_id, last_hash = v_hash
	 WHERE la_code = p_la;
	RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION cme.audit_write(smallint, text, text, text, bigint,
    jsonb, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION cme.audit_write(smallint, text, text, text, bigint,
    jsonb, jsonb) IS
    'append one link to an LA''s audit chain; actor = session_user; '
    'callable only by cme_owner (definer functions and triggers)';

CREATE FUNCTION cme.audit_enabled() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT NOT (coalesce(current_setting('cme.bulk_load', true), '') = 'on'
	    AND current_setting('is_superuser') = 'on')
$$;
COMMENT ON FUNCTION cme.audit_enabled() IS
    'false only for a superuser with cme.bulk_load = on (see 009_audit.sql)';
-- Evaluated in the audit triggers' WHEN clause with the writer's privileges.
GRANT EXECUTE ON FUNCTION cme.audit_enabled() TO cme_caseworker,
    cme_supervisor, cme_admin, cme_school, cme_auditor;

-- Trigger arguments: the key columns of the row (la_code excluded), which
-- become entity_key joined by '/'. child_id comes from the row, or through
-- case_id from cme_case for rows that hang off a case.
CREATE FUNCTION cme.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_old	jsonb;
	v_new	jsonb;
	v_row	jsonb;
	v_la	smallint;
	v_key	text;
	v_child	bigint;
	v_before jsonb;
	v_after	jsonb;
BEGIN
	IF TG_OP <> 'INSERT' THEN
		v_old := to_jsonb(OLD);
	END IF;
	IF TG_OP <> 'DELETE' THEN
		v_new := to_jsonb(NEW);
	END IF;
	v_row := coalesce(v_new, v_old);
	v_la := (v_row ->> 'la_code')::smallint;
	SELECT string_agg(v_row ->> k.col, '/' ORDER BY k.ord) INTO v_key
	  FROM unnest(TG_ARGV) WITH ORDINALITY AS k(col, ord);
	v_child := (v_row ->> 'child_id')::bigint;
	IF v_child IS NULL AND v_row ? 'case_id' THEN
		SELECT c.child_id INTO v_child FROM cme.cme_case c
		 WHERE c.la_code = v_la AND c.case_id = (v_row ->> 'case_id')::bigint;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		SELECT jsonb_object_agg(n.key, o.value),
		       jsonb_object_agg(n.key, n.value)
		  INTO v_before, v_after
		  FROM jsonb_each(v_new) AS n
		  JOIN jsonb_each(v_old) AS o ON o.key = n.key
		 WHERE n.value IS DISTINCT FROM o.value
		   AND n.key NOT IN ('updated_at', 'version');
		IF v_after IS NULL THEN
			RETURN NULL;
		END IF;
	ELSE
		v_before := v_old;
		v_after := v_new;
	END IF;
	PERFORM cme.audit_write(v_la, lower(TG_OP), TG_TABLE_NAME::text,
	    coalesce(v_key, ''), v_child, v_before, v_after);
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION cme.audit_row() FROM PUBLIC;
COMMENT ON FUNCTION cme.audit_row() IS
    'AFTER ROW trigger: one audit link per changed row (args: key columns)';

CREATE TRIGGER child_audit AFTER INSERT OR UPDATE OR DELETE ON cme.child
    FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('child_id');
CREATE TRIGGER child_name_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.child_name FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('name_id');
CREATE TRIGGER child_former_upn_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.child_former_upn FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('child_id', 'upn');
CREATE TRIGGER address_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.address FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('address_id');
CREATE TRIGGER person_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.person FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('person_id');
CREATE TRIGGER child_person_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.child_person FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('child_id', 'person_id');
CREATE TRIGGER enrolment_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.enrolment FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('enrolment_id');
CREATE TRIGGER cme_case_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.cme_case FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('case_id');
CREATE TRIGGER case_contact_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.case_contact FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('contact_id');
CREATE TRIGGER case_enquiry_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.case_enquiry FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('case_id', 'item');
CREATE TRIGGER alert_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.alert FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('alert_id');
CREATE TRIGGER staff_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.staff FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('role_name');
CREATE TRIGGER team_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.team FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('team_id');
CREATE TRIGGER la_settings_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.la_settings FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('la_code');
CREATE TRIGGER term_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.term FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('term_id');
CREATE TRIGGER non_school_day_audit AFTER INSERT OR UPDATE OR DELETE
    ON cme.non_school_day FOR EACH ROW WHEN (cme.audit_enabled())
    EXECUTE FUNCTION cme.audit_row('day');

-- First broken link of an LA's chain as the caller can see it (through
-- RLS), or NULL when every row checks: numbering without gaps from 1,
-- prev_hash = the previous row's hash, hash = sha256(prev_hash ||
-- canonical). Rows cut from the tail are not detected here: the seal (a
-- signature over the head, `cme audit seal`) is for that.
CREATE FUNCTION cme.audit_chain_check(p_la integer) RETURNS bigint
LANGUAGE sql STABLE
AS $$
	SELECT min(x.audit_id)
	  FROM (SELECT a.audit_id, a.prev_hash, a.hash,
		       lag(a.hash) OVER w AS prev_row_hash,
		       lag(a.audit_id) OVER w AS prev_row_id,
		       sha256(a.prev_hash || cme.audit_canonical(a.la_code,
			   a.audit_id, a.at, a.actor, a.action, a.entity,
			   a.entity_key, a.child_id, a.before, a.after))
			   AS recomputed
		  FROM cme.audit_log a
		 WHERE a.la_code = p_la
		WINDOW w AS (ORDER BY a.audit_id)) AS x
	 WHERE x.recomputed <> x.hash
	    OR x.audit_id <> coalesce(x.prev_row_id, 0) + 1
	    OR x.prev_hash <> coalesce(x.prev_row_hash,
		'\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
$$;
COMMENT ON FUNCTION cme.audit_chain_check(integer) IS
    'first audit_id of the LA whose link does not check, NULL if all do';
GRANT EXECUTE ON FUNCTION cme.audit_netstring(text),
    cme.audit_canonical(smallint, bigint, timestamptz, name, text, text,
	text, bigint, jsonb, jsonb),
    cme.audit_chain_check(integer)
    TO cme_auditor, cme_admin;

RESET ROLE;
