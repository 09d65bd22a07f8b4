"""What every command shares: exit codes, one-line errors, reading the article in.

Exit codes: 0 success, 1 unreadable or empty input (or an unknown story), 2 no
usable spaCy pipeline, 3 some lines of a JSONL batch failed, 4 the database
cannot be used (locked, damaged, read-only, full), 5 ``newsdesk check`` found
desk checks still open (the story is read and checked; the desk has work to do),
6 the desk server cannot be used (unreachable, not set up, newer, refused; the
local file is untouched).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.core.article.reading import decode_bytes, read_article_file, read_stream
from newsdesk.errors import NewsdeskError, StorageError

if TYPE_CHECKING:
    from newsdesk.storage import Store

EXIT_OK, EXIT_INPUT, EXIT_MODEL, EXIT_PARTIAL, EXIT_STORAGE = 0, 1, 2, 3, 4
EXIT_OPEN_CHECKS = 5
EXIT_DESK = 6


def error(message: str) -> None:
    """One line on stderr: what went wrong, no traceback."""
    print(f"newsdesk: {' '.join(message.split())}", file=sys.stderr)


def read_input(name: str) -> str:
    """The raw text of an article file, or of standard input for ``-``."""
    if name == "-":
        return decode_bytes(read_stream(sys.stdin.buffer, "standard input"), "standard input")
    return read_article_file(name)


def login_name(name: str | None = None) -> str:
    """``name`` when given, else the login name (``""`` where there is none)."""
    if name is not None:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers, odd platforms)
        return ""


def with_store(db_path: Path, work: Callable[[Store], int]) -> int:
    """Run ``work`` on the database at ``db_path``; its exit code, or the one for a failure.

    An unusable database is :data:`EXIT_STORAGE`; an unknown story or version,
    a sheet that breaks the contract or a file not written :data:`EXIT_INPUT`; each
    with one line on stderr.
    """
    from newsdesk.storage import Store  # only the commands that need it open the database

    try:
        with Store(db_path) as store:
            return work(store)
    except StorageError as problem:
        error(str(problem))
        return EXIT_STORAGE
    except NewsdeskError as problem:  # a sheet that breaks the contract, a file not written
        error(str(problem))
        return EXIT_INPUT
    except LookupError as problem:
        error(str(problem.args[0]) if problem.args else str(problem))
        return EXIT_INPUT
