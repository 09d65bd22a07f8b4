"""The house register in the database: every entry versioned, nothing rewritten.

Each change of an entry — made, edited, switched off or on, deleted — appends
a row to ``register_entries`` with who and when; an entry is its newest row
(the ``house_register`` view), and its history is all of them. Entries are
the core's :class:`~newsdesk.core.sheet.register.RegisterEntry`; this module
only keeps them.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from newsdesk.core.sheet.register import HouseRegister, RegisterEntry, RegisterError
from newsdesk.storage.connection import immediate_transaction
from newsdesk.storage.records import to_iso, utc_now

log = logging.getLogger(__name__)

_CURRENT = (
    "SELECT id, revision, rule, name, label, target, active, note, source, story, "
    "added_by, added_at FROM house_register"
)
# The rules that contradict each other about the same words.
_OPPOSED = {"name": ("not_name",), "alias": ("not_name",), "not_name": ("name", "alias")}


class RegisterTable:
    """The store's house register (``store.register``); see the module docstring.

    Raises :class:`~newsdesk.core.sheet.register.RegisterError` for an entry
    that cannot be, :class:`LookupError` for an unknown entry id, and the
    store's :class:`~newsdesk.errors.StorageError` for a file it cannot use.
    """

    def __init__(self, db: Database, errors: Callable[[], AbstractContextManager[None]]) -> None:
        self._db = db
        self._errors = errors

    # -- reading ----------------------------------------------------------------------

    def entries(self, *, active_only: bool = False) -> list[RegisterEntry]:
        """Every entry as it stands, oldest first (switched-off ones too unless told)."""
        sql = _CURRENT + (" WHERE active = 1" if active_only else "") + " ORDER BY id"
        with self._errors():
            return [_entry(row) for row in self._db.query(sql)]

    def entry(self, entry_id: int) -> RegisterEntry:
        """One entry as it stands; :class:`LookupError` when there is none (or it was deleted)."""
        with self._errors():
            rows = list(self._db.query(_CURRENT + " WHERE id = ?", [entry_id]))
        if not rows:
            raise LookupError(f"There is no house register entry {entry_id}.")
        return _entry(rows[0])

    def history(self, entry_id: int) -> list[dict[str, Any]]:
        """Every version of an entry, oldest first, as rows (who, when, what)."""
        with self._errors():
            return list(
                self._db.query(
                    "SELECT revision, rule, name, label, target, active, deleted, note, "
                    "editor, created_at FROM register_entries WHERE entry = ? ORDER BY revision",
                    [entry_id],
                )
            )

    def stamp(self) -> int:
        """A number that changes with every change of the register (cheap to ask)."""
        with self._errors():
            return int(
                self._db.execute("SELECT coalesce(max(id), 0) FROM register_entries").fetchone()[0]
            )

    def load(self) -> HouseRegister:
        """The register extraction reads: the entries and the stamp they were read at."""
        with self._errors():
            stamp = self.stamp()
            return HouseRegister(self.entries(), stamp=stamp)

    # -- writing ----------------------------------------------------------------------

    def add(self, entry: RegisterEntry, *, editor: str = "") -> RegisterEntry:
        """Keep a new entry, or update the one about the same words and rule.

        An entry that contradicts it (a name the register said was no name, or
        the other way round) is switched off, so the newest word stands.
        """
        entry = entry.checked()
        with self._errors(), immediate_transaction(self._db):
            return self._add(entry, editor)

    def add_all(self, entries: Iterable[RegisterEntry], *, editor: str = "") -> int:
        """Keep many entries in one transaction (a CSV import); how many changed the register."""
        checked = [e.checked() for e in entries]
        with self._errors(), immediate_transaction(self._db):
            before = self.stamp()
            for entry in checked:
                self._add(entry, editor)
            after = self.stamp()
        return int(
            self._db.execute(
                "SELECT count(*) FROM register_entries WHERE id > ? AND id <= ?", [before, after]
            ).fetchone()[0]
        )

    def update(self, entry_id: int, *, editor: str = "", **changes: Any) -> RegisterEntry:
        """A new version of an entry with ``changes`` (rule, name, label, target, active, note)."""
        allowed = {"rule", "name", "label", "target", "active", "note"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"cannot change {', '.join(sorted(unknown))} of a register entry")
        with self._errors(), immediate_transaction(self._db):
            current = self.entry(entry_id)
            changed = replace(current, **changes).checked()
            if changed == current:
                return current
            self._append(changed, entry_id, self._next_revision(entry_id), editor)
        return self.entry(entry_id)

    def set_active(self, entry_id: int, active: bool, *, editor: str = "") -> RegisterEntry:
        """Switch an entry on or off (a new version)."""
        return self.update(entry_id, editor=editor, active=active)

    def remove(self, entry_id: int, *, editor: str = "") -> None:
        """Delete an entry: a last version marks it deleted; its history stays."""
        with self._errors(), immediate_transaction(self._db):
            current = self.entry(entry_id)
            self._append(current, entry_id, self._next_revision(entry_id), editor, deleted=True)
        log.info("house register: entry %d deleted by %s", entry_id, editor or "?")

    # -- helpers ----------------------------------------------------------------------

    def _add(self, entry: RegisterEntry, editor: str) -> RegisterEntry:
        same = self._current_about(entry.name)
        for other in same:
            if other.rule in _OPPOSED[entry.rule] and other.active and other.id is not None:
                self._append(
                    replace(other, active=False), other.id, self._next_revision(other.id), editor
                )
        existing = next((e for e in same if e.rule == entry.rule), None)
        if existing is not None and existing.id is not None:
            wanted = replace(
                existing, label=entry.label, target=entry.target, active=entry.active,
                note=entry.note or existing.note,
            )  # fmt: skip
            if wanted != existing:
                self._append(wanted, existing.id, self._next_revision(existing.id), editor)
            return self.entry(existing.id)
        entry_id = self._append(entry, None, 1, editor)
        return self.entry(entry_id)

    def _next_revision(self, entry_id: int) -> int:
        # Not the standing version's number plus one: rows received from the desk
        # may stand before a later-numbered one.
        return 1 + int(
            self._db.execute(
                "SELECT coalesce(max(revision), 0) FROM register_entries WHERE entry = ?",
                [entry_id],
            ).fetchone()[0]
        )

    def _current_about(self, name: str) -> list[RegisterEntry]:
        return [_entry(row) for row in self._db.query(_CURRENT + " WHERE name = ?", [name])]

    def _append(
        self,
        entry: RegisterEntry,
        entry_id: int | None,
        revision: int,
        editor: str,
        *,
        deleted: bool = False,
    ) -> int:
        """Write one version; a new entry's id is its first version's row id."""
        row = {
            "revision": revision,
            "rule": entry.rule,
            "name": entry.name,
            "label": entry.label,
            "target": entry.target,
            "active": 1 if entry.active else 0,
            "deleted": 1 if deleted else 0,
            "note": entry.note,
            "source": entry.source,
            "story": entry.story,
            # The first version is the entry's author's (an imported list keeps its own).
            "editor": (entry.added_by or editor) if revision == 1 else (editor or entry.added_by),
            "created_at": entry.added_at if revision == 1 and entry.added_at else to_iso(utc_now()),
        }
        row["uid"] = str(uuid.uuid4())
        number = entry_id
        if number is None:
            row["entry_uid"] = row["uid"]
            # The entry's number is its first row's id: take the next one in this transaction.
            number = int(
                self._db.execute(
                    "SELECT coalesce(max(id), 0) + 1 FROM register_entries"
                ).fetchone()[0]
            )
            row["id"] = number
        else:
            first = self._db.execute(
                "SELECT entry_uid FROM register_entries WHERE entry = ? ORDER BY revision LIMIT 1",
                [number],
            ).fetchone()
            row["entry_uid"] = first[0] if first is not None and first[0] else row["uid"]
        row["entry"] = number
        self._db.table("register_entries").insert(row)
        return number


def _entry(row: dict[str, Any]) -> RegisterEntry:
    return RegisterEntry(
        rule=row["rule"],
        name=row["name"],
        label=row["label"],
        target=row["target"],
        active=bool(row["active"]),
        note=row["note"] or "",
        source=row["source"] or "",
        added_by=row["added_by"] or "",
        added_at=row["added_at"] or "",
        story=row["story"],
        id=int(row["id"]),
        revision=int(row["revision"]),
    )


__all__ = ["RegisterError", "RegisterTable"]
