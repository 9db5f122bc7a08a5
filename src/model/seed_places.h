/*
 * seed_places.h — invented school names, streets, postcodes and phone
 * numbers for the seed.
 *
 * Towns are real places in each demo LA (public geography), but streets
 * are made from word parts, and every postcode's inward code uses a letter
 * that Royal Mail never puts there (C, I, K, M, O or V), so no generated
 * address can be anybody's. Phone numbers come from Ofcom's ranges kept
 * for drama (07700 900000-900999, 01632 960000-960999); e-mail addresses
 * are at example.org. Nothing here allocates; strings returned are static.
 */
#ifndef CME_MODEL_SEED_PLACES_H
#define CME_MODEL_SEED_PLACES_H

#include <stddef.h>

struct prng;

#define SEED_POSTCODE_LEN	9	/* "TN23 4XC" and a NUL */

struct seed_town {
	const char	*name;		/* "Chesterfield" */
	const char	*outward[3];	/* postcode districts, NULL-padded */
};

int		 seed_places_town_count(int variant);
/* Static, borrowed for the whole program. */
const struct seed_town *seed_places_town(int variant, int i);

/* A school name of a phase ('P' primary, 'S' secondary). */
void		 seed_places_school(struct prng *, int variant, char phase,
		     char *out, size_t outsz);
/* A street name ("Kestrelbrook Rise"). */
void		 seed_places_street(struct prng *, char *out, size_t outsz);
/* A fictional postcode in one of the town's districts. */
void		 seed_places_postcode(struct prng *, const struct seed_town *,
		     char out[SEED_POSTCODE_LEN]);
/* "07700 900123" and "01632 960123". */
void		 seed_places_mobile(struct prng *, char *out, size_t outsz);
void		 seed_places_landline(struct prng *, char *out, size_t outsz);
/* A town somewhere else in England, for forwarding addresses. */
const char	*seed_places_elsewhere(struct prng *);
/* A town abroad for a country code ("RO" -> "Craiova"), or NULL. */
const char	*seed_places_abroad(struct prng *, const char *country);

#endif /* CME_MODEL_SEED_PLACES_H */
