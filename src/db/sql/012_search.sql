-- 012_search.sql — finding a child: the search function, and the list kind
-- of a saved queue.
--
-- Owns: cme.search_children(text, integer, text) (SECURITY DEFINER), its
-- helper cme.upn_near(text), and the column cme.saved_queue.kind.
--
-- WHY A DEFINER FUNCTION (design.md §1, facts §2). Under row-level security
-- a fuzzy predicate (pg_trgm's <%, LIKE) is not leakproof, so the planner
-- must apply it after the policy: for a supervisor's whole LA that is a
-- sequential scan over every child of the LA instead of a trigram index
-- scan. This function runs as cme_owner, whose policy on the child tables
-- lets everything through, and applies the caller's scope itself, as an
-- explicit, indexable condition:
--     la_code = cme.staff_la(session_user)
-- (session_user is the login; inside a definer function current_user is
-- cme_owner, 005_org.sql). It returns ids only (plus the name, UPN, date or
-- postcode that matched, all of which the caller can read anyway); the
-- client then reads the rows it shows through RLS, joining on those ids
-- (QUERY_SEARCH_CHILDREN in src/model/queries.h). A login that is not
-- active staff gets an error (42501); nobody can name another LA: there is
-- no LA parameter.
--
-- WHAT IT MATCHES. p_kind says what p_query is ('name', 'upn', 'dob',
-- 'postcode'); NULL lets the function decide with the same rules as the
-- client (src/model/search.c), for psql users:
--   upn       13 characters, a letter then 11 digits then a digit or letter
--             (spaces and hyphens ignored). A valid UPN is looked up exactly,
--             as a current UPN ('UPN', score 1) and a former one ('former
--             UPN', 0.95). A UPN whose check letter is wrong cannot be in
--             the database (upn_valid is a CHECK), so instead the valid
--             UPNs one typing slip away are looked up ('similar UPN',
--             'similar former UPN'): the check letter corrected (score
--             0.65, former 0.6), one character changed or two neighbours
--             swapped (0.6, former 0.55), see cme.upn_near. The check
--             letter catches any one changed digit and any swap of two
--             different neighbouring digits, so a mistyped UPN has only a
--             handful of valid neighbours. A valid UPN is looked up
--             exactly, never by its neighbours.
--   dob       YYYY-MM-DD, or DD/MM/YYYY (also with '.' or '-'; one-digit
--             days and months too): children
--             born that day ('date of birth', 1), and, when the day could be
--             a month, born on the day with day and month swapped ('date of
--             birth, day and month swapped', 0.5).
--   postcode  a full postcode (any spacing: 'de43ab', 'DE4 3AB') matches
--             current ('postcode', 1) and past addresses ('former
--             postcode', 0.7); an outward code ('DE4') or a sector ('DE4 3')
--             matches every postcode that starts with it (0.9 and 0.6).
--   name      typo-tolerant: pg_trgm word similarity of the folded query
--             (cme.name_key: lower case, no accents) against the folded
--             "forename surname" of the legal name ('legal name'), the
--             preferred name ('preferred name') and the former names and
--             aliases ('former name', 'alias'); score = the similarity,
--             at least 0.5. And sounds-like: Double Metaphone (cme.name_sound)
--             of the query's words against the surname (one word) or the
--             surname and forename (two or more words, in either order):
--             'sounds like', 'sounds like (preferred name)', 'sounds like
--             (former name)', 'sounds like (alias)'; score 0.45, or 0.55 when
--             forename and surname both sound alike. The trigram conditions
--             repeat the expressions of 006_people.sql's indexes word for
--             word (and the preferred-name index's WHERE), or the planner
--             would not use them. A name query shorter than 2 characters
--             finds nothing.
-- One row per child, its best match; ordered by score (highest first),
-- then the matched text, then ids; at most p_limit rows (1 to 200).
--
-- The word-similarity threshold (0.5, pg_trgm's default is 0.6) is set for
-- the function's own execution only (the SET clause below), so the
-- caller's session is untouched. search_path is cme, pg_temp like every
-- definer function (tests/db/migrate.sh): pg_trgm's function and operator
-- are named with their schema, cme_ext.word_similarity and
-- OPERATOR(cme_ext.<%), which is the same operator the indexes' operator
-- class cme_ext.gin_trgm_ops serves. In the trigram branches la_code is
-- written "la_code + 0 = v_la" on purpose: a filter, not an index
-- condition, or the planner ANDs the trigram bitmap with a bitmap of the
-- whole LA from the la_code index (measured: 3 ms of 4 on a 20,000-child
-- LA, and growing with the LA).
--
-- SAVED QUEUES. cme.saved_queue (008_casework.sql) stores a limit pattern
-- per user; the pattern language (src/model/limit.c) depends on the list it
-- limits (cases, alerts or children), so each queue records which: the
-- column kind. Policies (010_security.sql) are unchanged: a queue is its
-- owner's alone.

-- A function's SET clause may name an extension's parameter only once the
-- extension's library is loaded in this session (otherwise a non-superuser
-- gets "permission denied to set parameter"): any pg_trgm call loads it.
SELECT cme_ext.show_limit();

SET LOCAL ROLE cme_owner;

-- ------------------------------------------------------------ saved queues

ALTER TABLE cme.saved_queue
    ADD COLUMN kind text NOT NULL DEFAULT 'cases'
	CHECK (kind IN ('cases', 'alerts', 'children'));
COMMENT ON COLUMN cme.saved_queue.kind IS
    'the list the pattern limits: cases, alerts or children';
GRANT INSERT (kind), UPDATE (kind) ON cme.saved_queue
    TO cme_caseworker, cme_supervisor, cme_admin;

-- ------------------------------------------------------------------ search

-- The valid UPNs one typing slip away from p_upn (13 characters, letter
-- first): its check letter replaced, one of characters 2-13 replaced by a
-- digit, or two neighbours among 2-13 swapped; p_upn itself excluded.
-- Pure, so plain IMMUTABLE SQL; not a definer function.
CREATE FUNCTION cme.upn_near(p_upn text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT coalesce(array_agg(DISTINCT c ORDER BY c), '{}')
	  FROM (
		SELECT l || substr(p_upn, 2) AS c
		  FROM regexp_split_to_table('ABCDEFGHJKLMNPQRTUVWXYZ', '') AS l
		UNION ALL
		SELECT overlay(p_upn PLACING d::text FROM p FOR 1)
		  FROM generate_series(2, 13) AS p, generate_series(0, 9) AS d
		UNION ALL
		SELECT overlay(p_upn PLACING substr(p_upn, p + 1, 1) ||
			substr(p_upn, p, 1) FROM p FOR 2)
		  FROM generate_series(2, 12) AS p
	  ) AS x
	 WHERE length(p_upn) = 13 AND c <> p_upn AND cme.upn_valid(c)
$$;
COMMENT ON FUNCTION cme.upn_near(text) IS
    'valid UPNs one slip (check letter, one character, a swap) from p_upn';
GRANT EXECUTE ON FUNCTION cme.upn_near(text)
    TO cme_caseworker, cme_supervisor, cme_admin;

CREATE FUNCTION cme.search_children(p_query text, p_limit integer DEFAULT 50,
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

	RETURN QUERY
	SELECT x.la_code, x.child_id, x.score, x.matched, x.how
	  FROM (SELECT DISTINCT ON (y.child_id) y.*
		  FROM (
		SELECT ch.la_code, ch.child_id,
		       cme_ext.word_similarity(v_key, cme.full_name_key(
			   ch.legal_forename, ch.legal_surname)) AS score,
		       ch.legal_forename || ' ' || ch.legal_surname AS matched,
		       'legal name'::text AS how
		  FROM cme.child ch
		 WHERE v_key OPERATOR(cme_ext.<%) cme.full_name_key(
			   ch.legal_forename, ch.legal_surname)
		   AND ch.la_code + 0 = v_la
		UNION ALL
		SELECT ch.la_code, ch.child_id,
		       cme_ext.word_similarity(v_key, cme.full_name_key(
			   coalesce(ch.preferred_forename, ch.legal_forename),
			   coalesce(ch.preferred_surname, ch.legal_surname))),
		       coalesce(ch.preferred_forename, ch.legal_forename) ||
			   ' ' || coalesce(ch.preferred_surname,
			   ch.legal_surname),
		       'preferred name'
		  FROM cme.child ch
		 WHERE v_key OPERATOR(cme_ext.<%) cme.full_name_key(
			   coalesce(ch.preferred_forename, ch.legal_forename),
			   coalesce(ch.preferred_surname, ch.legal_surname))
		   AND (ch.preferred_forename IS NOT NULL
			OR ch.preferred_surname IS NOT NULL)
		   AND ch.la_code + 0 = v_la
		UNION ALL
		SELECT n.la_code, n.child_id,
		       cme_ext.word_similarity(v_key, cme.full_name_key(
			   n.forename, n.surname)),
		       concat_ws(' ', n.forename, n.surname),
		       CASE n.kind WHEN 'former' THEN 'former name'
		       ELSE 'alias' END
		  FROM cme.child_name n
		 WHERE v_key OPERATOR(cme_ext.<%) cme.full_name_key(
			   n.forename, n.surname)
		   AND n.la_code + 0 = v_la
		UNION ALL
		SELECT ch.la_code, ch.child_id,
		       CASE WHEN cme.name_sound(ch.legal_forename) = ANY (v_snd)
			   THEN 0.55 ELSE 0.45 END,
		       ch.legal_forename || ' ' || ch.legal_surname,
		       'sounds like'
		  FROM cme.child ch
		 WHERE ch.la_code = v_la
		   AND cme.name_sound(ch.legal_surname) = ANY (v_snd)
		   AND (cardinality(v_words) < 2
			OR cme.name_sound(ch.legal_forename) = ANY (v_snd))
		UNION ALL
		SELECT ch.la_code, ch.child_id,
		       CASE WHEN cme.name_sound(coalesce(ch.preferred_forename,
			   ch.legal_forename)) = ANY (v_snd)
			   THEN 0.55 ELSE 0.45 END,
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
		   AND (cardinality(v_words) < 2
			OR cme.name_sound(coalesce(ch.preferred_forename,
			   ch.legal_forename)) = ANY (v_snd))
		UNION ALL
		SELECT n.la_code, n.child_id,
		       CASE WHEN cme.name_sound(n.forename) = ANY (v_snd)
			   THEN 0.55 ELSE 0.45 END,
		       concat_ws(' ', n.forename, n.surname),
		       CASE n.kind WHEN 'former'
		       THEN 'sounds like (former name)'
		       ELSE 'sounds like (alias)' END
		  FROM cme.child_name n
		 WHERE n.la_code = v_la
		   AND cme.name_sound(n.surname) = ANY (v_snd)
		   AND (cardinality(v_words) < 2
			OR cme.name_sound(n.forename) = ANY (v_snd))
		  ) AS y
		 ORDER BY y.child_id, y.score DESC, y.how) AS x
	 ORDER BY x.score DESC, x.matched, x.child_id
	 LIMIT v_limit;
END
$$;
REVOKE ALL ON FUNCTION cme.search_children(text, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cme.search_children(text, integer, text)
    TO cme_caseworker, cme_supervisor, cme_admin;
COMMENT ON FUNCTION cme.search_children(text, integer, text) IS
    'children of the caller''s LA matching a name, UPN, date of birth or '
    'postcode: ids, score, what matched and how (see 012_search.sql)';

RESET ROLE;
