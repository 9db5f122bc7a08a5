-- 002_functions.sql — pure helper functions used by constraints and indexes.
--
-- Owns:
--   cme.upn_valid(text)          DfE UPN format and check letter (domain.md §5)
--   cme.name_key(text)           lower(unaccent(x)): the folded form of a name
--   cme.full_name_key(f, s)      name_key of "forename surname"
--   cme.name_sound(text)         Double Metaphone of name_key(x)
--   cme.postcode_norm(text)      upper case, single inner space, trimmed
--   cme.touch_row()              trigger: version + 1, updated_at = now()
--
-- The name functions are declared IMMUTABLE so that expression indexes can
-- use them (unaccent() itself is only STABLE because it finds its dictionary
-- through search_path; here the dictionary is named with its schema, so the
-- result depends on the argument alone). A trigram GIN index over
-- cme.full_name_key(...) with cme_ext.gin_trgm_ops, and a btree over
-- cme.name_sound(...), serve the search function of a later issue, which
-- must call these very functions for the planner to match the index.
--
-- EXECUTE is granted to every cme group role: index expressions and CHECK
-- constraints are evaluated with the privileges of whoever writes the row.
-- None of these is SECURITY DEFINER.

SET LOCAL ROLE cme_owner;

-- UPN: 13 characters; 1 check letter; 2-12 digits; 13 a digit, or a letter
-- for a temporary UPN. Letters come from the 23-letter alphabet without I, O
-- and S. Check: sum of value(char n) * n for n = 2..13, mod 23, is the index
-- of the check letter in ABCDEFGHJKLMNPQRTUVWXYZ. value(digit d) = d,
-- value(letter) = its index in that alphabet (A = 0 ... Z = 22). This is
-- python-stdnum's method: index in 'ABCDEFGHJKLMNPQRTUVWXYZ0123456789' mod 23.
-- Whether characters 2-4 are a real LA code is NOT checked here (old UPNs
-- carry retired codes); callers that care compare with cme.la.
CREATE FUNCTION cme.upn_valid(p_upn text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT CASE
	WHEN p_upn ~ '^[ABCDEFGHJKLMNPQRTUVWXYZ][0-9]{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$'
	THEN substr('ABCDEFGHJKLMNPQRTUVWXYZ',
		(SELECT sum(i * ((strpos('ABCDEFGHJKLMNPQRTUVWXYZ0123456789',
		    substr(p_upn, i, 1)) - 1) % 23))::int % 23
		   FROM generate_series(2, 13) AS i) + 1, 1) = substr(p_upn, 1, 1)
	ELSE false
	END
$$;
COMMENT ON FUNCTION cme.upn_valid(text) IS
    'DfE UPN format and check letter (domain.md §5.2); not the LA code';

CREATE FUNCTION cme.name_key(p_name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT lower(cme_ext.unaccent('cme_ext.unaccent'::regdictionary, p_name))
$$;
COMMENT ON FUNCTION cme.name_key(text) IS
    'folded name for trigram search: lower(unaccent(x))';

-- Not STRICT: a missing forename or surname still gives a key.
CREATE FUNCTION cme.full_name_key(p_forename text, p_surname text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT cme.name_key(coalesce(p_forename, '') || ' ' ||
	    coalesce(p_surname, ''))
$$;
COMMENT ON FUNCTION cme.full_name_key(text, text) IS
    'name_key of "forename surname"; the trigram-indexed expression';

CREATE FUNCTION cme.name_sound(p_name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT cme_ext.dmetaphone(cme.name_key(p_name))
$$;
COMMENT ON FUNCTION cme.name_sound(text) IS
    'Double Metaphone (primary) of the folded name: sounds-like search';

CREATE FUNCTION cme.postcode_norm(p_postcode text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT CASE
	WHEN length(c) BETWEEN 5 AND 7
	THEN left(c, length(c) - 3) || ' ' || right(c, 3)
	ELSE nullif(c, '')
	END
	  FROM (SELECT upper(regexp_replace(p_postcode, '\s', '', 'g')) AS c) AS x
$$;
COMMENT ON FUNCTION cme.postcode_norm(text) IS
    'UK postcode in canonical form: upper case, one space before the inward code';

-- Optimistic locking: every editable row carries version (starts at 1) and
-- updated_at. Writers send the version they started from
-- (UPDATE ... WHERE key = $1 AND version = $2); 0 rows means someone else
-- changed it first.
CREATE FUNCTION cme.touch_row() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	NEW.version := OLD.version + 1;
	NEW.updated_at := now();
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION cme.touch_row() IS
    'BEFORE UPDATE trigger: version + 1 and updated_at = now()';

GRANT EXECUTE ON FUNCTION cme.upn_valid(text), cme.name_key(text),
    cme.full_name_key(text, text), cme.name_sound(text),
    cme.postcode_norm(text)
    TO cme_caseworker, cme_supervisor, cme_admin, cme_school, cme_auditor;

RESET ROLE;
