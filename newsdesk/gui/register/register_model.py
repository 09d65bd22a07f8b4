"""The house register's entries as a table for ``registerView``.

Rows are :class:`~newsdesk.core.sheet.register.RegisterEntry`: the words, what
the register says of them, whether the entry is in force, who added it and
when, and how it came (a correction, typed, imported).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from newsdesk.core.sheet.register import RegisterEntry, short_day
from newsdesk.gui.table_model import AnyIndex, FlatTableModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's RegisterEntry


class RegisterColumn(IntEnum):
    """The register table's columns."""

    WORDS = 0
    SAYS = 1
    ACTIVE = 2
    ADDED_BY = 3
    ADDED = 4
    SOURCE = 5


class RegisterModel(FlatTableModel):
    """A read-only table of register entries; the "in force" column is checkable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[RegisterEntry] = []
        # Called with (entry, active) when the editor ticks or clears "in force".
        self.toggle_handler: Any = None

    def set_entries(self, entries: list[RegisterEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> RegisterEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_total(self) -> int:
        return len(self._entries)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Words"),
            self.tr("The register says"),
            self.tr("In force"),
            self.tr("Added by"),
            self.tr("Added"),
            self.tr("From"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == RegisterColumn.ACTIVE:
            return Qt.CheckState.Checked if entry.active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.note or entry.says()
        if role == Qt.ItemDataRole.ForegroundRole and not entry.active:
            return QColor(Qt.GlobalColor.gray)  # switched off: greyed
        if role == ENTRY_ROLE:
            return entry
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entry(index.row()) if index.isValid() else None
        if (
            entry is None
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != RegisterColumn.ACTIVE
            or self.toggle_handler is None
        ):
            return False
        active = Qt.CheckState(value) == Qt.CheckState.Checked
        return bool(self.toggle_handler(entry, active))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == RegisterColumn.ACTIVE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _text(self, entry: RegisterEntry, column: int) -> str:
        if column == RegisterColumn.WORDS:
            return entry.name
        if column == RegisterColumn.SAYS:
            return entry.says()
        if column == RegisterColumn.ACTIVE:
            return self.tr("yes") if entry.active else self.tr("off")
        if column == RegisterColumn.ADDED_BY:
            return entry.added_by
        if column == RegisterColumn.ADDED:
            return short_day(entry.added_at)
        return _SOURCES.get(entry.source, entry.source)


_SOURCES = {
    "label": "label changed",
    "merge": "names merged",
    "added": "name added",
    "rejected": "name deleted",
    "typed": "typed",
    "imported": "imported",
}
