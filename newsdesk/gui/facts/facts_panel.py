"""The facts panel: a filter box over the sortable facts tree (``factsView``).

Typing in the filter keeps the groups whose facts match (any column, any
case); clicking a column header sorts the facts inside each group while the
groups keep their order. Choosing a fact, by mouse or keyboard, asks the
window to show it in the text. F2 or a double click edits a cell in place
(:class:`~newsdesk.gui.facts.fact_delegate.FactDelegate`); a refused value is
explained in the line under the tree.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.sheet.model import STATUSES, FactSheet
from newsdesk.gui import kinds
from newsdesk.gui.facts.fact_delegate import FactDelegate, SourceDelegate
from newsdesk.gui.facts.facts_model import (
    FACT_ID_ROLE,
    GROUP_ROLE,
    SORT_ROLE,
    Column,
    FactsModel,
    status_colour,
    status_text,
)
from newsdesk.gui.plain import plain_label

log = logging.getLogger(__name__)


class FactsProxyModel(QSortFilterProxyModel):
    """Filters facts (keeping their group) and sorts facts, never groups.

    A group with no facts is not shown; the panel tells the source model how many
    facts of each group pass the filter, so a group's count follows it ("Quotes
    (1 of 3)").
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not source_parent.isValid() and model is not None:
            group = model.index(source_row, 0, source_parent)
            if model.rowCount(group) == 0:
                return False  # an empty group says nothing
        return super().filterAcceptsRow(source_row, source_parent)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not left.parent().isValid():
            # Groups stay People … Quotes in either sort order.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return left.row() < right.row() if ascending else left.row() > right.row()
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))


class FactsPanel(QWidget):
    """Filter line edit plus the facts tree.

    Signals: ``fact_activated(str)`` — the user chose the fact with that id;
    ``current_fact_changed(str)`` — the current fact changed for any reason
    (``""`` when a group or nothing is current).
    """

    fact_activated = Signal(str)
    current_fact_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactsModel(self)
        self.proxy = FactsProxyModel(self)
        self.proxy.setSourceModel(self.model)
        # The facts a filter shows change with the sheet too: the groups' counts follow.
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(lambda *_: self._count_shown())

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("factsFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter facts…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter facts"))
        self.filter_edit.textChanged.connect(self._filter_changed)

        self.view = QTreeView(self)
        self.view.setObjectName("factsView")
        self.view.setAccessibleName(self.tr("Facts"))
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        # Extended: two names can be selected to be merged.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setItemDelegate(FactDelegate(self.model, self.view))
        self.view.setItemDelegateForColumn(Column.SOURCE, SourceDelegate(self.model, self.view))
        header = self.view.header()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # text order at first
        self.view.setSortingEnabled(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._programmatic = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._clicked)

        self.message_label = plain_label("", self)
        self.message_label.setObjectName("factsMessage")
        self.message_label.setAccessibleName(self.tr("Fact message"))
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #D1453B;")  # readable on light and dark
        self.message_label.hide()
        self._build_stale_banner()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.view)
        layout.addWidget(self.message_label)

    def _build_stale_banner(self) -> None:
        """The line that says the facts describe an earlier text, with the analysis's progress."""
        self.stale_banner = QFrame(self)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.stale_label = plain_label("", self.stale_banner)
        self.stale_label.setObjectName("staleLabel")
        self.stale_label.setWordWrap(True)
        self.stale_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stale_progress = QProgressBar(self.stale_banner)
        self.stale_progress.setObjectName("staleProgress")
        self.stale_progress.setAccessibleName(self.tr("Analysis progress"))
        self.stale_progress.setMaximumWidth(120)
        self.stale_progress.setTextVisible(False)
        row = QHBoxLayout(self.stale_banner)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.stale_label, 1)
        row.addWidget(self.stale_progress)
        self.stale_banner.hide()
        self._fresh_palette = self.view.palette()

    def set_column_widths(self, fact: int, value: int, source: int) -> None:
        """Fact, value and source widths; the status column fits its longest word and mark."""
        metrics = self.view.fontMetrics()
        words = max(metrics.horizontalAdvance(status_text(s)) for s in STATUSES)
        self.view.setColumnWidth(Column.FACT, fact)
        self.view.setColumnWidth(Column.VALUE, value)
        self.view.setColumnWidth(Column.STATUS, words + 16 + 3 * metrics.averageCharWidth())
        self.view.setColumnWidth(Column.SOURCE, source)
        # The Note column takes the room left, however little when a scroll bar comes:
        # the list never scrolls sideways (notes are whole in the tooltips).
        self.view.header().setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)

    # -- public API ----------------------------------------------------------------------

    def set_sheet(self, sheet: FactSheet | None) -> None:
        """Show the facts of ``sheet``, all groups expanded, the current fact kept."""
        current = self.current_fact_id()
        self.model.set_sheet(sheet)
        self._expand_groups()
        if current:
            self.select_fact(current)

    def refresh_facts(self, ids: set[str] | frozenset[str]) -> None:
        """The facts ``ids`` changed in the sheet: update their rows, keeping the current one."""
        current = self.current_fact_id()
        if not self.model.update_facts(ids):
            self._expand_groups()
            if current:
                self.select_fact(current)

    def _expand_groups(self) -> None:
        """Open every kind group, its title across the whole row. Facts have no
        children, so only the groups need it; ``expandAll`` would visit every row
        of a long story."""
        root = self.view.rootIndex()
        for row in range(self.proxy.rowCount(root)):
            self.view.setFirstColumnSpanned(row, root, True)
            self.view.expand(self.proxy.index(row, 0, root))

    @property
    def stale(self) -> bool:
        """Whether the facts shown describe an earlier text than the one in the editor."""
        return not self.stale_banner.isHidden()

    def set_stale(self, message: str | None, done: int = 0, total: int = 0) -> None:
        """Dim the facts and say why (``message``), with progress when ``total``; ``None`` ends it.

        The facts stay usable: they are the editor's work, only no longer the
        analysis of the text as it is.
        """
        if message is None:
            self.stale_banner.hide()
            self.view.setPalette(self._fresh_palette)
            return
        self.stale_label.setText(message)
        self.stale_progress.setVisible(total > 0)
        if total > 0:
            self.stale_progress.setRange(0, total)
            self.stale_progress.setValue(done)
        if self.stale_banner.isHidden():
            dimmed = QPalette(self._fresh_palette)
            faint = dimmed.color(QPalette.ColorRole.PlaceholderText)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                dimmed.setColor(group, QPalette.ColorRole.Text, faint)
            self.view.setPalette(dimmed)
            self.stale_banner.show()

    def place_under_list(self, widget: QWidget) -> None:
        """Put ``widget`` between the list and the message line (the reason box)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.message_label), widget)

    def show_message(self, text: str) -> None:
        """Explain (under the tree) why an edit was refused; ``""`` hides the line."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def selected_fact_ids(self) -> list[str]:
        """The ids of the selected facts, the current one first."""
        current = self.current_fact_id()
        ids = [
            str(index.data(FACT_ID_ROLE))
            for index in self.view.selectionModel().selectedRows()
            if index.data(FACT_ID_ROLE)
        ]
        return sorted(set(ids), key=lambda fact_id: (fact_id != current, ids.index(fact_id)))

    def current_fact_id(self) -> str | None:
        """The id of the fact selected in the tree, if a fact (not a group) is."""
        value = self.view.currentIndex().data(FACT_ID_ROLE)
        return str(value) if value else None

    def select_fact(self, fact_id: str) -> bool:
        """Make ``fact_id`` current and visible without asking the window to show it."""
        source = self.model.index_of(fact_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self._programmatic = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._programmatic = False
        self.view.scrollTo(index)
        return True

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # -- slots -----------------------------------------------------------------------------

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._count_shown()
        self._expand_groups()

    def _count_shown(self) -> None:
        """Tell the model how many facts of each group the filter shows ("1 of 3")."""
        if not self.proxy.filterRegularExpression().pattern():
            self.model.set_shown_counts(None)
            return
        root = QModelIndex()
        shown = {}
        for row in range(self.proxy.rowCount(root)):
            group = self.proxy.index(row, 0, root)
            shown[str(group.data(GROUP_ROLE))] = self.proxy.rowCount(group)
        self.model.set_shown_counts(shown)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        fact_id = current.data(FACT_ID_ROLE) or ""
        self.show_message("")
        self.current_fact_changed.emit(fact_id)
        if fact_id and not self._programmatic:
            self.fact_activated.emit(fact_id)

    @Slot(QModelIndex)
    def _clicked(self, index: QModelIndex) -> None:
        fact_id = index.data(FACT_ID_ROLE)
        if fact_id and index.column() == Column.STATUS:
            self.status_menu(index).popup(
                self.view.viewport().mapToGlobal(self.view.visualRect(index).bottomLeft())
            )
            return
        # A click on the row that is already current still means "show me again".
        if fact_id and index.row() == self.view.currentIndex().row():
            self.fact_activated.emit(fact_id)

    def set_status(self, fact_id: str, status: str) -> bool:
        """Give the fact ``status`` through the model's edit handler (undoable)."""
        return self.model.setData(self.model.index_of(fact_id, Column.STATUS), status)

    def status_menu(self, index: QModelIndex) -> QMenu:
        """The statuses to choose from for the fact at ``index`` (one click on its status)."""
        menu = QMenu(self.view)
        menu.setObjectName("statusMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        current = self.model.fact(self.proxy.mapToSource(index))
        choices = (("verified", "V"), ("disputed", "D"), ("corrected", ""), ("unverified", "U"))
        for status, key in choices:
            action = menu.addAction(
                kinds.status_icon(status, status_colour(status)),
                f"{status_text(status)}\t{key}" if key else status_text(status),
            )
            action.setObjectName(f"status_{status}")
            action.setCheckable(True)
            action.setChecked(current is not None and current.status == status)
            if current is not None:
                action.triggered.connect(
                    lambda _=False, s=status, f=current.id: self.set_status(f, s)
                )
        return menu
