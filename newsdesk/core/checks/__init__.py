"""The checks a good desk makes: the story held against itself.

Pure functions over a fact sheet; none of them changes a fact. Each reports
:class:`~newsdesk.core.checks.findings.Finding` s that become the sheet's
:class:`~newsdesk.core.sheet.model.Check` s (an id, a kind, a severity, a
message in the desk's words and the words involved). Seven families:

1. ``headline_figure`` — headline or standfirst against the body (:mod:`.headline`);
2. ``parts_total`` — parts against totals, sums that do not add up (:mod:`.sums`);
3. ``two_values`` — one casualty or toll figure with two values (:mod:`.conflicts`);
4. ``unsourced_figure`` — figures a desk wants sourced, with no source (:mod:`.sourcing`);
5. ``quote_speaker``, ``relative_date`` — quotes without a named speaker, relative
   dates without a story date (:mod:`.sourcing`);
6. ``minor_named``, ``suspect_named``, ``prejudicial_word`` — legal and ethics (:mod:`.legal`);
7. ``figure_changed`` — facts changed since the version the desk checked (:mod:`.rechecks`).

:func:`run_checks` runs them all; :func:`refresh_checks` runs them again and
keeps the editor's verdicts (resolved, dismissed, with a note) by each
check's stable key. This room reads the sheet and the article; it never
imports extraction, the editor's work or output.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from newsdesk.core.checks.conflicts import check_two_values
from newsdesk.core.checks.findings import (
    CHECK_KINDS,
    SEVERITY_WORDS,
    CheckKind,
    Finding,
    quoted,
    to_check,
    where_in,
)
from newsdesk.core.checks.headline import check_headline
from newsdesk.core.checks.legal import check_minors, check_suspects, check_words
from newsdesk.core.checks.rechecks import check_rechecks
from newsdesk.core.checks.sourcing import check_quotes, check_sources, check_story_date
from newsdesk.core.checks.story import Story
from newsdesk.core.checks.sums import check_sums
from newsdesk.core.checks.words import (
    EDITOR_FILE,
    EditorWords,
    WeighedWord,
    desk_words,
    read_editor_words,
    shipped_words,
)
from newsdesk.core.sheet.model import Check, Fact, FactSheet

__all__ = [
    "CHECK_KINDS",
    "EDITOR_FILE",
    "SEVERITY_WORDS",
    "CheckKind",
    "CheckSettings",
    "EditorWords",
    "WeighedWord",
    "desk_words",
    "quoted",
    "read_editor_words",
    "refresh_checks",
    "run_checks",
    "sees_change",
    "settings_in",
    "where_in",
]


@dataclass(frozen=True)
class CheckSettings:
    """What the desk set for its checks: the words to weigh (``None``: newsdesk's own list)."""

    words: tuple[WeighedWord, ...] | None = None

    def word_list(self) -> tuple[WeighedWord, ...]:
        return self.words if self.words is not None else _shipped()

    @classmethod
    def of_editor(cls, editor: EditorWords) -> CheckSettings:
        """The settings for the editor's changes to the shipped list (none: the shipped list)."""
        return cls(editor.words()) if editor.added or editor.ignored else cls()


def settings_in(folder: Path) -> CheckSettings:
    """The check settings the editor keeps in the preferences ``folder``."""
    return CheckSettings.of_editor(read_editor_words(folder / EDITOR_FILE))


@cache
def _shipped() -> tuple[WeighedWord, ...]:
    return tuple(shipped_words())


def run_checks(sheet: FactSheet, settings: CheckSettings | None = None) -> list[Check]:
    """Every check over ``sheet``, open, in the order their words stand in the text."""
    settings = settings or CheckSettings()
    story = Story(sheet)
    findings: list[Finding] = [
        *check_headline(story),
        *check_sums(story),
        *check_two_values(story),
        *check_sources(story),
        *check_quotes(story),
        *check_story_date(story),
        *check_minors(story),
        *check_suspects(story),
        *check_words(story, settings.word_list()),
        *check_rechecks(story),
    ]
    taken: set[str] = set()
    checks = [to_check(finding, story.text, taken) for finding in findings]
    return sorted(checks, key=lambda c: (c.first_offset(), CHECK_KINDS[c.kind].family))


# What no check reads: the editor's verdict on a fact, who gave it, and the note.
_UNREAD: dict[str, Any] = {
    "status": "unverified",
    "note": "",
    "checked_by": None,
    "checked_at": None,
}


def sees_change(old: Fact | None, new: Fact | None) -> bool:
    """Whether the checks could differ between a fact as it was and as it is now.

    A fact marked verified or given a note reads the same to every check, so the
    window need not run them again for it (the verification pass stays quick).
    """
    if old is None or new is None:
        return old is not new
    return replace(old, **_UNREAD) != replace(new, **_UNREAD)


def refresh_checks(
    sheet: FactSheet,
    carried: Iterable[Check] | None = None,
    settings: CheckSettings | None = None,
) -> list[Check]:
    """The checks of ``sheet`` run again, with the verdicts of ``carried`` (default: its own).

    A verdict stays with the problem it was given on (the same key); a problem
    that is gone takes its verdict with it.
    """
    verdicts = {
        check.key: check
        for check in (sheet.checks if carried is None else carried)
        if not check.is_open
    }
    fresh = run_checks(sheet, settings)
    for check in fresh:
        verdict = verdicts.get(check.key)
        if verdict is not None:
            check.status, check.note = verdict.status, verdict.note
            check.checked_by, check.checked_at = verdict.checked_by, verdict.checked_at
    return fresh
