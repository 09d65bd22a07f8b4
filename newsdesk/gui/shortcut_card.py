"""The shortcut card (objectName ``shortcutCard``): every key newsdesk answers to.

Built from the window's actions themselves, so it can never disagree with
them: each action with a shortcut, its keys in the platform's notation, and
whether it works anywhere or only in the facts list (the one-key verification
pass). Help › Keyboard Shortcuts (F1) shows it, non-modal, beside the work.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class ShortcutCard(QDialog):
    """A non-modal card listing the shortcuts of ``window``'s actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutCard")
        self.setWindowTitle(self.tr("Keyboard shortcuts — newsdesk"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self._window = window
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Shortcut list"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def rows(self) -> list[tuple[str, str, str]]:
        """(what, keys, where) for every action with a shortcut."""
        rows = []
        seen: set[str] = set()
        for action in self._window.findChildren(QAction):
            keys = action.shortcuts()
            if not keys or not action.objectName() or action.objectName() in seen:
                continue
            seen.add(action.objectName())
            text = action.text().replace("&", "").rstrip("…")
            shown = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
            scoped = action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
            rows.append((text, shown, self.tr("facts list") if scoped else self.tr("anywhere")))
        rows.sort(key=lambda row: (row[2] != self.tr("facts list"), row[0]))
        return rows

    def refresh(self) -> None:
        cells = "".join(
            f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td>"
            f"<td>{html.escape(where)}</td></tr>"
            for what, keys, where in self.rows()
        )
        self.browser.setHtml(
            "<h3>" + html.escape(self.tr("Verification pass")) + "</h3><p>"
            + html.escape(self.tr(
                "F7 starts a pass in the facts list: V verifies and moves on, D disputes, "
                "E edits, Enter shows the fact in the text, N and P move."
            ))
            + "</p><table cellpadding='3'>"
            + f"<tr><th align='left'>{html.escape(self.tr('Action'))}</th>"
            + f"<th align='left'>{html.escape(self.tr('Keys'))}</th>"
            + f"<th align='left'>{html.escape(self.tr('Where'))}</th></tr>"
            + cells + "</table>"
        )  # fmt: skip
