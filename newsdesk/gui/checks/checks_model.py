"""The desk checks of the open story as a table for ``checksView``.

Rows are the sheet's :class:`~newsdesk.core.sheet.model.Check` s, open ones
first (most serious first, then in text order), then the ones the desk
answered: a mark (☐ open, ✓ resolved, – dismissed), the severity, the kind of
check with where it stands, the message, and the verdict with its note, who
and when. A thin adapter: the checks themselves come from the session.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from newsdesk.core.checks import CHECK_KINDS, where_in
from newsdesk.core.sheet.model import Check
from newsdesk.gui.table_model import AnyIndex, FlatTableModel

CHECK_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Check
_ORDER = {"high": 0, "medium": 1, "low": 2}
_MARKS = {"open": "☐", "resolved": "✓", "dismissed": "–"}


class ChecksColumn(IntEnum):
    """The checks table's columns."""

    MARK = 0
    SEVERITY = 1
    CHECK = 2
    MESSAGE = 3
    VERDICT = 4


def ordered(checks: list[Check]) -> list[Check]:
    """Open checks first, most serious first, then in the order their words stand."""
    return sorted(
        checks, key=lambda c: (not c.is_open, _ORDER.get(c.severity, 1), c.first_offset())
    )


class ChecksModel(FlatTableModel):
    """A read-only table of checks (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checks: list[Check] = []
        self._text = ""

    def set_checks(self, checks: list[Check], text: str) -> None:
        """Show ``checks`` of a story whose text is ``text`` (for "par. 3")."""
        self.beginResetModel()
        self._checks = ordered(checks)
        self._text = text
        self.endResetModel()

    def check(self, row: int) -> Check | None:
        return self._checks[row] if 0 <= row < len(self._checks) else None

    def row_of(self, check_id: str) -> int | None:
        return next((i for i, c in enumerate(self._checks) if c.id == check_id), None)

    def open_count(self) -> int:
        return sum(1 for check in self._checks if check.is_open)

    def row_total(self) -> int:
        return len(self._checks)

    def titles(self) -> tuple[str, ...]:
        return ("", self.tr("Severity"), self.tr("Check"), self.tr("What the desk sees"),
                self.tr("Verdict"))  # fmt: skip

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        check = self.check(index.row()) if index.isValid() else None
        if check is None:
            return None
        column = index.column()
        if role == CHECK_ROLE:
            return check
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text_of(check, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(part for part in (check.message, self._verdict(check)) if part)
        if role == Qt.ItemDataRole.FontRole and check.severity == "high" and check.is_open:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == ChecksColumn.MARK:
            return {"open": self.tr("open"), "resolved": self.tr("resolved")}.get(
                check.status, self.tr("dismissed")
            )
        return None

    def _text_of(self, check: Check, column: int) -> str:
        if column == ChecksColumn.MARK:
            return _MARKS.get(check.status, "☐")
        if column == ChecksColumn.SEVERITY:
            return {"high": self.tr("High"), "medium": self.tr("Medium")}.get(
                check.severity, self.tr("Low")
            )
        if column == ChecksColumn.CHECK:
            kind = CHECK_KINDS.get(check.kind)
            title = kind.title if kind is not None else check.kind
            where = where_in(self._text, check.spans[0].start) if check.spans else ""
            return f"{title} · {where}" if where else title
        if column == ChecksColumn.MESSAGE:
            return check.message
        return self._verdict(check)

    def _verdict(self, check: Check) -> str:
        """ "Dismissed by amira, 14 Jun 10:02: quoted from police"; nothing while open."""
        if check.is_open:
            return ""
        words = self.tr("Resolved") if check.status == "resolved" else self.tr("Dismissed")
        if check.checked_by:
            words += " " + self.tr("by %s") % check.checked_by
        if check.checked_at:
            words += f", {check.checked_at[:16].replace('T', ' ')}"
        return f"{words}: {check.note}" if check.note else words

    def index_of(self, check_id: str, column: int = 0) -> QModelIndex:
        row = self.row_of(check_id)
        return self.index(row, column) if row is not None else QModelIndex()
