"""The library (``libraryDialog``): every saved story, searched and filtered, opened from the list.

Typing in the search box searches article texts and facts (names, figures such
as "at least 25", editors' notes) after a short pause; the status filter keeps
stories whose newest version has, say, a disputed fact; the date filter keeps
stories saved since a day. Enter or double-click opens the chosen story — the
matching version when only an older one matched. With a desk server set, the
same list and search run on the server in the background too, and the desk's
stories this file lacks follow the local ones, marked "[desk]"; opening one
asks for a sync (``sync_requested``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QDate, QModelIndex, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.sheet.model import STATUSES
from newsdesk.errors import StorageError
from newsdesk.gui.history.library_model import LibraryColumn, LibraryModel
from newsdesk.gui.plain import plain_label
from newsdesk.storage import Store
from newsdesk.sync.remote import RemoteStory

# Look the words ("" for the list) up on the desk server in the background: then
# found(stories) or failed(message) on the GUI thread. False: no desk server set.
RemoteLookup = Callable[[str, Callable[[list[RemoteStory]], None], Callable[[str], None]], bool]

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
MAX_ROWS = 500  # the newest stories; searching narrows the rest


class LibraryDialog(QDialog):
    """Browse and search the stories of one store.

    Signal ``story_chosen(str, object)``: the slug and the version number to
    open (``None`` for the newest), emitted when the editor opens a row;
    ``sync_requested()`` when the editor opens a story only the desk has.
    """

    story_chosen = Signal(str, object)
    sync_requested = Signal()

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, remote: RemoteLookup | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("Library"))
        self.store = store
        self._remote = remote
        self._asked = 0  # the newest desk lookup: older answers are dropped
        self.model = LibraryModel(self)
        self._build_filters()
        self._build_view()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.open_current)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self.refresh)
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.since_check.toggled.connect(self.refresh)
        self.since_edit.dateChanged.connect(self.refresh)
        self.view.activated.connect(self._activated)
        self.refresh()

    def _build_filters(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText(self.tr('Search text and facts: Palmyra, "at least 25"'))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search stories"))
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("libraryStatus")
        self.status_box.setAccessibleName(self.tr("Status filter"))
        self.status_box.addItem(self.tr("Any status"), None)
        titles = {
            "unverified": self.tr("With unverified facts"),
            "verified": self.tr("With verified facts"),
            "disputed": self.tr("With disputed facts"),
            "corrected": self.tr("With corrected facts"),
        }
        for status in STATUSES:
            self.status_box.addItem(titles[status], status)
        self.since_check = QCheckBox(self.tr("Saved &since"), self)
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.since_edit.setObjectName("librarySince")
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setEnabled(False)
        self.count_label = plain_label("", self)

    def _build_view(self) -> None:
        self.view = QTreeView(self)
        self.view.setObjectName("libraryView")
        self.view.setAccessibleName(self.tr("Stories"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.resizeSection(LibraryColumn.STORY, 320)
        for column in (
            LibraryColumn.VERSIONS,
            LibraryColumn.SAVED,
            LibraryColumn.CHECKED,
            LibraryColumn.DISPUTED,
            LibraryColumn.UNVERIFIED,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 3)
        filters.addWidget(self.status_box, 1)
        filters.addWidget(self.since_check)
        filters.addWidget(self.since_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(980, 600)

    @Slot()
    def refresh(self) -> None:
        """List the stories that match the search box and filters now."""
        self._timer.stop()
        words = self.search_box.text().strip()
        status = self.status_box.currentData()
        since = None
        if self.since_check.isChecked():
            day = self.since_edit.date()
            # Local midnight of the chosen day.
            since = datetime(day.year(), day.month(), day.day(), tzinfo=None).astimezone()
        try:
            if words:
                hits = self.store.search(words, status=status, since=since, limit=MAX_ROWS)
                self.model.set_hits(hits)
            else:
                self.model.set_stories(
                    self.store.library(status=status, since=since, limit=MAX_ROWS)
                )
        except StorageError as error:
            self.model.set_stories([])
            self.count_label.setText(str(error))
            return
        self._show_count()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._ask_desk(words, status, since)

    def _show_count(self, desk_note: str = "") -> None:
        count = self.model.rowCount() - self.model.remote_count
        words = self.search_box.text().strip()
        if count == 0:
            text = self.tr("No stories match.") if words else self.tr("No stories.")
        else:
            text = self.tr("%n story(s)", "", count)
        if self.model.remote_count:
            text += " " + self.tr("%n more on the desk server", "", self.model.remote_count)
        self.count_label.setText(f"{text} {desk_note}".strip())

    def _ask_desk(self, words: str, status: str | None, since: datetime | None) -> None:
        if self._remote is None:
            return
        self._asked += 1
        asked = self._asked

        def found(stories: list[RemoteStory]) -> None:
            if not shiboken6.isValid(self) or asked != self._asked:
                return  # the dialog closed, or the editor typed on
            kept = [
                story
                for story in stories
                if (status is None or story.status_counts.get(status, 0) > 0)
                and (since is None or story.latest_at >= since)
            ]
            self.model.set_remote(kept)
            self._show_count()

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self._show_count(self.tr("(the desk server did not answer)"))

        self._remote(words, found, failed)

    @Slot()
    def open_current(self) -> None:
        """Open the selected story (the dialog closes)."""
        index = self.view.currentIndex()
        if index.isValid():
            self._activated(index)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if self.model.remote_story(index.row()) is not None:
            self.count_label.setText(
                self.tr("That story is on the desk server only: syncing brings it here.")
            )
            self.sync_requested.emit()
            return
        story = self.model.story(index.row())
        if story is None:
            return
        self.story_chosen.emit(story.slug, self.model.version_to_open(index.row()))
        self.accept()
