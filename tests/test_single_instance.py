"""One window per database: a second launch on the same database hands its file to the
window already open and exits; a launch on another database opens its own window."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.app import answer, build_main_window
from newsdesk.cli import main, window_file_apart
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.single_instance import (
    InstanceServer,
    Request,
    SingleInstance,
    server_name,
)
from tests.gui_helpers import STORY, FakeExtractor, set_editor_name


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "desk" / "newsdesk.db"


@pytest.fixture
def first_window(qtbot: QtBot, db: Path) -> Iterator[tuple[MainWindow, InstanceServer]]:
    """A window on ``db`` listening for later launches, as ``run_gui`` wires it."""
    set_editor_name()
    fake = FakeExtractor()
    window = build_main_window(db, extractor_loader=lambda: fake)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    server = SingleInstance(db).hand_over_or_listen(Request(), window)
    assert server is not None  # nothing else listens on a fresh database
    server.request_received.connect(lambda asked: answer(window, asked))
    window.show()
    yield window, server
    server.close()
    window.shutdown()


def launch(qtbot: QtBot, *args: str) -> tuple[int, str]:
    """``newsdesk ARGS`` as the desktop would start it, while this window keeps running."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # The window answers from its event loop, so wait without blocking it.
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    _out, err = process.communicate()
    return process.returncode, err


def test_second_launch_hands_its_file_to_the_open_window_and_exits(
    qtbot: QtBot, first_window: tuple[MainWindow, InstanceServer], db: Path, tmp_path: Path
) -> None:
    window, _server = first_window
    story = tmp_path / "floods.txt"
    story.write_text(STORY, encoding="utf-8")
    with qtbot.waitSignal(window.stories.file_read, timeout=60_000) as read:
        code, err = launch(qtbot, "--db", str(db), str(story))
    assert code == 0, err
    assert read.args == [str(story), True]
    assert window.editor.toPlainText().startswith("Floods cut roads near Lagos")


def test_same_database_by_another_spelling_is_the_same_instance(tmp_path: Path) -> None:
    db = tmp_path / "desk" / "newsdesk.db"
    db.parent.mkdir()
    other = tmp_path / "desk" / ".." / "desk" / "newsdesk.db"
    assert server_name(db) == server_name(other)
    assert server_name(db) != server_name(tmp_path / "other.db")


def test_launch_on_another_database_opens_its_own_window(
    first_window: tuple[MainWindow, InstanceServer], tmp_path: Path
) -> None:
    second = SingleInstance(tmp_path / "other.db").hand_over_or_listen(Request())
    assert second is not None  # not handed over: it listens for its own window
    second.close()


def test_socket_left_by_a_crashed_window_is_taken_over(qtbot: QtBot, db: Path) -> None:
    name = server_name(db)
    leftover = QDir.temp().filePath(name)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(leftover)  # bound, never listening, never removed: like a killed process
    dead.close()
    try:
        server = SingleInstance(db).hand_over_or_listen(Request())
        assert server is not None
        with qtbot.waitSignal(server.request_received) as received:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from PySide6.QtCore import QCoreApplication; "
                    "from newsdesk.gui.single_instance import Request, hand_over; "
                    "app = QCoreApplication([]); "
                    f"sys.exit(0 if hand_over({name!r}, Request(story='floods')) else 3)",
                ]
            )
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        assert process.returncode == 0
        assert received.args == [Request(story="floods")]
        server.close()
    finally:
        Path(leftover).unlink(missing_ok=True)


def test_request_survives_the_wire_and_junk_is_refused() -> None:
    request = Request(open_path="/tmp/Zürich story.txt", story=None)
    assert Request.decode(request.encode()) == request
    assert Request.decode(Request().encode()) == Request()
    assert Request.decode(b"\xff\xfe") is None
    assert Request.decode(b"[1, 2]") is None


def test_a_file_named_on_the_command_line_is_for_the_window() -> None:
    commands = ("extract", "check", "search")
    assert window_file_apart(["--db", "x.db", "story.txt"], commands) == (
        ["--db", "x.db"],
        "story.txt",
    )
    assert window_file_apart(["--story", "floods"], commands) == (["--story", "floods"], None)
    assert window_file_apart(["check", "a.txt"], commands) == (["check", "a.txt"], None)
    assert window_file_apart(["--", "check"], commands) == ([], "check")  # a file named so


def test_a_mistyped_command_is_named_not_opened_in_a_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = ("extract", "check", "search")
    assert window_file_apart(["lsit"], commands) == (["lsit"], None)
    (tmp_path / "notes").write_text("Floods cut roads.", encoding="utf-8")
    named = str(tmp_path / "notes")
    assert window_file_apart([named], commands) == ([], named)
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path / "d.db"), "lsit"])
    assert stopped.value.code == 1  # bad input, as the README lists it
    assert "invalid choice: 'lsit'" in capsys.readouterr().err
