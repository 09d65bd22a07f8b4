"""The optional reason asked after D (objectName ``reasonBox``): why the fact is disputed.

A line under the facts list, not a dialog: the editor types a few words and
presses Enter (they become the fact's note), or presses Esc or Enter on an
empty line to go on; either way the pass moves to the next fact.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

Answer = Callable[[str | None], None]


class ReasonBox(QFrame):
    """Asks for a reason in place; :meth:`ask` calls back with the words, or ``None`` for Esc."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("reasonEdit")
        self.edit.setAccessibleName(self.tr("Reason (kept as the note)"))
        self.edit.setPlaceholderText(self.tr("optional — Enter keeps it as the note, Esc skips"))
        self.label.setBuddy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.label)
        row.addWidget(self.edit, 1)
        self._answer: Answer | None = None
        self.edit.returnPressed.connect(self._accepted)
        self.edit.installEventFilter(self)
        self.hide()

    def ask(self, question: str, answer: Answer) -> None:
        """Show ``question`` and take the keyboard; ``answer`` hears what was typed."""
        self._answer = answer
        self.label.setText(question)
        self.edit.clear()
        self.show()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._finish(None)
            return True
        return super().eventFilter(watched, event)

    def _accepted(self) -> None:
        self._finish(self.edit.text().strip())

    def _finish(self, words: str | None) -> None:
        answer, self._answer = self._answer, None
        self.hide()
        if answer is not None:
            answer(words)
