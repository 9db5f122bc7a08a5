/*
 * seed_names.h — invented people's names of many origins, for the seed.
 *
 * Static lists of forenames and surnames for the communities an English LA
 * actually serves: British (English, Welsh, Scottish), Irish (with Irish-
 * language surname forms), Gypsy and Irish Traveller, Roma, Polish,
 * Romanian, Portuguese, Lithuanian, Ukrainian, Turkish, Somali, Nigerian,
 * Caribbean, Pakistani, Indian, Bangladeshi, Nepali, Chinese, Hong Kong,
 * Vietnamese and Arabic. Names keep their own spelling: diacritics
 * (Siobhán, Łukasz, Ștefan, Şükrü, Nguyễn, Zoë), apostrophes (O'Connor,
 * D'Souza), hyphens (Al-Hassan, Tsz-yan) and particles (da Silva). Some
 * have a form in their own script (王秀英, Олександр) used for preferred
 * names and aliases. Surnames that change with sex or marriage (Polish
 * -ski/-ska, Lithuanian -as/-ienė/-aitė, Irish Ó/Ní/Bean Uí) carry every
 * form. No list holds a real child's record: these are common names.
 *
 * Every string returned is static and lives for the whole program.
 */
#ifndef CME_MODEL_SEED_NAMES_H
#define CME_MODEL_SEED_NAMES_H

#include <stdbool.h>
#include <stddef.h>

struct prng;

struct seed_given {
	const char	*name;		/* as written in English records */
	const char	*native;	/* in its own script, or NULL */
};

struct seed_surname {
	const char	*male;		/* men and boys */
	const char	*wife;		/* married women; NULL: male */
	const char	*girl;		/* girls, unmarried women; NULL: wife */
	const char	*native;	/* own script, or NULL */
};

enum seed_origin_flags {
	SEED_ORIGIN_MIDDLE = 1 << 0,	/* always a middle name, own list */
	SEED_ORIGIN_HAN = 1 << 1,	/* may prefer the Han-character name */
	SEED_ORIGIN_CYRILLIC = 1 << 2,	/* Cyrillic spelling known as alias */
	SEED_ORIGIN_SIKH = 1 << 3,	/* Singh / Kaur as a middle name */
	SEED_ORIGIN_ENGLISH = 1 << 4,	/* may prefer an English forename */
	SEED_ORIGIN_GRT = 1 << 5,	/* Gypsy, Roma or Traveller family */
};

struct seed_origin {
	const char		 *label;	/* "Polish" */
	const char		 *language;	/* home language, or NULL */
	const char		 *country;	/* ISO 3166 code, or NULL */
	const struct seed_given	 *boys;
	int			  nboys;
	const struct seed_given	 *girls;
	int			  ngirls;
	const struct seed_given	 *mid_boys;	/* SEED_ORIGIN_MIDDLE lists */
	int			  nmid_boys;
	const struct seed_given	 *mid_girls;
	int			  nmid_girls;
	const struct seed_surname *surnames;
	int			  nsurnames;
	int			  weight[2];	/* per 10,000: 830, 886 */
	int			  mobility;	/* relative chance of going
						 * missing, 10 = average */
	int			  service_pct;	/* % service families */
	unsigned		  flags;	/* enum seed_origin_flags */
};

int			 seed_names_origin_count(void);
/* Static, like every pointer returned below. */
const struct seed_origin *seed_names_origin(int);
/* An origin index for a family in LA variant 0 (830) or 1 (886). */
int			 seed_names_pick_origin(struct prng *, int variant);

const struct seed_surname *seed_names_surname(struct prng *,
			     const struct seed_origin *);
/* The form of a surname for sex 'M' or 'F' (married or not). */
const char		*seed_names_surname_form(const struct seed_surname *,
			     char sex, bool married);
/* A forename for sex 'M' or 'F' ('U': either). */
const struct seed_given	*seed_names_given(struct prng *,
			     const struct seed_origin *, char sex);
/* A middle name, or NULL for none (most people of most origins have one). */
const struct seed_given	*seed_names_middle(struct prng *,
			     const struct seed_origin *, char sex);
/* A common English forename (preferred names of children of any origin). */
const char		*seed_names_english(struct prng *, char sex);
/* The usual short form of a forename (Alexander -> Alex), or NULL. */
const char		*seed_names_nickname(const char *forename);

/*
 * Folds a name to lower-case ASCII for an e-mail address: letters with
 * diacritics lose them (Ł -> l, ß -> ss), anything else that is not a
 * letter or digit is dropped. Returns the length written (out is always
 * NUL-terminated; outsz > 0).
 */
size_t			 seed_names_fold(const char *in, char *out,
			     size_t outsz);
/* Like seed_names_fold but keeps case, spaces, hyphens and apostrophes:
 * "Ștefan Popescu" -> "Stefan Popescu", as an MIS without Unicode has it. */
size_t			 seed_names_plain(const char *in, char *out,
			     size_t outsz);
bool			 seed_names_is_ascii(const char *);

#endif /* CME_MODEL_SEED_NAMES_H */
