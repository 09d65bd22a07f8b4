"""The House Register dialog (``registerDialog``): the desk's names, searched, edited, shared.

Every entry is listed with what it says ("Pfizer is an organisation"), whether
it is in force, who added it and when. Typing in the search box narrows the
list; the "In force" box switches an entry off or on; Add, Edit and Delete
change entries (each change is a new version in the database, and a deletion
keeps the entry's history); Import and Export read and write the CSV a desk
shares its list in. Every change is announced (``register_changed``) so later
stories are read with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.sheet.labels import ENTITY_LABELS
from newsdesk.core.sheet.register import (
    LABEL_WORDS,
    RegisterEntry,
    RegisterError,
    entries_from_csv,
    entries_to_csv,
)
from newsdesk.errors import StorageError
from newsdesk.gui.register.register_model import ENTRY_ROLE, RegisterColumn, RegisterModel
from newsdesk.storage.register import RegisterTable

log = logging.getLogger(__name__)
_T = TypeVar("_T")

_RULES = (("name", "is a name"), ("alias", "is another name for"), ("not_name", "is not a name"))


class RegisterDialog(QDialog):
    """List, search and change the house register of one store (see the module docstring).

    ``editor_name()`` says who makes the changes. ``confirm(question) -> bool``
    asks before a deletion; tests and scripts may replace it.
    """

    register_changed = Signal()

    def __init__(
        self, table: RegisterTable, editor_name: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerDialog")
        self.setWindowTitle(self.tr("House Register"))
        self.table = table
        self._editor_name = editor_name
        self.confirm: Callable[[str], bool] = self._ask
        self.model = RegisterModel(self)
        self.model.toggle_handler = self.set_active
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._build()
        self.reload()
        self.resize(820, 480)

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search names and what the register says"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTreeView(self)
        self.view.setObjectName("registerView")
        self.view.setAccessibleName(self.tr("House register entries"))
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setSortingEnabled(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.sortByColumn(RegisterColumn.WORDS, Qt.SortOrder.AscendingOrder)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RegisterColumn.SAYS, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("&Add…"), "registerAdd", self.add_entry),
            (self.tr("&Edit…"), "registerEdit", self.edit_selected),
            (self.tr("Switch &Off/On"), "registerToggle", self.toggle_selected),
            (self.tr("&Delete"), "registerDelete", self.delete_selected),
            (self.tr("&Import CSV…"), "registerImport", self.choose_import),
            (self.tr("E&xport CSV…"), "registerExport", self.choose_export),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(close)

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the register as stored now."""
        try:
            self.model.set_entries(self.table.entries())
        except StorageError as error:
            self.show_message(str(error))

    def selected(self) -> RegisterEntry | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        entry = self.proxy.data(index, ENTRY_ROLE)
        return entry if isinstance(entry, RegisterEntry) else None

    def select_entry(self, entry_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            entry = self.proxy.data(index, ENTRY_ROLE)
            if isinstance(entry, RegisterEntry) and entry.id == entry_id:
                self.view.setCurrentIndex(index)
                return

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    # -- changing ------------------------------------------------------------------------

    def add(self, entry: RegisterEntry) -> RegisterEntry | None:
        """Keep ``entry`` (typed); ``None`` and a message when it cannot be."""
        return self._change(lambda: self.table.add(entry, editor=self._editor_name()))

    def update_entry(self, entry_id: int, **changes: object) -> RegisterEntry | None:
        return self._change(
            lambda: self.table.update(entry_id, editor=self._editor_name(), **changes)
        )

    def set_active(self, entry: RegisterEntry, active: bool) -> bool:
        if entry.id is None:
            return False
        return self.update_entry(entry.id, active=active) is not None

    def delete(self, entry_id: int) -> bool:
        def remove() -> bool:
            self.table.remove(entry_id, editor=self._editor_name())
            return True

        return self._change(remove) is not None

    def import_csv(self, path: Path | str) -> int | None:
        """Read entries from a CSV file; how many changed the register (``None``: refused)."""
        try:
            entries = entries_from_csv(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as error:
            self.show_message(self.tr("“%s” cannot be read: %s") % (path, error))
            return None
        except RegisterError as error:
            self.show_message(self.tr("Nothing imported. %s") % error)
            return None
        count = self._change(lambda: self.table.add_all(entries, editor=self._editor_name()))
        if count is not None:
            self.show_message(self.tr("%d entries imported from %s.") % (count, Path(path).name))
        return count

    def export_csv(self, path: Path | str) -> bool:
        """Write every entry (switched-off ones too) to a CSV file."""
        try:
            Path(path).write_text(entries_to_csv(self.table.entries()), encoding="utf-8")
        except (OSError, StorageError) as error:
            self.show_message(self.tr("The register could not be written: %s") % error)
            return False
        self.show_message(self.tr("Register written to %s.") % Path(path).name)
        return True

    def _change(self, change: Callable[[], _T]) -> _T | None:
        try:
            result = change()
        except (RegisterError, LookupError, StorageError) as error:
            self.show_message(str(error.args[0]) if error.args else str(error))
            return None
        self.show_message("")
        self.reload()
        self.register_changed.emit()
        return result

    # -- the buttons ---------------------------------------------------------------------

    @Slot()
    def add_entry(self) -> None:
        form = EntryForm(None, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            made = self.add(form.entry())
            if made is not None and made.id is not None:
                self.select_entry(made.id)

    @Slot()
    def edit_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.id is None:
            self.show_message(self.tr("Choose an entry first."))
            return
        form = EntryForm(entry, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            wanted = form.entry()
            self.update_entry(
                entry.id, rule=wanted.rule, name=wanted.name, label=wanted.label,
                target=wanted.target, note=wanted.note,
            )  # fmt: skip

    @Slot()
    def toggle_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            self.show_message(self.tr("Choose an entry first."))
            return
        self.set_active(entry, not entry.active)

    @Slot()
    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.id is None:
            self.show_message(self.tr("Choose an entry first."))
            return
        if self.confirm(self.tr("Delete “%s” from the house register?") % entry.says()):
            self.delete(entry.id)

    @Slot()
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import House Register"), "", self.tr("CSV files (*.csv)")
        )
        if path:
            self.import_csv(path)

    @Slot()
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export House Register"), "house-register.csv",
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_csv(path)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("House Register"), question)
        return answer == QMessageBox.StandardButton.Yes


class EntryForm(QDialog):
    """One entry's fields: the words, the rule, the label, the name an alias stands for."""

    def __init__(self, entry: RegisterEntry | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerEntryForm")
        self.setWindowTitle(self.tr("House Register Entry"))
        self.words = QLineEdit(entry.name if entry else "", self)
        self.rule = QComboBox(self)
        for key, text in _RULES:
            self.rule.addItem(self.tr(text), key)
        self.label = QComboBox(self)
        for label in ENTITY_LABELS:
            self.label.addItem(LABEL_WORDS.get(label, label), label)
        self.target = QLineEdit(entry.target or "" if entry else "", self)
        self.note = QLineEdit(entry.note if entry else "", self)
        if entry is not None:
            self.rule.setCurrentIndex(max(0, self.rule.findData(entry.rule)))
            if entry.label:
                self.label.setCurrentIndex(max(0, self.label.findData(entry.label)))
        form = QFormLayout(self)
        form.addRow(self.tr("&Words"), self.words)
        form.addRow(self.tr("&Rule"), self.rule)
        form.addRow(self.tr("&Label"), self.label)
        form.addRow(self.tr("&Stands for"), self.target)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()

    def _rule_changed(self, *_: object) -> None:
        rule = self.rule.currentData()
        self.label.setEnabled(rule != "not_name")
        self.target.setEnabled(rule == "alias")

    def entry(self) -> RegisterEntry:
        rule = self.rule.currentData()
        return RegisterEntry(
            rule=rule,
            name=self.words.text(),
            label=self.label.currentData() if rule != "not_name" else None,
            target=self.target.text() if rule == "alias" else None,
            note=self.note.text().strip(),
            source="typed",
        )
