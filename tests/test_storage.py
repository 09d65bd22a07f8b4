"""The fact-sheet store: versions are appended, never lost, and file trouble reads clearly.

Sheets are built by hand (no spaCy, no Qt). Database files live in ``tmp_path``;
the raw ``sqlite3`` connections here play the part of another program (or
Datasette) looking at, or holding, the same file.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from newsdesk.core.sheet.model import Article, DateFact, Entity, FactSheet, Figure, Mention, Quote
from newsdesk.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    SchemaTooNewError,
)
from newsdesk.storage import Store, StoryInfo, VersionInfo, slugify
from newsdesk.storage import schema as schema_module
from newsdesk.storage.schema import Migration

TEXT = (
    "BEIRUT (Reuters) - Russian jets carried out at least 25 air strikes in Syria on Friday, "
    "killing at least 26 people, including 12 fighters, the Syrian Observatory for Human "
    'Rights said. "The strikes hit two markets," Rami Abdulrahman told Reuters.'
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_sheet(text: str = TEXT, headline: str = "Russian jets strike Syria") -> FactSheet:
    """A small, realistic sheet: two entities, two hedged figures, a date and a quote."""
    syria = span(text, "Syria")
    rami = span(text, "Rami Abdulrahman")
    strikes = span(text, "at least 25")
    killed = span(text, "at least 26")
    friday = span(text, "Friday")
    quote = span(text, '"The strikes hit two markets,"')
    return FactSheet(
        id="c7",
        article=Article(text=text, headline=headline, source="Reuters", dateline="BEIRUT"),
        entities=[
            Entity("e1", "GPE", "Syria", [Mention(*syria, "Syria")]),
            Entity("e2", "PERSON", "Rami Abdulrahman", [Mention(*rami, "Rami Abdulrahman")]),
        ],
        figures=[
            Figure(
                "f1",
                "at least 25",
                *strikes,
                kind="count",
                value=25,
                low=25,
                qualifier="at_least",
                counted="air strikes",
                sentence=(0, 120),
            ),
            Figure(
                "f2",
                "at least 26",
                *killed,
                kind="count",
                value=26,
                low=26,
                qualifier="at_least",
                counted="people",
                source="e2",
            ),
        ],
        dates=[DateFact("d1", "Friday", *friday, value="2015-09-25")],
        quotes=[Quote("q1", text[quote[0] : quote[1]], *quote, speaker="e2", cue="told")],
    )


def corrected(sheet: FactSheet) -> FactSheet:
    """The same story after an editor's pass: a figure fixed, an organisation added."""
    fixed = FactSheet.from_dict(sheet.to_dict())
    fixed.figures[1].value = 27
    fixed.figures[1].low = 27
    fixed.figures[1].status = "corrected"
    fixed.figures[1].note = "Observatory updated the toll at 14:00"
    observatory = span(fixed.article.text, "Syrian Observatory for Human Rights")
    fixed.entities.append(
        Entity(
            "e3",
            "ORG",
            "Syrian Observatory for Human Rights",
            [Mention(*observatory, "Syrian Observatory for Human Rights")],
            status="verified",
            origin="added",
        )
    )
    return fixed


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk" / "newsdesk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


def raw(path: Path) -> sqlite3.Connection:
    """Another connection to the file, as Datasette or a second program would open it."""
    return sqlite3.connect(str(path), isolation_level=None)


def query(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = raw(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# -- first run and settings --------------------------------------------------------


def test_first_run_creates_folder_and_database_in_wal_mode(db_path: Path) -> None:
    assert not db_path.parent.exists()

    with Store(db_path):
        pass

    assert db_path.is_file()
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert query(db_path, "PRAGMA user_version") == [(schema_module.schema_version(),)]
    tables = {row[0] for row in query(db_path, "SELECT name FROM sqlite_master")}
    assert {"stories", "versions", "facts", "facts_version_id"} <= tables


def test_reopening_keeps_saved_versions(db_path: Path) -> None:
    with Store(db_path) as first:
        first.save_version("syria-strikes", make_sheet())

    with Store(db_path) as again:
        assert [v.number for v in again.versions("syria-strikes")] == [1]
        assert again.load_version("syria-strikes").to_dict() == make_sheet().to_dict()


# -- saving and loading ------------------------------------------------------------


def test_two_saves_become_versions_1_and_2_with_who_why_and_counts(
    store: Store, db_path: Path
) -> None:
    sheet = make_sheet()

    first = store.save_version("syria-strikes", sheet, editor="amira", message="first read")
    second = store.save_version(
        "syria-strikes", corrected(sheet), editor="tom", message="toll updated to 27"
    )

    assert (first.number, second.number) == (1, 2)
    history = store.versions("syria-strikes")
    assert history == [first, second]
    assert [(v.editor, v.message) for v in history] == [
        ("amira", "first read"),
        ("tom", "toll updated to 27"),
    ]
    assert (first.entity_count, first.figure_count, first.date_count, first.quote_count) == (
        2,
        2,
        1,
        1,
    )
    assert second.entity_count == 3
    assert second.fact_count == 7
    assert first.text_hash == sheet.article.text_hash
    assert first.created_at.tzinfo is not None
    assert first.created_at.utcoffset() == UTC.utcoffset(None)
    assert first.created_at <= second.created_at
    # Stored as ISO text in UTC, so Datasette and SQL sort and read it unambiguously.
    [(stored,)] = query(db_path, "SELECT created_at FROM versions WHERE number = 1")
    assert stored == first.created_at.isoformat(timespec="microseconds")
    assert str(stored).endswith("+00:00")


def test_load_returns_exactly_what_was_saved_latest_and_earlier(store: Store) -> None:
    sheet = make_sheet()
    fixed = corrected(sheet)
    store.save_version("syria-strikes", sheet)
    store.save_version("syria-strikes", fixed)

    assert store.load_version("syria-strikes").to_dict() == fixed.to_dict()
    assert store.load_version("syria-strikes", 2).to_dict() == fixed.to_dict()
    # The first version still says 26: a later correction never rewrites history.
    first = store.load_version("syria-strikes", 1)
    assert first.to_dict() == sheet.to_dict()
    assert first.figures[1].value == 26


def test_missing_story_or_version_is_a_clear_lookup_error(store: Store) -> None:
    store.save_version("syria-strikes", make_sheet())

    with pytest.raises(LookupError, match="no saved story 'nope'"):
        store.load_version("nope")
    with pytest.raises(LookupError, match="no version 5; its versions are 1 to 1"):
        store.load_version("syria-strikes", 5)
    assert store.versions("nope") == []


def test_a_malformed_slug_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="not a story slug"):
        store.save_version("Syria Strikes!", make_sheet())
    assert store.stories() == []


def test_facts_are_queryable_one_row_per_fact(store: Store, db_path: Path) -> None:
    store.save_version("syria-strikes", make_sheet())
    store.save_version("syria-strikes", corrected(make_sheet()))

    hedged = query(
        db_path,
        "SELECT v.number, f.text, f.value, f.qualifier, f.counted, f.label, f.status "
        "FROM facts f JOIN versions v ON v.id = f.version_id "
        "WHERE f.kind = 'figure' AND f.fact_id = 'f2' ORDER BY v.number",
    )
    assert hedged == [
        (1, "at least 26", "26", "at_least", "people", "count", "unverified"),
        (2, "at least 26", "27", "at_least", "people", "count", "corrected"),
    ]
    people = query(
        db_path,
        "SELECT f.text FROM facts f JOIN versions v ON v.id = f.version_id "
        "WHERE v.number = 1 AND f.kind = 'entity' AND f.label = 'PERSON'",
    )
    assert people == [("Rami Abdulrahman",)]
    assert query(db_path, "SELECT text, value FROM facts WHERE kind = 'date'") == [
        ("Friday", "2015-09-25"),
        ("Friday", "2015-09-25"),
    ]
    per_version = query(
        db_path,
        "SELECT v.number, count(*) FROM facts f JOIN versions v ON v.id = f.version_id "
        "GROUP BY v.number ORDER BY v.number",
    )
    assert per_version == [(1, 6), (2, 7)]


def test_saved_versions_cannot_be_rewritten_even_from_outside(store: Store, db_path: Path) -> None:
    store.save_version("syria-strikes", make_sheet())

    conn = raw(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE versions SET editor = 'someone else'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM facts")
    finally:
        conn.close()
    assert store.versions("syria-strikes")[0].editor == ""
    assert store.load_version("syria-strikes").fact_count() == 6


def test_emoji_and_right_to_left_text_round_trip(store: Store, db_path: Path) -> None:
    text = (
        "دمشق - قال بشار الأسد إن 👩🏽‍⚕️ فرق الإسعاف وصلت. "
        "Residents of حلب 🇸🇾 said about 40 families fled."
    )
    sheet = FactSheet(
        article=Article(text=text, headline="بشار الأسد 🇸🇾"),
        entities=[
            Entity("e1", "PERSON", "بشار الأسد", [Mention(*span(text, "بشار الأسد"), "بشار الأسد")])
        ],
        figures=[Figure("f1", "about 40", *span(text, "about 40"), value=40, qualifier="about")],
    )

    store.save_version(store.new_slug(sheet.article.headline), sheet)

    [story] = store.stories()
    assert story.headline == "بشار الأسد 🇸🇾"
    assert story.slug == "story"
    loaded = store.load_version(story.slug)
    assert loaded.to_dict() == sheet.to_dict()
    entity = loaded.entities[0]
    assert text[entity.mentions[0].start : entity.mentions[0].end] == "بشار الأسد"
    assert query(db_path, "SELECT text FROM facts WHERE kind = 'entity'") == [("بشار الأسد",)]


# -- stories and slugs -------------------------------------------------------------


def test_stories_list_most_recently_saved_first_with_counts(store: Store) -> None:
    store.save_version("syria-strikes", make_sheet())
    store.save_version("gaza-talks", make_sheet(headline="Gaza talks resume"))
    store.save_version("oil-prices", make_sheet(headline="Oil falls 3%"))
    store.save_version("syria-strikes", corrected(make_sheet()))

    listed = store.stories()

    assert [(s.slug, s.headline, s.version_count) for s in listed] == [
        ("syria-strikes", "Russian jets strike Syria", 2),
        ("oil-prices", "Oil falls 3%", 1),
        ("gaza-talks", "Gaza talks resume", 1),
    ]
    assert all(isinstance(s, StoryInfo) for s in listed)
    syria = listed[0]
    assert syria.latest_at == store.versions("syria-strikes")[-1].created_at
    assert syria.created_at == store.versions("syria-strikes")[0].created_at


def test_headline_defaults_to_the_article_and_can_be_set_or_renamed(store: Store) -> None:
    store.save_version("gaza-talks", make_sheet(), headline="Gaza talks resume")
    store.save_version("syria-strikes", make_sheet())
    assert [s.headline for s in store.stories()] == [
        "Russian jets strike Syria",
        "Gaza talks resume",
    ]

    store.save_version("syria-strikes", make_sheet(), headline="Russia strikes Syria, 27 dead")

    assert store.stories()[0].headline == "Russia strikes Syria, 27 dead"
    # The sheet itself did not change, so the rename made no new version.
    assert [v.number for v in store.versions("syria-strikes")] == [1]


@pytest.mark.parametrize(
    ("headline", "slug"),
    [
        ("Russian jets strike Syria", "russian-jets-strike-syria"),
        ("Assad's forces: 25 air strikes, $1.2bn aid", "assads-forces-25-air-strikes-1-2bn-aid"),
        ("Zürich café talks — Straße closed", "zurich-cafe-talks-strasse-closed"),
        ("  --  ", "story"),
        ("بشار الأسد", "story"),
        ("", "story"),
    ],
)
def test_slugify(headline: str, slug: str) -> None:
    assert slugify(headline) == slug


def test_slugify_keeps_long_headlines_short_and_whole_worded() -> None:
    headline = "Russian jets carried out at least 25 air strikes across northern Syria on Friday"
    # Cutting at 60 characters would end in "…-across-nort"; the slug drops the partial word.
    assert slugify(headline) == "russian-jets-carried-out-at-least-25-air-strikes-across"
    assert len(slugify("x" * 100)) == 60


def test_new_slug_is_unique_among_saved_stories(store: Store) -> None:
    headline = "Russian jets strike Syria"
    assert store.new_slug(headline) == "russian-jets-strike-syria"

    for expected in ("russian-jets-strike-syria", "russian-jets-strike-syria-2"):
        slug = store.new_slug(headline)
        assert slug == expected
        store.save_version(slug, make_sheet())

    assert store.new_slug(headline) == "russian-jets-strike-syria-3"
    long_headline = "word " * 40
    store.save_version(store.new_slug(long_headline), make_sheet())
    suffixed = store.new_slug(long_headline)
    assert suffixed.endswith("-2")
    assert len(suffixed) <= 60


# -- damaged, foreign and newer files ---------------------------------------------


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    path.write_bytes(b"Dear editor,\nthis is my expenses spreadsheet.\n" * 50)
    before = path.read_bytes()

    with pytest.raises(DatabaseCorruptError, match="is damaged or is not a newsdesk database"):
        Store(path)

    assert_untouched(path, before)


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    conn = raw(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    conn.close()
    before = path.read_bytes()

    with pytest.raises(DatabaseCorruptError, match="not a newsdesk database"):
        Store(path)

    assert_untouched(path, before)


def test_a_damaged_newsdesk_database_is_refused_and_left_alone(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_version("syria-strikes", make_sheet())
    data = bytearray(db_path.read_bytes())
    # Keep the 100-byte file header, scramble the schema on the rest of page 1.
    data[100:4096] = bytes(range(256)) * 15 + bytes(range(156))
    db_path.write_bytes(bytes(data))
    before = db_path.read_bytes()

    with pytest.raises(DatabaseCorruptError, match="Restore it from a backup"):
        Store(db_path)

    assert_untouched(db_path, before)


def test_a_database_from_a_newer_newsdesk_is_refused_and_left_alone(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_version("syria-strikes", make_sheet())
    newer = schema_module.schema_version() + 1
    conn = raw(db_path)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNewError, match="newer version of newsdesk") as refused:
        Store(db_path)

    assert "Update newsdesk" in str(refused.value)
    assert f"schema {newer}" in str(refused.value)
    assert_untouched(db_path, before)


def test_an_older_schema_is_backed_up_then_upgraded(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        store.save_version("syria-strikes", make_sheet())

    def add_desk_column(db: object) -> None:
        conn = db.conn  # type: ignore[attr-defined]
        conn.execute("ALTER TABLE stories ADD COLUMN desk TEXT NOT NULL DEFAULT ''")

    current = schema_module.schema_version()
    upgraded = (
        *schema_module.MIGRATIONS,
        Migration(current + 1, "stories.desk", add_desk_column),
    )
    monkeypatch.setattr(schema_module, "MIGRATIONS", upgraded)

    with Store(db_path) as store:
        assert store.load_version("syria-strikes").to_dict() == make_sheet().to_dict()

    assert query(db_path, "PRAGMA user_version") == [(current + 1,)]
    assert ("desk",) in query(db_path, "SELECT name FROM pragma_table_info('stories')")
    backup = db_path.with_name(f"newsdesk.db.v{current}.bak")
    assert query(backup, "PRAGMA user_version") == [(current,)]
    assert query(backup, "SELECT slug FROM stories") == [("syria-strikes",)]


# -- read-only files ---------------------------------------------------------------


def chmod_blocks_writes(folder: Path) -> bool:
    """False when running as root (or similar), where permission bits are not enforced."""
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return True
    probe.unlink()
    return False


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if not chmod_blocks_writes(folder):
            pytest.skip("permission bits are not enforced for this user (root?)")
        yield folder
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_read_only_folder_is_reported(read_only_folder: Path) -> None:
    with pytest.raises(DatabaseReadOnlyError, match=r"cannot write to .*Check the permissions"):
        Store(read_only_folder / "newsdesk.db")
    assert list(read_only_folder.iterdir()) == []


def test_a_read_only_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    with Store(path) as store:
        store.save_version("syria-strikes", make_sheet())
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("permission bits are not enforced for this user (root?)")
        with pytest.raises(DatabaseReadOnlyError, match="read-only"):
            Store(path)
        assert path.read_bytes() == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_write_sqlite_refuses_is_a_read_only_error_and_saves_nothing(store: Store) -> None:
    """Runs as root too: SQLite's own read-only refusal, not permission bits, is tested."""
    store.save_version("syria-strikes", make_sheet())
    # Fault injection: the same SQLITE_READONLY a file made read-only under us gives.
    store._db.execute("PRAGMA query_only = ON")

    with pytest.raises(DatabaseReadOnlyError, match="cannot write to"):
        store.save_version("syria-strikes", corrected(make_sheet()))

    store._db.execute("PRAGMA query_only = OFF")
    assert [v.number for v in store.versions("syria-strikes")] == [1]


# -- locks and concurrency ---------------------------------------------------------


def test_a_database_held_by_another_program_times_out_clearly(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_version("syria-strikes", make_sheet())
    other = raw(db_path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Store(db_path, timeout=0.1) as store:
            with pytest.raises(DatabaseLockedError, match="in use by another program") as err:
                store.save_version("syria-strikes", corrected(make_sheet()))
            assert "try again" in str(err.value)
            # WAL keeps history readable while the other program writes.
            assert [v.number for v in store.versions("syria-strikes")] == [1]

            other.execute("ROLLBACK")
            retry = store.save_version("syria-strikes", corrected(make_sheet()))
    finally:
        other.close()

    assert retry.number == 2


def test_two_stores_saving_the_same_story_alternately_lose_nothing(db_path: Path) -> None:
    with Store(db_path) as desk, Store(db_path) as copy_desk:
        saved = []
        for turn in range(10):
            who = desk if turn % 2 == 0 else copy_desk
            sheet = make_sheet()
            sheet.figures[0].note = f"turn {turn}"
            saved.append(who.save_version("syria-strikes", sheet, editor=f"editor {turn % 2}"))

        assert [v.number for v in saved] == list(range(1, 11))
        history = copy_desk.versions("syria-strikes")
        assert [v.number for v in history] == list(range(1, 11))
        for number in range(1, 11):
            loaded = desk.load_version("syria-strikes", number)
            assert loaded.figures[0].note == f"turn {number - 1}"


def test_concurrent_saves_from_two_threads_queue_up_without_loss(db_path: Path) -> None:
    Store(db_path).close()
    per_thread = 15
    start = threading.Barrier(2)
    failures: list[BaseException] = []
    saved: list[VersionInfo] = []

    def save_many(editor: str) -> None:
        try:
            with Store(db_path) as store:
                start.wait()
                for turn in range(per_thread):
                    sheet = make_sheet()
                    sheet.figures[0].note = f"{editor} {turn}"
                    saved.append(store.save_version("syria-strikes", sheet, editor=editor))
        except BaseException as error:  # reported below, on the test's thread
            failures.append(error)

    threads = [threading.Thread(target=save_many, args=(name,)) for name in ("amira", "tom")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    with Store(db_path) as store:
        history = store.versions("syria-strikes")
        assert [v.number for v in history] == list(range(1, 2 * per_thread + 1))
        notes = {store.load_version("syria-strikes", v.number).figures[0].note for v in history}
    assert len(notes) == 2 * per_thread
    assert sorted(v.number for v in saved) == list(range(1, 2 * per_thread + 1))


# -- layering ----------------------------------------------------------------------


def test_storage_imports_without_qt() -> None:
    code = "import sys, newsdesk.storage; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
