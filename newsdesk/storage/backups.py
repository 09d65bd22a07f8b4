"""Backups of the database: consistent copies made with ``VACUUM INTO``, and finding them again.

A backup is written under a temporary name, flushed to disk and only then given
its real name, so a backup that exists is always whole. An existing file is
never overwritten. :func:`find_backups` lists what newsdesk left beside a
database (File › Back up and the copies taken before each schema upgrade), the
newest first, so a damaged database can be swapped for one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from newsdesk.errors import StorageError
from newsdesk.files import create_private_file, fsync_file
from newsdesk.storage.connection import SQLITE_HEADER, translate
from newsdesk.storage.records import utc_now

log = logging.getLogger(__name__)

BACKUP_PREFIX = "newsdesk-backup-"


def default_backup_path(db_path: Path) -> Path:
    """``newsdesk-backup-20150925-140300.db`` beside the database (a free name)."""
    stamp = utc_now().astimezone().strftime("%Y%m%d-%H%M%S")
    candidate = db_path.with_name(f"{BACKUP_PREFIX}{stamp}.db")
    suffix = 1
    while candidate.exists():
        suffix += 1
        candidate = db_path.with_name(f"{BACKUP_PREFIX}{stamp}-{suffix}.db")
    return candidate


def vacuum_into(db: Database, db_path: Path, target: Path, timeout: float) -> Path:
    """Copy the open database ``db`` to ``target`` as one consistent snapshot."""
    target = target.expanduser()
    if target.exists():
        raise StorageError(f"{target} already exists; choose a new file name for the backup.")
    if target.resolve() == db_path.resolve():
        raise StorageError("A backup cannot replace the database itself; choose another name.")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        # VACUUM INTO reads one snapshot: saves made meanwhile are either in or out.
        create_private_file(partial)  # an empty file: SQLite fills it, keeping its mode
        db.execute("VACUUM INTO ?", [str(partial)])
        fsync_file(partial)
        os.replace(partial, target)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        translated = translate(error, target, timeout)
        if translated is None:
            raise
        raise StorageError(f"The backup was not written. {translated}") from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageError(
            f"The backup was not written to {target} ({error.strerror or error}). "
            "Choose another folder."
        ) from error
    log.info("database %s backed up to %s", db_path, target)
    return target


def find_backups(db_path: Path) -> list[Path]:
    """SQLite backups newsdesk made beside ``db_path``, the newest first."""
    folder = db_path.parent
    if not folder.is_dir():
        return []
    names = [
        *folder.glob(f"{BACKUP_PREFIX}*.db"),
        *folder.glob(f"{db_path.name}.v*.bak"),
    ]
    found = [path for path in names if path.is_file() and _looks_like_sqlite(path)]
    return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
