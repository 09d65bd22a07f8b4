"""What is written around a number to say what it measures: "%", "percentage
points", "basis points", currencies after it ("115 USD", "Swiss francs", "10¢"),
units ("35 miles", "-18 °C", "150 km/h", "40 square miles", "a 34-year-old")
and units written onto it ("40C", "5km", "50p", "$2.174T", "5pc").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.numbers import SCALES, parse_number
from newsdesk.core.extract.numerals import (
    GLUED_UNIT,
    TRAILING_SCALES,
    bare,
    is_numeric,
    next_is,
    number_end,
)
from newsdesk.core.extract.rules import Rule, fires, spares

# A capital letter for the scale, written onto an amount: "$2.174T", "£3B".
PERCENT = Rule(
    "unit.percent",
    "measure",
    'A percent sign or word after the number ("3%", "3 percent", "3 per cent", "3 pct").',
    says="unit: '{words}'",
    examples=(
        fires("Prices rose 3 per cent in May.", "3 per cent", unit="%", kind="percent"),
        spares("Prices rose 3 points in May.", "3 points", kind="number"),
    ),
)
POINTS = Rule(
    "unit.points",
    "measure",
    '"percentage points", "basis points", and "points" an index moves by ("lost 190 points").',
    says="unit: '{words}'",
    examples=(
        fires("The bank cut rates by 25 basis points.", "25 basis points", unit="basis points"),
        fires("The Dow lost 190 points.", "190 points", unit="points"),
        spares("He scored 41 points on Sunday.", "41", unit=None),
    ),
)
CURRENCY_AFTER = Rule(
    "currency.after",
    "measure",
    'A currency written after the number ("115 USD", "2 billion Swiss francs", "20 dollars", '
    '"10¢"); "won" the verb is no currency.',
    says="currency: '{words}'",
    examples=(
        fires("Vouchers worth 75 USD were sent.", "75 USD", unit="USD", kind="money"),
        fires(
            "Nestle paid 2 billion Swiss francs.", "2 billion Swiss francs", unit="CHF", value=2e9
        ),
        spares("The Koreans won 5 medals.", "5", kind="count"),
    ),
)
GLUED = Rule(
    "unit.glued",
    "measure",
    'A unit, currency or percent written onto the number ("40C", "5km", "50p", "5pc").',
    says="unit: '{words}'",
    examples=(
        fires("Temperatures hit 40C in Seville.", "40C", value=40, unit="C"),
        fires("A stamp costs 50p.", "50p", value=50, kind="money"),
        fires("The mini PC uses a 12V, 5A power supply.", "5A", value=5, unit="A"),
        fires("The router reaches up to 5.8Gbps.", "up to 5.8Gbps", value=5.8, unit="Gbps"),
        spares("The 5G network launched.", "5G", figure=False),
        spares("Columbia lifted off from Launch Pad 39A in 1981.", "39A", figure=False),
    ),
)
METRES = Rule(
    "unit.metres-or-million",
    "measure",
    'A glued "m" is metres where a length is meant ("37m tall", "37m (121ft)") and million '
    'elsewhere ("£37m", "37m viewers"); a glued "mm" is millimetres unless it is money.',
    says="unit: '{words}' is a length",
    examples=(
        fires("The tube has a 1.5mm internal diameter.", "1.5mm", value=1.5, unit="mm"),
        fires("The tower is 37m (121ft) tall.", "37m", value=37, unit="m"),
        spares("The club paid £37m for the striker.", "£37m", value=37e6),
        spares("The show drew 37m viewers.", "37m", value=37e6),
    ),
)
RULES = (PERCENT, POINTS, CURRENCY_AFTER, GLUED, METRES)

LETTER_SCALES = {"T": "trillion", "B": "billion", "M": "million", "K": "thousand"}
_SCALES_OF_HEAT = ("celsius", "fahrenheit", "centigrade", "c", "f")
_POWER_OF_UNIT = re.compile(r"\^?[23²³]$")  # "km^3", "m2", "km²"


@dataclass
class Measure:
    """A number's unit, currency and percent sign, and where its phrase now ends."""

    end: int
    currency: str | None
    unit: str | None
    percent: bool = False
    scale: str = ""  # a scale written after a currency code: "75 USD million"
    rule: Rule | None = None  # the rule that read the words after the number


def measure_after(doc: Doc, end: int, currency: str | None, *, is_range: bool) -> Measure:
    """The percent sign, points, currency or weight written right after token ``end``."""
    found = Measure(end, currency, None)
    tail = end
    if (
        next_is(doc, tail, "-")
        and not doc[tail - 1].whitespace_
        and tail + 1 < len(doc)
        and doc[tail + 1].lower_ in lexicon.CURRENCY_WORDS
    ):
        tail += 1  # "a twenty-thousand-pound debt", "a 20-dollar bill"
    if tail < len(doc) and not doc[tail].is_sent_start:  # another sentence's words are not its
        read = _read_measure(doc, tail, found, is_range=is_range)
        if read > tail:
            found.rule = _measure_rule(found, currency)
        tail = read
    found.end = max(found.end, tail)
    return found


def _measure_rule(found: Measure, currency: str | None) -> Rule | None:
    """Which rule read the words after the number into ``found``."""
    if found.unit is not None and found.unit.endswith("points"):
        return POINTS
    if found.percent:
        return PERCENT
    return CURRENCY_AFTER if found.currency != currency else None


def _read_measure(doc: Doc, tail: int, found: Measure, *, is_range: bool) -> int:
    """Fill ``found`` from the words at ``tail``; where they end (``tail`` if none)."""
    lower = doc[tail].lower_
    if lower == "%" or lower in ("percent", "pct"):
        found.percent, found.unit = True, "%"
        if next_is(doc, tail + 1, "point", "points"):
            found.unit = "percentage points"
            return tail + 2
        return tail + 1
    if lower == "per" and next_is(doc, tail + 1, "cent"):
        found.percent, found.unit = True, "%"
        return tail + 2
    if lower in ("percentage", "basis") and next_is(doc, tail + 1, "point", "points"):
        found.percent, found.unit = True, f"{lower} points"
        return tail + 2
    if lower in ("point", "points") and doc[tail].head.lemma_ in (
        lexicon.UP_VERBS | lexicon.DOWN_VERBS | {"up", "down"}
    ):
        found.unit = "points"
        return tail + 1
    if found.currency is None:
        if lower in ("$", "€", "£") and not doc[tail - 1].whitespace_:
            found.currency = lexicon.CURRENCY_SYMBOLS[lower]  # "10k$"
            return tail + 1
        if lower in ("¢", "元"):  # "10¢", "100元"
            found.currency = lexicon.CURRENCY_SYMBOLS[lower]
            found.unit = "cents" if lower == "¢" else None
            return tail + 1
        if doc[tail].text.isupper() and lower in lexicon.CURRENCY_CODES:
            found.currency = lexicon.CURRENCY_SYMBOLS[lower]  # "115 USD"
            if next_is(doc, tail + 1, *TRAILING_SCALES) and not is_range:
                found.scale = doc[tail + 1].text  # "75 USD million"
                return tail + 2
            return tail + 1
    if lower in lexicon.CURRENCY_COUNTRIES and next_is(doc, tail + 1, *lexicon.CURRENCY_WORDS):
        found.currency = lexicon.CURRENCY_COUNTRIES[lower]  # "Swiss francs"
        return tail + 2
    if (
        lower == "of"
        and doc[tail - 1].lower_ in ("hundreds", "thousands", "millions", "billions")
        and next_is(doc, tail + 1, "dollars", "euros", "pounds", "rupees", "yuan", "yen")
    ):
        found.currency = lexicon.CURRENCY_WORDS[doc[tail + 1].lower_]
        return tail + 2  # "tens of millions of dollars"
    if lower in ("pound", "pounds") and next_is(doc, tail + 1, "of"):
        found.unit = lower  # "a pound of butter" weighs
        return tail + 1
    if lower in lexicon.CURRENCY_WORDS and not (lower == "won" and doc[tail].pos_ == "VERB"):
        if lower in ("real", "p", "won") and doc[tail].ent_type_ != "MONEY":
            return tail
        found.currency = found.currency or _currency_here(doc, lower)
        if lower in lexicon.SUBUNITS:
            found.unit = lower
        return tail + 1
    return tail


def whole_unit(doc: Doc, unit_token: Token) -> tuple[str, int, str | None]:
    """The unit that starts at ``unit_token``, where it ends and, for an age, whose
    ("-18 °C", "12 degrees Celsius", "150 km/h", "40 square miles", "a 34-year-old man")."""
    unit, end = unit_token.text, unit_token.i + 1
    if unit == "°" and next_is(doc, end, "c", "f") and not unit_token.whitespace_:
        return "°" + doc[end].text.upper(), end + 1, None  # "-18 °C"
    period = unit.lower().rstrip("s")
    if period in ("year", "month", "week", "day") and [t.text for t in doc[end : end + 2]] == [
        "-",
        "old",
    ]:
        # "a 34-year-old man": an age, and the person it is the age of
        end += 2
        whose = doc[end].text if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") else None
        return f"{period}s old", end, whose
    if (
        unit.lower() in lexicon.UNIT_OPENERS
        and end < len(doc)
        and bare(doc[end]).lower() in lexicon.UNIT_WORDS
    ):
        return f"{unit} {bare(doc[end])}", end + 1, None  # "4 cubic kilometres", "sq m."
    if unit.lower() in ("degree", "degrees") and next_is(doc, end, *_SCALES_OF_HEAT):
        return f"{unit} {doc[end].text}", end + 1, None  # "12 degrees Celsius"
    if (
        next_is(doc, end, "/")
        and end + 1 < len(doc)
        and bare(doc[end + 1]).lower() in ("h", "hr", "hour", "s", "sec", "min")
        and not unit_token.whitespace_
        and not doc[end].whitespace_
    ):
        return f"{unit}/{bare(doc[end + 1])}", end + 2, None  # "150 km/h", "… km/h."
    return unit, end, None


def glued_measure(text: str, found: Measure, *, after_a_name: bool = False) -> float | None:
    """The value of a number with its unit written onto it, filling ``found``'s
    unit, currency or percent ("40C", "5km", "4km^3", "115USD", "50p", "$2.174T",
    "5pc"); ``None`` when ``text`` is no such thing, or a label after a name
    (``after_a_name``: "Launch Pad 39A", "Route 9W")."""
    glued = GLUED_UNIT.match(text)
    if not glued:
        return None
    suffix = glued["unit"].rstrip(".")
    lower = suffix.lower()
    number = parse_number(glued["num"])
    if number is None:
        return None
    unit = _POWER_OF_UNIT.sub("", lower)
    if unit in lexicon.GLUED_UNITS and after_a_name:
        return None  # "Launch Pad 39A", "Gate 5A": a label, not amperes
    if (unit in lexicon.UNIT_WORDS or unit in lexicon.GLUED_UNITS) and lower != "m2":  # M2: money
        found.unit = suffix
    elif lower in lexicon.CURRENCY_SYMBOLS:
        found.currency = lexicon.CURRENCY_SYMBOLS[lower]
    elif lower in lexicon.CURRENCY_WORDS:
        found.currency = lexicon.CURRENCY_WORDS[lower]
        found.unit = "pence" if lower == "p" else None
    elif found.currency is not None and suffix in LETTER_SCALES:
        number *= SCALES[LETTER_SCALES[suffix]]
    elif lower in ("pc", "pct"):
        found.percent, found.unit = True, "%"
    else:
        return None
    return number


def rate_after(doc: Doc, i: int) -> tuple[str, int] | None:
    """ "per 1,000 children", "per 100,000 people a month" at token ``i``: the rate's
    words and where they end."""
    if i + 1 >= len(doc) or doc[i].lower_ != "per" or not is_numeric(doc[i + 1]):
        return None
    j = number_end(doc, i + 1, i + 2)
    k = j
    while k < len(doc) and k - j < 3 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN"):
        k += 1
    while k > j and doc[k - 1].pos_ == "ADJ":
        k -= 1  # the words end on their noun
    j = k  # "per 1,000 children", "per 1,000 live births"
    if (
        j + 1 < len(doc)
        and doc[j].lower_ in ("a", "an", "per")
        and doc[j + 1].lower_ in ("day", "week", "month", "year")
    ):
        j += 2  # "… a year"
    return " ".join(t.text for t in doc[i:j]), j


_PLACES = "newsdesk.places"


def _places(doc: Doc) -> list[str]:
    """The doc's GPE, NORP and LOC entities' words in lower case, in order; read once per
    doc and kept in its ``user_data`` (a plain list)."""
    places = doc.user_data.get(_PLACES)
    if places is None:
        places = doc.user_data[_PLACES] = [
            ent.text.lower() for ent in doc.ents if ent.label_ in ("GPE", "NORP", "LOC")
        ]
    return list(places)


def _currency_here(doc: Doc, word: str) -> str:
    """The currency a currency word means in this story: "pesos" are Philippine in a
    story about Manila, Mexican where nothing says otherwise."""
    places = lexicon.SHARED_CURRENCIES.get(word.rstrip("s"), {})
    if places:
        for place in _places(doc):
            if place in places:
                return places[place]
    return lexicon.CURRENCY_WORDS[word]


# Words after a glued "m" that make it metres, not million: "37m tall", "a 1.5mm wall".
_LENGTH_AFTER = frozenset(
    {"tall", "high", "long", "wide", "deep", "across", "away", "thick", "below", "above",
     "underground", "underwater", "beneath", "diameter", "radius", "depth", "height",
     "length", "width", "internal", "external", "span", "wingspan", "tunnel", "wave",
     "waves", "swell", "dive", "sprint", "hurdles", "freestyle", "butterfly",
     "backstroke", "breaststroke", "medley", "relay"}
)  # fmt: skip
_LENGTH_BEFORE = frozenset({"measures", "measuring", "measured", "stands", "standing"})


def glued_length(doc: Doc, i: int, text: str, currency: str | None) -> bool:
    """Whether the glued "m" or "mm" of ``text`` (token ``i``, "37m" kept whole by the
    tokenizer) is a length, not a scale."""
    suffix = GLUED_UNIT.match(text)
    if suffix is None:
        return False
    return _is_length(doc, i, suffix["unit"].rstrip(".").lower(), currency)


def length_unit_at(doc: Doc, i: int, currency: str | None) -> str | None:
    """ "m" or "mm" when token ``i`` is one written onto the number before it ("37m",
    "1.5mm", cut in two by the tokenizer) and is a length there, not a scale."""
    if not 0 < i < len(doc) or doc[i - 1].whitespace_ or not is_numeric(doc[i - 1]):
        return None
    unit = bare(doc[i]).lower()
    return unit if unit in ("m", "mm") and _is_length(doc, i, unit, currency) else None


def _is_length(doc: Doc, i: int, unit: str, currency: str | None) -> bool:
    """Whether ``unit`` ("m" or "mm") of the number ending at token ``i`` is a length:
    never after a currency ("$1.5mm", "£37m"); "mm" always else; "m" when a length is
    meant ("37m tall", "a 37m-long yacht", "measuring 37m", "37m (121ft)")."""
    if currency is not None or unit not in ("m", "mm"):
        return False
    if unit == "mm":
        return True
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text == "-" and i + 2 < len(doc):
        after = doc[i + 2]  # "a 37m-long yacht"
    if after is not None and bare(after).lower() in _LENGTH_AFTER:
        return True
    number = i - 1 if not GLUED_UNIT.match(doc[i].text) else i
    if number and doc[number - 1].lower_ in _LENGTH_BEFORE:
        return True
    return after is not None and after.text == "(" and _length_in_brackets(doc, i + 2)


def _length_in_brackets(doc: Doc, i: int) -> bool:
    """ "(121ft)", "(121 ft)": a length given in brackets at token ``i``."""
    if i >= len(doc):
        return False
    glued = GLUED_UNIT.match(doc[i].text)
    if glued is not None:
        return lexicon.UNIT_DIMENSIONS.get(glued["unit"].rstrip(".").lower()) == "length"
    return (
        is_numeric(doc[i])
        and i + 1 < len(doc)
        and lexicon.UNIT_DIMENSIONS.get(doc[i + 1].lower_) == "length"
    )
