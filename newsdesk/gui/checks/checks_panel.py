"""The Checks panel: the desk checks of the open story, answered one by one.

:class:`ChecksPanel` lists the checks of the session's sheet (as shown, even
mid-typing), follows the session's events, shows a check's words in the
article when it is clicked, and gives the editor's verdict — resolved or
dismissed, with a note, reopened — as one undoable correction through the
session (:func:`~newsdesk.core.work.edits.set_check_verdict`), signed with the
editor's name. "Words to weigh…" edits the desk's list and runs the checks
again. The window shows it in a tab beside the history.

While the editor types, the list follows the text after a pause; moving the
sheet onto the text and running the checks on it (tens of milliseconds in a
long story) is done on a worker thread, and the list is refreshed when it is
back — unless the text or the sheet changed meanwhile, when the next pause
does it again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.checks import CheckSettings, EditorWords, quoted
from newsdesk.core.sheet.model import Check, FactSheet
from newsdesk.core.work import edits
from newsdesk.core.work.session import Moving, StorySession
from newsdesk.core.work.values import EditError
from newsdesk.errors import NewsdeskError
from newsdesk.gui.checks.checks_model import CHECK_ROLE, ChecksColumn, ChecksModel
from newsdesk.gui.checks.words_dialog import EditorWordsFile, WordsDialog
from newsdesk.gui.notices import Notices
from newsdesk.gui.signature import Signature
from newsdesk.gui.tasks import TaskRunner

_TYPING_PAUSE_MS = 400
# ask_note(title, check) -> the note, or None when the editor cancelled.
AskNote = Callable[[str, Check], "str | None"]


class ChecksPanel(QWidget):
    """The checks list and its verdict buttons (see the module docstring)."""

    open_count_changed = Signal(int)

    def __init__(
        self,
        session: StorySession,
        signature: Signature,
        notices: Notices,
        show_span: Callable[[int, int], None],
        words: EditorWordsFile,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.session = session
        self._signature = signature
        self._notices = notices
        self._show_span = show_span
        self.words_file = words
        self.ask_note: AskNote = self._ask_note
        self.ask_words: Callable[[], bool] = self._ask_words

        self.model = ChecksModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("checksView")
        self.view.setAccessibleName(self.tr("Desk checks"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ChecksColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (ChecksColumn.MARK, 24),
            (ChecksColumn.SEVERITY, 60),
            (ChecksColumn.CHECK, 240),
            (ChecksColumn.VERDICT, 140),
        ):
            self.view.setColumnWidth(column, width)  # fmt: skip
        self.summary = QLabel(self)
        self.summary.setObjectName("checksSummary")
        self.resolve_button = self._button("resolveCheck", self.tr("&Resolved…"), self.resolve)
        self.dismiss_button = self._button("dismissCheck", self.tr("Di&smiss…"), self.dismiss)
        self.reopen_button = self._button("reopenCheck", self.tr("Re&open"), self.reopen)
        self.words_button = self._button(
            "wordsToWeigh", self.tr("&Words to weigh…"), self.edit_words
        )

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.resolve_button, self.dismiss_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.words_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.activated.connect(self._show)
        self.view.clicked.connect(self._show)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        # While the editor types, the checks follow the text after a pause (moving the
        # sheet onto the text is not free); a new sheet or new checks show at once.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._paused)
        self._worker = TaskRunner(self)
        self._moving: Moving | None = None  # the move on the worker now
        events = session.events
        events.sheet_replaced.connect(self.refresh)
        events.checks_changed.connect(self.refresh)
        events.text_changed.connect(self._typing.start)
        session.set_check_settings(CheckSettings.of_editor(words.read()))
        self.refresh()

    def sizeHint(self) -> QSize:
        # A few rows under the article and facts: the story stays the main thing on screen.
        return QSize(900, 150)

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the checks of the sheet as shown now, keeping the selected one."""
        self._typing.stop()
        chosen = self.current()
        sheet = self.session.shown_sheet()
        if sheet is None:
            self.model.set_checks([], "")
            self.summary.setText(self.tr("Checks run when the story is analysed."))
        else:
            self.model.set_checks(list(sheet.checks), sheet.article.text)
            count = self.model.open_count()
            if count == 0:
                self.summary.setText(self.tr("No open checks."))
            else:
                words = self.tr("1 open check") if count == 1 else self.tr("%d open checks") % count
                self.summary.setText(words + self.tr(": the story held against itself"))
        if chosen is not None:
            self.select(chosen.id)
        self._update_buttons()
        self.open_count_changed.emit(self.model.open_count() if sheet is not None else 0)

    def _paused(self) -> None:
        """The editor paused typing: move the sheet onto the text on the worker, then show."""
        if self._moving is not None:
            return  # one at a time: its result is stale, and a refresh follows it
        moving = self.session.moving()
        if moving is None:
            self.refresh()  # the sheet describes the text, or its move is known
            return
        self._moving = moving
        self._worker.run(moving.run, on_success=self._moved, on_failure=self._not_moved)

    def _moved(self, moved: FactSheet) -> None:
        moving, self._moving = self._moving, None
        if moving is not None and self.session.keep_moved(moving, moved):
            self.refresh()
        else:
            self._typing.start()  # the text or the sheet changed meanwhile: after a pause

    def _not_moved(self, error: BaseException) -> None:
        moving, self._moving = self._moving, None
        if moving is not None and self.session.is_current(moving):
            # Nothing changed under it: a real failure, not a sheet read while it changed.
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            self._typing.start()

    def shutdown(self) -> None:
        """Stop the worker (the window closes): a move in progress is waited for, then dropped."""
        self._typing.stop()
        self._worker.shutdown()

    def current(self) -> Check | None:
        """The selected check."""
        check = self.view.currentIndex().data(CHECK_ROLE)
        return check if isinstance(check, Check) else None

    def select(self, check_id: str) -> bool:
        index = self.model.index_of(check_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        return True

    def _show(self, index: QModelIndex) -> None:
        check = index.data(CHECK_ROLE)
        if isinstance(check, Check) and check.spans:
            first = check.spans[0]
            self._show_span(first.start, first.end)

    def _update_buttons(self) -> None:
        check = self.current()
        self.resolve_button.setEnabled(check is not None and check.status != "resolved")
        self.dismiss_button.setEnabled(check is not None and check.status != "dismissed")
        self.reopen_button.setEnabled(check is not None and not check.is_open)

    # -- verdicts ---------------------------------------------------------------------------

    def resolve(self) -> bool:
        """The selected check is resolved (the copy was fixed or the desk is satisfied)."""
        return self._verdict("resolved", self.tr("Resolve check"))

    def dismiss(self) -> bool:
        """The selected check is dismissed (the copy is right as it stands)."""
        return self._verdict("dismissed", self.tr("Dismiss check"))

    def reopen(self) -> bool:
        """The selected check is open again."""
        check = self.current()
        if check is None:
            return False
        return self.give_verdict(check.id, "open", "", self.tr("Reopen check"))

    def _verdict(self, status: str, title: str) -> bool:
        check = self.current()
        if check is None:
            return False
        note = self.ask_note(title, check)
        if note is None:
            return False
        return self.give_verdict(check.id, status, note, title)

    def give_verdict(self, check_id: str, status: str, note: str, title: str = "") -> bool:
        """Resolve, dismiss or reopen ``check_id`` with ``note``: one undoable correction."""
        editor = self._signature.name() if status != "open" else None
        check = self.model.check(self.model.row_of(check_id) or 0)
        words = quoted(check.message, 40) if check is not None else ""
        try:
            self.session.correct(
                f"{title or status.capitalize()} {words}".strip(),
                lambda sheet: edits.set_check_verdict(sheet, check_id, status, note, editor=editor),
            )
        except EditError as error:
            self._notices.warn(self.tr("Check not answered"), str(error))
            return False
        self.select(check_id)
        return True

    def _ask_note(self, title: str, check: Check) -> str | None:
        note, ok = QInputDialog.getText(
            self,
            title,
            self.tr("%s\n\nYour note (what was done, or why it stands):") % check.message,
            QLineEdit.EchoMode.Normal,
            check.note,
        )
        return note if ok else None

    # -- the desk's words -------------------------------------------------------------------

    def edit_words(self) -> bool:
        """Edit the words to weigh and run the checks again with them."""
        return self.ask_words()

    def _ask_words(self) -> bool:
        dialog = WordsDialog(self.words_file.read(), self)
        if dialog.exec() != WordsDialog.DialogCode.Accepted:
            return False
        return self.set_words(dialog.words())

    def set_words(self, words: EditorWords) -> bool:
        """Keep the editor's words and run the checks again with them."""
        try:
            self.words_file.write(words)
        except NewsdeskError as error:
            self._notices.warn(self.tr("Words not kept"), str(error))
            return False
        self.session.set_check_settings(CheckSettings.of_editor(words))
        self.refresh()
        return True


def build_checks_panel(
    session: StorySession,
    signature: Signature,
    notices: Notices,
    show_span: Callable[[int, int], None],
    folder: Path | None,
) -> ChecksPanel:
    """The Checks panel of a window; the desk's words kept in the preferences ``folder``."""
    return ChecksPanel(session, signature, notices, show_span, EditorWordsFile(folder))
