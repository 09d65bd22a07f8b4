"""Files newsdesk writes: whole or not at all, never over the database, private to the user.

Exports run as a desk script runs them, ``python -m newsdesk`` in a child
process; a full disk is the operating system's file size limit
(``RLIMIT_FSIZE``) on that child, so the writer itself fails as it would.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.errors import OutputError
from newsdesk.files import refuse_database, write_atomic
from newsdesk.storage import Store
from tests.test_export import checked_sheet
from tests.test_render import make_sheet

FORMATS = ["html", "md", "csv", "json", "pdf"]
# The file size limit that plays a full disk: room for SQLite's 32 KB shared-memory
# file, none for an export with the long story's article.
FULL = 40_000


def run_newsdesk(
    home: Path, *args: str, file_limit: int | None = None, umask: int = 0o022
) -> subprocess.CompletedProcess[str]:
    def limits() -> None:
        os.umask(umask)
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "NEWSDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limits,
        timeout=120,
        check=False,
    )


def written(folder: Path) -> list[str]:
    """The files in ``folder`` besides the newsdesk homes."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("home", "newsdesk-home"))


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A newsdesk home holding story "strikes" in two versions."""
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "newsdesk.db") as store:
        store.save("strikes", make_sheet(), editor="Anna", message="first")
        store.save("strikes", checked_sheet(), editor="Ben", message="checked")
        long = make_sheet()
        long.article.text += "\n\nThe relief convoy waited at the border for a third day.\n" * 1500
        long.figures[0].note = "Checked with the ministry. " * 2000  # a long cell
        store.save("long", long, editor="Anna")
    return home


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_export_refuses_the_database_and_its_companions(desk: Path, fmt: str, suffix: str) -> None:
    db = desk / "newsdesk.db"
    target = desk / f"newsdesk.db{suffix}"
    with Store(db) as window:  # an open window keeps the -wal and -shm files
        window.save("strikes", make_sheet(), message="third")
        done = run_newsdesk(desk, "export", "strikes", "--format", fmt, "-o", str(target))

        assert done.returncode == 1
        assert "database" in done.stderr and "Traceback" not in done.stderr
        assert b"%PDF" not in target.read_bytes() and b"<html" not in target.read_bytes()
        assert [v.number for v in window.versions("strikes")] == [1, 2, 3]
        assert window.load_version("strikes", 3) == make_sheet()
        assert window.check_integrity() == []


def test_a_link_to_the_database_is_refused_too(tmp_path: Path) -> None:
    db = tmp_path / "newsdesk.db"
    db.write_bytes(b"")
    (tmp_path / "other.html").symlink_to(db)

    with pytest.raises(OutputError, match="database"):
        refuse_database(tmp_path / "other.html", [db])
    with pytest.raises(OutputError, match="database"):
        write_atomic(tmp_path / "sub" / ".." / "newsdesk.db", b"x", protect=[db])


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_leaves_the_previous_export_whole(desk: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"sheet.{fmt}"
    first = run_newsdesk(desk, "export", "long", "--status", "disputed", "-o", str(target))
    assert first.returncode == 0, first.stderr
    previous = target.read_bytes()

    done = run_newsdesk(
        desk, "export", "long", "--with-article", "-o", str(target), file_limit=FULL
    )

    assert done.returncode == 1
    assert "written" not in done.stdout
    assert "Could not write" in done.stderr and "Traceback" not in done.stderr
    assert target.read_bytes() == previous
    assert written(tmp_path) == [f"sheet.{fmt}"]  # no temporary file left behind


def test_a_full_disk_leaves_no_empty_file_where_there_was_none(desk: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"  # JSON always holds the whole article

    done = run_newsdesk(desk, "export", "long", "-o", str(target), file_limit=FULL)

    assert done.returncode == 1
    assert written(tmp_path) == []


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_and_folders_newsdesk_creates_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"  # made by newsdesk itself

    created = run_newsdesk(home, "history", "nothing-yet")
    with Store(home / "newsdesk.db") as store:
        store.save("strikes", make_sheet())
    exported = run_newsdesk(home, "export", "strikes", "-o", str(tmp_path / "sheet.csv"))
    pdf = run_newsdesk(home, "export", "strikes", "-o", str(tmp_path / "sheet.pdf"))
    backup = run_newsdesk(home, "backup", str(tmp_path / "copy.db"))

    assert created.returncode == 1  # no such story, but the database now exists
    assert (exported.returncode, pdf.returncode, backup.returncode) == (0, 0, 0)
    assert mode(home) == 0o700
    for name in ("newsdesk.db", "newsdesk.db-wal", "newsdesk.db-shm"):
        if (home / name).exists():
            assert mode(home / name) == 0o600, name
    for path in ("sheet.csv", "sheet.pdf", "copy.db"):
        assert mode(tmp_path / path) == 0o600, path


def test_the_log_and_settings_are_private(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path\n"
        "from newsdesk.logs import setup_logging\n"
        "from newsdesk.gui.preferences import Preferences\n"
        "home = Path(sys.argv[1])\n"
        "setup_logging(home / 'logs' / 'newsdesk.log')\n"
        "Preferences.in_folder(home / 'config').set_editor_name('Anna')\n"
    )
    home = tmp_path / "home"
    subprocess.run(
        [sys.executable, "-c", script, str(home)],
        check=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=lambda: os.umask(0o022),
    )

    assert mode(home / "logs") == 0o700 and mode(home / "logs" / "newsdesk.log") == 0o600
    assert mode(home / "config") == 0o700
    assert mode(home / "config" / "newsdesk.ini") == 0o600
    assert "Anna" in (home / "config" / "newsdesk.ini").read_text(encoding="utf-8")
