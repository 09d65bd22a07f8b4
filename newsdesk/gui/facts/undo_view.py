"""The undo history (objectName ``undoHistoryDock``): every edit, newest last, clickable.

A dock holding Qt's ``QUndoView`` over the window's one undo stack: choosing
an entry undoes or redoes everything after or up to it. Hidden until Edit ›
Undo History (Ctrl+Shift+H).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QUndoView


class UndoHistoryDock(QDockWidget):
    """A dock with the undo history of ``stack``, docked right and hidden at first."""

    def __init__(self, stack: QUndoStack, window: QMainWindow) -> None:
        super().__init__(self.tr("Undo History"), window)
        self.setObjectName("undoHistoryDock")
        self.view = QUndoView(stack, self)
        self.view.setObjectName("undoView")
        self.view.setAccessibleName(self.tr("Undo history"))
        self.view.setEmptyLabel(self.tr("<story opened>"))
        self.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
