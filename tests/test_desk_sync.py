"""Sync with a desk server: a real PostgreSQL cluster, real local files, no mocks.

Every test gets a fresh desk database on one throwaway cluster (see
``tests/pg_cluster.py``); editors log in as roles that only belong to
``newsdesk_editor``, with passwords read from a pgpass file. What is checked is
what editors would notice: whose versions arrive, that nothing is doubled or
lost, forks that show and settle, and calm refusals.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from newsdesk.core.sheet.model import Article, FactSheet
from newsdesk.core.sheet.register import RegisterEntry
from newsdesk.core.sheet.schema import sheet_json
from newsdesk.storage import Store
from newsdesk.storage.desk import DeskRecordError
from newsdesk.sync import remote
from newsdesk.sync.config import DeskConfigError
from newsdesk.sync.engine import sync
from newsdesk.sync.server import (
    DeskLoginError,
    DeskNotSetUpError,
    DeskPermissionError,
    DeskSchemaTooNewError,
    DeskUnreachableError,
    connect,
)
from newsdesk.sync.server_schema import init, schema_version
from tests.desk_helpers import Desk, password, sheet
from tests.test_storage_history import make_v1_file

REPO = Path(__file__).resolve().parent.parent


def uids(store: Store, slug: str = "syria") -> list[str]:
    return [v.uid for v in store.versions(slug)]


def all_uids(store: Store) -> set[str]:
    return {v.uid for story in store.stories() for v in store.versions(story.slug)}


def test_an_editors_versions_reach_another_with_who_saved_them(desk: Desk, tmp_path: Path) -> None:
    anna, ben = Store(tmp_path / "anna.db"), Store(tmp_path / "ben.db")
    anna.save("syria", sheet(1), editor="Anna Ortiz", message="first take")
    anna.save("syria", sheet(2), editor="Anna Ortiz", message="toll updated")
    sent = sync(anna, desk.server("anna"))
    assert (sent.sent, sent.received) == (2, 0)

    got = sync(ben, desk.server("ben"))
    assert (got.sent, got.received) == (0, 2)
    versions = ben.versions("syria")
    assert [(v.number, v.editor, v.message) for v in versions] == [
        (1, "Anna Ortiz", "first take"),
        (2, "Anna Ortiz", "toll updated"),
    ]
    assert uids(ben) == uids(anna)
    assert versions[1].parent_uid == versions[0].uid
    assert ben.load_version("syria", 2).to_dict() == anna.load_version("syria", 2).to_dict()
    # The server keeps who pushed, as the database knows it, beside the editor's name.
    with desk.admin() as connection:
        pushed = connection.execute("SELECT DISTINCT pushed_by FROM newsdesk.versions").fetchall()
    assert pushed == [("anna",)]


def test_sync_again_changes_nothing(desk: Desk, tmp_path: Path) -> None:
    anna = Store(tmp_path / "anna.db")
    for n in range(1, 5):
        anna.save("syria", sheet(n), editor="anna")
    first = sync(anna, desk.server())
    again = sync(anna, desk.server())
    assert first.sent == 4
    assert (again.sent, again.received, again.register_sent) == (0, 0, 0)
    assert sorted(desk.uids()) == sorted(uids(anna))
    assert len(anna.versions("syria")) == 4


def test_the_fingerprint_is_of_the_sheet_as_read_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    store.save("syria", sheet(1), editor="anna")
    (outgoing,) = store.desk.unsent_versions("any-desk", 10)
    assert outgoing.version is not None
    stored = store._db.execute("SELECT content_hash FROM versions").fetchone()[0]
    assert outgoing.version.content_hash == stored
    assert outgoing.version.sheet_json == sheet_json(store.load_version("syria", 1))


def test_a_version_with_its_text_stored_apart_is_sent_without_writing_it_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "a.db")
    store.save("syria", sheet(1), editor="anna")
    store.save("syria", sheet(2), editor="anna")
    assert store._db.execute("SELECT COUNT(*) FROM versions WHERE text_id IS NULL").fetchone() == (
        0,
    )
    expected = [sheet_json(store.load_version("syria", n)) for n in (1, 2)]

    def written_out(_sheet: FactSheet) -> str:
        raise AssertionError("the fast path wrote the sheet out again")

    monkeypatch.setattr("newsdesk.storage.desk.sheet_json", written_out)
    outgoing = store.desk.unsent_versions("any-desk", 10)
    stored = [row[0] for row in store._db.execute("SELECT content_hash FROM versions ORDER BY id")]
    assert [o.version.content_hash for o in outgoing if o.version] == stored
    assert [o.version.sheet_json for o in outgoing if o.version] == expected


def test_house_register_is_shared(desk: Desk, tmp_path: Path) -> None:
    anna, ben = Store(tmp_path / "anna.db"), Store(tmp_path / "ben.db")
    entry = anna.register.add(RegisterEntry("name", "Rami Abdulrahman", "PERSON"), editor="anna")
    anna.register.set_active(entry.id or 0, False, editor="anna")
    sync(anna, desk.server("anna"))
    report = sync(ben, desk.server("ben"))
    assert report.register_received == 2
    (shared,) = ben.register.entries()
    assert (shared.name, shared.label, shared.active) == ("Rami Abdulrahman", "PERSON", False)
    # Ben's change goes back to Anna as a newer word on the same entry.
    ben.register.set_active(shared.id or 0, True, editor="ben")
    sync(ben, desk.server("ben"))
    sync(anna, desk.server("anna"))
    (back,) = anna.register.entries()
    assert (back.name, back.active) == ("Rami Abdulrahman", True)
    assert [row["editor"] for row in anna.register.history(back.id or 0)] == ["anna"] * 2 + ["ben"]


def test_fork_shows_and_restore_settles_it_without_overwriting(desk: Desk, tmp_path: Path) -> None:
    anna, ben = Store(tmp_path / "anna.db"), Store(tmp_path / "ben.db")
    anna.save("syria", sheet(1), editor="anna")
    sync(anna, desk.server("anna"))
    sync(ben, desk.server("ben"))
    # Both edit version 1 apart.
    anna.save("syria", sheet(2, note="Anna's call"), editor="anna", parent=1)
    ben.save("syria", sheet(2, note="Ben's call"), editor="ben", parent=1)
    sync(anna, desk.server("anna"))
    report = sync(ben, desk.server("ben"))
    assert report.forks == ["syria"]
    sync(anna, desk.server("anna"))
    for store in (anna, ben):
        heads = store.heads("syria")
        assert sorted(h.editor for h in heads) == ["anna", "ben"]
        assert {h.parent_uid for h in heads} == {uids(anna)[0]}

    # Ben compares and keeps Anna's: restored as a new version that settles the fork.
    annas = next(h for h in ben.heads("syria") if h.editor == "anna")
    outcome = ben.restore("syria", annas.number, editor="ben")
    assert outcome.created
    assert [h.uid for h in ben.heads("syria")] == [outcome.version.uid]
    sync(ben, desk.server("ben"))
    sync(anna, desk.server("anna"))
    (head,) = anna.heads("syria")
    assert head.uid == outcome.version.uid
    assert anna.load_version("syria", head.number).figures[0].note == "Anna's call"
    # Nothing was overwritten: all four versions are everywhere, once.
    assert len(anna.versions("syria")) == len(ben.versions("syria")) == 4
    assert sorted(desk.uids()) == sorted(uids(anna)) == sorted(uids(ben))


@pytest.mark.parametrize("editors", [2, 5])
def test_editors_saving_and_syncing_at_once_end_with_the_same_versions(
    desk: Desk, tmp_path: Path, editors: int
) -> None:
    names = ["anna", "ben", "chloe", "dev", "esme"][:editors]
    paths = {name: tmp_path / f"{name}.db" for name in names}
    failures: list[BaseException] = []

    def work(name: str) -> None:
        try:
            with Store(paths[name]) as store:
                for n in range(1, 4):
                    store.save(f"story-{name}", sheet(n), editor=name)
                    store.save("shared-story", sheet(10 + n, note=name), editor=name)
                    sync(store, desk.server(name), batch=2)
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [threading.Thread(target=work, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    # One more round each, so everybody has heard of everybody.
    stores = {name: Store(path) for name, path in paths.items()}
    for store in stores.values():
        sync(store, desk.server())
    on_server = desk.uids()
    assert len(on_server) == len(set(on_server)) == editors * 6
    for store in stores.values():
        assert all_uids(store) == set(on_server)
        versions = [v.uid for s in store.stories() for v in store.versions(s.slug)]
        assert Counter(versions).most_common(1)[0][1] == 1
        assert len(store.heads(f"story-{names[0]}")) == 1


# Batches of 3. "ack", 2nd time: Anna's second batch is on the server, her file does
# not know it. "receive", 4th version stored: inside the second batch pulled from Ben.
@pytest.mark.parametrize(
    ("where", "times", "left_to_send", "left_to_receive"),
    [("ack", 2, 2, 7), ("receive", 4, 0, 4)],
)
def test_a_sync_killed_midway_is_finished_by_the_next(
    desk: Desk, tmp_path: Path, where: str, times: int, left_to_send: int, left_to_receive: int
) -> None:
    anna, ben = Store(tmp_path / "anna.db"), Store(tmp_path / "ben.db")
    for n in range(1, 9):
        anna.save("syria", sheet(n), editor="anna")
    for n in range(1, 8):
        ben.save("beirut", sheet(n), editor="ben")
    sync(ben, desk.server("ben"))
    anna.close()
    child = subprocess.run(
        [sys.executable, "-m", "tests.desk_sync_child", str(tmp_path / "anna.db"),
         desk.server("anna"), where, str(times)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == -9, child.stderr
    anna = Store(tmp_path / "anna.db")
    assert len(anna.versions("syria")) == 8  # the kill lost none of Anna's own work
    assert anna.check_integrity() == []
    report = sync(anna, desk.server("anna"))
    # What the server took before the kill is recognised, not sent twice.
    assert (report.sent, report.received) == (left_to_send, left_to_receive)
    on_server = desk.uids()
    assert len(on_server) == len(set(on_server)) == 15
    assert all_uids(anna) == set(on_server)
    assert len(anna.versions("beirut")) == 7
    again = sync(anna, desk.server("anna"))
    assert (again.sent, again.received) == (0, 0)


# Killed from outside once the sync has got this far: Anna's versions on the
# server (pushing), or Ben's in her file (pulling).
@pytest.mark.parametrize(("side", "reached"), [("server", 4), ("server", 40), ("file", 20)])
def test_a_sync_killed_from_outside_at_any_point_loses_and_doubles_nothing(
    desk: Desk, tmp_path: Path, side: str, reached: int
) -> None:
    with Store(tmp_path / "ben.db") as ben:
        for n in range(1, 61):
            ben.save(f"beirut-{n % 6}", sheet(n), editor="ben")
        sync(ben, desk.server("ben"))
    with Store(tmp_path / "anna.db") as anna:
        for n in range(1, 61):
            anna.save(f"syria-{n % 6}", sheet(n), editor="anna")
        mine = all_uids(anna)

    def got_there() -> bool:
        if side == "server":
            return desk.count("SELECT count(*) FROM newsdesk.versions WHERE editor = 'anna'") >= (
                reached
            )
        with sqlite3.connect(f"file:{tmp_path / 'anna.db'}?mode=ro", uri=True) as look:
            row = look.execute("SELECT count(*) FROM versions WHERE editor = 'ben'").fetchone()
        return int(row[0]) >= reached

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.desk_sync_child", str(tmp_path / "anna.db"),
         desk.server("anna"), "none", "0"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not got_there() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        assert child.stderr is not None
        child.stderr.close()
    assert child.returncode == -9  # killed mid-sync, not finished

    with Store(tmp_path / "anna.db") as anna:
        assert anna.check_integrity() == []
        assert mine <= all_uids(anna)  # none of her own work lost
        sync(anna, desk.server("anna"))
        on_server = desk.uids()
        assert len(on_server) == len(set(on_server)) == 120
        assert all_uids(anna) == set(on_server)
        uids_here = [v.uid for s in anna.stories() for v in anna.versions(s.slug)]
        assert len(uids_here) == 120


def test_server_gone_midway_leaves_local_work_and_a_later_sync_finishes(
    desk: Desk, tmp_path: Path
) -> None:
    anna = Store(tmp_path / "anna.db")
    for n in range(1, 10):
        anna.save("syria", sheet(n), editor="anna")
    before = [v.uid for v in anna.versions("syria")]

    def stop_after_first_batch(text: str) -> None:
        if text.startswith("Sent") and desk.cluster.running:
            desk.cluster.stop("immediate")

    try:
        with pytest.raises(DeskUnreachableError) as raised:
            sync(anna, desk.server(), batch=3, progress=stop_after_first_batch)
    finally:
        if not desk.cluster.running:
            desk.cluster.start()
    message = str(raised.value)
    assert "cannot be reached" in message and "safe in this computer's file" in message
    assert [v.uid for v in anna.versions("syria")] == before
    assert anna.desk.pending(desk_id(desk)) == 6
    report = sync(anna, desk.server())
    assert report.sent == 6
    assert sorted(desk.uids()) == sorted(before)


def desk_id(desk: Desk) -> str:
    with desk.admin() as connection:
        row = connection.execute(
            "SELECT value FROM newsdesk.desk_meta WHERE key = 'desk_id'"
        ).fetchone()
    assert row is not None
    return str(row[0])


def test_a_desk_from_a_newer_newsdesk_is_refused_untouched(desk: Desk, tmp_path: Path) -> None:
    anna = Store(tmp_path / "anna.db")
    anna.save("syria", sheet(1), editor="anna")
    with desk.admin() as connection:
        connection.execute(
            "UPDATE newsdesk.desk_meta SET value = %s WHERE key = 'schema'",
            [str(schema_version() + 1)],
        )
    with pytest.raises(DeskSchemaTooNewError, match="newer newsdesk"):
        sync(anna, desk.server())
    with (
        connect(desk.cluster.conninfo(desk.name)) as connection,
        pytest.raises(DeskSchemaTooNewError),
    ):
        init(connection, desk.name)
    assert desk.uids() == []
    assert anna.desk.last_sync() is None


def test_init_twice_is_harmless_and_a_bare_database_is_told_to_init(
    desk: Desk, tmp_path: Path
) -> None:
    with connect(desk.cluster.conninfo(desk.name)) as connection:
        assert init(connection, desk.name) == (schema_version(), schema_version())
    desk.cluster.admin_sql("CREATE DATABASE bare_one")
    with pytest.raises(DeskNotSetUpError, match="newsdesk server init"):
        sync(Store(tmp_path / "a.db"), desk.cluster.conninfo("bare_one", "anna"))


def test_editors_may_add_but_never_change_or_remove(desk: Desk, tmp_path: Path) -> None:
    anna = Store(tmp_path / "anna.db")
    anna.save("syria", sheet(1), editor="anna")
    sync(anna, desk.server())
    with connect(desk.server()) as connection:
        for statement in (
            "UPDATE newsdesk.versions SET message = 'x'",
            "DELETE FROM newsdesk.facts",
            "CREATE TABLE newsdesk.mine (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
            connection.rollback()
    with desk.admin() as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute("DELETE FROM newsdesk.versions")  # even the owner: append-only


def test_a_version_changed_on_the_server_is_refused_whole(desk: Desk, tmp_path: Path) -> None:
    anna, ben = Store(tmp_path / "anna.db"), Store(tmp_path / "ben.db")
    anna.save("syria", sheet(1), editor="anna")
    anna.save("syria", sheet(2), editor="anna")
    sync(anna, desk.server("anna"))
    with desk.admin() as connection:
        connection.execute("ALTER TABLE newsdesk.versions DISABLE TRIGGER versions_append_only")
        connection.execute(
            "UPDATE newsdesk.versions SET editor = 'mallory' WHERE seq = (SELECT max(seq) "
            "FROM newsdesk.versions)"
        )
    with pytest.raises(DeskRecordError, match="fingerprint"):
        sync(ben, desk.server("ben"))
    assert ben.stories() == []


def test_no_password_is_kept_or_logged(
    desk: Desk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(DeskConfigError, match="password"):
        sync(Store(tmp_path / "x.db"), desk.server() + " password=hunter2")
    anna = Store(tmp_path / "anna.db")
    anna.save("syria", sheet(1), editor="anna")
    with caplog.at_level("DEBUG"):
        sync(anna, desk.server())
    anna.close()
    secret = password("anna")
    assert secret not in caplog.text
    assert secret.encode() not in (tmp_path / "anna.db").read_bytes()


def test_a_wrong_password_is_told_as_such(desk: Desk, tmp_path: Path) -> None:
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(pgpass.read_text().replace(password("ben"), "not-it"))
    with pytest.raises(DeskLoginError, match="password file"):
        sync(Store(tmp_path / "b.db"), desk.server("ben"))


def test_a_role_outside_the_desk_is_told_what_to_ask_for(desk: Desk, tmp_path: Path) -> None:
    desk.cluster.admin_sql("CREATE ROLE outsider LOGIN PASSWORD 'outside-pw'")
    with (tmp_path / "pgpass").open("a") as pgpass:
        pgpass.write(f"127.0.0.1:{desk.cluster.port}:*:outsider:outside-pw\n")
    try:
        with pytest.raises(DeskPermissionError, match="newsdesk_editor"):
            sync(Store(tmp_path / "a.db"), desk.cluster.conninfo(desk.name, "outsider"))
    finally:
        desk.cluster.admin_sql("DROP OWNED BY outsider; DROP ROLE outsider", desk.name)


def test_versions_saved_before_the_desk_ids_get_ids_in_a_line(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_v1_file(path, [("syria", sheet(1), "anna"), ("syria", sheet(2), "ben")])
    with Store(path) as store:
        first, second = store.versions("syria")
        assert first.uid and second.uid and first.uid != second.uid
        assert (first.parent_uid, second.parent_uid) == (None, first.uid)
        assert [h.number for h in store.heads("syria")] == [2]
        # No stored fingerprint yet: it is taken from the sheet as read back when sent.
        (_, outgoing) = store.desk.unsent_versions("desk", 10)
        assert outgoing.version is not None
        assert outgoing.version.expected_hash() == outgoing.version.content_hash


def test_a_migrated_file_syncs(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_v1_file(path, [("syria", sheet(1), "anna"), ("syria", sheet(2), "anna")])
    with Store(path) as old:
        assert sync(old, desk.server()).sent == 2
    with Store(tmp_path / "ben.db") as ben:
        sync(ben, desk.server("ben"))
        assert [v.editor for v in ben.versions("syria")] == ["anna", "anna"]
        assert len(ben.heads("syria")) == 1


def test_the_desk_is_searched_and_listed_on_the_server(desk: Desk, tmp_path: Path) -> None:
    anna = Store(tmp_path / "anna.db")
    anna.save("syria", sheet(1), editor="anna")
    anna.save("syria", sheet(2, note="toll confirmed by the hospital at noon"), editor="anna")
    other = FactSheet(
        id="b1",
        article=Article(
            text="LONDON (Reuters) - The Bank of England held rates on Thursday.",
            headline="Bank holds rates",
        ),
    )
    anna.save("bank", other, editor="anna")
    sync(anna, desk.server("anna"))

    listed = remote.stories(desk.server("ben"))
    assert [(s.slug, s.version_count, s.remote) for s in listed] == [
        ("bank", 1, True),
        ("syria", 2, True),
    ]
    (hit,) = remote.search(desk.server("ben"), "observatory -bank")
    assert (hit.slug, hit.editor, hit.headline) == (
        "syria",
        "anna",
        "Russian jets strike Syria, take 1",
    )
    assert "«Observatory»" in hit.snippet
    assert remote.search(desk.server("ben"), '"') == []
    # An editor's note is searched too: the facts' own index.
    assert [h.slug for h in remote.search(desk.server("ben"), "hospital noon")] == ["syria"]
    assert [h.slug for h in remote.search(desk.server("ben"), "strikes or rates")] == [
        "bank",
        "syria",
    ]
