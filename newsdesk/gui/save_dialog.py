"""The question Save asks (objectName ``saveDialog``): why this version, in a few words.

The message is optional and shown in the history ("Toll updated from the
monitor"). The last message of this session is offered again, selected, so
Enter reuses it and typing replaces it; "Don't ask again" saves without the
question for the rest of the session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SaveMessageDialog(QDialog):
    """Asks for an optional message for the version about to be saved."""

    def __init__(self, heading: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveDialog")
        self.setWindowTitle(self.tr("Save version"))
        label = QLabel(heading, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.message = QLineEdit(message, self)
        self.message.setObjectName("saveMessage")
        self.message.setAccessibleName(self.tr("Message for this version"))
        self.message.setPlaceholderText(self.tr("What changed (optional)"))
        self.message.selectAll()
        label.setBuddy(self.message)
        self.skip = QCheckBox(self.tr("&Don't ask again this session"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.message)
        layout.addWidget(self.skip)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())
