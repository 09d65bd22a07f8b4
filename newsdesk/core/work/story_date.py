"""The story date: what relative dates ("on Friday", "last week") count from.

:func:`set_story_date` is the editor's correction (one undoable patch that
resolves every relative date against the new day and keeps every check);
:func:`with_story_date` gives a fresh analysis the date the editor set, so
re-analysis never undoes it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as date_type

from newsdesk.core.sheet.model import DateBasis, DateFact, FactSheet
from newsdesk.core.work.patches import Patch, recorded
from newsdesk.core.work.values import EditError


def set_story_date(sheet: FactSheet, day: str) -> Patch:
    """Make ``day`` (ISO) the story date, and resolve every relative date against it again.

    The editor's own date values stay as they were set; every check, note and
    status stays. One patch: undo puts back the earlier story date and values.
    """
    try:
        new_date = date_type.fromisoformat(day)
    except ValueError:
        raise EditError(f"“{day}” is not a date: write it as year-month-day.") from None
    before = sheet.article.date_basis
    after = DateBasis(new_date.isoformat(), "editor")
    old_date = _basis_day(before)
    ids = [d.id for d in sheet.dates if d.origin != "added" and "value" not in (d.extracted or {})]

    def change() -> None:
        for fact in sheet.dates:
            if fact.id in ids:
                fact.value = restate_date(fact, old_date, new_date)
        sheet.article.date_basis = after

    patch = recorded(sheet, ids, lambda: change())
    changed = {i for i in ids if patch.before[i] != patch.after[i]}
    return replace(
        patch,
        before={i: patch.before[i] for i in changed},
        after={i: patch.after[i] for i in changed},
        story_date=(before, after),
    )


def restate_date(fact: DateFact, old: date_type | None, new: date_type) -> str | None:
    """A date's value resolved against the ``new`` story date.

    A weekday resolved ahead of the ``old`` story date ("will meet on Friday")
    stays ahead of the new one.
    """
    # The resolver is plain Python; importing it here keeps spaCy out of the
    # window's start (extraction has loaded it by the time dates are restated).
    from newsdesk.core.extract.dates import resolve_date

    ahead = bool(
        old is not None and fact.value and len(fact.value) == 10 and fact.value > old.isoformat()
    )
    return resolve_date(fact.text, new, future=ahead)


def with_story_date(fresh: FactSheet, basis: DateBasis) -> None:
    """A fresh analysis told the story date the editor set: its dates resolved against it."""
    current = fresh.article.date_basis
    if current == basis:
        return
    new_date = date_type.fromisoformat(basis.date)
    old_date = _basis_day(current)
    for fact in fresh.dates:
        fact.value = restate_date(fact, old_date, new_date)
    fresh.article.date_basis = basis
    fresh.article.published = basis.date


def _basis_day(basis: DateBasis | None) -> date_type | None:
    try:
        return date_type.fromisoformat(basis.date) if basis is not None else None
    except ValueError:
        return None
