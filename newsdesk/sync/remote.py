"""The library across the desk: the server's story list and full-text search.

Read-only, straight from the desk server (its own PostgreSQL full-text search,
``websearch_to_tsquery`` over headline, message and article text, so quotes,
``or`` and ``-word`` work as on a search engine and any string is safe). Every
result is a :class:`RemoteStory`, marked ``remote`` with the server it came
from, so the window and the command line can tell it from the local file's.
Nothing here writes anything: to open a story, sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsdesk.storage.records import from_iso
from newsdesk.sync.config import describe

DEFAULT_LIMIT = 200

# The newest version of the story ``{slug}`` names, with how many it has: one
# row, by the (story, seq) index.
_LATEST = """
JOIN LATERAL (
    SELECT v.story, s.headline, v.uid::text, v.editor, v.created_at, v.fact_count,
           v.unverified_count, v.verified_count, v.disputed_count, v.corrected_count, v.seq,
           (SELECT count(*) FROM newsdesk.versions c WHERE c.story = v.story) AS versions
    FROM newsdesk.versions v JOIN newsdesk.stories s ON s.slug = v.story
    WHERE v.story = {slug} ORDER BY v.seq DESC LIMIT 1
) latest ON true
"""


@dataclass(frozen=True)
class RemoteStory:
    """A story as the desk server holds it (its newest version), and a snippet for a search."""

    slug: str
    headline: str
    latest_uid: str
    editor: str  # who saved the newest version
    latest_at: datetime
    version_count: int  # versions on the desk, forks included
    fact_count: int
    status_counts: dict[str, int]
    server: str  # where it came from, without secrets
    snippet: str = ""
    remote: bool = True


def stories(server: str, *, limit: int = DEFAULT_LIMIT) -> list[RemoteStory]:
    """The desk's stories, the most recently saved first."""
    sql = (
        "SELECT latest.* FROM newsdesk.stories story "
        + _LATEST.format(slug="story.slug")
        + " ORDER BY latest.seq DESC LIMIT %s"
    )
    return _read(server, sql, [limit], snippets=False)


def search(server: str, text: str, *, limit: int = DEFAULT_LIMIT) -> list[RemoteStory]:
    """The desk's stories with a version whose text or facts match ``text``, newest first.

    The snippet is from the newest matching version, the match in «guillemets».
    """
    text = "".join(char if char.isprintable() else " " for char in text).strip()
    if not text:
        return []
    latest = _LATEST.format(slug="matched.story")
    # Each index on its own (a UNION, not an OR), and the snippet made only for
    # the stories shown.
    sql = f"""
        WITH query AS (SELECT websearch_to_tsquery('english', %s) AS q),
        hits AS (
            SELECT v.uid FROM newsdesk.versions v, query WHERE v.search @@ query.q
            UNION
            SELECT f.version_uid FROM newsdesk.facts f, query WHERE f.search @@ query.q
        ),
        matched AS (
            SELECT DISTINCT ON (v.story) v.story, v.article_text
            FROM newsdesk.versions v JOIN hits ON hits.uid = v.uid
            ORDER BY v.story, v.seq DESC
        ),
        shown AS (
            SELECT latest.*, matched.article_text AS body FROM matched {latest}
            ORDER BY latest.seq DESC LIMIT %s
        )
        SELECT shown.story, shown.headline, shown.uid, shown.editor, shown.created_at,
               shown.fact_count, shown.unverified_count, shown.verified_count,
               shown.disputed_count, shown.corrected_count, shown.seq, shown.versions,
               ts_headline('english', shown.body, query.q,
                           'MaxFragments=1, MaxWords=24, MinWords=10, StartSel=«, StopSel=»')
        FROM shown CROSS JOIN query ORDER BY shown.seq DESC
    """
    return _read(server, sql, [text, limit], snippets=True)


def _read(server: str, sql: str, params: list[Any], *, snippets: bool) -> list[RemoteStory]:
    where = describe(server)
    # psycopg is imported on the first look-up: the window's library imports this
    # module for RemoteStory as the window opens.
    from newsdesk.sync.server import connect, server_errors
    from newsdesk.sync.server_schema import check

    with connect(server) as connection, server_errors(where):
        check(connection, where)
        with connection.transaction():
            rows: list[Any] = connection.execute(sql, params).fetchall()
    return [
        RemoteStory(
            slug=row[0],
            headline=row[1],
            latest_uid=row[2],
            editor=row[3],
            latest_at=from_iso(row[4]),
            fact_count=int(row[5]),
            status_counts={
                "unverified": int(row[6]),
                "verified": int(row[7]),
                "disputed": int(row[8]),
                "corrected": int(row[9]),
            },
            version_count=int(row[11]),
            server=where,
            snippet=" ".join(str(row[12]).split()) if snippets else "",
        )
        for row in rows
    ]
