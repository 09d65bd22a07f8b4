"""The fact editor (objectName ``factEditor``): every editable field of one fact.

A name's wording and kind; a figure's value, bounds, hedge, kind, unit,
counted noun, change and source; a date's value; a quote's speaker; a note
for any fact. OK checks every value first: a refused one is explained in the
dialog, which stays open with everything typed; nothing is changed until all
values are good, and then all changes are one undoable correction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.output.wording import format_number
from newsdesk.core.sheet.kinds import kind_of
from newsdesk.core.sheet.labels import ENTITY_LABELS
from newsdesk.core.sheet.model import CHANGES, FIGURE_KINDS, QUALIFIERS, Entity, Fact, FactSheet
from newsdesk.core.work.values import EditError, parse_value
from newsdesk.gui.facts.facts_model import status_text
from newsdesk.gui.plain import plain_label

Submit = Callable[[str, dict[str, object]], bool]

_LABELS = {
    "name": "&Name:",
    "label": "&Kind of name:",
    "value": "&Value:",
    "low": "&Low:",
    "high": "&High:",
    "qualifier": "&Hedge:",
    "kind": "&Kind:",
    "unit": "&Unit:",
    "counted": "&Counted:",
    "change": "C&hange:",
    "source": "&Source:",
    "speaker": "&Speaker:",
    "note": "N&ote:",
}


class FactEditorDialog(QDialog):
    """Edits one fact of ``sheet``; OK hands the changed fields to ``submit(fact_id, values)``.

    ``submit`` returns ``False`` when it refused the values (it says why); the
    dialog then stays open.
    """

    def __init__(self, sheet: FactSheet, fact: Fact, submit: Submit, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("factEditor")
        self.setWindowTitle(self.tr("Edit fact — %s") % fact.title[:60])
        self.setAccessibleName(self.tr("Edit fact"))
        self._fact = fact
        self._submit = submit
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self._initial: dict[str, object] = {}

        form = QFormLayout()
        words = plain_label(fact.title[:200], self)
        words.setWordWrap(True)
        form.addRow(self.tr("Words:"), words)
        for name in kind_of(fact).editable:
            widget = self._widget(sheet, name)
            widget.setObjectName(f"field_{name}")
            widget.setAccessibleName(_LABELS[name].replace("&", "").rstrip(":"))
            self.fields[name] = widget
            self._initial[name] = self._read(name)
            form.addRow(self.tr(_LABELS[name]), widget)
        checked = status_text(fact.status)
        if fact.checked_by or fact.checked_at:
            checked += f" — {fact.checked_by or '?'}, {fact.checked_at or '?'}"
        form.addRow(self.tr("Status:"), plain_label(checked, self))
        if fact.extracted:
            shown = ", ".join(f"{k} {_extracted(sheet, k, v)}" for k, v in fact.extracted.items())
            form.addRow(self.tr("Extracted:"), plain_label(shown, self))
        if isinstance(fact, Entity) and fact.register is not None:
            reason = plain_label(fact.register.reason(), self)
            reason.setObjectName("factRegisterReason")
            reason.setWordWrap(True)
            form.addRow(self.tr("Why:"), reason)

        self.error_label = plain_label("", self)
        self.error_label.setObjectName("factEditorError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #D1453B;")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _widget(self, sheet: FactSheet, name: str) -> QLineEdit | QComboBox:
        value = getattr(self._fact, name)
        choices: list[tuple[str, str]] | None = None
        if name == "label":
            choices = [(label, label) for label in ENTITY_LABELS]
        elif name == "qualifier":
            choices = [(q.replace("_", " "), q) for q in QUALIFIERS]
        elif name == "kind":
            choices = [(k, k) for k in FIGURE_KINDS]
        elif name == "change":
            choices = [(self.tr("(none)"), ""), *((c, c) for c in CHANGES)]
        elif name in ("source", "speaker"):
            choices = [(self.tr("(nobody)"), ""), *((e.name, e.id) for e in sheet.entities)]
        if choices is not None:
            combo = QComboBox(self)
            for text, data in choices:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(value or ""), 0))
            return combo
        edit = QLineEdit(_shown(value), self)
        return edit

    def _read(self, name: str) -> object:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        return widget.text()

    def values(self) -> dict[str, object]:
        """The fields the editor changed, as typed or picked."""
        return {
            name: self._read(name)
            for name in self.fields
            if self._read(name) != self._initial[name]
        }

    def accept(self) -> None:
        values = self.values()
        try:
            for name, raw in values.items():
                parse_value(self._fact, name, raw)
        except EditError as error:
            self.show_error(str(error))
            return
        if values and not self._submit(self._fact.id, values):
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.error_label.setFocus(Qt.FocusReason.OtherFocusReason)


def _extracted(sheet: FactSheet, name: str, value: object) -> str:
    """An extracted value as the editor knows it: a speaker or source by name, not id."""
    if name in ("source", "speaker"):
        entity = sheet.entity(value if isinstance(value, str) else None)
        return entity.name if entity is not None else _shown(value) or "nobody"
    return _shown(value)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(value).replace(",", "")
    return str(value)
