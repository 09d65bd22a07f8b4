"""Write-throughs from the command line: ``newsdesk save`` keeps what the editor already did.

When a wire file ("UPDATE 1", "REFILE") is saved into a story that has
versions, the fresh analysis knows nothing of the desk's work. :func:`carry_over`
merges the story's newest version into it with the window's own
:func:`~newsdesk.core.work.reconcile.reconcile`, so both keep checks, flag
changed figures and quotes, and keep deletions alike. Only what nobody is there
to see differs: a fact the editor worked on whose words are gone from the new
copy is left out of the saved version (its earlier versions keep it) instead
of being kept for re-anchoring, and :class:`CarryOverReport` says what happened
in the words the command prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.core.sheet.kinds import KINDS
from newsdesk.core.sheet.model import Fact, FactSheet
from newsdesk.core.work.reconcile import reconcile

# "UPDATE 2-", "REFILE-", "CORRECTED-", "RPT-" and their stacks ("REFILE-UPDATE 1-").
_WIRE_TAGS = re.compile(
    r"^(?:\s*(?:UPDATE\s*\d*|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|WRAPUP\s*\d*|"
    r"RECASTS?|ADVISORY)\s*[-–—:]\s*)+"
)


@dataclass
class CarryOverReport:
    """What :func:`carry_over` did to the new sheet."""

    kept: int = 0  # facts that took the editor's status, note or corrections
    flagged: list[Fact] = field(default_factory=list)  # changed figures and quotes, to re-check
    restored: list[Fact] = field(default_factory=list)  # hand-added facts found again
    lost: list[Fact] = field(default_factory=list)  # hand-added facts whose words are gone
    dismissed: int = 0  # fresh facts left out because the editor had deleted them

    def summary(self) -> str:
        """``"12 facts kept their checks · 1 changed figure to re-check"``."""
        parts = []
        if self.kept:
            parts.append(f"{self.kept} {_plural(self.kept, 'fact')} kept their checks")
        if self.flagged:
            count = len(self.flagged)
            parts.append(f"{count} changed {_plural(count, 'fact')} to re-check")
        if self.restored:
            count = len(self.restored)
            parts.append(f"{count} hand-added {_plural(count, 'fact')} kept")
        if self.lost:
            count = len(self.lost)
            parts.append(f"{count} hand-added {_plural(count, 'fact')} no longer in the text")
        return " · ".join(parts)


def strip_wire_tags(headline: str) -> str:
    """The headline without wire version tags ("UPDATE 1-Kerry in Paris" → "Kerry in Paris")."""
    return _WIRE_TAGS.sub("", headline).strip() or headline.strip()


def carry_over(old: FactSheet | None, new: FactSheet) -> CarryOverReport:
    """Merge the editor's work from ``old`` into the fresh sheet ``new`` (in place).

    ``new`` ends up holding the merged facts and deletions of
    :func:`~newsdesk.core.work.reconcile.reconcile`, run with ``keep_lost=False``.
    """
    if old is None:
        return CarryOverReport()
    merged = reconcile(old, new, keep_lost=False)
    for kind in KINDS:  # the caller's sheet object is the one it saves
        new.facts_of(kind)[:] = merged.sheet.facts_of(kind)
    new.dismissed = merged.sheet.dismissed
    hand_added = [fact for fact in merged.lost if fact.origin == "added"]
    return CarryOverReport(
        kept=merged.kept - len(merged.restored) - merged.rechecked,  # lost ones are not kept
        flagged=merged.to_recheck,
        restored=merged.restored,
        lost=hand_added,
        dismissed=merged.dismissed,
    )


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
