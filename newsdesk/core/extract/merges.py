"""Finished readings joined where the copy states one figure twice or in two parts:
a number restated in brackets ("forty-five (45)"), a conversion in brackets
("15 million euros ($16.4 million)", "37m (121ft)"), kept as the figure's
equivalent, and two bounds that make one range ("more than 10 and less than 40").
"""

from __future__ import annotations

import re

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.phrase import FigureReading
from newsdesk.core.extract.rules import Rule, fires, spares

RESTATED = Rule(
    "merge.restated",
    "merge",
    'A number restated in brackets is one figure ("forty-five (45)", "five (5) people").',
    examples=(
        fires("Forty-five (45) homes burned.", "Forty-five (45)", value=45),
        spares("Forty-five (46) homes burned.", "Forty-five", value=45),
    ),
)
BOUNDS = Rule(
    "merge.bounds",
    "merge",
    'Two hedged bounds of one thing are one range ("more than 10 and less than 40").',
    says="range: '{words}'",
    examples=(
        fires(
            "Bids were above 1000 and below 1500.",
            "above 1000 and below 1500",
            qualifier="range",
            low=1000,
            high=1500,
        ),
        spares("Bids were above 1000 and rose 1500.", "above 1000", qualifier="more_than"),
    ),
)
CONVERSION = Rule(
    "merge.conversion",
    "merge",
    "A figure given again in brackets in another currency, or another unit of the same "
    'measure, is one fact with its equivalent ("15 million euros ($16.4 million)", "37m '
    '(121ft)", "296 hp (224 kW)"); a hedge before the figure holds for the equivalent too.',
    says="equivalent: '{words}'",
    examples=(
        fires(
            "The brewer paid 15 million euros ($16.4 million) in cash.",
            "15 million euros",
            value=15e6,
            unit="EUR",
        ),
        fires("The engine makes just under 296 hp (224 kW).", "just under 296 hp", value=296),
        spares("The striker scored 3 goals (2 penalties).", "3 goals", value=3),
    ),
)
RULES = (RESTATED, CONVERSION, BOUNDS)


def drop_restatements(readings: list[FigureReading], text: str) -> list[FigureReading]:
    """ "forty-five (45)", "five (5) people": a number restated in brackets is one figure."""
    kept: list[FigureReading] = []
    for reading in readings:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.value is not None
            and previous.value == reading.value
            and re.fullmatch(r"\s*\(\s*", text[previous.end : reading.start])
            and re.match(r"\s*\)", text[reading.end :])
        ):
            previous.end = text.index(")", reading.end) + 1
            previous.note(RESTATED, text[previous.start : previous.end])
            continue
        kept.append(reading)
    return kept


def join_conversions(readings: list[FigureReading], text: str) -> list[FigureReading]:
    """ "15 million euros ($16.4 million)", "37m (121ft)": the bracketed conversion is the
    figure's equivalent, not a figure of its own; the figure's hedge holds for it too."""
    kept: list[FigureReading] = []
    for reading in readings:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.equivalent is None
            and re.fullmatch(r"\s*\(\s*", text[previous.end : reading.start])
            and re.match(r"\s*\)", text[reading.end :])
            and _converts(previous, reading)
        ):
            if reading.qualifier == "exact" and previous.qualifier not in ("exact", "range"):
                reading.qualifier = previous.qualifier  # "just under 296 hp (224 kW)"
                reading.low, reading.high = _hedged_bounds(previous.qualifier, reading.value)
                reading.carried = True
            previous.equivalent = reading
            previous.note(CONVERSION, text[reading.start : reading.end])
            continue
        kept.append(reading)
    return kept


def _converts(first: FigureReading, second: FigureReading) -> bool:
    """Whether ``second`` is ``first`` in another currency or unit of the same measure."""
    if first.value is None or second.value is None:
        return False
    if first.kind == second.kind == "money":
        return first.unit != second.unit
    if first.kind != "quantity" or second.kind != "quantity" or first.unit == second.unit:
        return False
    measure = _measure_of(first.unit)
    return measure is not None and measure == _measure_of(second.unit)


def _measure_of(unit: str | None) -> str | None:
    """What a unit measures ("m" and "ft" a length, "hp" and "kW" power), from the table."""
    if unit is None:
        return None
    words = unit.lower().replace("°", "").split()
    for word in (unit.lower(), *reversed(words)):
        if word in lexicon.UNIT_DIMENSIONS:
            return lexicon.UNIT_DIMENSIONS[word]
    return None


def _hedged_bounds(qualifier: str, value: float | None) -> tuple[float | None, float | None]:
    """The bounds a hedge gives a value, as the figure's own are given ("about": none)."""
    if value is None or qualifier in ("about", "range"):
        return None, None
    if qualifier in ("at_least", "more_than"):
        return value, None
    return None, value


def _bound_value(first: FigureReading, second: FigureReading, side: str) -> float:
    """The value of whichever of two hedged figures gives the ``low`` or ``high`` side."""
    lower = ("more_than", "at_least")
    reading = first if (first.qualifier in lower) == (side == "low") else second
    return reading.value if reading.value is not None else 0.0


_COUNTS = {"number", "count"}


def merge_bounds(readings: list[FigureReading], text: str) -> list[FigureReading]:
    """ "more than 10 and less than 40" is one range, not two hedged figures."""
    merged: list[FigureReading] = []
    for reading in readings:
        previous = merged[-1] if merged else None
        between = text[previous.end : reading.start].strip().lower() if previous else ""
        if (
            previous is not None
            and between in ("and", "but", ",", "but less than")
            and {previous.qualifier, reading.qualifier} & {"more_than", "at_least"}
            and {previous.qualifier, reading.qualifier} & {"less_than", "at_most"}
            and previous.value is not None
            and reading.value is not None
            and (previous.kind == reading.kind or {previous.kind, reading.kind} == _COUNTS)
            and _bound_value(previous, reading, "low") < _bound_value(previous, reading, "high")
        ):
            low, high = sorted((previous.value, reading.value))
            if reading.kind == "count":  # "at most 100 and at least 20 apples"
                previous.kind, previous.counted = reading.kind, reading.counted
            previous.end = reading.end
            previous.value, previous.low, previous.high = low, low, high
            previous.qualifier = "range"
            previous.note(BOUNDS, text[previous.start : previous.end])
            continue
        merged.append(reading)
    return merged
