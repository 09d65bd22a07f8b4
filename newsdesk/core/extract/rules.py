"""The figure pipeline's rules: every judgement it makes, by id, stage, doc and examples.

A :class:`Rule` names one judgement the figure reader makes ("a hedge written
before the number", "a name with a number in it is no figure"): its ``id``
(``hedge.before``), the ``stage`` it belongs to (:data:`STAGES`, in the order
the reader runs them), a one-line ``doc``, how a reading's trail words it for
an editor (``says``: ``"hedge: '{words}'"``; empty for steps an editor need not
see) and its ``examples``: sentences where it fires (:func:`fires`) and hard
negatives where it must not (:func:`spares`). Each stage module declares its
rules beside the code that applies them; :mod:`.catalogue` lists them all, and
``tests/test_rules.py`` turns every example into a test.

Every reading records the rules that fired, in order, as :class:`Step`\\ s (a
rule's id and its words), so an editor sees why a figure reads as it does and
a developer which rule to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Stage = Literal[
    "candidates",
    "opening",
    "number",
    "range",
    "measure",
    "value",
    "names",
    "counted",
    "hedge",
    "change",
    "merge",
    "source",
]

# The stages in the order the reader runs them, each with what it decides.
STAGES: tuple[tuple[Stage, str], ...] = (
    ("candidates", "where a figure starts: runs of number tokens, shares, 'a dollar'"),
    ("opening", "the hedge and currency written before the number, scales after it"),
    ("number", "what the number's own words are worth: digits, words, fractions, scales"),
    ("range", "a second number that makes a range, or a change and the level it reaches"),
    ("measure", "percent, points, a currency or a unit after the number or on it"),
    ("value", "the value: vague amounts, signs, shared scales, ratios"),
    ("names", "numbers that are names, dates, codes or scores, which are no figures"),
    ("counted", "what the figure counts; units in words, ages and rates"),
    ("hedge", "hedges written after the number, and hedges that read otherwise in context"),
    ("change", "an amount of change (up or down), or the level a change reaches"),
    ("merge", "readings joined: a restatement, a conversion, two bounds of one range"),
    ("source", "who says so"),
)
STAGE_NAMES: tuple[Stage, ...] = tuple(name for name, _ in STAGES)


@dataclass(frozen=True)
class Example:
    """A sentence a rule is tested on.

    ``words`` are the words of the figure (or of a number read as no figure) in
    ``text``; ``fields`` the values it must have (``figure=False``: no figure
    has these words). ``fires`` says whether the rule must be in its trail.
    A rule of the ``number`` stage is tested on the number parser alone:
    ``text`` is the number's words and ``fields`` its ``value``.
    """

    text: str
    words: str
    fields: Mapping[str, object] = field(default_factory=dict)
    fires: bool = True


def fires(text: str, words: str | None = None, /, **fields: object) -> Example:
    """An example where the rule fires on ``words`` in ``text`` (all of it when no
    ``words`` are given), reading them as ``fields``."""
    return Example(text, text if words is None else words, MappingProxyType(fields), fires=True)


def spares(text: str, words: str | None = None, /, **fields: object) -> Example:
    """A hard negative: the rule must not fire on ``words`` (or ``text``), which read as
    ``fields``."""
    return Example(text, text if words is None else words, MappingProxyType(fields), fires=False)


@dataclass(frozen=True)
class Step:
    """One rule that fired on a reading: its id and what it says there."""

    rule: str
    says: str = ""


@dataclass(frozen=True)
class Rule:
    """One judgement of the figure pipeline (see the module docstring)."""

    id: str
    stage: Stage
    doc: str
    says: str = ""
    examples: tuple[Example, ...] = ()

    def step(self, words: str = "") -> Step:
        """This rule as a reading's trail records it, with the words it read."""
        return Step(self.id, self.says.format(words=words) if self.says else "")
