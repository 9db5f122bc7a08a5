/*
 * seed_names.c — the name lists and how a name is drawn from them.
 *
 * Owns only static data. Weights are families per 10,000 in each demo LA
 * and loosely follow the mix of a county in the Midlands (830) and one in
 * the South East with larger Nepali, Roma and Traveller communities (886).
 * "mobility" raises or lowers a family's chance of appearing in the CME
 * population (families who move often, or abroad, are over-represented;
 * domain.md §1.6-§1.7). Lists are of common given names and surnames; any
 * resemblance to a real child is coincidence, which is the point.
 */
#include <string.h>

#include "model/seed_names.h"

#include "util/prng.h"

#define NELEM(a)	((int)(sizeof(a) / sizeof((a)[0])))
/* List entries: a given name (with its own-script form), a surname (with
 * its married and girl's forms, or its own-script form). */
#define G(n)		{ n, NULL }
#define GN(n, h)	{ n, h }
#define S(m)		{ m, NULL, NULL, NULL }
#define SF(m, f)	{ m, f, NULL, NULL }
#define SFG(m, f, g)	{ m, f, g, NULL }
#define SN(m, h)	{ m, NULL, NULL, h }

static unsigned	 seed_names_decode(const unsigned char **);
static const char *seed_names_fold_cp(unsigned, char *);

/* ---- British (English, Welsh, Scottish, Northern Irish) ---- */

static const struct seed_given british_boys[] = {
	G("Oliver"), G("George"), G("Harry"), G("Noah"), G("Jack"),
	G("Leo"), G("Arthur"), G("Oscar"), G("Charlie"), G("Jacob"),
	G("Thomas"), G("Freddie"), G("Alfie"), G("Theo"), G("William"),
	G("Henry"), G("Archie"), G("Joshua"), G("James"), G("Ethan"),
	G("Isaac"), G("Alexander"), G("Joseph"), G("Edward"),
	G("Samuel"), G("Max"), G("Logan"), G("Lucas"), G("Mason"),
	G("Tommy"), G("Riley"), G("Reuben"), G("Harrison"), G("Dylan"),
	G("Finley"), G("Ronnie"), G("Teddy"), G("Rory"), G("Lewis"),
	G("Jayden"), G("Kai"), G("Tyler"), G("Callum"), G("Liam"),
	G("Connor"), G("Owen"), G("Rhys"), G("Dafydd"), G("Ieuan"),
	G("Euan"), G("Hamish"), G("Bobby"), G("Frankie"), G("Louie"),
	G("Albie"), G("Stanley"), G("Jenson"), G("Benjamin"),
	G("Matthew"), G("Daniel"), G("Christopher"), G("Nathan"),
	G("Kieran"), G("Jamie"), G("Billy"), G("Elliot"), G("Zachary"),
	G("Sebastian"), G("Hugo"), G("Toby"), G("Ollie"), G("Ashton"),
	G("Jay-Jay"), G("Mohammed"), G("Muhammad"),
};

static const struct seed_given british_girls[] = {
	G("Olivia"), G("Amelia"), G("Isla"), G("Ava"), G("Ivy"),
	G("Freya"), G("Lily"), G("Florence"), G("Mia"), G("Willow"),
	G("Rosie"), G("Sophia"), G("Isabella"), G("Grace"), G("Daisy"),
	G("Sienna"), G("Poppy"), G("Elsie"), G("Emily"), G("Ella"),
	G("Evie"), G("Phoebe"), G("Ruby"), G("Millie"), G("Zoë"),
	G("Chloë"), G("Zoe"), G("Chloe"), G("Amélie"), G("Renée"),
	G("Esmé"), G("Ellie-Mae"), G("Lacey-Jo"), G("Mary-Jane"),
	G("Harper"), G("Jessica"), G("Lucy"), G("Megan"), G("Holly"),
	G("Bethan"), G("Carys"), G("Seren"), G("Ffion"), G("Eilidh"),
	G("Kirsty"), G("Charlotte"), G("Elizabeth"), G("Matilda"),
	G("Alice"), G("Eva"), G("Maisie"), G("Layla"), G("Hannah"),
	G("Lola"), G("Scarlett"), G("Imogen"), G("Niamh"), G("Aoife"),
	G("Katie"), G("Leah"), G("Summer"), G("Skye"), G("Paige"),
	G("Jasmine"), G("Abigail"), G("Molly"), G("Erin"), G("Nevaeh"),
	G("Rosa"), G("Edith"), G("Violet"), G("Bonnie"),
};

static const struct seed_surname british_surnames[] = {
	S("Smith"), S("Jones"), S("Taylor"), S("Brown"), S("Williams"),
	S("Wilson"), S("Johnson"), S("Davies"), S("Robinson"),
	S("Wright"), S("Thompson"), S("Evans"), S("Walker"), S("White"),
	S("Roberts"), S("Green"), S("Hall"), S("Wood"), S("Jackson"),
	S("Clarke"), S("Hughes"), S("Edwards"), S("Lewis"), S("Turner"),
	S("Hill"), S("Harris"), S("Cooper"), S("Ward"), S("Morris"),
	S("Moore"), S("Clark"), S("King"), S("Baker"), S("Harrison"),
	S("Morgan"), S("Allen"), S("James"), S("Scott"), S("Phillips"),
	S("Watson"), S("Davis"), S("Parker"), S("Price"), S("Bennett"),
	S("Young"), S("Griffiths"), S("Mitchell"), S("Kelly"), S("Cook"),
	S("Carter"), S("Richardson"), S("Bailey"), S("Collins"),
	S("Bell"), S("Shaw"), S("Murphy"), S("Miller"), S("Cox"),
	S("Richards"), S("Marshall"), S("Anderson"), S("Simpson"),
	S("Ellis"), S("Adams"), S("Wilkinson"), S("Foster"),
	S("Chapman"), S("Powell"), S("Webb"), S("Rogers"), S("Gray"),
	S("Mason"), S("Hunt"), S("Holmes"), S("Palmer"), S("Stevens"),
	S("Barnes"), S("Lloyd"), S("Fletcher"), S("Hardy"),
	S("Brookes"), S("Booth"), S("Bradley"), S("Fox"), S("Lowe"),
	S("Knowles"), S("Marsden"), S("Greenwood"), S("Slack"),
	S("Bagshaw"), S("Hollingworth"), S("Wragg"), S("Smith-Jones"),
	S("Ashworth-Lee"), S("ffrench"), S("St John"), S("Fitzgerald"),
	S("McKenzie"), S("MacDonald"), S("O'Neill"), S("Le Roux"),
	S("ap Rhys"), S("Featherstone-Haugh"), S("Oakes"), S("Gregory"),
	S("Gibson"), S("Pearson"), S("Jenkins"), S("Owen"), S("Pugh"),
	S("Llewellyn"), S("Campbell"), S("Stewart"), S("Fraser"),
	S("Robertson"), S("Sutherland"), S("Dobson"), S("Hodgson"),
	S("Whitehead"), S("Bickerstaff"), S("Nightingale"),
};

/* ---- Irish ---- */

static const struct seed_given irish_boys[] = {
	G("Seán"), G("Ciarán"), G("Oisín"), G("Pádraig"), G("Cian"),
	G("Darragh"), G("Eoin"), G("Tadhg"), G("Conor"), G("Fionn"),
	G("Ruairí"), G("Cathal"), G("Colm"), G("Diarmuid"), G("Liam"),
	G("Niall"),
};

static const struct seed_given irish_girls[] = {
	G("Siobhán"), G("Aoife"), G("Niamh"), G("Saoirse"),
	G("Róisín"), G("Caoimhe"), G("Orla"), G("Clodagh"),
	G("Sinéad"), G("Aisling"), G("Gráinne"), G("Éabha"),
	G("Ciara"), G("Méabh"), G("Sadhbh"), G("Nuala"),
};

static const struct seed_surname irish_surnames[] = {
	SFG("Ó Súilleabháin", "Bean Uí Shúilleabháin", "Ní Shúilleabháin"),
	SFG("Ó Briain", "Bean Uí Bhriain", "Ní Bhriain"),
	SFG("Mac Cárthaigh", "Bean Mhic Cárthaigh", "Nic Cárthaigh"),
	SFG("Ó Ceallaigh", "Bean Uí Cheallaigh", "Ní Cheallaigh"),
	S("O'Sullivan"), S("O'Brien"), S("O'Connor"), S("Murphy"),
	S("Kelly"), S("Walsh"), S("Byrne"), S("Ryan"), S("Doyle"),
	S("McCarthy"), S("Gallagher"), S("Kavanagh"), S("O'Reilly"),
	SFG("Ní Dhomhnaill", "Ní Dhomhnaill", "Ní Dhomhnaill"),
	S("Fitzpatrick"), SFG("Ó Néill", "Bean Uí Néill", "Ní Néill"),
};

/* ---- Gypsy and Irish Traveller ---- */

static const struct seed_given traveller_boys[] = {
	G("Patrick"), G("Michael"), G("John-Joe"), G("Martin"),
	G("Tyson"), G("Jimmy"), G("Levi"), G("Tommy"), G("Frankie"),
	G("Noah"), G("Riley"), G("Shay"),
};

static const struct seed_given traveller_girls[] = {
	G("Bridget"), G("Margaret"), G("Mary"), G("Kathleen"),
	G("Tiffany"), G("Shannon"), G("Rose"), G("Violet"), G("Cherish"),
	G("Britney"), G("Amber"), G("Vicky-Lee"),
};

static const struct seed_surname traveller_surnames[] = {
	S("Ward"), S("McDonagh"), S("Joyce"), S("Connors"),
	S("Maughan"), S("Doherty"), S("Smith"), S("Price"), S("Lee"),
	S("Boswell"), S("Loveridge"), S("Cooper"), S("Buckland"),
	S("Lovell"), S("O'Driscoll"), S("Stokes"),
};

/* ---- Roma (from Slovakia, the Czech Republic, Romania) ---- */

static const struct seed_given roma_boys[] = {
	G("Dávid"), G("Patrik"), G("Marek"), G("Erik"), G("Dominik"),
	G("Denis"), G("Kristián"), G("Róbert"), G("Ionuț"),
	G("Florin"), G("Samuel"), G("Tomáš"),
};

static const struct seed_given roma_girls[] = {
	G("Vanesa"), G("Nikola"), G("Denisa"), G("Kristína"),
	G("Simona"), G("Margita"), G("Lenka"), G("Miriama"),
	G("Florentina"), G("Izabela"), G("Klaudia"), G("Renáta"),
};

static const struct seed_surname roma_surnames[] = {
	SF("Horváth", "Horváthová"), SF("Lakatoš", "Lakatošová"),
	SF("Balog", "Balogová"), SF("Oláh", "Oláhová"),
	SF("Kotlár", "Kotlárová"), SF("Ferko", "Ferková"),
	SF("Gaži", "Gažiová"), SF("Daniel", "Danielová"), S("Rostaș"),
	S("Stoica"), SF("Kolompár", "Kolompárová"), SF("Tanko", "Tanková"),
};

/* ---- Polish ---- */

static const struct seed_given polish_boys[] = {
	G("Łukasz"), G("Jakub"), G("Szymon"), G("Kacper"),
	G("Wojciech"), G("Michał"), G("Paweł"), G("Mikołaj"),
	G("Bartłomiej"), G("Filip"), G("Antoni"), G("Franciszek"),
	G("Stanisław"), G("Krzysztof"), G("Igor"), G("Oskar"),
};

static const struct seed_given polish_girls[] = {
	G("Zofia"), G("Małgorzata"), G("Agnieszka"), G("Zuzanna"),
	G("Wiktoria"), G("Julia"), G("Alicja"), G("Maja"), G("Hanna"),
	G("Gabriela"), G("Łucja"), G("Natalia"), G("Oliwia"),
	G("Jagoda"), G("Katarzyna"), G("Weronika"),
};

static const struct seed_surname polish_surnames[] = {
	SF("Wiśniewski", "Wiśniewska"), SF("Kowalski", "Kowalska"),
	S("Nowak"), S("Wójcik"), SF("Kamiński", "Kamińska"),
	SF("Lewandowski", "Lewandowska"), SF("Zieliński", "Zielińska"),
	SF("Szymański", "Szymańska"), S("Woźniak"),
	SF("Dąbrowski", "Dąbrowska"), SF("Kozłowski", "Kozłowska"),
	SF("Jankowski", "Jankowska"), S("Mazur"), S("Krawczyk"),
	SF("Grabowski", "Grabowska"), SF("Pawłowski", "Pawłowska"),
	S("Michalak"), S("Król"), S("Wieczorek"), S("Żak"),
};

/* ---- Romanian ---- */

static const struct seed_given romanian_boys[] = {
	G("Ștefan"), G("Andrei"), G("Alexandru"), G("Mihai"),
	G("Ionuț"), G("Răzvan"), G("Gheorghe"), G("Cosmin"), G("Vlad"),
	G("Bogdan"), G("David"), G("Darius"), G("Tudor"), G("Matei"),
};

static const struct seed_given romanian_girls[] = {
	G("Ioana"), G("Maria"), G("Andreea"), G("Elena"), G("Bianca"),
	G("Alexandra"), G("Mădălina"), G("Ștefania"), G("Denisa"),
	G("Larisa"), G("Sofia"), G("Ana"), G("Irina"), G("Teodora"),
};

static const struct seed_surname romanian_surnames[] = {
	S("Popescu"), S("Ionescu"), S("Popa"), S("Dumitru"), S("Stan"),
	S("Stoica"), S("Gheorghe"), S("Munteanu"), S("Constantin"),
	S("Rusu"), S("Mureșan"), S("Țurcanu"), S("Lungu"), S("Matei"),
	S("Ciobanu"), S("Nistor"), S("Bălan"), S("Dragomir"),
};

/* ---- Portuguese ---- */

static const struct seed_given portuguese_boys[] = {
	G("João"), G("Tiago"), G("Gonçalo"), G("Rodrigo"), G("Afonso"),
	G("Duarte"), G("Martim"), G("Tomás"), G("Simão"), G("Rafael"),
};

static const struct seed_given portuguese_girls[] = {
	G("Inês"), G("Beatriz"), G("Leonor"), G("Matilde"),
	G("Mariana"), G("Constança"), G("Carolina"), G("Lara"),
	G("Margarida"), G("Francisca"),
};

static const struct seed_surname portuguese_surnames[] = {
	S("Silva"), S("Santos"), S("Ferreira"), S("Pereira"),
	S("Oliveira"), S("Costa"), S("Rodrigues"), S("Martins"),
	S("Gonçalves"), S("Sousa"), S("Fernandes"), S("Lopes"),
	S("da Silva"), S("dos Santos"), S("da Costa Pereira"),
	S("Magalhães"),
};

/* ---- Lithuanian ---- */

static const struct seed_given lithuanian_boys[] = {
	G("Lukas"), G("Matas"), G("Jonas"), G("Dovydas"), G("Nojus"),
	G("Kajus"), G("Mantas"), G("Žygimantas"), G("Benas"),
	G("Domantas"),
};

static const struct seed_given lithuanian_girls[] = {
	G("Emilija"), G("Gabija"), G("Austėja"), G("Ugnė"),
	G("Kamilė"), G("Urtė"), G("Gabrielė"), G("Liepa"), G("Rūta"),
	G("Goda"),
};

static const struct seed_surname lithuanian_surnames[] = {
	SFG("Kazlauskas", "Kazlauskienė", "Kazlauskaitė"),
	SFG("Jankauskas", "Jankauskienė", "Jankauskaitė"),
	SFG("Petrauskas", "Petrauskienė", "Petrauskaitė"),
	SFG("Stankevičius", "Stankevičienė", "Stankevičiūtė"),
	SFG("Vasiliauskas", "Vasiliauskienė", "Vasiliauskaitė"),
	SFG("Žukauskas", "Žukauskienė", "Žukauskaitė"),
	SFG("Butkus", "Butkienė", "Butkutė"),
	SFG("Paulauskas", "Paulauskienė", "Paulauskaitė"),
	SFG("Urbonas", "Urbonienė", "Urbonaitė"),
};

/* ---- Ukrainian (English spelling as on a passport, and Cyrillic) ---- */

static const struct seed_given ukrainian_boys[] = {
	GN("Oleksandr", "Олександр"), GN("Mykola", "Микола"),
	GN("Danylo", "Данило"), GN("Maksym", "Максим"),
	GN("Artem", "Артем"), GN("Bohdan", "Богдан"),
	GN("Yaroslav", "Ярослав"), GN("Taras", "Тарас"),
	GN("Andrii", "Андрій"), GN("Dmytro", "Дмитро"),
};

static const struct seed_given ukrainian_girls[] = {
	GN("Anastasiia", "Анастасія"), GN("Sofiia", "Софія"),
	GN("Yuliia", "Юлія"), GN("Kateryna", "Катерина"),
	GN("Viktoriia", "Вікторія"), GN("Daryna", "Дарина"),
	GN("Solomiia", "Соломія"), GN("Oksana", "Оксана"),
	GN("Polina", "Поліна"), GN("Mariia", "Марія"),
};

static const struct seed_surname ukrainian_surnames[] = {
	SN("Shevchenko", "Шевченко"),
	SN("Kovalenko", "Коваленко"),
	SN("Bondarenko", "Бондаренко"),
	SN("Tkachenko", "Ткаченко"),
	SN("Kravchenko", "Кравченко"),
	SN("Melnyk", "Мельник"),
	SN("Boiko", "Бойко"),
	SN("Oliinyk", "Олійник"),
	SN("Lysenko", "Лисенко"),
	{ "Kovalskyi", "Kovalska", NULL, "Ковальський" },
	SN("Moroz", "Мороз"),
	SN("Savchenko", "Савченко"),
};

/* ---- Turkish ---- */

static const struct seed_given turkish_boys[] = {
	G("Şükrü"), G("Emre"), G("Yusuf"), G("Mehmet"), G("Mustafa"),
	G("Ömer"), G("Burak"), G("Çağan"), G("Eren"), G("Kerem"),
	G("Furkan"), G("İbrahim"),
};

static const struct seed_given turkish_girls[] = {
	G("Elif"), G("Zeynep"), G("Ayşe"), G("Defne"), G("Eylül"),
	G("Büşra"), G("Gülşen"), G("İrem"), G("Özge"), G("Nur"),
	G("Ecrin"), G("Şevval"),
};

static const struct seed_surname turkish_surnames[] = {
	S("Yılmaz"), S("Kaya"), S("Demir"), S("Şahin"), S("Çelik"),
	S("Yıldız"), S("Öztürk"), S("Aydın"), S("Özdemir"),
	S("Arslan"), S("Doğan"), S("Kılıç"), S("Aslan"), S("Çetin"),
	S("Kurt"),
};

/* ---- Somali ---- */

static const struct seed_given somali_boys[] = {
	G("Abdirahman"), G("Mohamed"), G("Abdullahi"), G("Hassan"),
	G("Yusuf"), G("Abdi"), G("Ahmed"), G("Ilyas"), G("Mustafe"),
	G("Guled"),
};

static const struct seed_given somali_girls[] = {
	G("Hodan"), G("Hibo"), G("Ayaan"), G("Sagal"), G("Ifrah"),
	G("Khadra"), G("Nimco"), G("Farhiya"), G("Hamdi"), G("Ubah"),
};

static const struct seed_surname somali_surnames[] = {
	S("Mohamed"), S("Ahmed"), S("Hassan"), S("Ali"), S("Abdi"),
	S("Omar"), S("Warsame"), S("Farah"), S("Jama"), S("Hussein"),
	S("Osman"), S("Abdullahi"), S("Aden"), S("Egal"),
};

/* ---- Nigerian (Igbo, Yoruba, Hausa) ---- */

static const struct seed_given nigerian_boys[] = {
	G("Chukwuemeka"), G("Oluwaseun"), G("Adebayo"), G("Chinedu"),
	G("Tobenna"), G("Emeka"), G("Ikenna"), G("Tunde"),
	G("Olamide"), G("Femi"), G("Ọlájídé"), G("Abubakar"),
};

static const struct seed_given nigerian_girls[] = {
	G("Chiamaka"), G("Adaeze"), G("Ngozi"), G("Folake"),
	G("Ifeoma"), G("Temitope"), G("Chidinma"), G("Ayomide"),
	G("Ebunoluwa"), G("Amarachi"), G("Fatima"), G("Oyinkánsọ́lá"),
};

static const struct seed_surname nigerian_surnames[] = {
	S("Okonkwo"), S("Adeyemi"), S("Okafor"), S("Oyelaran"),
	S("Nwosu"), S("Adebayo"), S("Eze"), S("Okoro"), S("Balogun"),
	S("Ogunleye"), S("Adeleke"), S("Nwachukwu"), S("Obi"),
	S("Akinola"), S("Ìdòwú"), S("Bello"),
};

/* ---- Caribbean and Black British ---- */

static const struct seed_given caribbean_boys[] = {
	G("Jaden"), G("Malachi"), G("Tyrese"), G("Nathaniel"),
	G("Josiah"), G("Kyrie"), G("Marcus"), G("Dwayne"), G("Isaiah"),
	G("Jermaine"),
};

static const struct seed_given caribbean_girls[] = {
	G("Shanice"), G("Aaliyah"), G("Jada"), G("Kezia"), G("Tiana"),
	G("Nia"), G("Imani"), G("Shantelle"), G("Keisha"), G("Precious"),
};

static const struct seed_surname caribbean_surnames[] = {
	S("Campbell"), S("Francis"), S("Thomas"), S("Grant"), S("Reid"),
	S("Samuels"), S("Gordon"), S("Henry"), S("Bailey"),
	S("Thompson-Reid"), S("Clarke"), S("McFarlane"),
};

/* ---- Pakistani ---- */

static const struct seed_given pakistani_boys[] = {
	G("Muhammad"), G("Ali"), G("Hamza"), G("Zain"), G("Ibrahim"),
	G("Ayaan"), G("Rayyan"), G("Hassan"), G("Bilal"), G("Usman"),
	G("Zakariya"), G("Haris"),
};

static const struct seed_given pakistani_girls[] = {
	G("Aisha"), G("Zara"), G("Maryam"), G("Hafsa"), G("Inaya"),
	G("Amina"), G("Noor"), G("Fatima"), G("Anaya"), G("Khadija"),
	G("Zainab"), G("Eman"),
};

static const struct seed_surname pakistani_surnames[] = {
	S("Khan"), S("Hussain"), S("Ahmed"), S("Iqbal"), S("Akhtar"),
	S("Butt"), S("Malik"), S("Raza"), S("Mahmood"), S("Qureshi"),
	S("Shah"), S("Rashid"), S("Chaudhry"), S("Mirza"),
};

/* ---- Indian (Punjabi, Gujarati, South Indian, Goan) ---- */

static const struct seed_given indian_boys[] = {
	G("Arjun"), G("Aarav"), G("Rohan"), G("Vihaan"), G("Aditya"),
	G("Krish"), G("Harjot"), G("Jaskaran"), G("Gurpreet"),
	G("Dev"), G("Ishaan"), G("Karthik"), G("Sai"), G("Neil"),
};

static const struct seed_given indian_girls[] = {
	G("Simran"), G("Harleen"), G("Priya"), G("Ananya"), G("Diya"),
	G("Aanya"), G("Navneet"), G("Jasleen"), G("Kavya"), G("Riya"),
	G("Meera"), G("Sanvi"), G("Anika"), G("Ishita"),
};

static const struct seed_surname indian_surnames[] = {
	S("Patel"), S("Sharma"), S("Gill"), S("Sandhu"), S("Dhillon"),
	S("Kumar"), S("Shah"), S("Mistry"), S("Chauhan"), S("Gupta"),
	S("Reddy"), S("Nair"), S("Pillai"), S("D'Souza"),
	S("Fernandes"), S("Parmar"), S("Bains"), S("Sidhu"),
};

/* ---- Bangladeshi ---- */

static const struct seed_given bangladeshi_boys[] = {
	G("Abdul"), G("Rahim"), G("Mohammed"), G("Tanvir"), G("Rafi"),
	G("Arif"), G("Imran"), G("Sakib"), G("Yahya"), G("Ishfaq"),
};

static const struct seed_given bangladeshi_girls[] = {
	G("Fatema"), G("Nusrat"), G("Tasnim"), G("Sumaiya"), G("Sadia"),
	G("Jannat"), G("Ruksana"), G("Farzana"), G("Tahmina"),
	G("Raisa"),
};

static const struct seed_surname bangladeshi_surnames[] = {
	SFG("Miah", "Begum", "Begum"), SFG("Uddin", "Khatun", "Khatun"),
	S("Rahman"), S("Hossain"), S("Islam"), SF("Ali", "Begum"),
	S("Chowdhury"), S("Ahmed"), S("Alam"), S("Sarkar"),
};

/* ---- Nepali (many in service families) ---- */

static const struct seed_given nepali_boys[] = {
	G("Aarav"), G("Sujan"), G("Bibek"), G("Prabin"), G("Sandesh"),
	G("Aayush"), G("Roshan"), G("Dipesh"), G("Bishal"),
};

static const struct seed_given nepali_girls[] = {
	G("Anisha"), G("Sushma"), G("Prakriti"), G("Sabina"),
	G("Rojina"), G("Asmita"), G("Srijana"), G("Nisha"),
};

static const struct seed_surname nepali_surnames[] = {
	S("Gurung"), S("Rai"), S("Limbu"), S("Thapa"), S("Magar"),
	S("Tamang"), S("Shrestha"), S("Pun"), S("Ale"), S("Sherpa"),
};

/* ---- Chinese (mainland: pinyin legal name, Han characters) ---- */

static const struct seed_given chinese_boys[] = {
	GN("Hao", "浩"), GN("Yuxuan", "宇轩"), GN("Haoran", "浩然"),
	GN("Junjie", "俊杰"), GN("Zhiwei", "志伟"), GN("Jiahao", "家豪"),
	GN("Zimo", "子墨"), GN("Yichen", "一辰"), GN("Mingze", "明泽"),
};

static const struct seed_given chinese_girls[] = {
	GN("Xiuying", "秀英"), GN("Yuxin", "雨欣"), GN("Zihan", "梓涵"),
	GN("Xinyi", "欣怡"), GN("Meiling", "美玲"), GN("Jing", "静"),
	GN("Yutong", "雨桐"), GN("Ruoxi", "若汐"), GN("Shiyu", "诗雨"),
};

static const struct seed_surname chinese_surnames[] = {
	SN("Wang", "王"), SN("Li", "李"),
	SN("Zhang", "张"), SN("Liu", "刘"),
	SN("Chen", "陈"), SN("Yang", "杨"),
	SN("Huang", "黄"), SN("Zhao", "赵"),
	SN("Wu", "吴"), SN("Zhou", "周"),
};

/* ---- Hong Kong (English forename, Cantonese middle name) ---- */

static const struct seed_given hongkong_boys[] = {
	G("Ethan"), G("Lucas"), G("Hayden"), G("Jayden"), G("Marcus"),
	G("Aiden"), G("Ryan"), G("Dickson"), G("Ivan"), G("Kelvin"),
};

static const struct seed_given hongkong_girls[] = {
	G("Chloe"), G("Hailey"), G("Charlotte"), G("Natalie"),
	G("Cheryl"), G("Vanessa"), G("Bianca"), G("Kristy"),
	G("Tiffany"), G("Sharon"),
};

static const struct seed_given hongkong_mid_boys[] = {
	GN("Chun-hei", "俊希"), GN("Ka-ho", "家豪"), GN("Pak-hin", "柏軒"),
	GN("Long-yin", "朗然"), GN("Tsz-chun", "子俊"), GN("Ho-yin", "浩賢"),
};

static const struct seed_given hongkong_mid_girls[] = {
	GN("Tsz-yan", "紫欣"), GN("Wing-sze", "詠詩"), GN("Hoi-lam", "凱琳"),
	GN("Hiu-tung", "曉彤"), GN("Ka-yan", "嘉欣"), GN("Pui-shan", "佩珊"),
};

static const struct seed_surname hongkong_surnames[] = {
	SN("Chan", "陳"), SN("Wong", "黃"),
	SN("Cheung", "張"), SN("Lau", "劉"),
	SN("Leung", "梁"), SN("Lee", "李"),
	SN("Ho", "何"), SN("Ng", "吳"),
	SN("Tsang", "曾"), SN("Yip", "葉"),
};

/* ---- Vietnamese (family name, middle name, given name) ---- */

static const struct seed_given vietnamese_boys[] = {
	G("Anh"), G("Minh"), G("Huy"), G("Khoa"), G("Tuấn"), G("Nam"),
	G("Dũng"), G("Phúc"), G("Bảo"), G("Khang"),
};

static const struct seed_given vietnamese_girls[] = {
	G("Hương"), G("Lan"), G("Linh"), G("Trang"), G("Mai"),
	G("Thảo"), G("Ngân"), G("Vy"), G("Ánh"), G("Hà"),
};

static const struct seed_given vietnamese_mid_boys[] = {
	G("Văn"), G("Đức"), G("Minh"), G("Quang"), G("Hữu"),
	G("Gia"),
};

static const struct seed_given vietnamese_mid_girls[] = {
	G("Thị"), G("Ngọc"), G("Thu"), G("Thanh"), G("Bảo"),
	G("Khánh"),
};

static const struct seed_surname vietnamese_surnames[] = {
	S("Nguyễn"), S("Trần"), S("Lê"), S("Phạm"), S("Hoàng"),
	S("Vũ"), S("Đặng"), S("Bùi"), S("Đỗ"), S("Huỳnh"),
};

/* ---- Arabic (Syrian, Iraqi, Sudanese, Yemeni, Egyptian) ---- */

static const struct seed_given arabic_boys[] = {
	G("Mohammad"), G("Ahmad"), G("Omar"), G("Khaled"),
	G("Yousef"), G("Hamza"), G("Karim"), G("Tariq"), G("Adam"),
	G("Zaid"),
};

static const struct seed_given arabic_girls[] = {
	G("Fatima"), G("Layla"), G("Aya"), G("Rama"), G("Nour"),
	G("Lina"), G("Sara"), G("Yasmin"), G("Huda"), G("Hala"),
};

static const struct seed_surname arabic_surnames[] = {
	S("Al-Hassan"), S("Al-Ahmad"), S("Haddad"), S("Khalil"),
	S("Mansour"), S("Nasser"), S("Saleh"), S("Al-Khatib"),
	S("Hamdan"), S("Abboud"), S("Darwish"), S("Ibrahim"),
	S("Othman"), S("El-Sayed"),
};

#define LIST(a)	a, NELEM(a)
#define NOMID	NULL, 0, NULL, 0

static const struct seed_origin seed_origins[] = {
	{ "British", NULL, NULL, LIST(british_boys), LIST(british_girls),
	  NOMID, LIST(british_surnames), { 8030, 7345 }, 8, 1, 0 },
	{ "Irish", NULL, "IE", LIST(irish_boys), LIST(irish_girls),
	  NOMID, LIST(irish_surnames), { 150, 140 }, 10, 0, 0 },
	{ "Gypsy or Irish Traveller", NULL, NULL, LIST(traveller_boys),
	  LIST(traveller_girls), NOMID, LIST(traveller_surnames),
	  { 140, 260 }, 40, 0, SEED_ORIGIN_GRT },
	{ "Roma", "Romani", "SK", LIST(roma_boys), LIST(roma_girls),
	  NOMID, LIST(roma_surnames), { 80, 150 }, 50, 0, SEED_ORIGIN_GRT },
	{ "Polish", "Polish", "PL", LIST(polish_boys), LIST(polish_girls),
	  NOMID, LIST(polish_surnames), { 300, 300 }, 20, 0, 0 },
	{ "Romanian", "Romanian", "RO", LIST(romanian_boys),
	  LIST(romanian_girls), NOMID, LIST(romanian_surnames),
	  { 200, 300 }, 30, 0, 0 },
	{ "Portuguese", "Portuguese", "PT", LIST(portuguese_boys),
	  LIST(portuguese_girls), NOMID, LIST(portuguese_surnames),
	  { 50, 100 }, 20, 0, 0 },
	{ "Lithuanian", "Lithuanian", "LT", LIST(lithuanian_boys),
	  LIST(lithuanian_girls), NOMID, LIST(lithuanian_surnames),
	  { 80, 150 }, 20, 0, 0 },
	{ "Ukrainian", "Ukrainian", "UA", LIST(ukrainian_boys),
	  LIST(ukrainian_girls), NOMID, LIST(ukrainian_surnames),
	  { 100, 150 }, 25, 0, SEED_ORIGIN_CYRILLIC },
	{ "Turkish", "Turkish", "TR", LIST(turkish_boys),
	  LIST(turkish_girls), NOMID, LIST(turkish_surnames),
	  { 50, 100 }, 12, 0, 0 },
	{ "Somali", "Somali", "SO", LIST(somali_boys), LIST(somali_girls),
	  NOMID, LIST(somali_surnames), { 40, 50 }, 15, 0, 0 },
	{ "Nigerian", "Yoruba", "NG", LIST(nigerian_boys),
	  LIST(nigerian_girls), NOMID, LIST(nigerian_surnames),
	  { 80, 250 }, 10, 0, 0 },
	{ "Caribbean", NULL, NULL, LIST(caribbean_boys),
	  LIST(caribbean_girls), NOMID, LIST(caribbean_surnames),
	  { 100, 100 }, 10, 1, 0 },
	{ "Pakistani", "Urdu", "PK", LIST(pakistani_boys),
	  LIST(pakistani_girls), NOMID, LIST(pakistani_surnames),
	  { 150, 80 }, 12, 0, 0 },
	{ "Indian", "Punjabi", "IN", LIST(indian_boys), LIST(indian_girls),
	  NOMID, LIST(indian_surnames), { 150, 200 }, 8, 0,
	  SEED_ORIGIN_SIKH },
	{ "Bangladeshi", "Bengali", "BD", LIST(bangladeshi_boys),
	  LIST(bangladeshi_girls), NOMID, LIST(bangladeshi_surnames),
	  { 40, 50 }, 12, 0, 0 },
	{ "Nepali", "Nepali", "NP", LIST(nepali_boys), LIST(nepali_girls),
	  NOMID, LIST(nepali_surnames), { 20, 150 }, 8, 60, 0 },
	{ "Chinese", "Mandarin", "CN", LIST(chinese_boys),
	  LIST(chinese_girls), NOMID, LIST(chinese_surnames), { 60, 80 },
	  8, 0, SEED_ORIGIN_HAN | SEED_ORIGIN_ENGLISH },
	{ "Hong Kong", "Cantonese", "HK", LIST(hongkong_boys),
	  LIST(hongkong_girls), LIST(hongkong_mid_boys),
	  LIST(hongkong_mid_girls), LIST(hongkong_surnames), { 80, 100 },
	  10, 0, SEED_ORIGIN_MIDDLE | SEED_ORIGIN_HAN },
	{ "Vietnamese", "Vietnamese", "VN", LIST(vietnamese_boys),
	  LIST(vietnamese_girls), LIST(vietnamese_mid_boys),
	  LIST(vietnamese_mid_girls), LIST(vietnamese_surnames), { 30, 50 },
	  12, 0, SEED_ORIGIN_MIDDLE | SEED_ORIGIN_ENGLISH },
	{ "Arabic", "Arabic", "SY", LIST(arabic_boys), LIST(arabic_girls),
	  NOMID, LIST(arabic_surnames), { 80, 100 }, 15, 0, 0 },
};

static const char *const seed_english_boys[] = {
	"Kevin", "Jack", "Tony", "Sam", "Leo", "Max", "Danny", "Ben",
};

static const char *const seed_english_girls[] = {
	"Amy", "Lily", "Grace", "Emma", "Sophie", "Annie", "Kate", "Ella",
};

/* Usual short forms; only names that appear in the lists above. */
static const struct {
	const char	*full;
	const char	*short_form;
} seed_nicknames[] = {
	{ "Alexander", "Alex" }, { "Thomas", "Tom" }, { "William", "Will" },
	{ "Joseph", "Joe" }, { "Samuel", "Sam" }, { "Benjamin", "Ben" },
	{ "Matthew", "Matt" }, { "Daniel", "Dan" }, { "Christopher", "Chris" },
	{ "Nathaniel", "Nate" }, { "Zachary", "Zac" }, { "Edward", "Ted" },
	{ "Elizabeth", "Libby" }, { "Isabella", "Bella" }, { "Olivia", "Liv" },
	{ "Charlotte", "Lottie" }, { "Abigail", "Abi" }, { "Jessica", "Jess" },
	{ "Florence", "Flo" }, { "Matilda", "Tilly" }, { "Margaret", "Maggie" },
	{ "Kathleen", "Katie" }, { "Alexandra", "Sasha" },
	{ "Oleksandr", "Sasha" }, { "Wojciech", "Wojtek" },
	{ "Małgorzata", "Gosia" }, { "Katarzyna", "Kasia" },
	{ "Bartłomiej", "Bartek" }, { "Krzysztof", "Krzyś" },
	{ "Chukwuemeka", "Emeka" }, { "Oluwaseun", "Seun" },
	{ "Ebunoluwa", "Ebun" }, { "Abdirahman", "Abdi" },
	{ "Anastasiia", "Nastia" }, { "Kateryna", "Katia" },
	{ "Muhammad", "Mo" }, { "Mohammed", "Mo" },
};

int
seed_names_origin_count(void)
{
	return (NELEM(seed_origins));
}

const struct seed_origin *
seed_names_origin(int i)
{
	return (&seed_origins[i]);
}

int
seed_names_pick_origin(struct prng *r, int variant)
{
	int	 i, total = 0, x;

	for (i = 0; i < NELEM(seed_origins); i++)
		total += seed_origins[i].weight[variant];
	x = (int)prng_below(r, (uint32_t)total);
	for (i = 0; i < NELEM(seed_origins); i++) {
		x -= seed_origins[i].weight[variant];
		if (x < 0)
			return (i);
	}
	return (0);
}

const struct seed_surname *
seed_names_surname(struct prng *r, const struct seed_origin *o)
{
	return (&o->surnames[prng_below(r, (uint32_t)o->nsurnames)]);
}

const char *
seed_names_surname_form(const struct seed_surname *s, char sex, bool married)
{
	if (sex != 'F')
		return (s->male);
	if (!married && s->girl != NULL)
		return (s->girl);
	return (s->wife != NULL ? s->wife : s->male);
}

const struct seed_given *
seed_names_given(struct prng *r, const struct seed_origin *o, char sex)
{
	if (sex == 'U')
		sex = prng_chance(r, 0.5) ? 'M' : 'F';
	if (sex == 'M')
		return (&o->boys[prng_below(r, (uint32_t)o->nboys)]);
	return (&o->girls[prng_below(r, (uint32_t)o->ngirls)]);
}

const struct seed_given *
seed_names_middle(struct prng *r, const struct seed_origin *o, char sex)
{
	static const struct seed_given	 singh = G("Singh"), kaur = G("Kaur");
	const struct seed_given		*g;
	int				 tries;

	if (sex == 'U')
		sex = prng_chance(r, 0.5) ? 'M' : 'F';
	if (o->flags & SEED_ORIGIN_MIDDLE) {
		if (sex == 'M')
			return (&o->mid_boys[prng_below(r,
			    (uint32_t)o->nmid_boys)]);
		return (&o->mid_girls[prng_below(r, (uint32_t)o->nmid_girls)]);
	}
	if ((o->flags & SEED_ORIGIN_SIKH) && prng_chance(r, 0.4))
		return (sex == 'M' ? &singh : &kaur);
	if (!prng_chance(r, o == &seed_origins[0] ? 0.7 : 0.35))
		return (NULL);
	/* A second given name of the same origin, never the same twice. */
	for (tries = 0; tries < 4; tries++) {
		g = seed_names_given(r, o, sex);
		if (g->native == NULL)
			return (g);
	}
	return (NULL);
}

const char *
seed_names_english(struct prng *r, char sex)
{
	if (sex == 'M')
		return (seed_english_boys[prng_below(r,
		    (uint32_t)NELEM(seed_english_boys))]);
	return (seed_english_girls[prng_below(r,
	    (uint32_t)NELEM(seed_english_girls))]);
}

const char *
seed_names_nickname(const char *forename)
{
	int	 i;

	for (i = 0; i < NELEM(seed_nicknames); i++)
		if (strcmp(seed_nicknames[i].full, forename) == 0)
			return (seed_nicknames[i].short_form);
	return (NULL);
}

bool
seed_names_is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return (false);
	return (true);
}

/* Decodes one UTF-8 sequence (the lists are valid UTF-8). */
static unsigned
seed_names_decode(const unsigned char **pp)
{
	const unsigned char	*p = *pp;
	unsigned		 cp;
	int			 n, i;

	if (p[0] < 0x80) {
		*pp = p + 1;
		return (p[0]);
	}
	if ((p[0] & 0xe0) == 0xc0) {
		cp = p[0] & 0x1f;
		n = 1;
	} else if ((p[0] & 0xf0) == 0xe0) {
		cp = p[0] & 0x0f;
		n = 2;
	} else {
		cp = p[0] & 0x07;
		n = 3;
	}
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80) {	/* broken: skip one byte */
			*pp = p + 1;
			return (0xfffd);
		}
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	*pp = p + n + 1;
	return (cp);
}

/*
 * The ASCII for one code point of the Latin scripts the lists use, in
 * buf (or a static string); "" for anything else.
 */
static const char *
seed_names_fold_cp(unsigned cp, char *buf)
{
	/* U+00C0..U+00FF; '?' marks the ones handled by hand. */
	static const char	 latin1[] =
	    "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
	/* U+0100..U+017F. */
	static const char	 ext_a[] =
	    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLl"
	    "LlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
	unsigned		 i;

	buf[1] = '\0';
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return (buf);
	}
	if (cp >= 0xc0 && cp <= 0xff) {
		switch (cp) {
		case 0xc6:
			return ("AE");
		case 0xe6:
			return ("ae");
		case 0xdf:
			return ("ss");
		case 0xde:
			return ("Th");
		case 0xfe:
			return ("th");
		case 0xd7:
		case 0xf7:
			return ("");
		}
		buf[0] = latin1[cp - 0xc0];
		return (buf);
	}
	if (cp >= 0x100 && cp <= 0x17f) {
		buf[0] = ext_a[cp - 0x100];
		return (buf);
	}
	switch (cp) {
	case 0x218:	/* Ș */
		return ("S");
	case 0x219:
		return ("s");
	case 0x21a:	/* Ț */
		return ("T");
	case 0x21b:
		return ("t");
	case 0x1a0:	/* Ơ */
		return ("O");
	case 0x1a1:
		return ("o");
	case 0x1af:	/* Ư */
		return ("U");
	case 0x1b0:
		return ("u");
	case 0x300:	/* combining accents: drop */
	case 0x301:
	case 0x303:
	case 0x309:
	case 0x323:
		return ("");
	}
	if (cp >= 0x1ea0 && cp <= 0x1ef9) {	/* Vietnamese block */
		i = cp - 0x1ea0;
		if (cp <= 0x1eb7)
			buf[0] = 'A';
		else if (cp <= 0x1ec7)
			buf[0] = 'E';
		else if (cp <= 0x1ecb)
			buf[0] = 'I';
		else if (cp <= 0x1ee3)
			buf[0] = 'O';
		else if (cp <= 0x1ef1)
			buf[0] = 'U';
		else
			buf[0] = 'Y';
		if (i % 2 == 1)
			buf[0] = (char)(buf[0] - 'A' + 'a');
		return (buf);
	}
	return ("");
}

size_t
seed_names_plain(const char *in, char *out, size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)in;
	char			 buf[2];
	const char		*a;
	size_t			 n = 0, k;

	while (*p != '\0') {
		a = seed_names_fold_cp(seed_names_decode(&p), buf);
		k = strlen(a);
		if (n + k + 1 > outsz)
			break;
		memcpy(out + n, a, k);
		n += k;
	}
	out[n] = '\0';
	return (n);
}

size_t
seed_names_fold(const char *in, char *out, size_t outsz)
{
	char	 tmp[256];
	size_t	 i, n = 0;
	char	 c;

	seed_names_plain(in, tmp, sizeof tmp);
	for (i = 0; tmp[i] != '\0' && n + 1 < outsz; i++) {
		c = tmp[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
	return (n);
}
