"""Article texts stored once: one row per distinct text, versions refer to it by hash.

A status change saves a new version of a story whose text has not changed;
before schema 4 each version carried the whole text twice (its own column and
inside the sheet's JSON) and indexed it again for search. Since then a
version's JSON is written with an empty ``article.text`` and the text lives in
``article_texts`` (indexed once), put back when the version is read.
Versions saved earlier keep their text where it was and read as before.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def without_text(sheet: dict[str, Any]) -> str:
    """The sheet's JSON (as :func:`~newsdesk.core.sheet.schema.sheet_json` writes it)
    with the article's text left out."""
    article = {**sheet["article"], "text": ""}
    return json.dumps({**sheet, "article": article}, ensure_ascii=False, allow_nan=False)


def with_text(stored: bytes, text: bytes) -> bytes:
    """A stored sheet's JSON with its article's ``text`` put back; as stored when it
    cannot be read (the schema check then says it is damaged)."""
    try:
        sheet = json.loads(stored)
        sheet["article"]["text"] = text.decode("utf-8")
    except (ValueError, TypeError, KeyError):  # not JSON, not UTF-8 or not a sheet
        return stored
    return json.dumps(sheet, ensure_ascii=False, allow_nan=False).encode("utf-8")


def text_id(db: Database, text_hash: str, text: str) -> int | None:
    """The id of the stored ``text`` (stored now if new); ``None`` in the unlikely case
    that another text has that hash, when the version keeps its own copy."""
    row = db.execute(
        "SELECT id, CAST(text AS BLOB) FROM article_texts WHERE text_hash = ?", [text_hash]
    ).fetchone()
    if row is None:
        cursor = db.execute(
            "INSERT INTO article_texts (text_hash, text) VALUES (?, ?)", [text_hash, text]
        )
        return int(cursor.lastrowid or 0)
    return int(row[0]) if bytes(row[1]) == text.encode("utf-8") else None
