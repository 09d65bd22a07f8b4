"""A damaged version: told as damaged (exit 4), never as a traceback, and never with its text.

The damage is done to a real database file the way a disk or an outside tool
would: garbled bytes inside a version's sheet, or its article text changed
behind its fingerprint (the append-only triggers are dropped for that, as an
outside tool could).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from newsdesk.errors import DatabaseCorruptError
from newsdesk.storage import Store
from tests.test_export import checked_sheet
from tests.test_render import make_sheet
from tests.test_storage_history import make_v1_file

SECRET = "Air strikes hit villages"  # words of the article, never to be shown in errors


def damage(db: Path, number: int, sql: str) -> None:
    """Run ``sql`` (with ``?`` for the version's number) on the file, past its triggers."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("DROP TRIGGER IF EXISTS versions_no_update")
        conn.execute("DROP TRIGGER IF EXISTS article_texts_no_update")
        conn.execute(sql, [number])
        conn.commit()
    finally:
        conn.close()


# Bytes changed in the middle of the sheet: packed (schema 7 on), or its JSON as written before.
GARBLE = (
    "UPDATE versions SET sheet_packed = substr(sheet_packed, 1, length(sheet_packed) / 2) "
    "|| x'ff00fe' || substr(sheet_packed, length(sheet_packed) / 2 + 4), "
    "sheet_json = CASE WHEN sheet_packed IS NULL THEN CAST(substr(CAST(sheet_json AS BLOB), 1, 300)"
    " || x'ff00fe' || substr(CAST(sheet_json AS BLOB), 304) AS TEXT) ELSE sheet_json END "
    "WHERE number = ?"
)
# The text a version refers to (stored once per distinct text), changed.
RETEXT = (
    "UPDATE article_texts SET text = replace(text, 'villages', 'village5') "
    "WHERE id = (SELECT text_id FROM versions WHERE number = ?)"
)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    db = tmp_path / "newsdesk.db"
    with Store(db) as store:
        store.save("strikes", make_sheet(), editor="Anna")
        edited = checked_sheet()
        edited.article.text += "\n\nMore to follow."  # a text of its own
        store.save("strikes", edited, editor="Ben")
    return db


@pytest.fixture
def saved_by_schema_1(tmp_path: Path) -> Path:
    """The same two versions, saved by newsdesk with schema 1 (the JSON as it is), upgraded."""
    db = tmp_path / "newsdesk.db"
    edited = checked_sheet()
    edited.article.text += "\n\nMore to follow."
    make_v1_file(db, [("strikes", make_sheet(), "Anna"), ("strikes", edited, "Ben")])
    Store(db).close()
    return db


@pytest.mark.parametrize(
    ("layout", "how"),
    [("saved", GARBLE), ("saved", RETEXT), ("saved_by_schema_1", GARBLE)],
)
def test_a_damaged_version_is_named_and_the_others_still_open(
    request: pytest.FixtureRequest, layout: str, how: str
) -> None:
    saved: Path = request.getfixturevalue(layout)
    damage(saved, 2, how)

    with Store(saved) as store:
        with pytest.raises(DatabaseCorruptError) as refused:
            store.load_version("strikes")
        assert store.load_version("strikes", 1) == make_sheet()
        assert store.last_good_version("strikes") == 1

    message = str(refused.value)
    assert "Version 2 of story 'strikes'" in message and "damaged" in message
    assert SECRET not in message


@pytest.mark.parametrize("how", [GARBLE, RETEXT])
@pytest.mark.parametrize("command", [["export", "strikes", "-o", "x.json"], ["diff", "strikes"]])
def test_the_command_line_exits_4_without_a_traceback_or_the_text(
    saved: Path, tmp_path: Path, how: str, command: list[str]
) -> None:
    damage(saved, 2, how)

    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(saved), *command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )

    assert done.returncode == 4
    assert "Version 2 of story 'strikes'" in done.stderr
    assert "Traceback" not in done.stderr and SECRET not in done.stderr
    assert not (tmp_path / "x.json").exists()


def test_search_reads_past_a_garbled_article(saved: Path) -> None:
    damage(
        saved,
        2,
        "UPDATE versions SET article_text = CAST(CAST(article_text AS BLOB) || x'ff' AS TEXT) "
        "WHERE number = ?",
    )

    with Store(saved) as store:
        hits = store.search("villages")

    assert [hit.story.slug for hit in hits] == ["strikes"]


def test_the_window_offers_the_last_good_version(qtbot: QtBot, saved: Path) -> None:
    from newsdesk.app import build_main_window
    from tests.gui_helpers import FakeExtractor

    damage(saved, 2, RETEXT)
    window = build_main_window(saved, extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    offered: list[tuple[str, int]] = []
    window.stories.ask_last_good = lambda problem, number: offered.append((problem, number)) or True
    try:
        assert window.open_story("strikes")

        assert [number for _, number in offered] == [1]
        assert "Version 2 of story 'strikes'" in offered[0][0]
        shown = window.current_sheet
        assert shown is not None
        shown.checks = []  # the desk checks are run on every story opened
        assert shown == make_sheet()
        assert window.session.version is not None and window.session.version.number == 1
    finally:
        window.shutdown()
