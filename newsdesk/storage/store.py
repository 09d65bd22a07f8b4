"""The fact-sheet store: stories, each with an append-only list of saved versions.

One :class:`Store` wraps one SQLite file. Saving appends version ``n + 1`` of a
story in a single ``BEGIN IMMEDIATE`` transaction, so two windows or processes
saving the same story at once queue up instead of overwriting each other, and
nothing already saved is ever rewritten.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.sheet.schema import parse_sheet
from newsdesk.core.sheet.schema import sheet_json as checked_json
from newsdesk.errors import DatabaseCorruptError, SheetError
from newsdesk.storage import backups, schema
from newsdesk.storage.connection import (
    check_file,
    connect,
    enable_wal,
    immediate_transaction,
    storage_errors,
)
from newsdesk.storage.desk import DeskLedger, DeskVersion, open_heads
from newsdesk.storage.records import (
    VERSION_COLUMNS,
    SaveOutcome,
    SearchHit,
    StoryInfo,
    VersionInfo,
    fact_rows,
    status_counts,
    to_iso,
    utc_now,
    version_from_row,
)
from newsdesk.storage.register import RegisterTable
from newsdesk.storage.search import DEFAULT_SEARCH_LIMIT, find_stories, list_stories
from newsdesk.storage.slugs import MAX_SLUG_LENGTH, is_slug, slugify, truncate_slug
from newsdesk.storage.texts import SHEET_COLUMNS, pack, stored_sheet, text_id, without_text

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 5.0


class Store:
    """Versioned fact sheets in one SQLite file.

    ``Store(path)`` creates the folder and the file on first use and upgrades an
    older schema (after a backup). It raises a :class:`~newsdesk.errors.StorageError`
    subclass, with a message for the editor, when the file is locked for longer
    than ``timeout`` seconds, damaged or not a newsdesk database, read-only, or
    written by a newer newsdesk. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: Path | str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path).expanduser()
        self.timeout = timeout
        with self._errors():
            check_file(self.path)
            db = connect(self.path, timeout)
            try:
                # Identity first: WAL rewrites the header, and a refused file stays untouched.
                schema.check_identity(db, self.path)
                enable_wal(db)
                schema.migrate(db, self.path)
            except BaseException:
                db.close()
                raise
        self._db: Database = db
        # The house register lives in the same file, on the same connection.
        self.register = RegisterTable(db, self._errors)
        # What desk servers hold of this file (newsdesk.sync does the talking).
        self.desk = DeskLedger(
            db, self._errors, self._append_version, self._story_for_receive, self.load_version
        )
        # slug -> (id, JSON) of the version this store saved last: a cheap "unchanged?" check.
        self._last_saved: dict[str, tuple[int, str]] = {}
        log.info("opened fact-sheet database %s", self.path)

    # -- writing ---------------------------------------------------------------

    def save(
        self,
        slug: str,
        sheet: FactSheet,
        *,
        editor: str = "",
        message: str = "",
        headline: str | None = None,
        parent: int | None = None,
        resolves: Sequence[str] = (),
    ) -> SaveOutcome:
        """Append ``sheet`` as the next version of story ``slug`` (creating the story).

        One transaction: the version, its facts rows, their search index and the
        story's summary are written together or not at all, and the commit is on
        disk (``synchronous=FULL``) when this returns. A sheet equal to the
        story's newest version creates nothing (``created`` is ``False``).
        ``parent`` is the version the editor started from, when known (else the
        newest); ``resolves`` the ids of other ends of a fork this version settles
        (a version that settles a fork is stored even when its sheet is unchanged). The
        story's headline is ``headline`` or, for a new story, the article's;
        passing ``headline`` for an existing story renames it. A sheet that breaks
        the fact-sheet contract is refused with :class:`~newsdesk.errors.SheetError`.
        """
        if not is_slug(slug):
            raise ValueError(
                f"{slug!r} is not a story slug (lowercase letters, digits and single "
                f"hyphens, at most {MAX_SLUG_LENGTH} characters); use Store.new_slug()"
            )
        created_at = utc_now()
        article = sheet.article
        # What sheet.to_json() writes, checked: a sheet that breaks the contract is never stored.
        sheet_json = checked_json(sheet)
        with self._errors(), immediate_transaction(self._db):
            story_id, latest_id = self._story_for_save(
                slug,
                article.headline if headline is None else headline,
                rename=headline is not None,
                created_at=created_at,
            )
            parent_uid = self._parent_uid(story_id, parent, latest_id)
            settles = " ".join(uid for uid in resolves if uid != parent_uid)
            if (
                latest_id is not None
                and not settles
                and self._same_sheet(slug, latest_id, sheet_json, sheet)
            ):
                latest = self._version_by_id(slug, latest_id)
                # A story's slug is its unpublished headline: at DEBUG only.
                log.info(
                    "story %d unchanged since version %d, nothing saved", story_id, latest.number
                )
                log.debug("story %d is %s", story_id, slug)
                return SaveOutcome(latest, created=False)
            # Safe under BEGIN IMMEDIATE: no other writer can commit until we do.
            number = 1 + int(
                self._db.execute(
                    "SELECT coalesce(max(number), 0) FROM versions WHERE story_id = ?",
                    [story_id],
                ).fetchone()[0]
            )
            info = VersionInfo(
                story=slug,
                number=number,
                created_at=created_at,
                editor=editor,
                message=message,
                entity_count=len(sheet.entities),
                figure_count=len(sheet.figures),
                date_count=len(sheet.dates),
                quote_count=len(sheet.quotes),
                text_hash=article.text_hash,
                parent=parent,
                uid=str(uuid.uuid4()),
                parent_uid=parent_uid,
                resolves=tuple(settles.split()),
                **status_counts(sheet),
            )
            record = self._record(slug, headline or article.headline, info, sheet_json)
            version_id, facts = self._append_version(story_id, info, sheet, sheet_json, record)
        self._last_saved[slug] = (version_id, sheet_json)
        log.info("saved story %d version %d (%d facts)", story_id, number, facts)
        log.debug("story %d is %s", story_id, slug)
        return SaveOutcome(info, created=True)

    def _story_for_save(
        self, slug: str, headline: str, *, rename: bool, created_at: datetime
    ) -> tuple[int, int | None]:
        """The story's id (made now if new) and its newest version's id; renamed if asked."""
        story = self._db.execute(
            "SELECT id, latest_version_id FROM stories WHERE slug = ?", [slug]
        ).fetchone()
        if story is None:
            row = {"slug": slug, "headline": headline, "created_at": to_iso(created_at)}
            return self._insert("stories", row), None
        story_id = int(story[0])
        if rename:
            self._db.execute("UPDATE stories SET headline = ? WHERE id = ?", [headline, story_id])
        return story_id, None if story[1] is None else int(story[1])

    def _parent_uid(self, story_id: int, parent: int | None, latest_id: int | None) -> str | None:
        """The id of the version a new one follows: ``parent`` when known, else the newest."""
        row = None
        if parent is not None:
            row = self._db.execute(
                "SELECT uid FROM versions WHERE story_id = ? AND number = ?", [story_id, parent]
            ).fetchone()
        if row is None and latest_id is not None:
            row = self._db.execute("SELECT uid FROM versions WHERE id = ?", [latest_id]).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    @staticmethod
    def _record(slug: str, headline: str, info: VersionInfo, sheet_json: str) -> DeskVersion:
        """A new version as the desk will know it, with its fingerprint."""
        return DeskVersion(
            uid=info.uid,
            story=slug,
            headline=headline,
            parent_uid=info.parent_uid,
            resolves=" ".join(info.resolves),
            created_at=to_iso(info.created_at),
            editor=info.editor,
            message=info.message,
            sheet_json=sheet_json,
            content_hash="",
        ).fingerprinted()

    def _story_for_receive(self, slug: str, headline: str) -> int:
        """The id of story ``slug``, made now (with ``headline``) when this file has none."""
        story_id = self._story_id(slug)
        if story_id is not None:
            return story_id
        return self._insert(
            "stories", {"slug": slug, "headline": headline, "created_at": to_iso(utc_now())}
        )

    def _append_version(
        self,
        story_id: int,
        info: VersionInfo,
        sheet: FactSheet,
        sheet_json: str,
        record: DeskVersion,
    ) -> tuple[int, int]:
        """Write the version row, its fact rows and the story's summary; (version id, facts).

        The article text is stored once per distinct text (:mod:`.texts`): the
        version refers to it and its JSON leaves the text out; the JSON is packed.
        """
        counts = {f"{status}_count": count for status, count in info.status_counts.items()}
        created_text = record.created_at
        article_text, stored_id = sheet.article.text, None
        if article_text:
            stored_id = text_id(self._db, info.text_hash, article_text)
        if stored_id is not None:
            article_text, sheet_json = "", without_text(json.loads(sheet_json))
        version_id = self._insert(
            "versions",
            {
                "story_id": story_id,
                "number": info.number,
                "created_at": created_text,
                "editor": info.editor,
                "message": info.message,
                "article_text": article_text,
                "text_hash": info.text_hash,
                "sheet_json": "",
                "sheet_packed": pack(sheet_json),
                "text_id": stored_id,
                "entity_count": info.entity_count,
                "figure_count": info.figure_count,
                "date_count": info.date_count,
                "quote_count": info.quote_count,
                "parent": info.parent,
                "uid": record.uid,
                "parent_uid": record.parent_uid,
                "resolves": record.resolves,
                "content_hash": record.content_hash,
                **counts,
            },
        )
        rows = fact_rows(version_id, sheet)
        if rows:
            self._db.conn.executemany(_insert_sql("facts", rows[0]), rows)
        summary = {
            "latest_version_id": version_id,
            "version_count": info.number,
            "latest_at": created_text,
            "fact_count": info.fact_count,
            **counts,
        }
        assignments = ", ".join(f"{name} = :{name}" for name in summary)
        self._db.conn.execute(
            f"UPDATE stories SET {assignments} WHERE id = :story_id",
            {**summary, "story_id": story_id},
        )
        return version_id, len(rows)

    def save_version(
        self,
        slug: str,
        sheet: FactSheet,
        *,
        editor: str = "",
        message: str = "",
        headline: str | None = None,
        parent: int | None = None,
    ) -> VersionInfo:
        """:meth:`save`, returning just the version that holds ``sheet`` now."""
        return self.save(
            slug, sheet, editor=editor, message=message, headline=headline, parent=parent
        ).version

    def restore(
        self, slug: str, number: int, *, editor: str = "", message: str | None = None
    ) -> SaveOutcome:
        """Save version ``number`` of ``slug`` again, as the story's newest version.

        Nothing is rewritten: the restored sheet is appended, with ``number`` as
        its parent. It settles a fork: every other end of the story's history is
        marked as settled by it (the versions stay, as they were). Restoring the
        sheet the story already ends with, when it has one end, creates nothing.
        """
        sheet = self.load_version(slug, number)
        ends = [head.uid for head in self.heads(slug) if head.number != number]
        return self.save(
            slug,
            sheet,
            editor=editor,
            message=f"Restored version {number}" if message is None else message,
            parent=number,
            resolves=ends,
        )

    def heads(self, slug: str) -> list[VersionInfo]:
        """The ends of the story's history; more than one is a fork (see :func:`open_heads`)."""
        return open_heads(self.versions(slug))

    def back_up(self, target: Path | str | None = None) -> Path:
        """Write a consistent copy of the whole database to ``target`` (``VACUUM INTO``).

        The default target is ``newsdesk-backup-<time>.db`` beside the database.
        An existing file is never overwritten.
        """
        destination = backups.default_backup_path(self.path) if target is None else Path(target)
        return backups.vacuum_into(self._db, self.path, destination, self.timeout)

    # -- reading ---------------------------------------------------------------

    def versions(self, slug: str) -> list[VersionInfo]:
        """Every saved version of ``slug``, oldest first (empty for an unknown story)."""
        with self._errors():
            rows = self._db.execute(
                f"SELECT {VERSION_COLUMNS} FROM versions v "
                "WHERE v.story_id = (SELECT id FROM stories WHERE slug = ?) ORDER BY v.number",
                [slug],
            )
            return [version_from_row(slug, row) for row in rows]

    def version(self, slug: str, number: int | None = None) -> VersionInfo:
        """Version ``number`` of ``slug`` (the latest when ``None``).

        Raises :class:`LookupError` when there is no such story or version.
        """
        sql = (
            f"SELECT {VERSION_COLUMNS} FROM versions v "
            "WHERE v.story_id = (SELECT id FROM stories WHERE slug = ?)"
        )
        params: list[Any] = [slug]
        if number is not None:
            sql += " AND v.number = ?"
            params.append(number)
        with self._errors():
            row = self._db.execute(sql + " ORDER BY v.number DESC LIMIT 1", params).fetchone()
            if row is None:
                raise LookupError(self._missing_message(slug, number))
        return version_from_row(slug, row)

    def load_version(self, slug: str, number: int | None = None) -> FactSheet:
        """The fact sheet saved as version ``number`` of ``slug`` (the latest when ``None``).

        Raises :class:`LookupError` when there is no such story or version.
        """
        # As bytes: a damaged row may not even be UTF-8, and is told as damaged, not raised.
        sql = (
            f"SELECT v.number, v.text_hash, {SHEET_COLUMNS} "
            "FROM versions v JOIN stories s ON s.id = v.story_id "
            "LEFT JOIN article_texts t ON t.id = v.text_id WHERE s.slug = ?"
        )
        params: list[Any] = [slug]
        if number is not None:
            sql += " AND v.number = ?"
            params.append(number)
        with self._errors():
            row = self._db.execute(sql + " ORDER BY v.number DESC LIMIT 1", params).fetchone()
            if row is None:
                raise LookupError(self._missing_message(slug, number))
        return self._parse(slug, int(row[0]), stored_sheet(*row[2:]), str(row[1]))

    def last_good_version(self, slug: str, below: int | None = None) -> int | None:
        """The newest version of ``slug`` (under ``below``) that reads back whole, or ``None``."""
        numbers = [v.number for v in self.versions(slug) if below is None or v.number < below]
        for number in reversed(numbers):
            try:
                self.load_version(slug, number)
            except DatabaseCorruptError:
                continue
            return number
        return None

    def stories(self) -> list[StoryInfo]:
        """All stories, the most recently saved first."""
        return self.library()

    def library(
        self,
        *,
        status: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[StoryInfo]:
        """Stories, the most recently saved first, with the status counts of their newest version.

        ``status`` keeps stories whose newest version has at least one fact with
        that status (``"disputed"``: stories with a disputed fact); ``since`` and
        ``until`` (aware datetimes) bound when the newest version was saved.
        """
        with self._errors():
            return list_stories(self._db, status=status, since=since, until=until, limit=limit)

    def search(
        self,
        text: str,
        *,
        status: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = DEFAULT_SEARCH_LIMIT,
    ) -> list[SearchHit]:
        """Stories whose article text or facts (text, counted noun, note) match ``text``.

        Every word must match, in any order and any version of the story; words
        in double quotes match as a phrase (``"at least 25"``). The user's text
        is quoted, so ``OR``, ``NOT``, ``-`` or ``*`` are just words. Results are
        the most recently saved stories first, each with its newest matching
        version; the filters work as in :meth:`library`.
        """
        with self._errors():
            return find_stories(
                self._db, text, status=status, since=since, until=until, limit=limit
            )

    def check_integrity(self) -> list[str]:
        """Problems ``PRAGMA integrity_check`` finds in the file; empty when it is sound."""
        with self._errors():
            rows = [str(row[0]) for row in self._db.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def new_slug(self, headline: str) -> str:
        """A slug for ``headline`` that no story uses yet (``-2``, ``-3``… on clashes).

        The slug is not reserved: save the first version promptly.
        """
        base = slugify(headline)
        candidate, suffix = base, 1
        with self._errors():
            while self._story_id(candidate) is not None:
                suffix += 1
                tail = f"-{suffix}"
                candidate = truncate_slug(base, MAX_SLUG_LENGTH - len(tail)) + tail
        return candidate

    # -- lifetime --------------------------------------------------------------

    def close(self) -> None:
        """Close the database (safe to call more than once)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -- helpers ---------------------------------------------------------------

    def _errors(self) -> AbstractContextManager[None]:
        return storage_errors(self.path, self.timeout)

    def _parse(self, slug: str, number: int, sheet_json: bytes, text_hash: str) -> FactSheet:
        """The sheet of one version, checked against the schema and its text's fingerprint.

        A version that fails is damaged (edited outside newsdesk, garbled on
        disk, or written by a newer newsdesk): the message names the story and
        the version, and never quotes the article.
        """
        try:
            sheet = parse_sheet(sheet_json)
        except SheetError as error:
            raise DatabaseCorruptError(
                f"Version {number} of story {slug!r} in {self.path} is damaged and cannot be "
                f"read ({error}). It may have been edited outside newsdesk or written by a "
                "newer newsdesk; other versions may still open."
            ) from None
        if sheet.article.text_hash != text_hash:
            raise DatabaseCorruptError(
                f"Version {number} of story {slug!r} in {self.path} is damaged: its article "
                "text no longer matches the fingerprint saved with it. Other versions may "
                "still open."
            )
        return sheet

    def _same_sheet(self, slug: str, version_id: int, sheet_json: str, sheet: FactSheet) -> bool:
        """Whether ``sheet`` (and its JSON) says exactly what ``version_id`` says."""
        cached_id, cached_json = self._last_saved.get(slug, (None, ""))
        if cached_id == version_id:
            # This store wrote that version with this very code: text equality is exact.
            return cached_json == sheet_json
        row = self._db.execute(
            f"SELECT {SHEET_COLUMNS} FROM versions v "
            "LEFT JOIN article_texts t ON t.id = v.text_id WHERE v.id = ?",
            [version_id],
        ).fetchone()
        stored = stored_sheet(*row)
        if stored == sheet_json.encode("utf-8"):
            return True
        try:
            saved = parse_sheet(stored)
        except SheetError:
            return False  # an unreadable newest version is never "the same"
        # Compared as loaded, so a field added to the contract later is no change.
        return saved.to_dict() == sheet.to_dict()

    def _version_by_id(self, slug: str, version_id: int) -> VersionInfo:
        row = self._db.execute(
            f"SELECT {VERSION_COLUMNS} FROM versions v WHERE v.id = ?", [version_id]
        ).fetchone()
        return version_from_row(slug, row)

    def _story_id(self, slug: str) -> int | None:
        row = self._db.execute("SELECT id FROM stories WHERE slug = ?", [slug]).fetchone()
        return None if row is None else int(row[0])

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        last_pk = self._db.conn.execute(_insert_sql(table, row), row).lastrowid
        if not isinstance(last_pk, int):
            raise TypeError(f"insert into {table} returned no row id")
        return last_pk

    def _missing_message(self, slug: str, number: int | None) -> str:
        numbers = [
            int(row[0])
            for row in self._db.execute(
                "SELECT v.number FROM versions v JOIN stories s ON s.id = v.story_id "
                "WHERE s.slug = ? ORDER BY v.number",
                [slug],
            )
        ]
        if not numbers:
            return f"There is no saved story {slug!r} in {self.path}."
        return (
            f"Story {slug!r} has no version {number}; its versions are "
            f"{numbers[0]} to {numbers[-1]}."
        )


def _insert_sql(table: str, row: dict[str, Any]) -> str:
    """``INSERT`` of ``row``'s keys into ``table``, with named parameters.

    Plain ``sqlite3``: sqlite-utils' ``insert`` checks and converts every value
    first, which was a tenth of a save's time.
    """
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"
