"""The undo history (objectName ``undoHistoryDock``): every edit, newest last, clickable.

A dock with a list over the story session's history: the first row is the
story as opened, then one row per text edit or correction, the current point
selected. Choosing a row undoes or redoes everything after or up to it.
Hidden until Edit › Undo History (Ctrl+Shift+H).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListView, QMainWindow

from newsdesk.core.work.history import FactStep
from newsdesk.core.work.session import StorySession
from newsdesk.gui.table_model import AnyIndex


class UndoListModel(QAbstractListModel):
    """Row 0 is the story as opened; row ``n`` the ``n``-th step of the session's history."""

    def __init__(self, session: StorySession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._titles = self._read()
        session.events.history_changed.connect(self._history_changed)

    @property
    def current_row(self) -> int:
        """The row of the point the story is at now."""
        return self._session.history.visible_position

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._titles):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._titles[index.row()]
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.row() > self.current_row:
            return Qt.GlobalColor.gray  # undone steps, still there to redo
        return None

    def _read(self) -> list[str]:
        titles = [self.tr("<story opened>")]
        for step in self._session.history.visible:
            titles.append(step.title if isinstance(step, FactStep) else self._text_title(step.kind))
        return titles

    def _text_title(self, kind: str) -> str:
        return {
            "typing": self.tr("Typing"),
            "deletion": self.tr("Delete text"),
            "paste": self.tr("Paste"),
            "replace": self.tr("Replace text"),
        }.get(kind, kind)

    @Slot()
    def _history_changed(self) -> None:
        self.beginResetModel()
        self._titles = self._read()
        self.endResetModel()


class UndoHistoryDock(QDockWidget):
    """A dock with the undo history of ``session``, docked right and hidden at first."""

    def __init__(self, session: StorySession, host: QMainWindow) -> None:
        super().__init__(self.tr("Undo History"), host)
        self.setObjectName("undoHistoryDock")
        self._session = session
        self.model = UndoListModel(session, self)
        self.view = QListView(self)
        self.view.setObjectName("undoView")
        self.view.setAccessibleName(self.tr("Undo history"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._go_to)
        self.view.clicked.connect(self._go_to)
        self.model.modelReset.connect(self._show_current)
        self.setWidget(self.view)
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()

    @Slot(QModelIndex)
    def _go_to(self, index: QModelIndex) -> None:
        """Undo or redo until the story is at the chosen row."""
        target = index.row()
        history = self._session.history
        while history.visible_position > target and self._session.undo():
            pass
        while history.visible_position < target and self._session.redo():
            pass

    @Slot()
    def _show_current(self) -> None:
        self.view.setCurrentIndex(self.model.index(self.model.current_row, 0))
