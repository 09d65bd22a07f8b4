"""The legend (objectName ``legend``): one switch per kind of highlight.

Each kind (People, Organisations, … Quotes) is a check box showing its
swatch, wash and underline, so the kinds are told apart without colour too.
Unticking a kind hides its highlights (its facts stay in the list); the
boxes are in the tab order and have accessible names.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from newsdesk.core.sheet.labels import GROUPS
from newsdesk.gui import kinds


class Legend(QWidget):
    """A row of kind switches naming what each highlight colour and underline means.

    Signal: ``hidden_changed(frozenset)`` — the group keys now switched off.
    """

    hidden_changed = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName(self.tr("Highlight legend"))
        # Two rows of four: one row would set the article pane's minimum width.
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setHorizontalSpacing(14)
        layout.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self._size = size = max(12, self.fontMetrics().height() - 2)
        for index, key in enumerate(GROUPS):
            title = kinds.group_title(key)
            box = QCheckBox(title, self)
            box.setObjectName(f"legend_{key}")
            box.setIcon(kinds.swatch_icon(key, size))
            box.setIconSize(QSize(size, size))
            box.setChecked(True)
            box.setToolTip(
                self.tr("%s are marked like this in the text; untick to hide them") % title
            )
            box.setAccessibleName(self.tr("Show %s") % title)
            box.toggled.connect(self._toggled)
            layout.addWidget(box, index // 4, index % 4)
            self.boxes[key] = box
        layout.setColumnStretch(4, 1)

    def set_dark(self, dark: bool) -> None:
        """Redraw the swatches for a light or dark colour scheme."""
        for key, box in self.boxes.items():
            box.setIcon(kinds.swatch_icon(key, self._size, dark))

    @property
    def hidden(self) -> frozenset[str]:
        """The group keys whose highlights are switched off."""
        return frozenset(key for key, box in self.boxes.items() if not box.isChecked())

    @Slot(bool)
    def _toggled(self, checked: bool) -> None:
        self.hidden_changed.emit(self.hidden)
