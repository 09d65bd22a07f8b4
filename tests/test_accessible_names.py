"""A screen reader names every control of the window: the test walks the widget tree."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.gui.about import AboutDialog
from tests.gui_helpers import FakeExtractor, set_editor_name


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls reachable by keyboard with no name a screen reader can read out: no
    accessible name, no text of their own (a button's) and no label pointing at them."""
    labelled = {label.buddy() for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox):
            continue  # a spin box's own line edit: the spin box is the control named
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "") or widget in labelled):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_window_has_a_name(qtbot: QtBot, tmp_path: Path) -> None:
    set_editor_name()
    fake = FakeExtractor()
    window = build_main_window(tmp_path / "newsdesk.db", extractor_loader=lambda: fake)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.analysis.ready)
        controls = [
            w
            for w in window.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(window)
        ]
        assert len(controls) > 10  # the walk reached the editor, lists, legend, buttons
        assert unnamed_controls(window) == []
    finally:
        window.shutdown()


def test_every_control_of_the_about_dialog_has_a_name(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
