"""The window's history and library actions: view, compare, restore, library, back up.

Like :mod:`newsdesk.gui.actions`, each action has a stable objectName
(``actionViewVersion``, ``actionCompareVersions``, ``actionRestoreVersion``,
``actionBackupDatabase``) and a handler here; the history list shows the first
three in its context menu. Methods without dialogs (:meth:`restore`,
:meth:`compare`, :meth:`back_up_to`) serve scripts and tests.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from newsdesk.errors import StorageError
from newsdesk.gui.history.diff_dialog import DiffDialog
from newsdesk.gui.history.library_dialog import LibraryDialog
from newsdesk.gui.history.version_dialog import VersionDialog
from newsdesk.storage import VersionInfo
from newsdesk.storage.backups import default_backup_path

if TYPE_CHECKING:
    from newsdesk.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryActions", text)


class HistoryActions:
    """Creates the history, library and backup actions of one :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        history = window.history_view

        def make(name: str, text: str, slot: object, shortcut: str | None = None) -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            window.addAction(action)
            return action

        self.view_version = make("actionViewVersion", _tr("&View Version"), self._view_selected)
        self.compare_versions = make(
            "actionCompareVersions", _tr("&Compare Versions…"), self._compare_selected, "Ctrl+D"
        )
        self.restore_version = make(
            "actionRestoreVersion", _tr("&Restore as New Version"), self._restore_selected
        )
        self.backup = make("actionBackupDatabase", _tr("&Back Up Database…"), self._back_up)
        self.view_version.setStatusTip(_tr("Show the selected version, read-only"))
        self.compare_versions.setStatusTip(
            _tr("Compare two selected versions, or the selected one with the newest")
        )
        self.restore_version.setStatusTip(
            _tr("Save the selected version again as the newest; nothing is overwritten")
        )
        self.backup.setStatusTip(_tr("Write a consistent copy of the whole database"))
        history.addActions([self.view_version, self.compare_versions, self.restore_version])
        file_menu = getattr(window.actions_, "file_menu", None)
        if file_menu is not None:
            file_menu.insertAction(window.actions_.quit, self.backup)
            file_menu.insertSeparator(window.actions_.quit)
        history.selection_changed.connect(self.update)
        self.update()

    def update(self) -> None:
        """Enable what the history selection allows."""
        selected = self.window.history_view.selected_numbers()
        count = len(self.window.history_view.history.versions)
        self.view_version.setEnabled(len(selected) == 1)
        self.compare_versions.setEnabled(count > 1 and 1 <= len(selected) <= 2)
        newest = max((v.number for v in self.window.history_view.history.versions), default=0)
        self.restore_version.setEnabled(len(selected) == 1 and selected[0] != newest)

    # -- without dialogs ---------------------------------------------------------------

    def restore(self, number: int) -> VersionInfo | None:
        """Save version ``number`` of the open story again as its newest; open that."""
        window = self.window
        slug = window.story_slug
        if slug is None or not window.maybe_discard():
            return None
        try:
            outcome = window.store.restore(slug, number, editor=window.editor_name)
        except (StorageError, LookupError) as error:
            window.show_message(QMessageBox.Icon.Warning, _tr("Not restored"), str(error))
            return None
        window.open_story(slug)
        info = outcome.version
        if outcome.created:
            message = _tr("Restored version %d as version %d") % (number, info.number)
        else:
            message = _tr("Version %d is the same as the newest; nothing to restore") % number
        window.statusBar().showMessage(message, 8000)
        return info

    def compare(self, old: int, new: int) -> DiffDialog | None:
        """Open the comparison of versions ``old`` and ``new`` of the open story."""
        slug = self.window.story_slug
        if slug is None:
            return None
        dialog = DiffDialog(self.window.store, slug, min(old, new), max(old, new), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def view(self, number: int) -> VersionDialog | None:
        """Show version ``number`` of the open story read-only."""
        window = self.window
        slug = window.story_slug
        if slug is None:
            return None
        try:
            sheet = window.store.load_version(slug, number)
            version = window.store.version(slug, number)
            newest = window.store.version(slug).number
        except (StorageError, LookupError) as error:
            window.show_message(QMessageBox.Icon.Warning, _tr("Cannot open version"), str(error))
            return None
        dialog = VersionDialog(sheet, version, is_latest=number == newest, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(self.restore)
        dialog.compare_requested.connect(lambda old: self.compare(old, newest))
        dialog.show()
        return dialog

    def open_library(self) -> LibraryDialog:
        """Show the library; the story the editor opens there replaces the current one."""
        dialog = LibraryDialog(self.window.store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.story_chosen.connect(self._open_chosen)
        dialog.open()
        return dialog

    def back_up_to(self, target: Path | str) -> Path | None:
        """Write a backup to ``target``; the path written, or ``None`` (and a message)."""
        window = self.window
        try:
            written = window.store.back_up(target)
        except StorageError as error:
            window.show_message(QMessageBox.Icon.Warning, _tr("Not backed up"), str(error))
            return None
        window.statusBar().showMessage(_tr("Backed up to %s") % written, 8000)
        return written

    # -- handlers with dialogs -----------------------------------------------------------

    def _view_selected(self) -> None:
        selected = self.window.history_view.selected_numbers()
        if len(selected) == 1:
            self.view(selected[0])

    def _compare_selected(self) -> None:
        selected = self.window.history_view.selected_numbers()
        versions = [v.number for v in self.window.history_view.history.versions]
        if len(selected) == 2:
            self.compare(*selected)
        elif len(selected) == 1 and len(versions) > 1:
            newest = max(versions)
            other = newest if selected[0] != newest else max(n for n in versions if n != newest)
            self.compare(selected[0], other)

    def _restore_selected(self) -> None:
        selected = self.window.history_view.selected_numbers()
        if len(selected) == 1:
            self.restore(selected[0])

    def _back_up(self) -> None:
        window = self.window
        suggested = default_backup_path(window.store.path)
        path, _ = QFileDialog.getSaveFileName(
            window,
            _tr("Back up database"),
            str(suggested),
            _tr("newsdesk databases (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # the store refuses to overwrite
        )
        if path:
            self.back_up_to(path)

    def _open_chosen(self, slug: str, number: object) -> None:
        window = self.window
        if window.maybe_discard():
            window.open_story(slug, number if isinstance(number, int) else None)

    def dialogs(self) -> list[QDialog]:
        """The history dialogs open now (for tests and scripts)."""
        return [
            child
            for child in self.window.findChildren(QDialog)
            if child.objectName() in ("diffDialog", "versionDialog", "libraryDialog")
        ]
