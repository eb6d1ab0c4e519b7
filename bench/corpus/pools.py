"""Word pools for the synthetic corpus: small curated lists for the common words of financial news, and
generated pools (pseudo-words, dictionary words) for the long tail of names that gives a realistic vocabulary.

Generated pools are functions of an index, not stored lists, so a pool of millions of names costs no memory.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache
from pathlib import Path

DICTIONARY = Path("/usr/share/dict/words")

FIRST_NAMES = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
               "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
               "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley", "Steven",
               "Kimberly", "Andrew", "Emily", "Kenneth", "Donna", "Joshua", "Michelle", "Kevin", "Carol", "Brian",
               "Amanda", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Jason", "Rebecca",
               "Jeffrey", "Laura", "Ryan", "Sharon", "Jacob", "Cynthia", "Gary", "Amy", "Nicholas", "Angela", "Eric",
               "Anna", "Jonathan", "Helen", "Stephen", "Samantha", "Larry", "Katherine", "Justin", "Christine", "Scott",
               "Debra", "Brandon", "Rachel", "Benjamin", "Carolyn", "Samuel", "Janet", "Gregory", "Maria", "Alexander",
               "Heather", "Patrick", "Diane", "Frank", "Julie", "Raymond", "Joyce", "Jack", "Victoria", "Dennis",
               "Kelly", "Jerry", "Christina", "Tyler", "Lauren", "Aaron", "Joan", "Jose", "Evelyn", "Adam", "Olivia",
               "Nathan", "Judith", "Henry", "Megan", "Zachary", "Cheryl", "Douglas", "Martha", "Peter", "Andrea",
               "Kyle", "Frances", "Noah", "Hannah", "Ethan", "Jacqueline", "Jeremy", "Ann", "Walter", "Gloria",
               "Christian", "Jean", "Keith", "Kathryn", "Roger", "Alice", "Terry", "Teresa", "Austin", "Sara", "Sean",
               "Janice", "Gerald", "Doris", "Carl", "Madison", "Harold", "Julia", "Dylan", "Grace", "Arthur", "Judy",
               "Lawrence", "Abigail", "Jordan", "Marie", "Jesse", "Denise", "Bryan", "Beverly", "Billy", "Amber",
               "Bruce", "Theresa", "Gabriel", "Marilyn", "Joe", "Danielle", "Logan", "Diana", "Alan", "Brittany",
               "Juan", "Natalie", "Albert", "Sophia", "Willie", "Rose", "Elijah", "Isabella", "Wayne", "Alexis",
               "Randy", "Kayla", "Vincent", "Charlotte", "Mamta", "Gil", "Jensen", "Wei", "Li", "Ming", "Hiroshi",
               "Yuki", "Priya", "Rahul", "Arjun", "Ananya", "Sofia", "Lucas", "Mateo", "Camila", "Lars", "Ingrid",
               "Sven", "Astrid", "Pierre", "Amelie", "Klaus", "Greta", "Paolo", "Giulia", "Ahmed", "Fatima", "Omar",
               "Leila", "Kwame", "Amara", "Chen", "Mei", "Hyun", "Jiwoo", "Olga", "Dmitri", "Tomasz", "Zofia", "Aisha",
               "Tariq"]

SURNAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
            "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
            "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips",
            "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales",
            "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
            "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
            "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers",
            "Long", "Ross", "Foster", "Jimenez", "Markham", "Valechha", "Luria", "Andreessen", "Zhang", "Wang", "Liu",
            "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe",
            "Sharma", "Gupta", "Singh", "Kumar", "Rossi", "Russo", "Ferrari", "Müller", "Schmidt", "Schneider",
            "Fischer", "Weber", "Dubois", "Lefebvre", "Moreau", "Laurent", "Novak", "Kowalski", "Ivanov", "Petrov",
            "Okafor", "Mensah", "Haddad", "Nasser", "Kaplan", "Cohen", "Levy", "Friedman", "Becker", "Hoffmann",
            "Larsen", "Nielsen", "Andersson", "Johansson", "Virtanen", "O’Brien", "O’Connor", "McCarthy", "MacLeod"]

REAL_COMPANIES = ["Microsoft", "Nvidia", "Apple", "Amazon", "Alphabet", "Google", "Meta", "Oracle", "Broadcom", "AMD",
                  "Intel", "Qualcomm", "TSMC", "Samsung", "Tesla", "Netflix", "Salesforce", "Adobe", "SAP", "IBM",
                  "Cisco", "Dell", "Equinix", "Marvell", "Supermicro", "Micron", "ASML", "Arm", "Palantir", "Snowflake",
                  "OpenAI", "Anthropic", "Mistral", "DeepSeek", "Alibaba", "Tencent", "Baidu", "Huawei", "Sony",
                  "Toyota", "Siemens", "HSBC", "Barclays", "JPMorgan", "Citigroup", "Goldman", "Sachs", "Morgan",
                  "Stanley", "BlackRock", "Vanguard", "Fidelity", "Jefferies", "FactSet", "Morningstar"]

COMPANY_SUFFIXES = ["Inc.", "Corp.", "Holdings", "Technologies", "Group", "Capital", "Systems", "Labs", "Networks",
                    "Semiconductor", "Energy", "Bank", "Partners", "Logistics", "Therapeutics", "Robotics", "AI",
                    "Software", "Analytics", "Materials", "Motors", "Pharma", "Financial", "Cloud", "Data"]

def _city_list() -> list[str]:
    """Cities with two words ("New York", "Hong Kong") kept whole."""
    twos = {"New", "Hong", "Tel", "São", "Mexico", "Los"}
    words = ["New", "York", "London", "Tokyo", "Shanghai", "Beijing", "Shenzhen", "Hong", "Kong", "Singapore",
             "Frankfurt", "Paris", "Zurich", "Toronto", "Sydney", "Mumbai", "Bangalore", "Seoul", "Taipei", "Dubai",
             "Riyadh", "Austin", "Seattle", "Boston", "Chicago", "Dallas", "Atlanta", "Denver", "Phoenix", "Dublin",
             "Amsterdam", "Stockholm", "Oslo", "Helsinki", "Warsaw", "Madrid", "Milan", "Berlin", "Munich", "Tel",
             "Aviv", "Jakarta", "Manila", "Hanoi", "Lagos", "Nairobi", "Johannesburg", "Cairo", "Istanbul", "São",
             "Paulo", "Mexico", "City", "Santiago", "Lima", "Bogotá", "Vancouver", "Montreal", "Osaka", "Melbourne"]
    cities, pending = [], ""
    for word in words:
        if pending:
            cities.append(f"{pending} {word}")
            pending = ""
        elif word in twos:
            pending = word
        else:
            cities.append(word)
    return cities


CITIES = _city_list()

PUBLISHERS = ["Reuters", "Bloomberg", "CNBC", "Financial Times", "The Wall Street Journal", "MarketWatch", "Barron’s",
              "The Motley Fool", "Morningstar", "Yahoo Finance", "Seeking Alpha", "Forbes", "Business Insider",
              "TechCrunch", "The Economist", "Nikkei Asia", "South China Morning Post", "Caixin", "Handelsblatt",
              "Les Echos", "Investopedia", "TradingKey", "Axios", "The Information", "Fortune", "Associated Press"]

TITLES = ["analyst", "senior analyst", "chief executive", "chief financial officer", "chief economist",
          "portfolio manager", "investment director", "head of equity research", "strategist",
          "chief investment officer", "managing director", "founder", "co-founder", "president", "spokesperson",
          "head of global markets", "consumer goods analyst", "technology analyst", "fund manager", "partner"]

SECTORS = ["tech", "AI", "semiconductor", "cloud", "energy", "banking", "retail", "automotive", "biotech",
           "software", "telecom", "real estate", "insurance", "consumer", "industrial", "utilities", "media",
           "cybersecurity", "e-commerce", "logistics", "mining", "chip", "data center", "fintech"]

NOUNS = ["market", "rally", "sell-off", "valuation", "outlook", "demand", "supply chain", "margin", "forecast",
         "guidance", "strategy", "investment", "bubble", "cycle", "competition", "momentum", "volatility",
         "sentiment", "correction", "rotation", "recovery", "slowdown", "expansion", "pipeline", "backlog",
         "infrastructure", "platform", "ecosystem", "model", "chip", "deal", "merger", "acquisition", "rebound",
         "downturn", "earnings season", "interest rate", "inflation", "policy", "regulation", "trade tension",
         "productivity", "workforce", "capacity", "shortage", "surplus", "premium", "discount", "benchmark"]

PLURALS = ["investors", "analysts", "traders", "shareholders", "executives", "regulators", "customers",
           "suppliers", "developers", "economists", "fund managers", "hedge funds", "lenders", "consumers",
           "chipmakers", "hyperscalers", "startups", "banks", "insurers", "pension funds", "retail investors"]

ADJECTIVES = ["aggressive", "cautious", "steep", "modest", "sharp", "sustained", "unexpected", "record",
              "structural", "cyclical", "short-term", "long-term", "significant", "massive", "relative",
              "broad-based", "speculative", "defensive", "strategic", "volatile", "resilient", "weaker",
              "stronger", "mixed", "muted", "robust", "fragile", "persistent", "temporary", "unprecedented"]

VERBS_PAST = ["announced", "reported", "launched", "expanded", "cut", "raised", "delayed", "unveiled",
              "completed", "accelerated", "scaled back", "confirmed", "revised", "doubled", "paused", "signed",
              "acquired", "divested", "restructured", "postponed", "outlined", "reaffirmed", "lowered"]

MOVES_UP = ["rose", "climbed", "jumped", "surged", "gained", "rallied", "advanced", "soared"]
MOVES_DOWN = ["fell", "dropped", "slid", "tumbled", "declined", "sank", "plunged", "slumped", "lost"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]

SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "as", "by", "with", "from"}

_ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "qu",
           "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "th", "sk"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]
_CODAS = ["", "", "", "n", "r", "l", "s", "x", "th", "nd", "rk", "m", "v", "st", "t"]
SYLLABLES = [o + v + c for o in _ONSETS for v in _VOWELS for c in _CODAS]  # 4,500 syllables
NAME_ENDINGS = ["", "", "", "a", "o", "on", "ia", "ix", "is", "an", "ova", "ez", "son", "er", "ara", "ent"]


_SPACE = len(SYLLABLES) ** 2
_SCATTER = 7_368_787  # a prime, coprime with the space size: index → word is a bijection


def pseudo_word(index: int, ending: str = "") -> str:
    """A pronounceable invented word, distinct for each index below ``len(SYLLABLES) ** 2`` (20 million);
    neighbouring indices give unrelated words."""
    first, second = divmod(index * _SCATTER % _SPACE, len(SYLLABLES))
    return SYLLABLES[first % len(SYLLABLES)] + SYLLABLES[second] + ending


def zipf_index(rng: random.Random, size: int) -> int:
    """An index in ``[0, size)``: mostly drawn with probability ≈ 1/(index+1) (a few frequent names), and
    one draw in five uniformly, for the long tail of names seen once that real news is full of."""
    if rng.random() < 0.2:
        return rng.randrange(size)
    return int(math.exp(rng.random() * math.log(size))) - 1


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[list[str], list[str]]:
    """Lower-case words and capitalised names from the system word list, shuffled with a fixed seed so
    frequency rank does not follow the alphabet; generated pseudo-words when no word list is installed."""
    try:
        lines = DICTIONARY.read_text(encoding="utf-8", errors="ignore").split()
    except OSError:
        lines = []
    lower = [w for w in lines if w.isalpha() and w.islower() and len(w) > 2]
    names = [w for w in lines if w.isalpha() and w[0].isupper() and w[1:].islower() and len(w) > 2]
    if not lower:
        lower = [pseudo_word(7_000_000 + i) for i in range(60_000)]
        names = [pseudo_word(8_000_000 + i).capitalize() for i in range(10_000)]
    shuffler = random.Random(20260221)
    shuffler.shuffle(lower)
    shuffler.shuffle(names)
    return lower, names
