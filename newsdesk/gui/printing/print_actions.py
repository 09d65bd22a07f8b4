"""File › Print, Export PDF, Export As and Import JSON: the actions and their dialogs.

Each action has a stable objectName (``actionPrint``, ``actionExportPdf``,
``actionExport``, ``actionImportJson``). Printing and PDF export first ask what
the sheet should show (:mod:`newsdesk.gui.printing.options`); the pages
themselves are laid out by :mod:`newsdesk.gui.printing.pages`. Those, and the
exports, are imported when an action is first used, not as the window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from newsdesk.core.work.session import StorySession
from newsdesk.errors import NewsdeskError
from newsdesk.gui.action_factory import Keys, make_action
from newsdesk.gui.notices import Notices
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.stories import StoryFlow
from newsdesk.storage import Store

if TYPE_CHECKING:
    from newsdesk.core.output.render import RenderOptions
    from newsdesk.gui.printing.options import PrintOptionsDialog

Key = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintActions", text)


class PrintActions:
    """The paper and file actions of one window; :meth:`update` enables what makes sense."""

    def __init__(
        self,
        host: QWidget,
        session: StorySession,
        store: Store,
        stories: StoryFlow,
        notices: Notices,
        preferences: Preferences,
    ) -> None:
        self._host = host
        self._preferences = preferences
        self._session = session
        self._store = store
        self._notices = notices

        def make(name: str, text: str, slot: Callable[[], object], keys: Keys = None) -> QAction:
            return make_action(host, name, text, slot, keys)

        def export_file() -> None:
            from newsdesk.gui.printing.export_actions import choose_export

            choose_export(host, session, notices, preferences, (store.path,))

        def import_json() -> None:
            from newsdesk.gui.printing.export_actions import choose_import

            choose_import(host, stories, notices, preferences)

        self.print = make("actionPrint", _tr("&Print…"), self._print, Key.Print)
        self.export_pdf = make(
            "actionExportPdf", _tr("&Export PDF…"), self._export_pdf, "Ctrl+Shift+E"
        )
        self.export_file = make(
            "actionExport",
            _tr("Export &As…"),
            export_file,
            "Ctrl+Alt+E",
        )
        self.import_json = make(
            "actionImportJson",
            _tr("&Import JSON…"),
            import_json,
        )
        session.events.sheet_replaced.connect(self.update)
        self.update()

    def update(self) -> None:
        has_sheet = self._session.sheet is not None
        for action in (self.print, self.export_pdf, self.export_file):
            action.setEnabled(has_sheet)

    def _print(self) -> None:
        from newsdesk.gui.printing.options import ask_print_options
        from newsdesk.gui.printing.pages import check_printable, print_preview

        sheet = self._session.sheet
        if sheet is None:
            return
        version = None if self._session.dirty else self._session.version
        dialog = ask_print_options(self._host, self._store, self._session)
        if dialog is None:
            return
        options = self._options(dialog)
        if options is None:
            return
        try:
            check_printable(sheet)
        except NewsdeskError as error:
            self._notices.warn(_tr("Not printed"), str(error))
            return
        print_preview(self._host, sheet, version, options)

    def _export_pdf(self) -> None:
        from newsdesk.gui.printing.options import ask_print_options
        from newsdesk.gui.printing.pages import export_pdf

        sheet = self._session.sheet
        if sheet is None:
            return
        dialog = ask_print_options(self._host, self._store, self._session, paper=True)
        if dialog is None:
            return
        options = self._options(dialog)
        if options is None:
            return
        name = f"{self._session.story or 'fact-sheet'}.pdf"
        folder = self._preferences.start_folder()
        path, _ = QFileDialog.getSaveFileName(
            self._host, _tr("Export PDF"), str(folder / name), _tr("PDF files (*.pdf)")
        )
        if not path:
            return
        self._preferences.remember_folder(path)
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        version = None if self._session.dirty else self._session.version
        try:
            export_pdf(
                sheet,
                target,
                version,
                options,
                page_size=dialog.page_size(),
                protect=(self._store.path,),
            )
        except NewsdeskError as error:
            self._notices.warn(_tr("Not exported"), str(error))
            return
        self._notices.status(_tr("Exported %s") % target, 6000)

    def _options(self, dialog: PrintOptionsDialog) -> RenderOptions | None:
        """The chosen options, reading the compared version; a storage failure is
        reported calmly and nothing is printed."""
        try:
            return dialog.options(
                lambda number: self._store.load_version(self._session.story or "", number)
            )
        except (NewsdeskError, LookupError) as error:
            self._notices.warn(_tr("Cannot mark changes"), str(error))
            return None
