"""The facts of a sheet as a tree: one branch per group, one row per fact.

:class:`FactsModel` is a thin ``QAbstractItemModel`` over a plain
:class:`~newsdesk.core.model.FactSheet`: it keeps no copies, reads every cell
through ``newsdesk.core.render`` (the same wording as the printed sheet) and
writes status changes straight into the sheet's dataclasses.
"""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from newsdesk.core.model import STATUSES, FactSheet, Figure, Quote
from newsdesk.core.render import (
    GROUPS,
    Fact,
    fact_source,
    fact_title,
    fact_value,
    figure_context,
    grouped_facts,
)
from newsdesk.gui import kinds

log = logging.getLogger(__name__)

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # str for a fact row, None for a group
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what the proxy sorts by
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the group key ("people", "figures", …)

_GROUP_ID = 0  # internalId of top-level rows; fact rows store their group row + 1
_TITLE_LIMIT = 90  # quotes are cut to this many characters in the tree

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The tree's columns."""

    FACT = 0
    VALUE = 1
    STATUS = 2
    SOURCE = 3


class FactsModel(QAbstractItemModel):
    """Groups (People … Quotes, with counts) and their facts, in text order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sheet: FactSheet | None = None
        self._groups: dict[str, list[Fact]] = {}

    # -- the sheet -------------------------------------------------------------------

    @property
    def sheet(self) -> FactSheet | None:
        """The sheet shown, or ``None``."""
        return self._sheet

    def set_sheet(self, sheet: FactSheet | None) -> None:
        """Show ``sheet`` (``None`` empties the tree)."""
        self.beginResetModel()
        self._sheet = sheet
        self._groups = grouped_facts(sheet) if sheet is not None else {}
        self.endResetModel()

    def fact(self, index: AnyIndex) -> Fact | None:
        """The fact at ``index``, or ``None`` for a group row or an invalid index."""
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return None
        facts = self._groups[GROUPS[index.internalId() - 1]]
        return facts[index.row()] if index.row() < len(facts) else None

    def index_of(self, fact_id: str, column: int = Column.FACT) -> QModelIndex:
        """The index of the fact with ``fact_id`` (invalid when it is not shown)."""
        for group_row, key in enumerate(GROUPS):
            for row, fact in enumerate(self._groups.get(key, [])):
                if fact.id == fact_id:
                    return self.createIndex(row, column, group_row + 1)
        return QModelIndex()

    def set_status(self, fact_id: str, status: str) -> bool:
        """Set one fact's status in the sheet; ``False`` when there is no such fact."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        first = self.index_of(fact_id)
        fact = self.fact(first)
        if fact is None:
            return False
        fact.status = status  # type: ignore[assignment]
        last = first.siblingAtColumn(len(Column) - 1)
        self.dataChanged.emit(first, last)
        return True

    # -- QAbstractItemModel ------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != _GROUP_ID or parent.column() != 0:
            return 0
        return len(self._groups[GROUPS[parent.row()]])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Fact"), self.tr("Value"), self.tr("Status"), self.tr("Source / speaker"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            return self._group_data(index, role)
        fact = self.fact(index)
        if fact is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell_text(fact, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(fact)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.STATUS:
            return status_colour(fact.status)
        if role == FACT_ID_ROLE:
            return fact.id
        if role == GROUP_ROLE:
            return GROUPS[index.internalId() - 1]
        if role == SORT_ROLE:
            return self._sort_key(fact, index.column())
        return None

    # -- cells -----------------------------------------------------------------------

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        key = GROUPS[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() != Column.FACT:
                return None
            return f"{kinds.group_title(key)} ({len(self._groups[key])})"
        if role == Qt.ItemDataRole.DecorationRole and index.column() == Column.FACT:
            return kinds.swatch_icon(key)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == GROUP_ROLE:
            return key
        if role == SORT_ROLE:
            return index.row()  # groups keep their order whatever the sort column
        return None

    def _cell_text(self, fact: Fact, column: int) -> str:
        if column == Column.FACT:
            title = fact_title(fact)
            if isinstance(fact, Quote):
                title = f"“{_shorten(title)}”"
            return title
        if column == Column.VALUE:
            return fact_value(fact)
        if column == Column.STATUS:
            return status_text(fact.status)
        return fact_source(fact, self._sheet) if self._sheet is not None else ""

    def _tooltip(self, fact: Fact) -> str | None:
        if isinstance(fact, Figure) and self._sheet is not None:
            before, figure, after = figure_context(self._sheet, fact)
            return f"{before}{figure}{after}"
        if isinstance(fact, Quote):
            return fact.text
        return fact.note or None

    def _sort_key(self, fact: Fact, column: int) -> Any:
        if column == Column.VALUE and isinstance(fact, Figure):
            number = next((v for v in (fact.value, fact.low, fact.high) if v is not None), 0.0)
            return float(number)
        if column == Column.STATUS:
            return STATUSES.index(fact.status)
        return self._cell_text(fact, column).casefold()


def status_text(status: str) -> str:
    """A fact status in the user's language."""
    names = {
        "unverified": QCoreApplication.translate("FactsModel", "unverified"),
        "verified": QCoreApplication.translate("FactsModel", "verified"),
        "disputed": QCoreApplication.translate("FactsModel", "disputed"),
        "corrected": QCoreApplication.translate("FactsModel", "corrected"),
    }
    return names.get(status, status)


def status_colour(status: str) -> QColor:
    """Unchecked facts recede; checked ones stand out (mid tones: light and dark themes)."""
    colours = {"verified": "#2DA44E", "disputed": "#D1453B", "corrected": "#3C7DD9"}
    if status in colours:
        return QColor(colours[status])
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _shorten(text: str) -> str:
    if len(text) <= _TITLE_LIMIT:
        return text
    cut = text[:_TITLE_LIMIT]
    return cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…"
