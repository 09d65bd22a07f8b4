"""The main window: article on the left, its facts and history on the right.

:class:`MainWindow` wires the editor, the facts panel, the legend and the
history list to one :class:`~newsdesk.gui.analysis.AnalysisController` and
one :class:`~newsdesk.storage.Store`. It keeps the current
:class:`~newsdesk.core.sheet.model.FactSheet` and the story it belongs to; menus
and actions live in :mod:`newsdesk.gui.actions`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from newsdesk.core.article.reading import read_article_file
from newsdesk.core.article.wire import clean_text, split_article
from newsdesk.core.output.wording import sheet_counts
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.reconcile import rebase, reconcile
from newsdesk.errors import InputError, StorageError
from newsdesk.gui.actions import WindowActions
from newsdesk.gui.analysis import AnalysisController, ExtractorLoader
from newsdesk.gui.article.highlighter import sheet_spans
from newsdesk.gui.draft import DraftKeeper
from newsdesk.gui.facts.corrections import CorrectionController
from newsdesk.gui.facts.fact_actions import FactActions
from newsdesk.gui.facts.verification import VerificationPass
from newsdesk.gui.history.history_actions import HistoryActions
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.tasks import TaskRunner
from newsdesk.gui.workspace import Workspace
from newsdesk.storage import Store, VersionInfo

log = logging.getLogger(__name__)

Button = QMessageBox.StandardButton


class MainWindow(QMainWindow):
    """The newsdesk window on one store (see the module docstring).

    The window owns the ``store`` and ``runner`` it is given and closes them
    when it closes. ``ask_unsaved`` is the question asked before unsaved work
    is dropped (a callable returning Save, Discard or Cancel); scripts and
    tests may replace it.

    Signals: ``analysis_finished()`` after a result has been applied,
    ``saved(VersionInfo)`` after a version was stored.
    """

    analysis_finished = Signal()
    saved = Signal(object)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        *,
        editor_name: str = "",
        preferences: Preferences | None = None,
        draft_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.store = store
        self.runner = runner
        runner.setParent(self)
        self.editor_name = editor_name
        self.ask_unsaved: Callable[[], Button] = self._ask_unsaved
        self._sheet: FactSheet | None = None
        self._sheet_revision = -1
        self._slug: str | None = None
        self._version: VersionInfo | None = None
        self._dirty = False
        self._loading = False  # the window itself is replacing the text
        self._save_message: str | None = None  # a save waiting for its analysis
        self._closed = False

        self.workspace = Workspace(self)
        self.setCentralWidget(self.workspace)
        self.editor = self.workspace.editor
        self.legend = self.workspace.legend
        self.facts_panel = self.workspace.facts_panel
        self.history_view = self.workspace.history_view
        self.analysis = AnalysisController(runner, self.editor.toPlainText, self)
        # Corrections (and the one undo stack) first: the Edit menu's actions use them.
        self.corrections = CorrectionController(self, preferences or Preferences(None))
        self.actions_ = WindowActions(self)
        self.history_actions = HistoryActions(self)  # view, compare, restore, library, backup
        self.verification = VerificationPass(self)
        self.fact_actions = FactActions(self)
        self.fact_actions.build_menus()
        self.legend.hidden_changed.connect(self.editor.highlighter.set_hidden_groups)
        self.drafts = DraftKeeper(self, draft_folder)
        self._build_status_bar()
        self._connect()
        self.resize(1280, 800)
        self._update_title()
        self._update_actions()

    def _build_status_bar(self) -> None:
        self.state_label = QLabel(self.tr("Loading language model…"), self)
        self.counts_label = QLabel(self)
        self.model_label = QLabel(self)
        bar = self.statusBar()
        bar.addWidget(self.state_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.model_label)

    def _connect(self) -> None:
        # contentsChange, not textChanged: re-highlighting emits textChanged too.
        self.editor.document().contentsChange.connect(self._text_changed)
        self.editor.position_clicked.connect(self._caret_moved)
        self.editor.files_dropped.connect(self._files_dropped)
        self.facts_panel.fact_activated.connect(self.show_fact)
        self.facts_panel.current_fact_changed.connect(self._update_actions)
        self.history_view.version_activated.connect(self._version_activated)
        self.analysis.model_loaded.connect(self._model_loaded)
        self.analysis.model_failed.connect(self._model_failed)
        self.analysis.busy_changed.connect(self._busy_changed)
        self.analysis.result_ready.connect(self._apply_result)
        self.analysis.analysis_failed.connect(self._analysis_failed)

    # -- public API -----------------------------------------------------------------------

    @property
    def current_sheet(self) -> FactSheet | None:
        """The fact sheet shown (it may lag the text until the next analysis)."""
        return self._sheet

    @property
    def story_slug(self) -> str | None:
        """The slug of the story being edited, once it has been saved or opened."""
        return self._slug

    @property
    def current_version(self) -> VersionInfo | None:
        """The saved version the window last saved or opened."""
        return self._version

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def in_sync(self) -> bool:
        """Whether the current sheet describes exactly the text in the editor."""
        return self._sheet_revision == self.analysis.revision

    def start(self, loader: ExtractorLoader) -> None:
        """Load the language model in the background (the window is usable meanwhile)."""
        self.analysis.load(loader)

    def set_article_text(self, text: str) -> None:
        """Replace the article text (cleaned, undoable) in the current story."""
        cursor = QTextCursor(self.editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(clean_text(text))

    def analyse_now(self) -> bool:
        """Analyse the text now rather than after the typing pause."""
        return self.analysis.analyse_now()

    def show_fact(self, fact_id: str) -> None:
        """Select the fact's first mention in the text and mark the others."""
        spans = self.editor.highlighter.spans_of(fact_id)
        if not spans:
            self.statusBar().showMessage(
                self.tr("That fact's words were edited; it is found again after analysis."), 4000
            )
            return
        first, rest = spans[0], spans[1:]
        self.editor.show_qt_range(first.start, first.end, [(s.start, s.end) for s in rest])

    def save(self, message: str = "") -> VersionInfo | None:
        """Store the sheet as a new version of the story (the first save creates it).

        When the text changed since the last analysis, the analysis runs
        first and the version is stored when it lands (``saved`` is emitted);
        ``None`` is returned then, and on errors (which are shown).
        """
        text = self.editor.toPlainText()
        if not text.strip():
            self.statusBar().showMessage(self.tr("Nothing to save: the article is empty."), 4000)
            return None
        sheet = self._sheet
        if not self.in_sync or sheet is None:
            if self.analysis.ready:
                self._save_message = message
                self.state_label.setText(self.tr("Analysing before saving…"))
                self.analysis.analyse_now()
                return None
            # Without a model the text is still worth keeping, without facts.
            sheet = FactSheet(article=split_article(text))
        return self._store_version(sheet, message)

    def open_file(self, path: Path | str) -> bool:
        """Open an article file as a new, unsaved story; ``False`` (and a message) if unreadable."""
        try:
            text = clean_text(read_article_file(path))
        except InputError as error:
            self.show_message(QMessageBox.Icon.Warning, self.tr("Cannot open file"), str(error))
            return False
        self._set_story(None, None)
        self._set_sheet(None, -1)
        self.editor.setPlainText(text)
        self.corrections.reset()
        self.analysis.analyse_now()
        self.statusBar().showMessage(self.tr("Opened %s") % Path(path).name, 4000)
        return True

    def open_story(self, slug: str, number: int | None = None) -> bool:
        """Open a saved version (the latest by default) of story ``slug``."""
        try:
            sheet = self.store.load_version(slug, number)
            versions = self.store.versions(slug)
        except (StorageError, LookupError) as error:
            self.show_message(QMessageBox.Icon.Warning, self.tr("Cannot open story"), str(error))
            return False
        wanted = number if number is not None else max(v.number for v in versions)
        version = next((v for v in versions if v.number == wanted), None)
        self._loading = True
        try:
            self.editor.setPlainText(sheet.article.text)
        finally:
            self._loading = False
        # The saved sheet describes this very text: no analysis, no lost statuses.
        self.analysis.cancel_pending()
        self.corrections.reset()
        self._set_story(slug, version, versions)
        self._set_sheet(sheet, self.analysis.revision)
        self._set_dirty(False)
        return True

    def verify_selected(self, verified: bool = True) -> bool:
        """Mark the fact selected in the tree verified (or unverified again)."""
        fact_id = self.facts_panel.current_fact_id()
        if fact_id is None:
            return False
        return self.corrections.set_status(fact_id, "verified" if verified else "unverified")

    def replace_sheet(self, sheet: FactSheet) -> None:
        """Show a corrected or moved ``sheet`` without changing whether it is analysed."""
        self._set_sheet(sheet, self._sheet_revision)

    def set_modified(self, modified: bool = True) -> None:
        """Mark the story as having (or not having) unsaved changes."""
        self._set_dirty(modified)

    def restore_work(self, text: str, sheet: FactSheet | None, slug: str | None) -> None:
        """Put recovered unsaved work back: its story (if saved before), text and facts."""
        try:
            versions = self.store.versions(slug) if slug else []
        except (StorageError, LookupError):
            versions = []
        latest = max(versions, key=lambda v: v.number) if versions else None
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self.corrections.reset()
        self._set_story(slug if versions else None, latest, versions)
        if sheet is not None and sheet.article.text == text:
            self.analysis.cancel_pending()
            self._set_sheet(sheet, self.analysis.revision)
        else:  # analysed again when the model is ready, keeping the corrections
            self._set_sheet(rebase(sheet, text) if sheet is not None else None, -1)
            self.analysis.analyse_now()
        self._set_dirty(True)

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block the caller."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def maybe_discard(self) -> bool:
        """Whether unsaved work may be dropped (asks the editor when there is some)."""
        if not self._dirty:
            return True
        answer = self.ask_unsaved()
        if answer == Button.Discard:
            return True
        if answer == Button.Save:
            return self.save() is not None
        return False

    def shutdown(self) -> None:
        """Stop background work and close the database (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self.analysis.cancel_pending()
        self.drafts.stop()
        self.runner.shutdown()
        self.store.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            if not self.maybe_discard():
                event.ignore()
                return
            self.drafts.discard()  # the work was saved, or dropped on purpose
        self.shutdown()
        event.accept()

    # -- reacting ------------------------------------------------------------------------------

    @Slot(int, int, int)
    def _text_changed(self, position: int, removed: int, added: int) -> None:
        if removed == added == 0:
            return
        self.analysis.text_changed()
        if not self._loading:
            self._set_dirty(bool(self.editor.toPlainText().strip()) or self._slug is not None)
        self._update_actions()

    @Slot(int)
    def _caret_moved(self, position: int) -> None:
        span = self.editor.highlighter.span_at(position)
        if span is not None:
            self.facts_panel.select_fact(span.fact_id)

    @Slot(list)
    def _files_dropped(self, paths: list[Path]) -> None:
        if paths and self.maybe_discard():
            self.open_file(paths[0])

    @Slot(int)
    def _version_activated(self, number: int) -> None:
        if self._slug and (
            number == getattr(self._version, "number", None) or self.maybe_discard()
        ):
            self.open_story(self._slug, number)

    @Slot(str)
    def _model_loaded(self, name: str) -> None:
        self.model_label.setText(name)
        self.state_label.setText(self.tr("Ready"))
        self._update_actions()

    @Slot(str)
    def _model_failed(self, message: str) -> None:
        self.model_label.setText(self.tr("no language model"))
        self.state_label.setText(self.tr("Analysis unavailable"))
        self._save_message = None
        self.show_message(
            QMessageBox.Icon.Information,
            self.tr("Language model not installed"),
            self.tr(
                "newsdesk cannot find names, figures and dates until an English language "
                "model is installed.\n\n%s\n\nYou can still open, print and export saved "
                "fact sheets."
            )
            % message,
        )
        self._update_actions()

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.state_label.setText(self.tr("Analysing…"))
        elif self.analysis.ready:
            self.state_label.setText(self.tr("Ready"))

    @Slot(object, int)
    def _apply_result(self, sheet: FactSheet | None, revision: int) -> None:
        if sheet is not None:
            merged = reconcile(self._sheet, sheet)  # the editor's work is never replaced
            sheet = merged.sheet
            notices = []
            if merged.rechecked:
                notices.append(self.tr("%d changed figures to re-check") % merged.rechecked)
            if merged.flagged:
                notices.append(
                    self.tr("%d checked facts lost their words; they are marked in the list")
                    % merged.flagged
                )
            if notices:
                self.statusBar().showMessage(" · ".join(notices), 8000)
        self._set_sheet(sheet, revision)
        if self._save_message is not None:
            message, self._save_message = self._save_message, None
            if sheet is not None:
                self._store_version(sheet, message)
        self.analysis_finished.emit()

    @Slot(str)
    def _analysis_failed(self, message: str) -> None:
        self._save_message = None
        self.state_label.setText(self.tr("Analysis failed"))
        self.show_message(QMessageBox.Icon.Warning, self.tr("Cannot analyse"), message)

    # -- state ---------------------------------------------------------------------------------

    def _store_version(self, sheet: FactSheet, message: str) -> VersionInfo | None:
        try:
            slug = self._slug or self.store.new_slug(sheet.article.headline or "story")
            based_on = self._version.number if self._version and self._slug == slug else None
            info = self.store.save_version(
                slug, sheet, editor=self.editor_name, message=message, parent=based_on
            )
            versions = self.store.versions(slug)
        except StorageError as error:
            # The text and sheet stay in the window, still marked unsaved.
            self.show_message(QMessageBox.Icon.Warning, self.tr("Not saved"), str(error))
            return None
        self._set_story(slug, info, versions)
        self._set_dirty(False)
        if based_on is not None and info.number <= based_on:
            # The store made no version: the sheet is the same as the newest one.
            shown = self.tr("No changes since version %d; nothing saved") % info.number
        else:
            shown = self.tr("Saved version %d") % info.number
        self.statusBar().showMessage(shown, 8000)
        self.saved.emit(info)
        return info

    def _set_sheet(self, sheet: FactSheet | None, revision: int) -> None:
        self._sheet = sheet
        self._sheet_revision = revision
        self.facts_panel.set_sheet(sheet)
        self.editor.highlighter.set_spans(sheet_spans(sheet) if sheet is not None else [])
        self.counts_label.setText(sheet_counts(sheet) if sheet is not None else "")
        self._update_actions()

    def _set_story(
        self, slug: str | None, version: VersionInfo | None, versions: Sequence[VersionInfo] = ()
    ) -> None:
        self._slug = slug
        self._version = version
        self.history_view.history.set_versions(list(versions), version.number if version else None)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self._update_title()

    def _update_title(self) -> None:
        headline = self.editor.document().firstBlock().text().strip() or self.tr("Untitled story")
        if len(headline) > 80:
            headline = headline[:79] + "…"
        self.setWindowTitle(f"{headline}[*] — newsdesk")
        self.setWindowModified(self._dirty)

    @Slot()
    def _update_actions(self) -> None:
        self.actions_.update(self)

    def _ask_unsaved(self) -> Button:
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("This story has changes that are not saved. Save them first?"),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
