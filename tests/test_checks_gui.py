"""The Checks panel in the real window with the real model: planted problems are listed,
clicked to their words, dismissed with a note, undone, saved, printed, and the desk's
own words to weigh are kept in the preferences folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.checks import EDITOR_FILE, EditorWords, read_editor_words
from newsdesk.core.extract import Extractor
from newsdesk.core.sheet.model import Article, Check, FactSheet, Mention
from newsdesk.gui.checks.checks_model import ChecksColumn, ChecksModel
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.printing.pages import export_pdf
from newsdesk.paths import default_paths
from newsdesk.storage import Store
from tests.gui_helpers import EDITOR, set_editor_name
from tests.test_print import pdf_pages

FRESH = (
    "25 Killed in Air Strikes Near El Obeid\n\n"
    "KHARTOUM, June 14 (Newsdesk Wire) - Warplanes killed at least 25 people, including 30 "
    "fighters, in villages outside El Obeid on Friday, the Sudan Conflict Monitor said.\n\n"
    "Thugs looted the market after the raid, residents said."
)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, extractor: Extractor) -> Iterator[MainWindow]:
    set_editor_name()
    built = build_main_window(tmp_path / "desk.db", extractor_loader=lambda: extractor)
    built.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(built)
    built.show()
    qtbot.waitUntil(lambda: built.analysis.ready)
    yield built
    built.shutdown()


def analysed(qtbot: QtBot, window: MainWindow, text: str) -> None:
    with qtbot.waitSignal(window.analysis_finished, timeout=30_000):
        window.set_article_text(text)


def listed(window: MainWindow) -> list[tuple[str, str]]:
    model = window.checks_panel.model
    return [
        (model.index(row, ChecksColumn.CHECK).data(), model.index(row, ChecksColumn.MARK).data())
        for row in range(model.rowCount())
    ]


def test_planted_problems_in_a_fresh_story_are_listed_and_shown_in_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    action = window.findChild(QAction, "actionChecks")
    assert action is not None
    action.trigger()  # F8: the Checks tab beside the history comes up
    assert window.checks_panel.isVisible()
    analysed(qtbot, window, FRESH)

    assert listed(window) == [
        ("Headline against the body · headline", "☐"),
        ("Parts and totals · par. 1", "☐"),
        ("Word to weigh · par. 2", "☐"),
    ]
    assert window.checks_panel.summary.text().startswith("3 open checks")
    view = window.findChild(QTreeView, "checksView")
    index = window.checks_panel.model.index(1, ChecksColumn.MESSAGE)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.editor.textCursor().selectedText() == "at least 25"


def test_a_check_dismissed_with_a_note_is_signed_undoable_saved_and_off_the_paper(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    analysed(qtbot, window, FRESH)
    panel = window.checks_panel
    word = next(c for c in window.current_sheet.checks if c.kind == "prejudicial_word")
    assert panel.select(word.id)
    panel.ask_note = lambda title, check: "Residents' word, quoted in the next version"

    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)

    dismissed = window.current_sheet.check(word.id)
    assert dismissed is not None and dismissed.status == "dismissed"
    assert dismissed.checked_by == EDITOR and dismissed.checked_at
    assert listed(window)[-1] == ("Word to weigh · par. 2", "–")
    assert panel.model.index(2, ChecksColumn.VERDICT).data().startswith(f"Dismissed by {EDITOR}")
    assert panel.reopen_button.isEnabled() and not panel.dismiss_button.isEnabled()

    window.session.undo()
    assert window.current_sheet.check(word.id).is_open  # type: ignore[union-attr]
    window.session.redo()
    window.save("checked")
    with Store(tmp_path / "desk.db") as store:
        saved = store.load_version(window.story_slug or "")
    assert saved.check(word.id).note == "Residents' word, quoted in the next version"  # type: ignore[union-attr]

    first = pdf_pages(export_pdf(window.current_sheet, tmp_path / "sheet.pdf"))[0]
    assert "Checks to answer (2)" in first and "Word to weigh" not in first
    assert "2 open checks" in first


def test_the_desks_words_are_kept_and_the_checks_run_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    analysed(qtbot, window, FRESH)
    panel = window.checks_panel

    assert panel.set_words(EditorWords(added=("looted = say what was taken",), ignored=("thugs",)))

    words = [c.spans[0].text for c in window.current_sheet.checks if c.kind == "prejudicial_word"]
    assert words == ["looted"]
    kept = read_editor_words(default_paths().config_dir / EDITOR_FILE)
    assert kept == EditorWords(added=("looted = say what was taken",), ignored=("thugs",))


def test_the_checks_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    text = "Headline 30\n\nBody says 26 and thugs."
    sheet = FactSheet(Article(text, headline="Headline 30"))
    checks = [
        Check("c1", "prejudicial_word", "medium", "thugs", [Mention(24, 29, "thugs")]),
        Check(
            "c2", "headline_figure", "high", "30 vs 26", [Mention(9, 11, "30")], status="resolved"
        ),
        Check("c3", "headline_figure", "high", "again", [Mention(9, 11, "30")]),
    ]
    model = ChecksModel()
    model.set_checks(checks, sheet.article.text)

    qtmodeltester.check(model)
    assert [model.check(row).id for row in range(3)] == ["c3", "c1", "c2"]  # type: ignore[union-attr]
    assert model.open_count() == 2
    assert model.index(0, ChecksColumn.CHECK).data() == "Headline against the body · headline"


def test_the_checks_follow_the_text_while_the_editor_types(
    qtbot: QtBot, window: MainWindow
) -> None:
    analysed(qtbot, window, FRESH)
    panel = window.checks_panel
    before = panel.model.check(1)
    assert before is not None and before.spans[0].text == "at least 25"

    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "URGENT ")  # typed at the start of the headline

    def moved() -> bool:
        check = panel.model.check(1)
        return check is not None and check.spans[0].start == before.spans[0].start + 7

    qtbot.waitUntil(moved, timeout=10_000)
    panel._show(panel.model.index(1, ChecksColumn.MESSAGE))
    assert window.editor.textCursor().selectedText() == "at least 25"
