"""The file survives what happens to laptops: killed processes, two writers, damage, full disks.

Writers run in child processes (``python -c``) so a kill is a real ``SIGKILL``
in the middle of whatever SQLite was doing. A child prints each version number
only after ``save`` returned, i.e. after the commit: that line is the editor's
"Saved version n", and every such version must be in the file afterwards.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdesk.errors import DatabaseCorruptError, StorageError
from newsdesk.storage import Store
from tests.conftest import REPO
from tests.test_storage import corrected, make_sheet, query

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WRITER = textwrap.dedent(
    """
    import sys
    from newsdesk.core.sheet.model import Article, Figure, FactSheet
    from newsdesk.storage import Store

    path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = "BEIRUT - Russian jets carried out at least 25 air strikes in Syria on Friday."
    with Store(path, timeout=30) as store:
        print("ready", flush=True)
        turn = 0
        while count < 0 or turn < count:
            note = f"{who} save {turn}"
            sheet = FactSheet(
                article=Article(text=text, headline="Jets strike Syria"),
                figures=[Figure("f1", "at least 25", 34, 45, value=25, note=note)],
            )
            info = store.save_version("syria-strikes", sheet, editor=who)
            print(info.number, note, flush=True)
            turn += 1
    """
)


def writer(path: Path, who: str, count: int = -1) -> subprocess.Popen[str]:
    """A child process saving versions of one story (forever when ``count`` is -1)."""
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), who, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def acknowledged(lines: list[str]) -> dict[int, str]:
    """Version number → note, for every save the child reported as done."""
    saved = {}
    for line in lines:
        number, note = line.rstrip("\n").split(" ", 1)
        saved[int(number)] = note
    return saved


def test_killing_a_saving_process_never_loses_an_acknowledged_version(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    chance = random.Random(20150925)  # a fixed seed: a failure can be replayed
    promised: dict[int, str] = {}
    for round_number in range(30):
        child = writer(path, f"child{round_number}")
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read() if child.stderr else ""
        lines = [child.stdout.readline() for _ in range(chance.randrange(0, 4))]
        # Let the next save get a random way in, then pull the plug.
        for _ in range(chance.randrange(0, 100_000)):
            pass
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        promised.update(acknowledged([*lines, *rest.splitlines(keepends=True)]))

        assert query(path, "PRAGMA integrity_check") == [("ok",)]
        with Store(path) as store:
            numbers = [v.number for v in store.versions("syria-strikes")]
            assert numbers == list(range(1, len(numbers) + 1))  # no gaps, no duplicates
            for number, note in promised.items():
                assert store.load_version("syria-strikes", number).figures[0].note == note
    assert promised, "no save was acknowledged before a kill; the test proved nothing"


def test_two_processes_saving_one_story_keep_every_version(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    Store(path).close()
    children = [writer(path, who, 20) for who in ("amira", "tom")]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        outputs.append(acknowledged(out.splitlines()[1:]))

    with Store(path) as store:
        history = store.versions("syria-strikes")
        assert [v.number for v in history] == list(range(1, 41))
        notes = {
            v.number: store.load_version("syria-strikes", v.number).figures[0].note for v in history
        }
    assert notes == {**outputs[0], **outputs[1]}
    assert {v.editor for v in history} == {"amira", "tom"}


def test_damage_past_the_first_page_is_reported_and_the_file_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    with Store(path) as store:
        for turn in range(20):
            sheet = make_sheet()
            sheet.figures[0].note = f"turn {turn} " + "x" * 2000
            store.save_version("syria-strikes", sheet)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):
        data[start : start + page] = bytes([0xA5]) * page
    path.write_bytes(bytes(data))
    before = path.read_bytes()

    with pytest.raises(DatabaseCorruptError, match="Restore it from a backup"):  # noqa: PT012
        store = Store(path)
        try:
            store.load_version("syria-strikes")
            store.save_version("syria-strikes", corrected(make_sheet()))
        finally:
            store.close()

    assert path.read_bytes() == before


def test_a_full_disk_is_reported_and_nothing_half_saved(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    with Store(path) as store:
        store.save_version("syria-strikes", make_sheet())
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        # Fault injection: SQLite's own SQLITE_FULL, as from a disk with no room left.
        store._db.execute(f"PRAGMA max_page_count = {pages}")
        big = corrected(make_sheet())
        big.figures[0].note = "x" * 50_000

        with pytest.raises(StorageError, match=r"is full\. Nothing was saved"):
            store.save_version("syria-strikes", big)

        assert [v.number for v in store.versions("syria-strikes")] == [1]
        store._db.execute(f"PRAGMA max_page_count = {2**30}")
        assert store.save_version("syria-strikes", big).number == 2
        assert store.check_integrity() == []
