"""The check benchmark's stories and how a run is scored.

Stories live in ``stories/*.txt``, written for newsdesk (no copied news). A
file holds cases::

    === id: headline-01
    expect: headline_figure 25
    ---
    Headline

    BODY …

``expect:`` lines name the check kind a planted problem should raise and words
that stand in one of the check's spans; a case without them is a clean story.
A case about versions has ``---- version 1`` and ``---- version 2`` parts: the
desk checked every fact of version 1, and version 2 is the wire's update.

A check raised on a case counts as a hit when it matches an expected problem
(same kind, the words in one of its spans), else as a false alarm; an expected
problem no check matched is a miss.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.core.sheet.model import Check

STORIES = Path(__file__).parent / "stories"
_CASE = re.compile(r"^=== id: (?P<id>\S+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Expected:
    kind: str
    words: str

    def matches(self, check: Check) -> bool:
        words = self.words.lower()
        return check.kind == self.kind and any(
            words in span.text.lower() or span.text.lower() in words for span in check.spans
        )


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    text: str
    expected: tuple[Expected, ...] = ()
    earlier: str | None = None  # version 1, when the case is about versions

    @property
    def clean(self) -> bool:
        return not self.expected


@dataclass
class Score:
    """Hits, misses and false alarms of one check kind."""

    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    clean_alarms: int = 0  # false alarms on clean stories

    @property
    def precision(self) -> float | None:
        raised = self.hits + self.false_alarms
        return self.hits / raised if raised else None

    @property
    def recall(self) -> float | None:
        planted = self.hits + self.misses
        return self.hits / planted if planted else None


@dataclass
class Outcome:
    """What the checks raised on one case, scored."""

    case: Case
    checks: list[Check]
    hits: list[Check] = field(default_factory=list)
    false_alarms: list[Check] = field(default_factory=list)
    misses: list[Expected] = field(default_factory=list)


def read_cases(folder: Path = STORIES) -> list[Case]:
    """Every case of every story file, in file and case order."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.txt")):
        content = path.read_text(encoding="utf-8")
        marks = list(_CASE.finditer(content))
        for mark, following in zip(marks, [*marks[1:], None], strict=True):
            body = content[mark.end() : following.start() if following else len(content)]
            cases.append(_case(mark.group("id"), path.name, body))
    return cases


def _case(case_id: str, file: str, body: str) -> Case:
    head, _, story = body.partition("\n---")
    expected = tuple(
        Expected(*line.removeprefix("expect:").strip().split(" ", 1))
        for line in head.splitlines()
        if line.startswith("expect:")
    )
    if story.startswith("- version 1"):
        first, _, second = story.removeprefix("- version 1").partition("\n---- version 2")
        return Case(case_id, file, second.strip() + "\n", expected, first.strip() + "\n")
    return Case(case_id, file, story.strip() + "\n", expected)


def score(case: Case, checks: list[Check]) -> Outcome:
    """Match the checks raised on ``case`` with what was planted in it."""
    outcome = Outcome(case, checks)
    left = list(case.expected)
    for check in checks:
        found = next((e for e in left if e.matches(check)), None)
        if found is None and any(e.matches(check) for e in case.expected):
            continue  # a second check on a problem already found: neither hit nor alarm
        if found is None:
            outcome.false_alarms.append(check)
        else:
            left.remove(found)
            outcome.hits.append(check)
    outcome.misses = left
    return outcome


def tally(outcomes: list[Outcome]) -> dict[str, Score]:
    """Scores by check kind."""
    scores: dict[str, Score] = {}
    for outcome in outcomes:
        for check in outcome.hits:
            scores.setdefault(check.kind, Score()).hits += 1
        for check in outcome.false_alarms:
            score_ = scores.setdefault(check.kind, Score())
            score_.false_alarms += 1
            if outcome.case.clean:
                score_.clean_alarms += 1
        for expected in outcome.misses:
            scores.setdefault(expected.kind, Score()).misses += 1
    return scores


def planted_by_kind(cases: list[Case]) -> Counter[str]:
    return Counter(e.kind for case in cases for e in case.expected)
