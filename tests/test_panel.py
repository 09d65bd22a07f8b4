"""The facts panel at the default 1280×800: every cell readable, status in one click.

The desk's complaints, each as a check: the status cell was clipped and took
three clicks, the source was cut at its end, empty groups showed, a filtered
group kept its full count, money hid its change arrow, and the comparison of
two versions showed the same quote twice with the change only in a tooltip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.output.diff import diff_sheets
from newsdesk.core.sheet.model import Article, Entity, FactSheet, Figure, Mention, Quote
from newsdesk.gui.facts.facts_model import Column, FactsModel
from newsdesk.gui.facts.facts_panel import FactsPanel
from newsdesk.gui.history.diff_model import DiffColumn, DiffModel
from newsdesk.gui.main_window import MainWindow
from tests.gui_helpers import STORY, FakeExtractor, find_fact_in_tree, set_editor_name
from tests.test_gui import analysed, tree_texts


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    set_editor_name()
    built = build_main_window(tmp_path / "desk.db", extractor_loader=FakeExtractor)
    built.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(built)
    built.show()  # 1280×800 by default
    analysed(qtbot, built, STORY + " The Syrian Observatory for Human Rights said 40 died.")
    yield built
    built.shutdown()


def test_the_panel_reads_at_1280_by_800_without_scrolling_sideways(window: MainWindow) -> None:
    assert (window.width(), window.height()) == (1280, 800)
    view = window.facts_panel.view
    assert view.header().length() <= view.viewport().width()
    metrics = view.fontMetrics()
    status_room = view.columnWidth(Column.STATUS) - 16  # the mark beside the word
    assert status_room > metrics.horizontalAdvance("unverified")


def test_a_long_list_with_a_scroll_bar_still_never_scrolls_sideways(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Sixty figures need the vertical scroll bar; the Note column gives up its room."""
    many = " ".join(f"Crews counted {n} sandbags at dawn." for n in range(100, 160))
    analysed(qtbot, window, STORY + "\n\n" + many)
    view = window.facts_panel.view
    view.expandAll()
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())
    assert view.header().length() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def test_empty_groups_are_hidden_and_counts_follow_the_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown = tree_texts(window.facts_panel.view)
    assert list(shown) == ["People (2)", "Figures (3)"]  # no "Other (0)", no "Quotes (0)"
    qtbot.keyClicks(window.facts_panel.filter_edit, "300")
    assert tree_texts(window.facts_panel.view) == {"Figures (1 of 3)": ["300"]}


def test_one_click_on_the_status_offers_the_statuses(qtbot: QtBot, window: MainWindow) -> None:
    view = window.facts_panel.view
    index = find_fact_in_tree(view, "f2", Column.STATUS)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )

    menu = next(m for m in view.findChildren(QMenu) if m.objectName() == "statusMenu")
    assert menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "verified\tV" and texts[1] == "disputed\tD"
    next(a for a in menu.actions() if a.objectName() == "status_disputed").trigger()
    assert window.facts_panel.model.index_of("f2", Column.STATUS).data() == "disputed"
    window.session.undo()
    assert window.facts_panel.model.index_of("f2", Column.STATUS).data() == "unverified"


def test_a_long_source_is_elided_in_the_middle_and_whole_in_its_tooltip(
    qtbot: QtBot,
) -> None:
    text = "The Syrian Observatory for Human Rights said 40 people died."
    observatory = Entity("e1", "ORG", "Syrian Observatory for Human Rights", [Mention(4, 39, "")])
    sheet = FactSheet(
        Article(text),
        entities=[observatory],
        figures=[Figure("f1", "40", 45, 47, kind="count", value=40, source="e1")],
    )
    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.set_sheet(sheet)
    model = panel.model
    cell = model.index_of("f1", Column.SOURCE)
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)  # plain text, never read as markup
    assert "Syrian Observatory for Human Rights" in tooltip

    def elided(column: int) -> Qt.TextElideMode:
        index = panel.proxy.mapFromSource(model.index_of("f1", column))
        option = QStyleOptionViewItem()
        option.textElideMode = Qt.TextElideMode.ElideRight  # what the view starts a cell with
        panel.view.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
        return option.textElideMode

    assert elided(Column.SOURCE) == Qt.TextElideMode.ElideMiddle
    assert elided(Column.VALUE) == Qt.TextElideMode.ElideRight  # the hedge leads there


def test_money_shows_its_hedge_and_change_first(qtbot: QtBot) -> None:
    text = "Exports rose by more than $1.2bn last year."
    figure = Figure(
        "f1", "more than $1.2bn", 16, 32, kind="money", value=1.2e9, low=1.2e9,
        qualifier="more_than", change="up", unit="USD",
    )  # fmt: skip
    model = FactsModel()
    model.set_sheet(FactSheet(Article(text), figures=[figure]))
    assert model.index_of("f1", Column.VALUE).data() == "↑ > 1,200,000,000 USD"


def test_the_comparison_shows_the_changed_speaker_in_both_columns(qtbot: QtBot) -> None:
    text = '"We are looking for common ground," he said.'
    people = [
        Entity("e1", "PERSON", "Barack Obama", [Mention(0, 0, "")]),
        Entity("e2", "PERSON", "John Kerry", [Mention(0, 0, "")]),
    ]
    quote = Quote("q1", text[:37], 0, 37, speaker="e1")
    old = FactSheet(Article(text), entities=people, quotes=[quote])
    new = FactSheet.from_dict(old.to_dict())
    new.quotes[0].speaker = "e2"
    model = DiffModel()
    model.set_diff(diff_sheets(old, new), old, new)

    row = next(r for r in range(model.rowCount()) if model.change(r).kind == "quote")  # type: ignore[union-attr]
    before = model.index(row, DiffColumn.OLD).data()
    after = model.index(row, DiffColumn.NEW).data()
    assert "speaker: Barack Obama" in before and "speaker: John Kerry" in after
    assert QModelIndex() != model.index(row, DiffColumn.CHANGE)
