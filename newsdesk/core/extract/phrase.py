"""A figure while it is read (:class:`Phrase`) and once it is read (:class:`FigureReading`).

The types every figure stage shares: :mod:`.figures` grows a seed into a
phrase, the stage modules (:mod:`.ranges`, :mod:`.values`, :mod:`.context`)
fill in its parts, and the finished reading is what a fact sheet's figure is
built from. Each keeps its trail: the rules that fired on it, in order. A
number read as no figure is a :class:`Dropped`, with the rule that said so.
Kept apart so the stages import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.core.extract.rules import Rule, Step


@dataclass
class FigureReading:
    """What one figure says, before it gets an id in a fact sheet."""

    start: int  # character offsets into the doc text
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    change: str | None
    unit: str | None
    counted: str | None
    sentence: tuple[int, int]
    # Who says so (filled in by :mod:`.sources`): the characters naming the source,
    # the attribution's words, and how it was found.
    source_span: tuple[int, int] | None = None
    source_phrase: tuple[int, int] | None = None
    source_basis: str = "none"
    trail: list[Step] = field(default_factory=list)  # the rules that made this reading
    earlier: float | None = None  # the earlier level of a level reached ("from 240 to 273")
    equivalent: FigureReading | None = None  # given in brackets after it: "(224 kW)"
    approximate: bool = False  # a range with a hedge: "about 2,000-2,500"
    carried: bool = False  # as an equivalent, its hedge is the main figure's

    def note(self, rule: Rule, words: str = "") -> None:
        """Record that ``rule`` fired, with the words it read."""
        self.trail.append(rule.step(words))


@dataclass
class Dropped:
    """A number read as no figure (a name, a date, a code, a score) and why."""

    start: int  # character offsets into the doc text
    end: int
    text: str
    trail: list[Step] = field(default_factory=list)


@dataclass
class Phrase:
    """A figure phrase while it is read: where its parts are and what they say."""

    phrase_start: int  # the whole phrase: hedge, currency sign, "between"
    number_start: int  # the number itself
    end: int
    qualifier: str | None = None
    hedge: str = ""  # the hedge's words ("at least", "below")
    currency: str | None = None
    unit: str | None = None
    percent: bool = False
    scale_after: str = ""  # a scale written after a code or as a letter: "75 USD million"
    core_end: int = 0  # the end of the number, before a range partner or unit
    low_end: int = 0  # the end of the bottom of a range (``core_end`` when no range)
    high_value: float | None = None
    is_range: bool = False
    descending: bool = False  # a range written from its top: "-18 °C to -34 °C"
    value: float | None = None
    vague: float | None = None  # the floor of "dozens", "several hundred"
    counted: str | None = None
    trail: list[Step] = field(default_factory=list)  # the rules that fired, in order

    def note(self, rule: Rule, words: str = "") -> None:
        """Record that ``rule`` fired, with the words it read."""
        self.trail.append(rule.step(words))
