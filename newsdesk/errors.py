"""Typed exceptions.

Environment failures (a model that is not installed, an unreadable file, a
locked or damaged database) derive from :class:`NewsdeskError` and carry a
message written for the editor: what went wrong and what to do. Anything else
that escapes is a bug and is reported as one.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """A failure the user can act on; ``str(error)`` is the message to show."""


class ModelNotInstalledError(NewsdeskError):
    """No usable spaCy English pipeline could be loaded."""


class InputError(NewsdeskError):
    """The article text could not be read or is unusable (empty, binary)."""


class StorageError(NewsdeskError):
    """The fact-sheet database could not be opened or written."""


class DatabaseLockedError(StorageError):
    """Another program holds the database lock for longer than we wait."""


class DatabaseCorruptError(StorageError):
    """The database file is damaged or is not a newsdesk database."""


class DatabaseReadOnlyError(StorageError):
    """The database file or its folder cannot be written."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer newsdesk than this one."""


class OutputError(NewsdeskError):
    """A file could not be written (the disk is full, the folder is read-only, the
    target is the database itself); the previous file is left as it was."""


class SheetError(NewsdeskError, ValueError):
    """A fact sheet breaks the ``newsdesk.factsheet/1`` contract; the message names the field."""
