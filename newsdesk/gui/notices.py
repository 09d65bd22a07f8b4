"""Telling the editor things: a line in the status bar, or a calm window-modal message.

Helpers get a :class:`Notices` rather than the window, so what they may do to
the screen is exactly this: say something.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

Icon = QMessageBox.Icon


class Notices:
    """The status bar of ``parent`` and message boxes over it."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar) -> None:
        self.parent = parent
        self.status_bar = status_bar

    def status(self, text: str, milliseconds: int = 4000) -> None:
        """A passing line in the status bar."""
        self.status_bar.showMessage(text, milliseconds)

    def message(self, icon: Icon, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block the caller."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a user's words are never markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def warn(self, title: str, text: str) -> QMessageBox:
        return self.message(Icon.Warning, title, text)
