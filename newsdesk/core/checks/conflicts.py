"""Check 3: one quantity given two values ("the toll was 870" … "the toll was 1,214").

Figures of the same casualty or toll measure (the dead, the wounded, the
missing, the arrested, the displaced) counting the same thing, whose values
cannot both be true, in a story that says nothing changed: no "rose",
"climbed", "revised", "later", "earlier" … Figures of separate events ("in
a separate attack", another date), parts of a total, amounts of change and
figures two different sources give are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsdesk.core.checks.findings import Finding, quoted
from newsdesk.core.checks.numbers import allowed, is_age, is_change, same_counted, spans_overlap
from newsdesk.core.checks.story import Story, words_of
from newsdesk.core.sheet.model import Figure

# A story that says a figure moved ("the toll rose to …") explains its two values.
CHANGE_WORDS = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|climbs|increased|increasing|jumped|"
    r"soared|grew|mounted|mounting|raised|raising|revised|revising|updated|updating|"
    r"corrected|lowered|fallen|dropped|reduced|up from|down from|new toll|"
    r"latest|later|earlier|initially|previously|at first|first reported|had said|"
    r"so far|by then|as of|since|now stands|now at|climb|rise)\b",
    re.IGNORECASE,
)
# Words that set one figure's event apart from another's.
OTHER_EVENT = re.compile(
    r"\b(?:another|separate|separately|elsewhere|other|also|last year|previous|a year ago|"
    r"in \d{4}|each|per|a day|a week|every|daily|weekly|average|total|in all|altogether|"
    r"combined|overall|cumulative|since)\b",
    re.IGNORECASE,
)


# Words saying two figures differ on purpose: "the ministry put the toll at 31, but …"
_CONTRAST = re.compile(
    r"\b(?:but|however|while|whereas|higher|lower|differ|differs|differed|disputed|disputes|"
    r"own count|own figure|own tally|put the (?:figure|toll|number) at)\b"
)
_NOT_TELLING = frozenset(
    ("the", "a", "an", "of", "in", "for", "said", "says", "told", "according", "to",
     "spokesman", "spokeswoman", "spokesperson", "official", "officials", "statement")
)  # fmt: skip


def check_two_values(story: Story) -> list[Finding]:
    """Two values for one casualty or toll figure, with no word that the figure changed."""
    if CHANGE_WORDS.search(story.text[story.top_end :]):
        return []
    measured: list[tuple[str, Figure]] = []
    for figure in story.figures:
        if story.in_top(figure.start) or is_change(figure) or is_age(figure):
            continue
        if figure.kind not in ("count", "number") or story.is_part(figure):
            continue
        measure = story.measure(figure)
        if measure is None or OTHER_EVENT.search(story.sentence_of(figure.start).lower):
            continue
        measured.append((measure, figure))
    findings: list[Finding] = []
    flagged: set[str] = set()
    # Each figure against the later ones of its measure, the cheap test first: every
    # pair is looked at, and a long story may give thousands of figures of one toll.
    spans = [allowed(figure) for _, figure in measured]
    of_measure: dict[str, list[int]] = {}
    for index, (measure, _) in enumerate(measured):
        of_measure.setdefault(measure, []).append(index)
    for index, (measure, figure) in enumerate(measured):
        if figure.id in flagged:
            continue
        later = of_measure[measure]
        for other_index in later[bisect_right(later, index) :]:
            other = measured[other_index][1]
            if other.id in flagged or spans_overlap(spans[index], spans[other_index]):
                continue
            if same_counted(figure, other) is False:
                continue
            if _separate_sources(story, figure, other) or _other_dates(story, figure, other):
                continue
            flagged.update((figure.id, other.id))
            findings.append(
                Finding(
                    "two_values",
                    f"The story gives {quoted(figure.text)} and later {quoted(other.text)} "
                    f"for the {_measure_words(measure)}, and does not say the figure changed.",
                    ((figure.start, figure.end), (other.start, other.end)),
                    (figure.id, other.id),
                )
            )
            break  # the figure is flagged now: no other pair of it counts
    return findings


def _separate_sources(story: Story, one: Figure, other: Figure) -> bool:
    """Two different sources giving their own figures, and the copy says they differ."""
    a, b = _source_words(story, one), _source_words(story, other)
    if not a or not b or a & b:
        return False
    sentences = story.sentence_of(one.start).lower + " " + story.sentence_of(other.start).lower
    return bool(_CONTRAST.search(sentences))


def _source_words(story: Story, figure: Figure) -> set[str]:
    """The telling words of a figure's source ("police", "khan"), empty when it has none."""
    if figure.source_basis not in ("named", "pronoun", "continuation"):
        return set()
    entity = story.sheet.entity(figure.source)
    words = f"{entity.name if entity is not None else ''} {figure.source_text or ''}"
    return {w for w in words_of(words) if w not in _NOT_TELLING}


def _other_dates(story: Story, one: Figure, other: Figure) -> bool:
    """The two figures' sentences are about different days."""
    first, second = story.sentence_of(one.start), story.sentence_of(other.start)
    days_one = {d.value for d in story.dates if first.start <= d.start < first.end}
    days_two = {d.value for d in story.dates if second.start <= d.start < second.end}
    return bool(days_one and days_two and not days_one & days_two)


def _measure_words(measure: str) -> str:
    return {
        "dead": "dead",
        "wounded": "wounded",
        "missing": "missing",
        "arrested": "people held",
        "displaced": "people displaced",
    }[measure]
