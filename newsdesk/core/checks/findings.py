"""What a check reports, the kinds of check, and how a report becomes a sheet's check.

Each check function returns :class:`Finding` s; :func:`to_check` turns one into
the contract's :class:`~newsdesk.core.sheet.model.Check`, with a key made of
the check's kind and the words involved (not their offsets), so the same
problem has the same key after the text around it changed, and an id derived
from the key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from newsdesk.core.sheet.model import Check, Mention, Severity


@dataclass(frozen=True)
class CheckKind:
    """One kind of desk check: its family (1–7, as the desk lists them) and its title."""

    key: str
    family: int
    title: str
    severity: Severity


CHECK_KINDS: dict[str, CheckKind] = {
    kind.key: kind
    for kind in (
        CheckKind("headline_figure", 1, "Headline against the body", "high"),
        CheckKind("parts_total", 2, "Parts and totals", "high"),
        CheckKind("two_values", 3, "One figure, two values", "high"),
        CheckKind("unsourced_figure", 4, "Figure without a source", "medium"),
        CheckKind("quote_speaker", 5, "Quote without a named speaker", "medium"),
        CheckKind("relative_date", 5, "Relative dates without a story date", "medium"),
        CheckKind("minor_named", 6, "Named minor", "high"),
        CheckKind("suspect_named", 6, "Named suspect", "high"),
        CheckKind("prejudicial_word", 6, "Word to weigh", "medium"),
        CheckKind("figure_changed", 7, "Changed since the last version", "high"),
    )
}
SEVERITY_WORDS: dict[str, str] = {"high": "High", "medium": "Medium", "low": "Low"}


@dataclass(frozen=True)
class Finding:
    """One problem as a check function reports it.

    ``spans`` are the words involved, the first where the problem shows;
    ``key_words`` default to those words and make the stable key.
    """

    kind: str
    message: str
    spans: tuple[tuple[int, int], ...]
    facts: tuple[str, ...] = ()
    severity: Severity | None = None  # the kind's own when not given
    key_words: tuple[str, ...] = field(default=())


def to_check(finding: Finding, text: str, taken: set[str]) -> Check:
    """The sheet's check for ``finding`` in ``text``; its key is unique among ``taken``."""
    spans = [Mention(start, end, text[start:end]) for start, end in finding.spans]
    words = finding.key_words or tuple(" ".join(m.text.split()).lower() for m in spans)
    key = "|".join((finding.kind, *words))
    unique, count = key, 1
    while unique in taken:  # the same words twice ("25 killed" in two places)
        count += 1
        unique = f"{key}#{count}"
    taken.add(unique)
    return Check(
        id="c" + hashlib.sha1(unique.encode("utf-8")).hexdigest()[:8],
        kind=finding.kind,
        severity=finding.severity or CHECK_KINDS[finding.kind].severity,
        message=finding.message,
        spans=spans,
        facts=list(finding.facts),
        key=unique,
    )


def quoted(words: str, limit: int = 60) -> str:
    """``words`` in quotation marks, on one line, cut at a word near ``limit`` characters."""
    words = " ".join(words.split()).strip('"“”')
    if len(words) > limit:
        cut = words[:limit]
        words = (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(",;:") + "…"
    return f"“{words}”"


def where_in(text: str, start: int) -> str:
    """Where ``start`` stands, as the desk finds it: "headline", or "par. 3" of the body."""
    lines = text[:start].split("\n")
    if len(lines) == 1:
        return "headline"
    return f"par. {sum(1 for line in lines[1:-1] if line.strip()) + 1}"
