"""The history list (objectName ``historyView``): saved versions of the story."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from newsdesk.gui.history_model import HistoryColumn, HistoryModel


class HistoryView(QTreeView):
    """Versions of the current story, newest first; activating one opens it.

    Signal ``version_activated(int)``: the user double-clicked a version or
    pressed Enter on it.
    """

    version_activated = Signal(int)

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
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(HistoryColumn.VERSION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryColumn.SAVED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryColumn.FACTS, QHeaderView.ResizeMode.ResizeToContents)
        self.activated.connect(self._activated)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        version = self.history.version(index.row())
        if version is not None:
            self.version_activated.emit(version.number)
