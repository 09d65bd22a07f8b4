"""Check 7: facts whose words changed since the version the desk worked on.

A write-through (a new version of the copy, a fresh analysis) flags a fact the
editor had checked when its words changed (``recheck``); the flag stays
until the editor checks the fact again. Here each flag joins the list of
checks, so the desk sees today's re-checks with everything else.
"""

from __future__ import annotations

from newsdesk.core.checks.findings import Finding, quoted
from newsdesk.core.checks.story import Story


def check_rechecks(story: Story) -> list[Finding]:
    """One check per fact flagged for re-checking."""
    findings: list[Finding] = []
    for fact in story.sheet.facts():
        if fact.recheck is None:
            continue
        spans = [span for span in fact.spans() if span[1] > span[0]]
        now = fact.recheck_words()
        findings.append(
            Finding(
                "figure_changed",
                f"{fact.recheck.change(now)} since the version the desk checked — re-check it.",
                tuple(spans[:1]),
                (fact.id,),
                key_words=(quoted(fact.recheck.was).lower(), now.lower()),
            )
        )
    return findings
