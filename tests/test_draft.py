"""Nothing lost: a draft written while working is offered back after the process is killed."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.sheet.model import Figure
from newsdesk.gui import draft as draft_module
from newsdesk.gui.draft import DRAFT_FILE, Draft, draft_json, read_draft
from newsdesk.gui.facts.facts_model import Column
from tests.conftest import REPO
from tests.gui_helpers import STORY, FakeExtractor, set_editor_name
from tests.test_gui import analysed

CHILD_TIMEOUT_S = 60


def run_child_until_draft(db: Path) -> None:
    """Run the window in a child process until it has a draft on disk, then kill it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.draft_child", str(db)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ready, _, _ = select.select([child.stdout], [], [], CHILD_TIMEOUT_S)
        assert ready, "the child window never wrote a draft"
        assert child.stdout is not None and child.stdout.readline().strip() == "DRAFT"
    finally:
        child.kill()  # SIGKILL: no close event, no cleanup
        child.wait(CHILD_TIMEOUT_S)
        if child.stdout is not None:
            child.stdout.close()


@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes is POSIX-only")
def test_work_is_offered_back_after_the_process_is_killed(
    qtbot: QtBot, tmp_path: Path, newsdesk_home: Path
) -> None:
    db = tmp_path / "desk.db"
    run_child_until_draft(db)
    assert (newsdesk_home / DRAFT_FILE).exists()

    set_editor_name()
    window = build_main_window(db, extractor_loader=FakeExtractor)
    offered: list[Draft] = []
    window.drafts.ask_restore = lambda draft: offered.append(draft) or True
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.editor.toPlainText() == STORY)

        assert len(offered) == 1
        assert window.isWindowModified()
        model = window.facts_panel.model
        assert model.index_of("f1", Column.STATUS).data() == "verified"
        assert model.index_of("f2", Column.STATUS).data() == "corrected"
        figure = window.current_sheet.find("f2")
        assert isinstance(figure, Figure) and figure.value == 350
        assert window.editor.highlighter.spans  # highlights back without re-analysis
    finally:
        window.shutdown()


def test_a_save_removes_the_draft_and_nothing_is_offered_then(
    qtbot: QtBot, tmp_path: Path, newsdesk_home: Path
) -> None:
    set_editor_name()
    window = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    try:
        window.show()
        analysed(qtbot, window)
        window.corrections.set_status("f1", "verified")
        assert window.drafts.write_if_changed()
        assert (newsdesk_home / DRAFT_FILE).exists()

        window.save("done")

        assert not (newsdesk_home / DRAFT_FILE).exists()
        assert not window.drafts.write_if_changed()  # nothing unsaved
    finally:
        window.shutdown()


def test_a_draft_older_than_the_last_save_is_not_offered(
    qtbot: QtBot, tmp_path: Path, newsdesk_home: Path
) -> None:
    set_editor_name()
    window = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    try:
        window.show()
        analysed(qtbot, window)
        window.save("first")
        window.corrections.set_status("f1", "verified")
        assert window.drafts.write_now()
        draft = (newsdesk_home / DRAFT_FILE).read_text("utf-8")
        window.save("second")  # removes the draft; put the older one back
        (newsdesk_home / DRAFT_FILE).write_text(draft, "utf-8")

        assert window.drafts.pending() is None
    finally:
        window.shutdown()


def test_the_timers_draft_is_made_off_the_window_and_holds_the_latest_correction(
    qtbot: QtBot, tmp_path: Path, newsdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft read from a sheet that changed while it was made is not written: made again."""
    set_editor_name()
    window = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    making, go_on = threading.Event(), threading.Event()
    made_on: list[threading.Thread] = []

    def slow_draft(*args: Any) -> str:
        made_on.append(threading.current_thread())
        data = draft_json(*args)
        making.set()
        go_on.wait(10)  # the editor corrects a fact while this draft is made
        return data

    monkeypatch.setattr(draft_module, "draft_json", slow_draft)
    window.drafts.set_interval(3_600_000)  # only the turns this test gives
    try:
        window.show()
        analysed(qtbot, window)
        window.corrections.set_status("f1", "verified")
        assert window.drafts.autosave()
        qtbot.waitUntil(making.is_set)
        window.corrections.set_status("f2", "disputed")
        go_on.set()
        qtbot.waitUntil(lambda: not window.drafts.making)
        assert not (newsdesk_home / DRAFT_FILE).exists()  # the one made meanwhile was dropped

        with qtbot.waitSignal(window.drafts.draft_written):
            assert window.drafts.autosave()
        draft = read_draft(newsdesk_home / DRAFT_FILE)
        assert draft.sheet is not None
        assert [draft.sheet.find(f).status for f in ("f1", "f2")] == ["verified", "disputed"]  # type: ignore[union-attr]
        assert threading.main_thread() not in made_on
    finally:
        go_on.set()
        window.shutdown()


GOOD = {"schema": "newsdesk.draft/1", "written_at": "2026-01-05T10:00:00+00:00", "text": "Copy"}


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        "null",
        "{not json",
        json.dumps({**GOOD, "text": None}),
        json.dumps({**GOOD, "text": 12}),
        json.dumps({**GOOD, "written_at": "2026-01-05T10:00:00"}),  # no time zone
        json.dumps({**GOOD, "story": ["strikes"]}),
        json.dumps({**GOOD, "sheet": {"article": {"text": "Copy"}, "figures": [{"id": 1}]}}),
        json.dumps({**GOOD, "sheet": []}),
        json.dumps({**GOOD, "extra": "[" * 5000}).replace('"[', "[" * 5000 + '"'),
        '{"schema": "newsdesk.draft/1", "x": ' + "[" * 5000 + "]" * 5000 + "}",
    ],
)
def test_a_corrupt_draft_is_set_aside_with_a_log_line_never_a_crash(
    qtbot: QtBot,
    tmp_path: Path,
    newsdesk_home: Path,
    caplog: pytest.LogCaptureFixture,
    content: str,
) -> None:
    (newsdesk_home / DRAFT_FILE).write_text(content, "utf-8")
    window = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    offered: list[Draft] = []
    window.drafts.ask_restore = lambda draft: offered.append(draft) or True
    try:
        window.show()
        qtbot.waitUntil(lambda: not (newsdesk_home / DRAFT_FILE).exists())

        assert offered == []
        assert window.editor.toPlainText() == ""
        aside = list(newsdesk_home.glob(f"{DRAFT_FILE}.bad-*"))
        assert len(aside) == 1 and aside[0].read_text("utf-8") == content
        assert any("set aside an unreadable draft" in r.getMessage() for r in caplog.records)
    finally:
        window.shutdown()


def test_a_valid_draft_with_its_sheet_is_offered_as_written(
    qtbot: QtBot, tmp_path: Path, newsdesk_home: Path
) -> None:
    from tests.test_render import make_sheet

    sheet = make_sheet()
    draft = {**GOOD, "text": sheet.article.text, "sheet": sheet.to_dict()}
    (newsdesk_home / DRAFT_FILE).write_text(json.dumps(draft), "utf-8")
    window = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    window.drafts.ask_restore = lambda draft: False
    try:
        pending = window.drafts.pending()

        assert pending is not None and pending.sheet == sheet
        assert pending.text == sheet.article.text
    finally:
        window.shutdown()
