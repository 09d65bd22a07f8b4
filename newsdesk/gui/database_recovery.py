"""What to do when the database will not open: retry, open a backup, start a new file, or quit.

:class:`DatabaseProblemDialog` shows the store's message (damaged, newer,
locked, read-only…) and offers a way on. The damaged file is never written:
a backup is copied to a new file beside it and that copy is opened, and a new
database never takes the damaged file's name.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from newsdesk.errors import DatabaseCorruptError, SchemaTooNewError, StorageError
from newsdesk.storage.backups import find_backups
from newsdesk.storage.records import utc_now

log = logging.getLogger(__name__)


class DatabaseProblemDialog(QMessageBox):
    """The question asked when ``path`` cannot be opened (see the module docstring).

    :meth:`choose` runs the dialog and returns the database to try next, or
    ``None`` to quit. :meth:`use_backup` and :meth:`new_database` do the work
    of the two buttons without file dialogs, for scripts and tests.
    """

    def __init__(self, error: StorageError, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseProblemDialog")
        self.path = path
        self.error = error
        damaged = isinstance(error, DatabaseCorruptError | SchemaTooNewError)
        self.setIcon(QMessageBox.Icon.Critical if damaged else QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Cannot open the database"))
        self.setText(str(error))
        self.backups = find_backups(path)
        hint = self.tr("newsdesk has not changed the file.")
        if self.backups:
            newest = self.backups[0]
            hint += " " + self.tr("The newest backup is %s.") % newest.name
        self.setInformativeText(hint)
        self.retry_button: QPushButton | None = None
        if not damaged:
            self.retry_button = self.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        self.backup_button = self.addButton(
            self.tr("Open &Backup…"), QMessageBox.ButtonRole.ActionRole
        )
        self.new_button = self.addButton(
            self.tr("&New Database…"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.backup_button if self.backups else self.new_button)

    def choose(self) -> Path | None:
        """Ask, and return the database to open next (``None``: quit)."""
        while True:
            self.exec()
            clicked = self.clickedButton()
            if clicked is self.retry_button:
                return self.path
            if clicked is self.backup_button:
                start = str(self.backups[0] if self.backups else self.path.parent)
                chosen, _ = QFileDialog.getOpenFileName(
                    self,
                    self.tr("Open a backup"),
                    start,
                    self.tr("newsdesk databases (*.db *.bak);;All files (*)"),
                )
                if chosen:
                    return self.use_backup(Path(chosen))
                continue
            if clicked is self.new_button:
                chosen, _ = QFileDialog.getSaveFileName(
                    self,
                    self.tr("New database"),
                    str(self.path.with_name("newsdesk-new.db")),
                    self.tr("newsdesk databases (*.db)"),
                )
                fresh = self.new_database(Path(chosen)) if chosen else None
                if fresh is not None:
                    return fresh
                continue
            return None

    def use_backup(self, backup: Path) -> Path:
        """Copy ``backup`` to a new file beside the database and return the copy.

        The copy is what newsdesk opens (and may upgrade), so the backup stays
        as it was, and so does the damaged file.
        """
        stamp = utc_now().astimezone().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"newsdesk-restored-{stamp}.db")
        shutil.copy2(backup, target)
        log.warning("database %s could not be opened; using a copy of %s", self.path, backup)
        return target

    def new_database(self, target: Path) -> Path | None:
        """``target`` for a fresh database, unless it is the file that would not open."""
        if target.resolve() == self.path.resolve() or target.exists():
            QMessageBox.warning(
                self,
                self.tr("Choose another name"),
                self.tr("%s already exists; newsdesk never replaces a database file.") % target,
            )
            return None
        return target
