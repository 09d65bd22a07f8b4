"""A workspace that never loses an editor's work, driven through the real window.

The desk's trust breakers, replayed: copy pasted over a saved story is asked
about and never saved under the wrong story; undo after that paste brings every
correction back; a checked figure keeps its sentence; Ctrl+D in the facts list
deletes nothing; a huge paste shows at once that the facts are stale, with
progress; File › New, recent files, greyed captions and Arabic that is drawn.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QTextLayout
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.sheet.model import Figure
from newsdesk.gui.main_window import MainWindow
from newsdesk.storage import Store
from tests.gui_helpers import STORY, FakeExtractor, find_fact_in_tree, set_editor_name

QUAKE = (
    "Strong earthquake shakes eastern Turkey\n\n"
    "ANKARA (Newsdesk Wire) - A strong earthquake killed 40 people in eastern Turkey on "
    "Tuesday, Carol King of the disaster agency said, and 300 buildings collapsed."
)


def make(qtbot: QtBot, tmp_path: Path, extractor: object = None) -> MainWindow:
    set_editor_name()
    fake = extractor if extractor is not None else FakeExtractor()
    window = build_main_window(tmp_path / "desk.db", extractor_loader=lambda: fake)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.stories.ask_message = lambda heading, message: "checked"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.analysis.ready)
    return window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    built = make(qtbot, tmp_path)
    yield built
    built.shutdown()


def analysed(qtbot: QtBot, window: MainWindow, text: str) -> None:
    with qtbot.waitSignal(window.analysis_finished):
        window.set_article_text(text)
        window.analyse_now()


def paste_over_everything(window: MainWindow, text: str) -> None:
    """What Ctrl+A, Ctrl+V does: the clipboard's text over the whole story."""
    window.editor.selectAll()
    data = QMimeData()
    data.setText(text)
    window.editor.insertFromMimeData(data)


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_another_story_pasted_over_a_saved_one_is_asked_about_and_never_saved_under_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    analysed(qtbot, window, STORY)
    floods = window.save("first")
    assert floods is not None and window.story_slug == "floods-cut-roads-near-lagos"
    asked: list[tuple[str, bool]] = []
    window.stories.ask_identity = lambda headline, update: asked.append((headline, update)) or "new"

    with qtbot.waitSignal(window.analysis_finished):
        paste_over_everything(window, QUAKE)

    assert asked == [("Floods cut roads near Lagos", False)]  # "new story" offered first
    assert window.story_slug is None and window.editor.toPlainText() == QUAKE
    assert "new story, not saved" in window.windowTitle()
    quake = window.save()
    assert quake is not None and window.story_slug == "strong-earthquake-shakes-eastern-turkey"
    with Store(tmp_path / "desk.db") as store:
        assert [v.number for v in store.versions("floods-cut-roads-near-lagos")] == [1]
        assert store.load_version("floods-cut-roads-near-lagos").article.text == STORY


def test_an_update_pasted_over_its_story_stays_in_that_story(
    qtbot: QtBot, window: MainWindow
) -> None:
    analysed(qtbot, window, STORY)
    window.save("first")
    window.stories.ask_identity = lambda headline, update: "update" if update else "new"

    with qtbot.waitSignal(window.analysis_finished):
        paste_over_everything(window, "UPDATE 1-" + STORY.replace("300 families", "320 families"))

    assert window.story_slug == "floods-cut-roads-near-lagos"
    info = window.save("update")
    assert info is not None and info.number == 2 and "version 2" in window.windowTitle()


def test_undo_after_a_paste_brings_back_the_corrected_source_and_speaker(
    qtbot: QtBot, window: MainWindow
) -> None:
    analysed(qtbot, window, STORY)
    sheet = window.current_sheet
    assert sheet is not None
    bob = next(e.id for e in sheet.entities if e.name == "Bob Jones")
    window.corrections.edit_fields("f2", {"source": bob})
    start = STORY.index("help came late")
    assert window.corrections.add("quote", start, len(STORY)) is not None
    quote = window.current_sheet.quotes[0]
    window.corrections.edit_fields(quote.id, {"speaker": bob})
    window.stories.ask_identity = lambda headline, update: "update"

    with qtbot.waitSignal(window.analysis_finished):
        paste_over_everything(window, QUAKE)
    action(window, "actionUndo").trigger()

    assert window.editor.toPlainText() == STORY
    restored = window.current_sheet
    assert restored is not None and window.in_sync
    assert restored.find("f2").source == bob  # type: ignore[union-attr]
    assert restored.find(quote.id).speaker == bob  # type: ignore[union-attr]
    source_cell = window.facts_panel.model.index_of(quote.id, 3).data()
    assert source_cell == "Bob Jones"  # the name, never "(nobody)"


def test_ctrl_d_in_the_facts_list_deletes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    analysed(qtbot, window, STORY)
    view = window.facts_panel.view
    window.activateWindow()  # keys go where an editor's would: to the focused list
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    window.facts_panel.select_fact("f1")
    facts = window.current_sheet.fact_count()  # type: ignore[union-attr]

    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert window.current_sheet.fact_count() == facts  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.current_sheet.fact_count() == facts - 1  # type: ignore[union-attr]


def test_a_huge_paste_shows_stale_facts_and_progress_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    gate = threading.Event()
    fake = FakeExtractor(gate)
    window = make(qtbot, tmp_path, fake)
    asked: list[int] = []
    window.analysis.ask_long_story = lambda words: asked.append(words) or True
    try:
        analysed_text = STORY
        gate.set()
        analysed(qtbot, window, analysed_text)
        gate.clear()
        paragraph = "Bob Jones said 300 families fled the floods near the river today. " * 8
        huge = "Floods spread\n\n" + "\n\n".join([paragraph] * 600)  # ~300 KB, ~72,000 words
        assert len(huge) > 300_000

        paste_over_everything(window, huge)

        assert window.facts_panel.stale  # at once, before any analysis
        assert "before the change" in window.facts_panel.stale_label.text()
        qtbot.waitUntil(lambda: bool(asked))  # a story this long is asked about first
        assert asked[0] > 50_000
        pasted = window.editor.toPlainText()
        qtbot.waitUntil(lambda: bool(fake.calls) and fake.calls[-1] == pasted)
        progress = window.facts_panel.stale_progress
        qtbot.waitUntil(lambda: progress.isVisibleTo(window) and progress.value() > 0)
        assert "paragraph group" in window.facts_panel.stale_label.text()
        gate.set()
        qtbot.waitUntil(lambda: window.in_sync, timeout=20_000)
        assert not window.facts_panel.stale
    finally:
        gate.set()
        window.shutdown()


def test_file_new_starts_an_empty_story_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    analysed(qtbot, window, STORY)
    window.save("first")

    action(window, "actionNew").trigger()

    assert window.editor.toPlainText() == "" and window.current_sheet is None
    assert window.story_slug is None and not window.session.can_undo
    assert window.history_view.model().rowCount() == 0


def test_recent_files_and_dialogs_start_in_the_last_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    story = folder / "floods.txt"
    story.write_text(STORY, encoding="utf-8")
    with qtbot.waitSignal(window.analysis_finished):
        window.open_file(story)  # read on the file thread

    assert window.preferences.recent_files == [story.resolve()]
    assert window.preferences.start_folder() == folder.resolve()
    window.actions_.fill_recent()
    entries = [a.text() for a in window.actions_.recent_menu.actions()]
    assert entries == ["&1 floods.txt"]
    story.unlink()
    assert not window.actions_.open_recent(story.resolve())  # gone: said so, and forgotten
    assert window.preferences.recent_files == []


def test_captions_are_greyed_in_the_text_and_arabic_is_drawn(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = STORY + "\n\nCredit: Newsdesk Wire\n\nقال المرصد إن 25 غارة"
    analysed(qtbot, window, text)
    block = window.editor.document().findBlockByNumber(6)
    assert block.text() == "Credit: Newsdesk Wire"
    formats = block.layout().formats()
    assert formats and formats[0].format.fontItalic()

    layout = QTextLayout("قال المرصد إن 25 غارة", window.editor.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
    assert glyphs and 0 not in glyphs  # no box for a missing letter


def test_a_verified_figure_keeps_its_sentence_through_type_and_undo(
    qtbot: QtBot, tmp_path: Path, extractor: object
) -> None:
    """With the real pipeline: the sentence a checked figure prints with survives edits."""
    window = make(qtbot, tmp_path, extractor)
    try:
        text = (
            "Floods cut roads near Lagos\n\n"
            "LAGOS (Newsdesk Wire) - Floods cut off at least 12 villages on Friday, "
            "police said.\n\nAid workers said help came late."
        )
        analysed(qtbot, window, text)
        figure = next(f for f in window.current_sheet.figures if f.text == "at least 12")  # type: ignore[union-attr]
        window.corrections.set_status(figure.id, "verified")
        sentence = figure.sentence
        assert sentence is not None and "police said." in text[slice(*sentence)]
        cursor = window.editor.textCursor()
        cursor.setPosition(text.index("villages") + len("villages"))
        window.editor.setTextCursor(cursor)
        qtbot.keyClicks(window.editor, "x")
        qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
        with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
            window.analyse_now()

        saved = window.save()
        assert saved is not None
        with Store(tmp_path / "desk.db") as store:
            kept = store.load_version(window.story_slug or "").find(figure.id)
        assert isinstance(kept, Figure) and kept.status == "verified"
        assert kept.sentence == sentence  # the same words, not null
        index = find_fact_in_tree(window.facts_panel.view, figure.id)
        assert index.isValid()
    finally:
        window.shutdown()
