"""Numbers that are no figures: parts of dates and times, years, names and labels
("Route 9", "COVID-19", "Boeing 737"), phone numbers and codes.

:func:`blocked_tokens` marks what the NER already names; :func:`exclusion`
judges a number the figure reader has grown (scores and phone numbers joined
by a dash are :mod:`.codes`). Each answers with the rule that says "no figure".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from newsdesk.core.article.wire import is_title_case
from newsdesk.core.extract import lexicon
from newsdesk.core.extract.codes import PHONE, PHONE_NUMBER
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.motion import share_of_change
from newsdesk.core.extract.numbers import FRACTION_WORDS, is_number_word
from newsdesk.core.extract.numerals import is_share, tokens_among
from newsdesk.core.extract.periods import (
    YEAR,
    counts_something,
    has_digits,
    is_clock_time,
    is_date_like,
    is_duration,
    number_like,
)
from newsdesk.core.extract.rules import Rule, fires, spares
from newsdesk.resources import read_text

NAMED = Rule(
    "names.entity",
    "names",
    "A number inside a date, a clock time, an ordinal or a name the tagger marks "
    "(organisation, product, place, event, law, work, person) is no figure.",
    says="no figure: '{words}' is part of a name or date",
    examples=(
        fires("Talks resumed on March 3, 2024.", "3", figure=False),
        spares("Police arrested 10 people in the street.", "10", value=10),
    ),
)
YEAR_NUMBER = Rule(
    "names.year",
    "names",
    'A four-digit year is no figure ("from 2014 to 2022"), unless it counts something '
    '("2019 employees") or is an amount ("$2000", "at least 2000").',
    says="no figure: '{words}' is a year",
    examples=(
        fires("The levy ran from 2014 to 2022 across the region.", "2014", figure=False),
        spares("She hopes to earn $2000 over 3 years.", "$2000", value=2000),
    ),
)
CLOCK = Rule(
    "names.clock",
    "names",
    'A number before "a.m.", "pm", "GMT" is a clock time, no figure.',
    says="no figure: '{words}' is a time of day",
    examples=(
        fires("The deadline passed at 9 GMT on Friday.", "9", figure=False),
        spares("Polls closed after 9 hours.", "9 hours", value=9),
    ),
)
DAY_OF_MONTH = Rule(
    "names.day-of-month",
    "names",
    'A day next to a month the tagger left unmarked ("5 Aug", "Sep 3") is a date.',
    says="no figure: '{words}' is a date",
    examples=(
        fires("Ballots must arrive by 5 Sept at the latest.", "5", figure=False),
        spares("Voting took 5 days.", "5 days", value=5),
    ),
)
MOBILE_GENERATION = Rule(
    "names.generation",
    "names",
    '"5G", "4G": a generation of mobile networks, no figure.',
    says="no figure: '{words}' is a name",
    examples=(
        fires("The carrier switched on its 5G network.", "5", figure=False),
        spares("The carrier switched on 5 masts.", "5", value=5),
    ),
)
LABEL = Rule(
    "names.label",
    "names",
    'A whole number after a capitalised word that names it ("Route 9", "Flight 302", '
    '"Section 427"), or glued to letters by a hyphen ("COVID-19", "F-16"), is a label, not '
    "an amount.",
    says="no figure: '{words}' is a label",
    examples=(
        fires(
            "Passengers on Flight 302 from Madrid were delayed for hours on the tarmac.",
            "302",
            figure=False,
        ),
        spares("The fee is R500 a month.", "R500", value=500),
        spares("Hailstones 10cm across smashed windscreens.", "10cm", value=10, unit="cm"),
        spares("Demand for sub-300 sq m homes has collapsed.", "sub-300 sq m", high=300),
        spares("A magnitude-6.2 quake struck off the coast.", "magnitude-6.2", value=6.2),
    ),
)
NUMBERED_BY = Rule(
    "names.numbered-by",
    "names",
    'A whole number after a noun that numbers things ("junction 4", "platform 9", '
    '"between junctions 31 and 33") labels one of them; it counts nothing.',
    says="no figure: '{words}' is a label",
    examples=(
        fires("The motorway is closed between junctions 31 and 33.", "31", figure=False),
        fires("Trains to the coast leave from platform 9.", "9", figure=False),
        spares("The station has 9 platforms.", "9", value=9),
        spares("The gate fee rose to $12.", "$12", value=12),
    ),
)
DIALLED = Rule(
    "names.dialled",
    "names",
    'A number to ring ("dial 999", "call 911") is no amount.',
    says="no figure: '{words}' is a number to call",
    examples=(
        fires("In an emergency dial 999 at once.", "999", figure=False),
        spares("The ambulance made 999 trips.", "999", value=999),
    ),
)
NUMBER_SIGN = Rule(
    "names.number-sign",
    "names",
    'A number after "No.", "#", "Art.", "Sec." is a position or label.',
    says="no figure: '{words}' is a label",
    examples=(
        fires("The striker wore No. 10 for the club.", "10", figure=False),
        spares("The striker scored 10 goals for the club.", "10", value=10),
    ),
)
LEADING_ZERO = Rule(
    "names.code",
    "names",
    'A number with a leading zero ("0800") is a code, never an amount.',
    says="no figure: '{words}' is a code",
    examples=(
        fires("The helpline is 0800 for callers.", "0800", figure=False),
        spares("The helpline took 800 calls.", "800", value=800),
    ),
)
INDEX = Rule(
    "names.index",
    "names",
    'A market index named with a number ("S&P 500", "FTSE 100", "Nikkei 225", "Euro Stoxx '
    '50"), from the pattern table.',
    says="no figure: '{words}' is part of an index's name",
    examples=(
        fires("The S&P 500 rose 1.1% on Tuesday.", "500", figure=False),
        fires("Europe's STOXX 600 index closed higher.", "600", figure=False),
        spares("The S&P rose 500 points on Tuesday.", "500 points", value=500),
    ),
)
PRODUCT = Rule(
    "names.product",
    "names",
    'A product, version or grade named with a number ("iPhone 15 Pro", "Windows 11", '
    '"Python 3.12", "Formula 1", "Wi-Fi 7", "phase 3"), from the pattern table.',
    says="no figure: '{words}' is part of a name",
    examples=(
        fires("Apple's iPhone 15 Pro starts at $999.", "15", figure=False),
        fires("Python 3.12 is faster than before.", "3.12", figure=False),
        spares("Apple sold 15 iPhones an hour.", "15", value=15),
        spares("The studio is now working on version two.", "two", value=2),
    ),
)
MODEL = Rule(
    "names.model",
    "names",
    'An aircraft or other model number ("Boeing 737 Max", "787-9", "Airbus A350-1000"), from '
    "the pattern table.",
    says="no figure: '{words}' is a model number",
    examples=(
        fires("The airline is buying 50 Boeing 787 jets.", "787", figure=False),
        fires("The Airbus A350-1000 landed safely.", "1000", figure=False),
        spares("The airline is buying 50 Boeing 787 jets.", "50", value=50),
    ),
)
ADDRESS = Rule(
    "names.address",
    "names",
    'A street address ("9 E 71st St", "740 Park Avenue", "10 Downing Street"), from the '
    "pattern table.",
    says="no figure: '{words}' is part of an address",
    examples=(
        fires("The house at 9 E 71st St sold for $51 million.", "9", figure=False),
        fires("The prime minister returned to 10 Downing Street.", "10", figure=False),
        fires("The mansion at 1201 Pacific Avenue has 14 bathrooms.", "1201", figure=False),
        spares("The mansion at 1201 Pacific Avenue has 14 bathrooms.", "14", value=14),
    ),
)
SLUG = Rule(
    "names.slug",
    "names",
    'A wire slug\'s version number ("UPDATE 2-", "WRAPUP 1-"), from the pattern table.',
    says="no figure: '{words}' is a wire slug",
    examples=(
        fires("UPDATE 2-Quake kills 14 in Turkey", "2", figure=False),
        spares("UPDATE 2-Quake kills 14 in Turkey", "14", value=14),
    ),
)
TENOR = Rule(
    "names.tenor",
    "names",
    'A bond or loan named by its term ("the 10-year Treasury yield", "two-year gilts", "a '
    '30-year mortgage"), from the pattern table.',
    says="no figure: '{words}' names a bond",
    examples=(
        fires("The 10-year Treasury yield rose 5 basis points.", "10", figure=False),
        spares("The bank signed a 10-year lease.", "10-year", value=10),
    ),
)
ZERO = Rule(
    "names.zero",
    "names",
    '"zero" in a compound is no amount: "sub-zero", "net zero", "zero-sum", "zero-tolerance" '
    '(from the pattern table); "absolute zero" is a temperature.',
    says="no figure: '{words}' is no amount",
    examples=(
        fires("Sub-zero temperatures gripped the region.", "zero", figure=False),
        fires("The country pledged to reach net zero by 2050.", "zero", figure=False),
        spares("Inflation fell to zero in May.", "zero", value=0),
        spares("Matter at absolute zero is in its ground state.", "zero", value=0),
    ),
)
_BY_LABEL = {
    "index": INDEX,
    "product": PRODUCT,
    "model": MODEL,
    "address": ADDRESS,
    "slug": SLUG,
    "tenor": TENOR,
    "zero": ZERO,
}
RULES = (
    NAMED,
    INDEX,
    PRODUCT,
    MODEL,
    ADDRESS,
    SLUG,
    TENOR,
    ZERO,
    YEAR_NUMBER,
    CLOCK,
    DAY_OF_MONTH,
    MOBILE_GENERATION,
    LABEL,
    NUMBERED_BY,
    DIALLED,
    NUMBER_SIGN,
    LEADING_ZERO,
)

# Entity types whose numbers are names or positions, not amounts.
BLOCKING_LABELS = frozenset(
    {"TIME", "ORDINAL", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "ORG", "EVENT", "PERSON"}
)


def _measure_word(word: str) -> bool:
    """A unit a named thing never starts with after its number (a length of time may:
    "24 Hours of Le Mans")."""
    return word in lexicon.MEASURES or lexicon.UNIT_DIMENSIONS.get(word) not in (None, "time")


class NumberedNames:
    """Names with numbers in them, found by the pattern table ``resources/figures/names.jsonl``
    (spaCy ``Matcher`` patterns, each labelled with the rule it stands for): indices,
    products, models, addresses, wire slugs, bond terms and "zero" compounds.

    Only a name's number tokens are reported, so the table is run only around the
    numbers of a story (see :meth:`_windows`), not over every token.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._matcher = Matcher(vocab)
        patterns: dict[str, list[Any]] = {}
        for line in read_text("figures", "names.jsonl").splitlines():
            if line.strip():
                entry = json.loads(line)
                if entry["label"] not in _BY_LABEL:
                    raise ValueError(f"names.jsonl: unknown label {entry['label']!r}")
                patterns.setdefault(entry["label"], []).append(entry["pattern"])
        for label, found in patterns.items():
            self._matcher.add(label, found)
        lengths = [_longest(p) for found in patterns.values() for p in found]
        # The most tokens one name can take (None: no bound, so the whole story is read).
        bounded = [n for n in lengths if n is not None]
        self._reach: int | None = max(bounded, default=1) if len(bounded) == len(lengths) else None

    def numbers(self, doc: Doc) -> dict[int, Rule]:
        """The number tokens inside names the table finds, with the rule of each name."""
        found: dict[int, Rule] = {}
        strings = doc.vocab.strings
        for start, end in self._windows(doc):
            for piece in _pieces(doc, start, end):
                for match_id, first, last in self._matcher(piece):
                    rule = _BY_LABEL[strings[match_id]]
                    for token in piece[first:last]:
                        if token.like_num or has_digits(token):
                            found.setdefault(token.i, rule)
        return found

    def _windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Stretches of ``doc``, in order and apart, that hold every name with a number in
        it: one name's tokens lie within its longest length of each of its numbers, and
        the matcher settles it within that length after the number. So the matcher finds
        the same names in the same order as over the whole story."""
        if self._reach is None:
            return [(0, len(doc))]
        reach = self._reach + 1
        windows: list[tuple[int, int]] = []
        for i in number_like(doc):
            start, end = max(0, i - reach), min(len(doc), i + reach + 1)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows


_REPEAT = re.compile(r"^\{(\d*),?(\d*)\}$")


def _longest(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a ``Matcher`` pattern can match (None: no bound, "+" or "*")."""
    total = 0
    for token in pattern:
        op = token.get("OP")
        if op in (None, "?"):
            total += 1
        elif op == "!":
            continue  # a token that must not be there takes none
        elif isinstance(op, str) and (repeat := _REPEAT.match(op)) and (repeat[2] or "," not in op):
            total += int(repeat[2] or repeat[1])
        else:
            return None
    return total


# The Matcher holds Python's interpreter lock for all of the doc it is given (about 8 µs a
# token): on a 5,000-word story the window's thread stood still for 50 ms while the analysis
# ran beside it. So it reads a few hundred tokens at a time, cut at line breaks — no pattern
# of the table matches a line break, so the names it finds are the same.
_PIECE_TOKENS = 400


def _pieces(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """``doc[start:end]`` in pieces of at least ``_PIECE_TOKENS`` tokens, cut at line
    breaks."""
    for token in doc[start:end]:
        if token.i - start >= _PIECE_TOKENS and token.is_space and "\n" in token.text:
            yield doc[start : token.i]
            start = token.i + 1
    yield doc[start:end]


def blocked_tokens(doc: Doc, names: NumberedNames | None = None) -> dict[int, Rule]:
    """Tokens inside dates, times, ordinals and names, never part of a figure, with the
    rule that says so (names with numbers from ``names``' table, when given)."""
    blocked: dict[int, Rule] = names.numbers(doc) if names is not None else {}
    for ent in doc.ents:
        if ent.label_ == "DATE" and not is_date_like(ent):
            continue  # "Two and a half million" tagged DATE is a number
        if ent.label_ == "TIME" and (is_duration(ent) or not is_clock_time(ent)):
            continue  # "held for 12 hours" is a length of time, a figure
        if all(t.lower_ in lexicon.CURRENCY_SYMBOLS or has_digits(t) or t.is_punct for t in ent):
            continue  # "GBP 350" tagged ORG is an amount
        if ent.label_ == "ORG" and all(is_number_word(t.lower_) for t in ent):
            continue  # "nil" on its own tagged ORG is nought
        if ent.label_ == "ORDINAL" and is_share(ent[-1]):
            continue  # "one and a fourth", "a fifth" on its own
        if len(ent) > 1 and ent[0].like_num and _measure_word(ent[1].lower_):
            continue  # "3 Cups of Sugar" tagged ORG, "10cm" tagged PRODUCT: a measure
        if ent.label_ == "DATE" or ent.label_ in BLOCKING_LABELS:
            for i in range(ent.start, ent.end):
                blocked.setdefault(i, NAMED)
    shares = set(tokens_among(doc, FRACTION_WORDS))  # no other token is a share of change
    for i, rule in list(blocked.items()):
        share = share_of_change(doc, i) if rule is NAMED and i in shares else None
        if share is not None:  # "risen by nearly a quarter since 2020" tagged DATE
            for k in range(share[0], i + 1):
                if blocked.get(k) is NAMED:
                    del blocked[k]
    return blocked


def exclusion(doc: Doc, start: int, end: int, *, amount: bool = False) -> Rule | None:
    """The rule by which a grown number is no figure (a year, a time, a phone number, an
    identifier), or ``None``.

    A sum of money ("$2000") or a number compared with a bound ("below 1500",
    "at least 2000") is an ``amount``, never a year.
    """
    tokens = doc[start:end]
    numeric = [t for t in tokens if any(ch.isdigit() for ch in t.text)]
    if not numeric:
        return None
    first, last = numeric[0], numeric[-1]
    if len(numeric) == 1 and len(tokens) == 1:
        text = first.text
        if YEAR.match(text) and not counts_something(first) and not amount:
            return YEAR_NUMBER
        if PHONE.match(text):
            return PHONE_NUMBER
    nxt = doc[end] if end < len(doc) else None
    if (
        len(numeric) >= 2
        and not amount
        and all(YEAR.match(t.text) for t in numeric)
        and not (nxt is not None and nxt.tag_ in ("NNS", "NNPS"))
    ):
        return YEAR_NUMBER  # "from 2014 to 2022": years, not a range of amounts
    if nxt is not None and nxt.lower_ in lexicon.TIME_SUFFIXES:
        return CLOCK
    if (
        nxt is not None
        and nxt.lower_ in lexicon.MONTHS
        and nxt.lower_ != "may"
        and len(tokens) == 1
        and _day_of_month(first)
    ):
        return DAY_OF_MONTH  # "5 Aug", "3 September": a date the NER missed
    if nxt is not None and nxt.text == "G" and not doc[end - 1].whitespace_:
        return MOBILE_GENERATION  # "5G", "4G": generations of mobile networks
    if nxt is not None and nxt.text in ("-", "/") and nxt.whitespace_ == "" and end + 1 < len(doc):
        after = doc[end + 1]
        if after.is_alpha and after.lower_ not in ("year", "old", "day", "week", "month"):
            return None
    prev = doc[start - 1] if start > 0 else None
    if prev is not None:
        # "COVID-19", "F-16", "G-7": glued to letters by a hyphen.
        if prev.text in ("-", "–") and prev.whitespace_ == "" and start >= 2:
            before = doc[start - 2]
            if (
                before.whitespace_ == ""
                and before.is_alpha
                and not amount  # ("sub-300 sq m" is hedged: less than 300)
                and before.lower_ not in lexicon.UNITS_BEFORE  # "magnitude-6.2": a measure
            ):
                return LABEL
        # "Route 9", "Flight 302", "Section 427", "No. 10": a capitalised name word.
        if (
            _is_label_word(prev)
            and not amount  # "R500": the rand, not a road
            and not _is_title_case(prev)
            and first.like_num
            and "," not in first.text
            and "." not in first.text  # labels are whole numbers: "Floodwater 1.5 to 2 metres"
            and not any(ch.isalpha() for ch in last.text)
            and last.i == end - 1
            # "Hailstones 10cm across": a number with a measure after it is no label
            and not (nxt is not None and _measure_word(nxt.lower_))
        ):
            return LABEL
        if (
            prev.lower_ in lexicon.NUMBERED_BY
            and not amount
            and first.text.isdigit()
            and last.i == end - 1
            and not (nxt is not None and (nxt.pos_ == "NOUN" or _measure_word(nxt.lower_)))
        ):
            return NUMBERED_BY  # "junction 4", "platform 9": one of them, named
        if prev.lower_ in lexicon.MONTHS and _day_of_month(first):
            return DAY_OF_MONTH  # "Aug 5", "Sep 3" when the NER leaves the date unmarked
        if prev.lower_ in lexicon.DIAL_WORDS:
            return DIALLED  # "dial 999", "call 911": a number to ring, not an amount
        if prev.text in ("#", "No.", "no.", "Nos.", "Art.", "Sec.", "No", "Nos") or (
            prev.text == "." and start >= 2 and doc[start - 2].text in ("No", "no", "Nos")
        ):
            return NUMBER_SIGN  # "No 47", "No. 10 Downing Street"
    # "0800": a code, never an amount
    if len(numeric) == 1 and re.fullmatch(r"0\d{2,}|[2-6]G", first.text):
        return MOBILE_GENERATION if first.text.endswith("G") else LEADING_ZERO
    return None


def _day_of_month(token: Token) -> bool:
    return token.text.isdigit() and 1 <= int(token.text) <= 31


def _is_label_word(token: Token) -> bool:
    """A capitalised noun that names the number after it ("Route", "Flight")."""
    if not token.text[:1].isupper() or not token.is_alpha or token.pos_ not in ("PROPN", "NOUN"):
        return False
    lower = token.lower_
    return (
        lower not in lexicon.MONTHS
        and lower not in lexicon.QUALIFIER_WORDS
        and lower not in lexicon.CURRENCY_SYMBOLS
    )


def _is_title_case(token: Token) -> bool:
    """Whether the token's line is a title-case headline ("Strikes Kill 14 in Kharkiv")."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    return is_title_case(text[start : end if end != -1 else None])
