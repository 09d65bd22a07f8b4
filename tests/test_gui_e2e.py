"""The real window with the real pinned model, end to end, as an editor uses it.

Paste wire copy through the clipboard, wait for the highlights, check a figure
with its hedge, save two versions, find them in the history and the database,
and print the sheet to PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTreeView
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.extract import Extractor
from newsdesk.gui.facts.facts_model import Column
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.printing.pages import export_pdf
from newsdesk.storage import Store
from tests.conftest import sample_text
from tests.gui_helpers import set_editor_name

# The offscreen platform plugin warns on every shown top-level window; harmless.

SAMPLE = "conflict_airstrikes.txt"


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


def highlighted_texts(window: MainWindow, group: str) -> list[str]:
    text = window.editor.toPlainText()  # the sample has no emoji: Qt and Python offsets agree
    return [text[s.start : s.end] for s in window.editor.highlighter.spans if s.group == group]


def paste_sample(qtbot: QtBot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText(sample_text(SAMPLE).replace("\n", "\r\n"))
    window.editor.setFocus()
    with qtbot.waitSignal(window.analysis_finished, timeout=30_000):
        qtbot.keySequence(window.editor, QKeySequence.StandardKey.Paste)


def test_pasted_story_is_highlighted_saved_twice_and_exported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    paste_sample(qtbot, window)

    # The editor holds the cleaned copy, and the figure is marked with its hedge.
    assert "\r" not in window.editor.toPlainText()
    assert window.editor.toPlainText().startswith("Deadly air strikes hit villages")
    assert "at least 25" in highlighted_texts(window, "figures")
    assert "Adam Ibrahim" in highlighted_texts(window, "people")
    view = window.findChild(QTreeView, "factsView")
    figure = next(f for f in window.current_sheet.figures if f.text == "at least 25")
    index = window.facts_panel.model.index_of(figure.id, Column.VALUE)
    assert index.data() == "≥ 25 air strikes"

    # Clicking the figure in the tree selects it in the text.
    proxy_index = window.facts_panel.proxy.mapFromSource(index.siblingAtColumn(Column.FACT))
    view.scrollTo(proxy_index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(proxy_index).center()
    )
    assert window.editor.textCursor().selectedText() == "at least 25"

    first = window.save("first read")
    assert first is not None and first.number == 1
    assert not window.isWindowModified()

    # A correction to the copy, re-analysed, saved as version 2 of the same story.
    with qtbot.waitSignal(window.analysis_finished, timeout=30_000):
        window.set_article_text(window.editor.toPlainText().replace("at least 25", "at least 30"))
    assert "at least 30" in highlighted_texts(window, "figures")
    second = window.save("strike count corrected")
    assert second is not None and second.number == 2

    history = window.findChild(QTreeView, "historyView").model()
    assert [history.index(r, 0).data() for r in range(history.rowCount())] == ["2", "1"]
    assert [history.index(r, 3).data() for r in range(history.rowCount())] == [
        "strike count corrected",
        "first read",
    ]
    slug = window.story_slug
    assert slug == "deadly-air-strikes-hit-villages-near-sudans-el-obeid"
    with Store(tmp_path / "desk.db") as store:
        assert [v.number for v in store.versions(slug)] == [1, 2]
        assert "at least 25" in store.load_version(slug, 1).article.text
        assert "at least 30" in store.load_version(slug, 2).article.text

    pdf = export_pdf(window.current_sheet, tmp_path / "sheet.pdf", second)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 1000


def test_clicking_a_highlighted_name_selects_its_fact(qtbot: QtBot, window: MainWindow) -> None:
    paste_sample(qtbot, window)
    text = window.editor.toPlainText()
    cursor = window.editor.textCursor()
    cursor.setPosition(text.index("Hamid Osman") + 3)

    qtbot.mouseClick(
        window.editor.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.editor.cursorRect(cursor).center(),
    )

    assert window.facts_panel.view.currentIndex().data() == "Hamid Osman"
