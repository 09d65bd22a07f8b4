"""A user's words are shown as words: never as HTML that could load a local file.

An editor's name or a fact written as ``<img src=…>`` reaches labels, tooltips
and headings as the characters typed; HTML pasted from the clipboard comes in
as its text, without the object characters Qt leaves for images.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.gui.facts.fact_editor import FactEditorDialog
from newsdesk.gui.history.history_model import HistoryModel
from newsdesk.gui.history.version_dialog import VersionDialog
from newsdesk.storage import Store
from tests.test_render import make_sheet

HOSTILE = '<img src="/etc/passwd"><b>Anna</b>'


def labels_showing(widget: QWidget, text: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if text in label.text()]


def test_an_editors_name_in_the_version_heading_is_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    with Store(tmp_path / "newsdesk.db") as store:
        info = store.save("strikes", make_sheet(), editor=HOSTILE, message=HOSTILE).version
        dialog = VersionDialog(make_sheet(), info, is_latest=True)
        qtbot.addWidget(dialog)
        model = HistoryModel()
        model.set_versions([info])

    [heading] = labels_showing(dialog, HOSTILE)
    assert heading.textFormat() == Qt.TextFormat.PlainText
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tooltip and "<img" not in tooltip


def test_a_fact_titled_with_markup_is_shown_as_written_in_its_editor(qtbot: QtBot) -> None:
    sheet = make_sheet()
    figure = sheet.figures[0]
    figure.text = HOSTILE
    figure.checked_by = HOSTILE
    figure.status = "verified"
    parent = QWidget()
    qtbot.addWidget(parent)

    dialog = FactEditorDialog(sheet, figure, lambda fact_id, changes: True, parent)

    shown = labels_showing(dialog, HOSTILE)
    assert len(shown) == 2  # the words, and who checked it
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_html_only_clipboard_content_pastes_as_text_without_object_characters(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from newsdesk.app import build_main_window
    from tests.gui_helpers import FakeExtractor

    window = build_main_window(tmp_path / "newsdesk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    try:
        mime = QMimeData()
        mime.setHtml('<p>Floods <img src="/etc/x.png"> cut roads</p><p>Body text.</p>')
        assert not mime.hasText()

        window.editor.insertFromMimeData(mime)

        text = window.editor.toPlainText()
        assert "\ufffc" not in text
        assert text == "Floods cut roads\n\nBody text."
    finally:
        window.shutdown()


def test_a_model_load_begun_before_the_window_is_the_one_it_uses(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from concurrent.futures import Future

    from newsdesk.app import build_main_window
    from tests.gui_helpers import FakeExtractor

    preloaded: Future[FakeExtractor] = Future()
    window = build_main_window(tmp_path / "newsdesk.db", preloaded=preloaded)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.analysis.model_loaded) as loaded:
            preloaded.set_result(FakeExtractor())  # the load finishes after the window is built
        assert loaded.args == ["fake-model 1.0"]
    finally:
        window.shutdown()
