"""The legend (objectName ``legend``): one swatch per kind of highlight."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from newsdesk.core.render import GROUPS
from newsdesk.gui import kinds


class Legend(QWidget):
    """A row of swatches naming what each highlight colour and underline means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName(self.tr("Highlight legend"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(14)
        self.labels: dict[str, QLabel] = {}
        size = max(12, self.fontMetrics().height() - 2)
        for key in GROUPS:
            item = QWidget(self)
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(5)
            icon = QLabel(item)
            icon.setPixmap(kinds.swatch(key, size))
            text = QLabel(kinds.group_title(key), item)
            row.addWidget(icon)
            row.addWidget(text)
            item.setToolTip(self.tr("%s are marked like this in the text") % kinds.group_title(key))
            item.setAccessibleName(kinds.group_title(key))
            layout.addWidget(item)
            self.labels[key] = text
        layout.addStretch(1)
