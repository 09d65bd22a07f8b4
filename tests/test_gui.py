"""The window with a fast fake extractor: what an editor sees and does.

The fake finds a fixed list of names and every number, with Python string
offsets like the real extractor, so these tests run in milliseconds while
driving the real window, worker thread, store and highlighter.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.work.session import StorySession
from newsdesk.errors import DatabaseLockedError, ModelNotInstalledError
from newsdesk.gui.analysis import AnalysisController, ExtractorLoader
from newsdesk.gui.crash import crash_message, install_excepthook
from newsdesk.gui.facts.facts_model import Column, FactsModel
from newsdesk.gui.history.history_model import HistoryModel
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.tasks import TaskRunner
from newsdesk.storage import Store, VersionInfo
from tests.gui_helpers import STORY, FakeExtractor, set_editor_name

# The offscreen platform plugin warns on every shown top-level window; harmless.

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeWindow]:
    """Build real windows on a temporary database; they close after the test."""
    windows: list[MainWindow] = []

    def make(
        extractor: FakeExtractor | None = None, loader: ExtractorLoader | None = None
    ) -> MainWindow:
        fake = extractor or FakeExtractor()
        set_editor_name()
        window = build_main_window(
            tmp_path / "newsdesk.db", extractor_loader=loader or (lambda: fake)
        )
        window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def analysed(qtbot: QtBot, window: MainWindow, text: str = STORY) -> None:
    """Put ``text`` in the editor and wait until its facts are shown."""
    qtbot.waitUntil(lambda: window.analysis.ready)
    with qtbot.waitSignal(window.analysis_finished):
        window.set_article_text(text)
        window.analyse_now()  # no need to wait for the typing pause here
    assert window.in_sync


def tree_texts(view: QTreeView, column: int = 0) -> dict[str, list[str]]:
    """What the facts tree shows: group row text → its rows' text in ``column``."""
    model = view.model()
    shown: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        shown[group.data()] = [
            model.index(r, column, group).data() for r in range(model.rowCount(group))
        ]
    return shown


def message_boxes(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


# -- item models ------------------------------------------------------------------


def test_facts_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = FactsModel()
    model.set_sheet(FakeExtractor().extract(STORY))
    qtmodeltester.check(model, force_py=True)
    model.set_sheet(None)
    qtmodeltester.check(model, force_py=True)


def test_facts_model_follows_a_new_analysis_row_by_row(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    """A re-analysis moves only the rows that came or went: the tester watches every step."""
    model = FactsModel()
    model.set_sheet(FakeExtractor().extract(STORY))
    qtmodeltester.check(model, force_py=True)
    resets: list[object] = []
    model.modelReset.connect(lambda: resets.append(True))
    edited = STORY.replace("Bob Jones said 300", "Carol King said 400").replace("12", "15 or 16")
    fresh = FakeExtractor().extract(edited)

    model.set_sheet(fresh)

    qtmodeltester.check(model, force_py=True)
    assert not resets
    shown = {
        model.index(group, 0).data(): [
            model.index(row, 0, model.index(group, 0)).data()
            for row in range(model.rowCount(model.index(group, 0)))
        ]
        for group in range(model.rowCount())
        if model.rowCount(model.index(group, 0))
    }
    assert shown == {
        "People (2)": ["Alice Smith", "Carol King"],
        "Figures (3)": ["at least 15", "16", "400"],
    }


def test_history_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = HistoryModel()
    when = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
    model.set_versions(
        [VersionInfo("floods", n, when, "anna", f"v{n}", 2, 3, 1, 0, "hash") for n in (1, 2, 3)],
        current=2,
    )
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(3)] == ["3", "2", "1"]  # newest first


def test_facts_tree_groups_facts_with_counts_and_values(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    analysed(qtbot, window)

    view = window.findChild(QTreeView, "factsView")
    facts = tree_texts(view)
    assert facts["People (2)"] == ["Alice Smith", "Bob Jones"]
    assert facts["Figures (2)"] == ["at least 12", "300"]
    values = tree_texts(view, Column.VALUE)
    assert values["Figures (2)"] == ["≥ 12", "300"]
    assert values["People (2)"] == ["2 mentions", "1 mention"]
    assert window.counts_label.text() == "2 entities · 2 figures · 0 dates · 0 quotes"
    assert window.model_label.text() == "fake-model 1.0"


def test_filter_keeps_matching_facts_and_their_group(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    analysed(qtbot, window)

    qtbot.keyClicks(window.facts_panel.filter_edit, "bob")

    assert tree_texts(window.facts_panel.view) == {"People (1 of 2)": ["Bob Jones"]}


# -- analysis ---------------------------------------------------------------------------


def test_typing_is_analysed_after_a_pause(qtbot: QtBot, make_window: MakeWindow) -> None:
    fake = FakeExtractor()
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.analysis.ready)

    with qtbot.waitSignal(window.analysis_finished, timeout=5000):
        qtbot.keyClicks(window.editor, "Carol King counted 40 boats")

    assert fake.calls == ["Carol King counted 40 boats"]  # once, after the typing stopped
    spans = [(s.start, s.end, s.group) for s in window.editor.highlighter.spans]
    assert spans == [(0, 10, "people"), (19, 21, "figures")]


def test_a_paste_is_analysed_at_once_and_typing_after_a_pause(qtbot: QtBot) -> None:
    """A paste into an idle window is one change: its facts come without the typing
    pause (an hour here, so only an analysis that does not wait can land)."""
    session = StorySession()
    runner = TaskRunner()
    gate = threading.Event()
    fake = FakeExtractor(gate)
    analysis = AnalysisController(runner, session, delay_ms=3_600_000)
    try:
        with qtbot.waitSignal(analysis.model_loaded):
            analysis.load(lambda: fake)
        gate.set()
        with qtbot.waitSignal(analysis.result_applied, timeout=5000):
            session.edit_text(STORY)  # pasted into the empty story
        assert fake.calls == [STORY] and session.in_sync

        session.edit_text(STORY + " B")  # typed: waits for the pause
        assert analysis.pending and not analysis.busy

        gate.clear()
        analysis.analyse_now()
        qtbot.waitUntil(lambda: len(fake.calls) == 2)  # the worker is busy
        session.edit_text(STORY + " Bob Jones said.")  # a paste meanwhile waits too
        assert analysis.pending and fake.calls == [STORY, STORY + " B"]
    finally:
        gate.set()
        runner.shutdown()


def test_a_result_for_older_text_is_dropped(qtbot: QtBot, make_window: MakeWindow) -> None:
    gate = threading.Event()
    fake = FakeExtractor(gate)
    window = make_window(fake)
    qtbot.waitUntil(lambda: window.analysis.ready)
    try:
        window.set_article_text("Alice Smith saw 5 ships")
        window.analyse_now()
        qtbot.waitUntil(lambda: len(fake.calls) == 1)  # the worker is busy with the old text
        window.set_article_text("Bob Jones saw 7 planes")
    finally:
        gate.set()
    with qtbot.waitSignal(window.analysis_finished):
        window.analyse_now()

    assert fake.calls == ["Alice Smith saw 5 ships", "Bob Jones saw 7 planes"]
    assert window.current_sheet is not None
    assert [e.name for e in window.current_sheet.entities] == ["Bob Jones"]
    assert "Alice Smith" not in str(tree_texts(window.facts_panel.view))


def test_highlights_move_with_edits_before_them(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    analysed(qtbot, window, "Bob Jones saw 7 planes")

    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Yesterday ")

    spans = window.editor.highlighter.spans
    text = window.editor.toPlainText()
    assert [text[s.start : s.end] for s in spans] == ["Bob Jones", "7"]


# -- linking text and facts ---------------------------------------------------------


def test_clicking_a_fact_selects_its_words_in_the_text(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    analysed(qtbot, window)
    view = window.facts_panel.view
    index = window.facts_panel.proxy.mapFromSource(window.facts_panel.model.index_of("f1"))

    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )

    assert window.editor.textCursor().selectedText() == "at least 12"


def test_an_entity_shows_its_first_mention_and_marks_the_others(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    analysed(qtbot, window)
    alice = next(e for e in window.current_sheet.entities if e.name == "Alice Smith")

    window.facts_panel.fact_activated.emit(alice.id)

    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "Alice Smith"
    assert cursor.selectionStart() == STORY.index("Alice Smith")
    marks = [
        (m.cursor.selectionStart(), m.cursor.selectedText())
        for m in window.editor.extraSelections()
    ]
    assert marks == [
        (STORY.index("Alice Smith"), "Alice Smith"),
        (STORY.rindex("Alice Smith"), "Alice Smith"),
    ]


def test_clicking_a_highlight_selects_its_fact(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    analysed(qtbot, window)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(STORY.index("Bob Jones") + 2)
    point = editor.cursorRect(cursor).center()

    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point + QPoint(1, 0))

    current = window.facts_panel.view.currentIndex()
    assert current.data() == "Bob Jones"
    assert window.facts_panel.current_fact_id() == next(
        e.id for e in window.current_sheet.entities if e.name == "Bob Jones"
    )


# -- text in ------------------------------------------------------------------------


def test_pasted_copy_is_cleaned(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setText("Headline  \r\n\r\n\r\n\ufeffShare this article\r\nBody   text.\r\n")

    window.editor.insertFromMimeData(mime)

    assert window.editor.toPlainText() == "Headline\n\nBody text."


def test_a_binary_file_or_a_pipe_gives_a_message_and_keeps_the_text(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    window.set_article_text("My story so far")
    binary = tmp_path / "story.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    for path in (binary, fifo):  # nobody writes to the pipe: refused, never waited on
        with qtbot.waitSignal(window.stories.file_read, timeout=2000) as read:
            window.open_file(path)
        assert read.args == [str(path), False]

    assert window.editor.toPlainText() == "My story so far"
    boxes = message_boxes(window)
    assert any("is not a text file" in text for text in boxes)
    assert any("device, pipe or socket" in text for text in boxes)


def test_a_file_is_read_off_the_window_thread(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    window.set_article_text("My story so far")
    path = tmp_path / "wire.txt"
    path.write_text("Floods cut roads\n\nBody text.", encoding="utf-8")

    with qtbot.waitSignal(window.stories.file_read) as read:
        window.open_file(path)
        assert window.editor.toPlainText() == "My story so far"  # not read here

    assert read.args == [str(path), True]
    assert window.editor.toPlainText() == "Floods cut roads\n\nBody text."


def test_a_windows_1252_file_opens(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    path = tmp_path / "wire.txt"
    path.write_bytes("Café owner said “no”\r\n\r\nBody – text.".encode("cp1252"))

    with qtbot.waitSignal(window.stories.file_read) as read:
        window.open_file(path)

    assert read.args == [str(path), True]

    assert window.editor.toPlainText() == "Café owner said “no”\n\nBody – text."
    assert window.isWindowModified()
    assert window.windowTitle().startswith("Café owner said “no”")


def test_an_html_file_opens_as_its_text(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    path = tmp_path / "story.html"
    path.write_text(
        "<html><body><h1>Head &amp; line</h1><p>Body <b>text</b>.</p></body></html>", "utf-8"
    )

    with qtbot.waitSignal(window.stories.file_read) as read:
        window.open_file(path)

    assert read.args == [str(path), True]

    assert window.editor.toPlainText() == "Head & line\n\nBody text."


# -- saving, history, verifying ---------------------------------------------------------------


def test_saving_twice_makes_two_versions_of_one_story(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    analysed(qtbot, window)
    first = window.save("first look")
    assert first is not None and first.number == 1
    assert not window.isWindowModified()
    assert window.statusBar().currentMessage() == "Saved version 1"

    analysed(qtbot, window, STORY + " Carol King agreed.")
    second = window.save("added Carol")

    assert second is not None and second.number == 2
    assert second.story == first.story == window.story_slug == "floods-cut-roads-near-lagos"
    history = window.history_view.model()
    assert [history.index(r, 0).data() for r in range(history.rowCount())] == ["2", "1"]
    assert history.index(0, 3).data() == "added Carol"


def test_saving_right_after_typing_analyses_first(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    analysed(qtbot, window)
    window.set_article_text(STORY + " Carol King agreed.")

    with qtbot.waitSignal(window.saved) as saved:
        assert window.save() is None  # it waits for the analysis of the new text

    sheet = window.store.load_version(saved.args[0].story)
    assert sheet.article.text.endswith("Carol King agreed.")
    assert "Carol King" in [e.name for e in sheet.entities]


def test_a_storage_error_is_shown_and_nothing_is_lost(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    analysed(qtbot, window)

    def locked(*args: object, **kwargs: object) -> VersionInfo:
        raise DatabaseLockedError("The database is in use by another program. Nothing was changed.")

    monkeypatch.setattr(window.store, "save_version", locked)

    assert window.save() is None
    assert "The database is in use by another program. Nothing was changed." in message_boxes(
        window
    )
    assert window.isWindowModified()
    assert window.editor.toPlainText() == STORY
    assert window.story_slug is None


def test_opening_an_older_version_from_history(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    analysed(qtbot, window)
    window.save("one")
    window.facts_panel.select_fact("f1")
    window.verify_selected()
    analysed(qtbot, window, STORY + " Carol King agreed.")
    window.save("two")
    history = window.history_view
    older = history.model().index(1, 0)

    history.activated.emit(older)

    assert window.editor.toPlainText() == STORY
    assert window.current_version is not None and window.current_version.number == 1
    assert not window.isWindowModified()
    assert (
        window.current_sheet is not None and window.current_sheet.figures[0].status == "unverified"
    )
    assert window.editor.highlighter.spans  # highlights come back without re-analysis


def test_verify_marks_the_fact_and_survives_reanalysis(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    analysed(qtbot, window)
    window.save()
    window.facts_panel.select_fact("f1")
    verify = window.findChild(QAction, "actionVerify")

    verify.trigger()

    status = window.facts_panel.model.index_of("f1", Column.STATUS)
    assert status.data() == "verified"
    assert verify.isChecked()
    assert window.isWindowModified()
    analysed(qtbot, window, "Extra first line\n\n" + STORY)
    assert window.current_sheet.figures[0].text == "at least 12"
    assert window.current_sheet.figures[0].status == "verified"


def test_a_fact_verified_while_the_analysis_is_merged_stays_verified(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge runs on the worker; a correction made meanwhile sends it back, never lost."""
    fake = FakeExtractor()
    window = make_window(fake)
    analysed(qtbot, window)
    session = window.session
    merging, go_on = threading.Event(), threading.Event()
    merge = session.merge
    threads: list[threading.Thread] = []

    def slow_merge(*args: Any) -> Any:
        threads.append(threading.current_thread())
        landing = merge(*args)
        merging.set()
        go_on.wait(10)  # the editor verifies a fact while this merge is on its way
        return landing

    monkeypatch.setattr(session, "merge", slow_merge)
    landed: list[object] = []
    window.analysis.result_applied.connect(landed.append)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(" Carol King came.")
    window.analyse_now()
    try:
        qtbot.waitUntil(merging.is_set)
        window.corrections.set_status("f1", "verified")
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: bool(landed))

    sheet = window.current_sheet
    assert window.in_sync and sheet is not None
    assert sheet.find("f1").status == "verified"  # type: ignore[union-attr]
    assert "Carol King" in [e.name for e in sheet.entities]
    assert len(fake.calls) == 2 and len(landed) == 1  # merged again, not analysed again
    assert len(threads) == 2 and threading.main_thread() not in threads  # both off the window
    assert window.facts_panel.model.index_of("f1", Column.STATUS).data() == "verified"


def test_missing_model_is_explained_and_saved_stories_still_open(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    with Store(tmp_path / "newsdesk.db") as store:
        store.save_version("floods", FakeExtractor().extract(STORY), message="from the desk")

    def missing() -> FakeExtractor:
        raise ModelNotInstalledError(
            "Install the English pipeline with: pip install en-core-web-sm"
        )

    window = make_window(loader=missing)
    qtbot.waitUntil(lambda: bool(message_boxes(window)))

    assert (
        "Install the English pipeline with: pip install en-core-web-sm" in message_boxes(window)[0]
    )
    assert window.model_label.text() == "no language model"
    assert not window.findChild(QAction, "actionExtract").isEnabled()
    assert window.open_story("floods")
    assert window.editor.toPlainText() == STORY
    assert window.findChild(QAction, "actionPrint").isEnabled()


# -- actions, logging and crashes -----------------------------------------------------------


def test_actions_use_standard_shortcuts(make_window: MakeWindow) -> None:
    window = make_window()

    def keys(name: str) -> list[QKeySequence]:
        return window.findChild(QAction, name).shortcuts()

    assert keys("actionSave") == QKeySequence.keyBindings(QKeySequence.StandardKey.Save)
    assert keys("actionUndo") == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert keys("actionRedo") == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert keys("actionPrint") == QKeySequence.keyBindings(QKeySequence.StandardKey.Print)
    for name in ("actionExtract", "actionExportPdf", "actionVerify"):
        assert keys(name), name
    assert window.editor.accessibleName() and window.facts_panel.view.accessibleName()


def test_undo_and_redo_reach_the_text(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    qtbot.keyClicks(window.editor, "Hello")
    undo = window.findChild(QAction, "actionUndo")
    assert undo.isEnabled()

    undo.trigger()

    assert window.editor.toPlainText() == ""
    window.findChild(QAction, "actionRedo").trigger()
    assert window.editor.toPlainText() == "Hello"


def test_a_bug_is_logged_and_the_dialog_names_the_log_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    qapp: QApplication,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_file = tmp_path / "newsdesk.log"
    install_excepthook(log_file)

    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(type(error), error, error.__traceback__)

    assert 'raise RuntimeError("boom")' in caplog.text  # where; its message is withheld
    assert "RuntimeError: (message withheld" in caplog.text
    assert shown == [crash_message(log_file)]
    assert str(log_file) in shown[0]


def test_logging_goes_to_one_rotating_file_configured_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from logging.handlers import RotatingFileHandler

    from newsdesk import logs

    monkeypatch.setattr(logs, "_configured", False)
    monkeypatch.setattr(logs, "_log_file", None)
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    log_file = tmp_path / "logs" / "newsdesk.log"
    try:
        assert logs.setup_logging(log_file) == log_file
        assert logs.setup_logging(tmp_path / "elsewhere.log") == log_file  # second call: no-op
        logging.getLogger("newsdesk.test").warning("the desk printer is out of paper")
        added = [h for h in root.handlers if h not in before]
        assert sum(isinstance(h, RotatingFileHandler) for h in added) == 1
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
        logging.captureWarnings(False)
    assert "the desk printer is out of paper" in log_file.read_text("utf-8")
