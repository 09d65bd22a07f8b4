"""The main window: the article on the left, its facts and history on the right.

:class:`MainWindow` builds the widgets and the helpers around one
:class:`~newsdesk.core.work.session.StorySession` — the one owner of the open
story — and repaints the views when the session says something changed (the
only place that does). Helpers get the session and the widgets they act on,
never the window: corrections and the verification pass (``gui.facts``),
history and library (``gui.history``), paper and files (``gui.printing``), the
desk server's sync (``gui.desk_sync``), and the story flows — open, save,
recover (:mod:`newsdesk.gui.stories`). The public methods below are the
window's API for scripts and tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from newsdesk.core.article.wire import clean_text
from newsdesk.core.output.wording import sheet_counts
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.identity import headline_of
from newsdesk.core.work.session import StorySession
from newsdesk.core.work.versions import SavedVersion
from newsdesk.gui.action_factory import make_action
from newsdesk.gui.actions import MenuItems, WindowActions, build_menus
from newsdesk.gui.analysis import AnalysisController, ExtractorLoader
from newsdesk.gui.article.highlighter import FactSpan, sheet_spans
from newsdesk.gui.article.offsets import OffsetMap
from newsdesk.gui.article.story_date_bar import StoryDateBar
from newsdesk.gui.checks.checks_panel import build_checks_panel
from newsdesk.gui.desk_sync import DeskSyncController
from newsdesk.gui.draft import DraftKeeper
from newsdesk.gui.facts.corrections import CorrectionController
from newsdesk.gui.facts.fact_actions import FactActions
from newsdesk.gui.facts.staleness import StaleWatch
from newsdesk.gui.facts.verification import VerificationPass
from newsdesk.gui.history.history_actions import HistoryActions
from newsdesk.gui.notices import Notices
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.printing.print_actions import PrintActions
from newsdesk.gui.register.keeper import RegisterKeeper
from newsdesk.gui.signature import Signature
from newsdesk.gui.stories import StoryFlow
from newsdesk.gui.tasks import TaskRunner
from newsdesk.gui.workspace import Workspace
from newsdesk.storage import Store, VersionInfo

log = logging.getLogger(__name__)

Button = QMessageBox.StandardButton


class MainWindow(QMainWindow):
    """The newsdesk window on one store (see the module docstring).

    The window owns the ``store`` and ``runner`` it is given and closes them
    when it closes. Signals: ``analysis_finished()`` after a fresh analysis was
    taken into the story, ``saved(VersionInfo)`` after a version was stored.
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
        self._closed = False
        self._offsets: tuple[str, OffsetMap] | None = None
        # The highlights of a merged sheet, worked out on the NLP thread before it lands.
        self._prepared_spans: tuple[FactSheet, list[FactSpan]] | None = None
        self.session = session = StorySession()

        self.workspace = Workspace(self)
        self.setCentralWidget(self.workspace)
        self.editor = self.workspace.editor
        self.legend = self.workspace.legend
        self.facts_panel = self.workspace.facts_panel
        self.history_view = self.workspace.history_view
        self._build_status_bar()
        self.notices = notices = Notices(self, self.statusBar())
        self.preferences = preferences or Preferences(None)
        self.signature = Signature(self.preferences, editor_name, self)
        self.analysis = AnalysisController(runner, session, self)
        self.stories = StoryFlow(session, store, self.analysis, self.signature, notices, self)
        self.stale_watch = StaleWatch(session, self.analysis, self.facts_panel)
        self.story_date_bar = StoryDateBar(session, self)
        self.workspace.place_above_article(self.story_date_bar)
        self.story_date_bar.refused.connect(
            lambda message: notices.warn(self.tr("Story date not set"), message)
        )
        self.corrections = CorrectionController(
            session, self.editor, self.facts_panel, self.signature, notices, self
        )
        self.verification = VerificationPass(
            self, session, self.facts_panel, self.corrections, self.show_fact, notices
        )
        self.history_actions = HistoryActions(
            self, session, store, self.history_view, self.stories, self.signature, notices
        )
        self.checks_panel = build_checks_panel(
            session, self.signature, notices, self.editor.show_span, self.preferences.folder
        )
        self.workspace.add_lower_tab(self.checks_panel, self.tr("Chec&ks"))
        self.checks_panel.open_count_changed.connect(self._checks_counted)
        self.show_checks = make_action(
            self, "actionChecks", self.tr("Show the Desk's Chec&ks"), self._show_checks, "F8"
        )
        self.print_actions = PrintActions(
            self, session, store, self.stories, notices, self.preferences
        )
        self.actions_ = WindowActions(
            self,
            session,
            self.stories,
            self.analysis,
            self.facts_panel,
            self.corrections,
            self.history_actions.open_library,
            self.preferences,
        )
        self.fact_actions = FactActions(
            self,
            session,
            self.corrections,
            self.facts_panel,
            self.editor,
            self.verification,
            editing=[self.actions_.undo, self.actions_.redo],
        )
        self.register_keeper = RegisterKeeper(
            store.register, session, self.signature.name, notices, self.analysis.set_register, self
        )
        self.corrections.recorder = self.register_keeper.record
        self.analysis.before_analysis.append(self.register_keeper.refresh)
        self.analysis.on_worker.append(self._prepare_spans)
        self.desk_sync = DeskSyncController(self, store.path, self.preferences.folder, notices)
        self.desk_sync.synced.connect(lambda _report: self.session.refresh_versions(self.store))
        self.history_actions.remote_library = self.desk_sync.look_up
        self.history_actions.sync_requested = self.desk_sync.sync_now
        self._build_menus()
        self.drafts = DraftKeeper(session, store, draft_folder, self.stories.restore_work, self)
        self._connect()
        self.resize(1280, 800)
        self._update_title()

    def _build_status_bar(self) -> None:
        self.state_label = QLabel(self.tr("Loading language model…"), self)
        self.counts_label = QLabel(self)
        self.model_label = QLabel(self)
        bar = self.statusBar()
        bar.addWidget(self.state_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.model_label)

    def _build_menus(self) -> None:
        window, prints, history = self.actions_, self.print_actions, self.history_actions
        facts = self.fact_actions
        build_menus(
            self,
            MenuItems(
                file=[window.new, window.open, window.recent_menu, window.open_story,
                      prints.import_json, None, window.save, None, prints.print,
                      prints.export_pdf, prints.export_file, None, history.view_version,
                      history.compare_versions, history.restore_version, None,
                      history.backup, None, self.desk_sync.sync_action,
                      self.desk_sync.settings_action, None, window.quit],
                edit=[window.undo, window.redo, None, window.find, None, facts.history, None,
                      window.language_menu],
                analysis=[window.extract, window.verify, self.show_checks],
                facts=[*self.verification.actions, None, facts.kinds_menu, *facts.menu_actions,
                       None, self.register_keeper.action],
                help=[window.shortcuts, window.about],
            ),
        )  # fmt: skip

    def _connect(self) -> None:
        events = self.session.events
        events.text_replaced.connect(self.editor.apply_change)
        events.sheet_replaced.connect(self._sheet_replaced)
        events.facts_changed.connect(self._facts_changed)
        events.story_changed.connect(self._update_title)
        events.dirty_changed.connect(self._update_title)
        events.text_changed.connect(self._update_title)
        events.saved.connect(self.saved.emit)
        # contentsChange, not textChanged: re-highlighting emits textChanged too.
        self.editor.document().contentsChange.connect(self._text_edited)
        self.editor.undo_requested.connect(self.session.undo)
        self.editor.redo_requested.connect(self.session.redo)
        self.editor.position_clicked.connect(self._caret_moved)
        self.editor.files_dropped.connect(self._files_dropped)
        self.editor.paste_guard = self.stories.guard_paste
        self.legend.hidden_changed.connect(self.editor.highlighter.set_hidden_groups)
        self.facts_panel.fact_activated.connect(self.show_fact)
        self.analysis.model_loaded.connect(self._model_loaded)
        self.analysis.model_failed.connect(self._model_failed)
        self.analysis.busy_changed.connect(self._busy_changed)
        self.analysis.result_applied.connect(self._analysis_applied)
        self.analysis.analysis_failed.connect(self._analysis_failed)
        self.stories.waiting_to_save.connect(
            lambda: self.state_label.setText(self.tr("Analysing before saving…"))
        )

    # -- public API -----------------------------------------------------------------------

    @property
    def current_sheet(self) -> FactSheet | None:
        """The fact sheet shown (it may lag the text until the next analysis)."""
        return self.session.sheet

    @property
    def story_slug(self) -> str | None:
        """The slug of the story being edited, once it has been saved or opened."""
        return self.session.story

    @property
    def current_version(self) -> SavedVersion | None:
        """The saved version the window last saved or opened."""
        return self.session.version

    @property
    def is_dirty(self) -> bool:
        return self.session.dirty

    @property
    def in_sync(self) -> bool:
        """Whether the current sheet describes exactly the text in the editor."""
        return self.session.in_sync

    @property
    def ask_unsaved(self) -> Callable[[], Button]:
        """The question asked before unsaved work is dropped (Save, Discard or Cancel)."""
        return self.stories.ask_unsaved

    @ask_unsaved.setter
    def ask_unsaved(self, ask: Callable[[], Button]) -> None:
        self.stories.ask_unsaved = ask

    def start(self, loader: ExtractorLoader) -> None:
        """Load the language model in the background (the window is usable meanwhile)."""
        self.analysis.load(loader)

    def set_article_text(self, text: str) -> None:
        """Replace the article text (cleaned, undoable) in the current story."""
        self.session.replace_text(clean_text(text))

    def analyse_now(self) -> bool:
        """Analyse the text now rather than after the typing pause."""
        return self.analysis.analyse_now()

    def show_fact(self, fact_id: str) -> None:
        """Select the fact's first mention in the text and mark the others."""
        spans = self.editor.highlighter.spans_of(fact_id)
        if not spans:
            self.notices.status(
                self.tr("That fact's words were edited; it is found again after analysis.")
            )
            return
        first, rest = spans[0], spans[1:]
        self.editor.show_qt_range(first.start, first.end, [(s.start, s.end) for s in rest])

    def save(self, message: str = "") -> VersionInfo | None:
        """Store the sheet as a new version (see :meth:`StoryFlow.save`)."""
        return self.stories.save(message)

    def open_file(self, path: Path | str) -> None:
        """Open an article file as a new, unsaved story, read in the background
        (``stories.file_read(path, opened)`` tells when; a message if unreadable)."""
        self.stories.open_file(path)

    def open_story(self, slug: str, number: int | None = None) -> bool:
        """Open a saved version (the latest by default) of story ``slug``."""
        return self.stories.open_story(slug, number)

    def restore_work(self, text: str, sheet: FactSheet | None, slug: str | None) -> None:
        """Put recovered unsaved work back: its story (if saved before), text and facts."""
        self.stories.restore_work(text, sheet, slug)

    def verify_selected(self, verified: bool = True) -> bool:
        """Mark the fact selected in the tree verified (or unverified again)."""
        return self.actions_.verify_selected(verified)

    def maybe_discard(self) -> bool:
        """Whether unsaved work may be dropped (asks the editor when there is some)."""
        return self.stories.maybe_discard()

    def shutdown(self) -> None:
        """Stop background work and close the database (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self.analysis.cancel_pending()
        self.drafts.stop()
        self.checks_panel.shutdown()
        self.desk_sync.shutdown()
        self.runner.shutdown()
        self.stories.files.shutdown()
        self.store.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            if not self.maybe_discard():
                event.ignore()
                return
            self.drafts.discard()  # the work was saved, or dropped on purpose
        self.shutdown()
        event.accept()

    # -- the one repaint -----------------------------------------------------------------------

    def _sheet_replaced(self) -> None:
        sheet = self.session.shown_sheet()  # on the text as it is, even mid-typing
        self.facts_panel.set_sheet(sheet)
        prepared, self._prepared_spans = self._prepared_spans, None
        if sheet is None:
            spans = []
        elif prepared is not None and prepared[0] is sheet:
            spans = prepared[1]
        else:
            spans = sheet_spans(sheet)
        self.editor.highlighter.set_spans(spans)
        self._show_counts()

    def _prepare_spans(self, sheet: FactSheet) -> None:
        """On the NLP thread: the highlights of a merged sheet (it is not shown yet, so
        nothing changes it), kept for :meth:`_sheet_replaced` if that sheet lands."""
        self._prepared_spans = (sheet, sheet_spans(sheet))

    def _facts_changed(self, ids: frozenset[str]) -> None:
        sheet = self.session.sheet
        if sheet is None:
            return
        self.facts_panel.refresh_facts(ids)
        self.editor.highlighter.replace_facts(ids, sheet_spans(sheet, ids, self._offset_map()))
        self._show_counts()

    def _show_counts(self) -> None:
        sheet = self.session.sheet
        self.counts_label.setText(sheet_counts(sheet) if sheet is not None else "")

    def _offset_map(self) -> OffsetMap:
        text = self.session.text
        if self._offsets is None or self._offsets[0] is not text:
            self._offsets = (text, OffsetMap(text))
        return self._offsets[1]

    def _update_title(self, *_: object) -> None:
        """ "Headline — version 3 — newsdesk"; a story never saved says so."""
        session = self.session
        headline = headline_of(session.text) or self.tr("Untitled story")
        if len(headline) > 70:
            headline = headline[:69] + "…"
        if session.version is None:
            where = self.tr("new story, not saved")
        elif session.versions and session.version.number != session.versions[-1].number:
            where = self.tr("version %d of %d") % (session.version.number, len(session.versions))
        else:
            where = self.tr("version %d") % session.version.number
        self.setWindowTitle(f"{headline}[*] — {where} — newsdesk")
        self.setWindowModified(session.dirty)

    # -- reacting ------------------------------------------------------------------------------

    @Slot(int)
    def _checks_counted(self, count: int) -> None:
        title = self.tr("Chec&ks (%n)", "", count) if count else self.tr("Chec&ks")
        tabs = self.workspace.lower_tabs
        tabs.setTabText(tabs.indexOf(self.checks_panel), title)

    def _show_checks(self) -> None:
        self.workspace.show_lower_tab(self.checks_panel)
        self.checks_panel.view.setFocus()

    @Slot(int, int, int)
    def _text_edited(self, position: int, removed: int, added: int) -> None:
        if removed == added == 0:
            return
        self.session.edit_text(self.editor.toPlainText())

    @Slot(int)
    def _caret_moved(self, position: int) -> None:
        span = self.editor.highlighter.span_at(position)
        if span is not None:
            self.facts_panel.select_fact(span.fact_id)

    @Slot(list)
    def _files_dropped(self, paths: list[Path]) -> None:
        if paths:
            self.stories.open_file(paths[0], ask=True)

    @Slot(str)
    def _model_loaded(self, name: str) -> None:
        self.model_label.setText(name)
        self.state_label.setText(self.tr("Ready"))

    @Slot(str)
    def _model_failed(self, message: str) -> None:
        self.model_label.setText(self.tr("no language model"))
        self.state_label.setText(self.tr("Analysis unavailable"))
        self.notices.message(
            QMessageBox.Icon.Information,
            self.tr("Language model not installed"),
            self.tr(
                "newsdesk cannot find names, figures and dates until an English language "
                "model is installed.\n\n%s\n\nYou can still open, print and export saved "
                "fact sheets."
            )
            % message,
        )

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.state_label.setText(self.tr("Analysing…"))
        elif self.analysis.ready:
            self.state_label.setText(self.tr("Ready"))

    @Slot(object)
    def _analysis_applied(self, report: object) -> None:
        self.analysis_finished.emit()

    @Slot(str)
    def _analysis_failed(self, message: str) -> None:
        self.state_label.setText(self.tr("Analysis failed"))
        self.notices.warn(self.tr("Cannot analyse"), message)
