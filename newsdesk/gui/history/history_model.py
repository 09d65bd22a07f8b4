"""The saved versions of the current story, as a table for ``historyView``."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from newsdesk.gui.plain import plain_tooltip
from newsdesk.gui.table_model import AnyIndex, FlatTableModel
from newsdesk.storage import VersionInfo
from newsdesk.storage.history_shape import HistoryShape

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's VersionInfo


class HistoryColumn(IntEnum):
    """The history table's columns."""

    VERSION = 0
    SAVED = 1
    FACTS = 2
    MESSAGE = 3
    EDITOR = 4
    CHECKED = 5


class HistoryModel(FlatTableModel):
    """A read-only table over a story's :class:`~newsdesk.storage.VersionInfo` list.

    Newest first; the version open in the window is shown in bold. Columns:
    number, time saved, facts, message, editor, and how many facts were checked
    (verified or corrected) with any disputed ones. Once editors share the story
    through a desk server, the number of each open end of a fork carries "⑂",
    and the message says where a version came from and which fork it settles
    (see :class:`~newsdesk.storage.history_shape.HistoryShape`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._versions: list[VersionInfo] = []
        self._current: int | None = None
        self.shape = HistoryShape.of([])

    def set_versions(self, versions: list[VersionInfo], current: int | None = None) -> None:
        """Show ``versions`` (any order) and mark version number ``current``."""
        self.beginResetModel()
        self._versions = sorted(versions, key=lambda v: v.number, reverse=True)
        self._current = current
        self.shape = HistoryShape.of(sorted(versions, key=lambda v: v.number))
        self.endResetModel()

    def set_current(self, number: int | None) -> None:
        """Mark version ``number`` as the one open in the window."""
        self._current = number
        if self._versions:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._versions) - 1, len(HistoryColumn) - 1)
            )

    def version(self, row: int) -> VersionInfo | None:
        return self._versions[row] if 0 <= row < len(self._versions) else None

    @property
    def versions(self) -> list[VersionInfo]:
        return list(self._versions)

    def row_total(self) -> int:
        return len(self._versions)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Version"),
            self.tr("Saved"),
            self.tr("Facts"),
            self.tr("Message"),
            self.tr("Editor"),
            self.tr("Checked"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        version = self.version(index.row()) if index.isValid() else None
        if version is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == HistoryColumn.VERSION:
                fork = version.number in self.shape.fork_ends
                return f"⑂ {version.number}" if fork else str(version.number)
            if column == HistoryColumn.SAVED:
                return version.created_at.astimezone().strftime("%d %b %Y %H:%M")
            if column == HistoryColumn.FACTS:
                return self.tr("%d facts") % version.fact_count
            if column == HistoryColumn.EDITOR:
                return version.editor
            if column == HistoryColumn.CHECKED:
                return self._checked(version)
            marks = self._marks(version)
            return f"[{marks}] {version.message}".rstrip() if marks else version.message
        if role == Qt.ItemDataRole.ToolTipRole:
            who = self.tr("by %s") % version.editor if version.editor else ""
            counts = self.tr("%d entities, %d figures, %d dates, %d quotes") % (
                version.entity_count,
                version.figure_count,
                version.date_count,
                version.quote_count,
            )
            statuses = self.tr("%d unverified, %d verified, %d disputed, %d corrected") % (
                version.unverified_count,
                version.verified_count,
                version.disputed_count,
                version.corrected_count,
            )
            based = self.tr("based on version %d") % version.parent if version.parent else ""
            head = " ".join(part for part in (self.tr("Version"), str(version.number), who) if part)
            fork_note = ""
            if version.number in self.shape.fork_ends:
                fork_note = self.tr(
                    "A fork: saved apart from another version of the same parent. Compare "
                    "them and restore the one to keep; nothing is overwritten."
                )
            lines = [head, based, fork_note, counts, statuses, version.message]
            return plain_tooltip("\n".join(line for line in lines if line))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            HistoryColumn.VERSION,
            HistoryColumn.FACTS,
            HistoryColumn.CHECKED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and version.number == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == VERSION_ROLE:
            return version
        return None

    def _marks(self, version: VersionInfo) -> str:
        words = {"fork": self.tr("fork"), "from a version not here": self.tr("from elsewhere")}
        marks = []
        for mark in self.shape.marks(version):
            if mark.startswith("from v"):
                marks.append(self.tr("from version %s") % mark.removeprefix("from v"))
            elif mark.startswith("settles "):
                numbers = mark.removeprefix("settles ").replace("v", "")
                marks.append(self.tr("settles version %s") % numbers)
            else:
                marks.append(words.get(mark, mark))
        return "; ".join(marks)

    def _checked(self, version: VersionInfo) -> str:
        checked = version.verified_count + version.corrected_count
        text = f"{checked}/{version.fact_count}"
        if version.disputed_count:
            text += " · " + self.tr("%d disputed") % version.disputed_count
        return text

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
