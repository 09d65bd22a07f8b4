"""``newsdesk sync``, ``newsdesk server …``, ``history`` with forks and ``search --desk``.

Against a real throwaway PostgreSQL cluster (see ``tests/pg_cluster.py``), two
editors' database files, and the command line run in-process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import cli
from newsdesk.storage import Store
from tests.desk_helpers import Desk, sheet


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_server_init_sync_and_a_fork_in_the_history(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "server", "init", "--server", desk.cluster.conninfo(desk.name))
    assert code == 0 and "up to date" in out
    anna, ben = str(tmp_path / "anna.db"), str(tmp_path / "ben.db")
    with Store(anna) as store:
        store.save("syria", sheet(1), editor="anna")
    code, out, _ = run(capsys, "--db", anna, "sync", "--server", desk.server("anna"))
    assert (code, out.split(":")[0]) == (0, "Synced with the desk (anna@127.0.0.1")
    assert "1 sent, 0 received" in out
    assert run(capsys, "--db", ben, "sync", "--server", desk.server("ben"))[0] == 0
    with Store(anna) as store:
        store.save("syria", sheet(2, note="anna"), editor="anna", parent=1)
    with Store(ben) as store:
        store.save("syria", sheet(2, note="ben"), editor="ben", parent=1)
    run(capsys, "--db", anna, "sync", "--server", desk.server("anna"))
    code, out, _ = run(capsys, "--db", ben, "sync", "--server", desk.server("ben"))
    assert "Forked: syria" in out and "fork: syria" in out

    code, out, _ = run(capsys, "--db", ben, "history", "syria")
    lines = out.splitlines()
    assert "[fork]" in lines[1] and "ben" in lines[1]
    assert "[fork; from v1]" in lines[2] and "anna" in lines[2]
    assert lines[3].startswith("Forked: v2, v3")

    with Store(ben) as store:
        store.restore("syria", 3, editor="ben")
    code, out, _ = run(capsys, "--db", ben, "history", "syria")
    assert "[settles v2] Restored version 3" in out.splitlines()[3]
    assert "Forked" not in out and "[fork" not in out


def test_the_setting_and_the_environment_name_the_server(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "anna.db")
    with Store(db) as store:
        store.save("syria", sheet(1), editor="anna")
    code, out, _ = run(capsys, "server", "show")
    assert "No desk server is set" in out
    code, out, _ = run(capsys, "server", "set", desk.server("anna"), "--every", "5")
    assert code == 0 and "syncing every 5 min" in out
    assert run(capsys, "--db", db, "sync")[0] == 0
    code, out, _ = run(capsys, "--db", db, "server", "show")
    assert "Waiting to be sent: 0" in out
    code, out, err = run(capsys, "--db", db, "search", "--desk", "Observatory")
    assert out.startswith("[desk] syria  1 versions") and "«Observatory»" in out
    assert "1 on the desk" in err
    monkeypatch.setenv("NEWSDESK_SERVER", desk.server("anna") + " password=x")
    code, _, err = run(capsys, "--db", db, "sync")
    assert code == 1 and "password file" in err


def test_an_unreachable_desk_exits_6_and_leaves_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_cluster import free_port

    db = str(tmp_path / "anna.db")
    with Store(db) as store:
        store.save("syria", sheet(1), editor="anna")
    server = f"host=127.0.0.1 port={free_port()} dbname=desk user=anna connect_timeout=2"
    code, _, err = run(capsys, "--db", db, "sync", "--server", server)
    assert code == 6 and "cannot be reached" in err and "safe in this computer's file" in err
    with Store(db) as store:
        assert len(store.versions("syria")) == 1
