"""The editor's corrections to a fact sheet, as plain functions that can be undone.

Every edit (:func:`set_fields`, :func:`set_status`, :func:`add_fact`,
:func:`delete_fact`, :func:`merge_entities`, :func:`split_mention`,
:func:`reanchor`) changes a :class:`~newsdesk.core.sheet.model.FactSheet` in place
and returns a :class:`Patch`: deep copies of the facts it touched, before and
after. :func:`apply_patch` puts either side back, so the GUI's undo commands
are thin wrappers. Values typed by the editor are checked by :func:`parse_value`;
a refused value raises :class:`EditError` with a message for the editor and
changes nothing.

Editing an extracted value marks the fact ``corrected`` (origin ``edited``)
and keeps the first extracted value of each changed field in ``extracted``.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from newsdesk.core.sheet.kinds import KINDS, FactKind, kind_named, kind_of, new_id
from newsdesk.core.sheet.labels import ENTITY_LABELS
from newsdesk.core.sheet.model import (
    CHANGES,
    FIGURE_KINDS,
    QUALIFIERS,
    STATUSES,
    DateFact,
    Dismissed,
    Entity,
    Fact,
    FactSheet,
    Figure,
    Mention,
    Quote,
)
from newsdesk.core.work.anchors import TextShift, anchor_fact, move_span, relocate

_NOT_CONTENT = ("note",)  # changing these is not a correction of the extracted value
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class EditError(ValueError):
    """An edit the editor asked for that cannot be made; the message says why."""


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

    @property
    def changed_ids(self) -> frozenset[str]:
        return frozenset(self.before) | frozenset(self.after)


def now_iso() -> str:
    """The current time as ISO 8601 text in UTC (seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def require(sheet: FactSheet, fact_id: str) -> Fact:
    """The fact with ``fact_id``; :class:`EditError` when it is gone."""
    fact = sheet.find(fact_id)
    if fact is None:
        raise EditError(f"There is no fact {fact_id!r} in this sheet any more.")
    return fact


def _taken(sheet: FactSheet) -> set[str]:
    return {f.id for f in sheet.facts()}


# -- patches ---------------------------------------------------------------------------


def snapshot(sheet: FactSheet, ids: Iterable[str]) -> dict[str, Placed | None]:
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
    if patch.dismissed:
        # Undo forgets the deletion (the fact is back); redo remembers it again.
        ids = {record.id for record in patch.dismissed}
        sheet.dismissed[:] = [record for record in sheet.dismissed if record.id not in ids]
        if not undo:
            for record in patch.dismissed:
                if shift is not None:
                    record = move_dismissed(record, shift, patch.text, sheet.article.text)
                sheet.dismissed.append(copy.copy(record))


# -- values the editor types ---------------------------------------------------------------


def parse_number(text: str) -> float:
    """A number as an editor types it ("1,200", "25", "-3.5"); :class:`EditError` if not one."""
    cleaned = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise EditError(f"“{text.strip()}” is not a number.")
    value = float(cleaned)
    if not math.isfinite(value):
        raise EditError(f"“{text.strip()}” is not a number.")
    return value


def parse_value(fact: Fact, name: str, raw: Any) -> Any:
    """The value of field ``name`` of ``fact`` from what the editor typed or picked.

    Empty text means "unknown" (``None``) for optional fields. Raises
    :class:`EditError` with a message for the editor when the value is refused.
    """
    if name not in kind_of(fact).editable:
        raise EditError(f"The {name} of this fact cannot be edited.")
    text = raw.strip() if isinstance(raw, str) else raw
    if name == "note":
        return "" if text is None else str(raw)
    if name == "name":
        if not text:
            raise EditError("A name cannot be empty.")
        return text
    if name == "label":
        label = str(text or "").upper()
        if label not in ENTITY_LABELS:
            raise EditError(f"“{text}” is not a kind of name newsdesk knows.")
        return label
    if name in ("value", "low", "high") and isinstance(fact, Figure):
        if text in (None, ""):
            return None
        return text if isinstance(text, float | int) else parse_number(str(text))
    if name == "value" and isinstance(fact, DateFact):
        return _parse_date(text)
    if name == "qualifier":
        return _choice(text, QUALIFIERS, "hedge")
    if name == "kind":
        return _choice(text, FIGURE_KINDS, "kind of figure")
    if name == "change":
        return None if not text else _choice(text, CHANGES, "change")
    if name in ("unit", "counted"):
        return text or None
    # source / speaker: an entity id
    return text or None


def _choice(text: Any, allowed: tuple[str, ...], what: str) -> str:
    value = str(text or "").strip().lower().replace(" ", "_")
    if value not in allowed:
        raise EditError(f"“{text}” is not a {what} newsdesk knows.")
    return value


def _parse_date(text: Any) -> str | None:
    if not text:
        return None
    value = str(text)
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.strptime(value, pattern)
        except ValueError:
            continue
        return value
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise EditError(
            f"“{value}” is not a date: write it as year-month-day, like 2015-09-25."
        ) from None


# -- edits -------------------------------------------------------------------------------------


def set_fields(
    sheet: FactSheet,
    fact_id: str,
    values: dict[str, Any],
    *,
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """Set fields of one fact from what the editor typed (all checked before any change).

    A changed content field marks the fact ``corrected`` by ``editor`` and
    keeps the extracted value; changing a figure's value moves the bounds that
    equalled it ("at least 25" → low follows the value).
    """
    fact = require(sheet, fact_id)
    parsed = {name: parse_value(fact, name, raw) for name, raw in values.items()}
    for name in ("source", "speaker"):
        if parsed.get(name) is not None and sheet.entity(parsed[name]) is None:
            raise EditError("Choose the source among the names in this story.")
    changed = {name: v for name, v in parsed.items() if getattr(fact, name) != v}
    if not changed:
        return Patch(sheet.article.text, {}, {})

    def change() -> None:
        if isinstance(fact, Figure) and "value" in changed:
            for bound in ("low", "high"):
                stated = getattr(fact, bound)
                if bound not in changed and stated is not None and stated == fact.value:
                    changed[bound] = changed["value"]
        content = [name for name in changed if name not in _NOT_CONTENT]
        if content:
            record = dict(fact.extracted or {})
            if fact.origin != "added":
                for name in content:
                    record.setdefault(name, getattr(fact, name))
            fact.extracted = record or None
            if fact.origin == "extracted":
                fact.origin = "edited"
            fact.status = "corrected"
            fact.checked_by, fact.checked_at = editor, when or now_iso()
        for name, value in changed.items():
            setattr(fact, name, value)

    return recorded(sheet, [fact_id], lambda: change())


def set_status(
    sheet: FactSheet,
    fact_id: str,
    status: str,
    *,
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """Mark one fact unverified, verified, disputed or corrected, saying who and when."""
    if status not in STATUSES:
        raise EditError(f"“{status}” is not a status.")
    fact = require(sheet, fact_id)

    def change() -> None:
        fact.status = status  # type: ignore[assignment]
        if status == "unverified":
            fact.checked_by = fact.checked_at = None
        else:
            fact.checked_by, fact.checked_at = editor, when or now_iso()

    return recorded(sheet, [fact_id], lambda: change())


def add_fact(
    sheet: FactSheet,
    kind: str,
    start: int,
    end: int,
    *,
    label: str = "PERSON",
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """A new fact over ``[start, end)`` of the text: ``kind`` is entity, figure, date or quote.

    Surrounding spaces are left out of the span. The new fact's id is the
    patch's ``created``.
    """
    text = sheet.article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not 0 <= start < end <= len(text):
        raise EditError("Select the words of the fact in the text first.")
    words = text[start:end]
    if kind not in ("entity", "figure", "date", "quote"):
        raise EditError(f"“{kind}” is not a kind of fact.")
    fresh_id = new_id(kind_named(kind), _taken(sheet))
    fact: Fact
    if kind == "entity":
        if label not in ENTITY_LABELS:
            raise EditError(f"“{label}” is not a kind of name newsdesk knows.")
        fact = Entity(fresh_id, label, words, [Mention(start, end, words)], origin="added")
    elif kind == "figure":
        try:
            value: float | None = parse_number(words)
        except EditError:
            value = None
        fact = Figure(fresh_id, words, start, end, value=value, low=value, high=value)
        fact.origin = "added"
    elif kind == "date":
        fact = DateFact(fresh_id, words, start, end, origin="added")
    else:
        fact = Quote(fresh_id, words, start, end, origin="added")
    fact.checked_by, fact.checked_at = editor, when or now_iso()

    def change() -> str:
        items = sheet.facts_of(kind_of(fact))
        at = next((i for i, f in enumerate(items) if f.first_offset() > start), len(items))
        items.insert(at, fact)
        return fact.id

    return recorded(sheet, [], change)


def delete_fact(sheet: FactSheet, fact_id: str) -> Patch:
    """Remove one fact; figures and quotes that named it as their source forget it.

    The deletion is remembered in ``sheet.dismissed`` so that re-analysis does
    not bring the fact back; undoing the patch forgets it again.
    """
    fact = require(sheet, fact_id)
    referrers = _referrers(sheet, fact_id)  # only a name is ever a source or speaker
    record = dismissal_of(fact)

    def change() -> None:
        for other in referrers:
            _redirect(other, fact_id, None)
        sheet.facts_of(kind_of(fact)).remove(fact)
        sheet.dismissed.append(copy.copy(record))

    patch = recorded(sheet, [fact_id, *(f.id for f in referrers)], lambda: change())
    return replace(patch, dismissed=(record,))


# -- deletions re-analysis remembers -------------------------------------------------------


def dismissal_of(fact: Fact) -> Dismissed:
    """The record that keeps a deleted ``fact`` from coming back at re-analysis.

    It stands where the fact's first words still in the text do (an entity's
    first mention not lost), else where it was last.
    """
    spans = fact.spans()
    start, end = next((s for s in spans if s[1] > s[0]), spans[0] if spans else (0, 0))
    return Dismissed(kind_of(fact).key, fact.title, start, end, fact.id)


def move_dismissed(record: Dismissed, shift: TextShift, old_text: str, new_text: str) -> Dismissed:
    """``record`` moved from ``old_text`` onto ``new_text`` (zero-width when its words are gone)."""
    if shift.identity:
        return record
    spot: tuple[int, int] | None
    if record.end > record.start:
        spot = move_span(shift, old_text, new_text, record.start, record.end)
    else:  # its words were gone: look for them again near where they were
        spot = relocate(record.text, new_text, shift.near(record.start))
    if spot is None:
        where = shift.near(record.start)
        return replace(record, start=where, end=where)
    return replace(record, start=spot[0], end=spot[1])


def merge_entities(
    sheet: FactSheet,
    keep_id: str,
    other_id: str,
    *,
    name: str | None = None,
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """Make two entities one: mentions join under ``keep_id``, called ``name``.

    Figures and quotes attributed to the other entity are attributed to the
    kept one.
    """
    keep, other = require(sheet, keep_id), require(sheet, other_id)
    if not isinstance(keep, Entity) or not isinstance(other, Entity):
        raise EditError("Only names (people, organisations, places, groups) can be merged.")
    if keep_id == other_id:
        raise EditError("Choose two different names to merge.")
    referrers = _referrers(sheet, other_id)

    def change() -> None:
        mentions = {(m.start, m.end): m for m in [*keep.mentions, *other.mentions]}
        keep.mentions = [mentions[key] for key in sorted(mentions)]
        if name and name.strip() and name.strip() != keep.name:
            record = dict(keep.extracted or {})
            if keep.origin != "added":
                record.setdefault("name", keep.name)
            keep.extracted = record or None
            keep.name = name.strip()
        if keep.origin == "extracted":
            keep.origin = "edited"
        keep.checked_by, keep.checked_at = editor, when or now_iso()
        for fact in referrers:
            _redirect(fact, other_id, keep_id)
        sheet.entities.remove(other)

    return recorded(sheet, [keep_id, other_id, *(f.id for f in referrers)], lambda: change())


def split_mention(
    sheet: FactSheet,
    entity_id: str,
    mention_index: int,
    *,
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """Take one mention out of an entity into a new entity of its own (``created``)."""
    entity = require(sheet, entity_id)
    if not isinstance(entity, Entity):
        raise EditError("Only a name's mentions can be split off.")
    if len(entity.mentions) < 2:
        raise EditError("A name with one mention cannot be split.")
    if not 0 <= mention_index < len(entity.mentions):
        raise EditError("There is no such mention.")
    mention = entity.mentions[mention_index]
    fresh = Entity(
        new_id(kind_of(entity), _taken(sheet)),
        entity.label,
        mention.text,
        [copy.deepcopy(mention)],
        origin="added",
        checked_by=editor,
        checked_at=when or now_iso(),
    )

    def change() -> str:
        del entity.mentions[mention_index]
        if entity.origin == "extracted":
            entity.origin = "edited"
        at = sheet.entities.index(entity) + 1
        sheet.entities.insert(at, fresh)
        return fresh.id

    return recorded(sheet, [entity_id], change)


def reanchor(
    sheet: FactSheet,
    fact_id: str,
    start: int,
    end: int,
    *,
    mention_index: int | None = None,
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """Point a fact (or one mention of an entity) at ``[start, end)`` of the text.

    For an entity, the mention replaced is ``mention_index``, else a lost one,
    else the one nearest the new words.
    """
    fact = require(sheet, fact_id)
    text = sheet.article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not 0 <= start < end <= len(text):
        raise EditError("Select the fact's words in the text first.")
    words = text[start:end]

    def change() -> None:
        if isinstance(fact, Entity):
            at = mention_index
            if at is None:
                lost = [i for i, m in enumerate(fact.mentions) if m.end <= m.start]
                at = lost[0] if lost else _nearest(fact.mentions, start)
            mentions = list(fact.mentions)
            if at is None or at >= len(mentions):
                mentions.append(Mention(start, end, words))
            else:
                mentions[at] = Mention(start, end, words)
            fact.mentions = sorted(mentions, key=lambda m: m.start)
        else:
            fact.start, fact.end, fact.text = start, end, words
            if isinstance(fact, Figure):
                fact.sentence = None
        fact.anchor_lost = False
        if fact.origin == "extracted":
            fact.origin = "edited"
        fact.checked_by, fact.checked_at = editor, when or now_iso()

    return recorded(sheet, [fact_id], lambda: change())


# -- helpers ------------------------------------------------------------------------------------


def _nearest(mentions: list[Mention], position: int) -> int | None:
    if not mentions:
        return None
    return min(range(len(mentions)), key=lambda i: abs(mentions[i].start - position))


def _referrers(sheet: FactSheet, entity_id: str) -> list[Fact]:
    """The facts attributed to the entity ``entity_id`` (figures by source, quotes by speaker)."""
    return [fact for fact in sheet.facts() if _attributed_to(fact) == entity_id]


def _attributed_to(fact: Fact) -> str | None:
    field = kind_of(fact).attribution
    entity_id: str | None = None if field is None else getattr(fact, field)
    return entity_id


def _redirect(fact: Fact, old: str, new: str | None) -> None:
    field = kind_of(fact).attribution
    if field is not None and getattr(fact, field) == old:
        setattr(fact, field, new)
