"""The local half of sharing through a desk server: what this file has sent and received.

Every version has a global id (``uid``), the id of the version it follows
(``parent_uid``), the other ends of a fork it settles (``resolves``) and a
fingerprint of the whole record (``content_hash``, :meth:`DeskVersion.expected_hash`). A
desk server is told apart from another by its own id; ``desk_acks`` lists the
versions and register rows a desk is known to hold, ``desk_state`` where the
last pull stopped. :class:`DeskLedger` (``store.desk``) hands the sync what to
send and takes in what it received, each batch in one transaction, so a sync
killed at any point leaves this file as it was before that batch, and running
it again finishes the job. Nothing here talks to a server: that is
:mod:`newsdesk.sync`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from sqlite_utils import Database

from newsdesk.core.sheet.schema import parse_sheet, sheet_json
from newsdesk.errors import DatabaseCorruptError, SheetError, StorageError
from newsdesk.storage.connection import immediate_transaction
from newsdesk.storage.records import VersionInfo, from_iso, status_counts, to_iso, utc_now
from newsdesk.storage.slugs import is_slug
from newsdesk.storage.texts import SHEET_COLUMNS, stored_sheet

if TYPE_CHECKING:
    from newsdesk.core.sheet.model import FactSheet

log = logging.getLogger(__name__)

HASH_FORMAT = "newsdesk.version/1"


class DeskRecordError(StorageError):
    """A record from the desk server does not hold together (its fingerprint, its sheet)."""


@dataclass(frozen=True)
class DeskVersion:
    """One version as the desk exchanges it (the whole record; facts are derived from it)."""

    uid: str
    story: str
    headline: str  # the story's headline where it was saved (not part of the fingerprint)
    parent_uid: str | None
    resolves: str  # space-separated ids of the fork ends it settles
    created_at: str  # ISO 8601 text in UTC, exactly as saved
    editor: str
    message: str
    sheet_json: str
    content_hash: str

    def fingerprinted(self) -> DeskVersion:
        """This version with the fingerprint its fields give (for one made here)."""
        return replace(self, content_hash=self.expected_hash())

    def expected_hash(self) -> str:
        """The fingerprint: SHA-256 over every field that makes it this version.

        ``sheet_json`` is the sheet as the store reads it back, written out again
        (:func:`~newsdesk.core.sheet.schema.sheet_json`): the logical record, so
        the fingerprint does not change with how a file keeps the article text.
        The story's headline is not in it (a story may be renamed).
        """
        record = [
            HASH_FORMAT, self.uid, self.story, self.parent_uid, self.resolves,
            self.created_at, self.editor, self.message,
        ]  # fmt: skip
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(f"{text}\n{self.sheet_json}".encode()).hexdigest()


@dataclass(frozen=True)
class Outgoing:
    """A version this file has and a desk lacks, read back for sending."""

    local_id: int  # its row here: where the next batch starts
    story: str
    number: int
    version: DeskVersion | None  # None: it does not read back whole here, so it is not sent
    sheet: FactSheet | None


@dataclass(frozen=True)
class DeskRegisterRow:
    """One version of a house register entry as the desk exchanges it."""

    uid: str
    entry_uid: str
    rule: str
    name: str
    label: str | None
    target: str | None
    active: bool
    deleted: bool
    note: str
    source: str
    story: str | None
    editor: str
    created_at: str


_Row = TypeVar("_Row", DeskVersion, DeskRegisterRow)


@dataclass(frozen=True)
class Received:
    """What one batch from the desk did to this file."""

    added: int  # versions (or register rows) new to this file
    known: int  # already here (sent from here, or received before)


def open_heads(versions: Sequence[VersionInfo]) -> list[VersionInfo]:
    """The ends of a story's history that nothing follows or settles, oldest first.

    One end is a plain history; two or more are a fork: editors saved from the
    same version (or made the same story) apart, and nobody has settled it yet.
    """
    followed = {v.parent_uid for v in versions if v.parent_uid}
    for version in versions:
        followed.update(version.resolves)
    return [v for v in versions if v.uid and v.uid not in followed]


class DeskLedger:
    """What this file has sent to and received from desk servers (``store.desk``).

    ``append`` is the store's own way of writing a version row with its facts
    and story summary, so a received version is stored exactly as a saved one.
    """

    def __init__(
        self,
        db: Database,
        errors: Callable[[], AbstractContextManager[None]],
        append: Callable[[int, VersionInfo, FactSheet, str, DeskVersion], tuple[int, int]],
        story_for: Callable[[str, str], int],
        load: Callable[[str, int], FactSheet],
    ) -> None:
        self._db = db
        self._errors = errors
        self._append = append
        self._story_for = story_for
        self._load = load  # the store's own reading of a version's sheet

    # -- what to send ------------------------------------------------------------------

    def unsent_versions(self, desk: str, limit: int, *, after: int = 0) -> list[Outgoing]:
        """Up to ``limit`` versions ``desk`` does not hold yet, in the order they were stored.

        Each is read back through the store and fingerprinted from what it reads
        (a version whose stored fingerprint disagrees is damaged and not sent).
        ``after`` skips those up to a row id, so a version that cannot be sent
        is passed over, not asked for forever. A parent is always stored before
        what follows it, so it is sent first too.
        """
        with self._errors():
            rows = self._db.execute(
                "SELECT v.id, s.slug, v.number, v.uid, s.headline, v.parent_uid, v.resolves, "
                f"v.created_at, v.editor, v.message, v.content_hash, {SHEET_COLUMNS} "
                "FROM versions v JOIN stories s ON s.id = v.story_id "
                "LEFT JOIN article_texts t ON t.id = v.text_id "
                "WHERE v.id > ? AND "
                "NOT EXISTS (SELECT 1 FROM desk_acks a WHERE a.desk = ? AND a.uid = v.uid) "
                "ORDER BY v.id LIMIT ?",
                [after, desk, limit],
            ).fetchall()
        return [self._outgoing(*row) for row in rows]

    def _outgoing(
        self,
        local_id: int,
        slug: str,
        number: int,
        uid: str,
        headline: str,
        parent_uid: str | None,
        resolves: str,
        created_at: str,
        editor: str | None,
        message: str | None,
        stored_hash: str | None,
        column: bytes | None,
        packed: bytes | None = None,
        text: bytes | None = None,
    ) -> Outgoing:
        try:
            sheet = self._load(slug, number)
        except DatabaseCorruptError:
            log.warning("version %d of a story does not read back whole: not sent", number)
            return Outgoing(local_id, slug, number, None, None)
        record = DeskVersion(
            uid=uid,
            story=slug,
            headline=headline or "",
            parent_uid=parent_uid,
            resolves=resolves or "",
            created_at=created_at,
            editor=editor or "",
            message=message or "",
            sheet_json="",
            content_hash="",
        )
        # Where the columns hold the very JSON the fingerprint was taken over (as
        # this version of the file keeps it, unpacked, with the article's text put back
        # the way the store reads it when the text is stored apart), it is the sheet
        # written out again; otherwise the read-back sheet is written out anew (slower).
        raw = stored_sheet(column, packed, text).decode("utf-8", "replace")
        version = replace(record, sheet_json=raw).fingerprinted()
        if not stored_hash or version.content_hash != stored_hash:
            try:
                version = replace(record, sheet_json=sheet_json(sheet)).fingerprinted()
            except SheetError:
                log.warning("version %d of a story cannot be written out: not sent", number)
                return Outgoing(local_id, slug, number, None, None)
        if stored_hash and stored_hash != version.content_hash:
            log.warning("version %d of a story no longer matches its fingerprint: not sent", number)
            return Outgoing(local_id, slug, number, None, None)
        return Outgoing(local_id, slug, number, version, sheet)

    def unsent_register(self, desk: str, limit: int) -> list[DeskRegisterRow]:
        """Up to ``limit`` register rows ``desk`` does not hold yet, oldest first."""
        with self._errors():
            rows = self._db.execute(
                "SELECT r.uid, r.entry_uid, r.rule, r.name, r.label, r.target, r.active, "
                "r.deleted, r.note, r.source, r.story, r.editor, r.created_at "
                "FROM register_entries r WHERE NOT EXISTS "
                "(SELECT 1 FROM desk_acks a WHERE a.desk = ? AND a.uid = r.uid) "
                "ORDER BY r.id LIMIT ?",
                [desk, limit],
            ).fetchall()
        return [
            DeskRegisterRow(
                uid=row[0],
                entry_uid=row[1],
                rule=row[2],
                name=row[3],
                label=row[4],
                target=row[5],
                active=bool(row[6]),
                deleted=bool(row[7]),
                note=row[8] or "",
                source=row[9] or "",
                story=row[10],
                editor=row[11] or "",
                created_at=row[12],
            )
            for row in rows
        ]

    def pending(self, desk: str) -> int:
        """How many versions and register rows wait to be sent to ``desk``."""
        with self._errors():
            return int(
                self._db.execute(
                    "SELECT (SELECT count(*) FROM versions v WHERE NOT EXISTS "
                    "  (SELECT 1 FROM desk_acks a WHERE a.desk = :d AND a.uid = v.uid)) + "
                    "(SELECT count(*) FROM register_entries r WHERE NOT EXISTS "
                    "  (SELECT 1 FROM desk_acks a WHERE a.desk = :d AND a.uid = r.uid))",
                    {"d": desk},
                ).fetchone()[0]
            )

    def acknowledge(self, desk: str, sent: Iterable[tuple[str, int]]) -> None:
        """Record that ``desk`` holds these (uid, server sequence) — after its commit."""
        rows = list(sent)
        with self._errors(), immediate_transaction(self._db):
            self._db.conn.executemany(
                "INSERT OR IGNORE INTO desk_acks (desk, uid, seq) VALUES (?, ?, ?)",
                [(desk, uid, seq) for uid, seq in rows],
            )

    # -- where to pull from ---------------------------------------------------------------

    def cursor(self, desk: str) -> tuple[int, int]:
        """The server sequence numbers of the last version and register row received."""
        with self._errors():
            row = self._db.execute(
                "SELECT versions_seq, register_seq FROM desk_state WHERE desk = ?", [desk]
            ).fetchone()
        return (0, 0) if row is None else (int(row[0]), int(row[1]))

    def last_sync(self, desk: str | None = None) -> str | None:
        """When this file last finished a sync (with ``desk``, or any), as ISO text."""
        sql = "SELECT max(synced_at) FROM desk_state"
        params: list[Any] = []
        if desk is not None:
            sql += " WHERE desk = ?"
            params.append(desk)
        with self._errors():
            row = self._db.execute(sql, params).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def last_desk(self) -> str | None:
        """The id of the desk this file last finished a sync with, if any."""
        with self._errors():
            row = self._db.execute(
                "SELECT desk FROM desk_state WHERE synced_at IS NOT NULL "
                "ORDER BY synced_at DESC LIMIT 1"
            ).fetchone()
        return None if row is None else str(row[0])

    def finish(self, desk: str) -> None:
        """Note that a sync with ``desk`` went through to the end."""
        with self._errors(), immediate_transaction(self._db):
            self._state(desk)
            self._db.execute(
                "UPDATE desk_state SET synced_at = ? WHERE desk = ?", [to_iso(utc_now()), desk]
            )

    # -- taking in ----------------------------------------------------------------------------

    def receive_versions(self, desk: str, batch: Sequence[tuple[int, DeskVersion]]) -> Received:
        """Store versions received from ``desk`` (with their server sequence), in one transaction.

        A version this file already has is only acknowledged. A new one is
        checked whole — its fingerprint, its sheet against the contract, its
        text against the text's fingerprint — before anything of the batch is
        written, and appended to its story (made if new) with the editor and
        time it was saved with. The pull cursor moves in the same transaction.
        """
        # Only versions new here are checked (a sync pulls back what it sent too).
        with self._errors():
            here = {
                str(row[0])
                for row in self._db.execute(
                    "SELECT uid FROM versions WHERE uid IN (SELECT value FROM json_each(?))",
                    [json.dumps([version.uid for _, version in batch])],
                )
            }
        sheets = {v.uid: self._checked(v) for _, v in batch if v.uid not in here}
        return self._receive(
            desk,
            batch,
            "versions_seq",
            "versions",
            lambda version: self._store(version, sheets[version.uid]),
        )

    def receive_register(self, desk: str, batch: Sequence[tuple[int, DeskRegisterRow]]) -> Received:
        """Store house register rows received from ``desk``, in one transaction."""
        return self._receive(desk, batch, "register_seq", "register_entries", self._store_register)

    def _receive(
        self,
        desk: str,
        batch: Sequence[tuple[int, _Row]],
        cursor: str,
        table: str,
        store: Callable[[_Row], None],
    ) -> Received:
        """One batch in one transaction: the rows new here, every row acknowledged, the cursor."""
        added = known = 0
        with self._errors(), immediate_transaction(self._db):
            self._state(desk)
            for seq, row in batch:
                if self._db.execute(f"SELECT 1 FROM {table} WHERE uid = ?", [row.uid]).fetchone():
                    known += 1
                else:
                    store(row)
                    added += 1
                self._db.execute(
                    "INSERT OR IGNORE INTO desk_acks (desk, uid, seq) VALUES (?, ?, ?)",
                    [desk, row.uid, seq],
                )
            if batch:
                self._db.execute(
                    f"UPDATE desk_state SET {cursor} = max({cursor}, ?) WHERE desk = ?",
                    [max(seq for seq, _ in batch), desk],
                )
        return Received(added, known)

    # -- inside ------------------------------------------------------------------------------

    def _state(self, desk: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO desk_state (desk) VALUES (?)", [desk])

    def _checked(self, version: DeskVersion) -> FactSheet:
        """The sheet of a received version, once the record is known to be whole."""
        where = f"version {version.uid} of story {version.story!r} from the desk server"
        if not is_slug(version.story):
            raise DeskRecordError(f"The story name of {where} is not a story slug.")
        if version.expected_hash() != version.content_hash:
            raise DeskRecordError(
                f"The {where} does not match its fingerprint: it was changed after it was "
                "saved. Nothing of this batch was stored; tell whoever runs the desk server."
            )
        try:
            from_iso(version.created_at)
            sheet = parse_sheet(version.sheet_json)
        except (SheetError, ValueError) as error:
            raise DeskRecordError(f"The {where} cannot be read ({error}).") from None
        return sheet

    def _store(self, version: DeskVersion, sheet: FactSheet) -> None:
        story_id = self._story_for(version.story, version.headline or sheet.article.headline)
        number = 1 + int(
            self._db.execute(
                "SELECT coalesce(max(number), 0) FROM versions WHERE story_id = ?", [story_id]
            ).fetchone()[0]
        )
        parent_row = (
            self._db.execute(
                "SELECT number FROM versions WHERE uid = ? AND story_id = ?",
                [version.parent_uid, story_id],
            ).fetchone()
            if version.parent_uid
            else None
        )
        info = VersionInfo(
            story=version.story,
            number=number,
            created_at=from_iso(version.created_at),
            editor=version.editor,
            message=version.message,
            entity_count=len(sheet.entities),
            figure_count=len(sheet.figures),
            date_count=len(sheet.dates),
            quote_count=len(sheet.quotes),
            text_hash=sheet.article.text_hash,
            parent=None if parent_row is None else int(parent_row[0]),
            uid=version.uid,
            parent_uid=version.parent_uid,
            resolves=tuple(version.resolves.split()),
            **status_counts(sheet),
        )
        self._append(story_id, info, sheet, version.sheet_json, version)

    def _store_register(self, row: DeskRegisterRow) -> None:
        first = self._db.execute(
            "SELECT entry FROM register_entries WHERE uid = ?", [row.entry_uid]
        ).fetchone()
        next_id = int(
            self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM register_entries").fetchone()[0]
        )
        entry = next_id if first is None else int(first[0])
        revision = 1 + int(
            self._db.execute(
                "SELECT coalesce(max(revision), 0) FROM register_entries WHERE entry = ?", [entry]
            ).fetchone()[0]
        )
        self._db.table("register_entries").insert(
            {
                "id": next_id,
                "entry": entry,
                "revision": revision,
                "rule": row.rule,
                "name": row.name,
                "label": row.label,
                "target": row.target,
                "active": 1 if row.active else 0,
                "deleted": 1 if row.deleted else 0,
                "note": row.note,
                "source": row.source,
                "story": row.story,
                "editor": row.editor,
                "created_at": row.created_at,
                "uid": row.uid,
                "entry_uid": row.entry_uid,
            }
        )
