"""Word lists the rules read: hedges, currencies, units, words of change, date words.

The figure pipeline's vocabulary is data: the tables in ``resources/figures/``
(``hedges.toml``, ``currencies.toml``, ``units.toml``, ``changes.toml``,
``words.toml``, each commented) are read once here, so a new word is a line in
a table and never a change of code. Dates, speech verbs and organisation words
are listed below. All entries are lower case unless a table says otherwise.
"""

from __future__ import annotations

import tomllib
from typing import Any

from newsdesk.resources import read_text


def _table(name: str) -> dict[str, Any]:
    """One of the figure pipeline's vocabulary tables (``resources/figures/<name>.toml``)."""
    return tomllib.loads(read_text("figures", f"{name}.toml"))


_HEDGES, _CURRENCIES = _table("hedges"), _table("currencies")
_UNITS, _CHANGES, _WORDS = _table("units"), _table("changes"), _table("words")["words"]

# Hedge phrases before a number, as token tuples; matched longest first.
QUALIFIERS: dict[tuple[str, ...], str] = {
    tuple(phrase.split(" ")): name for phrase, name in _HEDGES["before"].items()
}
QUALIFIER_PHRASES = sorted(QUALIFIERS, key=len, reverse=True)
QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase)
# Hedges written after the number: "25 or more", "300 or so".
TRAILING_QUALIFIERS: dict[tuple[str, ...], str] = {
    tuple(phrase.split(" ")): name for phrase, name in _HEDGES["after"].items()
}

CURRENCY_SYMBOLS: dict[str, str] = dict(_CURRENCIES["symbols"])
# Three-letter codes can also follow the number ("115 USD", "20 EUR").
CURRENCY_CODES = frozenset(code for code in CURRENCY_SYMBOLS if code.isalpha() and len(code) == 3)
# Country prefixes written before a dollar sign: "NZ$", "A$", "HK$" (as written).
DOLLAR_PREFIXES: dict[str, str] = dict(_CURRENCIES["dollar_prefixes"])
CURRENCY_WORDS: dict[str, str] = dict(_CURRENCIES["words"])
# Adjectives that make "dollars" a different currency.
CURRENCY_COUNTRIES: dict[str, str] = dict(_CURRENCIES["countries"])
# Units smaller than the currency: the value stays as stated, the unit says "cents".
SUBUNITS = frozenset(_CURRENCIES["subunits"]["words"])
# Currency names several countries share, by the places that make them theirs.
SHARED_CURRENCIES: dict[str, dict[str, str]] = {
    name: dict(places) for name, places in _CURRENCIES["shared"].items()
}

UNIT_WORDS = frozenset(
    word for kind, words in _UNITS["units"].items() if kind != "glued_only" for word in words
)
# Letters that are units only written onto the number: "220V", "5A", "65W".
GLUED_UNITS = frozenset(_UNITS["units"]["glued_only"])
# Words that open a two-word unit and are units only with one after them: "sq m".
UNIT_OPENERS = frozenset(_UNITS["units"]["area_words"])
# The dimension each unit measures ("length", "mass" …; "m" is a length).
UNIT_DIMENSIONS: dict[str, str] = {
    word: kind for kind, words in _UNITS["units"].items() for word in words
}

UP_VERBS = frozenset(_CHANGES["verbs"]["up"])
DOWN_VERBS = frozenset(_CHANGES["verbs"]["down"])
# Verbs that move something else: a change only after "by" (see changes.toml).
CHANGED_BY = frozenset(_CHANGES["verbs"]["moving_something_else"])
# Verbs whose particle "up"/"down" gives a figure's direction ("went up 3%"); with the rest
# of the verbs the particle belongs to the verb ("blew up two temples").
GOT_BACK_VERBS = frozenset(_CHANGES["verbs"]["got_back"])
PARTICLE_MOTION_VERBS = frozenset(_CHANGES["verbs"]["particle_motion"]) | UP_VERBS | DOWN_VERBS
# Nouns after a figure that make it a change: "a 12% increase", "a 3.5% drop".
UP_NOUNS = frozenset(_CHANGES["nouns"]["up"])
DOWN_NOUNS = frozenset(_CHANGES["nouns"]["down"])
# Nouns of a result before money: "a loss of A$82.6 million" is no change.
RESULT_NOUNS = frozenset(_CHANGES["nouns"]["result"])
# Hedges that place a level a change crossed ("fell below $60,000"), not its size.
LEVEL_HEDGES = frozenset(_CHANGES["levels"]["crossed"])
# Verbs whose "up to" is a particle and a level ("inching back up to 4.8%"), not a hedge.
UP_TO_VERBS = frozenset(_CHANGES["up_to"]["verbs"])

# The other words figure rules read (see words.toml for which rule reads each).
ONE_OF_UNITS = frozenset(_WORDS["one_of"])
DIAL_WORDS = frozenset(_WORDS["dial"])
NUMBERED_BY = frozenset(_WORDS["numbered_by"])
MEASURES = frozenset(_WORDS["measures"])
GAME_WORDS = frozenset(_WORDS["game"])
MORE_THAN_BEFORE = frozenset(_WORDS["more_than_before"])
# Nouns besides the units of time that name a stretch of it: "over five seasons".
SPANS_OF_TIME = frozenset(_WORDS["spans_of_time"])
# The words of an average before an amount: "by an average of 8 mmHg".
AVERAGES = tuple(tuple(words.split()) for words in _WORDS["averages"])
# Nouns for people whose age the wire gives after a comma: "the defendant, 29,".
PERSON_NOUNS = frozenset(_WORDS["person_nouns"])
# Words after a number for the state of those it counts: "5,400 injured", "270,000 displaced".
COUNTED_STATES = frozenset(_WORDS["states"])
# What a toll counts, by the word before "toll": "the death toll" counts deaths.
TOLLS: dict[str, str] = dict(_WORDS["tolls"])
# Units written before the number: "a magnitude 7.1 quake".
UNITS_BEFORE = frozenset(_WORDS["units_before"])

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
# Kinds of place a name is one of: "the city of El Obeid", "Kestrel Ford, a port town".
SETTLEMENTS = frozenset(
    {"city", "town", "village", "province", "region", "district", "state", "capital",
     "county", "port", "island", "suburb", "outskirts", "municipality", "governorate"}
)  # fmt: skip
# What the copy may call a place it names ("Palmyra is a World Heritage site"): the kinds
# of settlement but "state" (a member state, a state company) and "outskirts", and more.
PLACE_NOUNS = (SETTLEMENTS - {"state", "outskirts"}) | frozenset(
    {"hamlet", "site", "oasis", "country", "nation", "kingdom", "republic", "enclave",
     "territory", "neighbourhood", "neighborhood", "settlement"}
)  # fmt: skip

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
