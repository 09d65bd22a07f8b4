"""The article editor: plain text in, cleaned on the way in, facts marked on it.

Whatever is pasted or dropped goes through :func:`newsdesk.core.wire.clean_text`
first, so the editor's text *is* the article text and every fact offset
matches it. Highlights come from :class:`~newsdesk.gui.highlighter.FactHighlighter`;
"show me where" marks are ``ExtraSelection`` s that vanish on the next edit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from newsdesk.core.wire import clean_text
from newsdesk.gui.highlighter import FactHighlighter
from newsdesk.gui.offsets import OffsetMap

log = logging.getLogger(__name__)


class ArticleEditor(QPlainTextEdit):
    """A ``QPlainTextEdit`` for wire copy (objectName ``articleEditor``).

    Signals: ``position_clicked(int)`` — the user put the caret on a Qt
    position (a click or the keyboard) with nothing selected; ``files_dropped(list)``
    — files were dropped on the editor (their paths), for the window to open.
    """

    position_clicked = Signal(int)
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.setAccessibleName(self.tr("Article text"))
        self.setAccessibleDescription(
            self.tr("The story being checked; names, figures and dates are highlighted.")
        )
        self.setPlaceholderText(self.tr("Paste wire copy here, or open a file (File › Open…)."))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        # The margin change is itself an undo step; Undo must start with the text.
        self.document().clearUndoRedoStacks()
        self.highlighter = FactHighlighter(self.document(), self)
        self._showing = False  # set while the window moves the caret itself
        self.cursorPositionChanged.connect(self._caret_moved)
        self.document().contentsChange.connect(self._clear_marks)

    # -- text in -----------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop: files go to the window, text is cleaned first."""
        files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
        if files:
            self.files_dropped.emit(files)
            return
        if source.hasText():
            raw = source.text()
        elif source.hasHtml():
            raw = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        else:
            return
        cleaned = clean_text(raw)
        if cleaned:
            self.insertPlainText(cleaned)

    def text(self) -> str:
        """The article text (what the editor shows)."""
        return self.toPlainText()

    # -- showing facts -------------------------------------------------------------

    def show_span(self, start: int, end: int) -> None:
        """Select Python indices ``[start, end)`` of the text and scroll to them."""
        offsets = OffsetMap(self.toPlainText())
        self.show_qt_range(offsets.to_qt(start), offsets.to_qt(end))

    def show_qt_range(self, start: int, end: int, marks: Sequence[tuple[int, int]] = ()) -> None:
        """Select Qt positions ``[start, end)``, scroll there and mark ``marks`` too.

        The marks are ``ExtraSelection`` s (other mentions of the same fact);
        they go away with the next edit or the next call.
        """
        length = self.document().characterCount() - 1
        start, end = max(0, min(start, length)), max(0, min(end, length))
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        self._showing = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._showing = False
        self.centerCursor()
        self.setExtraSelections([self._mark(a, b) for a, b in [(start, end), *marks]])

    def clear_marks(self) -> None:
        if self.extraSelections():
            self.setExtraSelections([])

    def _mark(self, start: int, end: int) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(90)
        fmt.setBackground(highlight)
        selection.format = fmt
        return selection

    @Slot(int, int, int)
    def _clear_marks(self, position: int = 0, removed: int = 0, added: int = 0) -> None:
        self.clear_marks()

    @Slot()
    def _caret_moved(self) -> None:
        if self._showing:
            return
        self.clear_marks()  # the editor has moved on from "show me where"
        if not self.textCursor().hasSelection():
            self.position_clicked.emit(self.textCursor().position())
