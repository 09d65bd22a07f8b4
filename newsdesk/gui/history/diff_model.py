"""Two versions of a fact sheet side by side, one row per fact: a table for ``diffView``.

A thin adapter over :class:`~newsdesk.core.output.diff.SheetDiff`: the left column shows
the fact as version A had it, the right as version B has it, and the last says
what changed. Added rows are tinted green, removed red, changed amber; the tint
is doubled by the words in the last column, so colour is never the only sign.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from newsdesk.core.output.diff import FactChange, SheetDiff, show_value
from newsdesk.core.output.wording import fact_value
from newsdesk.core.sheet.model import Fact, FactSheet
from newsdesk.gui.plain import plain_tooltip
from newsdesk.gui.table_model import AnyIndex, FlatTableModel

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's FactChange


_TINTS = {
    "added": QColor(222, 245, 222),
    "removed": QColor(250, 222, 222),
    "changed": QColor(255, 240, 205),
}


# Fields every description already shows (the words, the value with its hedge, the
# status, the note); other changed fields are written out with their values.
_SHOWN_ANYWAY = frozenset(
    {"text", "name", "value", "low", "high", "qualifier", "kind", "unit", "counted", "change",
     "status", "note"}
)  # fmt: skip


class DiffColumn(IntEnum):
    """The diff table's columns."""

    KIND = 0
    OLD = 1
    NEW = 2
    CHANGE = 3


class DiffModel(FlatTableModel):
    """The facts of two versions, paired (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._diff: SheetDiff | None = None
        self._old: FactSheet | None = None
        self._new: FactSheet | None = None
        self._rows: list[FactChange] = []
        self._show_unchanged = False
        self.old_label = self.tr("Version A")
        self.new_label = self.tr("Version B")

    def set_diff(
        self,
        diff: SheetDiff | None,
        old: FactSheet | None = None,
        new: FactSheet | None = None,
        *,
        labels: tuple[str, str] | None = None,
    ) -> None:
        """Show ``diff`` between sheets ``old`` and ``new`` (``None`` clears the table)."""
        self.beginResetModel()
        self._diff, self._old, self._new = diff, old, new
        if labels is not None:
            self.old_label, self.new_label = labels
        self._rows = self._visible()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, DiffColumn.OLD, DiffColumn.NEW)

    def set_show_unchanged(self, show: bool) -> None:
        """List unchanged facts too (hidden by default)."""
        self.beginResetModel()
        self._show_unchanged = show
        self._rows = self._visible()
        self.endResetModel()

    def change(self, row: int) -> FactChange | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def diff(self) -> SheetDiff | None:
        return self._diff

    def row_total(self) -> int:
        return len(self._rows)

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Fact"), self.old_label, self.new_label, self.tr("Change"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        change = self.change(index.row()) if index.isValid() else None
        if change is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == DiffColumn.KIND:
                return self._kind_title(change.kind)
            if column == DiffColumn.OLD:
                return self._describe(change.old, change, old=True)
            if column == DiffColumn.NEW:
                return self._describe(change.new, change, old=False)
            return self._change_text(change)
        if role == Qt.ItemDataRole.ToolTipRole:
            if change.fields:
                return plain_tooltip("\n".join(field.describe() for field in change.fields))
            return plain_tooltip(self._change_text(change))
        if role == Qt.ItemDataRole.BackgroundRole and change.change in _TINTS:
            return QBrush(_TINTS[change.change])
        if role == Qt.ItemDataRole.ForegroundRole and change.change in _TINTS:
            return QBrush(QColor(20, 20, 20))  # readable on the tint in dark themes too
        if role == CHANGE_ROLE:
            return change
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- text ----------------------------------------------------------------------

    def _visible(self) -> list[FactChange]:
        if self._diff is None:
            return []
        if self._show_unchanged:
            return list(self._diff.changes)
        return self._diff.of("added", "removed", "changed")

    def _kind_title(self, kind: str) -> str:
        return {
            "entity": self.tr("Entity"),
            "figure": self.tr("Figure"),
            "date": self.tr("Date"),
            "quote": self.tr("Quote"),
        }.get(kind, kind)

    def _describe(self, fact: Fact | None, change: FactChange, *, old: bool) -> str:
        """The fact as one side had it, with the values of the fields that changed.

        "“Our focus remains…” · speaker: Barack Obama" beside "… · speaker: John Kerry":
        the change reads in the table, not only in a tooltip.
        """
        if fact is None:
            return ""
        parts = [fact.title]
        value = fact_value(fact)
        if value and value != parts[0]:
            parts.append(value)
        parts.append(self._status_title(fact.status))
        for field in change.fields:
            if field.name not in _SHOWN_ANYWAY:
                shown = show_value(field.old if old else field.new)
                parts.append(f"{self._field_title(field.name)}: {shown}")
        if fact.note:
            parts.append(f"“{fact.note}”")
        return " · ".join(parts)

    def _change_text(self, change: FactChange) -> str:
        if change.change == "added":
            return self.tr("added")
        if change.change == "removed":
            return self.tr("removed")
        if change.change == "unchanged":
            return ""
        status = change.status_change
        parts = []
        if status is not None:
            parts.append(f"{self._status_title(status[0])} → {self._status_title(status[1])}")
        others = [f for f in change.fields if f.name != "status"]
        if len(others) == 1 and others[0].name in ("value", "text", "name"):
            field = others[0]
            parts.insert(0, f"{show_value(field.old)} → {show_value(field.new)}")
        elif others:
            parts.insert(0, ", ".join(self._field_title(f.name) for f in others))
        return "; ".join(parts)

    def _status_title(self, status: str) -> str:
        return {
            "unverified": self.tr("unverified"),
            "verified": self.tr("verified"),
            "disputed": self.tr("disputed"),
            "corrected": self.tr("corrected"),
        }.get(status, status)

    def _field_title(self, name: str) -> str:
        return {
            "speaker": self.tr("speaker"),
            "source": self.tr("source"),
            "label": self.tr("kind of name"),
            "mentions": self.tr("mentions"),
            "checked_by": self.tr("checked by"),
            "cue": self.tr("said with"),
        }.get(name, name.replace("_", " "))
