"""The composition root: paths, logging, store, task runner, extractor and window.

:func:`build_main_window` gives tests and scripts the real, wired window on a
database of their choosing; :func:`run_gui` is what ``newsdesk`` (no
sub-command) runs. Nothing else in newsdesk builds long-lived objects.
"""

from __future__ import annotations

import getpass
import logging
import sys
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from newsdesk.errors import StorageError
from newsdesk.gui.analysis import ExtractorLoader, SheetExtractor
from newsdesk.gui.appearance import ColourScheme, repaint_views
from newsdesk.gui.crash import install_excepthook
from newsdesk.gui.desktop import present_application
from newsdesk.gui.language import install_translators, remove_translators
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.single_instance import Request, SingleInstance
from newsdesk.gui.tasks import TaskRunner
from newsdesk.logs import setup_logging
from newsdesk.paths import APP_NAME, default_paths
from newsdesk.storage import Store

log = logging.getLogger(__name__)


def _default_loader(
    model: str | None, preloaded: Future[SheetExtractor] | None = None
) -> ExtractorLoader:
    def load() -> SheetExtractor:
        if preloaded is not None:
            return preloaded.result()  # the load begun before Qt was imported
        # Imported here: spaCy takes a while to import, and only the worker needs it.
        from newsdesk.core.extract import Extractor

        return Extractor.load_for_window(model)

    return load


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers, odd platforms)
        return ""


WINDOW_SWITCH_INTERVAL_S = 0.001


def build_main_window(
    db_path: Path | str | None,
    *,
    extractor_loader: ExtractorLoader | None = None,
    model: str | None = None,
    preloaded: Future[SheetExtractor] | None = None,
) -> MainWindow:
    """The wired, not yet shown window on the database at ``db_path``.

    The store is opened here (a :class:`~newsdesk.errors.StorageError` says
    why it cannot be); the extractor is loaded on the NLP worker thread by
    ``extractor_loader`` (default: ``Extractor.load(model)``, or what the
    ``preloaded`` load begun earlier gives), and the window
    is usable meanwhile. A ``QApplication`` must exist. Preferences live in the
    config folder; a draft left by a crash is offered back once the event loop
    runs (``window.drafts.ask_restore`` may be replaced before that).
    """
    paths = default_paths(db_path)
    store = Store(paths.db_path)
    # The analysis runs Python on its worker thread beside the window's. Each time the
    # window's thread comes back from Qt it waits for the interpreter lock, by default up
    # to 5 ms, and a keystroke or a repaint comes back dozens of times: typing stalled for
    # 75-113 ms while an analysis ran (1 ms here: the window gets its turns sooner; the
    # worker gives its turn away only when the window asks for one).
    sys.setswitchinterval(WINDOW_SWITCH_INTERVAL_S)
    window = MainWindow(
        store,
        TaskRunner(max_threads=1),
        editor_name=_user_name(),
        preferences=Preferences.in_folder(paths.config_dir),
        draft_folder=paths.data_dir,
    )
    window.start(extractor_loader or _default_loader(model, preloaded))
    window.drafts.offer()
    # Follows the desktop's light or dark scheme while it runs (owned by the window).
    ColourScheme(
        [window.editor.highlighter.set_dark, window.legend.set_dark, repaint_views(window)],
        window,
    )
    return window


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    """Qt's own warnings go to our log instead of an unseen console."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def answer(window: MainWindow, request: Request) -> None:
    """Show the window and open what a launch asked for (a file, or a saved story)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if request.open_path:
        window.stories.open_file(request.open_path, ask=True)
    elif request.story:
        window.open_story(request.story)


def run_gui(
    db_path: Path | str | None = None,
    model: str | None = None,
    *,
    open_path: str | None = None,
    story: str | None = None,
    preloaded: Future[SheetExtractor] | None = None,
) -> int:
    """Run the newsdesk window until it is closed; the process exit code.

    When a window is already open on the database it is handed ``open_path`` or
    ``story`` and brought forward, and this launch ends (exit code 0).
    ``preloaded`` is the model's load when the caller began it before importing
    Qt (see :func:`newsdesk.cli.main`), so the window's building overlaps it.
    """
    paths = default_paths(db_path)
    log_file = setup_logging(paths.log_file)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    present_application(app, APP_NAME)
    qInstallMessageHandler(_qt_message)
    install_excepthook(log_file)
    db_file = paths.db_path
    request = Request(str(Path(open_path).absolute()) if open_path else None, story)
    server = SingleInstance(db_file).hand_over_or_listen(request, app)
    if server is None:
        log.info("handed over to the window already open on this database")
        return 0
    translators = install_translators(app, Preferences.in_folder(paths.config_dir).language)
    while True:
        try:
            window = build_main_window(db_file, model=model, preloaded=preloaded)
            break
        except StorageError as error:
            # Damaged, newer, locked or read-only: offer a backup, a new file or a retry.
            log.error("cannot open the database: %s", error)
            from newsdesk.gui.database_recovery import DatabaseProblemDialog

            chosen = DatabaseProblemDialog(error, db_file).choose()
            if chosen is None:
                return 1
            db_file = chosen
    server.request_received.connect(lambda asked: answer(window, asked))
    window.show()
    if request.open_path or request.story:
        answer(window, request)
    try:
        return app.exec()
    finally:
        window.shutdown()  # no worker thread may outlive the application
        server.close()
        remove_translators(app, translators)
