"""Finding stories: the library list with its filters, and full-text search with snippets.

Plain functions over an open ``sqlite_utils.Database``; :class:`~newsdesk.storage.store.Store`
calls them inside its error translation. The user's search text is quoted for
FTS5, so ``OR``, ``NOT``, ``-`` or ``*`` are just words.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from newsdesk.core.sheet.model import STATUSES
from newsdesk.storage.records import SearchHit, StoryInfo, story_from_row, to_iso

DEFAULT_SEARCH_LIMIT = 200
_SNIPPET_CHARS = 70  # characters kept either side of the first match in a search result
_WORD = re.compile(r"\w+")


def list_stories(
    db: Database,
    *,
    status: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[StoryInfo]:
    """Stories, the most recently saved first (see :meth:`Store.library`)."""
    where, params = _story_filters(status, since, until)
    sql = f"SELECT s.* FROM stories s WHERE {where} ORDER BY s.latest_version_id DESC, s.id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [story_from_row(row) for row in db.query(sql, params)]


def find_stories(
    db: Database,
    text: str,
    *,
    status: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = DEFAULT_SEARCH_LIMIT,
) -> list[SearchHit]:
    """Stories whose text or facts match ``text`` (see :meth:`Store.search`)."""
    # Any string is a search: NUL and other control characters (which end an FTS5
    # string early) are spaces, and every word is quoted.
    text = "".join(char if char.isprintable() else " " for char in text)
    if not _WORD.search(text):
        return []  # nothing FTS could match; an empty phrase is a syntax error
    match = db.quote_fts(text.strip())
    where, params = _story_filters(status, since, until)
    sql = f"""
        WITH hits(version_id) AS MATERIALIZED (
            SELECT rowid FROM versions_fts WHERE versions_fts MATCH :match
            UNION
            SELECT v.id FROM versions v WHERE v.text_id IN (
                SELECT rowid FROM article_texts_fts WHERE article_texts_fts MATCH :match
            )
            UNION
            SELECT f.version_id FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid
            WHERE facts_fts MATCH :match
        ),
        best(story_id, number) AS (
            SELECT v.story_id, max(v.number) FROM hits JOIN versions v ON v.id = hits.version_id
            GROUP BY v.story_id
        )
        SELECT s.*, best.number AS matched FROM best JOIN stories s ON s.id = best.story_id
        WHERE {where} ORDER BY s.latest_version_id DESC, s.id DESC
        LIMIT :limit
    """
    params.update(match=match, limit=limit)
    rows = list(db.query(sql, params))
    return [
        SearchHit(
            story=story_from_row(row),
            version=int(row["matched"]),
            snippet=_snippet(db, int(row["id"]), int(row["matched"]), text),
        )
        for row in rows
    ]


def _snippet(db: Database, story_id: int, number: int, text: str) -> str:
    """A few words of version ``number`` around the first searched word, else a fact."""
    words = [w.casefold() for w in _WORD.findall(text)]
    row = db.execute(
        "SELECT v.id, CAST(coalesce(t.text, v.article_text) AS BLOB) FROM versions v "
        "LEFT JOIN article_texts t ON t.id = v.text_id WHERE v.story_id = ? AND v.number = ?",
        [story_id, number],
    ).fetchone()
    # A damaged row may not be UTF-8; a snippet is only a hint, so it is read as it can be.
    version_id, article = int(row[0]), bytes(row[1]).decode("utf-8", "replace")
    found = _first_word(article, words)
    if found is not None:
        return _around(article, *found)
    for fact_text, note in db.execute(
        "SELECT text, note FROM facts WHERE version_id = ? ORDER BY id", [version_id]
    ):
        for part in (str(fact_text), str(note)):
            if _first_word(part, words) is not None:
                return " ".join(part.split())[: 2 * _SNIPPET_CHARS]
    return " ".join(article[: 2 * _SNIPPET_CHARS].split())


def _story_filters(
    status: str | None, since: datetime | None, until: datetime | None
) -> tuple[str, dict[str, Any]]:
    """A ``WHERE`` clause over ``stories s`` for the library's filters, and its parameters."""
    clauses = ["s.latest_version_id IS NOT NULL"]
    params: dict[str, Any] = {}
    if status is not None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
        clauses.append(f"s.{status}_count > 0")  # safe: status is one of STATUSES
    if since is not None:
        clauses.append("s.latest_at >= :since")
        params["since"] = to_iso(since)
    if until is not None:
        clauses.append("s.latest_at < :until")
        params["until"] = to_iso(until)
    return " AND ".join(clauses), params


def _first_word(text: str, words: list[str]) -> tuple[int, int] | None:
    """Where the first of ``words`` (as a word start, any case) first appears in ``text``."""
    best: tuple[int, int] | None = None
    for word in words:
        found = re.search(r"(?<!\w)" + re.escape(word), text, re.IGNORECASE)
        if found and (best is None or found.start() < best[0]):
            end = found.end()
            while end < len(text) and (text[end].isalnum()):
                end += 1
            best = (found.start(), end)
    return best


def _around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with whole words either side, within its paragraph."""
    before = text[max(0, start - _SNIPPET_CHARS) : start]
    lead = ""
    if "\n" in before:
        before = before.rsplit("\n", 1)[-1]
    elif start > _SNIPPET_CHARS:
        before, lead = before.split(" ", 1)[-1], "…"  # drop the cut word
    after = text[end : end + _SNIPPET_CHARS]
    tail = ""
    if "\n" in after:
        after = after.split("\n", 1)[0]
    elif end + _SNIPPET_CHARS < len(text):
        after, tail = after.rsplit(" ", 1)[0], "…"
    return " ".join(f"{lead}{before}{text[start:end]}{after}{tail}".split())
