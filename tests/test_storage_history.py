"""History, restore, search, the library and backups in the fact-sheet store; older files upgrade.

Sheets are built by hand (see ``tests.test_storage``); raw ``sqlite3`` and
``sqlite_utils`` connections play Datasette and the ``sqlite-utils`` CLI.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from newsdesk.core.sheet.model import Article, Entity, FactSheet, Figure, Mention
from newsdesk.errors import StorageError
from newsdesk.storage import Store
from newsdesk.storage import schema as schema_module
from newsdesk.storage.backups import find_backups
from newsdesk.storage.records import fact_rows, to_iso
from tests.test_storage import corrected, make_sheet, query, span

PALMYRA = (
    "Islamic State seizes Palmyra\n\n"
    "BEIRUT (Reuters) - Islamic State fighters seized the ancient city of Palmyra on "
    "Thursday, killing at least 25 people, U.S. Secretary of State John Kerry said."
)


def palmyra_sheet() -> FactSheet:
    killed = span(PALMYRA, "at least 25")
    return FactSheet(
        article=Article(text=PALMYRA, headline="Islamic State seizes Palmyra", source="Reuters"),
        entities=[
            Entity("e1", "GPE", "Palmyra", [Mention(*span(PALMYRA, "Palmyra"), "Palmyra")]),
            Entity(
                "e2", "PERSON", "John Kerry", [Mention(*span(PALMYRA, "John Kerry"), "John Kerry")]
            ),
        ],
        figures=[
            Figure(
                "f1",
                "at least 25",
                *killed,
                kind="count",
                value=25,
                low=25,
                qualifier="at_least",
                counted="people",
            )
        ],
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsdesk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


# -- saving ---------------------------------------------------------------------------------


def test_saving_an_unchanged_sheet_creates_nothing(store: Store) -> None:
    first = store.save("syria-strikes", make_sheet(), editor="amira")

    again = store.save("syria-strikes", make_sheet(), editor="tom", message="no change")

    assert first.created and not again.created
    assert again.version == first.version
    assert [v.number for v in store.versions("syria-strikes")] == [1]
    changed = store.save("syria-strikes", corrected(make_sheet()), editor="tom")
    assert changed.created and changed.version.number == 2


def test_versions_record_parent_and_status_counts(store: Store) -> None:
    store.save("syria-strikes", make_sheet())
    fixed = corrected(make_sheet())  # one corrected figure, one verified organisation

    saved = store.save("syria-strikes", fixed, parent=1, message="toll")

    history = store.versions("syria-strikes")
    assert history[-1] == saved.version
    assert (history[0].parent, history[1].parent) == (None, 1)
    assert history[1].status_counts == {
        "unverified": 5,
        "verified": 1,
        "disputed": 0,
        "corrected": 1,
    }
    [story] = store.library()
    assert (story.version_count, story.fact_count, story.corrected_count) == (2, 7, 1)


def test_restore_appends_the_old_sheet_as_the_newest_version(store: Store) -> None:
    store.save("syria-strikes", make_sheet())
    store.save("syria-strikes", corrected(make_sheet()))

    restored = store.restore("syria-strikes", 1, editor="amira")

    assert restored.created
    assert (restored.version.number, restored.version.parent) == (3, 1)
    assert restored.version.message == "Restored version 1"
    assert store.load_version("syria-strikes").to_dict() == make_sheet().to_dict()
    # Version 2 and its correction are still there: restoring rewrote nothing.
    assert store.load_version("syria-strikes", 2).figures[1].value == 27
    assert not store.restore("syria-strikes", 3).created


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def library(store: Store) -> Store:
    store.save("syria-strikes", make_sheet())
    store.save("palmyra-falls", palmyra_sheet())
    noted = make_sheet(headline="Aleppo shelling")
    noted.entities[0].note = "Checked with the Damascus bureau"
    noted.entities[0].status = "disputed"
    store.save("aleppo-shelling", noted)
    return store


@pytest.mark.parametrize(
    ("words", "slugs"),
    [
        ("Palmyra", ["palmyra-falls"]),
        ("kerry", ["palmyra-falls"]),
        ("at least 25", ["aleppo-shelling", "palmyra-falls", "syria-strikes"]),
        ('"at least 26"', ["aleppo-shelling", "syria-strikes"]),
        ("Damascus bureau", ["aleppo-shelling"]),  # only in an editor's note
        ("strike", ["aleppo-shelling", "syria-strikes"]),  # "strikes", stemmed
        ("Tokyo", []),
    ],
)
def test_search_finds_stories_by_text_and_facts(
    library: Store, words: str, slugs: list[str]
) -> None:
    assert sorted(hit.story.slug for hit in library.search(words)) == sorted(slugs)


@pytest.mark.parametrize("words", ["NOT", "kerry OR", '"unbalanced', "-", "*", "(", "", "  "])
def test_search_takes_any_input_literally(library: Store, words: str) -> None:
    hits = library.search(words)  # never an FTS syntax error
    assert all(hit.story.slug == "palmyra-falls" for hit in hits)


def test_search_hits_carry_a_snippet_and_the_matching_version(library: Store) -> None:
    changed = palmyra_sheet()
    changed.article.text = changed.article.text.replace("John Kerry", "Antony Blinken")
    changed.entities = changed.entities[:1]
    library.save("palmyra-falls", changed)

    [hit] = library.search("Kerry")

    assert (hit.version, hit.story.version_count, hit.in_latest) == (1, 2, False)
    assert "Secretary of State John Kerry said" in hit.snippet
    [now] = library.search("Blinken")
    assert now.in_latest


def test_search_and_library_filter_by_status_and_date(library: Store) -> None:
    assert [s.slug for s in library.library(status="disputed")] == ["aleppo-shelling"]
    assert [h.story.slug for h in library.search("least", status="disputed")] == ["aleppo-shelling"]
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert library.library(since=tomorrow) == []
    assert len(library.library(until=tomorrow)) == 3
    assert library.search("Palmyra", since=tomorrow) == []
    with pytest.raises(ValueError, match="unknown status"):
        library.library(status="checked")


def test_library_lists_newest_first_with_status_counts(library: Store) -> None:
    stories = library.library()

    assert [s.slug for s in stories] == ["aleppo-shelling", "palmyra-falls", "syria-strikes"]
    assert stories[0].status_counts == {
        "unverified": 5,
        "verified": 0,
        "disputed": 1,
        "corrected": 0,
    }
    assert [s.slug for s in library.library(limit=1)] == ["aleppo-shelling"]


# -- the file in Datasette and the sqlite-utils CLI ------------------------------------------


def test_views_and_search_tables_read_well_from_outside(library: Store, db_path: Path) -> None:
    db = Database(sqlite3.connect(str(db_path)))
    try:
        assert {"story_list", "version_history", "fact_history", "latest_facts"} <= set(
            db.view_names()
        )
        assert db["versions"].detect_fts() == "versions_fts"
        assert db["facts"].detect_fts() == "facts_fts"
        # Each distinct article text is stored, and indexed, once.
        assert db["article_texts"].detect_fts() == "article_texts_fts"
        found = list(db["article_texts"].search("Palmyra", columns=["id"]))
        assert len(found) == 1
        aleppo = next(db.query("SELECT * FROM story_list WHERE slug = 'aleppo-shelling'"))
        assert (aleppo["versions"], aleppo["disputed"], aleppo["facts"]) == (1, 1, 6)
        disputed = list(db.query("SELECT slug, text FROM latest_facts WHERE status = 'disputed'"))
        assert disputed == [{"slug": "aleppo-shelling", "text": "Syria"}]
    finally:
        db.close()


def test_history_does_not_read_article_texts(store: Store, db_path: Path) -> None:
    """The covering index keeps a 1,000-version history fast: the plan never touches rows."""
    store.save("syria-strikes", make_sheet())
    plan = query(
        db_path,
        "EXPLAIN QUERY PLAN SELECT v.number, v.created_at, v.editor, v.message, v.text_hash, "
        "v.parent, v.entity_count, v.figure_count, v.date_count, v.quote_count, "
        "v.unverified_count, v.verified_count, v.disputed_count, v.corrected_count "
        "FROM versions v WHERE v.story_id = (SELECT id FROM stories WHERE slug = ?) "
        "ORDER BY v.number",
        ("syria-strikes",),
    )
    assert any("COVERING INDEX versions_history" in str(row[-1]) for row in plan)


# -- upgrading older files -------------------------------------------------------------------


def make_v1_file(path: Path, saves: list[tuple[str, FactSheet, str]]) -> None:
    """A database exactly as newsdesk with schema 1 left it, with the given saves."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    db = Database(conn)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN")
        schema_module.MIGRATIONS[0].apply(db)
        conn.execute("PRAGMA user_version = 1")
        conn.execute("COMMIT")
        for number, (slug, sheet, editor) in enumerate(saves, start=1):
            stamp = to_iso(datetime(2015, 9, 25, 14, 0, tzinfo=UTC) + timedelta(minutes=number))
            story = conn.execute("SELECT id FROM stories WHERE slug = ?", [slug]).fetchone()
            story_id = (
                story[0]
                if story
                else db["stories"]
                .insert({"slug": slug, "headline": sheet.article.headline, "created_at": stamp})
                .last_pk
            )
            count = conn.execute(
                "SELECT count(*) FROM versions WHERE story_id = ?", [story_id]
            ).fetchone()[0]
            version_id = (
                db["versions"]
                .insert(
                    {
                        "story_id": story_id,
                        "number": count + 1,
                        "created_at": stamp,
                        "editor": editor,
                        "message": "",
                        "article_text": sheet.article.text,
                        "text_hash": sheet.article.text_hash,
                        "sheet_json": sheet.to_json(indent=None),
                        "entity_count": len(sheet.entities),
                        "figure_count": len(sheet.figures),
                        "date_count": len(sheet.dates),
                        "quote_count": len(sheet.quotes),
                    }
                )
                .last_pk
            )
            db["facts"].insert_all(fact_rows(int(version_id), sheet))  # type: ignore[arg-type]
    finally:
        conn.close()


def test_a_schema_1_file_upgrades_with_a_backup_and_keeps_everything(db_path: Path) -> None:
    make_v1_file(
        db_path,
        [
            ("syria-strikes", make_sheet(), "amira"),
            ("palmyra-falls", palmyra_sheet(), "tom"),
            ("syria-strikes", corrected(make_sheet()), "tom"),
        ],
    )

    with Store(db_path) as store:
        history = store.versions("syria-strikes")
        assert [(v.number, v.editor, v.parent) for v in history] == [
            (1, "amira", None),  # unknown before schema 2, never guessed
            (2, "tom", None),
        ]
        # Counts the old file never stored are worked out from its facts rows.
        assert history[1].status_counts["corrected"] == 1
        assert history[1].status_counts["verified"] == 1
        assert store.load_version("syria-strikes", 2).to_dict() == corrected(make_sheet()).to_dict()
        stories = store.library()
        assert [(s.slug, s.version_count) for s in stories] == [
            ("syria-strikes", 2),
            ("palmyra-falls", 1),
        ]
        assert stories[0].latest_at == history[1].created_at
        assert [h.story.slug for h in store.search("Kerry")] == ["palmyra-falls"]
        assert [h.story.slug for h in store.search("Observatory")] == ["syria-strikes"]
        # The file works on as a schema 2 file.
        assert store.save("syria-strikes", make_sheet(), parent=2).version.number == 3
        assert store.check_integrity() == []

    assert query(db_path, "PRAGMA user_version") == [(schema_module.schema_version(),)]
    backup = db_path.with_name("newsdesk.db.v1.bak")
    assert query(backup, "PRAGMA user_version") == [(1,)]
    assert query(backup, "SELECT count(*) FROM versions") == [(3,)]
    # Saved versions stay append-only after the upgrade.
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        query(db_path, "UPDATE versions SET editor = 'x'")


def test_versions_saved_after_an_upgrade_store_their_text_once(db_path: Path) -> None:
    make_v1_file(db_path, [("syria-strikes", make_sheet(), "amira")])

    with Store(db_path) as store:
        store.save("syria-strikes", corrected(make_sheet()), editor="tom")
        store.save("syria-strikes", make_sheet(), editor="tom")  # statuses only, same text
        other = palmyra_sheet()
        store.save("palmyra-falls", other)
        # Old and new versions read back whole, and are found by their words.
        assert store.load_version("syria-strikes", 1).to_dict() == make_sheet().to_dict()
        assert store.load_version("syria-strikes", 2).to_dict() == corrected(make_sheet()).to_dict()
        assert store.load_version("syria-strikes").to_dict() == make_sheet().to_dict()
        assert store.load_version("palmyra-falls").to_dict() == other.to_dict()
        assert [h.story.slug for h in store.search("Observatory")] == ["syria-strikes"]
        assert [h.version for h in store.search("Observatory")] == [3]
        assert [h.story.slug for h in store.search("Kerry")] == ["palmyra-falls"]
        assert "Kerry" in store.search("Kerry")[0].snippet
        # Saving the newest sheet again is still no change.
        assert not store.save("syria-strikes", make_sheet()).created

    # The version saved before the upgrade keeps its own copy; the two after share one.
    assert query(db_path, "SELECT count(*) FROM article_texts") == [(2,)]
    assert query(
        db_path,
        "SELECT number, article_text = '', text_id IS NOT NULL FROM versions "
        "WHERE story_id = 1 ORDER BY number",
    ) == [(1, 0, 0), (2, 1, 1), (3, 1, 1)]


def as_schema_6(path: Path) -> None:
    """Turn a file into one newsdesk with schema 6 wrote: each sheet's JSON as it is."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("DROP TRIGGER versions_no_update")
        for version_id, packed in conn.execute("SELECT id, sheet_packed FROM versions").fetchall():
            conn.execute(
                "UPDATE versions SET sheet_json = ? WHERE id = ?",
                [zlib.decompress(packed).decode(), version_id],
            )
        conn.execute("ALTER TABLE versions DROP COLUMN sheet_packed")
        conn.executescript(schema_module._VERSIONS_NO_UPDATE)
        conn.execute("PRAGMA user_version = 6")
    finally:
        conn.close()


def test_versions_saved_before_sheets_were_packed_read_and_sync_as_before(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save("syria-strikes", make_sheet())
        store.save("syria-strikes", corrected(make_sheet()), message="toll")
        store.save("palmyra-falls", palmyra_sheet())
    as_schema_6(db_path)

    with Store(db_path) as store:
        assert store.load_version("syria-strikes", 1).to_dict() == make_sheet().to_dict()
        assert store.load_version("syria-strikes", 2).to_dict() == corrected(make_sheet()).to_dict()
        assert [(h.story.slug, h.version) for h in store.search("Observatory")] == [
            ("syria-strikes", 2)
        ]
        # What the desk is sent is read back from either layout and its fingerprint holds.
        store.save("palmyra-falls", corrected(make_sheet()), message="wrong story, undone")
        sent = store.desk.unsent_versions("desk-1", 10)
        assert [o.version is not None and o.version.content_hash for o in sent] == [
            h for (h,) in query(db_path, "SELECT content_hash FROM versions ORDER BY id")
        ]
        assert store.load_version("palmyra-falls").to_dict() == corrected(make_sheet()).to_dict()

    assert query(db_path.with_name("newsdesk.db.v6.bak"), "PRAGMA user_version") == [(6,)]
    # Nothing saved before is rewritten: the old versions keep their JSON; the new one is packed.
    assert query(
        db_path, "SELECT sheet_json = '', sheet_packed IS NOT NULL FROM versions ORDER BY id"
    ) == [(0, 0), (0, 0), (0, 0), (1, 1)]


def test_an_empty_schema_1_file_upgrades(db_path: Path) -> None:
    make_v1_file(db_path, [])

    with Store(db_path) as store:
        assert store.library() == [] and store.search("Kerry") == []
        assert store.save("syria-strikes", make_sheet()).version.number == 1


@pytest.mark.parametrize("applied", range(schema_module.schema_version() + 1))
def test_every_older_schema_migrates_to_the_newest(db_path: Path, applied: int) -> None:
    """A file stopped after any migration (0 = brand new) reaches the newest schema."""
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    db = Database(conn)
    try:
        for migration in schema_module.MIGRATIONS[:applied]:
            conn.execute("BEGIN")
            migration.apply(db)
            conn.execute(f"PRAGMA user_version = {migration.number}")
            conn.execute("COMMIT")
    finally:
        conn.close()

    with Store(db_path) as store:
        store.save("syria-strikes", make_sheet())
        assert [h.story.slug for h in store.search("Observatory")] == ["syria-strikes"]

    assert query(db_path, "PRAGMA user_version") == [(schema_module.schema_version(),)]


# -- backups ---------------------------------------------------------------------------------


def test_back_up_writes_a_consistent_copy_and_never_overwrites(
    store: Store, tmp_path: Path
) -> None:
    store.save("syria-strikes", make_sheet())
    store.save("syria-strikes", corrected(make_sheet()))

    copy = store.back_up()

    assert copy.parent == store.path.parent and copy.name.startswith("newsdesk-backup-")
    with Store(copy) as backup:
        assert [v.number for v in backup.versions("syria-strikes")] == [1, 2]
        assert backup.check_integrity() == []
    assert find_backups(store.path) == [copy]
    before = copy.read_bytes()
    with pytest.raises(StorageError, match="already exists"):
        store.back_up(copy)
    assert copy.read_bytes() == before
    named = store.back_up(tmp_path / "elsewhere.db")
    assert named.is_file() and not Path(f"{named}.partial").exists()
