"""The window's history and library actions: view, compare, restore, library, back up.

Like :mod:`newsdesk.gui.actions`, each action has a stable objectName
(``actionViewVersion``, ``actionCompareVersions``, ``actionRestoreVersion``,
``actionBackupDatabase``) and a handler here; the history list shows the first
three in its context menu, and activating a version there opens it. Methods
without dialogs (:meth:`restore`, :meth:`compare`, :meth:`back_up_to`) serve
scripts and tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from newsdesk.core.work.session import StorySession
from newsdesk.errors import StorageError
from newsdesk.gui.action_factory import make_action
from newsdesk.gui.history.history_view import HistoryView
from newsdesk.gui.notices import Notices
from newsdesk.gui.signature import Signature
from newsdesk.gui.stories import StoryFlow
from newsdesk.storage import Store, VersionInfo
from newsdesk.storage.backups import default_backup_path

if TYPE_CHECKING:
    from newsdesk.gui.history.diff_dialog import DiffDialog
    from newsdesk.gui.history.library_dialog import LibraryDialog, RemoteLookup
    from newsdesk.gui.history.version_dialog import VersionDialog

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryActions", text)


class HistoryActions:
    """The history, library and backup actions of one window (see the module docstring)."""

    def __init__(
        self,
        host: QWidget,
        session: StorySession,
        store: Store,
        history_view: HistoryView,
        stories: StoryFlow,
        signature: Signature,
        notices: Notices,
    ) -> None:
        self._host = host
        self._session = session
        self._store = store
        self._view = history_view
        self._stories = stories
        self._signature = signature
        self._notices = notices
        # Set by the window when it has a desk server to ask (see DeskSyncController).
        self.remote_library: RemoteLookup | None = None
        self.sync_requested: Callable[[], object] | None = None
        history = history_view

        def make(
            name: str, text: str, slot: Callable[[], object], keys: str | None = None
        ) -> QAction:
            return make_action(host, name, text, slot, keys)

        self.view_version = make("actionViewVersion", _tr("&View Version"), self._view_selected)
        self.compare_versions = make(
            "actionCompareVersions",
            _tr("&Compare Versions…"),
            self._compare_selected,
            "Ctrl+Shift+D",
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
        history.selection_changed.connect(self.update)
        history.version_activated.connect(self._version_activated)
        session.events.story_changed.connect(self._story_changed)
        self._story_changed()

    def update(self) -> None:
        """Enable what the history selection allows."""
        selected = self._view.selected_numbers()
        count = len(self._view.history.versions)
        self.view_version.setEnabled(len(selected) == 1)
        self.compare_versions.setEnabled(count > 1 and 1 <= len(selected) <= 2)
        newest = max((v.number for v in self._view.history.versions), default=0)
        # In a fork the newest is only one end: restoring it settles the fork.
        forked = self._view.history.shape.forked
        self.restore_version.setEnabled(len(selected) == 1 and (forked or selected[0] != newest))

    def _story_changed(self) -> None:
        """The history list shows the versions of the session's story."""
        version = self._session.version
        versions = [v for v in self._session.versions if isinstance(v, VersionInfo)]
        self._view.history.set_versions(versions, version.number if version else None)

    # -- without dialogs ---------------------------------------------------------------

    def restore(self, number: int) -> VersionInfo | None:
        """Save version ``number`` of the open story again as its newest; open that."""
        slug = self._session.story
        if slug is None or not self._stories.maybe_discard():
            return None
        try:
            outcome = self._store.restore(slug, number, editor=self._signature.current)
        except (StorageError, LookupError) as error:
            self._notices.warn(_tr("Not restored"), str(error))
            return None
        self._stories.open_story(slug)
        info = outcome.version
        if outcome.created:
            message = _tr("Restored version %d as version %d") % (number, info.number)
        else:
            message = _tr("Version %d is the same as the newest; nothing to restore") % number
        self._notices.status(message, 8000)
        return info

    def compare(self, old: int, new: int) -> DiffDialog | None:
        """Open the comparison of versions ``old`` and ``new`` of the open story."""
        # Each dialog is imported when first opened, not as the window opens.
        from newsdesk.gui.history.diff_dialog import DiffDialog

        slug = self._session.story
        if slug is None:
            return None
        dialog = DiffDialog(self._store, slug, min(old, new), max(old, new), self._host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def view(self, number: int) -> VersionDialog | None:
        """Show version ``number`` of the open story read-only."""
        slug = self._session.story
        if slug is None:
            return None
        try:
            sheet = self._store.load_version(slug, number)
            version = self._store.version(slug, number)
            newest = self._store.version(slug).number
        except (StorageError, LookupError) as error:
            self._notices.warn(_tr("Cannot open version"), str(error))
            return None
        from newsdesk.gui.history.version_dialog import VersionDialog  # see compare

        dialog = VersionDialog(sheet, version, is_latest=number == newest, parent=self._host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(self.restore)
        dialog.compare_requested.connect(lambda old: self.compare(old, newest))
        dialog.show()
        return dialog

    def open_library(self) -> LibraryDialog:
        """Show the library; the story the editor opens there replaces the current one."""
        from newsdesk.gui.history.library_dialog import LibraryDialog  # see compare

        dialog = LibraryDialog(self._store, self._host, remote=self.remote_library)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.story_chosen.connect(self._open_chosen)
        if self.sync_requested is not None:
            dialog.sync_requested.connect(self.sync_requested)
        dialog.open()
        return dialog

    def back_up_to(self, target: Path | str) -> Path | None:
        """Write a backup to ``target``; the path written, or ``None`` (and a message)."""
        try:
            written = self._store.back_up(target)
        except StorageError as error:
            self._notices.warn(_tr("Not backed up"), str(error))
            return None
        self._notices.status(_tr("Backed up to %s") % written, 8000)
        return written

    # -- handlers with dialogs -----------------------------------------------------------

    def _view_selected(self) -> None:
        selected = self._view.selected_numbers()
        if len(selected) == 1:
            self.view(selected[0])

    def _compare_selected(self) -> None:
        selected = self._view.selected_numbers()
        versions = [v.number for v in self._view.history.versions]
        if len(selected) == 2:
            self.compare(*selected)
        elif len(selected) == 1 and len(versions) > 1:
            newest = max(versions)
            other = newest if selected[0] != newest else max(n for n in versions if n != newest)
            self.compare(selected[0], other)

    def _restore_selected(self) -> None:
        selected = self._view.selected_numbers()
        if len(selected) == 1:
            self.restore(selected[0])

    def _back_up(self) -> None:
        suggested = default_backup_path(self._store.path)
        path, _ = QFileDialog.getSaveFileName(
            self._host,
            _tr("Back up database"),
            str(suggested),
            _tr("newsdesk databases (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # the store refuses to overwrite
        )
        if path:
            self.back_up_to(path)

    def _open_chosen(self, slug: str, number: object) -> None:
        if self._stories.maybe_discard():
            self._stories.open_story(slug, number if isinstance(number, int) else None)

    def _version_activated(self, number: int) -> None:
        """A version double-clicked in the history list: open it (asking first if need be)."""
        slug = self._session.story
        current = self._session.version.number if self._session.version else None
        if slug and (number == current or self._stories.maybe_discard()):
            self._stories.open_story(slug, number)

    def dialogs(self) -> list[QDialog]:
        """The history dialogs open now (for tests and scripts)."""
        return [
            child
            for child in self._host.findChildren(QDialog)
            if child.objectName() in ("diffDialog", "versionDialog", "libraryDialog")
        ]
