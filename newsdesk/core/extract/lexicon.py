"""Word lists the rules read: hedges, currencies, units, date words, verbs.

Kept in one place so the rules stay readable and a new word is a one-line
change. All entries are lower case.
"""

from __future__ import annotations

# Hedge phrases before a number, longest first when matched.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("not", "less", "than"): "at_least",
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("above",): "more_than",
    ("upwards", "of"): "more_than",
    ("in", "excess", "of"): "more_than",
    ("greater", "than"): "more_than",
    ("just", "over"): "more_than",
    ("well", "over"): "more_than",
    ("just", "above"): "more_than",
    ("about",): "about",
    ("an", "average", "of"): "about",
    ("on", "average"): "about",
    ("around",): "about",
    ("roughly",): "about",
    ("approximately",): "about",
    ("approx.",): "about",
    ("nearly",): "about",
    ("almost",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("close", "to"): "about",
    ("circa",): "about",
    ("c.",): "about",
    ("up", "to"): "at_most",
    ("as", "many", "as"): "at_most",
    ("as", "much", "as"): "at_most",
    ("no", "more", "than"): "at_most",
    ("not", "more", "than"): "at_most",
    ("at", "most"): "at_most",
    ("a", "maximum", "of"): "at_most",
    ("fewer", "than"): "less_than",
    ("less", "than"): "less_than",
    ("under",): "less_than",
    ("below",): "less_than",
    ("just", "under"): "less_than",
    ("just", "below"): "less_than",
    ("exceeding",): "more_than",
    ("higher", "than"): "more_than",
    ("bigger", "than"): "more_than",
    ("larger", "than"): "more_than",
    ("lower", "than"): "less_than",
    ("smaller", "than"): "less_than",
    ("~",): "about",
    ("some", "~"): "about",
    (">",): "more_than",
    ("<",): "less_than",
    (">", "="): "at_least",
    ("<", "="): "at_most",
    (">=",): "at_least",
    ("<=",): "at_most",
    ("≥",): "at_least",
    ("≤",): "at_most",
    ("less", "than", "or", "equal", "to"): "at_most",
    ("fewer", "than", "or", "equal", "to"): "at_most",
    ("more", "than", "or", "equal", "to"): "at_least",
    ("greater", "than", "or", "equal", "to"): "at_least",
    ("equal", "to", "or", "less", "than"): "at_most",
    ("equal", "to", "or", "fewer", "than"): "at_most",
    ("equal", "to", "or", "more", "than"): "at_least",
    ("equal", "to", "or", "greater", "than"): "at_least",
    ("at", "least", "or", "equal", "to"): "at_least",
    ("in", "the", "region", "of"): "about",
    ("on", "the", "order", "of"): "about",
    ("more", "or", "less"): "about",
    ("upward", "of"): "more_than",
    ("exceed",): "more_than",
    ("exceeds",): "more_than",
    ("exceeded",): "more_than",
    ("surpass",): "more_than",
    ("surpassed",): "more_than",
    ("surpasses",): "more_than",
    ("topped",): "more_than",
    ("equal", "to"): "exact",
    ("exactly",): "exact",
    ("precisely",): "exact",
}
# "bigger or equal than", "less or equal than": an inclusive bound.
for _word, _name in (
    ("bigger", "at_least"), ("greater", "at_least"), ("higher", "at_least"),
    ("larger", "at_least"), ("more", "at_least"), ("smaller", "at_most"),
    ("lower", "at_most"), ("less", "at_most"), ("fewer", "at_most"),
):  # fmt: skip
    QUALIFIERS[(_word, "or", "equal", "than")] = _name
    QUALIFIERS[(_word, "or", "equal", "to")] = _name
    QUALIFIERS[(_word, "than", "or", "equal", "to")] = _name
QUALIFIER_PHRASES = sorted(QUALIFIERS, key=len, reverse=True)
QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase)
# Hedges written after the number: "25 or more", "300 or so".
TRAILING_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least",
    ("and", "more"): "at_least",
    ("or", "greater"): "at_least",
    ("or", "above"): "at_least",
    ("or", "higher"): "at_least",
    ("and", "above"): "at_least",
    ("and", "over"): "at_least",
    ("or", "over"): "at_least",
    ("or", "so"): "about",
    ("plus",): "at_least",
    ("or", "fewer"): "at_most",
    ("or", "less"): "at_most",
    ("or", "below"): "at_most",
    ("or", "under"): "at_most",
    ("or", "lower"): "at_most",
    ("and", "under"): "at_most",
    ("and", "below"): "at_most",
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
    "¥": "JPY", "jpy": "JPY", "₹": "INR", "inr": "INR", "a$": "AUD", "aud": "AUD",
    "c$": "CAD", "cad": "CAD", "nz$": "NZD", "s$": "SGD", "chf": "CHF", "hk$": "HKD",
    "₦": "NGN", "r$": "BRL",
    "₩": "KRW", "₽": "RUB", "₺": "TRY", "kes": "KES", "zar": "ZAR", "cny": "CNY",
    "rmb": "CNY", "rs": "INR", "rs.": "INR", "myr": "MYR", "rm": "MYR", "uah": "UAH",
    "nzd": "NZD", "sgd": "SGD", "hkd": "HKD", "ngn": "NGN", "egp": "EGP", "try": "TRY",
    "rub": "RUB", "brl": "BRL", "mxn": "MXN", "krw": "KRW", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "pln": "PLN", "ils": "ILS", "sar": "SAR", "aed": "AED", "pkr": "PKR",
    "idr": "IDR", "php": "PHP", "thb": "THB", "vnd": "VND", "ars": "ARS", "clp": "CLP",
    "cop": "COP", "ghs": "GHS", "mnt": "MNT", "元": "CNY", "¢": "USD", "$us": "USD",
}  # fmt: skip
# Three-letter codes can also follow the number ("115 USD", "20 EUR").
CURRENCY_CODES = frozenset(code for code in CURRENCY_SYMBOLS if code.isalpha() and len(code) == 3)
# Country prefixes written before a dollar sign: "NZ$", "A$", "HK$".
DOLLAR_PREFIXES: dict[str, str] = {
    "NZ": "NZD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "S": "SGD",
    "SG": "SGD", "US": "USD", "NT": "TWD", "R": "BRL", "Z": "ZWL",
}  # fmt: skip
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "naira": "NGN", "rand": "ZAR", "shilling": "KES",
    "shillings": "KES", "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "lira": "TRY", "won": "KRW", "real": "BRL",
    "reais": "BRL", "peso": "MXN", "pesos": "MXN", "cent": "USD", "cents": "USD",
    "pence": "GBP", "p": "GBP", "penny": "GBP", "paise": "INR", "dirham": "AED",
    "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "shekel": "ILS", "shekels": "ILS",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "taka": "BDT", "hryvnia": "UAH",
    "hryvnias": "UAH", "zloty": "PLN", "zlotys": "PLN", "cedi": "GHS", "cedis": "GHS",
    "birr": "ETB", "kwacha": "ZMW", "dinar": "KWD", "dinars": "KWD", "forint": "HUF",
    "forints": "HUF", "koruna": "CZK", "korunas": "CZK", "lev": "BGN", "leva": "BGN",
    "lei": "RON", "leu": "RON", "tenge": "KZT", "lari": "GEL", "dram": "AMD", "kyat": "MMK",
    "riel": "KHR", "kip": "LAK", "soles": "PEN", "boliviano": "BOB", "bolivianos": "BOB",
    "guarani": "PYG", "quetzal": "GTQ", "quetzales": "GTQ", "lempira": "HNL",
    "lempiras": "HNL", "kwanza": "AOA", "dalasi": "GMD", "ariary": "MGA",
}  # fmt: skip
# Adjectives that make "dollars" a different currency.
CURRENCY_COUNTRIES: dict[str, str] = {
    "australian": "AUD", "canadian": "CAD", "hong": "HKD", "new": "NZD", "zealand": "NZD",
    "singapore": "SGD", "u.s.": "USD", "us": "USD", "american": "USD", "taiwan": "TWD",
    "swiss": "CHF", "egyptian": "EGP", "mexican": "MXN", "philippine": "PHP",
    "jordanian": "JOD", "kuwaiti": "KWD", "iraqi": "IQD", "libyan": "LYD", "tunisian": "TND",
    "south": "ZAR", "jamaican": "JMD", "namibian": "NAD", "fijian": "FJD",
}  # fmt: skip
# Units smaller than the currency: 19 cents is 0.19 dollars as a value? No:
# the value stays as stated (19) and the unit says "cents".
SUBUNITS = frozenset({"cent", "cents", "pence", "p", "penny", "paise"})

PERCENT_WORDS = frozenset({"%", "percent", "per", "pct", "pc"})

UNIT_WORDS = frozenset(
    {
        "mile", "miles", "km", "kilometre", "kilometres", "kilometer", "kilometers", "metre",
        "metres", "meter", "meters", "m", "cm", "mm", "foot", "feet", "ft", "inch", "inches",
        "yard", "yards", "acre", "acres", "hectare", "hectares", "ha", "tonne", "tonnes", "ton",
        "tons", "kg", "kilogram", "kilograms", "kilo", "kilos", "gram", "grams", "g", "lb",
        "lbs", "pound", "ounce", "ounces", "oz", "litre", "litres", "liter", "liters", "l",
        "gallon", "gallons", "barrel", "barrels", "bpd", "mw", "gw", "kw", "kwh", "mwh", "gwh",
        "megawatt", "megawatts", "gigawatt", "gigawatts", "c", "f", "°c", "°f", "degree",
        "degrees", "celsius", "fahrenheit", "mph", "km/h", "kph", "knots", "sq", "square",
        "cubic", "magnitude", "calories", "bytes", "gb", "tb", "mb", "mg", "milligram",
        "milligrams", "ml", "millilitre", "millilitres", "milliliter", "milliliters", "cup",
        "cups", "tablespoon", "tablespoons", "tbsp", "teaspoon", "teaspoons", "tsp", "mi",
        "nanometer", "nanometers", "nanometre", "nanometres", "nm", "ghz", "mhz", "hz",
        "tonne-km", "lbs.", "hectolitres", "pints", "pint", "quarts", "quart", "°",
        "km2", "km²", "m²", "mi2", "mi²", "sqkm", "centimetre", "centimetres", "centimeter",
        "centimeters", "millimetre", "millimetres", "millimeter", "millimeters", "mol", "moles",
        "mole", "micrograms", "microgram", "kilowatt", "kilowatts",
        "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
        "week", "months", "month", "years", "year", "decades", "decade", "centuries",
    }
)  # fmt: skip

# Months in calendar order and weekdays Monday first (as ``date.weekday()`` counts),
# with the abbreviations the wire writes; the one list every date rule reads.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}
# Tokens that name a month: "March", "Mar", "Mar." (an abbreviation keeps its full stop).
MONTHS = frozenset(MONTH_NUMBERS) | frozenset(f"{short}." for short in MONTH_ABBREVIATIONS)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEKDAY_NAMES)
DATE_WORDS = (
    MONTHS
    | WEEKDAYS
    | frozenset(
        {
            "year", "years", "month", "months", "week", "weeks", "day", "days", "decade",
            "decades", "century", "centuries", "today", "yesterday", "tomorrow", "ago",
            "weekend", "annual", "annually", "quarter", "spring", "summer", "autumn", "fall",
            "winter", "night", "morning", "evening", "afternoon", "fortnight", "hour", "hours",
            "minute", "minutes", "era", "season", "fiscal", "tonight",
        }
    )
)  # fmt: skip
TIME_SUFFIXES = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "et"})

UP_VERBS = frozenset(
    {"rise", "increase", "climb", "grow", "gain", "jump", "surge", "soar", "rally", "advance",
     "swell", "spike", "rebound", "widen", "expand", "double", "raise", "lift", "boost",
     "hike", "accelerate", "quicken", "triple"}
)  # fmt: skip
DOWN_VERBS = frozenset(
    {"fall", "drop", "decline", "decrease", "slide", "slip", "plunge", "lose", "shed", "cut",
     "sink", "tumble", "dip", "shrink", "ease", "retreat", "plummet", "slump", "narrow",
     "contract", "slow", "reduce", "lower", "slash", "trim", "halve"}
)  # fmt: skip
# Verbs that move something else: their amount is a change only after "by" ("raised
# rates by 25 points"); straight after the verb it is what was raised ("raised $10m").
CHANGED_BY = frozenset(
    {"raise", "lift", "boost", "hike", "lower", "reduce", "slash", "trim", "halve"}
)
# Nouns after a figure that make it a change: "a 12% increase", "a 3.5% drop".
UP_NOUNS = frozenset(
    {"increase", "rise", "gain", "jump", "surge", "growth", "hike", "rally", "climb", "spike",
     "rebound", "uptick", "boost"}
)  # fmt: skip
DOWN_NOUNS = frozenset(
    {"decrease", "fall", "drop", "decline", "cut", "loss", "slump", "reduction", "dip",
     "plunge", "contraction", "downturn", "slide"}
)  # fmt: skip

SAY_VERBS = frozenset(
    {"say", "tell", "add", "report", "state", "announce", "estimate", "claim", "confirm",
     "write", "note", "explain", "warn", "insist", "argue", "declare", "disclose", "reveal",
     "acknowledge", "allege", "predict", "count", "record", "document", "put", "show",
     "concede", "ask", "reply", "respond", "answer", "shout", "whisper", "admit", "recall",
     "continue", "observe", "remark", "comment", "quip", "joke", "exclaim", "cry", "urge",
     "assert", "maintain", "suggest", "tweet", "post", "testify", "caution", "stress",
     "emphasise", "emphasize", "complain", "lament", "boast", "scream", "yell", "plead"}
)  # fmt: skip

# Last words that make a run of capitalised words an organisation's name.
ORG_HEADS = frozenset(
    {"agency", "alliance", "army", "assembly", "association", "authority", "bank", "board",
     "brotherhood", "bureau", "cabinet", "caucus", "centre", "center", "coalition",
     "commission", "committee", "company", "congress", "corporation", "council", "court",
     "department", "directorate", "federation", "forces", "foundation", "front", "fund",
     "group", "guard", "institute", "jihad", "league", "ministry", "monitor", "movement",
     "network", "observatory", "office", "organisation", "organization", "parliament",
     "partners", "party", "police", "programme", "program", "service", "services", "society",
     "state", "syndicate", "tribunal", "trust", "union", "university", "workers", "navy",
     "air", "militia", "brigade", "brigades", "battalion", "command", "regime", "government"}
)  # fmt: skip

# Nouns that end the name of a building or site ("Kennedy Space Center", "Heathrow
# Airport", "Fisht Stadium"): a place, whatever the tagger says.
FACILITY_HEADS = frozenset(
    {"airport", "stadium", "arena", "station", "museum", "planetarium", "hall", "base",
     "bridge", "tower", "towers", "square", "palace", "mosque", "cathedral", "temple",
     "prison", "dam", "complex", "center", "centre", "memorial", "gallery", "park"}
)  # fmt: skip

# What the copy calls a company or body right before its name ("drugmaker Pfizer",
# "retailer Ted Baker"), and what only a company has after it ("Pfizer shares").
# The first are never part of the name itself ("Drugmaker Pfizer" is Pfizer).
COMPANY_DESCRIPTORS = frozenset(
    {"drugmaker", "retailer", "carmaker", "automaker", "lender", "insurer", "airline",
     "conglomerate", "supermarket", "broadcaster", "manufacturer", "distributor",
     "wholesaler", "miner", "shipper", "startup", "chipmaker", "planemaker",
     "steelmaker", "telecom", "utility", "exporter", "importer", "refiner", "grocer"}
)  # fmt: skip
COMPANY_NOUNS = COMPANY_DESCRIPTORS | frozenset(
    {"company", "firm", "brand", "chain", "maker", "newspaper", "publisher", "club", "band",
     "label", "producer", "operator", "developer", "bank", "group", "rival", "subsidiary",
     "website", "app"}
)  # fmt: skip
COMPANY_AFTER = frozenset({"shares", "stock", "stake", "shareholders", "shareholder"})
COMPANY_BEFORE = frozenset({"shares in", "shares of", "stake in", "shareholders in"})
# What only a company has ("Pfizer's profit"; a person has a spokesman too).
COMPANY_OWNS = frozenset(
    {"shares", "stock", "board", "ceo", "profit", "profits", "revenue", "revenues", "sales",
     "subsidiary", "subsidiaries", "headquarters", "factory", "factories", "plant", "plants",
     "stores", "shareholders", "earnings", "share"}
)  # fmt: skip

# Titles and offices that stand before a name ("President", "Secretary", "Mr"): on their
# own they are no name, whatever an editor marked in one story.
TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "secretary", "ambassador",
     "chancellor", "king", "queen", "prince", "princess", "general", "gen", "chief", "leader",
     "spokesman", "spokeswoman", "spokesperson", "governor", "senator", "mayor", "envoy",
     "captain", "coach", "commander", "administrator", "director", "ceo", "chairman",
     "chairwoman", "premier", "judge", "pope", "sheikh", "professor", "prof", "sir", "dame",
     "lord", "lady", "officer", "official", "minister-president", "vice", "deputy", "state",
     "government", "department", "ministry", "police", "army", "court", "council", "city"}
)  # fmt: skip

# Words a hyphen joins to a name to make an adjective ("Warhol-like", "Moscow-backed"):
# the name ends before them, unlike a hyphenated name ("Moon Jae-in").
COMPOUND_SUFFIXES = frozenset(
    {"like", "based", "led", "run", "style", "era", "type", "born", "made", "owned", "backed",
     "linked", "related", "age", "friendly", "free", "wide", "minded", "controlled", "held",
     "funded", "supported", "sized", "year", "old", "room", "bound", "inspired", "esque",
     "ish", "centric", "specific", "speaking", "allied", "aligned", "affiliated", "area"}
)  # fmt: skip

# Nouns for people whose age the wire gives after a comma: "the defendant, 29,".
PERSON_NOUNS = frozenset(
    {"man", "woman", "boy", "girl", "son", "daughter", "mother", "father", "wife", "husband",
     "defendant", "suspect", "victim", "driver", "teenager", "student", "officer", "soldier",
     "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt", "friend",
     "neighbour", "neighbor", "partner", "girlfriend", "boyfriend", "passenger", "pedestrian",
     "cyclist", "motorist", "patient", "pupil", "inmate", "prisoner", "journalist", "tourist",
     "hiker", "climber", "swimmer", "fisherman", "miner", "stepson", "stepdaughter",
     "nurse", "doctor", "teacher", "farmer", "pensioner", "resident", "owner", "widow",
     "brother", "sister", "grandmother", "grandfather", "child", "baby", "worker"}
)  # fmt: skip

# Currency names several countries share take the currency of the country the story
# is about: "340 million pesos" in a Manila story are Philippine pesos.
SHARED_CURRENCIES: dict[str, dict[str, str]] = {
    "peso": {"philippines": "PHP", "philippine": "PHP", "manila": "PHP", "argentina": "ARS",
             "buenos aires": "ARS", "colombia": "COP", "bogota": "COP", "chile": "CLP",
             "santiago": "CLP", "uruguay": "UYU", "cuba": "CUP", "dominican republic": "DOP"},
    "rupee": {"pakistan": "PKR", "karachi": "PKR", "lahore": "PKR", "islamabad": "PKR",
              "sri lanka": "LKR", "colombo": "LKR", "nepal": "NPR", "kathmandu": "NPR",
              "mauritius": "MUR"},
}  # fmt: skip
