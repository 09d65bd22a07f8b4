"""The window's central area: the article over its legend | the facts over the history and checks.

The lower right holds two tabs, History and the desk's Checks, so the article
and the facts keep the window's full height at 1280×800.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from newsdesk.gui.article.article_editor import ArticleEditor
from newsdesk.gui.article.legend import Legend
from newsdesk.gui.facts.facts_panel import FactsPanel
from newsdesk.gui.history.history_view import HistoryView


class Workspace(QSplitter):
    """Builds and lays out the editor, legend, facts panel and history list.

    Proportions suit a 1280×800 window: a comfortable reading column for the
    story, and enough room on the right for a fact, its value and its source.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workspace")
        self.editor = ArticleEditor(self)
        self.legend = Legend(self)
        self.facts_panel = FactsPanel(self)
        self.history_view = HistoryView(self)

        left = QWidget(self)
        self._left_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.legend)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(_titled(self.tr("&Facts"), self.facts_panel.view, self.facts_panel))
        self.lower_tabs = QTabWidget(right)
        self.lower_tabs.setObjectName("lowerTabs")
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.setAccessibleName(self.tr("History and checks"))
        self.lower_tabs.tabBar().setAccessibleName(self.tr("History and checks"))
        self.lower_tabs.addTab(self.history_view, self.tr("&History"))
        right.addWidget(self.lower_tabs)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        right.setSizes([560, 180])
        self.facts_panel.set_column_widths(155, 140, 125)

        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([660, 620])
        self.setChildrenCollapsible(False)
        self.setContentsMargins(6, 6, 6, 0)

    def add_lower_tab(self, widget: QWidget, title: str) -> None:
        """Put ``widget`` (the Checks panel) in a tab beside the history."""
        self.lower_tabs.addTab(widget, title)

    def show_lower_tab(self, widget: QWidget) -> None:
        self.lower_tabs.setCurrentWidget(widget)

    def place_above_article(self, widget: QWidget) -> None:
        """Put ``widget`` (the story-date line) above the article, near its headline."""
        self._left_layout.insertWidget(0, widget)


def _titled(title: str, buddy: QWidget, widget: QWidget) -> QWidget:
    """``widget`` under a small bold heading whose mnemonic focuses ``buddy``."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    label = QLabel(title, box)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
