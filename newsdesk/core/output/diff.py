"""What changed between two versions of a fact sheet, fact by fact.

:func:`diff_sheets` pairs the facts of two sheets (see :mod:`newsdesk.core.work.matching`)
and says, for each, whether it was added, removed, changed (which fields, old and
new value) or left alone. Offsets are not compared: text moving around is not a
change to a fact. A figure's or quote's source is compared by name, since entity
ids differ between analyses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from newsdesk.core.output.wording import format_number, note_text
from newsdesk.core.sheet.kinds import KindKey, kind_named, kind_of
from newsdesk.core.sheet.model import Entity, Fact, FactSheet, Figure, Quote
from newsdesk.core.work.matching import Pair, match_facts

ChangeKind = Literal["added", "removed", "changed", "unchanged"]


@dataclass(frozen=True)
class FieldChange:
    """One field of a fact that differs between the two versions."""

    name: str
    old: Any
    new: Any

    def describe(self) -> str:
        """``"value: 12 → 25"``."""
        return f"{self.name}: {show_value(self.old)} → {show_value(self.new)}"


@dataclass(frozen=True)
class FactChange:
    """One fact across two versions; ``old`` is ``None`` when added, ``new`` when removed."""

    kind: KindKey
    change: ChangeKind
    old: Fact | None
    new: Fact | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def fact(self) -> Fact:
        """The fact as it is now (as it was, for a removed one)."""
        fact = self.new if self.new is not None else self.old
        assert fact is not None
        return fact

    @property
    def title(self) -> str:
        """The fact as written in the newer version."""
        return self.fact.title

    @property
    def status_change(self) -> tuple[str, str] | None:
        """``(old, new)`` status when the editor's verdict changed."""
        for change in self.fields:
            if change.name == "status":
                return str(change.old), str(change.new)
        return None

    def field(self, name: str) -> FieldChange | None:
        """The change to field ``name``, if it changed."""
        return next((change for change in self.fields if change.name == name), None)


@dataclass(frozen=True)
class SheetDiff:
    """Every fact of two versions, paired, with what changed."""

    changes: tuple[FactChange, ...]
    text_changed: bool
    headline_changed: bool

    def of(self, *kinds: ChangeKind) -> list[FactChange]:
        """The changes of the given kinds (``diff.of("added", "removed")``)."""
        return [change for change in self.changes if change.change in kinds]

    @property
    def added(self) -> list[FactChange]:
        return self.of("added")

    @property
    def removed(self) -> list[FactChange]:
        return self.of("removed")

    @property
    def changed(self) -> list[FactChange]:
        return self.of("changed")

    @property
    def status_changes(self) -> list[FactChange]:
        """Changed facts whose status changed (verified, disputed…)."""
        return [change for change in self.changed if change.status_change is not None]

    @property
    def is_empty(self) -> bool:
        """Whether the facts and the text are the same."""
        return (
            not self.text_changed
            and not self.headline_changed
            and not self.of("added", "removed", "changed")
        )

    def summary(self) -> str:
        """``"2 added · 1 removed · 3 changed (1 status)"`` or ``"no changes to facts"``."""
        parts = []
        for label, items in (
            ("added", self.added),
            ("removed", self.removed),
            ("changed", self.changed),
        ):
            if items:
                parts.append(f"{len(items)} {label}")
        statuses = len(self.status_changes)
        if statuses:
            parts[-1] += f" ({statuses} status)"
        if not parts:
            return "text changed, facts the same" if self.text_changed else "no changes to facts"
        return " · ".join(parts)


def diff_sheets(old: FactSheet, new: FactSheet) -> SheetDiff:
    """Compare two sheets fact by fact (``old`` is usually the earlier version)."""
    changes = tuple(_change(pair, old, new) for pair in match_facts(old, new))
    return SheetDiff(
        changes=changes,
        text_changed=old.article.text != new.article.text,
        headline_changed=old.article.headline != new.article.headline,
    )


def field_values(fact: Fact, sheet: FactSheet) -> dict[str, Any]:
    """The compared fields of ``fact`` (:attr:`FactKind.compared`) as plain values.

    Sources and speakers are compared by name, mentions by how many there are,
    notes as printed (a re-check flag is a change to what the note says).
    """
    values: dict[str, Any] = {}
    for name in kind_of(fact).compared:
        if name == "mentions" and isinstance(fact, Entity):
            values[name] = len(fact.mentions)
        elif name == "source" and isinstance(fact, Figure):
            values[name] = _entity_name(sheet, fact.source)
        elif name == "speaker" and isinstance(fact, Quote):
            speaker = _entity_name(sheet, fact.speaker)
            if speaker is None and fact.speaker_mention is not None:
                speaker = fact.speaker_mention.text
            values[name] = speaker
        elif name == "note":  # as printed, with a re-check flag's sentence
            values[name] = note_text(fact)
        else:
            values[name] = getattr(fact, name)
    return values


def show_value(value: Any) -> str:
    """A field value as an editor reads it: ``25`` not ``25.0``, ``—`` for unknown."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return format_number(float(value))
    return str(value)


def _change(pair: Pair, old: FactSheet, new: FactSheet) -> FactChange:
    if pair.old is None:
        return FactChange(pair.kind, "added", None, pair.new)
    if pair.new is None:
        return FactChange(pair.kind, "removed", pair.old, None)
    before = field_values(pair.old, old)
    after = field_values(pair.new, new)
    fields = tuple(
        FieldChange(name, before[name], after[name])
        for name in kind_named(pair.kind).compared
        if not _same(before[name], after[name])
    )
    return FactChange(pair.kind, "changed" if fields else "unchanged", pair.old, pair.new, fields)


def _same(left: Any, right: Any) -> bool:
    # 25 and 25.0 are the same figure value.
    if isinstance(left, int | float) and isinstance(right, int | float):
        return float(left) == float(right)
    return bool(left == right)


def _entity_name(sheet: FactSheet, entity_id: str | None) -> str | None:
    entity = sheet.entity(entity_id)
    return entity.name if entity is not None else None
