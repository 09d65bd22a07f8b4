"""One saved version, read-only, as it would print (``versionDialog``), with Restore and Compare."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.output.render import sheet_to_html
from newsdesk.core.sheet.model import FactSheet
from newsdesk.gui.plain import plain_label
from newsdesk.storage import VersionInfo


class VersionDialog(QDialog):
    """Shows a saved version's fact sheet; nothing in it can be edited.

    Signals: ``restore_requested(int)`` and ``compare_requested(int)`` with the
    version number, when the editor presses Restore or Compare.
    """

    restore_requested = Signal(int)
    compare_requested = Signal(int)

    def __init__(
        self,
        sheet: FactSheet,
        version: VersionInfo,
        *,
        is_latest: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("versionDialog")
        self.version = version
        self.setWindowTitle(
            self.tr("Version %d of %s (read-only)") % (version.number, version.story)
        )
        when = version.created_at.astimezone().strftime("%d %b %Y %H:%M")
        who = self.tr(" by %s") % version.editor if version.editor else ""
        heading = self.tr("Version %d, saved %s%s") % (version.number, when, who)
        if version.message:
            heading += f" — {version.message}"
        self.heading = plain_label(heading, self)
        self.heading.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("versionView")
        self.browser.setAccessibleName(self.tr("Saved fact sheet"))
        self.browser.setOpenLinks(False)
        self.browser.setHtml(
            sheet_to_html(
                sheet,
                version=version.number,
                saved_by=version.editor or None,
                saved_at=version.created_at,
            )
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore as New Version"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(not is_latest)
        self.restore_button.setToolTip(
            self.tr("Save this version again as the newest one; nothing is overwritten.")
        )
        self.compare_button = QPushButton(self.tr("&Compare with Newest"), self)
        self.compare_button.setEnabled(not is_latest)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.compare_button.clicked.connect(self._compare)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 720)

    def _restore(self) -> None:
        self.restore_requested.emit(self.version.number)
        self.accept()

    def _compare(self) -> None:
        self.compare_requested.emit(self.version.number)
