"""Finished readings joined where the copy states one figure twice or in two parts:
a number restated in brackets ("forty-five (45)") and two bounds that make one
range ("more than 10 and less than 40").
"""

from __future__ import annotations

import re

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
RULES = (RESTATED, BOUNDS)


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
