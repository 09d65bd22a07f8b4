"""The window follows the desktop's light/dark switch while it runs, and the legend's
swatches are drawn for the screen's scale (sharp at 2×, not a 1× image stretched)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.gui import kinds
from newsdesk.gui.main_window import MainWindow
from tests.gui_helpers import STORY, FakeExtractor, set_editor_name


def _window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    set_editor_name()
    fake = FakeExtractor()
    window = build_main_window(tmp_path / "newsdesk.db", extractor_loader=lambda: fake)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.show()
    return window


def _switch(scheme: Qt.ColorScheme) -> None:
    """What Qt emits when the desktop switches (the offscreen platform cannot switch)."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.styleHints().colorSchemeChanged.emit(scheme)


def _legend_swatch(window: MainWindow, key: str, ratio: float = 1.0) -> QImage:
    box = window.legend.boxes[key]
    size = box.iconSize()
    return box.icon().pixmap(size, ratio).toImage()


def _wash_at(window: MainWindow, word: str) -> QColor:
    """The background the editor paints behind ``word`` (the highlighter's format)."""
    document = window.editor.document()
    at = document.toPlainText().index(word)
    block = document.findBlock(at)
    offset = at - block.position()
    for span in block.layout().formats():
        if span.start <= offset < span.start + span.length:
            return span.format.background().color()
    raise AssertionError(f"{word!r} is not highlighted")


def test_window_follows_a_live_switch_to_dark_and_back(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    try:
        qtbot.waitUntil(lambda: window.analysis.ready)
        with qtbot.waitSignal(window.analysis_finished):
            window.set_article_text(STORY)
            window.analyse_now()
        light_wash = _wash_at(window, "Alice Smith")
        light_swatch = _legend_swatch(window, "dates")
        # The dates' underline is dark olive on light: it would vanish on a dark ground.
        bottom = light_swatch.height() - 1
        assert light_swatch.pixelColor(3, bottom).name() == "#9a8c00"

        _switch(Qt.ColorScheme.Dark)
        dark_wash = _wash_at(window, "Alice Smith")
        assert dark_wash.name() == light_wash.name()  # the same hue for the same kind
        assert dark_wash.alpha() > light_wash.alpha()  # but a stronger wash on dark
        dark_swatch = _legend_swatch(window, "dates")
        assert dark_swatch.pixelColor(3, bottom).name() == "#f0e442"

        _switch(Qt.ColorScheme.Light)
        assert _wash_at(window, "Alice Smith").alpha() == light_wash.alpha()
        assert _legend_swatch(window, "dates").pixelColor(3, bottom).name() == "#9a8c00"
    finally:
        window.shutdown()


def test_legend_swatches_are_drawn_at_twice_the_pixels_on_a_2x_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = _window(qtbot, tmp_path)
    try:
        box = window.legend.boxes["people"]
        logical = box.iconSize()
        sharp = box.icon().pixmap(logical, 2.0)
        assert sharp.devicePixelRatio() == 2.0
        assert sharp.size() == QSize(logical.width() * 2, logical.height() * 2)
        image = sharp.toImage()
        middle = image.height() // 2
        line = QColor(kinds.STYLES["people"].colour).name()
        # The 1-point border is two whole device pixels, then the wash: no blur between.
        assert image.pixelColor(0, middle).name() == line
        assert image.pixelColor(1, middle).name() == line
        assert image.pixelColor(1, middle).alpha() == 255
        assert image.pixelColor(2, middle).alpha() < 255
    finally:
        window.shutdown()


def test_status_icons_have_a_1x_and_a_2x_drawing() -> None:
    icon = kinds.status_icon("verified", QColor("#2b3a4a"))
    assert {(s.width(), s.height()) for s in icon.availableSizes()} >= {(16, 16), (32, 32)}
