"""Files newsdesk writes: whole or not at all, private, and never over its own database.

Every export, draft, backup and setting newsdesk writes goes through here:

- :func:`write_atomic` and :func:`atomic_target` write to a temporary file in
  the target's folder, flush it to disk and only then rename it over the
  target, so a full disk, a crash or a writer's error leaves the previous
  file exactly as it was (and no half-written or empty file in its place);
- :func:`refuse_database` turns away a target that is the database itself or
  one of SQLite's files beside it (``-wal``, ``-shm``, ``-journal``);
- files are created readable and writable by their owner only (0600) and
  folders the same (0700): :func:`private_umask` sets that for the whole
  process, and the functions here do it explicitly for library callers.

A failure raises :class:`~newsdesk.errors.OutputError` with a message for
the editor. Imports nothing of newsdesk but its errors.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsdesk.errors import OutputError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077
# What SQLite keeps beside a database: overwriting any of them loses saved work.
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def private_umask() -> int:
    """Make every file and folder this process creates private (0600/0700); the old umask."""
    return os.umask(PRIVATE_UMASK)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and its parents) as 0700 when missing; an existing one is left alone."""
    if folder.is_dir():
        return
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # the umask may have narrowed it further
        folder.chmod(PRIVATE_DIR)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist yet (an existing file stays)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(descriptor)


def refuse_database(target: Path, databases: Iterable[Path]) -> None:
    """Raise :class:`OutputError` when ``target`` is one of ``databases`` or a file beside it
    that SQLite uses (``-wal``, ``-shm``, ``-journal``), by path or as the same file."""
    resolved = _resolved(target)
    for database in databases:
        db = _resolved(database)
        for suffix in SQLITE_COMPANIONS:
            companion = db.with_name(db.name + suffix)
            if resolved == companion or _same_file(target, companion):
                raise OutputError(
                    f"{target} is newsdesk's database{' file ' + suffix if suffix else ''}; "
                    "writing there would destroy the saved stories. Choose another file name."
                )


def write_atomic(target: Path | str, data: bytes, *, protect: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``target`` whole or not at all (see the module docstring).

    ``protect`` lists databases the target must not be (:func:`refuse_database`).
    """
    with atomic_target(target, protect=protect) as temporary, temporary.open("r+b") as out:
        out.write(data)
        out.flush()
    return Path(target)


@contextlib.contextmanager
def atomic_target(target: Path | str, *, protect: Iterable[Path] = ()) -> Iterator[Path]:
    """A private, empty temporary file beside ``target`` for a writer that wants a file name.

    When the block ends normally, the temporary file is flushed to disk and
    renamed over ``target``; when it raises, the temporary file is removed,
    ``target`` is untouched and the error propagates (an :class:`OSError` as
    :class:`OutputError`). The writer must close the file before the block ends.
    """
    path = Path(target).expanduser()
    refuse_database(path, protect)
    if path.is_dir():
        raise OutputError(f"{path} is a folder; choose a file name.")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise OutputError(f"{path} is not a regular file (a device or pipe); choose a file name.")
    try:
        descriptor, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".partial", dir=path.parent or None
        )
    except OSError as error:
        raise _output_error(path, error) from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        fsync_file(temporary)
        os.replace(temporary, path)
        _fsync_folder(path.parent)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _output_error(path, error) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _output_error(path: Path, error: OSError) -> OutputError:
    return OutputError(
        f"Could not write {path}: {error.strerror or error}. Nothing was changed there; "
        "choose another folder or free some space."
    )


def fsync_file(path: Path) -> None:
    """Flush ``path``'s contents to the disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be synced)."""
    try:
        descriptor = os.open(folder or Path("."), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(descriptor)


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:
        return path.expanduser().absolute()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
