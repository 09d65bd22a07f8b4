"""The window's actions and menus: File, Edit, Analysis, Help.

Every action has a stable objectName (``actionSave``, ``actionExtract``, …),
a standard shortcut where the platform has one, and a handler on the window.
Handlers that need a dialog (choose a file, confirm) live here, so the
window's public methods stay dialog-free for scripts and tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

import newsdesk
from newsdesk.core.output.render import RenderOptions
from newsdesk.errors import NewsdeskError
from newsdesk.gui.printing.export_actions import choose_export, choose_import
from newsdesk.gui.printing.options import PrintOptionsDialog, ask_print_options
from newsdesk.gui.printing.pages import export_pdf, print_preview

if TYPE_CHECKING:
    from newsdesk.gui.main_window import MainWindow

log = logging.getLogger(__name__)

Key = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("WindowActions", text)


class WindowActions:
    """Creates the actions and menus of one :class:`MainWindow` and keeps them enabled right."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

        def make(
            name: str, text: str, slot: Callable[..., object], shortcut: Key | str | None = None
        ) -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if isinstance(shortcut, Key):
                action.setShortcuts(shortcut)
            elif shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            window.addAction(action)
            return action

        self.open = make("actionOpen", _tr("&Open…"), self._open_file, Key.Open)
        self.open_story = make(
            "actionOpenStory", _tr("Open Saved &Story…"), self._open_story, "Ctrl+Shift+O"
        )
        self.save = make("actionSave", _tr("&Save"), self._save, Key.Save)
        self.print = make("actionPrint", _tr("&Print…"), self._print, Key.Print)
        self.export_pdf = make(
            "actionExportPdf", _tr("&Export PDF…"), self._export_pdf, "Ctrl+Shift+E"
        )
        self.export_file = make(
            "actionExport", _tr("Export &As…"), lambda: choose_export(window), "Ctrl+Alt+E"
        )
        self.import_json = make(
            "actionImportJson", _tr("&Import JSON…"), lambda: choose_import(window)
        )
        self.quit = make("actionQuit", _tr("&Quit"), window.close, Key.Quit)
        # One undo stack for text edits and fact corrections alike.
        stack = window.corrections.undo_stack
        self.undo = make("actionUndo", _tr("&Undo"), stack.undo, Key.Undo)
        self.redo = make("actionRedo", _tr("&Redo"), stack.redo, Key.Redo)
        self.find = make(
            "actionFind", _tr("&Find Fact…"), window.facts_panel.focus_filter, Key.Find
        )
        self.extract = make("actionExtract", _tr("&Analyse Now"), window.analyse_now, Key.Refresh)
        self.verify = make("actionVerify", _tr("Mark Fact &Verified"), self._verify, "Ctrl+E")
        self.verify.setCheckable(True)
        self.about = make("actionAbout", _tr("&About newsdesk"), self._about)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo.setToolTip(_tr("Undo %s") % text))
        stack.redoTextChanged.connect(lambda text: self.redo.setToolTip(_tr("Redo %s") % text))
        self.verify.setStatusTip(_tr("Mark the fact selected in the list as checked"))
        self.extract.setStatusTip(_tr("Find the facts in the text now"))

        bar = window.menuBar()
        file_menu = self.file_menu = bar.addMenu(_tr("&File"))
        file_menu.addActions([self.open, self.open_story, self.import_json])
        file_menu.addSeparator()
        file_menu.addAction(self.save)
        file_menu.addSeparator()
        file_menu.addActions([self.print, self.export_pdf, self.export_file])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(_tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        analysis_menu = bar.addMenu(_tr("&Analysis"))
        analysis_menu.addActions([self.extract, self.verify])
        help_menu = bar.addMenu(_tr("&Help"))
        help_menu.addAction(self.about)

    def update(self, window: MainWindow) -> None:
        """Enable what makes sense now; tick Verify for a verified fact."""
        has_text = bool(window.editor.document().characterCount() > 1)
        has_sheet = window.current_sheet is not None
        self.save.setEnabled(has_text)
        self.print.setEnabled(has_sheet)
        self.export_pdf.setEnabled(has_sheet)
        self.export_file.setEnabled(has_sheet)
        self.extract.setEnabled(window.analysis.ready and has_text)
        fact_id = window.facts_panel.current_fact_id()
        fact = window.facts_panel.model.fact(window.facts_panel.model.index_of(fact_id or ""))
        self.verify.setEnabled(fact is not None)
        self.verify.blockSignals(True)
        self.verify.setChecked(fact is not None and fact.status == "verified")
        self.verify.blockSignals(False)

    # -- handlers with dialogs ---------------------------------------------------------

    def _open_file(self) -> None:
        window = self.window
        if not window.maybe_discard():
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(
            window,
            _tr("Open article"),
            folder,
            _tr("Articles (*.txt *.md *.html *.htm);;All files (*)"),
        )
        if path:
            window.open_file(path)

    def _open_story(self) -> None:
        # The library lists, searches and filters the saved stories (history_actions.py).
        self.window.history_actions.open_library()

    def _save(self) -> None:
        self.window.save()

    def _verify(self, checked: bool) -> None:
        self.window.verify_selected(checked)

    def _print(self) -> None:
        window = self.window
        if window.current_sheet is None:
            return
        version = None if window.is_dirty else window.current_version
        dialog = ask_print_options(window)
        if dialog is None:
            return
        options = self._options(dialog)
        if options is None:
            return
        print_preview(window, window.current_sheet, version, options)

    def _export_pdf(self) -> None:
        window = self.window
        sheet = window.current_sheet
        if sheet is None:
            return
        dialog = ask_print_options(window, paper=True)
        if dialog is None:
            return
        options = self._options(dialog)
        if options is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{window.story_slug or 'fact-sheet'}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            window, _tr("Export PDF"), str(Path(folder) / name), _tr("PDF files (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        version = None if window.is_dirty else window.current_version
        try:
            export_pdf(sheet, target, version, options, page_size=dialog.page_size())
        except NewsdeskError as error:
            window.show_message(QMessageBox.Icon.Warning, _tr("Not exported"), str(error))
            return
        window.statusBar().showMessage(_tr("Exported %s") % target, 6000)

    def _options(self, dialog: PrintOptionsDialog) -> RenderOptions | None:
        """The chosen options, reading the compared version; a storage failure is
        reported calmly and nothing is printed."""
        window = self.window
        try:
            return dialog.options(
                lambda number: window.store.load_version(window.story_slug or "", number)
            )
        except (NewsdeskError, LookupError) as error:
            window.show_message(QMessageBox.Icon.Warning, _tr("Cannot mark changes"), str(error))
            return None

    def _about(self) -> None:
        QMessageBox.about(
            self.window,
            _tr("About newsdesk"),
            _tr(
                "<h3>newsdesk %s</h3><p>Fact sheets from wire copy: names, figures and "
                "dates, checked by hand, saved in versions and printed.</p>"
            )
            % newsdesk.__version__,
        )
