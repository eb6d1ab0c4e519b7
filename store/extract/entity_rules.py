"""How an unknown capitalised name gets its type: suffixes, heads, cue words around it, model codes.

General English vocabulary only (titles, corporate suffixes, place words); the named things themselves live
in the gazetteer's data files. Each rule returns a label and a confidence: 2 for a cue that decides the type,
1 for a hint, 0 for "a name of unclear type" (``OTHER``). Labels: PERSON, ORG, PLACE, NORP (nationality, religious,
political and language groups), EVENT (events, awards, laws, agreements, wars, storms), PRODUCT, INDEX and OTHER.
"""

from __future__ import annotations

import re

ORG_SUFFIXES = frozenset(
    ["Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Companies", "Ltd", "Ltd.", "Limited",
     "LLC", "LLP", "plc", "PLC", "AG", "SA", "S.A.", "NV", "N.V.", "SE", "GmbH", "Group", "Holdings", "Capital",
     "Partners", "Bank", "Bancorp", "Securities", "Investments", "Investment", "Management", "Advisors", "Technologies",
     "Technology", "Systems", "Software", "Labs", "Laboratories", "Pharmaceuticals", "Therapeutics", "Motors",
     "Airlines", "Airways", "Energy", "Industries", "Enterprises", "Solutions", "Networks", "Communications", "Media",
     "Entertainment", "Studios", "Records", "Pictures", "Association", "Federation", "Foundation", "Institute",
     "University", "College", "School", "Academy", "Society", "Council", "Committee", "Commission", "Agency",
     "Authority", "Bureau", "Department", "Ministry", "Office", "Party", "Union", "League", "Club", "FC", "Team",
     "Band", "Orchestra", "Church", "Museum", "Hospital", "Trust", "Fund", "Funds", "Exchange", "Board", "Assembly",
     "Parliament", "Congress", "Court", "Army", "Navy", "Corps", "Police", "Service", "Services", "Brothers",
     "Associates", "Consulting", "Research", "Institute", "Insurance", "Financial", "Bancshares", "Railway", "Railways",
     "Railroad", "Press", "Times", "Post", "Journal", "Herald", "Tribune", "News", "Magazine", "Gazette",
     "Broadcasting", "Radio", "Television", "Network", "Channel", "Publishing", "Publications", "Ventures",
     "Fellowship", "Guild", "Coalition", "Alliance", "Organization", "Organisation", "Pharma", "Pharmaceutical",
     "Biopharma", "Biopharmaceuticals", "Biotech", "Biotechnology", "Bioscience", "Biosciences", "Biologics",
     "Genomics", "Diagnostics", "Medical", "Healthcare", "Robotics", "Logistics", "Semiconductor", "Semiconductors",
     "Materials", "Mining", "Minerals", "Metals", "Resources", "Realty", "Properties", "Electronics", "Electric",
     "Telecom", "Telecommunications", "Wireless", "Broadband", "Foods", "Beverages", "Brands", "Automotive",
     "Aerospace", "Shipping", "Petroleum", "Chemical", "Chemicals", "Steel", "Utilities", "Renewables", "Solar",
     "Analytics", "Dynamics", "Devices", "Instruments", "Microsystems", "Payments", "Lending", "Fintech", "Advisers",
     "Computer", "Computers", "Motor", "Productions", "Equities",
     "Assurance", "Reinsurance", "Brewing", "Breweries", "Hotels", "Resorts", "Stores", "Apparel", "Cosmetics",
     "Tobacco", "Gaming", "Interactive", "Automation", "Mobility", "Bankshares", "Construction", "United", "Rovers",
     "Wanderers", "Athletic", "Albion", "Hotspur", "Rangers", "Celtic", "Victory", "Glory", "Roar", "Argyle", "Dockers",
     "Force", "Forces", "Command", "Guard", "Brigade", "Regiment", "Battalion", "Squadron"]
)
# Organisations a text may name by their head word alone, capitalised after "the": "the League", "the Church"
BODIES = frozenset(["League", "Union", "Army", "Navy", "Senate", "Congress", "Parliament", "Church", "Assembly",
                    "Council", "Commission", "Court", "Police", "Party", "Federation", "Association", "Ministry",
                    "Cabinet", "Movement", "Corps"])
# Head words that make a company name only after a coined word ("Pratbon AI", "Tirzex Data", "Oravel Health"):
# after ordinary English words they are a topic ("Generative AI", "Big Data", "Public Health").
WEAK_ORG_SUFFIXES = frozenset(
    ["AI", "Cloud", "Data", "Tech", "Digital", "Bio", "Health", "Mobile", "Security", "Finance", "Power", "Retail",
     "Engineering", "Wealth", "Infrastructure", "Quantum"]
)
PLACE_SUFFIXES = frozenset(
    ["City", "County", "Province", "State", "States", "River", "Lake", "Mountain", "Mountains", "Mount", "Island",
     "Islands", "Valley", "Bay", "Sea", "Ocean", "Coast", "Peninsula", "Desert", "Forest", "Park", "Street", "Avenue",
     "Road", "Square", "Bridge", "Airport", "Harbor", "Harbour", "Port", "Canal", "Strait", "Gulf", "Region",
     "District", "Village", "Town", "Township", "Borough", "Heights", "Hills", "Falls", "Springs", "Beach", "Creek",
     "Canyon", "Prefecture", "Oblast", "Territory", "Republic", "Kingdom", "Emirate", "Highway", "Reservoir", "Dock",
     "Docks", "Cave", "Caves", "Stadium", "Arena", "Pavilion", "Rink", "Playfield", "Pass", "Glacier", "Reef", "Cove",
     "Peak", "Plateau", "Basin", "Delta", "Lagoon", "Marsh", "Moor", "Fjord", "Volcano", "Parish", "Brook", "Pond",
     "Ridge", "Hill", "Point", "Gardens", "Plaza", "Courthouse", "Area", "Base", "Station"]
)
INDEX_SUFFIXES = frozenset({"Index", "Average", "Composite"})
# Events, awards, laws, agreements and wars: the label EVENT.
EVENT_SUFFIXES = frozenset(
    ["Festival", "Games", "Olympics", "Championship", "Championships", "Cup", "Tournament", "Open", "Prize", "Award",
     "Awards", "War", "Wars", "Revolution", "Act", "Treaty", "Accord", "Accords", "Agreement", "Summit", "Conference",
     "Forum", "Expo", "Fair", "Marathon", "Prix", "Day", "Week", "Year", "Crisis", "Massacre", "Uprising", "Rebellion",
     "Dynasty", "Era", "Age", "Ages"]
)
EVENT_HEADS = frozenset(["Battle", "Siege", "Treaty", "Siege", "War", "Festival", "Day", "Act"])
# First words that make a name an organisation in the languages news quotes most ("Banco Santander").
ORG_FIRST_WORDS = frozenset(
    ["Team", "Partido", "Partito", "Parti", "Banco", "Banca", "Grupo", "Gruppo", "Universidad", "Universidade",
     "Università", "Université", "Universität", "Instituto", "Institut", "Istituto", "Sociedad", "Société", "Società",
     "Compagnie", "Compañía", "Companhia", "Museo", "Musée", "Museu", "Real", "Atlético", "Sporting", "Olympique",
     "Dynamo", "Dinamo", "Lokomotiv", "Spartak"]
)
ORG_HEADS = frozenset(
    ["Bank", "University", "Ministry", "Department", "Institute", "College", "School", "Academy", "Bureau", "Office",
     "Board", "Council", "Committee", "Commission", "Agency", "Museum", "Church", "Federation", "Association",
     "Society", "League", "Union", "House", "Order", "Court", "Tribunal"]
)
# Bodies named for what they deal with: "Commission on Presidential Debates", "Project on Government Oversight"
ON_HEADS = frozenset(["Commission", "Committee", "Council", "Conference", "Project", "Panel", "Center", "Centre",
                      "Institute", "Board", "Forum", "Coalition", "Network", "Alliance"])
PLACE_FIRST_WORDS = frozenset(["County", "Mount", "Mt.", "Lake", "Cape", "Fort", "Isle", "Port", "Glen", "Loch"])
PLACE_HEADS = frozenset(["Republic", "Kingdom", "Gulf", "Lake", "Mount", "Isle", "Cape", "Port", "Bay", "Sea", "City",
                         "Province", "State", "Strait"])
OF_HEADS = ORG_HEADS | PLACE_HEADS | frozenset(
    ["Duke", "Earl", "King", "Queen", "Prince", "Princess", "Emperor", "Lord", "Lady", "Count", "Bishop", "Archbishop",
     "Secretary", "Minister", "Governor", "Mayor", "President", "Chancellor", "Battle", "Siege", "Treaty", "Book",
     "Isle", "Islands", "Straits", "Chamber", "Temple", "Palace", "Castle", "Tower", "Court", "Cathedral", "Hall",
     "Centre", "Center", "Statue", "Act", "Sultan", "Party", "Army", "Navy", "Empire", "Principality", "Duchy",
     "Organization", "Organisation", "Institute"]
)
PARTICLES = frozenset(["de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "al", "y",
                       "dos", "das", "ter", "ten", "st"])
# Titles and roles written before a person's name ("analyst Gil Luria", "CEO Tim Cook", "Mr. Smith").
PERSON_TITLES = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady", "president",
     "vice", "ceo", "cfo", "coo", "cto", "chief", "executive", "chairman", "chairwoman", "chair", "founder",
     "co-founder", "cofounder", "analyst", "economist", "strategist", "director", "manager", "officer", "minister",
     "secretary", "senator", "sen.", "rep.", "representative", "governor", "gov.", "mayor", "ambassador", "judge",
     "justice", "general", "gen.", "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "admiral", "sergeant",
     "major", "administrator", "congressman", "congresswoman", "councillor", "councilman", "councilwoman", "alderman",
     "assemblyman", "pastor", "rabbi", "imam", "sheikh", "priest", "deacon", "brigadier", "commander", "commodore",
     "corporal", "coroner", "marshal", "king", "queen", "prince", "princess", "pope", "bishop", "cardinal", "father",
     "saint", "rev.", "reverend", "spokesperson", "spokesman", "spokeswoman", "investor", "capitalist", "trader",
     "partner", "professor", "researcher", "scientist", "engineer", "reporter", "journalist", "columnist", "editor",
     "author", "writer", "novelist", "poet", "actor", "actress", "singer", "songwriter", "rapper", "musician",
     "guitarist", "drummer", "composer", "producer", "artist", "painter", "architect", "director", "player", "striker",
     "midfielder", "defender", "goalkeeper", "coach", "manager", "pitcher", "quarterback", "boxer", "driver",
     "chancellor", "premier", "emperor", "empress", "duke", "earl", "baron", "count", "countess", "lawyer", "attorney",
     "prosecutor", "candidate", "leader", "head", "deputy", "treasurer", "commissioner", "inspector", "detective",
     "officer", "sheriff", "chef", "designer", "entrepreneur", "billionaire", "banker", "economist", "historian",
     "philosopher", "assemblywoman", "assemblymember", "whip", "councilmember"]
)
# Endings that make an English word a role written before a name ("Immunologist Kristian Andersen", "geochemist
# Seth John", "physician Ana Ruiz"): no given name ends so; "-ist" not after "v"/"u" (Swedish "Lindqvist").
_ROLE_ENDINGS = re.compile(r"[a-z]{3,}(?:ologist|ographer|ician|(?<![vu])ist)")


def is_role_word(word: str) -> bool:
    """A folded word that is a person's title or role: listed ("senator", "ceo") or shaped like one."""
    return word in PERSON_TITLES or _ROLE_ENDINGS.fullmatch(word) is not None


ORG_CUES = frozenset(
    ["firm", "company", "companies", "maker", "makers", "chipmaker", "carmaker", "automaker", "startup", "start-up",
     "lender", "bank", "banks", "insurer", "brokerage", "broker", "fund", "funds", "group", "conglomerate", "retailer",
     "manufacturer", "supplier", "developer", "publisher", "newspaper", "agency", "regulator", "operator", "giant",
     "rival", "rivals", "airline", "carrier", "club", "band", "label", "team", "university", "school", "subsidiary",
     "unit", "platform", "exchange", "network", "channel", "studio", "outlet", "organisation", "organization", "party",
     "journal", "magazine", "website", "charity", "charities", "broadcaster", "tabloid", "promotion", "union",
     "federation", "association"]
)
TEAM_WORDS = frozenset(["team", "teams", "squad", "club", "franchise", "crew"])
PLACE_CUES = frozenset(["city", "town", "village", "province", "state", "country", "capital", "region", "island",
                        "near", "outside", "across"])
SPEECH_VERBS = frozenset(
    ["said", "says", "told", "added", "noted", "wrote", "explained", "argued", "warned", "stated", "believes", "thinks",
     "expects", "emphasized", "emphasised", "pointed", "commented", "asked", "replied", "claimed"]
)
KIN = frozenset(
    ["wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "girlfriend", "boyfriend",
     "partner", "widow", "uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "grandfather",
     "grandmother", "fiancé", "fiancée", "ex-wife", "ex-husband", "ex-boyfriend", "ex-girlfriend", "parents",
     "children", "family", "career", "death", "birth"]
)
PERSON_FOLLOWERS = (", who ", " who ", " was born", " died", " (born", ", born ", " (died", " himself", " herself")
WORKED_VERBS = frozenset(["played", "plays", "playing", "worked", "works", "working", "signed", "signs", "wrote",
                          "writes", "writing"])
OWNED_VERBS = frozenset(
    ["owned", "acquired", "operated", "published", "founded", "distributed", "bought", "sponsored", "managed", "run",
     "funded", "backed", "listed", "issued", "released", "manufactured"]
)
AUTHORED_VERBS = frozenset(
    ["written", "directed", "composed", "painted", "designed", "illustrated", "sung", "narrated", "photographed",
     "coached", "authored", "edited", "translated", "sculpted", "choreographed", "performed", "hosted", "presented",
     "interviewed"]
)
ORG_PREFIXES = frozenset(["FC", "AFC", "AC", "AS", "SC", "SV", "CF", "CD", "CA", "SK", "FK", "NK", "KS", "BK"])
# Model and part codes: H800, A100, GPT-4, MI300X, F-35, RTX-5090; not quarters or halves (Q3, H1).
_APPOSED_ROLE = re.compile(r",\s+((?:[\w'’\-]+\s+){1,6}?)(?:at|of|with|for|from)\s")
_INITIAL = re.compile(r"[A-Z]\.")
DIGIT_ACRONYM = re.compile(r"\d+[A-Z]{2,}")  # call signs and names like "6PR", "3AW"
PLACE_DESCRIBED = re.compile(
    r"(?:,|\s+(?:is|was|lies))\s+(?:an?|the)\s+"
    r"(?:(?:small|large|little|historic|former|coastal|rural|market|civil)\s+)?"
    r"(?:village|town|city|hamlet|parish|municipality|commune|suburb|county|district|river|lake|island|province"
    r"|region)\b"
)
# Endings of English, German, Slavic and South Asian place names, for a single word nothing else types
PLACE_ENDINGS = ("ton", "ham", "by", "thorpe", "ford", "burg", "burgh", "ville", "wick", "stead", "dorf", "grad", "pur",
                 "abad", "shire", "mouth", "bury", "field", "minster", "stadt", "sk")


def team_shaped(tokens: list[str], common_words: frozenset[str]) -> bool:
    """A name ending in a plural English noun ("St. Louis Eagles", "Dark Room Notes")."""
    last = tokens[-1]
    return (
        1 < len(tokens) <= 4 and len(last) > 3 and last.endswith("s") and not last.endswith("ss")
        and last[1:].islower() and last[:-1].lower() in common_words and last not in PLACE_SUFFIXES
    )


def is_place_shaped(words: list[str]) -> bool:
    """A single word with the ending of a place name ("Bedhampton", "Aisby", "Hyderabad")."""
    return len(words) == 1 and len(words[0]) > 5 and words[0][1:].islower() and words[0].endswith(PLACE_ENDINGS)


# First words of spacecraft and ships (products, as the gold conventions have them)
VEHICLE_HEADS = frozenset(["Space", "Shuttle", "Apollo", "Soyuz", "Falcon", "HMS", "USS", "RMS", "MV"])
# First words of storms and military operations: "Hurricane Dorian", "Tropical Storm Barry", "Operation Overlord"
EVENT_FIRST_WORDS = frozenset(["Hurricane", "Typhoon", "Cyclone", "Tropical", "Storm", "Operation"])
WEB_NAME = re.compile(r"[A-Za-z][\w-]*(?:\.[a-z]{2,3}){1,2}")
APPLE_STYLE_PRODUCT = re.compile(r"i[A-Z][a-z]+s?")
VERSION = re.compile(r"\d{1,4}[A-Za-z]?|[IVX]{1,4}|\d+(?:\.\d+)+")
CAMEL_CASE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
MODEL_CODE = re.compile(r"^(?:[A-Z]{1,5}-?\d{1,4}[A-Za-z]{0,2}|[A-Z][a-z]+-\d+(?:\.\d+)?[a-z]?)$")
NOT_MODEL_CODE = re.compile(r"^(?:Q[1-4]|H[12]|FY\d+|[A-Z]\d|COVID-\d+|G\d{1,2}|F\d|\d+[A-Z])$")


def is_model_code(token: str) -> bool:
    """Whether a single token looks like a product or model code (H800, GPT-4, A100) rather than a period."""
    return bool(MODEL_CODE.match(token)) and not NOT_MODEL_CODE.match(token)


def is_coined_company(tokens: list[str], common_words: frozenset[str]) -> bool:
    """A coined name before a weak company head word: "Pratbon AI", not "Generative AI"."""
    return (
        bool(common_words)
        and 1 < len(tokens) <= 3
        and tokens[-1] in WEAK_ORG_SUFFIXES
        and all(token[:1].isupper() and token.lower() not in common_words for token in tokens[:-1])
    )


def type_by_shape(
    tokens: list[str], first_names: frozenset[str], common_words: frozenset[str] = frozenset(),
    surnames: frozenset[str] = frozenset(), given_names: frozenset[str] = frozenset(),
) -> tuple[str, int]:
    """Type a name from its own words: suffixes, heads ("University of ..."), model codes, given names; and,
    as a hint, a known surname after a word that is no English word ("Frido Walker") or a known given name
    before one ("Haitham Tariq")."""
    last = tokens[-1]
    if last in ORG_SUFFIXES and len(tokens) > 1:
        return "ORG", 2
    if is_coined_company(tokens, common_words):
        return "ORG", 2
    if last in INDEX_SUFFIXES and len(tokens) > 1:
        return "INDEX", 2
    if last in PLACE_SUFFIXES and len(tokens) > 1:
        return "PLACE", 2
    # a given name before a surname that also ends events is a person: "Doris Day", "Susan Fair"
    person_named = len(tokens) == 2 and tokens[0] in first_names and last in surnames
    if (last in EVENT_SUFFIXES and len(tokens) > 1 and not person_named
            or len(tokens) > 2 and tokens[0] in EVENT_HEADS and tokens[1] == "of"
            or len(tokens) > 1 and (tokens[0] in EVENT_FIRST_WORDS or tokens[-2] == "War")):
        return "EVENT", 2  # "World Cup", "Paris Agreement", "Battle of the Bulge", "Hurricane Dorian", "World War II"
    if len(tokens) == 1 and WEB_NAME.fullmatch(last):
        return "ORG", 2  # a website or publication named by its address: "Detik.com", "Portfolio.hu"
    if len(tokens) > 1 and tokens[0] in VEHICLE_HEADS:
        return "PRODUCT", 2  # "Space Shuttle Atlantis", "Shuttle Endeavour"
    if len(tokens) == 1 and APPLE_STYLE_PRODUCT.fullmatch(last):
        return "PRODUCT", 2  # "iPod", "iTunes", "iPhones"
    if len(tokens) > 1 and tokens[0] in ORG_FIRST_WORDS:
        return "ORG", 2
    if len(tokens) > 2 and "on" in tokens[1:-1] and tokens[tokens.index("on") - 1] in ON_HEADS:
        return "ORG", 2  # "Council on Foreign Relations"
    if len(tokens) > 2 and "of" in tokens[1:-1]:
        head = tokens[tokens.index("of") - 1]  # "University of ...", "Chinese Academy of Sciences"
        if head in ORG_HEADS:
            return "ORG", 2
        if head in PLACE_HEADS:
            return "PLACE", 2
    if 1 < len(tokens) <= 3 and tokens[0] in PLACE_FIRST_WORDS:
        return "PLACE", 2  # "County Galway", "Mount Bukak", "Fort Peck"
    if len(tokens) > 1 and tokens[0] in ORG_PREFIXES:
        return "ORG", 2
    if len(tokens) == 1 and is_model_code(last):
        return "PRODUCT", 2
    if len(tokens) > 1 and VERSION.fullmatch(last) and all(t.lower() not in common_words for t in tokens[:-1]):
        return "PRODUCT", 1  # a coined name and its version or model number: "CentOS 8", "Trent 900"
    if 2 < len(tokens) <= 6 and any(token in PARTICLES for token in tokens[1:-1]) and tokens[-1][0].isupper():
        return "PERSON", 1  # "Hamza bin Laden", "Ursula von der Leyen"
    if tokens[0] in first_names and 1 < len(tokens) <= 4 and not any(t[0].isdigit() for t in tokens):
        return "PERSON", 2
    if 1 < len(tokens) <= 3 and _INITIAL.fullmatch(tokens[0]) and not any(t[0].isdigit() for t in tokens):
        return "PERSON", 2  # "E. Smith", "J. R. Tolkien"
    if len(tokens) == 1 and (last in first_names or last.lower() not in common_words
                             and (last in surnames or last in given_names)):
        return "PERSON", 1  # "Melania", "Penske": a known given name or surname alone
    if len(tokens) == 1 and len(last) > 1 and (last.isupper() and last.isalpha() or DIGIT_ACRONYM.fullmatch(last)):
        return "ORG", 1  # an unknown acronym standing alone is most often an organisation
    if len(tokens) > 2 and last in WEAK_ORG_SUFFIXES:
        return "ORG", 1  # English words before a company head: "Ballast Rock Private Wealth"
    if len(tokens) == 1 and CAMEL_CASE.fullmatch(last):
        return "ORG", 1  # a coined camel-case word is most often a company or a website: "MarineTraffic"
    if 1 < len(tokens) <= 3 and all(token.isalpha() and token[0].isupper() for token in tokens) and (
        last in surnames and tokens[0].lower() not in common_words
        or tokens[0] in given_names and last.lower() not in common_words
    ):
        return "PERSON", 1
    if common_words and 1 < len(tokens) <= 3 and all(
        token[:1].isupper() and token.lower() not in common_words and not any(ch.isdigit() for ch in token)
        for token in tokens
    ):
        return "PERSON", 1  # two or three capitalised words, none an English word: a personal name
    return "OTHER", 0


# A bare singular noun cannot be a clause's subject in English ("an apple fell", never "Apple fell"), so a word
# that opens a sentence right before a verb of saying or announcing is the name of who said it ("Apple said")
_SAYS_NEXT = re.compile(r"\s+(?:said|says|told|tells|announced|announces|reported|confirmed|confirms|stated|added|"
                        r"warned|denied|denies|explained|claimed|wrote|declined)\b")


# a name whose own verb is followed by "its" ("Zylotech sold its unit", "Frobnix has cut its forecast") is the
# thing "its" points back to: a body, not a person (a verb of saying reports another's: "X said its")
_ITS_SUBJECT = re.compile(r"\s+(?:(?:has|have|had|will|would|also|then|later|now)\s+)*(?!said\b|says\b|told\b)"
                          r"[a-z]+(?:ed|s)?\s+its\b")


# words that count or quantify what follows ("Four Navy SEALs", "No Coalition troops"), never a company's name
_QUANTIFIERS = frozenset(["No", "Some", "Many", "Several", "All", "Both", "Each", "Every", "Most", "Few", "Two",
                          "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Other", "More"])


def headed_company(words: list[str]) -> bool:
    """Whether two words opening a sentence are a company's name and its head noun ("Apple Computer", "Central
    Bank"): the first is then part of the name though it is an English word."""
    return len(words) >= 2 and words[-1] in ORG_SUFFIXES and words[0] not in _QUANTIFIERS


def says_next(text: str, end: int) -> bool:
    """Whether a verb of saying or announcing follows the word ending at ``end``."""
    return _SAYS_NEXT.match(text, end) is not None


def introduces_person(after: str) -> bool:
    """Whether the text after a name says it is a person: a speech verb ("said", "pointed out") or an apposed
    role at an organisation (", market strategist at IG", ", chief executive of Nvidia")."""
    role = _APPOSED_ROLE.match(after)
    if role:
        return any(word.lower() in PERSON_TITLES for word in role.group(1).split())
    follow = after.lstrip(" ").split(" ", 1)
    return bool(follow) and follow[0].lower() in SPEECH_VERBS


def company_head(words: list[str], not_names: frozenset[str], common_words: frozenset[str]) -> bool:
    """Whether a last word that is usually no name ("Financial", "AI") is here the head of a company name
    ("Sterskim Financial", "Pratbon AI")."""
    if len(words) < 2 or words[-2] in not_names:
        return False
    return words[-1] in ORG_SUFFIXES or is_coined_company(words, common_words)


def unknown_lone_name(text: str, words: list[str], *name_lists: frozenset[str]) -> bool:
    """Whether a name is one word that no list of given names or surnames holds and that the article never
    gives after another capitalised word ("Equifax"; not "Jafari" after "Amneh Jafari"). Before a verb of saying
    such a name is an organisation: news names a person in full first."""
    if len(words) != 1 or any(words[0] in names for names in name_lists):
        return False
    return re.search(rf"\b[A-Z][\w'’.-]*\s+{re.escape(words[0])}\b", text) is None


def type_by_context(before: list[str], after: str) -> tuple[str, int]:
    """Type a name from the words around it: ``before`` are the (folded) words preceding it, nearest last;
    ``after`` is the text following it on the line."""
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    if prev in PERSON_TITLES:
        return "PERSON", 2
    if prev in ORG_CUES or (prev in {"at", "of", "from", "for"} and prev2 in PERSON_TITLES):
        return "ORG", 2
    if prev == "for" and prev2 in WORKED_VERBS or prev == "by" and prev2 in OWNED_VERBS:
        return "ORG", 2
    if prev == "by" and prev2 in AUTHORED_VERBS:
        return "PERSON", 2
    if prev in {"based", "born"} or prev2 in {"based", "born"} and prev == "in":
        return "PLACE", 2
    if prev in PLACE_CUES or (prev == "of" and prev2 in PLACE_CUES):
        return "PLACE", 2
    if after[:2] in ("'s", "’s") and after[2:].split(" ", 2)[1:2] and after[2:].split(" ", 2)[1] in KIN:
        return "PERSON", 2
    if after.startswith(PERSON_FOLLOWERS):
        return "PERSON", 2
    if introduces_person(after):
        return ("PERSON", 2) if after[:1] == "," else ("PERSON", 1)
    follow = after.lstrip(" ,").split(" ", 2)
    nxt = follow[0].lower() if follow else ""
    if nxt in {"model", "models", "chip", "chips", "processor", "processors", "gpu", "gpus", "smartphone", "app"}:
        return "PRODUCT", 2
    if nxt in TEAM_WORDS:
        return "ORG", 2  # "the Bekele Cross-Country team", "Wildcats squad"
    if nxt in {"shares", "stock", "stocks", "inc", "inc.", "corp"}:
        return "ORG", 1
    if PLACE_DESCRIBED.match(after):
        return "PLACE", 2  # "Aisby is a village in ...", "Heydour, a hamlet near ..."
    if after.startswith("-based"):
        return "PLACE", 2
    if prev in {"in", "from"}:
        return "PLACE", 1
    if _ITS_SUBJECT.match(after):
        return "ORG", 1
    return "OTHER", 0
