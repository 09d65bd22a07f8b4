"""The history list (objectName ``historyView``): saved versions of the story.

Select one version to view, open or restore it; select two to compare them.
The actions for that (and the context menu) come from
:mod:`newsdesk.gui.history.history_actions`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from newsdesk.gui.history.history_model import HistoryColumn, HistoryModel


class HistoryView(QTreeView):
    """Versions of the current story, newest first; activating one opens it.

    Signals: ``version_activated(int)``, the user double-clicked a version or
    pressed Enter on it; ``selection_changed()``, the selected versions changed.
    """

    version_activated = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("Saved versions"))
        self.history = HistoryModel(self)
        self.setModel(self.history)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column in HistoryColumn:
            header.setSectionResizeMode(column, fit)
        header.setSectionResizeMode(HistoryColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.activated.connect(self._activated)
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        self.history.modelReset.connect(self.selection_changed)

    def selected_numbers(self) -> list[int]:
        """The numbers of the selected versions, oldest first."""
        numbers = set()
        for index in self.selectionModel().selectedRows():
            version = self.history.version(index.row())
            if version is not None:
                numbers.add(version.number)
        return sorted(numbers)

    def select_numbers(self, *numbers: int) -> None:
        """Select the rows of the given version numbers (and nothing else)."""
        self.clearSelection()
        flags = (
            self.selectionModel().SelectionFlag.Select | self.selectionModel().SelectionFlag.Rows
        )
        for row, version in enumerate(self.history.versions):
            if version.number in numbers:
                self.selectionModel().select(self.history.index(row, 0), flags)

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.selection_changed.emit()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        version = self.history.version(index.row())
        if version is not None:
            self.version_activated.emit(version.number)
