"""Reporting bugs: log the traceback, then tell the editor where it is.

:func:`install_excepthook` replaces ``sys.excepthook`` so that an exception
nobody handled (a bug, not an environment failure) is written to the log
and shown in a dialog naming the log file, instead of vanishing or killing
the window with unsaved work in it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.logs import redacted_traceback

log = logging.getLogger(__name__)


def crash_message(log_file: Path | None) -> str:
    """What the crash dialog says."""
    text = QCoreApplication.translate(
        "crash",
        "Something went wrong inside newsdesk. This is a bug, not something you did.\n\n"
        "Your text is still in the window: save it if you can, then restart newsdesk.",
    )
    if log_file is not None:
        text += "\n\n" + QCoreApplication.translate(
            "crash", "The details were written to:\n%s\nPlease send that file to the newsdesk team."
        ) % str(log_file)
    return text


def install_excepthook(log_file: Path | None) -> None:
    """Log unhandled exceptions and show the crash dialog (GUI thread only)."""
    showing = False

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        error.__traceback__ = tb
        details = redacted_traceback(error)
        log.critical("unhandled exception\n%s", details)
        if showing or QApplication.instance() is None:
            return  # one dialog at a time; without an application, the log must do
        showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, "newsdesk", crash_message(log_file))
            box.setDetailedText(details)
            box.exec()
        finally:
            showing = False

    sys.excepthook = excepthook
