"""What the figure checks share: the span of values a figure allows, and when two agree.

"at least 25" allows 25 and anything above; "about 300" allows a tenth
either way; "25" allows 25 alone. Two figures agree when the values one allows
lie inside the values the other allows — the headline's "more than 1,200"
agrees with the body's "1,214", its "25" does not agree with "at least 25".
"""

from __future__ import annotations

import math

from newsdesk.core.checks.story import MEASURE_OF, head_noun
from newsdesk.core.sheet.model import Figure

ABOUT = 0.1  # how far "about", "nearly", "some" may be from the value stated
_COUNTS = ("count", "number", "quantity")


def allowed(figure: Figure) -> tuple[float, float] | None:
    """The lowest and highest value ``figure`` allows (``None``: no value stated)."""
    value, low, high = figure.value, figure.low, figure.high
    if figure.qualifier == "range" and low is not None and high is not None:
        return low, high
    if value is None:
        if low is None and high is None:
            return None
        return (low if low is not None else -math.inf), (high if high is not None else math.inf)
    spread = abs(value) * ABOUT
    return {
        "exact": (value, value),
        "about": (value - spread, value + spread),
        "at_least": (value, math.inf),
        "more_than": (math.nextafter(value, math.inf), math.inf),
        "at_most": (-math.inf, value),
        "less_than": (-math.inf, math.nextafter(value, -math.inf)),
    }.get(figure.qualifier, (value, value))


def within(inner: Figure, outer: Figure) -> bool:
    """Whether every value ``inner`` allows is one ``outer`` allows."""
    a, b = allowed(inner), allowed(outer)
    if a is None or b is None:
        return True  # nothing stated to disagree with
    return b[0] <= a[0] and a[1] <= b[1]


def overlap(one: Figure, other: Figure) -> bool:
    """Whether some value is allowed by both figures."""
    return spans_overlap(allowed(one), allowed(other))


def spans_overlap(one: tuple[float, float] | None, other: tuple[float, float] | None) -> bool:
    """Whether two :func:`allowed` spans share a value (no value stated shares any)."""
    if one is None or other is None:
        return True
    return one[0] <= other[1] and other[0] <= one[1]


def stated(figure: Figure) -> float | None:
    """The number as written ("at least 25" → 25; "between 10 and 20" → 20)."""
    if figure.qualifier == "range" and figure.high is not None:
        return figure.high
    if figure.value is not None:
        return figure.value
    return figure.low if figure.low is not None else figure.high


def comparable(one: Figure, other: Figure) -> bool:
    """Whether two figures are numbers of the same sort: money, shares, ages or counts."""
    if one.kind in ("money", "percent") or other.kind in ("money", "percent"):
        if one.kind != other.kind:
            return False
        return one.unit is None or other.unit is None or one.unit == other.unit
    if one.kind not in _COUNTS or other.kind not in _COUNTS:
        return False
    ages = (one.unit == "years old", other.unit == "years old")
    if any(ages):
        return all(ages)
    return one.unit is None or other.unit is None or one.unit == other.unit


def same_counted(one: Figure, other: Figure) -> bool | None:
    """Whether both count the same thing ("airstrikes" and "air strikes"); ``None``: unknown.

    "12 rescued" and "25 killed" count people in a state, "all 12 people" counts
    people: the same number may be written either way, so that is unknown and the
    words around them decide. Two states agree when they measure the same toll.
    """
    a, b = head_noun(one.counted), head_noun(other.counted)
    if a is None or b is None:
        return None
    state_a, state_b = _counts_a_state(one, a), _counts_a_state(other, b)
    if state_a != state_b:
        return None
    if state_a:
        measure_a, measure_b = MEASURE_OF.get(a), MEASURE_OF.get(b)
        return measure_a == measure_b if measure_a and measure_b else a == b
    return a == b or a.endswith(b) or b.endswith(a)


def _counts_a_state(figure: Figure, head: str) -> bool:
    """Whether what a figure counts is a state ("rescued", "killed"), by the reader's rule
    or, for a figure an editor wrote, by the toll words."""
    return head in MEASURE_OF or any(reason.rule == "counted.state" for reason in figure.why)


def is_change(figure: Figure) -> bool:
    """An amount of change ("rose 3%"), not a level."""
    return figure.change is not None


def is_age(figure: Figure) -> bool:
    return figure.unit == "years old"


def format_sum(value: float) -> str:
    """A sum as the copy would write it: "1,214", "105", "2.5"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"
