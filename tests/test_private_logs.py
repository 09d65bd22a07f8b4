"""The log holds no unpublished copy: no slugs or text at INFO, no messages in tracebacks."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.storage import Store
from tests.test_render import make_sheet

SECRET = "police-chief-resigns-over-leak"


def test_saving_logs_no_slug_at_info(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    with Store(tmp_path / "newsdesk.db") as store:
        store.save(SECRET, make_sheet())
        store.save(SECRET, make_sheet())  # unchanged: nothing saved

    shown = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert any("saved story" in line for line in shown)
    assert not any(SECRET in line or "El Obeid" in line for line in shown)


def test_a_crash_is_logged_with_its_frames_but_without_its_message(tmp_path: Path) -> None:
    log_file = tmp_path / "newsdesk.log"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from newsdesk.logs import setup_logging\n"
        "from newsdesk.gui.crash import install_excepthook\n"
        "path = Path(sys.argv[1])\n"
        "setup_logging(path)\n"
        "install_excepthook(path)\n"
        "def analyse(text):\n"
        "    try:\n"
        "        int(text)\n"
        "    except ValueError as error:\n"
        "        raise RuntimeError(f'could not read {text!r}') from error\n"
        "analyse('Police chief resigns over leak, sources say')\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(log_file)],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )

    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in logged and "ValueError" in logged
    assert "in analyse" in logged  # where the bug is
    assert "Police chief" not in logged
