"""Safe keys: every shortcut of the real window, per place the keyboard can be.

For each widget an editor works in, the test gathers the actions whose keys
work there (window-wide ones, and ones scoped to that widget) and fails when
one key would reach two actions. Keys that text fields take for editing on
some desktops (Ctrl+D deletes a character under X11) must not be window-wide
actions. Destructive actions must be in a menu, which shows their key, and Del
is the only key that deletes a fact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.gui.main_window import MainWindow
from tests.gui_helpers import FakeExtractor, set_editor_name

# Where an editor's keyboard can be, by objectName.
FOCUS_PLACES = ("articleEditor", "factsView", "factsFilter", "historyView", "undoView")
TEXT_FIELDS = ("articleEditor", "factsFilter")
# Editing keys of text fields on some desktop (X11: Ctrl+D delete, Ctrl+H backspace,
# Ctrl+K delete to the end of the line); a window-wide action must not claim them.
EDITING_KEYS = frozenset({"Ctrl+D", "Ctrl+H", "Ctrl+K"})
DESTRUCTIVE = ("actionDeleteFact",)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    set_editor_name()
    built = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    built.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(built)
    yield built
    built.shutdown()


def _keys(action: QAction) -> list[str]:
    return [key.toString(QKeySequence.SequenceFormat.PortableText) for key in action.shortcuts()]


def active_keys(window: MainWindow, place: QWidget) -> dict[str, set[str]]:
    """Key → the actions it would trigger with the keyboard in ``place``."""
    reach: dict[str, set[str]] = defaultdict(set)
    scoped_here = {id(a) for a in place.actions()}
    ancestors = []
    widget: QWidget | None = place
    while widget is not None:
        ancestors.append(widget)
        widget = widget.parentWidget()
    with_children = {id(a) for w in ancestors for a in w.actions()}
    for action in window.findChildren(QAction):
        context = action.shortcutContext()
        works = (
            context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
            or (context == Qt.ShortcutContext.WidgetShortcut and id(action) in scoped_here)
            or (
                context == Qt.ShortcutContext.WidgetWithChildrenShortcut
                and id(action) in with_children
            )
        )
        if works and action.objectName():
            for key in _keys(action):
                reach[key].add(action.objectName())
    return reach


def test_no_key_reaches_two_actions_wherever_the_keyboard_is(window: MainWindow) -> None:
    for name in FOCUS_PLACES:
        place = window.findChild(QWidget, name)
        assert place is not None, name
        clashes = {
            key: names for key, names in active_keys(window, place).items() if len(names) > 1
        }
        assert clashes == {}, f"in {name}: {clashes}"


def test_text_fields_keep_their_editing_keys(window: MainWindow) -> None:
    for name in TEXT_FIELDS:
        place = window.findChild(QWidget, name)
        assert place is not None
        claimed = EDITING_KEYS & set(active_keys(window, place))
        assert claimed == set(), f"in {name}, window actions claim {claimed}"


def test_destructive_actions_are_in_a_menu_and_del_is_the_only_delete_key(
    window: MainWindow,
) -> None:
    in_menus = {
        action.objectName()
        for menu in window.findChildren(QMenu)
        for action in menu.actions()
        if action.objectName()
    }
    for name in DESTRUCTIVE:
        action = window.findChild(QAction, name)
        assert action is not None and name in in_menus, name
        assert _keys(action), f"{name} has no key to show in its menu"
    assert _keys(window.findChild(QAction, "actionDeleteFact")) == ["Del"]
    deleting = {
        action.objectName()
        for action in window.findChildren(QAction)
        if {"Del", "Backspace", "Ctrl+D"} & set(_keys(action))
    }
    assert deleting == {"actionDeleteFact"}
