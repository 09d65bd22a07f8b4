"""The story-level flows of the window: new, open a file or a saved version, save, recover.

:class:`StoryFlow` joins the story session, the store and the analysis for the
few things an editor does to a whole story. Which story the work belongs to is
always explicit: File › New starts one, and copy pasted or opened over a saved
story is asked about — a new story, or an update of the open one
(:meth:`StoryFlow.ask_identity`), the likelier answer offered first. Saving a
text that changed since its last analysis waits for that analysis, then stores
the version. Whatever would drop unsaved work asks first
(:meth:`StoryFlow.maybe_discard`). Failures of the disk or the file are told
calmly; nothing is lost by them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Literal, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.core.article.reading import read_article_file
from newsdesk.core.article.wire import clean_text
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.identity import headline_of, is_update
from newsdesk.core.work.reconcile import Reconciled
from newsdesk.core.work.session import StorySession
from newsdesk.errors import DatabaseCorruptError, NewsdeskError, SheetError, StorageError
from newsdesk.gui.analysis import AnalysisController
from newsdesk.gui.notices import Notices
from newsdesk.gui.save_dialog import SaveMessageDialog
from newsdesk.gui.signature import Signature
from newsdesk.gui.tasks import TaskRunner
from newsdesk.storage import Store, VersionInfo

log = logging.getLogger(__name__)

Button = QMessageBox.StandardButton
Identity = Literal["new", "update", "cancel"]
T = TypeVar("T")
# A paste this large that replaces most of a saved story is asked about.
_STORY_PASTE_CHARS = 200
_MOST_OF_THE_TEXT = 0.8


class StoryFlow(QObject):
    """Starting, opening, saving and recovering the session's story (see the module docstring).

    Questions scripts and tests may replace: ``ask_unsaved() -> Save | Discard |
    Cancel`` before unsaved work is dropped; ``ask_identity(headline, likely_update)
    -> "new" | "update" | "cancel"`` when copy comes in over a saved story;
    ``ask_last_good(problem, number) -> bool`` when the version asked for is
    damaged and version ``number`` is the newest before it that reads back. Signals:
    ``waiting_to_save()`` — a save waits for the analysis of the new text;
    ``file_read(path, opened)`` — a file opened with :meth:`open_file` was read
    (and taken in, or not); ``file_opened(str)`` — an article file was taken in (its
    path, for the recent files). Files are read on a thread of their own
    (``files``), never the GUI thread and never the NLP one.
    """

    waiting_to_save = Signal()
    file_read = Signal(str, bool)
    file_opened = Signal(str)

    def __init__(
        self,
        session: StorySession,
        store: Store,
        analysis: AnalysisController,
        signature: Signature,
        notices: Notices,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self.analysis = analysis
        self.signature = signature
        self.ask_unsaved: Callable[[], Button] = self._ask_unsaved
        self.ask_identity: Callable[[str, bool], Identity] = self._ask_identity
        self.ask_message: Callable[[str, str], str | None] = self._ask_message
        self.ask_last_good: Callable[[str, int], bool] = self._ask_last_good
        self.message_asked = True  # until the editor says not to, this session
        self._last_message = ""
        self._parent = parent
        self._notices = notices
        self._save_message: str | None = None  # a save waiting for its analysis
        self.files = TaskRunner(self, max_threads=1)
        analysis.result_applied.connect(self._analysed)
        analysis.model_failed.connect(self._forget_save)
        analysis.analysis_failed.connect(self._forget_save)

    # -- whole stories ---------------------------------------------------------------------

    def new_story(self) -> bool:
        """Start a new, empty story (asking first about unsaved work); whether it did."""
        if not self.maybe_discard():
            return False
        self.session.new_story()
        return True

    def open_file(self, path: Path | str, *, ask: bool = False) -> None:
        """Open an article file as a new, unsaved story, read off the GUI thread.

        ``file_read(path, opened)`` tells when it is done; an unreadable file
        gives a message and changes nothing. With ``ask`` and a saved story
        open, the editor chooses whether the file is a new story or an update
        of the open one (its corrections carry over).
        """
        name = str(path)
        self.read_in_background(
            lambda: clean_text(read_article_file(name)),
            lambda text: self._emit_read(name, self._opened(name, text, ask=ask)),
            self.tr("Cannot open file"),
            lambda: self.file_read.emit(name, False),
        )

    def read_in_background(
        self,
        read: Callable[[], T],
        done: Callable[[T], None],
        failure_title: str,
        failed: Callable[[], object] = lambda: None,
    ) -> None:
        """Run ``read`` on the file thread; ``done(result)`` back on the GUI thread, or a
        message titled ``failure_title`` (and ``failed()``) when it raised a NewsdeskError."""

        def refused(error: BaseException) -> None:
            if not isinstance(error, NewsdeskError):
                raise error  # a bug: the crash dialog
            self._notices.warn(failure_title, str(error))
            failed()

        self.files.run(read, on_success=done, on_failure=refused)

    def _emit_read(self, path: str, opened: bool) -> None:
        self.file_read.emit(path, opened)

    def _opened(self, path: str, text: str, *, ask: bool) -> bool:
        choice: Identity = "new"
        if ask and self.session.story is not None:
            choice = self.ask_identity(
                headline_of(self.session.text), is_update(self.session.text, text)
            )
        if choice == "cancel" or (choice == "new" and ask and not self.maybe_discard()):
            return False
        if choice == "update":
            self.session.replace_text(text)
        else:
            self.session.new_story(text)
        self.analysis.request()
        self._notices.status(self.tr("Opened %s") % Path(path).name)
        self.file_opened.emit(str(path))
        return True

    def guard_paste(self, pasted: str, start: int, end: int) -> bool:
        """Whether a paste over ``[start, end)`` of the text may go in as an edit of this story.

        A whole story's worth of copy pasted over most of a saved story asks
        whether it is a new story (started here, the paste as its text) or an
        update of the open one (pasted as an edit, corrections carried over).
        """
        session = self.session
        text = session.text
        if session.story is None or len(pasted) < _STORY_PASTE_CHARS:
            return True
        if end - start < _MOST_OF_THE_TEXT * len(text.strip()):
            return True  # an insertion into the story, not copy over it
        after = text[:start] + pasted + text[end:]
        choice = self.ask_identity(headline_of(text), is_update(text, after))
        if choice == "update":
            return True
        if choice == "new" and self.maybe_discard():
            session.new_story(pasted)
            self.analysis.request()
        return False

    def open_story(self, slug: str, number: int | None = None) -> bool:
        """Open a saved version (the latest by default) of story ``slug``."""
        try:
            self.session.open_version(self.store, slug, number)
        except DatabaseCorruptError as error:
            return self._offer_last_good(slug, number, error)
        except (StorageError, LookupError) as error:
            self._notices.warn(self.tr("Cannot open story"), str(error))
            return False
        return True

    def _offer_last_good(self, slug: str, number: int | None, error: StorageError) -> bool:
        """A damaged version: offer the newest version before it that reads back whole."""
        try:
            below = number if number is not None else self.store.version(slug).number
            good = self.store.last_good_version(slug, below=below)
        except (StorageError, LookupError):
            good = None
        if good is None or not self.ask_last_good(str(error), good):
            self._notices.warn(self.tr("Cannot open story"), str(error))
            return False
        return self.open_story(slug, good)

    def restore_work(self, text: str, sheet: FactSheet | None, slug: str | None) -> None:
        """Put recovered or imported unsaved work back: its story (if saved before), text, facts."""
        try:
            versions = self.store.versions(slug) if slug else []
        except (StorageError, LookupError):
            versions = []
        self.session.restore_work(text, sheet, slug, versions)
        if not self.session.in_sync:
            self.analysis.request()  # analysed again, keeping the corrections

    def maybe_discard(self) -> bool:
        """Whether unsaved work may be dropped (asks the editor when there is some)."""
        if not self.session.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == Button.Discard:
            return True
        if answer == Button.Save:
            return self.save() is not None
        return False

    # -- saving ------------------------------------------------------------------------------

    def save(self, message: str = "") -> VersionInfo | None:
        """Store the story as a new version (the first save creates it).

        When the text changed since the last analysis, the analysis runs first
        and the version is stored when it lands; ``None`` is returned then, and
        on errors (which are shown).
        """
        if not self.session.text.strip():
            self._notices.status(self.tr("Nothing to save: the article is empty."))
            return None
        if not self.session.in_sync and self.analysis.ready:
            self._save_message = message
            self.waiting_to_save.emit()
            self.analysis.analyse_now()
            return None
        return self._store(message)

    def save_asking(self) -> VersionInfo | None:
        """Save (File › Save): ask for an optional message first, unless told not to."""
        message = ""
        if self.message_asked:
            number = self.session.version.number + 1 if self.session.version else 1
            story = headline_of(self.session.text) or self.tr("Untitled story")
            heading = self.tr("Save version %d of “%s”") % (number, story)
            answer = self.ask_message(heading, self._last_message)
            if answer is None:
                return None
            message = answer.strip()
            self._last_message = message
        return self.save(message)

    def _store(self, message: str) -> VersionInfo | None:
        based_on = self.session.version.number if self.session.version is not None else None
        try:
            info = self.session.save(self.store, editor=self.signature.current, message=message)
        except (StorageError, SheetError) as error:
            # The text and sheet stay in the window, still marked unsaved.
            self._notices.warn(self.tr("Not saved"), str(error))
            return None
        assert isinstance(info, VersionInfo)
        if based_on is not None and info.number <= based_on:
            # The store made no version: the sheet is the same as the newest one.
            shown = self.tr("No changes since version %d; nothing saved") % info.number
        else:
            shown = self.tr("Saved version %d") % info.number
        self._notices.status(shown, 8000)
        return info

    @Slot(object)
    def _analysed(self, report: Reconciled | None) -> None:
        if report is not None:
            notices = []
            if report.rechecked:
                notices.append(self.tr("%d changed figures to re-check") % report.rechecked)
            if report.flagged:
                notices.append(
                    self.tr("%d checked facts lost their words; they are marked in the list")
                    % report.flagged
                )
            if notices:
                self._notices.status(" · ".join(notices), 8000)
        if self._save_message is not None:
            message, self._save_message = self._save_message, None
            if self.session.sheet is not None:
                self._store(message)

    def _forget_save(self, *_: object) -> None:
        self._save_message = None

    def _ask_message(self, heading: str, message: str) -> str | None:
        dialog = SaveMessageDialog(heading, message, self._parent)
        if dialog.exec() != SaveMessageDialog.DialogCode.Accepted:
            return None
        self.message_asked = not dialog.skip.isChecked()
        return dialog.message.text()

    def _ask_identity(self, headline: str, likely_update: bool) -> Identity:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("New story or update?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Is this copy a new story, or an update of “%s”?") % (headline or "?"))
        box.setInformativeText(
            self.tr(
                "An update becomes the next version of that story, and its checked facts "
                "carry over. A new story starts a history of its own."
            )
        )
        new = box.addButton(self.tr("&New Story"), QMessageBox.ButtonRole.AcceptRole)
        update = box.addButton(self.tr("&Update of This Story"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(update if likely_update else new)
        box.exec()
        clicked = box.clickedButton()
        if clicked is new:
            return "new"
        if clicked is update:
            return "update"
        return "cancel"

    def _ask_last_good(self, problem: str, good: int) -> bool:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Damaged version"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Open version %d, the last one that reads back whole?") % good)
        box.setInformativeText(problem)
        box.setStandardButtons(Button.Open | Button.Cancel)
        box.setDefaultButton(Button.Open)
        return box.exec() == Button.Open

    def _ask_unsaved(self) -> Button:
        return QMessageBox.question(
            self._parent,
            self.tr("Unsaved changes"),
            self.tr("This story has changes that are not saved. Save them first?"),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
