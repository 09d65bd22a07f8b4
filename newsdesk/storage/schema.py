"""The database schema as an append-only list of numbered migrations.

``PRAGMA user_version`` records how many migrations a file has had, and
``PRAGMA application_id`` marks the file as newsdesk's. Never edit or reorder a
migration that has shipped: append a new one. A file whose ``user_version`` is
higher than :data:`SCHEMA_VERSION` was written by a newer newsdesk and is refused.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from newsdesk.errors import DatabaseCorruptError, SchemaTooNewError
from newsdesk.files import create_private_file
from newsdesk.storage.connection import corrupt_message, immediate_transaction
from newsdesk.storage.records import to_iso, utc_now

log = logging.getLogger(__name__)

# "NDSK": tells a newsdesk database from any other SQLite file (`file` shows it too).
APPLICATION_ID = 0x4E44534B


@dataclass(frozen=True)
class Migration:
    """One step of the schema; ``number`` is the ``user_version`` after it ran."""

    number: int
    description: str
    apply: Callable[[Database], None]


def _create_tables(db: Database) -> None:
    _statements(
        db,
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            headline TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id),
            number INTEGER NOT NULL CHECK (number >= 1),
            created_at TEXT NOT NULL,
            editor TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL DEFAULT '',
            article_text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            sheet_json TEXT NOT NULL,
            entity_count INTEGER NOT NULL DEFAULT 0,
            figure_count INTEGER NOT NULL DEFAULT 0,
            date_count INTEGER NOT NULL DEFAULT 0,
            quote_count INTEGER NOT NULL DEFAULT 0,
            -- also the index for "versions of a story": story_id leads it
            UNIQUE (story_id, number)
        );
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id),
            fact_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'figure', 'date', 'quote')),
            label TEXT,
            text TEXT NOT NULL,
            value TEXT,
            qualifier TEXT,
            counted TEXT,
            status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX facts_version_id ON facts(version_id);

        -- Saved versions are the record of what the desk signed off: nothing,
        -- not even a Datasette or sqlite-utils session, may rewrite them.
        CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
        BEGIN SELECT RAISE(ABORT, 'newsdesk versions are append-only'); END;
        CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
        BEGIN SELECT RAISE(ABORT, 'newsdesk versions are append-only'); END;
        CREATE TRIGGER facts_no_update BEFORE UPDATE ON facts
        BEGIN SELECT RAISE(ABORT, 'newsdesk versions are append-only'); END;
        CREATE TRIGGER facts_no_delete BEFORE DELETE ON facts
        BEGIN SELECT RAISE(ABORT, 'newsdesk versions are append-only'); END;
        """,
    )
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


_STATUS_COLUMNS = ("unverified_count", "verified_count", "disputed_count", "corrected_count")

# Kept word for word as migration 1 wrote it: migration 2 lifts it for one backfill.
_VERSIONS_NO_UPDATE = """
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'newsdesk versions are append-only'); END;
"""

# Porter stemming finds "strike" for "strikes"; diacritics folded so "Zurich" finds "Zürich".
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


def _history_search_and_views(db: Database) -> None:
    """Parents, status counts, story summaries, full-text search and views for Datasette."""
    statements = ["ALTER TABLE versions ADD COLUMN parent INTEGER CHECK (parent >= 1)"]
    statements += [
        f"ALTER TABLE versions ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0"
        for name in _STATUS_COLUMNS
    ]
    # The story row summarises its newest version, so the library reads one small table.
    statements += [
        "ALTER TABLE stories ADD COLUMN latest_version_id INTEGER REFERENCES versions(id)",
        "ALTER TABLE stories ADD COLUMN version_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE stories ADD COLUMN latest_at TEXT",
        "ALTER TABLE stories ADD COLUMN fact_count INTEGER NOT NULL DEFAULT 0",
    ]
    statements += [
        f"ALTER TABLE stories ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0"
        for name in _STATUS_COLUMNS
    ]
    for statement in statements:
        db.execute(statement)

    # Backfill the counts of versions saved before this migration. The counts are
    # derived from the facts rows, so no saved word changes; the trigger is lifted
    # for this one statement, inside the migration's transaction.
    counts = ", ".join(
        f"{name} = (SELECT count(*) FROM facts f WHERE f.version_id = versions.id "
        f"AND f.status = '{name.removesuffix('_count')}')"
        for name in _STATUS_COLUMNS
    )
    db.execute("DROP TRIGGER versions_no_update")
    db.execute(f"UPDATE versions SET {counts}")
    _statements(db, _VERSIONS_NO_UPDATE)
    summary = ", ".join(f"{name} = latest.{name}" for name in _STATUS_COLUMNS)
    db.execute(
        f"""
        UPDATE stories SET latest_version_id = latest.id, version_count = latest.number,
            latest_at = latest.created_at,
            fact_count = latest.entity_count + latest.figure_count + latest.date_count
                + latest.quote_count,
            {summary}
        FROM (SELECT v.* FROM versions v WHERE v.number =
              (SELECT max(number) FROM versions w WHERE w.story_id = v.story_id)) AS latest
        WHERE latest.story_id = stories.id
        """
    )
    _statements(
        db,
        f"""
        -- History of a story without reading its article texts: a covering index.
        CREATE INDEX versions_history ON versions (
            story_id, number, created_at, editor, message, parent, text_hash,
            entity_count, figure_count, date_count, quote_count, {", ".join(_STATUS_COLUMNS)}
        );
        CREATE INDEX stories_latest_version_id ON stories(latest_version_id);

        CREATE VIEW story_list AS
        SELECT s.slug, s.headline, s.version_count AS versions, s.latest_at AS last_saved,
               v.editor AS last_editor, v.message AS last_message, s.fact_count AS facts,
               s.unverified_count AS unverified, s.verified_count AS verified,
               s.disputed_count AS disputed, s.corrected_count AS corrected
        FROM stories s LEFT JOIN versions v ON v.id = s.latest_version_id;

        CREATE VIEW version_history AS
        SELECT s.slug, v.number AS version, v.parent, v.created_at AS saved_at, v.editor,
               v.message, v.entity_count + v.figure_count + v.date_count + v.quote_count AS facts,
               v.entity_count AS entities, v.figure_count AS figures, v.date_count AS dates,
               v.quote_count AS quotes, v.unverified_count AS unverified,
               v.verified_count AS verified, v.disputed_count AS disputed,
               v.corrected_count AS corrected, v.text_hash
        FROM versions v JOIN stories s ON s.id = v.story_id;

        CREATE VIEW fact_history AS
        SELECT s.slug, v.number AS version, v.created_at AS saved_at, f.kind, f.fact_id,
               f.label, f.text, f.value, f.qualifier, f.counted, f.status, f.note
        FROM facts f JOIN versions v ON v.id = f.version_id JOIN stories s ON s.id = v.story_id;

        CREATE VIEW latest_facts AS
        SELECT s.slug, s.headline, v.number AS version, v.created_at AS saved_at, f.kind,
               f.fact_id, f.label, f.text, f.value, f.qualifier, f.counted, f.status, f.note
        FROM stories s JOIN versions v ON v.id = s.latest_version_id
        JOIN facts f ON f.version_id = v.id;
        """,
    )
    # sqlite-utils' own FTS layout, so `sqlite-utils search` and Datasette's search
    # box work on these tables; the insert triggers index each save in its transaction.
    db.table("versions").enable_fts(
        ["article_text", "message"], create_triggers=True, tokenize=FTS_TOKENIZE
    )
    db.table("facts").enable_fts(
        ["text", "counted", "note"], create_triggers=True, tokenize=FTS_TOKENIZE
    )


def _house_register(db: Database) -> None:
    """The house register: one row per version of an entry, never rewritten."""
    _statements(
        db,
        """
        CREATE TABLE register_entries (
            id INTEGER PRIMARY KEY,
            entry INTEGER NOT NULL,          -- the entry: its first version's id
            revision INTEGER NOT NULL CHECK (revision >= 1),
            rule TEXT NOT NULL CHECK (rule IN ('name', 'alias', 'not_name')),
            name TEXT NOT NULL,
            label TEXT,
            target TEXT,                     -- an alias: the name it stands for
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '', -- label, merge, added, rejected, typed, imported
            story TEXT,                      -- the story it was learned from
            editor TEXT NOT NULL DEFAULT '', -- who made this version
            created_at TEXT NOT NULL,        -- when
            UNIQUE (entry, revision)
        );
        CREATE INDEX register_entries_name ON register_entries(name);

        CREATE TRIGGER register_no_update BEFORE UPDATE ON register_entries
        BEGIN SELECT RAISE(ABORT, 'newsdesk register entries are append-only'); END;
        CREATE TRIGGER register_no_delete BEFORE DELETE ON register_entries
        BEGIN SELECT RAISE(ABORT, 'newsdesk register entries are append-only'); END;

        -- Each entry as it stands now (its newest version), unless deleted.
        CREATE VIEW house_register AS
        SELECT r.entry AS id, r.revision, r.rule, r.name, r.label, r.target, r.active,
               r.note, r.source, r.story, f.editor AS added_by, f.created_at AS added_at,
               r.editor AS changed_by, r.created_at AS changed_at
        FROM register_entries r
        JOIN register_entries f ON f.entry = r.entry AND f.revision = 1
        WHERE r.revision = (SELECT max(x.revision) FROM register_entries x
                            WHERE x.entry = r.entry)
          AND r.deleted = 0;
        """,
    )


_REGISTER_NO_UPDATE = """
CREATE TRIGGER register_no_update BEFORE UPDATE ON register_entries
BEGIN SELECT RAISE(ABORT, 'newsdesk register entries are append-only'); END;
"""


def _statements(db: Database, script: str) -> None:
    """Run ``script`` one statement at a time, inside the migration's transaction.

    Not ``executescript``: Python's sqlite3 commits the open transaction before
    one, which would leave a half-applied migration behind a failure.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip(" \n;") and not all(
        part.strip().startswith("--") or not part.strip() for part in pending.splitlines()
    ):
        raise ValueError("an incomplete SQL statement in a migration")


def _desk_ids(db: Database) -> None:
    """Global ids for sharing through a desk server: each version's id, its parent's, its hash.

    A version's ``uid`` names it on every editor's machine and on the server;
    ``parent_uid`` is the version it follows (for versions saved before this
    migration, the one before it: a single file's history was a line);
    ``resolves`` lists the other ends of a fork it settles; ``content_hash``
    fingerprints the whole record (over the sheet's JSON as read back, see
    :meth:`newsdesk.storage.desk.DeskVersion.expected_hash`), kept from here on as versions
    are saved or received.
    Register entries get ids too. ``desk_acks`` records what a desk server holds.
    """
    for statement in (
        "ALTER TABLE versions ADD COLUMN uid TEXT",
        "ALTER TABLE versions ADD COLUMN parent_uid TEXT",
        "ALTER TABLE versions ADD COLUMN resolves TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE versions ADD COLUMN content_hash TEXT",
        "ALTER TABLE register_entries ADD COLUMN uid TEXT",
        "ALTER TABLE register_entries ADD COLUMN entry_uid TEXT",
    ):
        db.execute(statement)
    # The backfill writes ids only; no saved word changes. The triggers are lifted
    # for it, inside the migration's transaction, as migration 2 did. No sheet is
    # read here: a version saved before this migration has no stored fingerprint,
    # and the sync takes it from the sheet as the store reads it back, so this
    # migration does not depend on how the article text is stored.
    db.execute("DROP TRIGGER versions_no_update")
    rows = db.execute(
        "SELECT v.id, v.story_id FROM versions v ORDER BY v.story_id, v.number"
    ).fetchall()
    previous: dict[int, str] = {}
    for version_id, story_id in rows:
        uid = str(uuid.uuid4())
        db.execute(
            "UPDATE versions SET uid = ?, parent_uid = ? WHERE id = ?",
            [uid, previous.get(story_id), version_id],
        )
        previous[story_id] = uid
    _statements(db, _VERSIONS_NO_UPDATE)
    db.execute("DROP TRIGGER register_no_update")
    first: dict[int, str] = {}
    for row_id, entry in db.execute(
        "SELECT id, entry FROM register_entries ORDER BY entry, revision"
    ).fetchall():
        uid = str(uuid.uuid4())
        entry_uid = first.setdefault(int(entry), uid)
        db.execute(
            "UPDATE register_entries SET uid = ?, entry_uid = ? WHERE id = ?",
            [uid, entry_uid, row_id],
        )
    _statements(db, _REGISTER_NO_UPDATE)
    _statements(
        db,
        f"""
        -- The history list reads the ids too: the covering index holds them.
        DROP INDEX versions_history;
        CREATE INDEX versions_history ON versions (
            story_id, number, created_at, editor, message, parent, text_hash,
            entity_count, figure_count, date_count, quote_count, {", ".join(_STATUS_COLUMNS)},
            uid, parent_uid, resolves
        );
        CREATE UNIQUE INDEX versions_uid ON versions(uid);
        CREATE INDEX versions_parent_uid ON versions(story_id, parent_uid);
        CREATE UNIQUE INDEX register_entries_uid ON register_entries(uid);
        CREATE INDEX register_entries_entry_uid ON register_entries(entry_uid);

        -- What each desk server (by its id) holds of this file, and from where to pull.
        CREATE TABLE desk_acks (
            desk TEXT NOT NULL,
            uid TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (desk, uid)
        ) WITHOUT ROWID;
        CREATE TABLE desk_state (
            desk TEXT PRIMARY KEY,
            versions_seq INTEGER NOT NULL DEFAULT 0,
            register_seq INTEGER NOT NULL DEFAULT 0,
            synced_at TEXT
        );

        -- An entry stands as its latest word on the desk: by when it was said, so
        -- every editor's file settles on the same one after a sync, whatever the
        -- order the rows arrived in.
        DROP VIEW house_register;
        CREATE VIEW house_register AS
        SELECT r.entry AS id, r.revision, r.rule, r.name, r.label, r.target, r.active,
               r.note, r.source, r.story, f.editor AS added_by, f.created_at AS added_at,
               r.editor AS changed_by, r.created_at AS changed_at
        FROM register_entries r
        JOIN register_entries f ON f.entry = r.entry AND f.revision = 1
        WHERE r.id = (SELECT x.id FROM register_entries x WHERE x.entry = r.entry
                      ORDER BY x.created_at DESC, x.uid DESC LIMIT 1)
          AND r.deleted = 0;
        """,
    )


def _texts_once(db: Database) -> None:
    """Article texts stored once per distinct text (see :mod:`newsdesk.storage.texts`).

    Versions saved before keep their text and are searched as before; the new
    table is indexed for search by the same rules.
    """
    _statements(
        db,
        """
        CREATE TABLE article_texts (
            id INTEGER PRIMARY KEY,
            text_hash TEXT NOT NULL UNIQUE,  -- sha256 of the text, as versions.text_hash
            text TEXT NOT NULL
        );
        ALTER TABLE versions ADD COLUMN text_id INTEGER REFERENCES article_texts(id);
        -- Search goes from a matching text to the versions that have it.
        CREATE INDEX versions_text_id ON versions(text_id);
        CREATE TRIGGER article_texts_no_update BEFORE UPDATE ON article_texts
        BEGIN SELECT RAISE(ABORT, 'newsdesk article texts are append-only'); END;
        CREATE TRIGGER article_texts_no_delete BEFORE DELETE ON article_texts
        BEGIN SELECT RAISE(ABORT, 'newsdesk article texts are append-only'); END;
        """,
    )
    db.table("article_texts").enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)


def _search_by_index(db: Database) -> None:
    """Narrow indexes that take a search between versions, stories and texts without
    reading a version's row, which holds its sheet (kilobytes): a word in most
    stories looked thousands of them up only for their story and number.
    """
    _statements(
        db,
        """
        -- A matching fact or message: its version's story, number and stored text.
        CREATE INDEX versions_by_id ON versions(id, story_id, number, text_id);
        -- A matching text: the versions that have it, with their story and number.
        DROP INDEX versions_text_id;
        CREATE INDEX versions_text_id ON versions(text_id, story_id, number);
        -- A story's versions, newest first, with their stored text.
        CREATE INDEX versions_story_text ON versions(story_id, number, text_id);
        """,
    )


def _packed_sheets(db: Database) -> None:
    """Sheets stored compressed from now on (:mod:`newsdesk.storage.texts`).

    Versions saved before keep their JSON in ``sheet_json`` and read as before.
    """
    db.execute("ALTER TABLE versions ADD COLUMN sheet_packed BLOB")


# Append only. The position in this tuple is the migration's number.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "stories, versions and facts", _create_tables),
    Migration(
        2, "parents, status counts, story summaries, search and views", _history_search_and_views
    ),
    Migration(3, "the house register", _house_register),
    Migration(4, "desk ids: global ids, parents and fingerprints for sync", _desk_ids),
    Migration(5, "article texts stored once, by hash", _texts_once),
    Migration(6, "search by covering indexes", _search_by_index),
    Migration(7, "sheets stored compressed", _packed_sheets),
)


# Tables every migrated newsdesk file has, whatever later migrations add.
REQUIRED_TABLES = frozenset({"stories", "versions", "facts"})


def schema_version() -> int:
    """The newest schema this newsdesk understands."""
    return len(MIGRATIONS)


def user_version(db: Database) -> int:
    """The number of migrations the open file has had."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def check_identity(db: Database, path: Path) -> int:
    """Refuse a file that is not ours or is too new; return its ``user_version``.

    Reads only, so a refused file is left exactly as it was.
    """
    version = user_version(db)
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    # Reading the schema also makes SQLite parse page 1, so a damaged file fails here.
    tables = {
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
    }
    if version == 0:
        # A new file is empty; an SQLite file with tables but no version is someone else's.
        if tables or app_id not in (0, APPLICATION_ID):
            raise DatabaseCorruptError(corrupt_message(path, "it holds another program's data"))
        return version
    if app_id != APPLICATION_ID:
        raise DatabaseCorruptError(corrupt_message(path, "it belongs to another program"))
    if version > schema_version():
        raise SchemaTooNewError(
            f"{path} was written by a newer version of newsdesk (database schema {version}; "
            f"this newsdesk understands up to {schema_version()}). newsdesk has not changed "
            "it. Update newsdesk to open it, or use another database file (newsdesk --db PATH)."
        )
    missing_tables = REQUIRED_TABLES - tables
    if missing_tables:
        missing = ", ".join(sorted(missing_tables))
        raise DatabaseCorruptError(corrupt_message(path, f"missing tables: {missing}"))
    return version


def migrate(db: Database, path: Path) -> int:
    """Apply pending migrations, each in its own transaction; return the new version.

    An existing database is copied beside itself first (``newsdesk.db.v1.bak``),
    so a failed or regretted upgrade can be undone by hand.
    """
    current = user_version(db)
    if current >= schema_version():
        return current
    if current > 0:
        backup(db, path, current)
    for migration in MIGRATIONS[current:]:
        with immediate_transaction(db):
            # Another process may have migrated while we waited for the write lock.
            if user_version(db) >= migration.number:
                continue
            log.info("database %s: migration %d, %s", path, migration.number, migration.description)
            migration.apply(db)
            # user_version lives in the file header and commits with the transaction.
            db.execute(f"PRAGMA user_version = {migration.number}")
    return user_version(db)


def backup(db: Database, path: Path, version: int) -> Path:
    """Copy the whole database to a new file beside it before changing its schema."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        stamp = to_iso(utc_now()).replace(":", "").replace("+0000", "Z")
        target = path.with_name(f"{path.name}.v{version}.{stamp}.bak")
    create_private_file(target)  # SQLite would create it readable by everyone
    copy = sqlite3.connect(str(target))
    try:
        db.conn.backup(copy)
    finally:
        copy.close()
    log.info("database %s: backed up to %s before migrating", path, target)
    return target
