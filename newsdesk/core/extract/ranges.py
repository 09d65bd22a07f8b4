"""Ranges: "between 10 and 20", "10-20", "$5-7 million", "44 mg to 50 mg", "from $5 a
share to $8 a share"; "rose from 10 to 20" is two figures, not a range.

:func:`find_range` and :func:`find_range_with_units` are the range stages of
reading a figure phrase ("more than 10 and less than 40" is joined into one
range from two finished readings, in :mod:`.merges`).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.codes import score_or_phone
from newsdesk.core.extract.motion import change_of, moves_from
from newsdesk.core.extract.numbers import parse_number
from newsdesk.core.extract.numerals import (
    GLUED_UNIT,
    TRAILING_SCALES,
    compound_hyphen,
    continues_number,
    is_numeric,
    next_is,
    number_end,
    value_of,
)
from newsdesk.core.extract.phrase import Phrase
from newsdesk.core.extract.rules import Rule, fires, spares

JOINED = Rule(
    "range.joined",
    "range",
    'Two numbers joined by "to", a dash or "and" after "between" are one range '
    '("between 10 and 20", "10-20", "2000–4000").',
    says="range: '{words}'",
    examples=(
        fires("The fund wants 2000–4000 donors.", "2000–4000", low=2000, high=4000),
        fires("Between 10 and 20 houses burned.", "Between 10 and 20", qualifier="range"),
        spares("Police arrested 10 and released 20.", "10", qualifier="exact"),
    ),
)
TWO_FIGURES = Rule(
    "range.two-figures",
    "range",
    "A change and the level it reaches, or an old level and a new one, are two figures, not "
    'a range ("rose 3% to 5%", "rose from 10 to 20", "fell by 12 to 47", "from 20 to 10").',
    examples=(
        fires("Inflation rose 3% to 5%.", "3%", qualifier="exact", value=3),
        fires("Membership rose from 240 to 273.", "240", qualifier="exact", value=240),
        spares("Prices ranged from 240 to 273.", "from 240 to 273", qualifier="range"),
    ),
)
FROM_WARM_END = Rule(
    "range.from-warm-end",
    "range",
    'A range of negatives written from its warm end is still a range ("-18 °C to -34 °C").',
    says="range: '{words}'",
    examples=(
        fires("Lows ranged from -18 °C to -34 °C.", "-18 °C to -34 °C", low=-34, high=-18),
        spares("Lows ranged from -34 °C to -18 °C.", "-34 °C to -18 °C", low=-34, high=-18),
    ),
)
UNITS_BOTH_SIDES = Rule(
    "range.units-both-sides",
    "range",
    'A range with its unit on both sides ("44 mg to 50 mg", "$10-$20", "from $5 a share to '
    '$8 a share"), never two different measures.',
    says="range: '{words}'",
    examples=(
        fires("Doses ranged from 44 mg to 50 mg.", "from 44 mg to 50 mg", low=44, high=50),
        spares("Doses ranged from 44 to 50.", "from 44 to 50", low=44, high=50),
    ),
)
YEAR_NO_BOUND = Rule(
    "range.year-no-bound",
    "range",
    'A year after "in", "since", "by" … is no range bound: in "rose 60% in 2018 to 3.9 '
    'million" the year dates the change and 3.9 million is the level reached.',
    examples=(
        fires("Sales rose 60% in 2018 to 3.9 million.", "2018", figure=False),
        spares("The fund wants 2000–4000 donors.", "2000–4000", low=2000, high=4000),
        spares("We produced nothing in 2013-14.", "14", figure=False),
    ),
)
RULES = (JOINED, TWO_FIGURES, YEAR_NO_BOUND, FROM_WARM_END, UNITS_BOTH_SIDES)
# Words before a year that make it a date ("in 2018 to 3.9 million" is no range).
_YEAR_BEFORE = frozenset({"in", "since", "by", "during", "until", "of"})

RANGE_JOINERS = frozenset({"to", "and", "-", "–", "—", "or"})


def find_range(doc: Doc, phrase: Phrase, blocked: Collection[int]) -> None:
    """A range partner: "between 10 and 20", "10 to 20", "10-20", "from 10 to 20";
    "fell from 20 to 10" is two figures, "won 3-1" a score."""
    number_start, end = phrase.number_start, phrase.end
    range_split = split_range(doc, number_start, end)
    if range_split is not None:
        phrase.low_end = range_split[0]
        phrase.high_value = value_of(doc[range_split[1] : end])
        phrase.is_range = phrase.high_value is not None
    elif (
        (joint := joiner_at(doc, end)) is not None
        and joint + 1 < len(doc)
        and starts_number(doc, joint + 1, blocked)
    ):
        joiner = doc[joint].lower_
        start = phrase.phrase_start
        before = doc[start - 1].lower_ if start > 0 else ""
        # "rose 3% to 5%": a change, then the new level; "rise 10 to 20 percent" is a range.
        own_unit = doc[end - 1].text == "%" or phrase.currency is not None
        changes_to = joiner == "to" and (
            (before != "from" and own_unit and change_of(doc, start) is not None)
            or moves_from(doc, start)
            or (before == "by" and change_of(doc, start) is not None)  # "fell by 12 to 47"
        )
        mixed = doc[end - 1].text == "%" and doc[joint + 1].lower_ in lexicon.CURRENCY_SYMBOLS
        dated = (
            joiner == "to"  # "in 2013-14" is a span of years, read as dates
            and before in _YEAR_BEFORE
            and end - number_start == 1
            and _is_year(doc[number_start])
            and not _is_year(doc[joint + 1])
        )
        if dated:
            phrase.note(YEAR_NO_BOUND, doc[start - 1 : end].text)
        elif (joiner != "and" or before == "between") and not changes_to and not mixed:
            high_end = joint + 2
            while high_end < len(doc) and high_end not in blocked:
                # "to one thousand and five hundred" runs on past its "and"
                step = continues_number(doc, joint + 1, high_end)
                if not step and not is_scale_or_number(doc[high_end]):
                    break
                high_end += step or 1
            if high_end < len(doc) and doc[high_end].text == "%":
                high_end += 1
            high_value = value_of(doc[joint + 1 : high_end])
            low_percent = doc[end - 1].text == "%"
            high_money = high_end < len(doc) and (
                doc[high_end].lower_ in lexicon.CURRENCY_WORDS
                or doc[high_end].lower_ in lexicon.CURRENCY_CODES
            )
            if high_value is not None and not (low_percent and high_money):
                phrase.high_value, phrase.is_range, phrase.end = high_value, True, high_end
        elif changes_to:
            phrase.note(TWO_FIGURES)
    if phrase.is_range and phrase.high_value is not None:
        low_value = value_of(doc[number_start : phrase.low_end])
        if (
            low_value is not None
            and phrase.high_value < low_value
            and doc[phrase.low_end].lower_ == "to"
            and not score_or_phone(doc, number_start, phrase.end)
        ):
            # "fell from 20 to 10": the old figure and then the new one, not a range
            # ("ruled 5-4" stays a tally, which is no figure) — unless it is a range
            # of negatives written from the warm end, "ranged from -18C to -34C".
            phrase.descending = low_value < 0 and not moves_from(doc, phrase.phrase_start)
            if not phrase.descending:
                phrase.is_range, phrase.high_value, phrase.end = False, None, phrase.low_end
                phrase.note(TWO_FIGURES)
    start = phrase.phrase_start
    if phrase.is_range and start > 0 and doc[start - 1].lower_ in ("between", "from"):
        phrase.phrase_start -= 1
    if phrase.is_range:
        rule = FROM_WARM_END if phrase.descending else JOINED
        phrase.note(rule, doc[phrase.phrase_start : phrase.end].text)


def find_range_with_units(doc: Doc, phrase: Phrase, blocked: Collection[int]) -> None:
    """A range written with its unit on both sides: "44 mg to 50 mg", "$10-$20"."""
    start, value = phrase.phrase_start, phrase.value
    rises_to = (
        (
            (phrase.percent or phrase.currency is not None or phrase.unit is not None)
            and change_of(doc, start) is not None
            and not (start and doc[start - 1].lower_ == "from")
        )
        or moves_from(doc, start)
        or (start > 0 and doc[start - 1].lower_ == "by" and change_of(doc, start) is not None)
    )  # "rose 3% to 5%", "rose from 10 to 20", "fell by 12 to 47": two figures
    if phrase.is_range or value is None or rises_to:
        return
    partner = range_partner(
        doc, start, phrase.end, blocked, money=phrase.currency is not None, unit=phrase.unit
    )
    if partner is not None and partner[0] < value < 0 and not moves_from(doc, start):
        # "ranged from -18 °C to -34 °C": a range written from the warm end
        (phrase.value, phrase.end), phrase.high_value, phrase.is_range = partner, value, True
        phrase.note(FROM_WARM_END, doc[phrase.phrase_start : phrase.end].text)
    elif partner is not None and partner[0] >= value:
        (phrase.high_value, phrase.end), phrase.is_range = partner, True
        if start and doc[start - 1].lower_ in ("between", "from"):
            phrase.phrase_start -= 1
        phrase.note(UNITS_BOTH_SIDES, doc[phrase.phrase_start : phrase.end].text)


def _same_unit(a: str, b: str) -> bool:
    """ "mile" and "miles", "°C" and "°", "kg" and "KG" are one unit; "ml" and "mg" are not."""
    a, b = a.lower().rstrip("s."), b.lower().rstrip("s.")
    return a == b or a.startswith(b) or b.startswith(a)


def range_partner(
    doc: Doc,
    phrase_start: int,
    end: int,
    blocked: Collection[int],
    *,
    money: bool,
    unit: str | None,
) -> tuple[float, int] | None:
    """The top of a range written with units on both sides: "44 mg to 50 mg",
    "from 10 dollars to 20 dollars", "$10-$20", "3km to 5km" — but not "from
    44 ml to 50 mg", two different measures."""
    # A rate on both sides: "$350 per kg to $680 per kg", "$5 a share to $8 a share".
    rate: list[str] = []
    if (
        end + 3 < len(doc)
        and doc[end].lower_ in ("per", "a", "an")
        and doc[end + 1].pos_ in ("NOUN", "PROPN")
        and doc[end + 2].lower_ == "to"
    ):
        rate, end = [doc[end].lower_, doc[end + 1].lower_], end + 2
    if end + 1 >= len(doc) or doc[end].lower_ not in ("to", "-", "–", "through", "and", "~"):
        return None
    before = doc[phrase_start - 1].lower_ if phrase_start else ""
    if doc[end].lower_ == "and" and before != "between":
        return None
    i = end + 1
    if i < len(doc) and doc[i].lower_ in ("about", "around", "~", "some"):
        i += 1  # "between 2.0 g and about 7.0 g"
    if i < len(doc) and doc[i].lower_ in lexicon.CURRENCY_SYMBOLS:
        if not money:
            return None  # "rose 15% to $415.9 million": a change, then a level
        i += 1
    if i >= len(doc) or i in blocked or not is_numeric(doc[i]):
        return None
    j = number_end(doc, i, i + 1, blocked)
    while j < len(doc) and doc[j].lower_ in TRAILING_SCALES:
        j += 1
    high = value_of(doc[i:j])
    glued = GLUED_UNIT.match(doc[j - 1].text)
    if high is None and glued:
        high = parse_number(glued["num"])
    if high is None:
        return None
    if (
        unit is not None
        and j < len(doc)
        and doc[j].lower_ in lexicon.UNIT_WORDS
        and not _same_unit(unit, doc[j].text)
    ):
        return None
    if not money and j < len(doc) and doc[j].lower_ in lexicon.CURRENCY_WORDS:
        return None  # "down 0.6% to 309,381 yen": a share, then an amount
    # The unit repeated after the top ("mg", "dollars", "%") belongs to the range.
    if j < len(doc) and (
        doc[j].lower_ in lexicon.UNIT_WORDS
        or doc[j].lower_ in lexicon.CURRENCY_WORDS
        or doc[j].text == "%"
        or doc[j].lower_ in ("percent", "pct")
    ):
        j += 1
        if doc[j - 1].text == "°" and next_is(doc, j, "c", "f") and not doc[j - 1].whitespace_:
            j += 1  # "-34 °C"
    if rate:
        if [t.lower_ for t in doc[j : j + 2]] != rate:
            return None  # "$5 a share to $8": not one range
        j += 2
    return high, j


def split_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Where a range inside one seed splits: ``(end of low, start of high)``.

    "and" splits only after "between" ("between 10 and 20"); on its own it
    joins two different figures.
    """
    between = start > 0 and doc[start - 1].lower_ == "between"
    for i in range(start + 1, end - 1):
        joiner = doc[i].lower_
        if joiner not in RANGE_JOINERS or (joiner == "and" and not between):
            continue
        if joiner == "-" and compound_hyphen(doc, i):
            continue  # "twenty-one", "one-half"
        if is_scale_or_number(doc[i - 1]) and starts_number(doc, i + 1, set()):
            return i, i + 1
    return None


def starts_number(doc: Doc, i: int, blocked: Collection[int]) -> bool:
    if i >= len(doc) or i in blocked:
        return False
    token = doc[i]
    if token.lower_ in lexicon.CURRENCY_SYMBOLS and i + 1 < len(doc):
        token = doc[i + 1]
    return is_numeric(token)


def joiner_at(doc: Doc, i: int) -> int | None:
    """Where a range joiner right after a number sits: "10 to 20", "10-20", and
    the hanging hyphen of "8- to 16-metre" (the joiner is then "to")."""
    if i >= len(doc):
        return None
    if (
        doc[i].text == "-"
        and i + 1 < len(doc)
        and doc[i + 1].lower_ in ("to", "and", "or")
        and not doc[i - 1].whitespace_
    ):
        return i + 1
    return i if doc[i].lower_ in ("to", "-", "–", "and") else None


def is_scale_or_number(token: Token) -> bool:
    return is_numeric(token) or token.lower_ in ("million", "billion", "thousand", "bn", "m")


def _is_year(token: Token) -> bool:
    """ "2018": four digits a year could be."""
    return token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100
