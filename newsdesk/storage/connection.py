"""Opening the SQLite file safely and turning SQLite failures into messages for the editor.

Everything that can go wrong with the file itself (locked, damaged, read-only,
disk full) becomes a :class:`~newsdesk.errors.StorageError` subclass whose text
says what happened and what to do. Other SQLite errors are bugs and propagate.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from newsdesk.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    StorageError,
)
from newsdesk.files import create_private_file, make_private_dir

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"

# Primary result codes (https://www.sqlite.org/rescode.html); extended codes
# carry the primary one in their low byte.
_PERM = sqlite3.SQLITE_PERM
_BUSY = sqlite3.SQLITE_BUSY
_LOCKED = sqlite3.SQLITE_LOCKED
_READONLY = sqlite3.SQLITE_READONLY
_IOERR = sqlite3.SQLITE_IOERR
_CORRUPT = sqlite3.SQLITE_CORRUPT
_FULL = sqlite3.SQLITE_FULL
_CANTOPEN = sqlite3.SQLITE_CANTOPEN
_NOTADB = sqlite3.SQLITE_NOTADB


def corrupt_message(path: Path, detail: str = "") -> str:
    """The message for a file that is damaged or not ours."""
    why = f" ({detail})" if detail else ""
    return (
        f"{path} is damaged or is not a newsdesk database{why}. newsdesk has not changed it. "
        "Restore it from a backup, or open or create another database file "
        "(newsdesk --db PATH)."
    )


def read_only_message(path: Path, what: str = "the file or its folder is read-only") -> str:
    """The message for a database newsdesk may not write."""
    return (
        f"newsdesk cannot write to {path}: {what}. Check the permissions of the file and "
        "its folder, or use another database file (newsdesk --db PATH)."
    )


def locked_message(path: Path, timeout: float) -> str:
    """The message for a database another program keeps locked."""
    return (
        f"{path} is in use by another program (or another newsdesk window) and stayed "
        f"locked for more than {timeout:g} s. Nothing was changed. Wait a moment and try "
        "again, or close the other program."
    )


def translate(error: sqlite3.Error, path: Path, timeout: float) -> StorageError | None:
    """The :class:`StorageError` for an environment failure, or ``None`` for a bug."""
    code = getattr(error, "sqlite_errorcode", -1) & 0xFF
    text = str(error).lower()
    if code in (_BUSY, _LOCKED) or "database is locked" in text:
        return DatabaseLockedError(locked_message(path, timeout))
    if code in (_READONLY, _PERM) or "readonly database" in text:
        return DatabaseReadOnlyError(read_only_message(path))
    if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return DatabaseCorruptError(corrupt_message(path, str(error)))
    if code == _FULL:
        return StorageError(
            f"The disk holding {path} is full. Nothing was saved. Free some space and try again."
        )
    if code == _CANTOPEN:
        if not _writable(path.parent):
            return DatabaseReadOnlyError(read_only_message(path, "its folder is read-only"))
        return StorageError(
            f"newsdesk could not open {path} ({error}). Check that the path is a file and "
            "that its folder exists and is readable."
        )
    if code == _IOERR:
        return StorageError(
            f"Reading or writing {path} failed ({error}). Check the disk, then try again."
        )
    return None


@contextmanager
def storage_errors(path: Path, timeout: float) -> Iterator[None]:
    """Re-raise SQLite environment failures inside the block as :class:`StorageError`."""
    try:
        yield
    except sqlite3.Error as error:
        translated = translate(error, path, timeout)
        if translated is None:
            raise
        log.warning("database %s: %s", path, error)
        raise translated from error


def check_file(path: Path) -> None:
    """Refuse, without touching it, a path that cannot hold a newsdesk database.

    SQLite itself refuses a non-database file, but checking the header first means
    we never even open someone's document with write access.
    """
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file. Choose a file name.")
    try:
        parent_exists = path.parent.is_dir()
        if not parent_exists:
            make_private_dir(path.parent)
    except PermissionError as error:
        raise DatabaseReadOnlyError(
            read_only_message(path, f"its folder {path.parent} cannot be created")
        ) from error
    except OSError as error:
        raise StorageError(
            f"newsdesk could not create the folder for {path} ({error.strerror}). "
            "Choose another location (newsdesk --db PATH)."
        ) from error
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except PermissionError as error:
            raise StorageError(
                f"newsdesk may not read {path}. Check the file's permissions."
            ) from error
        # An empty file is a new database to SQLite; anything else must be one already.
        if header and header != SQLITE_HEADER:
            raise DatabaseCorruptError(corrupt_message(path, "not an SQLite file"))
        if not _writable(path):
            raise DatabaseReadOnlyError(read_only_message(path, "the file is read-only"))
    # WAL keeps -wal and -shm files beside the database, so the folder must be writable too.
    if not _writable(path.parent):
        raise DatabaseReadOnlyError(read_only_message(path, "its folder is read-only"))
    # A new database is private; SQLite gives its -wal and -shm files the same mode.
    create_private_file(path)


def connect(path: Path, timeout: float) -> Database:
    """A ``sqlite_utils`` database on ``path`` with newsdesk's per-connection settings.

    Transactions are explicit (``isolation_level=None``): the store opens them with
    ``BEGIN IMMEDIATE`` so a read-then-write never races another writer.
    """
    conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        # Plugins may alter connections; the store should behave the same everywhere.
        return Database(conn, execute_plugins=False)
    except BaseException:
        conn.close()
        raise


def enable_wal(db: Database) -> None:
    """Switch the file to write-ahead logging (persistent; a no-op when already on)."""
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("database could not switch to WAL journal mode (still %s)", mode)


@contextmanager
def immediate_transaction(db: Database) -> Iterator[None]:
    """One write transaction that holds the write lock from its first statement.

    ``BEGIN IMMEDIATE`` waits (up to the busy timeout) for other writers up front,
    so reads inside the block, such as the next version number, cannot go stale.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)
