"""``newsdesk save``, ``history``, ``search``, ``diff`` and ``backup`` as a desk script uses them.

Most tests call :func:`newsdesk.cli.main` in this process with the session's
real extractor (loading spaCy once); one runs the installed command in a child
process, as an outside script would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import cli
from newsdesk.core.extract import Extractor
from newsdesk.core.sheet.model import Recheck
from newsdesk.storage import Store
from tests.test_render import make_sheet

pytestmark = pytest.mark.model

FIRST = (
    "Islamic State kills 12 in Palmyra\n\n"
    "BEIRUT (Reuters) - Islamic State fighters killed 12 people in the ancient city of Palmyra "
    "on Sunday, the Syrian Observatory for Human Rights said. U.S. Secretary of State John "
    'Kerry called the attack "a barbaric act against civilians".\n'
)
UPDATE = (
    "UPDATE 1-Islamic State kills 25 in Palmyra\n\n"
    "BEIRUT (Reuters) - Islamic State fighters killed 25 people in the ancient city of Palmyra "
    "on Sunday, the Syrian Observatory for Human Rights said. At least 40 people were wounded. "
    'U.S. Secretary of State John Kerry called the attack "a barbaric act against civilians".\n'
)


@pytest.fixture
def desk(tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Wire files on disk, and the session's extractor behind ``Extractor.load``."""
    monkeypatch.setattr(Extractor, "load", classmethod(lambda cls, model=None, **_: extractor))
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "update.txt").write_text(UPDATE, encoding="utf-8")
    return tmp_path


def newsdesk(capsys: pytest.CaptureFixture[str], desk: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(desk / "newsdesk.db"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_saving_an_update_keeps_checks_and_flags_the_changed_toll(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = newsdesk(capsys, desk, "save", str(desk / "first.txt"), "--story", "palmyra")
    assert code == 0 and out.startswith("palmyra: saved version 1 (")
    # The desk checks the story in the window: Kerry and the toll verified.
    with Store(desk / "newsdesk.db") as store:
        sheet = store.load_version("palmyra")
        for fact in [*sheet.entities, *sheet.figures]:
            if getattr(fact, "name", None) == "John Kerry" or getattr(fact, "text", "") == "12":
                fact.status = "verified"
        store.save("palmyra", sheet, editor="amira", message="checked", parent=1)

    code, out, _ = newsdesk(
        capsys, desk, "save", str(desk / "update.txt"), "--story", "palmyra", "-m", "UPDATE 1"
    )

    assert code == 0, out
    assert out.startswith("palmyra: saved version 3 (")
    assert "changed fact" in out and "re-check: Changed from 12 to 25" in out
    with Store(desk / "newsdesk.db") as store:
        latest = store.load_version("palmyra")
        version = store.version("palmyra")
        [story] = store.library()
    kerry = next(e for e in latest.entities if e.name == "John Kerry")
    assert kerry.status == "verified"
    tolls = [f for f in latest.figures if f.text == "25"]
    assert tolls and all(f.status == "unverified" for f in tolls)
    assert any(f.recheck == Recheck("12") for f in tolls)
    assert (version.parent, version.message) == (2, "UPDATE 1")
    assert story.headline == "Islamic State kills 25 in Palmyra"  # without "UPDATE 1-"

    code, out, _ = newsdesk(capsys, desk, "save", str(desk / "update.txt"), "--story", "palmyra")
    assert (code, out.strip()) == (0, "palmyra: unchanged since version 3; nothing saved")


def test_history_search_and_diff_read_the_saved_story(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newsdesk(capsys, desk, "save", str(desk / "first.txt"), "--story", "palmyra", "-m", "first")
    newsdesk(
        capsys, desk, "save", str(desk / "update.txt"), "--story", "palmyra", "--editor", "tom"
    )

    code, out, _ = newsdesk(capsys, desk, "history", "palmyra")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].split()[0] == "1" and lines[0].endswith("first")
    assert " tom " in lines[1]

    code, out, _ = newsdesk(capsys, desk, "history", "palmyra", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["version"], r["parent"], r["editor"]) for r in rows][1] == (2, 1, "tom")

    code, out, _ = newsdesk(capsys, desk, "search", "at least 40", "--json")
    [hit] = [json.loads(line) for line in out.splitlines()]
    assert (hit["story"], hit["version"], hit["latest"]) == ("palmyra", 2, 2)
    assert "At least 40 people were wounded" in hit["snippet"]

    code, out, _ = newsdesk(capsys, desk, "search", "Kerry")
    assert code == 0 and out.startswith("palmyra  v2")
    code, out, err = newsdesk(capsys, desk, "search", "Aleppo")
    assert (code, out) == (0, "") and "No stories match" in err

    code, out, _ = newsdesk(capsys, desk, "diff", "palmyra")
    assert code == 0
    assert out.splitlines()[0].startswith("palmyra: version 1 → 2: ")
    assert "+ figure At least 40" in out
    assert "value: 12 → 25" in out


def test_unknown_stories_bad_slugs_and_damaged_files_are_clear(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = newsdesk(capsys, desk, "history", "nope")
    assert code == 1 and "no saved story 'nope'" in err

    code, _, err = newsdesk(capsys, desk, "save", str(desk / "first.txt"), "--story", "Palmyra!")
    assert code == 1 and "try “palmyra”" in err

    damaged = desk / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    before = damaged.read_bytes()
    code = cli.main(["--db", str(damaged), "save", str(desk / "first.txt"), "--story", "x"])
    _, err = capsys.readouterr()
    assert code == 4 and "Restore it from a backup" in err
    assert damaged.read_bytes() == before


def test_backup_prints_the_copy_it_wrote(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newsdesk(capsys, desk, "save", str(desk / "first.txt"), "--story", "palmyra")

    code, out, _ = newsdesk(capsys, desk, "backup", str(desk / "copy.db"))

    assert code == 0 and out.strip() == str(desk / "copy.db")
    with Store(desk / "copy.db") as copy:
        assert [s.slug for s in copy.library()] == ["palmyra"]


def test_the_installed_command_saves_and_lists_versions(tmp_path: Path) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text(FIRST, encoding="utf-8")
    db = tmp_path / "desk.db"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "newsdesk", "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    saved = run("save", str(wire), "--story", "palmyra", "--message", "from the wire")
    assert saved.returncode == 0, saved.stderr
    listed = run("history", "palmyra")
    assert listed.returncode == 0 and listed.stdout.rstrip().endswith("from the wire")
    found = run("search", "Palmyra", "--json")
    assert json.loads(found.stdout)["story"] == "palmyra"


@pytest.mark.parametrize(
    "query",
    ['"at least\n25"', "a\x00b", '"a\x00b"', "-strikes", '"', "NEAR(", "\x01\x02", "é" * 3],
)
def test_any_string_is_a_search_and_exit_codes_stay_as_documented(
    tmp_path: Path, query: str
) -> None:
    db = tmp_path / "newsdesk.db"
    with Store(db) as store:
        store.save("strikes", make_sheet())
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db), "search", query.replace("\x00", "")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_search_survives_a_nul_and_a_dash_in_process(tmp_path: Path) -> None:
    with Store(tmp_path / "newsdesk.db") as store:
        store.save("strikes", make_sheet())
        assert store.search('"a\x00b"') == []
        assert [hit.story.slug for hit in store.search("-villages\x00")] == ["strikes"]


def test_a_command_line_newsdesk_cannot_read_exits_1_not_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "history"], capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert b"usage:" in done.stderr
