"""The article editor: plain text in, cleaned on the way in, facts marked on it.

Whatever is pasted or dropped goes through :func:`newsdesk.core.article.wire.clean_text`
first, so the editor's text *is* the article text and every fact offset
matches it. Highlights come from :class:`~newsdesk.gui.article.highlighter.FactHighlighter`;
"show me where" marks are ``ExtraSelection`` s that vanish on the next edit.

Undo and redo keys are handed on (``undo_requested``): the story session's
one history holds text edits and fact corrections in the order they were made,
so the document keeps no undo history of its own; what the session changes
itself comes back through :meth:`ArticleEditor.apply_change`.
Hovering over a highlight shows what ``describe_fact`` says about its fact.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPoint, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from newsdesk.core.article.reading import html_to_text
from newsdesk.core.article.wire import clean_text
from newsdesk.gui.article.highlighter import FactHighlighter
from newsdesk.gui.article.offsets import OffsetMap
from newsdesk.gui.plain import plain_tooltip

log = logging.getLogger(__name__)

SCRIPT_FALLBACKS: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans Hebrew",
    "DejaVu Sans",
    "Segoe UI",
    "Tahoma",
    "Arial",
    "Geeza Pro",
)

OBJECT_CHARACTER = "\ufffc"  # what rich text leaves where an image or object stood


class ArticleEditor(QPlainTextEdit):
    """A ``QPlainTextEdit`` for wire copy (objectName ``articleEditor``).

    Signals: ``position_clicked(int)`` — the user put the caret on a Qt
    position (a click or the keyboard) with nothing selected; ``files_dropped(list)``
    — files were dropped on the editor (their paths), for the window to open.
    """

    position_clicked = Signal(int)
    files_dropped = Signal(list)
    undo_requested = Signal()
    redo_requested = Signal()
    context_menu_requested = Signal(QMenu, int)  # the menu to add to, and the Qt position

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
        # Copy quotes Arabic, Hebrew, Cyrillic…: name fonts that have those scripts
        # after the system's own, so no letter is drawn as a box when the system
        # font lacks it (Qt then takes each character from the first that has it).
        font.setFamilies([font.family(), *SCRIPT_FALLBACKS])
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.document().setUndoRedoEnabled(False)  # the story session keeps the history
        self.highlighter = FactHighlighter(self.document(), self)
        self._showing = False  # set while the window moves the caret itself
        self.describe_fact: Callable[[str], str] | None = None
        # Asked before a paste goes in: (cleaned text, Python start, end) -> go ahead?
        self.paste_guard: Callable[[str, int, int], bool] | None = None
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
            # Our own reading of the HTML: Qt's puts U+FFFC where an image stood.
            raw = html_to_text(source.html())
        else:
            return
        cleaned = clean_text(raw.replace(OBJECT_CHARACTER, ""))
        if not cleaned:
            return
        if self.paste_guard is not None:
            offsets = OffsetMap(self.toPlainText())
            cursor = self.textCursor()
            start = offsets.to_python(cursor.selectionStart())
            end = offsets.to_python(cursor.selectionEnd())
            if not self.paste_guard(cleaned, start, end):
                return
        self.insertPlainText(cleaned)

    def text(self) -> str:
        """The article text (what the editor shows)."""
        return self.toPlainText()

    def apply_change(self, start: int, end: int, inserted: str) -> None:
        """Make Python indices ``[start, end)`` of the text read ``inserted`` (undo, redo, open).

        One edit of the document (``setPlainText`` would report a clearing and
        then an insertion), with the caret after it and the view following, as
        an editor's own undo does.
        """
        offsets = OffsetMap(self.toPlainText())
        cursor = QTextCursor(self.document())
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(inserted)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # -- undo, menus and hover ------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The document's own undo would bypass the window's one undo stack.
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu without the document's own undo, plus the window's fact actions."""
        menu = self.createStandardContextMenu(point)
        for action in menu.actions():
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        first = menu.actions()[0] if menu.actions() else None
        if first is not None and first.isSeparator():
            menu.removeAction(first)
        self.context_menu_requested.emit(menu, self.cursorForPosition(point).position())
        return menu

    def tooltip_at(self, point: QPoint) -> str | None:
        """What hovering at viewport ``point`` tells: the kind and value of the fact there."""
        position = self.cursorForPosition(point).position()
        span = self.highlighter.span_at(position)
        if span is None or self.describe_fact is None:
            return None
        return self.describe_fact(span.fact_id) or None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def python_selection(self) -> tuple[int, int] | None:
        """The selected text as Python indices ``[start, end)``, or ``None``."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = OffsetMap(self.toPlainText())
        return offsets.to_python(cursor.selectionStart()), offsets.to_python(cursor.selectionEnd())

    def python_caret(self) -> int:
        """The caret as a Python index into the text."""
        return OffsetMap(self.toPlainText()).to_python(self.textCursor().position())

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
