"""The dialog asked before printing or exporting a PDF: layout, facts, notes, article, changes.

It only collects choices; :meth:`PrintOptionsDialog.options` turns them into a
:class:`~newsdesk.core.output.render.RenderOptions`, loading the compared version
through the callable it is given (the story's store).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from newsdesk.core.output.render import LAYOUTS, RenderOptions
from newsdesk.core.sheet.model import STATUSES, FactSheet
from newsdesk.core.work.session import StorySession
from newsdesk.errors import StorageError
from newsdesk.storage import Store, VersionInfo


class PrintOptionsDialog(QDialog):
    """Choose what the printed sheet shows; Enter accepts the defaults (everything)."""

    def __init__(
        self,
        parent: QWidget | None,
        versions: Sequence[VersionInfo] = (),
        current: int | None = None,
        *,
        paper: bool = False,
        story: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle(self.tr("Fact sheet options"))
        self._story = story
        # The desk sheet leads with the claims on one page; the full sheet lists every fact.
        self.layout_choice = QComboBox(self)
        self.layout_choice.setObjectName("printLayout")
        self.layout_choice.setAccessibleName(self.tr("Layout"))
        layout_titles = {
            "desk": self.tr("Desk sheet (claims first, one page)"),
            "full": self.tr("Full sheet (every fact with its sentence)"),
        }
        for layout in LAYOUTS:
            self.layout_choice.addItem(layout_titles[layout], layout)
        titles = {
            "unverified": self.tr("Unverified"),
            "verified": self.tr("Verified"),
            "disputed": self.tr("Disputed"),
            "corrected": self.tr("Corrected"),
        }
        self.status_boxes: dict[str, QCheckBox] = {}
        statuses = QHBoxLayout()
        for status in STATUSES:
            box = QCheckBox(titles[status], self)
            box.setChecked(True)
            self.status_boxes[status] = box
            statuses.addWidget(box)
        self.notes = QCheckBox(self.tr("Include editors' notes"), self)
        self.notes.setChecked(True)
        self.article = QCheckBox(self.tr("Add the article with the facts marked"), self)
        self.compare = QComboBox(self)
        self.compare.setAccessibleName(self.tr("Mark changes since"))
        self.compare.addItem(self.tr("Nothing (no change marks)"), None)
        for version in versions:
            if version.number != current:
                self.compare.addItem(self.tr("Version %d") % version.number, version.number)
        self.compare.setEnabled(self.compare.count() > 1)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.setVisible(paper)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Layout"), self.layout_choice)
        form.addRow(self.tr("Facts that are"), statuses)
        form.addRow("", self.notes)
        form.addRow("", self.article)
        form.addRow(self.tr("Mark changes since"), self.compare)
        if paper:
            form.addRow(self.tr("Paper"), self.paper)
        form.addRow(buttons)

    def page_size(self) -> str:
        """``"a4"`` or ``"letter"``."""
        return str(self.paper.currentData())

    def options(self, load: Callable[[int], FactSheet]) -> RenderOptions:
        """The choices as render options; ``load(n)`` reads version ``n`` to compare with."""
        chosen = frozenset(s for s, box in self.status_boxes.items() if box.isChecked())
        number = self.compare.currentData()
        return RenderOptions(
            statuses=None if len(chosen) == len(STATUSES) else chosen,
            include_notes=self.notes.isChecked(),
            include_article=self.article.isChecked(),
            compare_to=load(number) if number is not None else None,
            compare_version=number,
            layout=self.layout_choice.currentData(),
            story=self._story,
        )


def ask_print_options(
    parent: QWidget, store: Store, session: StorySession, *, paper: bool = False
) -> PrintOptionsDialog | None:
    """Show the dialog for the session's story; the accepted dialog, or ``None`` if cancelled."""
    slug = session.story
    try:
        versions = store.versions(slug) if slug else []
    except StorageError:
        versions = []  # change marks need the history; print without them
    current = session.version.number if session.version else None
    dialog = PrintOptionsDialog(parent, versions, current, paper=paper, story=slug)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog
