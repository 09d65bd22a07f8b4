"""Finding stories: the library list with its filters, and full-text search with snippets.

Plain functions over an open ``sqlite_utils.Database``; :class:`~newsdesk.storage.store.Store`
calls them inside its error translation. The user's search text is quoted for
FTS5, so ``OR``, ``NOT``, ``-`` or ``*`` are just words.
"""

from __future__ import annotations

import json
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
    if limit < 1:
        return []
    where, params = _story_filters(status, since, until)
    params.update(match=db.quote_fts(text.strip()), limit=limit, window=_WINDOW * limit)
    horizon = db.execute(_DENSE.format(where=where), params).fetchone()
    if horizon is None:
        rows = list(db.query(_EVERY_HIT.format(where=where), params))
    else:
        rows = list(db.query(_NEWEST.format(where=where), {**params, "horizon": horizon[0]}))
    snippets = _snippets(db, [(row["version_id"], row["text_id"]) for row in rows], text)
    return [
        SearchHit(story=story_from_row(row), version=int(row["matched"]), snippet=snippet)
        for row, snippet in zip(rows, snippets, strict=True)
    ]


# How a search finds its stories. Results are the stories (after the library's
# filters, ``{where}``) with a matching version, the most recently saved first, each
# with its newest matching version. Two ways to the same result, by what is cheaper:
#
# - A word whose texts or messages match at least ``limit`` of the newest
#   ``_WINDOW * limit`` stories (``_DENSE``, cheap lookups in small sets): only the
#   stories down to the ``limit``-th of those can be in the result, so only they are
#   looked at (``_NEWEST``), each from its newest version down, its facts by the
#   full-text index over their own ids. A word in most stories costs that window.
# - Else every hit is taken to its story (``_EVERY_HIT``): the cost of the hits.
#
# Every hit goes to its version's story and number through a covering index
# (migration 6), never through the version's row, which holds its sheet; SQLite
# would look the versions up by id (their rowid) on its own, hence INDEXED BY.
_WINDOW = 2

_SETS = """
    texts(id) AS MATERIALIZED (
        SELECT rowid FROM article_texts_fts WHERE article_texts_fts MATCH :match
    ),
    -- messages, and the texts of versions saved before texts were stored apart
    own(id) AS MATERIALIZED (SELECT rowid FROM versions_fts WHERE versions_fts MATCH :match)
"""

_DENSE = f"""
    WITH {_SETS}
    SELECT newest.latest_version_id FROM (
        SELECT s.id, s.latest_version_id FROM stories s INDEXED BY stories_latest_version_id
        WHERE {{where}} ORDER BY s.latest_version_id DESC, s.id DESC LIMIT :window
    ) AS newest
    WHERE EXISTS (
        SELECT 1 FROM versions v INDEXED BY versions_story_text
        WHERE v.story_id = newest.id AND (v.text_id IN texts OR v.id IN own)
    )
    ORDER BY newest.latest_version_id DESC LIMIT 1 OFFSET :limit - 1
"""

_NEWEST = f"""
    WITH {_SETS},
    newest(story_id, version_id) AS MATERIALIZED (
        SELECT s.id, (
            SELECT v.id FROM versions v INDEXED BY versions_story_text
            WHERE v.story_id = s.id AND (
                v.text_id IN texts OR v.id IN own OR EXISTS (
                    -- CROSS JOIN: one look in the index over the version's facts, not one a fact
                    SELECT 1 FROM facts_fts CROSS JOIN facts f ON f.id = facts_fts.rowid
                    WHERE facts_fts MATCH :match AND f.version_id = v.id
                    AND facts_fts.rowid BETWEEN
                        (SELECT min(g.id) FROM facts g WHERE g.version_id = v.id)
                        AND (SELECT max(g.id) FROM facts g WHERE g.version_id = v.id)
                )
            )
            ORDER BY v.number DESC LIMIT 1
        )
        FROM stories s INDEXED BY stories_latest_version_id
        WHERE {{where}} AND s.latest_version_id >= :horizon
    )
    SELECT s.*, v.number AS matched, v.id AS version_id, v.text_id
    FROM newest JOIN stories s ON s.id = newest.story_id
    JOIN versions v INDEXED BY versions_by_id ON v.id = newest.version_id
    ORDER BY s.latest_version_id DESC, s.id DESC LIMIT :limit
"""

_EVERY_HIT = """
    WITH best(story_id, number, version_id, text_id) AS MATERIALIZED (
        -- One row per story: its newest matching version (SQLite takes the bare
        -- columns from the row max() picked).
        SELECT story_id, max(number), version_id, text_id FROM (
            -- Versions whose message or own text matches, or with a matching fact:
            -- each version once, however many of its facts match.
            SELECT v.story_id, v.number, v.id AS version_id, v.text_id
            FROM versions v INDEXED BY versions_by_id WHERE v.id IN (
                SELECT rowid FROM versions_fts WHERE versions_fts MATCH :match
                UNION
                SELECT f.version_id FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid
                WHERE facts_fts MATCH :match
            )
            UNION ALL
            SELECT v.story_id, v.number, v.id, v.text_id
            FROM versions v INDEXED BY versions_text_id WHERE v.text_id IN (
                SELECT rowid FROM article_texts_fts WHERE article_texts_fts MATCH :match
            )
        ) GROUP BY story_id
    )
    SELECT s.*, best.number AS matched, best.version_id, best.text_id
    FROM best JOIN stories s ON s.id = best.story_id
    WHERE {where} ORDER BY s.latest_version_id DESC, s.id DESC LIMIT :limit
"""


def _snippets(db: Database, versions: list[tuple[int, int | None]], text: str) -> list[str]:
    """For each (version id, stored text id), a few words around the first searched word.

    The texts are read in one go; a version saved before texts were stored apart
    (no text id) keeps its own. Where the article lacks the words, a matching fact.
    """
    words = _word_starts(text)
    texts = _read(db, "SELECT id, CAST(text AS BLOB) FROM article_texts", {t for _, t in versions})
    own = _read(
        db,
        "SELECT id, CAST(article_text AS BLOB) FROM versions",
        {v for v, t in versions if t is None},
    )
    return [
        _snippet(db, version, own.get(version, "") if stored is None else texts[stored], words)
        for version, stored in versions
    ]


def _read(db: Database, select: str, ids: set[int | None]) -> dict[int, str]:
    """``id -> text`` for the rows of ``select`` (id, text as bytes) with those ids."""
    wanted = json.dumps(sorted(i for i in ids if i is not None))
    rows = db.execute(f"{select} WHERE id IN (SELECT value FROM json_each(?))", [wanted])
    # A damaged row may not be UTF-8; a snippet is only a hint, so it is read as it can be.
    return {int(key): bytes(value).decode("utf-8", "replace") for key, value in rows}


def _snippet(db: Database, version_id: int, article: str, words: re.Pattern[str]) -> str:
    """A few words of ``article`` around the first searched word, else a fact of the version."""
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


def _word_starts(text: str) -> re.Pattern[str]:
    """Any word of ``text`` at the start of a word, in any case; the earlier word first.

    One pattern, so an article is read once however many words were searched.
    """
    words = "|".join(re.escape(word.casefold()) for word in _WORD.findall(text))
    return re.compile(rf"(?<!\w)(?:{words})", re.IGNORECASE)


def _first_word(text: str, words: re.Pattern[str]) -> tuple[int, int] | None:
    """Where a searched word first appears in ``text``, to the end of the word there."""
    found = words.search(text)
    if found is None:
        return None
    end = found.end()
    while end < len(text) and text[end].isalnum():
        end += 1
    return found.start(), end


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
