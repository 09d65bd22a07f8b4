"""The window's own actions — open, save, undo, find, analyse, help — and its menu bar.

Every action has a stable objectName (``actionSave``, ``actionExtract``, …), a
standard shortcut where the platform has one, and a handler that calls the
story flow, the story session or a panel; handlers that need a dialog (choose a
file) live here, so the flows stay dialog-free for scripts and tests.
:func:`build_menus` lays out the menu bar from these and the helpers' actions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from newsdesk.core.work.session import StorySession
from newsdesk.gui.action_factory import Keys, make_action
from newsdesk.gui.analysis import AnalysisController
from newsdesk.gui.facts.corrections import CorrectionController
from newsdesk.gui.facts.facts_panel import FactsPanel
from newsdesk.gui.language import LanguageMenu
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.stories import StoryFlow

if TYPE_CHECKING:
    from newsdesk.gui.shortcut_card import ShortcutCard

log = logging.getLogger(__name__)

Key = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("WindowActions", text)


class WindowActions:
    """The window-wide actions of one window; :meth:`update` keeps them enabled right.

    ``open_library()`` shows the library of saved stories (the history actions own it).
    """

    def __init__(
        self,
        host: QMainWindow,
        session: StorySession,
        stories: StoryFlow,
        analysis: AnalysisController,
        facts_panel: FactsPanel,
        corrections: CorrectionController,
        open_library: Callable[[], object],
        preferences: Preferences,
    ) -> None:
        self._host = host
        self._preferences = preferences
        self._session = session
        self._stories = stories
        self._analysis = analysis
        self._panel = facts_panel
        self._corrections = corrections

        def make(name: str, text: str, slot: Callable[..., object], keys: Keys = None) -> QAction:
            return make_action(host, name, text, slot, keys)

        self.new = make("actionNew", _tr("&New Story"), stories.new_story, Key.New)
        self.open = make("actionOpen", _tr("&Open…"), self._open_file, Key.Open)
        self.recent_menu = QMenu(_tr("Open &Recent"), host)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        stories.file_opened.connect(preferences.add_recent_file)
        self.open_story = make(
            "actionOpenStory", _tr("Open Saved &Story…"), open_library, "Ctrl+Shift+O"
        )
        self.save = make("actionSave", _tr("&Save…"), stories.save_asking, Key.Save)
        self.quit = make("actionQuit", _tr("&Quit"), host.close, Key.Quit)
        # One history for text edits and fact corrections alike.
        self.undo = make("actionUndo", _tr("&Undo"), session.undo, Key.Undo)
        self.redo = make("actionRedo", _tr("&Redo"), session.redo, Key.Redo)
        self.find = make("actionFind", _tr("&Find Fact…"), facts_panel.focus_filter, Key.Find)
        self.extract = make("actionExtract", _tr("&Analyse Now"), analysis.analyse_now, Key.Refresh)
        self.verify = make("actionVerify", _tr("Mark Fact &Verified"), self._verify, "Ctrl+E")
        self.verify.setCheckable(True)
        self.about = make("actionAbout", _tr("&About newsdesk"), self._about)
        self.card: ShortcutCard | None = None
        self.shortcuts = make(
            "actionShortcuts", _tr("&Keyboard Shortcuts"), self.show_card, Key.HelpContents
        )
        self.language_menu = LanguageMenu(preferences.language, self.choose_language, host)
        self.verify.setStatusTip(_tr("Mark the fact selected in the list as checked"))
        self.extract.setStatusTip(_tr("Find the facts in the text now"))
        for event in (
            session.events.history_changed,
            session.events.sheet_replaced,
            session.events.facts_changed,
            session.events.text_changed,
        ):
            event.connect(self.update)
        facts_panel.current_fact_changed.connect(self.update)
        analysis.model_loaded.connect(self.update)
        analysis.model_failed.connect(self.update)
        self.update()

    def update(self, *_: object) -> None:
        """Enable what makes sense now; tick Verify for a verified fact."""
        session = self._session
        has_text = bool(session.text)
        self.save.setEnabled(has_text)
        self.extract.setEnabled(self._analysis.ready and has_text)
        self.undo.setEnabled(session.can_undo)
        self.redo.setEnabled(session.can_redo)
        fact_id = self._panel.current_fact_id()
        fact = session.find(fact_id) if fact_id else None
        self.verify.setEnabled(fact is not None)
        self.verify.blockSignals(True)
        self.verify.setChecked(fact is not None and fact.status == "verified")
        self.verify.blockSignals(False)

    def verify_selected(self, verified: bool = True) -> bool:
        """Mark the fact selected in the tree verified (or unverified again)."""
        fact_id = self._panel.current_fact_id()
        if fact_id is None:
            return False
        return self._corrections.set_status(fact_id, "verified" if verified else "unverified")

    def show_card(self) -> ShortcutCard:
        # The card and the About box are imported when first shown, not as the window opens.
        from newsdesk.gui.shortcut_card import ShortcutCard

        if self.card is None:
            self.card = ShortcutCard(self._host)
        self.card.refresh()
        self.card.show()
        return self.card

    def choose_language(self, code: str) -> None:
        """Keep the interface language for the next start, and say so."""
        self._preferences.set_language(code)
        self._host.statusBar().showMessage(self.language_menu.restart_note(), 8000)

    # -- handlers with dialogs ---------------------------------------------------------

    def fill_recent(self) -> None:
        """The files opened lately, newest first, each with its folder in the tooltip."""
        menu = self.recent_menu
        menu.clear()
        recent = self._preferences.recent_files
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path.name}" if number < 10 else path.name)
            action.setObjectName(f"recentFile{number}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not recent:
            menu.addAction(_tr("(no files yet)")).setEnabled(False)

    def open_recent(self, path: Path) -> bool:
        """Open a recent file (read in the background); one that is gone is said so and
        leaves the list. Whether it was there to open."""
        if not path.is_file():
            self._preferences.forget_recent_file(path)
            self._stories.open_file(path)  # says calmly that it does not exist
            return False
        self._stories.open_file(path, ask=True)
        return True

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._host,
            _tr("Open article"),
            str(self._preferences.start_folder()),
            _tr("Articles (*.txt *.md *.html *.htm);;All files (*)"),
        )
        if path:
            self._preferences.remember_folder(path)
            self._stories.open_file(path, ask=True)

    def _verify(self, checked: bool) -> None:
        self.verify_selected(checked)

    def _about(self) -> None:
        from newsdesk.gui.about import AboutDialog  # see show_card

        AboutDialog(self._host).exec()


@dataclass(frozen=True)
class MenuItems:
    """What goes in each menu, in order; ``None`` is a separator."""

    file: Sequence[QAction | QMenu | None]
    edit: Sequence[QAction | QMenu | None]
    analysis: Sequence[QAction | None]
    facts: Sequence[QAction | QMenu | None]
    help: Sequence[QAction | None]


def build_menus(host: QMainWindow, items: MenuItems) -> None:
    """The menu bar: File, Edit, Analysis, Facts, Help."""
    bar = host.menuBar()
    for title, name, entries in (
        (_tr("&File"), "fileMenu", items.file),
        (_tr("&Edit"), "editMenu", items.edit),
        (_tr("&Analysis"), "analysisMenu", items.analysis),
        (QCoreApplication.translate("FactActions", "Fa&cts"), "factsMenu", items.facts),
        (_tr("&Help"), "helpMenu", items.help),
    ):
        menu = bar.addMenu(title)
        menu.setObjectName(name)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)
