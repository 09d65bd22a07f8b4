"""One way to make an action: objectName, text, keys, handler, and where its keys work.

Every action newsdesk offers is made here, so each has a stable objectName for
scripts and tests, and its keys are either window-wide or scoped to one widget
(the single-letter keys of the facts list never fire while typing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey
Keys = Key | str | Sequence[str] | None


def make_action(
    host: QWidget,
    name: str,
    text: str,
    slot: Callable[..., object],
    keys: Keys = None,
    *,
    scope: QWidget | None = None,
) -> QAction:
    """An action owned by ``host``; its keys work anywhere in ``host``, or only in ``scope``."""
    action = QAction(text, host)
    action.setObjectName(name)
    if isinstance(keys, Key):
        action.setShortcuts(keys)
    elif isinstance(keys, str):
        action.setShortcut(QKeySequence(keys))
    elif keys:
        action.setShortcuts([QKeySequence(key) for key in keys])
    if scope is not None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        scope.addAction(action)
    else:
        host.addAction(action)
    action.triggered.connect(slot)
    return action
