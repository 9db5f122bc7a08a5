/*
 * seed_places.c — word lists for places, and the rules that combine them.
 *
 * Owns only static data. Combinations are chosen to sound like English
 * place names without being any real school or street; the caller keeps
 * school names unique within an LA by drawing again on a clash.
 */
#include <stdio.h>
#include <string.h>

#include "model/seed_places.h"

#include "util/prng.h"

#define NELEM(a)	((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, a)	((a)[prng_below((r), (uint32_t)NELEM(a))])

static const struct seed_town derbyshire_towns[] = {
	{ "Chesterfield", { "S40", "S41", "S42" } },
	{ "Matlock", { "DE4", NULL, NULL } },
	{ "Buxton", { "SK17", NULL, NULL } },
	{ "Ilkeston", { "DE7", NULL, NULL } },
	{ "Swadlincote", { "DE11", NULL, NULL } },
	{ "Glossop", { "SK13", NULL, NULL } },
	{ "Ripley", { "DE5", NULL, NULL } },
	{ "Belper", { "DE56", NULL, NULL } },
	{ "Long Eaton", { "NG10", NULL, NULL } },
	{ "Ashbourne", { "DE6", NULL, NULL } },
	{ "Bolsover", { "S44", NULL, NULL } },
	{ "Dronfield", { "S18", NULL, NULL } },
	{ "Heanor", { "DE75", NULL, NULL } },
	{ "Alfreton", { "DE55", NULL, NULL } },
	{ "Staveley", { "S43", NULL, NULL } },
};

static const struct seed_town kent_towns[] = {
	{ "Maidstone", { "ME14", "ME15", "ME16" } },
	{ "Ashford", { "TN23", "TN24", "TN25" } },
	{ "Canterbury", { "CT1", "CT2", NULL } },
	{ "Dover", { "CT16", "CT17", NULL } },
	{ "Folkestone", { "CT19", "CT20", NULL } },
	{ "Margate", { "CT9", NULL, NULL } },
	{ "Ramsgate", { "CT11", "CT12", NULL } },
	{ "Tonbridge", { "TN9", "TN10", NULL } },
	{ "Gravesend", { "DA11", "DA12", NULL } },
	{ "Sevenoaks", { "TN13", "TN14", NULL } },
	{ "Dartford", { "DA1", "DA2", NULL } },
	{ "Sittingbourne", { "ME10", NULL, NULL } },
	{ "Tunbridge Wells", { "TN1", "TN2", "TN4" } },
	{ "Faversham", { "ME13", NULL, NULL } },
	{ "Herne Bay", { "CT6", NULL, NULL } },
	{ "Deal", { "CT14", NULL, NULL } },
};

static const char *const word_first[] = {
	"Hollow", "Ash", "Elm", "Oak", "Thorn", "Willow", "Hazel", "Birch",
	"Rowan", "Bramble", "Heather", "Mill", "Kiln", "Quarry", "Orchard",
	"Meadow", "Fern", "Badger", "Kestrel", "Lark", "Linnet", "Foxglove",
	"Primrose", "Beech", "Cedar", "Alder", "Holly", "Juniper", "Laurel",
	"Maple", "Poplar", "Sycamore", "Yew", "Wren", "Heron", "Otter",
	"Coppice", "Flint", "Chalk", "Marl", "Tansy", "Teasel", "Sorrel",
	"Fallow", "Harrow", "Plover", "Swallow", "Lapwing",
};

static const char *const word_second[] = {
	"brook", "field", "wood", "ley", "dale", "hurst", "mead", "croft",
	"gate", "side", "bank", "combe", "moor", "stone", "well", "worth",
};

static const char *const street_kind[] = {
	"Road", "Lane", "Close", "Street", "Avenue", "Drive", "Way",
	"Crescent", "Grove", "Gardens", "View", "Rise", "Court", "Walk",
	"Terrace", "Mews", "Place", "Row",
};

static const char *const saints[] = {
	"Anne", "Joseph", "Mary", "Patrick", "Thomas", "Bede", "Edmund",
	"Werburgh", "Alban", "Chad", "Oswald", "Hilda", "Aidan", "Wilfrid",
};

static const char *const elsewhere[] = {
	"Leeds", "Bradford", "Manchester", "Birmingham", "Leicester",
	"Nottingham", "Peterborough", "Luton", "Slough", "Southampton",
	"Bristol", "Sheffield", "Stoke-on-Trent", "Norwich", "Hull",
	"London", "Coventry", "Derby", "Medway", "Blackpool",
};

static const struct {
	const char	*country;
	const char	*towns[4];
} abroad[] = {
	{ "IE", { "Cork", "Limerick", "Galway", "Dundalk" } },
	{ "SK", { "Košice", "Prešov", "Michalovce", "Nitra" } },
	{ "PL", { "Wrocław", "Łódź", "Gdańsk", "Poznań" } },
	{ "RO", { "Craiova", "Iași", "Constanța", "Brașov" } },
	{ "PT", { "Porto", "Braga", "Coimbra", "Funchal" } },
	{ "LT", { "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys" } },
	{ "UA", { "Lviv", "Kyiv", "Odesa", "Dnipro" } },
	{ "TR", { "İzmir", "Bursa", "Antalya", "Konya" } },
	{ "SO", { "Hargeisa", "Mogadishu", "Kismayo", "Bosaso" } },
	{ "NG", { "Lagos", "Ibadan", "Enugu", "Abuja" } },
	{ "PK", { "Mirpur", "Lahore", "Rawalpindi", "Faisalabad" } },
	{ "IN", { "Jalandhar", "Ludhiana", "Vadodara", "Kochi" } },
	{ "BD", { "Sylhet", "Dhaka", "Chittagong", "Khulna" } },
	{ "NP", { "Pokhara", "Kathmandu", "Dharan", "Butwal" } },
	{ "CN", { "Fuzhou", "Wenzhou", "Guangzhou", "Harbin" } },
	{ "HK", { "Sha Tin", "Tsuen Wan", "Kowloon City", "Tuen Mun" } },
	{ "VN", { "Hải Phòng", "Nghệ An", "Hà Nội", "Huế" } },
	{ "SY", { "Aleppo", "Homs", "Damascus", "Latakia" } },
};

int
seed_places_town_count(int variant)
{
	return (variant == 0 ? NELEM(derbyshire_towns) : NELEM(kent_towns));
}

const struct seed_town *
seed_places_town(int variant, int i)
{
	return (variant == 0 ? &derbyshire_towns[i] : &kent_towns[i]);
}

void
seed_places_school(struct prng *r, int variant, char phase, char *out,
    size_t outsz)
{
	static const char *const primary[] = {
		"Primary School", "Primary School", "Primary School",
		"Community Primary School", "Church of England Primary School",
		"Primary Academy", "Junior and Infant School",
	};
	static const char *const secondary[] = {
		"Academy", "High School", "School", "Community School",
		"College",
	};
	const char	*kind, *a, *b;
	char		 place[48];
	uint32_t	 x;

	/* One draw per statement: argument order is unspecified in C. */
	a = PICK(r, word_first);
	b = PICK(r, word_second);
	snprintf(place, sizeof place, "%s%s", a, b);
	x = prng_below(r, 100);
	if (phase == 'P') {
		if (x < 12) {
			snprintf(out, outsz, "St %s's Catholic Primary School",
			    PICK(r, saints));
			return;
		}
		kind = PICK(r, primary);
	} else {
		if (x < 10) {
			snprintf(out, outsz,
			    "St %s's Catholic Voluntary Academy",
			    PICK(r, saints));
			return;
		}
		if (variant == 1 && x < 30)
			kind = "Grammar School";	/* Kent selects */
		else
			kind = PICK(r, secondary);
	}
	snprintf(out, outsz, "%s %s", place, kind);
}

void
seed_places_street(struct prng *r, char *out, size_t outsz)
{
	const char	*a, *b, *k;

	a = PICK(r, word_first);
	b = prng_chance(r, 0.6) ? PICK(r, word_second) : "";
	k = PICK(r, street_kind);
	if (*b != '\0')
		snprintf(out, outsz, "%s%s %s", a, b, k);
	else
		snprintf(out, outsz, "%s %s", a, k);
}

void
seed_places_postcode(struct prng *r, const struct seed_town *t,
    char out[SEED_POSTCODE_LEN])
{
	static const char	 first[] = "ABDEFGHJLNPQRSTUWXYZ";
	static const char	 never[] = "CIKMOV"; /* never in inward codes */
	const char		*district;
	int			 n = 0, digit;
	char			 a, b;

	while (n < 3 && t->outward[n] != NULL)
		n++;
	district = t->outward[prng_below(r, (uint32_t)n)];
	digit = (int)prng_below(r, 10);
	a = first[prng_below(r, (uint32_t)sizeof first - 1)];
	b = never[prng_below(r, (uint32_t)sizeof never - 1)];
	snprintf(out, SEED_POSTCODE_LEN, "%s %d%c%c", district, digit, a, b);
}

void
seed_places_mobile(struct prng *r, char *out, size_t outsz)
{
	snprintf(out, outsz, "07700 900%03u", prng_below(r, 1000));
}

void
seed_places_landline(struct prng *r, char *out, size_t outsz)
{
	snprintf(out, outsz, "01632 960%03u", prng_below(r, 1000));
}

const char *
seed_places_elsewhere(struct prng *r)
{
	return (PICK(r, elsewhere));
}

const char *
seed_places_abroad(struct prng *r, const char *country)
{
	int	 i;

	if (country == NULL)
		return (NULL);
	for (i = 0; i < NELEM(abroad); i++)
		if (strcmp(abroad[i].country, country) == 0)
			return (abroad[i].towns[prng_below(r, 4)]);
	return (NULL);
}
