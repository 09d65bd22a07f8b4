"""Finished readings joined where the copy states one figure twice or in two parts:
a number restated in brackets ("forty-five (45)") and two bounds that make one
range ("more than 10 and less than 40").
"""

from __future__ import annotations

import re

from newsdesk.core.extract.phrase import FigureReading


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
            continue
        merged.append(reading)
    return merged
