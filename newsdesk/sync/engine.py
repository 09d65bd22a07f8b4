"""Sync: send the desk what this file has and it lacks, then take in what others saved.

Sync is not remote editing: each editor keeps working in the local file, and
:func:`sync` exchanges whole versions (and house register rows) by their
global ids. Every step is one transaction on one side, in an order that makes
a sync idempotent and resumable:

1. **Push** a batch of versions in one server transaction (under the desk's
   write lock, so sequence numbers follow commit order); a version the server
   already has is recognised by its id and must carry the same fingerprint.
2. Only after the server's commit does the local file note which versions the
   desk holds. A sync killed between the two sends the batch again next time;
   the server recognises it and nothing is doubled.
3. **Pull** versions by the server's sequence, after the last one received; each
   batch is checked whole and stored in one local transaction with the new
   position. Killed halfway, the batch is simply pulled again.

Two editors who save from the same version make a fork: both versions are kept
everywhere, the history shows it, and a restore settles it
(:meth:`~newsdesk.storage.store.Store.restore`); nothing is ever overwritten.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import psycopg

from newsdesk.core.sheet.model import FactSheet
from newsdesk.storage import Store
from newsdesk.storage.desk import DeskRegisterRow, DeskVersion, open_heads
from newsdesk.storage.records import fact_rows, status_counts
from newsdesk.sync.config import describe
from newsdesk.sync.server import DeskServerError, connect, server_errors
from newsdesk.sync.server_schema import WRITE_LOCK, check

log = logging.getLogger(__name__)

# Versions per transaction. A batch taken in holds the local file's write lock
# while it is stored (some ms a version), so it stays well inside the 5 s an
# editor's save in the window waits for the lock during a background sync.
BATCH = 200

Progress = Callable[[str], None]
_Row = TypeVar("_Row", DeskVersion, DeskRegisterRow)


@dataclass
class SyncReport:
    """What one sync did."""

    server: str  # where, without secrets
    desk: str = ""  # the desk's id
    sent: int = 0  # versions the desk did not have
    received: int = 0  # versions new to this file
    register_sent: int = 0
    register_received: int = 0
    not_sent: list[str] = field(default_factory=list)  # damaged local versions, by story
    forks: list[str] = field(default_factory=list)  # stories with an open fork after the sync
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the status bar and the command line."""
        parts = [f"{self.sent} sent", f"{self.received} received"]
        if self.register_sent or self.register_received:
            parts.append(
                f"house register {self.register_sent} sent, {self.register_received} received"
            )
        line = f"Synced with the desk ({self.server}): " + ", ".join(parts) + "."
        if self.forks:
            line += f" Forked: {', '.join(self.forks)} (see the history)."
        if self.not_sent:
            line += f" Not sent (damaged here): {len(self.not_sent)} version(s)."
        return line


def sync(
    store: Store, server: str, *, batch: int = BATCH, progress: Progress | None = None
) -> SyncReport:
    """Sync ``store`` with the desk server ``server`` (a connection string or service name).

    Raises :class:`~newsdesk.sync.server.DeskServerError` (the server is
    unreachable, not set up, newer, or refuses) and the store's
    :class:`~newsdesk.errors.StorageError`; whatever was acknowledged before a
    failure stays done, the rest is done by the next sync.
    """
    started = time.monotonic()
    where = describe(server)
    report = SyncReport(server=where)
    say = progress or (lambda _text: None)
    touched: set[str] = set()
    with connect(server) as connection, server_errors(where):
        report.desk = desk = check(connection, where)
        say("Sending versions…")
        _push_versions(connection, store, desk, batch, report, say)
        _push_register(connection, store, desk, batch, report)
        say("Receiving versions…")
        _pull_versions(connection, store, desk, batch, report, touched, say)
        _pull_register(connection, store, desk, batch, report)
    store.desk.finish(desk)
    report.forks = sorted(slug for slug in touched if len(open_heads(store.versions(slug))) > 1)
    report.seconds = time.monotonic() - started
    log.info(
        "synced with %s in %.1f s: %d sent, %d received, register %d/%d",
        where, report.seconds, report.sent, report.received,
        report.register_sent, report.register_received,
    )  # fmt: skip
    return report


# -- push ------------------------------------------------------------------------------


def _push_versions(
    connection: psycopg.Connection[Any],
    store: Store,
    desk: str,
    batch: int,
    report: SyncReport,
    say: Progress,
) -> None:
    after = 0
    while True:
        rows = store.desk.unsent_versions(desk, batch, after=after)
        if not rows:
            return
        after = rows[-1].local_id
        ready: list[tuple[DeskVersion, dict[str, Any]]] = []
        for outgoing in rows:
            if outgoing.version is None or outgoing.sheet is None:
                report.not_sent.append(f"{outgoing.story} v{outgoing.number}")
                continue
            ready.append((outgoing.version, _derived(outgoing.sheet)))
        if not ready:
            continue
        acks, new = _send_versions(connection, ready)
        store.desk.acknowledge(desk, acks)
        report.sent += new
        say(f"Sent {report.sent} versions…")


def _derived(sheet: FactSheet) -> dict[str, Any]:
    """What the server keeps beside the record: text, counts, facts and checks rows."""
    counts = status_counts(sheet)
    facts = [
        (row["fact_id"], row["kind"], row["label"], row["text"], row["value"],
         row["qualifier"], row["counted"], row["status"], row["note"])
        for row in fact_rows(0, sheet)
    ]  # fmt: skip
    checks = [
        (check.id, check.kind, check.severity, check.message, check.status, check.note,
         check.checked_by, check.checked_at)
        for check in sheet.checks
    ]  # fmt: skip
    return {
        "article_text": sheet.article.text,
        "text_hash": sheet.article.text_hash,
        "fact_count": len(facts),
        "counts": counts,
        "facts": facts,
        "checks": checks,
    }


# The rows derived from each sheet, copied in column order.
_DERIVED_TABLES = (
    ("facts (version_uid, fact_id, kind, label, text, value, qualifier, counted, status, note)",
     "facts"),
    ("checks (version_uid, check_id, kind, severity, message, status, note, checked_by, "
     "checked_at)", "checks"),
)  # fmt: skip


def _send_versions(
    connection: psycopg.Connection[Any], ready: Sequence[tuple[DeskVersion, dict[str, Any]]]
) -> tuple[list[tuple[str, int]], int]:
    """One server transaction: the versions it lacks, with facts and checks; (acks, new)."""
    uids = [version.uid for version, _ in ready]
    with connection.transaction(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        cursor.execute(
            "SELECT uid::text, content_hash FROM newsdesk.versions WHERE uid = ANY(%s::uuid[])",
            [uids],
        )
        held = dict(cursor.fetchall())
        for version, _ in ready:
            if version.uid in held and held[version.uid] != version.content_hash:
                raise DeskServerError(
                    f"The desk server holds another version under the id {version.uid} "
                    f"(story {version.story!r}). Nothing of this batch was sent; tell whoever "
                    "runs the desk server."
                )
        new = [(version, extra) for version, extra in ready if version.uid not in held]
        if new:
            cursor.executemany(
                "INSERT INTO newsdesk.stories (slug, headline) VALUES (%s, %s) "
                "ON CONFLICT (slug) DO NOTHING",
                list({v.story: (v.story, v.headline) for v, _ in new}.values()),
            )
            cursor.executemany(
                "INSERT INTO newsdesk.versions (uid, story, parent_uid, resolves, created_at, "
                "editor, message, headline, article_text, text_hash, sheet_json, content_hash, "
                "fact_count, unverified_count, verified_count, disputed_count, corrected_count) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (v.uid, v.story, v.parent_uid, v.resolves, v.created_at, v.editor,
                     v.message, v.headline, x["article_text"], x["text_hash"], v.sheet_json,
                     v.content_hash, x["fact_count"], x["counts"]["unverified_count"],
                     x["counts"]["verified_count"], x["counts"]["disputed_count"],
                     x["counts"]["corrected_count"])
                    for v, x in new
                ],
            )  # fmt: skip
            for table, key in _DERIVED_TABLES:
                with cursor.copy(f"COPY newsdesk.{table} FROM STDIN") as copy:
                    for version, extra in new:
                        for row in extra[key]:
                            copy.write_row((version.uid, *row))
        cursor.execute(
            "SELECT uid::text, seq FROM newsdesk.versions WHERE uid = ANY(%s::uuid[])", [uids]
        )
        acks = [(str(uid), int(seq)) for uid, seq in cursor.fetchall()]
    return acks, len(new)


def _push_register(
    connection: psycopg.Connection[Any], store: Store, desk: str, batch: int, report: SyncReport
) -> None:
    while True:
        rows = store.desk.unsent_register(desk, batch)
        if not rows:
            return
        uids = [row.uid for row in rows]
        with connection.transaction(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            cursor.execute(
                "SELECT uid::text FROM newsdesk.register_entries WHERE uid = ANY(%s::uuid[])",
                [uids],
            )
            held = {str(row[0]) for row in cursor.fetchall()}
            new = [row for row in rows if row.uid not in held]
            if new:
                cursor.executemany(
                    "INSERT INTO newsdesk.register_entries (uid, entry_uid, rule, name, label, "
                    "target, active, deleted, note, source, story, editor, created_at) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        (r.uid, r.entry_uid, r.rule, r.name, r.label, r.target, r.active,
                         r.deleted, r.note, r.source, r.story, r.editor, r.created_at)
                        for r in new
                    ],
                )  # fmt: skip
            cursor.execute(
                "SELECT uid::text, seq FROM newsdesk.register_entries WHERE uid = ANY(%s::uuid[])",
                [uids],
            )
            acks = [(str(uid), int(seq)) for uid, seq in cursor.fetchall()]
        store.desk.acknowledge(desk, acks)
        report.register_sent += len(new)


# -- pull ------------------------------------------------------------------------------


_PULL_VERSIONS = (
    "SELECT seq, uid::text, story, headline, parent_uid::text, resolves, created_at, editor, "
    "message, sheet_json, content_hash FROM newsdesk.versions "
    "WHERE seq > %s ORDER BY seq LIMIT %s"
)
_PULL_REGISTER = (
    "SELECT seq, uid::text, entry_uid::text, rule, name, label, target, active, deleted, "
    "note, source, story, editor, created_at FROM newsdesk.register_entries "
    "WHERE seq > %s ORDER BY seq LIMIT %s"
)


def _pull_versions(
    connection: psycopg.Connection[Any],
    store: Store,
    desk: str,
    batch: int,
    report: SyncReport,
    touched: set[str],
    say: Progress,
) -> None:
    def take(received: list[tuple[int, DeskVersion]]) -> None:
        report.received += store.desk.receive_versions(desk, received).added
        touched.update(version.story for _, version in received)
        say(f"Received {report.received} versions…")

    _pull(connection, _PULL_VERSIONS, store.desk.cursor(desk)[0], batch, DeskVersion, take)


def _pull_register(
    connection: psycopg.Connection[Any], store: Store, desk: str, batch: int, report: SyncReport
) -> None:
    def take(received: list[tuple[int, DeskRegisterRow]]) -> None:
        report.register_received += store.desk.receive_register(desk, received).added

    _pull(connection, _PULL_REGISTER, store.desk.cursor(desk)[1], batch, DeskRegisterRow, take)


def _pull(
    connection: psycopg.Connection[Any],
    sql: str,
    position: int,
    batch: int,
    make: Callable[..., _Row],
    take: Callable[[list[tuple[int, _Row]]], None],
) -> None:
    """Read rows past ``position`` in server order, a batch at a time, and hand each batch on.

    Each batch is taken in (one local transaction) before the next is read, so
    a sync stopped anywhere resumes from the last batch the local file holds.
    """
    while True:
        with connection.transaction(), connection.cursor() as cursor:
            cursor.execute(sql, [position, batch])
            rows = cursor.fetchall()
        if not rows:
            return
        take([(int(row[0]), make(*row[1:])) for row in rows])
        position = int(rows[-1][0])
