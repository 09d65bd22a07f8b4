"""Compare two versions of a story, fact by fact, side by side (``diffDialog``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.output.diff import diff_sheets
from newsdesk.errors import StorageError
from newsdesk.gui.history.diff_model import DiffColumn, DiffModel
from newsdesk.gui.plain import plain_label
from newsdesk.storage import Store, VersionInfo

log = logging.getLogger(__name__)


class DiffDialog(QDialog):
    """Two version pickers over a :class:`DiffModel` table.

    Choosing another version in either picker compares again. The summary line
    says "2 added · 1 removed · 3 changed (1 status)" and whether the text changed.
    """

    def __init__(
        self,
        store: Store,
        slug: str,
        old: int,
        new: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self.store = store
        self.slug = slug
        self.setWindowTitle(self.tr("Compare versions — %s") % slug)
        self.model = DiffModel(self)

        self.old_box = QComboBox(self)
        self.old_box.setObjectName("diffOldVersion")
        self.old_box.setAccessibleName(self.tr("Earlier version"))
        self.new_box = QComboBox(self)
        self.new_box.setObjectName("diffNewVersion")
        self.new_box.setAccessibleName(self.tr("Later version"))
        self.summary = plain_label("", self)
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.unchanged = QCheckBox(self.tr("Show &unchanged facts"), self)
        self.view = QTreeView(self)
        self.view.setObjectName("diffView")
        self.view.setAccessibleName(self.tr("Differences"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(False)  # the tints carry the meaning
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setSectionResizeMode(DiffColumn.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DiffColumn.OLD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DiffColumn.NEW, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DiffColumn.CHANGE, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        pickers = QHBoxLayout()
        old_label = QLabel(self.tr("&From"), self)
        old_label.setBuddy(self.old_box)
        new_label = QLabel(self.tr("&to"), self)
        new_label.setBuddy(self.new_box)
        pickers.addWidget(old_label)
        pickers.addWidget(self.old_box, 1)
        pickers.addWidget(new_label)
        pickers.addWidget(self.new_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.unchanged)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(980, 560)

        self._versions: list[VersionInfo] = []
        self._fill(old, new)
        self.old_box.currentIndexChanged.connect(self.compare)
        self.new_box.currentIndexChanged.connect(self.compare)
        self.unchanged.toggled.connect(self.model.set_show_unchanged)
        self.compare()

    def set_versions(self, old: int, new: int) -> None:
        """Compare version ``old`` with version ``new``."""
        self.old_box.setCurrentIndex(self._row_of(old))
        self.new_box.setCurrentIndex(self._row_of(new))

    @Slot()
    def compare(self) -> None:
        """Load the two chosen versions and show what changed between them."""
        old = self.old_box.currentData()
        new = self.new_box.currentData()
        if old is None or new is None:
            return
        try:
            before = self.store.load_version(self.slug, old)
            after = self.store.load_version(self.slug, new)
        except (StorageError, LookupError) as error:
            self.model.set_diff(None)
            self.summary.setText(str(error))
            return
        diff = diff_sheets(before, after)
        labels = (self.tr("Version %d") % old, self.tr("Version %d") % new)
        self.model.set_diff(diff, before, after, labels=labels)
        text = diff.summary()
        if diff.text_changed:
            text += " — " + self.tr("the article text changed")
        self.summary.setText(text)

    def _fill(self, old: int, new: int) -> None:
        try:
            self._versions = self.store.versions(self.slug)
        except StorageError as error:
            self.summary.setText(str(error))
            return
        for box in (self.old_box, self.new_box):
            box.blockSignals(True)
            for version in self._versions:
                when = version.created_at.astimezone().strftime("%d %b %H:%M")
                label = f"{version.number} — {when}"
                if version.message:
                    label += f" — {version.message}"
                box.addItem(label, version.number)
            box.blockSignals(False)
        self.old_box.setCurrentIndex(self._row_of(old))
        self.new_box.setCurrentIndex(self._row_of(new))

    def _row_of(self, number: int) -> int:
        return next((i for i, v in enumerate(self._versions) if v.number == number), 0)
