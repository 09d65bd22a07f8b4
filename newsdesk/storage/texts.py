"""How a version's sheet is kept: its article text once per distinct text, the rest packed.

A status change saves a new version of a story whose text has not changed;
before schema 4 each version carried the whole text twice (its own column and
inside the sheet's JSON) and indexed it again for search. Since then a
version's JSON is written with an empty ``article.text`` and the text lives in
``article_texts`` (indexed once), put back when the version is read. Since
schema 7 that JSON is stored compressed (``versions.sheet_packed``, zlib: a
status-only version's 15 KB of JSON is about 1.5 KB), ``sheet_json`` left empty.
Versions saved earlier keep their text and JSON where they were and read as before.
"""

from __future__ import annotations

import json
import zlib
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


# Columns of ``versions v`` (with ``LEFT JOIN article_texts t ON t.id = v.text_id``)
# that hold a version's sheet, as :func:`stored_sheet` takes them.
SHEET_COLUMNS = "CAST(v.sheet_json AS BLOB), CAST(v.sheet_packed AS BLOB), CAST(t.text AS BLOB)"


def pack(sheet_json: str) -> bytes:
    """The sheet's JSON as ``versions.sheet_packed`` keeps it."""
    return zlib.compress(sheet_json.encode("utf-8"))


def stored_sheet(column: bytes | None, packed: bytes | None, text: bytes | None) -> bytes:
    """A version's sheet JSON as it was saved, from its :data:`SHEET_COLUMNS`.

    Damaged bytes come back as they are, for the schema check to refuse.
    """
    stored = bytes(column or b"")
    if packed is not None:
        try:
            stored = zlib.decompress(packed)
        except zlib.error:  # garbled on disk: its checksum no longer holds
            stored = bytes(packed)
    return stored if text is None else with_text(stored, bytes(text))
