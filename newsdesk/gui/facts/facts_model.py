"""The facts of a sheet as a tree: one branch per group, one row per fact.

:class:`FactsModel` is a thin ``QAbstractItemModel`` over a plain
:class:`~newsdesk.core.sheet.model.FactSheet`: it keeps no copies and reads every
cell through ``newsdesk.core.output.wording`` (the same wording as the printed sheet).
It never changes the sheet itself: an edit made in a cell goes to its
``edit_handler`` (the window's undoable corrections), which changes the sheet
and then tells the model which facts changed (:meth:`FactsModel.update_facts`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from difflib import SequenceMatcher
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from newsdesk.core.output.wording import (
    fact_value,
    figure_context,
    figure_value,
    figure_why,
    format_number,
    grouped_facts,
    note_text,
    source_display,
    speaker_unknown,
)
from newsdesk.core.sheet.labels import GROUPS
from newsdesk.core.sheet.model import STATUSES, DateFact, Entity, Fact, FactSheet, Figure, Quote
from newsdesk.gui import kinds
from newsdesk.gui.plain import plain_tooltip
from newsdesk.gui.table_model import AnyIndex, column_title

log = logging.getLogger(__name__)

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # str for a fact row, None for a group
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what the proxy sorts by
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the group key ("people", "figures", …)
GROUP_TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # a group's name without its count

_GROUP_ID = 0  # internalId of top-level rows; fact rows store their group row + 1
_TITLE_LIMIT = 90  # quotes are cut to this many characters in the tree
WARNING_COLOUR = "#C77C02"  # "speaker unknown": amber, readable on light and dark themes


class Column(IntEnum):
    """The tree's columns."""

    FACT = 0
    VALUE = 1
    STATUS = 2
    SOURCE = 3
    NOTE = 4


_COLUMNS = len(Column)
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FACT_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FACT_FLAGS = _FACT_FLAGS | Qt.ItemFlag.ItemIsEditable

# The roles data() answers for some cell (the view asks for many more).
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        FACT_ID_ROLE,
        SORT_ROLE,
        GROUP_ROLE,
        GROUP_TITLE_ROLE,
    }
)

# Which field of which kind of fact each editable column edits.
_EDITABLE: dict[tuple[type, int], str] = {
    (Entity, Column.FACT): "name",
    (Figure, Column.VALUE): "value",
    (DateFact, Column.VALUE): "value",
    (Figure, Column.SOURCE): "source",
    (Quote, Column.SOURCE): "speaker",
}
EditHandler = Callable[[str, str, Any], bool]


class FactsModel(QAbstractItemModel):
    """Groups (People … Quotes, with counts) and their facts, in text order.

    ``edit_handler(fact_id, field, value) -> bool`` makes the edits typed in
    cells (status, note, name, value, source); without one, cells are read-only.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sheet: FactSheet | None = None
        self._groups: dict[str, list[Fact]] = {}
        self._shown: dict[str, int] | None = None  # facts per group a filter lets through
        self.edit_handler: EditHandler | None = None

    # -- the sheet -------------------------------------------------------------------

    @property
    def sheet(self) -> FactSheet | None:
        """The sheet shown, or ``None``."""
        return self._sheet

    def set_sheet(self, sheet: FactSheet | None) -> None:
        """Show ``sheet`` (``None`` empties the tree).

        A sheet that takes the place of another (a re-analysis: mostly the same facts,
        by id) moves only the rows that came or went and repaints the others, rather
        than resetting the model: the view keeps its open groups, selection and scroll,
        and does not lay out hundreds of rows again while the editor types.
        """
        groups = grouped_facts(sheet) if sheet is not None else {}
        if sheet is None or self._sheet is None:
            self.beginResetModel()
            self._sheet = sheet
            self._groups = groups
            self.endResetModel()
            return
        self._sheet = sheet
        for group_row, key in enumerate(GROUPS):
            self._follow(group_row, self._groups[key], groups[key])
        self._groups = groups

    def _follow(self, group_row: int, shown: list[Fact], facts: list[Fact]) -> None:
        """Remove and insert rows of one group until ``shown`` (the group's list, changed in
        place) holds ``facts``: the facts that stayed (by id) keep their rows, and only
        the rows whose fact reads otherwise are repainted."""
        old = [fact.id for fact in shown]
        new = [fact.id for fact in facts]
        parent = self.index(group_row, 0)
        if old != new:
            steps = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            for tag, i1, i2, j1, j2 in reversed(steps):  # from the end: earlier rows hold still
                if tag in ("delete", "replace"):
                    self.beginRemoveRows(parent, i1, i2 - 1)
                    del shown[i1:i2]
                    self.endRemoveRows()
                if tag in ("insert", "replace"):
                    self.beginInsertRows(parent, i1, i1 + j2 - j1 - 1)
                    shown[i1:i1] = facts[j1:j2]
                    self.endInsertRows()
            self.dataChanged.emit(parent, parent.siblingAtColumn(_COLUMNS - 1))  # its count
        changed = [
            row for row, fact in enumerate(facts) if shown[row] != fact or _names_entity(fact)
        ]
        shown[:] = facts  # the rows that stayed show the new sheet's facts
        for first, last in _runs(changed):
            self.dataChanged.emit(
                self.index(first, 0, parent), self.index(last, _COLUMNS - 1, parent)
            )

    def set_shown_counts(self, shown: dict[str, int] | None) -> None:
        """How many facts of each group a filter shows (``None``: all): the group rows say
        "People (1 of 3)". The view's filter counts; the titles are the model's, so the
        view reads every other cell without a Python proxy in between."""
        if shown == self._shown:
            return
        self._shown = shown
        if self._groups:
            last = len(self._groups) - 1
            self.dataChanged.emit(self.index(0, Column.FACT), self.index(last, Column.FACT))

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

    def update_facts(self, ids: Collection[str]) -> bool:
        """The sheet's facts ``ids`` changed: repaint their rows, or rebuild if rows moved.

        Returns ``True`` when the rows stayed (only cells changed).
        """
        if self._sheet is None:
            return False
        groups = grouped_facts(self._sheet)
        same = all(
            [f.id for f in groups[key]] == [f.id for f in self._groups.get(key, [])]
            for key in GROUPS
        )
        if not same:
            self.set_sheet(self._sheet)
            return False
        self._groups = groups
        for fact_id in ids:
            first = self.index_of(fact_id)
            if first.isValid():
                self.dataChanged.emit(first, first.siblingAtColumn(len(Column) - 1))
        return True

    def field_of(self, index: AnyIndex) -> str | None:
        """The fact field a cell edits (``"status"``, ``"note"``, ``"value"`` …), if any."""
        fact = self.fact(index)
        if fact is None:
            return None
        if index.column() == Column.STATUS:
            return "status"
        if index.column() == Column.NOTE:
            return "note"
        return _EDITABLE.get((type(fact), index.column()))

    # -- QAbstractItemModel ------------------------------------------------------

    # The view and its proxy call these thousands of times when a sheet is shown: they
    # read the groups directly (no ``hasIndex``, which calls back into rowCount and
    # columnCount), and facts say they never have children, so the view asks no further.

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < _COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _GROUP_ID)
        if parent.internalId() != _GROUP_ID or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._groups.get(GROUPS[parent.row()], ())):
            return QModelIndex()
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
        return _COLUMNS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP_ID:
            return _GROUP_FLAGS
        if self.edit_handler is not None and self.field_of(index) is not None:
            return _EDITABLE_FACT_FLAGS
        return _FACT_FLAGS

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        field = self.field_of(index)
        fact = self.fact(index)
        if role != Qt.ItemDataRole.EditRole or field is None or fact is None:
            return False
        if self.edit_handler is None:
            return False
        return self.edit_handler(fact.id, field, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = (
            self.tr("Fact"),
            self.tr("Value"),
            self.tr("Status"),
            self.tr("Source / speaker"),
            self.tr("Note"),
        )
        return column_title(titles, section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each painted cell for a dozen roles; most have no answer here.
        if role not in _ANSWERED or not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            return self._group_data(index, role)
        fact = self.fact(index)
        if fact is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell_text(fact, index.column())
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(fact, index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == Column.FACT:
            return _lost_icon() if fact.anchor_lost else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == Column.STATUS:
            return kinds.status_icon(fact.status, status_colour(fact.status))
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == Column.FACT:
                details = self._tooltip(fact)
                whole = fact.title if not details else f"{fact.title}\n{details}"
                return plain_tooltip(whole)
            if index.column() == Column.SOURCE:
                return plain_tooltip(self._cell_text(fact, Column.SOURCE)) or None  # whole name
            if index.column() == Column.STATUS:
                return self.tr("Click to set the status (V verify, D dispute, U unverified)")
            return plain_tooltip(self._tooltip(fact))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.STATUS:
            return status_colour(fact.status)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.SOURCE:
            return QColor(WARNING_COLOUR) if speaker_unknown(fact) else None
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
            title, total = kinds.group_title(key), len(self._groups[key])
            shown = total if self._shown is None else self._shown.get(key, total)
            if shown == total:
                return f"{title} ({total})"
            return self.tr("%s (%d of %d)") % (title, shown, total)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == Column.FACT:
            return kinds.swatch_icon(key)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == GROUP_ROLE:
            return key
        if role == GROUP_TITLE_ROLE:
            return kinds.group_title(key)
        if role == SORT_ROLE:
            return index.row()  # groups keep their order whatever the sort column
        return None

    def _cell_text(self, fact: Fact, column: int) -> str:
        if column == Column.FACT:
            title = fact.title
            if isinstance(fact, Quote):
                title = f"“{_shorten(title)}”"
            return title
        if column == Column.VALUE:
            # The hedge and the change lead; money's own words are in the Fact column.
            return (
                figure_value(fact, with_words=False)
                if isinstance(fact, Figure)
                else fact_value(fact)
            )
        if column == Column.STATUS:
            text = status_text(fact.status)
            if fact.anchor_lost:
                text += " · " + QCoreApplication.translate("FactsModel", "words gone")
            return text
        if column == Column.NOTE:
            return note_text(fact)  # a re-check flag first, then the editor's note
        return source_display(fact, self._sheet) if self._sheet is not None else ""

    def _edit_value(self, fact: Fact, column: int) -> Any:
        field = "status" if column == Column.STATUS else "note" if column == Column.NOTE else None
        field = field or _EDITABLE.get((type(fact), column))
        if field is None:
            return None
        value = getattr(fact, field)
        if isinstance(value, float | int) and not isinstance(value, bool):
            return format_number(value).replace(",", "")
        return value or ""

    def _tooltip(self, fact: Fact) -> str | None:
        lines = []
        if isinstance(fact, Figure) and self._sheet is not None and not fact.anchor_lost:
            before, figure, after = figure_context(self._sheet, fact)
            lines.append(f"{before}{figure}{after}")
        elif isinstance(fact, Quote):
            lines.append(fact.text)
        if isinstance(fact, Figure | Quote) and self._sheet is not None:
            said = source_display(fact, self._sheet)
            if said:
                lines.append(QCoreApplication.translate("FactsModel", "Who: %s") % said)
        if isinstance(fact, Entity) and fact.register is not None:
            lines.append(fact.register.reason())  # why it reads so: the desk's own word
        if isinstance(fact, Figure) and (why := figure_why(fact)):
            # The rules behind the reading, as extracted: "hedge: 'at least' · counted: …".
            lines.append(QCoreApplication.translate("FactsModel", "Why this reading: %s") % why)
        if fact.anchor_lost:
            lines.append(
                QCoreApplication.translate(
                    "FactsModel",
                    "Its words are gone from the text: select new words and re-anchor it, "
                    "or delete it.",
                )
            )
        if fact.checked_by or fact.checked_at:
            lines.append(
                QCoreApplication.translate("FactsModel", "%s by %s, %s")
                % (status_text(fact.status), fact.checked_by or "?", fact.checked_at or "?")
            )
        for name, value in (fact.extracted or {}).items():
            shown = format_number(value) if isinstance(value, float | int) else value
            lines.append(
                QCoreApplication.translate("FactsModel", "extracted %s: %s") % (name, shown)
            )
        if fact.note or fact.recheck is not None:
            lines.append(note_text(fact))
        return "\n".join(str(line) for line in lines) or None

    def _sort_key(self, fact: Fact, column: int) -> Any:
        if column == Column.VALUE and isinstance(fact, Figure):
            number = next((v for v in (fact.value, fact.low, fact.high) if v is not None), 0.0)
            return float(number)
        if column == Column.STATUS:
            return STATUSES.index(fact.status)
        return self._cell_text(fact, column).casefold()


def _names_entity(fact: Fact) -> bool:
    """Whether a row of ``fact`` shows another fact's words: its source's or speaker's name."""
    return bool(fact.source if isinstance(fact, Figure) else getattr(fact, "speaker", None))


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending ``rows`` as runs of neighbours: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


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


def _lost_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _shorten(text: str) -> str:
    if len(text) <= _TITLE_LIMIT:
        return text
    cut = text[:_TITLE_LIMIT]
    return cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…"
