"""Who signs the checks: the editor's name, asked once, kept in the preferences.

Every status an editor sets records who set it ("verified by anna"). The name
comes from the preferences; the first time a check needs one and there is
none, the editor is asked (``ask``, which scripts and tests may replace);
without an answer the login name is used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from newsdesk.gui.preferences import Preferences


class Signature:
    """The name checks are signed with (see the module docstring)."""

    def __init__(self, preferences: Preferences, login_name: str, parent: QWidget) -> None:
        self.preferences = preferences
        self.login_name = login_name
        self._parent = parent
        self._asked = False
        self.ask: Callable[[str], str | None] = self._ask

    @property
    def current(self) -> str:
        """The name known now, without asking."""
        return self.preferences.editor_name or self.login_name

    def name(self) -> str:
        """The name to sign with, asking once when the preferences have none."""
        if not self.preferences.editor_name and not self._asked:
            self._asked = True
            answer = self.ask(self.login_name)
            if answer and answer.strip():
                self.preferences.set_editor_name(answer)
        return self.current

    def _ask(self, default: str) -> str | None:
        focused = QApplication.focusWidget()
        name, ok = QInputDialog.getText(
            self._parent,
            QCoreApplication.translate("Signature", "Your name"),
            QCoreApplication.translate("Signature", "Your name, shown with the facts you check:"),
            QLineEdit.EchoMode.Normal,
            default,
        )
        # Give the keyboard back to where the editor was working (the facts list
        # in a verification pass), so the next key lands there.
        self._parent.activateWindow()
        if focused is not None:
            focused.setFocus()
        return name if ok else None
