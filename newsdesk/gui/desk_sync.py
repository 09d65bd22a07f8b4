"""File › Sync with Desk, File › Desk Server…, and the quiet background sync.

:class:`DeskSyncController` runs :func:`newsdesk.sync.engine.sync` on its own
one-thread :class:`~newsdesk.gui.tasks.TaskRunner`, never on the GUI thread
and never queued behind an analysis. The worker opens its own connection to
the database file (an SQLite connection stays on the thread that made it);
the window's store reads what it took in once it is done. A sync the editor
asked for reports in a message when it fails; a background one only in the
status bar, and tries again at the next tick. Nothing is synced while another
sync runs. The settings (server, minutes between background syncs) are the
ones ``newsdesk server set`` writes; ``NEWSDESK_SERVER`` overrides the server.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from newsdesk.errors import NewsdeskError
from newsdesk.gui.action_factory import make_action
from newsdesk.gui.notices import Icon, Notices
from newsdesk.gui.tasks import TaskRunner
from newsdesk.sync.config import (
    DeskConfigError,
    DeskSettings,
    describe,
    load_settings,
    save_settings,
)

if TYPE_CHECKING:
    from newsdesk.sync.engine import SyncReport
    from newsdesk.sync.remote import RemoteStory

log = logging.getLogger(__name__)

MINUTE_MS = 60_000


def sync_file(db_path: Path, server: str) -> SyncReport:
    """One sync of the file at ``db_path``, on its own connection (runs on the worker)."""
    # The sync's modules (and psycopg) are imported on the first sync, not as the
    # window opens.
    from newsdesk.storage import Store
    from newsdesk.sync.engine import sync

    with Store(db_path) as store:
        return sync(store, server)


class DeskSyncController(QObject):
    """The desk server's actions and timer for one window (see the module docstring).

    Signals: ``synced(SyncReport)`` after a sync went through, ``sync_failed(str)``
    with the message when one did not.
    """

    synced = Signal(object)
    sync_failed = Signal(str)

    def __init__(
        self,
        host: QWidget,
        db_path: Path,
        config_dir: Path | None,
        notices: Notices,
        *,
        runner: TaskRunner | None = None,
        sync_job: Callable[[Path, str], SyncReport] = sync_file,
    ) -> None:
        super().__init__(host)
        self._host = host
        self._db_path = db_path
        self._config_dir = config_dir
        self._notices = notices
        self._sync_job = sync_job
        self.runner = runner or TaskRunner(self, max_threads=1)
        # Library look-ups on the desk never wait behind a long sync.
        self.lookups = TaskRunner(self, max_threads=1)
        self.running = False
        self.sync_action = make_action(
            host, "actionSync", self.tr("S&ync with Desk"), self.sync_now, "Ctrl+Shift+Y"
        )
        self.sync_action.setStatusTip(
            self.tr("Send your saved versions to the desk server and take in your colleagues'")
        )
        self.settings_action = make_action(
            host, "actionDeskServer", self.tr("Desk &Server…"), self.choose_server
        )
        self.settings_action.setStatusTip(self.tr("Which desk server to sync with, and how often"))
        self.timer = QTimer(self)
        self.timer.setObjectName("deskSyncTimer")
        self.timer.timeout.connect(self.sync_in_background)
        self.apply_settings()

    @property
    def settings(self) -> DeskSettings:
        return load_settings(self._config_dir)

    def apply_settings(self) -> None:
        """Start, change or stop the background sync as the settings say."""
        settings = self.settings
        if settings.configured and settings.background_minutes > 0:
            self.timer.start(settings.background_minutes * MINUTE_MS)
        else:
            self.timer.stop()

    def sync_now(self) -> bool:
        """Sync because the editor asked; whether a sync started."""
        return self._start(quiet=False)

    def sync_in_background(self) -> bool:
        """The timer's sync: failures only in the status bar."""
        return self._start(quiet=True)

    def look_up(
        self,
        words: str,
        found: Callable[[list[RemoteStory]], None],
        failed: Callable[[str], None],
    ) -> bool:
        """The desk's stories (``words``: those matching), in the background; False: no desk."""
        settings = self.settings
        if not settings.configured:
            return False
        server = settings.server

        def ask() -> list[RemoteStory]:
            from newsdesk.sync import remote  # see sync_file

            return remote.search(server, words) if words else remote.stories(server)

        def not_found(error: BaseException) -> None:
            if not isinstance(error, NewsdeskError):
                sys.excepthook(type(error), error, error.__traceback__)
                return
            failed(str(error))

        self.lookups.run(ask, on_success=found, on_failure=not_found)
        return True

    def choose_server(self) -> None:
        """Ask for the desk server's connection and the minutes between background syncs."""
        current = load_settings(self._config_dir, environ={})
        server, ok = QInputDialog.getText(
            self._host,
            self.tr("Desk Server"),
            self.tr(
                "Connection to the desk server (host=… dbname=… user=…, or a service "
                "name). The password goes in your password file (~/.pgpass), never here. "
                "Leave empty to work alone."
            ),
            QLineEdit.EchoMode.Normal,
            current.server,
        )
        if not ok:
            return
        minutes, ok = QInputDialog.getInt(
            self._host,
            self.tr("Desk Server"),
            self.tr("Sync in the background every how many minutes (0: only when asked)?"),
            current.background_minutes,
            0,
            24 * 60,
        )
        if ok:
            self.set_server(server, minutes)

    def set_server(self, server: str, minutes: int) -> bool:
        """Keep the desk server setting; whether it was kept (a password is refused)."""
        if self._config_dir is None:
            return False
        try:
            save_settings(self._config_dir, DeskSettings(server.strip(), max(0, minutes)))
        except (DeskConfigError, OSError) as error:
            self._notices.warn(self.tr("Desk server not set"), str(error))
            return False
        self.apply_settings()
        return True

    def _start(self, *, quiet: bool) -> bool:
        if self.running:
            return False
        settings = self.settings
        if not settings.configured:
            if not quiet:
                self._notices.message(
                    Icon.Information,
                    self.tr("No desk server"),
                    self.tr(
                        "newsdesk works alone on this computer until a desk server is set: "
                        "File › Desk Server…, or NEWSDESK_SERVER."
                    ),
                )
            return False
        self.running = True
        self.sync_action.setEnabled(False)
        self._notices.status(self.tr("Syncing with the desk (%s)…") % describe(settings.server), 0)
        server, path = settings.server, self._db_path
        self.runner.run(
            lambda: self._sync_job(path, server),
            on_success=self._done,
            on_failure=lambda error: self._failed(error, quiet=quiet),
        )
        return True

    def _done(self, report: object) -> None:
        from newsdesk.sync.engine import SyncReport

        self._finish()
        assert isinstance(report, SyncReport)
        self._notices.status(report.summary(), 15_000)
        self.synced.emit(report)

    def _failed(self, error: BaseException, *, quiet: bool) -> None:
        self._finish()
        if not isinstance(error, NewsdeskError):  # a bug: the crash dialog
            sys.excepthook(type(error), error, error.__traceback__)
            return
        message = str(error)
        log.warning("sync failed: %s", type(error).__name__)
        if quiet:
            self._notices.status(self.tr("Desk sync did not go through; will try again."), 15_000)
        else:
            self._notices.warn(self.tr("Not synced"), message)
        self.sync_failed.emit(message)

    def _finish(self) -> None:
        self.running = False
        self.sync_action.setEnabled(True)
        self._notices.status("", 1)

    def shutdown(self) -> None:
        """Stop the timer and wait for a running sync (its transactions finish or roll back)."""
        self.timer.stop()
        self.lookups.shutdown()
        self.runner.shutdown()
