"""Undoable edits as patches: the facts an edit touched, before and after.

An edit records the facts it changes (:func:`recorded`) as :class:`Placed` deep
copies, where each sat in its list; :func:`apply_patch` puts either side back,
moving them onto the text the sheet describes by then, so undo and redo still
work after the article was edited or re-analysed. A patch also carries the
story date and the sheet's checks, before and after, when the edit changed them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsdesk.core.sheet.kinds import KINDS, FactKind
from newsdesk.core.sheet.model import Check, DateBasis, Dismissed, Fact, FactSheet
from newsdesk.core.work.anchors import TextShift, anchor_fact, move_dismissed


@dataclass(frozen=True)
class Placed:
    """A deep copy of one fact and where it sits in the sheet."""

    kind: FactKind
    index: int
    fact: Fact


@dataclass(frozen=True)
class Patch:
    """The facts one edit changed (by id), before and after, and the text they point into."""

    text: str
    before: dict[str, Placed | None]
    after: dict[str, Placed | None]
    created: str | None = None  # the id of a fact the edit made, if any
    dismissed: tuple[Dismissed, ...] = ()  # deletions the edit asks re-analysis to remember
    # The story date before and after, for an edit that sets it (else ``None``).
    story_date: tuple[DateBasis | None, DateBasis | None] | None = None
    # The sheet's checks before and after, when the edit changed them (else ``None``):
    # a verdict given, or checks run again on the corrected facts.
    checks: tuple[tuple[Check, ...], tuple[Check, ...]] | None = None

    @property
    def changed_ids(self) -> frozenset[str]:
        return frozenset(self.before) | frozenset(self.after)

    @property
    def changes_anything(self) -> bool:
        """Whether the edit changed a fact, the story date or the checks."""
        return (
            bool(self.changed_ids)
            or (self.story_date is not None and self.story_date[0] != self.story_date[1])
            or (self.checks is not None and self.checks[0] != self.checks[1])
        )


def snapshot(sheet: FactSheet, ids: Iterable[str]) -> dict[str, Placed | None]:
    """Deep copies of the facts ``ids`` and where each sits (``None``: not in the sheet)."""
    wanted = set(ids)
    found: dict[str, Placed | None] = dict.fromkeys(wanted)
    for kind in KINDS:
        for index, fact in enumerate(sheet.facts_of(kind)):
            if fact.id in wanted:
                found[fact.id] = Placed(kind, index, copy.deepcopy(fact))
    return found


def recorded(sheet: FactSheet, ids: Iterable[str], change: Callable[[], str | None]) -> Patch:
    """Run ``change`` on ``sheet`` and return the patch of ``ids`` (and of any fact it made)."""
    ids = set(ids)
    before = snapshot(sheet, ids)
    created = change()
    if created:
        ids.add(created)
    after = snapshot(sheet, ids)
    return Patch(sheet.article.text, {**before, **dict.fromkeys(ids - set(before))}, after, created)


def apply_patch(sheet: FactSheet, patch: Patch, *, undo: bool) -> None:
    """Put the ``before`` (undo) or ``after`` (redo) side of ``patch`` into ``sheet``.

    When the sheet now describes another text than the patch did, the facts
    put back are moved onto it like re-analysis would move them.
    """
    states = patch.before if undo else patch.after
    wanted = set(states)
    for kind in KINDS:
        items = sheet.facts_of(kind)
        items[:] = [fact for fact in items if fact.id not in wanted]
    shift = None if patch.text == sheet.article.text else TextShift(patch.text, sheet.article.text)
    placed = sorted((p for p in states.values() if p is not None), key=lambda p: p.index)
    for item in placed:
        fact = copy.deepcopy(item.fact)
        if shift is not None:
            anchor_fact(fact, shift, patch.text, sheet.article.text)
        items = sheet.facts_of(item.kind)
        items.insert(min(item.index, len(items)), fact)
    if patch.story_date is not None:
        sheet.article.date_basis = patch.story_date[0 if undo else 1]
    if patch.checks is not None:
        sheet.checks = copy.deepcopy(list(patch.checks[0 if undo else 1]))
    if patch.dismissed:
        # Undo forgets the deletion (the fact is back); redo remembers it again.
        ids = {record.id for record in patch.dismissed}
        sheet.dismissed[:] = [record for record in sheet.dismissed if record.id not in ids]
        if not undo:
            for record in patch.dismissed:
                if shift is not None:
                    record = move_dismissed(record, shift, patch.text, sheet.article.text)
                sheet.dismissed.append(copy.copy(record))
