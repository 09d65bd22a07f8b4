"""A desk for the sync tests: one database on the throwaway cluster, editors with passwords.

:class:`Desk` is a fresh database set up with ``newsdesk server init`` (as the
cluster's superuser), and login roles for editors that are members of
``newsdesk_editor`` and nothing else, each with a password that only the pgpass
file holds. ``sheet(n)`` makes the n-th distinct sheet of a story, so every
save creates a version.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from newsdesk.core.sheet.model import FactSheet
from newsdesk.sync.server import connect
from newsdesk.sync.server_schema import init
from tests.pg_cluster import Cluster
from tests.test_storage import make_sheet

EDITORS = ("anna", "ben", "chloe", "dev", "esme")
_databases = itertools.count(1)


def password(editor: str) -> str:
    return f"{editor}-secret-{len(editor)}7Q"


@dataclass
class Desk:
    """One desk server: a database on the cluster, and how editors reach it."""

    cluster: Cluster
    name: str

    def server(self, editor: str = "anna") -> str:
        """The editor's NEWSDESK_SERVER setting (no password: that is in the pgpass file)."""
        return self.cluster.conninfo(self.name, editor)

    def admin(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self.cluster.conninfo(self.name), autocommit=True)

    def count(self, sql: str, *params: Any) -> int:
        with self.admin() as connection:
            row = connection.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def uids(self) -> list[str]:
        """Every version id on the server, one per row (so a double would show twice)."""
        with self.admin() as connection:
            rows = connection.execute("SELECT uid::text FROM newsdesk.versions").fetchall()
        return [str(row[0]) for row in rows]


def make_desk(cluster: Cluster, pgpass: Path) -> Desk:
    """A new database with a desk in it, and the editors' pgpass file written."""
    name = f"desk{next(_databases)}"
    cluster.admin_sql(f"CREATE DATABASE {name}")
    with connect(cluster.conninfo(name)) as connection:
        init(connection, name)
    with psycopg.connect(cluster.conninfo(name), autocommit=True) as connection:
        for editor in EDITORS:
            exists = connection.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", [editor]
            ).fetchone()
            if not exists:
                connection.execute(
                    psycopg.sql.SQL(
                        "CREATE ROLE {} LOGIN PASSWORD {} IN ROLE newsdesk_editor"
                    ).format(psycopg.sql.Identifier(editor), psycopg.sql.Literal(password(editor)))
                )
    lines = [f"127.0.0.1:{cluster.port}:*:{e}:{password(e)}" for e in EDITORS]
    pgpass.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pgpass.chmod(0o600)
    return Desk(cluster, name)


def sheet(n: int, *, note: str = "") -> FactSheet:
    """The n-th distinct sheet of the test story (a different headline, optionally a note)."""
    made = make_sheet(headline=f"Russian jets strike Syria, take {n}")
    if note:
        made.figures[0].note = note
    return made
