"""The editor's corrections to a fact sheet, as plain functions that can be undone.

Every edit (:func:`set_fields`, :func:`set_status`, :func:`add_fact`,
:func:`delete_fact`, :func:`merge_entities`, :func:`split_mention`, :func:`reanchor`,
:func:`set_story_date`, :func:`set_check_verdict`) changes a
:class:`~newsdesk.core.sheet.model.FactSheet` in place
and returns a :class:`~newsdesk.core.work.patches.Patch`: deep copies of the
facts it touched, before and after. :func:`~newsdesk.core.work.patches.apply_patch`
puts either side back, so the GUI's undo commands are thin wrappers. Values
typed by the editor are checked by :func:`~newsdesk.core.work.values.parse_value`;
a refused value raises :class:`~newsdesk.core.work.values.EditError` with a
message for the editor and changes nothing.

Editing an extracted value marks the fact ``corrected`` (origin ``edited``)
and keeps the first extracted value of each changed field in ``extracted``.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from newsdesk.core.sheet.kinds import kind_named, kind_of, new_id
from newsdesk.core.sheet.labels import ENTITY_LABELS
from newsdesk.core.sheet.model import (
    CHECK_STATUSES,
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
from newsdesk.core.work.anchors import sentence_around
from newsdesk.core.work.patches import Patch, recorded
from newsdesk.core.work.values import EditError, parse_number, parse_value

_NOT_CONTENT = ("note",)  # changing these is not a correction of the extracted value


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
    """Mark one fact unverified, verified, disputed or corrected, saying who and when.

    Checking a fact flagged for re-checking (verified, disputed or corrected)
    is the re-check: the flag goes, and undo brings it back.
    """
    if status not in STATUSES:
        raise EditError(f"“{status}” is not a status.")
    fact = require(sheet, fact_id)

    def change() -> None:
        fact.status = status  # type: ignore[assignment]
        if status == "unverified":
            fact.checked_by = fact.checked_at = None
        else:
            fact.checked_by, fact.checked_at = editor, when or now_iso()
            fact.recheck = None

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


def dismissal_of(fact: Fact) -> Dismissed:
    """The record that keeps a deleted ``fact`` from coming back at re-analysis.

    It stands where the fact's first words still in the text do (an entity's
    first mention not lost), else where it was last.
    """
    spans = fact.spans()
    start, end = next((s for s in spans if s[1] > s[0]), spans[0] if spans else (0, 0))
    return Dismissed(kind_of(fact).key, fact.title, start, end, fact.id)


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
                fact.sentence = sentence_around(text, start, end)
        fact.anchor_lost = False
        if fact.origin == "extracted":
            fact.origin = "edited"
        fact.checked_by, fact.checked_at = editor, when or now_iso()

    return recorded(sheet, [fact_id], lambda: change())


def set_check_verdict(
    sheet: FactSheet,
    check_id: str,
    status: str,
    note: str = "",
    *,
    editor: str | None = None,
    when: str | None = None,
) -> Patch:
    """Resolve or dismiss one check with a note, saying who and when (``open`` reopens it).

    Recorded like a fact's status, so it is saved with the version and undone
    like any correction; the verdict stays with the check's key when the checks
    are run again.
    """
    if status not in CHECK_STATUSES:
        raise EditError(f"“{status}” is not a verdict on a check.")
    check = sheet.check(check_id)
    if check is None:
        raise EditError("That check is no longer raised on this story.")
    before = tuple(copy.deepcopy(sheet.checks))
    check.status = status  # type: ignore[assignment]
    check.note = note.strip() if status != "open" else ""
    if status == "open":
        check.checked_by = check.checked_at = None
    else:
        check.checked_by, check.checked_at = editor, when or now_iso()
    return Patch(sheet.article.text, {}, {}, checks=(before, tuple(copy.deepcopy(sheet.checks))))


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
