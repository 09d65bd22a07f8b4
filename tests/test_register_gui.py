"""The house register in the real window: corrections are recorded, undo takes them back,
later stories are read with them and say why, and the House Register dialog edits them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.extract import Extractor
from newsdesk.core.sheet.register import RegisterEntry
from newsdesk.gui.facts.fact_editor import FactEditorDialog
from newsdesk.gui.facts.facts_model import Column
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.register.register_dialog import RegisterDialog
from newsdesk.gui.register.register_model import RegisterColumn
from tests.gui_helpers import EDITOR, set_editor_name

STORY = (
    "Retailer warns on profit\n\n"
    "LONDON (Reuters) - Ted Baker said on Monday profit would fall. Ted Baker "
    "dropped 9% in London, and analysts at Numis cut their forecasts."
)
LATER = (
    "Retailer finds buyer\n\n"
    "LONDON (Reuters) - Ted Baker agreed to be bought on Friday, its board said."
)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, extractor: Extractor) -> Iterator[MainWindow]:
    set_editor_name()
    # Its own extractor on the shared pipeline: the register must not leak into other tests.
    own = Extractor(extractor.nlp)
    built = build_main_window(tmp_path / "desk.db", extractor_loader=lambda: own)
    built.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(built)
    qtbot.waitUntil(lambda: built.analysis.ready)
    yield built
    built.shutdown()


def analyse(qtbot: QtBot, window: MainWindow, text: str) -> None:
    with qtbot.waitSignal(window.analysis_finished, timeout=30_000):
        window.set_article_text(text)
        window.analyse_now()


def entity(window: MainWindow, name: str) -> str:
    sheet = window.current_sheet
    assert sheet is not None
    return next(e.id for e in sheet.entities if e.name == name)


def test_a_label_correction_is_recorded_undone_and_read_into_the_next_story(
    qtbot: QtBot, window: MainWindow
) -> None:
    analyse(qtbot, window, STORY)
    baker = entity(window, "Ted Baker")
    assert window.current_sheet is not None
    assert window.corrections.edit_fields(baker, {"label": "ORG"})
    [entry] = window.store.register.entries()
    assert entry.says() == "Ted Baker is an organisation"
    assert (entry.added_by, entry.source, entry.active) == (EDITOR, "label", True)
    assert "House register: Ted Baker is an organisation" in window.statusBar().currentMessage()

    # Undo takes the lesson back with the correction; redo brings it again.
    window.session.undo()
    assert not window.store.register.entry(entry.id or 0).active
    window.session.redo()
    assert window.store.register.entry(entry.id or 0).active

    # The next story is read with it, and the fact says why.
    assert window.stories.new_story()
    analyse(qtbot, window, LATER)
    sheet = window.current_sheet
    assert sheet is not None
    later = next(e for e in sheet.entities if e.name == "Ted Baker")
    assert later.label == "ORG" and later.register is not None
    index = window.facts_panel.model.index_of(later.id, Column.FACT)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"house register: Ted Baker is an organisation, added by {EDITOR}" in tooltip
    # The fact's detail (Facts › Edit Fact…) gives the reason too.
    detail = FactEditorDialog(sheet, later, lambda *_: True, window)
    reason = detail.findChild(QLabel, "factRegisterReason")
    assert reason is not None and reason.text().startswith("house register: Ted Baker is")
    detail.close()


def test_a_deleted_name_is_no_name_in_later_stories(qtbot: QtBot, window: MainWindow) -> None:
    analyse(qtbot, window, STORY)
    numis = entity(window, "Numis")
    assert window.corrections.delete(numis)
    assert [e.says() for e in window.store.register.entries()] == ["Numis is not a name"]
    assert window.stories.new_story()
    analyse(qtbot, window, STORY)
    assert window.current_sheet is not None
    assert "Numis" not in {e.name for e in window.current_sheet.entities}


def test_entries_another_program_adds_are_read_before_the_next_analysis(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from newsdesk.storage import Store

    with Store(tmp_path / "desk.db") as other:
        other.register.add(RegisterEntry("name", "Numis", "ORG"), editor="Sam")
    analyse(qtbot, window, STORY)
    assert window.current_sheet is not None
    labels = {e.name: e.label for e in window.current_sheet.entities}
    assert labels["Numis"] == "ORG"


def test_the_register_dialog_lists_searches_switches_deletes_and_shares(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester
) -> None:
    table = window.store.register
    table.add(RegisterEntry("name", "Pfizer", "ORG"), editor="Sam")
    table.add(RegisterEntry("alias", "ISIS", target="Islamic State"), editor="Ann")
    table.add(RegisterEntry("not_name", "Slideshow"), editor="Ann")
    action = window.findChild(QAction, "actionHouseRegister")
    assert action is not None
    action.trigger()
    dialog = window.findChild(RegisterDialog, "registerDialog")
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    assert dialog.proxy.rowCount() == 3

    dialog.search.setText("islamic")
    assert dialog.proxy.rowCount() == 1
    dialog.search.clear()

    # "In force" is a check box: clearing it switches the entry off, in the database too.
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.entry(r).name == "Pfizer")
    box = dialog.model.index(row, RegisterColumn.ACTIVE)
    assert dialog.model.setData(box, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not next(e for e in table.entries() if e.name == "Pfizer").active
    assert "Pfizer" not in window.register_keeper.register.names()

    dialog.select_entry(next(e.id for e in table.entries() if e.name == "Slideshow") or 0)
    dialog.confirm = lambda question: True
    dialog.delete_selected()
    assert {e.name for e in table.entries()} == {"Pfizer", "ISIS"}

    refused = dialog.add(RegisterEntry("name", "Sapporo"))
    assert refused is None and "Say what" in dialog.message.text()

    shared = tmp_path / "house.csv"
    assert dialog.export_csv(shared)
    assert "ISIS" in shared.read_text(encoding="utf-8")
    incoming = tmp_path / "incoming.csv"
    incoming.write_text("rule,name,label\nname,Sapporo,GPE\n", encoding="utf-8")
    assert dialog.import_csv(incoming) == 1
    assert "Sapporo" in window.register_keeper.register.names()
    dialog.close()
