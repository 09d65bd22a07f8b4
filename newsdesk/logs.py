"""Logging set-up for the window: a rotating log file, configured once.

The command line and the window log through ``logging.getLogger(__name__)``
everywhere; only this module attaches handlers. Article bodies and story
slugs (an unpublished headline) are never logged above DEBUG, and DEBUG is
off unless asked for; tracebacks of bugs are logged without their messages
(:func:`redacted_traceback`), which may quote the article.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

from newsdesk.files import create_private_file, make_private_dir

LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 2_000_000
BACKUPS = 3

_configured = False
WITHHELD = "(message withheld from the log: it may quote the article)"
_log_file: Path | None = None


def setup_logging(log_file: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to ``log_file`` (rotated at 2 MB, 3 kept) and warnings to stderr.

    The root logger's level becomes ``level``; a stderr handler is added
    only when nothing else (such as the command line) configured one.

    Safe to call again: only the first call configures anything. Returns the
    log file, or ``None`` when it cannot be written (logging then goes to
    stderr only, which is said on stderr).
    """
    global _configured, _log_file
    if _configured:
        return _log_file
    _configured = True
    root = logging.getLogger()
    root.setLevel(level)
    if not root.handlers:  # the command line may already have set up stderr
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("newsdesk: %(levelname)s: %(message)s"))
        root.addHandler(console)
    logging.captureWarnings(True)
    try:
        make_private_dir(log_file.parent)
        create_private_file(log_file)  # the handler would create it readable by everyone
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", log_file, error)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    _log_file = log_file
    logging.getLogger(__name__).info("logging to %s", log_file)
    return log_file


def redacted_traceback(error: BaseException) -> str:
    """``error``'s traceback, its causes' too, with every message left out.

    The frames say where a bug is; the messages may quote an unpublished
    article ("ValueError: … 'Police said 25 …'"), and the log is sent to the
    team, so only the exceptions' types are kept.
    """
    chain: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_tb(current.__traceback__))
        name = type(current).__qualname__
        chain.append(f"Traceback (most recent call last):\n{frames}{name}: {WITHHELD}\n")
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\nwhich happened while handling:\n".join(chain)
