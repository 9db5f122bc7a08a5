-- 020_search_speed.sql — name search at council scale: the trigram work
-- done once per distinct name instead of once per child.
--
-- Owns: cme.search_name_key (the folded names of each LA, derived, kept
-- by triggers), cme.search_name_key_add(smallint[], text[]),
-- cme.child_own_name_keys(text, text, text, text),
-- cme.search_name_key_drop(smallint[], text[]) and the trigger functions
-- cme.search_name_key_child() and cme.search_name_key_child_name(); the
-- btree indexes child_legal_key, child_preferred_key and child_name_key;
-- and a new body for cme.search_children (arguments, results, grants and
-- what it finds unchanged from 012_search.sql, whose header describes it).
--
-- WHY (bench/fixes.md, rounds 3 and 4). At 300,000 pupils a misspelt
-- common surname ("Smiht", "Haris") found 4,000 to 14,000 candidates in
-- the trigram GIN index over cme.full_name_key(...) on cme.child, and each
-- candidate cost the pg_trgm recheck of <% and word_similarity, both over
-- a key computed again per row: cme.name_key is IMMUTABLE but calls
-- unaccent(), which is STABLE, so the planner never inlines it and every
-- call is a SQL-function call (auto_explain shows one nested statement per
-- row). The sounds-like branches paid the same per row to score the
-- forename (cme.name_sound in the projection). 25-200 ms per search.
-- But the synthetic LA has 29,290 distinct folded names for 300,000
-- children, and a real one repeats names too: the score depends on the
-- folded name alone.
--
-- HOW.
--   cme.search_name_key(la_code, name_key) holds every folded name of the
--   LA's children: legal, preferred, former names and aliases, each
--   cme.full_name_key(forename, surname) exactly as 006_people.sql's
--   indexes compute it, with its own trigram GIN index. The search scores
--   the matching names once each (word_similarity, threshold 0.5 as
--   before), then fetches the children that bear them through btree
--   indexes over the same expressions (an index condition: no recheck, no
--   key computed per row). A child is found iff its folded name is in the
--   table and matches, so the rows, scores and order are those of 012.
--   Sounds-like rows are found by index condition alone: forename and
--   surname both alike (0.55) is a second probe of the same index instead
--   of a per-row test, and the surname-only rows (0.45, one-word queries)
--   are read only when fewer than p_limit children score above 0.45, since
--   otherwise none of them can be among the rows returned. Among a
--   child's equally good matches of one kind the matched text now breaks
--   the tie (012 left it to chance: two aliases of one child at the same
--   score could come back either way).
--   Kept by statement-level triggers on cme.child and cme.child_name (one
--   INSERT per statement, however many rows: a COPY of 300,000 children
--   adds its names once). A name no row bears any more (a rename, a
--   deleted record) is removed by the same triggers, so the table never
--   keeps a name the LA no longer holds. Both sides lock the name's row
--   (ON CONFLICT DO UPDATE ... WHERE false locks without writing; the
--   remover takes FOR UPDATE, then checks in a later statement, with a
--   fresh snapshot, that no row bears it): a name being added by one
--   transaction is never removed by another.
--
-- SECURITY. The table is LA-scoped (la_code leads its key) with row-level
-- security forced; only cme_owner writes it (the definer trigger
-- functions); staff read their own LA's names, which they can read in
-- cme.child anyway. search_children stays a definer function applying the
-- caller's LA itself (012).
--
-- COST OF MIGRATING. No table is rewritten: three btree indexes over
-- expressions (about 1 s each at 300,000 children), the names table filled
-- from one pass over child and child_name, and its trigram index.

-- See 012_search.sql: a SET clause naming pg_trgm's parameter needs the
-- library loaded in this session.
SELECT cme_ext.show_limit();

SET LOCAL ROLE cme_owner;

-- ------------------------------------------------------ the folded names

CREATE TABLE cme.search_name_key (
	la_code		smallint NOT NULL REFERENCES cme.la,
	name_key	text NOT NULL,
	PRIMARY KEY (la_code, name_key)
);
COMMENT ON TABLE cme.search_name_key IS
    'derived: every folded name (cme.full_name_key) of the LA''s children, '
    'legal, preferred, former and alias, for trigram search (triggers on '
    'child and child_name keep it; never written by hand)';

CREATE INDEX child_legal_key ON cme.child
    (la_code, cme.full_name_key(legal_forename, legal_surname));
CREATE INDEX child_preferred_key ON cme.child
    (la_code, cme.full_name_key(coalesce(preferred_forename, legal_forename),
	coalesce(preferred_surname, legal_surname)))
    WHERE preferred_forename IS NOT NULL OR preferred_surname IS NOT NULL;
CREATE INDEX child_name_key ON cme.child_name
    (la_code, cme.full_name_key(forename, surname));

-- Adds the names (pairs p_la[i], p_key[i]; NULL keys skipped) and locks
-- each one's row until the transaction ends, so that a concurrent
-- search_name_key_drop cannot remove a name this transaction now uses.
CREATE FUNCTION cme.search_name_key_add(p_la smallint[], p_key text[])
RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
	INSERT INTO cme.search_name_key AS d (la_code, name_key)
	SELECT DISTINCT x.la_code, x.name_key
	  FROM unnest(p_la, p_key) AS x(la_code, name_key)
	 WHERE x.name_key IS NOT NULL
	 ORDER BY 1, 2
	    ON CONFLICT (la_code, name_key)
	    DO UPDATE SET name_key = excluded.name_key WHERE false
$$;

-- Removes the names (pairs as above) that no child, preferred name,
-- former name or alias bears any more. The rows are locked first; the
-- check runs after, in its own statement (PL/pgSQL: a fresh snapshot), so
-- it sees whatever an adder that held the lock committed.
CREATE FUNCTION cme.search_name_key_drop(p_la smallint[], p_key text[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
BEGIN
	PERFORM 1
	   FROM cme.search_name_key d
	  WHERE (d.la_code, d.name_key) IN
		(SELECT x.la_code, x.name_key
		   FROM unnest(p_la, p_key) AS x(la_code, name_key))
	  ORDER BY d.la_code, d.name_key
	    FOR UPDATE;
	DELETE FROM cme.search_name_key d
	 WHERE (d.la_code, d.name_key) IN
		(SELECT x.la_code, x.name_key
		   FROM unnest(p_la, p_key) AS x(la_code, name_key))
	   AND NOT EXISTS (SELECT 1 FROM cme.child ch
			    WHERE ch.la_code = d.la_code
			      AND cme.full_name_key(ch.legal_forename,
				  ch.legal_surname) = d.name_key)
	   AND NOT EXISTS (SELECT 1 FROM cme.child ch
			    WHERE ch.la_code = d.la_code
			      AND (ch.preferred_forename IS NOT NULL
				   OR ch.preferred_surname IS NOT NULL)
			      AND cme.full_name_key(
				  coalesce(ch.preferred_forename,
				      ch.legal_forename),
				  coalesce(ch.preferred_surname,
				      ch.legal_surname)) = d.name_key)
	   AND NOT EXISTS (SELECT 1 FROM cme.child_name n
			    WHERE n.la_code = d.la_code
			      AND cme.full_name_key(n.forename, n.surname)
				  = d.name_key);
END
$$;
REVOKE ALL ON FUNCTION cme.search_name_key_add(smallint[], text[]),
    cme.search_name_key_drop(smallint[], text[]) FROM PUBLIC;

-- The folded names a child's own record bears: the legal name and, when
-- there is one, the preferred name (else NULL), each computed as the
-- indexes child_legal_key and child_preferred_key compute it.
CREATE FUNCTION cme.child_own_name_keys(p_legal_forename text,
    p_legal_surname text, p_preferred_forename text,
    p_preferred_surname text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT ARRAY[cme.full_name_key(p_legal_forename, p_legal_surname),
		     CASE WHEN p_preferred_forename IS NOT NULL
			   OR p_preferred_surname IS NOT NULL
		     THEN cme.full_name_key(
			 coalesce(p_preferred_forename, p_legal_forename),
			 coalesce(p_preferred_surname, p_legal_surname))
		     END]
$$;

-- Statement triggers. On UPDATE only the rows whose name columns changed
-- count (an update of a flag adds and drops nothing).
CREATE FUNCTION cme.search_name_key_child() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint[];
	v_key	text[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(r.la_code), array_agg(k.key)
		  INTO v_la, v_key
		  FROM new_rows r
		 CROSS JOIN LATERAL unnest(cme.child_own_name_keys(
			r.legal_forename, r.legal_surname,
			r.preferred_forename, r.preferred_surname)) AS k(key);
		PERFORM cme.search_name_key_add(v_la, v_key);
		RETURN NULL;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		SELECT array_agg(r.la_code), array_agg(k.key)
		  INTO v_la, v_key
		  FROM new_rows r
		  JOIN old_rows o
		    ON o.la_code = r.la_code AND o.child_id = r.child_id
		 CROSS JOIN LATERAL unnest(cme.child_own_name_keys(
			r.legal_forename, r.legal_surname,
			r.preferred_forename, r.preferred_surname)) AS k(key)
		 WHERE (r.legal_forename, r.legal_surname,
			r.preferred_forename, r.preferred_surname)
		       IS DISTINCT FROM (o.legal_forename, o.legal_surname,
			o.preferred_forename, o.preferred_surname);
		IF v_la IS NOT NULL THEN
			PERFORM cme.search_name_key_add(v_la, v_key);
		END IF;
	END IF;
	-- UPDATE and DELETE: the names the old rows bore (on UPDATE, of the
	-- rows whose names changed).
	IF TG_OP = 'DELETE' THEN
		SELECT array_agg(o.la_code), array_agg(k.key)
		  INTO v_la, v_key
		  FROM old_rows o
		 CROSS JOIN LATERAL unnest(cme.child_own_name_keys(
			o.legal_forename, o.legal_surname,
			o.preferred_forename, o.preferred_surname)) AS k(key)
		 WHERE k.key IS NOT NULL;
	ELSE
		SELECT array_agg(o.la_code), array_agg(k.key)
		  INTO v_la, v_key
		  FROM old_rows o
		  JOIN new_rows r
		    ON r.la_code = o.la_code AND r.child_id = o.child_id
		 CROSS JOIN LATERAL unnest(cme.child_own_name_keys(
			o.legal_forename, o.legal_surname,
			o.preferred_forename, o.preferred_surname)) AS k(key)
		 WHERE k.key IS NOT NULL
		   AND (r.legal_forename, r.legal_surname, r.preferred_forename,
			r.preferred_surname)
		       IS DISTINCT FROM (o.legal_forename, o.legal_surname,
			o.preferred_forename, o.preferred_surname);
	END IF;
	IF v_la IS NOT NULL THEN
		PERFORM cme.search_name_key_drop(v_la, v_key);
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION cme.search_name_key_child_name() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = cme, pg_temp
AS $$
DECLARE
	v_la	smallint[];
	v_key	text[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(r.la_code),
		       array_agg(cme.full_name_key(r.forename, r.surname))
		  INTO v_la, v_key
		  FROM new_rows r;
		PERFORM cme.search_name_key_add(v_la, v_key);
		RETURN NULL;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		SELECT array_agg(r.la_code),
		       array_agg(cme.full_name_key(r.forename, r.surname))
		  INTO v_la, v_key
		  FROM new_rows r
		  JOIN old_rows o
		    ON o.la_code = r.la_code AND o.name_id = r.name_id
		 WHERE (r.forename, r.surname)
		       IS DISTINCT FROM (o.forename, o.surname);
		IF v_la IS NOT NULL THEN
			PERFORM cme.search_name_key_add(v_la, v_key);
		END IF;
	END IF;
	IF TG_OP = 'DELETE' THEN
		SELECT array_agg(o.la_code),
		       array_agg(cme.full_name_key(o.forename, o.surname))
		  INTO v_la, v_key
		  FROM old_rows o;
	ELSE
		SELECT array_agg(o.la_code),
		       array_agg(cme.full_name_key(o.forename, o.surname))
		  INTO v_la, v_key
		  FROM old_rows o
		  JOIN new_rows r
		    ON r.la_code = o.la_code AND r.name_id = o.name_id
		 WHERE (r.forename, r.surname)
		       IS DISTINCT FROM (o.forename, o.surname);
	END IF;
	IF v_la IS NOT NULL THEN
		PERFORM cme.search_name_key_drop(v_la, v_key);
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION cme.search_name_key_child(),
    cme.search_name_key_child_name() FROM PUBLIC;

CREATE TRIGGER child_search_name_key_ins AFTER INSERT ON cme.child
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.search_name_key_child();
CREATE TRIGGER child_search_name_key_upd AFTER UPDATE ON cme.child
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.search_name_key_child();
CREATE TRIGGER child_search_name_key_del AFTER DELETE ON cme.child
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.search_name_key_child();
CREATE TRIGGER child_name_search_name_key_ins AFTER INSERT ON cme.child_name
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.search_name_key_child_name();
CREATE TRIGGER child_name_search_name_key_upd AFTER UPDATE ON cme.child_name
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.search_name_key_child_name();
CREATE TRIGGER child_name_search_name_key_del AFTER DELETE ON cme.child_name
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cme.search_name_key_child_name();

-- Security (010_security.sql): own LA, read only; cme_owner writes.
ALTER TABLE cme.search_name_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE cme.search_name_key FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON cme.search_name_key TO cme_owner
    USING (true) WITH CHECK (true);
CREATE POLICY own_la ON cme.search_name_key
    TO cme_caseworker, cme_supervisor, cme_admin
    USING (la_code = (SELECT cme.staff_la(current_user)));
GRANT SELECT ON cme.search_name_key
    TO cme_caseworker, cme_supervisor, cme_admin;

-- The names there are already.
INSERT INTO cme.search_name_key (la_code, name_key)
SELECT la_code, cme.full_name_key(legal_forename, legal_surname)
  FROM cme.child
UNION
SELECT la_code, cme.full_name_key(coalesce(preferred_forename,
	legal_forename), coalesce(preferred_surname, legal_surname))
  FROM cme.child
 WHERE preferred_forename IS NOT NULL OR preferred_surname IS NOT NULL
UNION
SELECT la_code, cme.full_name_key(forename, surname)
  FROM cme.child_name;
CREATE INDEX search_name_key_trgm ON cme.search_name_key
    USING gin (name_key cme_ext.gin_trgm_ops);
ANALYZE cme.search_name_key;

-- ------------------------------------------------------------------ search

CREATE OR REPLACE FUNCTION cme.search_children(p_query text, p_limit integer DEFAULT 50,
    p_kind text DEFAULT NULL)
RETURNS TABLE (la_code smallint, child_id bigint, score real, matched text,
    how text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = cme, pg_temp
SET pg_trgm.word_similarity_threshold = 0.5
AS $$
#variable_conflict use_column
DECLARE
	v_la	smallint;
	v_kind	text := p_kind;
	v_q	text;
	v_limit	integer := least(greatest(coalesce(p_limit, 50), 1),
			    200);
	v_upn	text;
	v_near	bpchar[];
	v_m	text[];
	v_y	integer;
	v_mo	integer;
	v_d	integer;
	v_dates	date[];
	v_pc	text;
	v_lo	text;
	v_hi	text;
	v_key	text;
	v_words	text[];
	v_snd	text[];
BEGIN
	v_la := cme.staff_la(session_user);
	IF v_la IS NULL THEN
		RAISE EXCEPTION 'search: % is not an active member of staff',
		    session_user USING ERRCODE = 'insufficient_privilege';
	END IF;
	v_q := btrim(regexp_replace(coalesce(p_query, ''), '\s+', ' ', 'g'));
	IF length(v_q) > 200 THEN
		RAISE EXCEPTION 'search: the text is too long (200 characters '
		    'at most)' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	v_upn := upper(regexp_replace(v_q, '[ -]', '', 'g'));
	v_pc := upper(v_q);
	IF v_kind IS NULL THEN
		v_kind := CASE
		    WHEN v_upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$' THEN 'upn'
		    WHEN v_q ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$'
			OR v_q ~ '^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}$'
			THEN 'dob'
		    WHEN v_pc ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{2})?$'
			OR v_pc ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]?$'
			THEN 'postcode'
		    ELSE 'name' END;
	END IF;

	IF v_kind = 'upn' THEN
		IF v_upn !~ '^[A-Z][0-9]{11}[0-9A-Z]$' THEN
			RAISE EXCEPTION 'search: % is not shaped like a UPN',
			    v_q USING ERRCODE = 'invalid_parameter_value';
		END IF;
		IF cme.upn_valid(v_upn) THEN
			RETURN QUERY
			SELECT x.la_code, x.child_id, x.score, x.matched, x.how
			  FROM (SELECT DISTINCT ON (y.child_id) y.*
				  FROM (SELECT ch.la_code, ch.child_id,
					   1.0::real AS score,
					   ch.upn::text AS matched,
					   'UPN'::text AS how
					  FROM cme.child ch
					 WHERE ch.la_code = v_la
					   AND ch.upn = v_upn::bpchar
					UNION ALL
					SELECT u.la_code, u.child_id, 0.95,
					   u.upn::text, 'former UPN'
					  FROM cme.child_former_upn u
					 WHERE u.la_code = v_la
					   AND u.upn = v_upn::bpchar) AS y
				 ORDER BY y.child_id, y.score DESC) AS x
			 ORDER BY x.score DESC, x.matched, x.child_id
			 LIMIT v_limit;
		ELSE
			v_near := cme.upn_near(v_upn)::bpchar[];
			RETURN QUERY
			SELECT x.la_code, x.child_id, x.score, x.matched, x.how
			  FROM (SELECT DISTINCT ON (y.child_id) y.*
				  FROM (SELECT ch.la_code, ch.child_id,
					   CASE WHEN substr(ch.upn, 2) =
					       substr(v_upn, 2) THEN 0.65
					   ELSE 0.6 END::real AS score,
					   ch.upn::text AS matched,
					   'similar UPN'::text AS how
					  FROM cme.child ch
					 WHERE ch.la_code = v_la
					   AND ch.upn = ANY (v_near)
					UNION ALL
					SELECT u.la_code, u.child_id,
					   CASE WHEN substr(u.upn, 2) =
					       substr(v_upn, 2) THEN 0.6
					   ELSE 0.55 END,
					   u.upn::text, 'similar former UPN'
					  FROM cme.child_former_upn u
					 WHERE u.la_code = v_la
					   AND u.upn = ANY (v_near)) AS y
				 ORDER BY y.child_id, y.score DESC) AS x
			 ORDER BY x.score DESC, x.matched, x.child_id
			 LIMIT v_limit;
		END IF;
		RETURN;
	END IF;

	IF v_kind = 'dob' THEN
		v_m := regexp_match(v_q,
		    '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$');
		IF v_m IS NOT NULL THEN
			v_y := v_m[1]::integer;
			v_mo := v_m[2]::integer;
			v_d := v_m[3]::integer;
		ELSE
			v_m := regexp_match(v_q,
			    '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$');
			IF v_m IS NULL THEN
				RAISE EXCEPTION 'search: % is not a date '
				    '(write YYYY-MM-DD or DD/MM/YYYY)', v_q
				    USING ERRCODE = 'invalid_datetime_format';
			END IF;
			v_d := v_m[1]::integer;
			v_mo := v_m[2]::integer;
			v_y := v_m[3]::integer;
		END IF;
		IF v_y < 1 OR v_mo NOT BETWEEN 1 AND 12 OR v_d < 1
		    OR v_d > extract(day FROM make_date(v_y, v_mo, 1)
			+ interval '1 month - 1 day') THEN
			RAISE EXCEPTION 'search: % is not a date', v_q
			    USING ERRCODE = 'datetime_field_overflow';
		END IF;
		v_dates := ARRAY[make_date(v_y, v_mo, v_d)];
		IF v_d <= 12 AND v_d <> v_mo THEN
			v_dates := v_dates || make_date(v_y, v_d, v_mo);
		END IF;
		RETURN QUERY
		SELECT ch.la_code, ch.child_id,
		       CASE WHEN ch.dob = v_dates[1] THEN 1.0 ELSE 0.5
		       END::real,
		       to_char(ch.dob, 'YYYY-MM-DD'),
		       CASE WHEN ch.dob = v_dates[1] THEN 'date of birth'
		       ELSE 'date of birth, day and month swapped' END
		  FROM cme.child ch
		 WHERE ch.la_code = v_la AND ch.dob = ANY (v_dates)
		 ORDER BY 3 DESC, ch.legal_surname, ch.legal_forename,
		       ch.child_id
		 LIMIT v_limit;
		RETURN;
	END IF;

	IF v_kind = 'postcode' THEN
		v_pc := regexp_replace(v_pc, '\s', '', 'g');
		IF v_pc ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' THEN
			v_pc := cme.postcode_norm(v_pc);
			v_lo := v_pc;
			v_hi := v_pc || ' ';
		ELSE
			-- outward code, maybe with the sector digit (and a
			-- letter): every postcode that starts with it. The
			-- bounds are byte-wise (text_pattern_ops, as the
			-- index): [lo, hi) where hi is lo with its last
			-- character + 1.
			v_m := regexp_match(upper(v_q),
			    '^([A-Z]{1,2}[0-9][A-Z0-9]?)(?: ?([0-9][A-Z]?))?$');
			IF v_m IS NULL THEN
				RAISE EXCEPTION 'search: % is not a postcode',
				    v_q
				    USING ERRCODE = 'invalid_parameter_value';
			END IF;
			v_lo := v_m[1] || ' ' || coalesce(v_m[2], '');
			v_pc := btrim(v_lo);
			v_hi := left(v_lo, -1) ||
			    chr(ascii(right(v_lo, 1)) + 1);
		END IF;
		RETURN QUERY
		SELECT x.la_code, x.child_id, x.score, x.matched, x.how
		  FROM (SELECT DISTINCT ON (a.child_id) a.la_code, a.child_id,
			       (CASE WHEN a.postcode = v_pc THEN 1.0 ELSE 0.9
				END - CASE WHEN a.valid_to IS NULL THEN 0
				ELSE 0.3 END)::real AS score,
			       a.postcode AS matched,
			       CASE WHEN a.valid_to IS NULL THEN 'postcode'
			       ELSE 'former postcode' END AS how
			  FROM cme.address a
			 WHERE a.la_code = v_la
			   AND a.postcode ~>=~ v_lo AND a.postcode ~<~ v_hi
			 ORDER BY a.child_id, a.valid_to IS NULL DESC,
			       a.valid_from DESC) AS x
		 ORDER BY x.score DESC, x.matched, x.child_id
		 LIMIT v_limit;
		RETURN;
	END IF;

	IF v_kind <> 'name' THEN
		RAISE EXCEPTION 'search: unknown kind %', v_kind
		    USING ERRCODE = 'invalid_parameter_value',
			HINT = 'name, upn, dob or postcode';
	END IF;

	-- Names: punctuation that is not part of a name becomes a space
	-- ("SMITH, John"), then fold as the indexes do.
	v_key := cme.name_key(btrim(regexp_replace(
	    regexp_replace(v_q, '[,.;:()"/\\]', ' ', 'g'), '\s+', ' ', 'g')));
	IF length(v_key) < 2 THEN
		RETURN;
	END IF;
	v_words := (SELECT coalesce(array_agg(w), '{}')
		      FROM regexp_split_to_table(v_key, ' ') AS w
		     WHERE length(w) >= 2);
	v_snd := (SELECT array_agg(DISTINCT s)
		    FROM (SELECT cme.name_sound(w) AS s
			    FROM unnest(v_words) AS w) AS z
		   WHERE s <> '');
	IF v_snd IS NULL THEN
		v_snd := '{}';
	END IF;


	-- k: the LA's folded names that match, each scored once (the
	-- trigram work is per distinct name, not per child).
	-- tl: the children whose legal name it is, through the btree index
	-- over the same expression (LATERAL ... OFFSET 0: one index probe per
	-- name, never a scan), best names first, and only as far as the
	-- first v_limit children and every child tied with the last of them:
	-- one legal name per child, so when tl reaches v_limit rows the
	-- v_limit-th child returned scores at least cut, and no row scoring
	-- less can be a returned child's best match. cut is 0 otherwise.
	-- t: tl, the preferred names, former names and aliases scoring at
	-- least cut, and the sounds-like rows where forename and surname both
	-- sound alike (0.55) by index condition alone, when cut allows.
	-- a: the surname-only sounds-like rows (0.45, one-word queries),
	-- read only when fewer than v_limit children score above 0.45
	-- already: otherwise none of them can be returned.
	RETURN QUERY
	WITH k AS MATERIALIZED (
		SELECT d.name_key AS key,
		       cme_ext.word_similarity(v_key, d.name_key) AS score
		  FROM cme.search_name_key d
		 WHERE v_key OPERATOR(cme_ext.<%) d.name_key
		   AND d.la_code + 0 = v_la),
	tl AS MATERIALIZED (
		SELECT c.la_code, c.child_id, k.score, c.matched,
		       'legal name'::text AS how
		  FROM (SELECT * FROM k ORDER BY k.score DESC) AS k
		 CROSS JOIN LATERAL (
			SELECT ch.la_code, ch.child_id,
			       ch.legal_forename || ' ' || ch.legal_surname
				   AS matched
			  FROM cme.child ch
			 WHERE ch.la_code = v_la
			   AND cme.full_name_key(ch.legal_forename,
				   ch.legal_surname) = k.key
			OFFSET 0) AS c
		 ORDER BY k.score DESC
		 FETCH FIRST v_limit ROWS WITH TIES),
	cut AS MATERIALIZED (
		SELECT CASE WHEN count(*) >= v_limit THEN min(tl.score)
		       ELSE 0 END AS score
		  FROM tl),
	t AS MATERIALIZED (
		SELECT * FROM tl
		UNION ALL
		SELECT c.la_code, c.child_id, k.score, c.matched,
		       'preferred name'
		  FROM k CROSS JOIN LATERAL (
			SELECT ch.la_code, ch.child_id,
			       coalesce(ch.preferred_forename,
				   ch.legal_forename) || ' ' ||
				   coalesce(ch.preferred_surname,
				   ch.legal_surname) AS matched
			  FROM cme.child ch
			 WHERE ch.la_code = v_la
			   AND (ch.preferred_forename IS NOT NULL
				OR ch.preferred_surname IS NOT NULL)
			   AND cme.full_name_key(
				   coalesce(ch.preferred_forename,
				       ch.legal_forename),
				   coalesce(ch.preferred_surname,
				       ch.legal_surname)) = k.key
			OFFSET 0) AS c
		 WHERE k.score >= (SELECT cut.score FROM cut)
		UNION ALL
		SELECT c.la_code, c.child_id, k.score, c.matched, c.how
		  FROM k CROSS JOIN LATERAL (
			SELECT n.la_code, n.child_id,
			       concat_ws(' ', n.forename, n.surname)
				   AS matched,
			       CASE n.kind WHEN 'former' THEN 'former name'
			       ELSE 'alias' END AS how
			  FROM cme.child_name n
			 WHERE n.la_code = v_la
			   AND cme.full_name_key(n.forename, n.surname)
				   = k.key
			OFFSET 0) AS c
		 WHERE k.score >= (SELECT cut.score FROM cut)
		UNION ALL
		SELECT ch.la_code, ch.child_id, 0.55::real,
		       ch.legal_forename || ' ' || ch.legal_surname,
		       'sounds like'
		  FROM cme.child ch
		 WHERE ch.la_code = v_la
		   AND cme.name_sound(ch.legal_surname) = ANY (v_snd)
		   AND cme.name_sound(ch.legal_forename) = ANY (v_snd)
		   AND (SELECT cut.score FROM cut) <= 0.55::real
		UNION ALL
		SELECT ch.la_code, ch.child_id, 0.55::real,
		       coalesce(ch.preferred_forename, ch.legal_forename) ||
			   ' ' || coalesce(ch.preferred_surname,
			   ch.legal_surname),
		       'sounds like (preferred name)'
		  FROM cme.child ch
		 WHERE ch.la_code = v_la
		   AND (ch.preferred_forename IS NOT NULL
			OR ch.preferred_surname IS NOT NULL)
		   AND cme.name_sound(coalesce(ch.preferred_surname,
			   ch.legal_surname)) = ANY (v_snd)
		   AND cme.name_sound(coalesce(ch.preferred_forename,
			   ch.legal_forename)) = ANY (v_snd)
		   AND (SELECT cut.score FROM cut) <= 0.55::real
		UNION ALL
		SELECT n.la_code, n.child_id, 0.55::real,
		       concat_ws(' ', n.forename, n.surname),
		       CASE n.kind WHEN 'former'
		       THEN 'sounds like (former name)'
		       ELSE 'sounds like (alias)' END
		  FROM cme.child_name n
		 WHERE n.la_code = v_la
		   AND cme.name_sound(n.surname) = ANY (v_snd)
		   AND cme.name_sound(n.forename) = ANY (v_snd)
		   AND (SELECT cut.score FROM cut) <= 0.55::real),
	a AS (
		SELECT ch.la_code, ch.child_id, 0.45::real AS score,
		       ch.legal_forename || ' ' || ch.legal_surname
			   AS matched,
		       'sounds like'::text AS how
		  FROM cme.child ch
		 WHERE ch.la_code = v_la
		   AND cme.name_sound(ch.legal_surname) = ANY (v_snd)
		UNION ALL
		SELECT ch.la_code, ch.child_id, 0.45::real,
		       coalesce(ch.preferred_forename, ch.legal_forename) ||
			   ' ' || coalesce(ch.preferred_surname,
			   ch.legal_surname),
		       'sounds like (preferred name)'
		  FROM cme.child ch
		 WHERE ch.la_code = v_la
		   AND (ch.preferred_forename IS NOT NULL
			OR ch.preferred_surname IS NOT NULL)
		   AND cme.name_sound(coalesce(ch.preferred_surname,
			   ch.legal_surname)) = ANY (v_snd)
		UNION ALL
		SELECT n.la_code, n.child_id, 0.45::real,
		       concat_ws(' ', n.forename, n.surname),
		       CASE n.kind WHEN 'former'
		       THEN 'sounds like (former name)'
		       ELSE 'sounds like (alias)' END
		  FROM cme.child_name n
		 WHERE n.la_code = v_la
		   AND cme.name_sound(n.surname) = ANY (v_snd))
	SELECT x.la_code, x.child_id, x.score, x.matched, x.how
	  FROM (SELECT DISTINCT ON (y.child_id) y.*
		  FROM (SELECT * FROM t
			UNION ALL
			SELECT * FROM a
			 WHERE cardinality(v_words) < 2
			   AND (SELECT count(*) FROM (SELECT DISTINCT
				   t.child_id FROM t LIMIT v_limit) AS z)
				< v_limit) AS y
		 ORDER BY y.child_id, y.score DESC, y.how, y.matched) AS x
	 ORDER BY x.score DESC, x.matched, x.child_id
	 LIMIT v_limit;
END
$$;
COMMENT ON FUNCTION cme.search_children(text, integer, text) IS
    'children of the caller''s LA matching a name, UPN, date of birth or '
    'postcode: ids, score, what matched and how (see 012_search.sql, '
    '020_search_speed.sql)';

RESET ROLE;
