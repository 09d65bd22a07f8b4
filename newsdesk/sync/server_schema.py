"""The desk server's schema: numbered migrations, like the local file's.

Everything lives in the PostgreSQL schema ``newsdesk``. ``desk_meta`` holds
the desk's own id (so an editor's file knows which server it synced with)
and the number of migrations applied; a server set up by a newer newsdesk is
refused, never written. Versions, facts, checks and register rows are
append-only there as in the local file: triggers refuse any ``UPDATE``,
``DELETE`` or ``TRUNCATE``, and the ``newsdesk_editor`` role that editors log
in through may only read and add. Who pushed a row is the database's own
``session_user``, set by a trigger, beside the editor's name saved with it.
Never edit a migration that has shipped: append one.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import psycopg

from newsdesk.sync.server import DeskNotSetUpError, DeskSchemaTooNewError

log = logging.getLogger(__name__)

SCHEMA = "newsdesk"
EDITOR_ROLE = "newsdesk_editor"
# One advisory lock for everything that writes the desk: migrations and pushes
# take it for their transaction, so rows get their sequence numbers in commit
# order and a pull never steps over a row that commits later.
WRITE_LOCK = 0x4E44534B

_APPEND_ONLY = """
CREATE FUNCTION newsdesk.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'newsdesk % rows are append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION newsdesk.stamp_pusher() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.pushed_by := session_user;
    NEW.pushed_at := now();
    RETURN NEW;
END $$;
"""

_TABLES = """
CREATE TABLE newsdesk.stories (
    slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    headline text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE newsdesk.versions (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    uid uuid PRIMARY KEY,
    story text NOT NULL REFERENCES newsdesk.stories(slug),
    -- Not a foreign key: a version whose parent could not be sent (damaged on the
    -- editor's machine) still reaches the desk, and shows its missing parent.
    parent_uid uuid,
    resolves text NOT NULL DEFAULT '',
    created_at text NOT NULL,
    editor text NOT NULL DEFAULT '',
    message text NOT NULL DEFAULT '',
    headline text NOT NULL DEFAULT '',
    article_text text NOT NULL,
    text_hash text NOT NULL,
    sheet_json text NOT NULL,
    content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    fact_count integer NOT NULL DEFAULT 0,
    unverified_count integer NOT NULL DEFAULT 0,
    verified_count integer NOT NULL DEFAULT 0,
    disputed_count integer NOT NULL DEFAULT 0,
    corrected_count integer NOT NULL DEFAULT 0,
    pushed_by text NOT NULL DEFAULT '',
    pushed_at timestamptz NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, headline || ' ' || message || ' ' || article_text)
    ) STORED
);
CREATE INDEX versions_story ON newsdesk.versions (story, seq);
CREATE INDEX versions_search ON newsdesk.versions USING gin (search);

CREATE TABLE newsdesk.facts (
    version_uid uuid NOT NULL REFERENCES newsdesk.versions(uid),
    fact_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('entity', 'figure', 'date', 'quote')),
    label text,
    text text NOT NULL,
    value text,
    qualifier text,
    counted text,
    status text NOT NULL,
    note text NOT NULL DEFAULT '',
    PRIMARY KEY (version_uid, fact_id),
    search tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig,
                    text || ' ' || coalesce(counted, '') || ' ' || note)
    ) STORED
);
CREATE INDEX facts_search ON newsdesk.facts USING gin (search);

CREATE TABLE newsdesk.checks (
    version_uid uuid NOT NULL REFERENCES newsdesk.versions(uid),
    check_id text NOT NULL,
    kind text NOT NULL,
    severity text NOT NULL,
    message text NOT NULL DEFAULT '',
    status text NOT NULL,
    note text NOT NULL DEFAULT '',
    checked_by text,
    checked_at text,
    PRIMARY KEY (version_uid, check_id)
);

CREATE TABLE newsdesk.register_entries (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    uid uuid PRIMARY KEY,
    entry_uid uuid NOT NULL,
    rule text NOT NULL CHECK (rule IN ('name', 'alias', 'not_name')),
    name text NOT NULL,
    label text,
    target text,
    active boolean NOT NULL DEFAULT true,
    deleted boolean NOT NULL DEFAULT false,
    note text NOT NULL DEFAULT '',
    source text NOT NULL DEFAULT '',
    story text,
    editor text NOT NULL DEFAULT '',
    created_at text NOT NULL,
    pushed_by text NOT NULL DEFAULT '',
    pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_entries_entry ON newsdesk.register_entries (entry_uid);
"""


def _guards() -> str:
    statements = []
    for table in ("versions", "facts", "checks", "register_entries", "stories"):
        statements.append(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON newsdesk.{table} "
            "FOR EACH ROW EXECUTE FUNCTION newsdesk.refuse_change();"
        )
        statements.append(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON newsdesk.{table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION newsdesk.refuse_change();"
        )
    for table in ("versions", "register_entries"):
        statements.append(
            f"CREATE TRIGGER {table}_pusher BEFORE INSERT ON newsdesk.{table} "
            "FOR EACH ROW EXECUTE FUNCTION newsdesk.stamp_pusher();"
        )
    return "\n".join(statements)


def _grants() -> str:
    return f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EDITOR_ROLE}') THEN
        CREATE ROLE {EDITOR_ROLE} NOLOGIN;
    END IF;
END $$;
REVOKE ALL ON SCHEMA newsdesk FROM PUBLIC;
GRANT USAGE ON SCHEMA newsdesk TO {EDITOR_ROLE};
GRANT SELECT ON newsdesk.desk_meta TO {EDITOR_ROLE};
GRANT SELECT, INSERT ON newsdesk.stories, newsdesk.versions, newsdesk.facts,
    newsdesk.checks, newsdesk.register_entries TO {EDITOR_ROLE};
"""


def _migration_1(desk_id: str) -> str:
    return (
        "CREATE SCHEMA newsdesk;\n"
        "CREATE TABLE newsdesk.desk_meta (key text PRIMARY KEY, value text NOT NULL);\n"
        f"INSERT INTO newsdesk.desk_meta VALUES ('desk_id', '{desk_id}'), ('schema', '0');\n"
        + _APPEND_ONLY
        + _TABLES
        + _guards()
        + _grants()
    )


# Append only; the position is the migration's number. Each takes the new desk's id.
MIGRATIONS: tuple[tuple[str, Any], ...] = (
    ("stories, versions, facts, checks and the house register, append-only", _migration_1),
)


def schema_version() -> int:
    """The newest desk schema this newsdesk understands."""
    return len(MIGRATIONS)


def server_version(connection: psycopg.Connection[Any]) -> int:
    """How many desk migrations the server has had (0: none, not set up)."""
    row = connection.execute("SELECT to_regclass('newsdesk.desk_meta') IS NOT NULL").fetchone()
    if row is None or not row[0]:
        return 0
    found = connection.execute(
        "SELECT value FROM newsdesk.desk_meta WHERE key = 'schema'"
    ).fetchone()
    return 0 if found is None else int(found[0])


def check(connection: psycopg.Connection[Any], where: str) -> str:
    """The desk's id, once the server is known to hold a desk this newsdesk understands."""
    version = server_version(connection)
    connection.rollback()  # end the read's transaction: the sync opens its own
    if version == 0:
        raise DeskNotSetUpError(
            f"{where} holds no newsdesk desk yet. Whoever runs the server sets it up once "
            "with 'newsdesk server init'."
        )
    if version > schema_version():
        raise DeskSchemaTooNewError(
            f"The desk server {where} was set up by a newer newsdesk (desk schema {version}; "
            f"this newsdesk understands up to {schema_version()}). Nothing was sent or "
            "received. Update newsdesk to sync with it."
        )
    row = connection.execute(
        "SELECT value FROM newsdesk.desk_meta WHERE key = 'desk_id'"
    ).fetchone()
    connection.rollback()
    if row is None:
        raise DeskNotSetUpError(f"{where} holds a damaged newsdesk desk (it has no id).")
    return str(row[0])


def init(connection: psycopg.Connection[Any], where: str) -> tuple[int, int]:
    """Set the desk up, or bring it to this newsdesk's schema; (before, after).

    Run by the server's owner (a role that may create schemas and roles), each
    migration in one transaction. A newer desk is refused untouched.
    """
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        before = server_version(connection)
        if before > schema_version():
            raise DeskSchemaTooNewError(
                f"The desk server {where} was set up by a newer newsdesk (desk schema "
                f"{before}; this newsdesk understands up to {schema_version()}). Nothing "
                "was changed."
            )
        desk_id = str(uuid.uuid4())
        for number, (description, build) in enumerate(MIGRATIONS, start=1):
            if number <= before:
                continue
            log.info("desk server %s: migration %d, %s", where, number, description)
            connection.execute(build(desk_id))
            connection.execute(
                "UPDATE newsdesk.desk_meta SET value = %s WHERE key = 'schema'", [str(number)]
            )
    return before, schema_version()
