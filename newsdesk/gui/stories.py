"""The story-level flows of the window: open a file or a saved version, save, recover.

:class:`StoryFlow` joins the story session, the store and the analysis for the
few things an editor does to a whole story. Saving a text that changed since its
last analysis waits for that analysis, then stores the version. Whatever would
drop unsaved work asks first (:meth:`StoryFlow.maybe_discard`). Failures of the
disk or the file are told calmly; nothing is lost by them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.core.article.reading import read_article_file
from newsdesk.core.article.wire import clean_text
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.reconcile import Reconciled
from newsdesk.core.work.session import StorySession
from newsdesk.errors import InputError, StorageError
from newsdesk.gui.analysis import AnalysisController
from newsdesk.gui.notices import Notices
from newsdesk.gui.signature import Signature
from newsdesk.storage import Store, VersionInfo

log = logging.getLogger(__name__)

Button = QMessageBox.StandardButton


class StoryFlow(QObject):
    """Opening, saving and recovering the session's story (see the module docstring).

    ``ask_unsaved() -> Save | Discard | Cancel`` is the question asked before
    unsaved work is dropped; scripts and tests may replace it. Signal:
    ``waiting_to_save()`` — a save waits for the analysis of the new text.
    """

    waiting_to_save = Signal()

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
        self._parent = parent
        self._notices = notices
        self._save_message: str | None = None  # a save waiting for its analysis
        analysis.result_applied.connect(self._analysed)
        analysis.model_failed.connect(self._forget_save)
        analysis.analysis_failed.connect(self._forget_save)

    # -- whole stories ---------------------------------------------------------------------

    def open_file(self, path: Path | str) -> bool:
        """Open an article file as a new, unsaved story; ``False`` (and a message) if unreadable."""
        try:
            text = clean_text(read_article_file(path))
        except InputError as error:
            self._notices.warn(self.tr("Cannot open file"), str(error))
            return False
        self.session.new_story(text)
        self.analysis.analyse_now()
        self._notices.status(self.tr("Opened %s") % Path(path).name)
        return True

    def open_story(self, slug: str, number: int | None = None) -> bool:
        """Open a saved version (the latest by default) of story ``slug``."""
        try:
            self.session.open_version(self.store, slug, number)
        except (StorageError, LookupError) as error:
            self._notices.warn(self.tr("Cannot open story"), str(error))
            return False
        return True

    def restore_work(self, text: str, sheet: FactSheet | None, slug: str | None) -> None:
        """Put recovered or imported unsaved work back: its story (if saved before), text, facts."""
        try:
            versions = self.store.versions(slug) if slug else []
        except (StorageError, LookupError):
            versions = []
        self.session.restore_work(text, sheet, slug, versions)
        if not self.session.in_sync:
            self.analysis.analyse_now()  # analysed again, keeping the corrections

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

    def _store(self, message: str) -> VersionInfo | None:
        based_on = self.session.version.number if self.session.version is not None else None
        try:
            info = self.session.save(self.store, editor=self.signature.current, message=message)
        except StorageError as error:
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

    def _ask_unsaved(self) -> Button:
        return QMessageBox.question(
            self._parent,
            self.tr("Unsaved changes"),
            self.tr("This story has changes that are not saved. Save them first?"),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
