"""The fact-sheet store: stories, each with an append-only list of saved versions.

One :class:`Store` wraps one SQLite file. Saving appends version ``n + 1`` of a
story in a single ``BEGIN IMMEDIATE`` transaction, so two windows or processes
saving the same story at once queue up instead of overwriting each other, and
nothing already saved is ever rewritten.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from newsdesk.core.model import FactSheet
from newsdesk.errors import DatabaseCorruptError
from newsdesk.storage import schema
from newsdesk.storage.connection import (
    check_file,
    connect,
    enable_wal,
    immediate_transaction,
    storage_errors,
)
from newsdesk.storage.records import (
    StoryInfo,
    VersionInfo,
    fact_rows,
    from_iso,
    to_iso,
    utc_now,
    version_from_row,
)
from newsdesk.storage.slugs import MAX_SLUG_LENGTH, is_slug, slugify, truncate_slug

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 5.0

# Everything in ``versions`` but the two big text columns.
_VERSION_COLUMNS = (
    "v.number, v.created_at, v.editor, v.message, v.text_hash, "
    "v.entity_count, v.figure_count, v.date_count, v.quote_count"
)


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
        log.info("opened fact-sheet database %s", self.path)

    # -- writing ---------------------------------------------------------------

    def save_version(
        self,
        slug: str,
        sheet: FactSheet,
        *,
        editor: str = "",
        message: str = "",
        headline: str | None = None,
    ) -> VersionInfo:
        """Append ``sheet`` as the next version of story ``slug`` (creating the story).

        The story's headline is ``headline`` or, for a new story, the article's;
        passing ``headline`` for an existing story renames it. Versions themselves
        are never changed.
        """
        if not is_slug(slug):
            raise ValueError(
                f"{slug!r} is not a story slug (lowercase letters, digits and single "
                f"hyphens, at most {MAX_SLUG_LENGTH} characters); use Store.new_slug()"
            )
        created_at = utc_now()
        created_text = to_iso(created_at)
        article = sheet.article
        with self._errors(), immediate_transaction(self._db):
            story_id = self._story_id(slug)
            if story_id is None:
                story_id = self._insert(
                    "stories",
                    {
                        "slug": slug,
                        "headline": article.headline if headline is None else headline,
                        "created_at": created_text,
                    },
                )
            elif headline is not None:
                self._db.execute(
                    "UPDATE stories SET headline = ? WHERE id = ?", [headline, story_id]
                )
            # Safe under BEGIN IMMEDIATE: no other writer can commit until we do.
            number = 1 + int(
                self._db.execute(
                    "SELECT coalesce(max(number), 0) FROM versions WHERE story_id = ?",
                    [story_id],
                ).fetchone()[0]
            )
            version_id = self._insert(
                "versions",
                {
                    "story_id": story_id,
                    "number": number,
                    "created_at": created_text,
                    "editor": editor,
                    "message": message,
                    "article_text": article.text,
                    "text_hash": article.text_hash,
                    "sheet_json": sheet.to_json(indent=None),
                    "entity_count": len(sheet.entities),
                    "figure_count": len(sheet.figures),
                    "date_count": len(sheet.dates),
                    "quote_count": len(sheet.quotes),
                },
            )
            rows = fact_rows(version_id, sheet)
            if rows:
                self._db.table("facts").insert_all(rows)
        log.info("saved %s version %d (%d facts)", slug, number, len(rows))
        return VersionInfo(
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
        )

    # -- reading ---------------------------------------------------------------

    def versions(self, slug: str) -> list[VersionInfo]:
        """Every saved version of ``slug``, oldest first (empty for an unknown story)."""
        with self._errors():
            rows = self._db.query(
                f"SELECT {_VERSION_COLUMNS} FROM versions v "
                "JOIN stories s ON s.id = v.story_id WHERE s.slug = ? ORDER BY v.number",
                [slug],
            )
            return [version_from_row(slug, row) for row in rows]

    def load_version(self, slug: str, number: int | None = None) -> FactSheet:
        """The fact sheet saved as version ``number`` of ``slug`` (the latest when ``None``).

        Raises :class:`LookupError` when there is no such story or version.
        """
        sql = (
            "SELECT v.number, v.sheet_json FROM versions v JOIN stories s ON s.id = v.story_id "
            "WHERE s.slug = ?"
        )
        params: list[Any] = [slug]
        if number is not None:
            sql += " AND v.number = ?"
            params.append(number)
        with self._errors():
            row = self._db.execute(sql + " ORDER BY v.number DESC LIMIT 1", params).fetchone()
            if row is None:
                raise LookupError(self._missing_message(slug, number))
        found, sheet_json = int(row[0]), str(row[1])
        try:
            return FactSheet.from_json(sheet_json)
        except (ValueError, KeyError, TypeError) as error:
            # Only a hand-edited file or a newer newsdesk's sheet format gets here.
            raise DatabaseCorruptError(
                f"Version {found} of story {slug!r} in {self.path} cannot be read ({error}). "
                "It may have been edited outside newsdesk or written by a newer newsdesk; "
                "other versions may still open."
            ) from error

    def stories(self) -> list[StoryInfo]:
        """All stories, the most recently saved first."""
        with self._errors():
            rows = self._db.query(
                "SELECT s.slug, s.headline, s.created_at, count(v.id) AS version_count, "
                "max(v.created_at) AS latest_at FROM stories s "
                "LEFT JOIN versions v ON v.story_id = s.id "
                # Version ids only grow, so they order saves even if the clock jumps back.
                "GROUP BY s.id ORDER BY coalesce(max(v.id), 0) DESC, s.id DESC"
            )
            return [
                StoryInfo(
                    slug=row["slug"],
                    headline=row["headline"],
                    created_at=from_iso(row["created_at"]),
                    version_count=int(row["version_count"]),
                    latest_at=from_iso(row["latest_at"] or row["created_at"]),
                )
                for row in rows
            ]

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

    def _story_id(self, slug: str) -> int | None:
        row = self._db.execute("SELECT id FROM stories WHERE slug = ?", [slug]).fetchone()
        return None if row is None else int(row[0])

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        last_pk = self._db.table(table).insert(row).last_pk
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
