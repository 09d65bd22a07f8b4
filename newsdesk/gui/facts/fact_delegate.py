"""Editors for the facts tree's cells: a status list, a list of names, plain text.

The status cell offers the four statuses and the source / speaker cell the
story's names (or none); every other editable cell is a line edit. What the
editor picks goes to :meth:`FactsModel.setData`, which hands it to the
window's undoable corrections.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from newsdesk.core.sheet.model import STATUSES
from newsdesk.gui.facts.facts_model import FactsModel, status_text
from newsdesk.gui.table_model import AnyIndex


class FactDelegate(QStyledItemDelegate):
    """Combo boxes for status and source cells, line edits elsewhere."""

    def __init__(self, model: FactsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def _field(self, index: AnyIndex) -> str | None:
        source = index
        model = index.model()
        # The view shows the model through a proxy: find the fact cell underneath.
        while model is not None and model is not self._model and hasattr(model, "mapToSource"):
            source = model.mapToSource(source)
            model = source.model()
        return self._model.field_of(source)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        field = self._field(index)
        if field == "status":
            combo = QComboBox(parent)
            combo.setAccessibleName(self.tr("Status"))
            for status in STATUSES:
                combo.addItem(status_text(status), status)
            return combo
        if field in ("source", "speaker"):
            combo = QComboBox(parent)
            combo.setAccessibleName(self.tr("Source"))
            combo.addItem(self.tr("(nobody)"), "")
            sheet = self._model.sheet
            for entity in sheet.entities if sheet is not None else []:
                combo.addItem(entity.name, entity.id)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class SourceDelegate(FactDelegate):
    """The source / speaker column's: a long name is cut in the middle.

    "Syrian Obs…Rights" says more than "Syrian Obser…"; the tooltip has it all. Only
    this column's delegate overrides ``initStyleOption``: called for every painted cell,
    a Python override made painting a long story's facts slow.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
