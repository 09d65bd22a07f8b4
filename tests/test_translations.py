"""The window in German: every menu, panel, header and label a user sees is translated,
the catalogue is complete, and every user-visible string of the window goes through tr().

The check that strings go through ``tr()``: the window is built once in English and once
in German; a visible text that is the same in both never reached a translator.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.gui.about import AboutDialog
from newsdesk.gui.history.library_dialog import LibraryDialog
from newsdesk.gui.language import LANGUAGES, install_translators, remove_translators
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.printing.options import PrintOptionsDialog
from newsdesk.gui.shortcut_card import ShortcutCard
from newsdesk.paths import default_paths
from tests.conftest import REPO
from tests.gui_helpers import FakeExtractor, set_editor_name

CATALOGUE = REPO / "resources" / "translations" / "newsdesk_de.ts"
COMPILED = CATALOGUE.with_suffix(".qm")

# The same in both languages on purpose: the app's name, the story's own words (the
# editor's text is English wire copy), paper sizes, words German shares ("OK", "Status").
SAME_IN_BOTH = {
    "newsdesk",
    "A4",
    "OK",
    "Status",
    "Version",
    "Layout",
    "&Layout",
    "English",
    "Deutsch",
}


def _window(qtbot: QtBot, tmp_path: Path, name: str) -> MainWindow:
    set_editor_name()
    fake = FakeExtractor()
    window = build_main_window(tmp_path / f"{name}.db", extractor_loader=lambda: fake)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.analysis.ready)
    return window


def _menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # fills menus made on demand (Open Recent)
    yield f"{path}", menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{path} › {action.menu().title()}")
        else:
            yield f"{path} › {action.objectName()}", action.text()
            if action.statusTip():
                yield f"{path} › {action.objectName()} (status tip)", action.statusTip()


def visible_texts(window: QWidget) -> dict[str, str]:
    """Where → text, for every text a window or dialog shows or reads out to a screen reader."""
    found: dict[str, str] = {"window title": window.windowTitle()}
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            menu = action.menu()
            assert isinstance(menu, QMenu)
            found.update(_menu_texts(menu, menu.objectName() or action.text()))
    widgets: list[QWidget] = window.findChildren(QWidget)
    for number, widget in enumerate(widgets):
        where = f"{type(widget).__name__} {widget.objectName() or number}"
        if widget.accessibleName():
            found[f"{where} (accessible name)"] = widget.accessibleName()
        if widget.toolTip():
            found[f"{where} (tooltip)"] = widget.toolTip()
        if isinstance(widget, QLabel) and widget.isVisibleTo(window) and widget.text():
            found[where] = widget.text()
        if isinstance(widget, QAbstractButton) and widget.text():
            found[where] = widget.text()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            found[f"{where} (placeholder)"] = widget.placeholderText()
        if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.placeholderText():
            found[f"{where} (placeholder)"] = widget.placeholderText()
        if isinstance(widget, QDockWidget):
            found[where] = widget.windowTitle()
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                found[f"{where} tab {tab}"] = widget.tabText(tab)
        if isinstance(widget, QComboBox):
            for item in range(widget.count()):
                found[f"{where} item {item}"] = widget.itemText(item)
        # The views a user sees (not a combo box's or completer's popup list).
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)
            and widget.isVisibleTo(window)
        ):
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str) and header:
                    found[f"{where} column {column}"] = header
    return {where: text for where, text in found.items() if text.strip()}


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def test_every_visible_string_of_the_window_is_translated(qtbot: QtBot, tmp_path: Path) -> None:
    english = visible_texts(_window(qtbot, tmp_path, "en"))
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "de")
    assert len(translators) == 2, f"{COMPILED.name} (make translations) and qtbase_de load"
    try:
        german = visible_texts(_window(qtbot, tmp_path, "de"))
    finally:
        remove_translators(app, translators)
    untranslated = {
        where: text
        for where, text in german.items()
        if english.get(where) == text
        and _plain(text) not in SAME_IN_BOTH
        and text != FakeExtractor.model_name  # the pipeline's own name
    }
    assert untranslated == {}
    titles = set(german.values())
    for expected in ("&Datei", "&Bearbeiten", "&Analyse", "Fa&kten", "&Hilfe", "Ö&ffnen…"):
        assert expected in titles
    assert len(english) > 100  # the walk saw the window, not an empty shell


def _dialogs(window: MainWindow) -> list[QWidget]:
    """The dialogs an editor opens most, built as their actions build them."""
    dialogs: list[QWidget] = [
        AboutDialog(window),
        PrintOptionsDialog(window, paper=True),
        LibraryDialog(window.store, window),
        ShortcutCard(window),
    ]
    for dialog in dialogs:
        dialog.show()
    return dialogs


def test_every_visible_string_of_the_common_dialogs_is_translated(
    qtbot: QtBot, tmp_path: Path
) -> None:
    english = [visible_texts(d) for d in _dialogs(_window(qtbot, tmp_path, "en"))]
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "de")
    try:
        german = [visible_texts(d) for d in _dialogs(_window(qtbot, tmp_path, "de"))]
    finally:
        remove_translators(app, translators)
    for before, after in zip(english, german, strict=True):
        same = {
            where: text
            for where, text in after.items()
            if before.get(where) == text and _plain(text) not in SAME_IN_BOTH
        }
        assert same == {}
    about = german[0]["QLabel aboutText"]
    assert "MIT-Lizenz" in about and "Englisches Sprachmodell" in about


def test_catalogue_is_complete_and_keeps_every_placeholder() -> None:
    root = ET.parse(CATALOGUE).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 350
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            assert len(forms) == 2 and all("%n" in f for f in forms), source
            continue
        text = translation.text or ""
        assert text, source
        for placeholder in ("%s", "%d", "\n"):
            assert source.count(placeholder) == text.count(placeholder), source


def test_catalogue_holds_every_tr_string_of_the_source() -> None:
    """lupdate over newsdesk/gui finds nothing the catalogue lacks or no longer needs."""
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 to translate" in result.stdout


def test_language_comes_from_the_preference_then_the_system(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path, "pref")
    menu = window.actions_.language_menu
    assert menu.language_actions[""].isChecked()  # as the system, to begin with
    assert set(menu.language_actions) == {"", *LANGUAGES}
    menu.language_actions["de"].trigger()
    preferences = Preferences.in_folder(default_paths().config_dir)
    assert preferences.language == "de"
    assert "next time" in window.statusBar().currentMessage()
    app = QCoreApplication.instance()
    assert app is not None
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French))
    try:
        assert install_translators(app, "") == []  # French: no catalogue, stays English
    finally:
        QLocale.setDefault(saved)
