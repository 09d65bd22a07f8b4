"""The correction workspace on the real window: edits in place, keys, undo, re-analysis.

Each test drives the real window (worker thread, store, highlighter) with the
fast fake extractor of ``test_gui`` and checks what the editor sees: the
facts tree's cells, the highlights, the undo history and the saved sheet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.sheet.model import Entity, Figure, Recheck
from newsdesk.gui.facts.fact_editor import FactEditorDialog
from newsdesk.gui.facts.facts_model import Column
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.preferences import SETTINGS_FILE
from newsdesk.gui.shortcut_card import ShortcutCard
from newsdesk.paths import default_paths
from tests.gui_helpers import (
    EDITOR,
    STORY,
    FakeExtractor,
    find_fact_in_tree,
    set_editor_name,
)
from tests.test_gui import analysed, tree_texts


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The real window on the fake extractor with STORY analysed; the editor is named."""
    set_editor_name()
    fake = FakeExtractor()
    built = build_main_window(tmp_path / "desk.db", extractor_loader=lambda: fake)
    built.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()  # keys go where an editor's would: to the focused widget
    qtbot.waitUntil(built.isActiveWindow)
    analysed(qtbot, built)
    yield built
    built.shutdown()


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def cell(window: MainWindow, fact_id: str, column: int) -> str:
    return window.facts_panel.model.index_of(fact_id, column).data()


def select_text(window: MainWindow, words: str, nth: int = 0) -> None:
    text = window.editor.toPlainText()
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)


def highlighted(window: MainWindow, fact_id: str) -> list[str]:
    text = window.editor.toPlainText()
    return [text[s.start : s.end] for s in window.editor.highlighter.spans_of(fact_id)]


def edit_cell(qtbot: QtBot, window: MainWindow, fact_id: str, column: int, typed: str) -> None:
    """Edit one cell as an editor does: F2 on it, type, Enter."""
    view = window.facts_panel.view
    # The last edit's editor may still wait for deleteLater; let it go first, or it is
    # the one found below and vanishes under the test.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    index = find_fact_in_tree(view, fact_id, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


# -- status, undo, redo ---------------------------------------------------------------


def test_verify_undo_and_redo_through_the_window_actions(window: MainWindow) -> None:
    window.facts_panel.select_fact("f1")

    action(window, "actionVerify").trigger()
    assert cell(window, "f1", Column.STATUS) == "verified"
    figure = window.current_sheet.find("f1")
    assert figure is not None and figure.checked_by == EDITOR and figure.checked_at
    assert window.isWindowModified()

    action(window, "actionUndo").trigger()
    assert cell(window, "f1", Column.STATUS) == "unverified"
    action(window, "actionRedo").trigger()
    assert cell(window, "f1", Column.STATUS) == "verified"


def test_text_edits_and_fact_edits_undo_in_the_order_they_were_made(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " Later.")
    window.corrections.set_status("f2", "disputed")

    action(window, "actionUndo").trigger()
    assert cell(window, "f2", Column.STATUS) == "unverified"
    assert window.editor.toPlainText().endswith("Later.")
    action(window, "actionUndo").trigger()
    assert window.editor.toPlainText() == STORY


# -- editing in place ---------------------------------------------------------------------


def test_editing_a_figure_value_in_the_tree_corrects_it_and_keeps_the_extracted_value(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit_cell(qtbot, window, "f1", Column.VALUE, "14")

    assert cell(window, "f1", Column.VALUE) == "≥ 14"
    assert cell(window, "f1", Column.STATUS) == "corrected"
    figure = window.current_sheet.find("f1")
    assert isinstance(figure, Figure) and figure.extracted == {"value": 12, "low": 12}
    assert "extracted value: 12" in window.facts_panel.model.index_of("f1").data(
        Qt.ItemDataRole.ToolTipRole
    )

    action(window, "actionUndo").trigger()
    assert cell(window, "f1", Column.VALUE) == "≥ 12"
    assert cell(window, "f1", Column.STATUS) == "unverified"
    action(window, "actionRedo").trigger()
    assert cell(window, "f1", Column.VALUE) == "≥ 14"


def test_a_value_that_is_not_a_number_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    steps = len(window.session.history.visible)

    edit_cell(qtbot, window, "f1", Column.VALUE, "lots")

    assert window.facts_panel.message_label.isVisible()
    assert window.facts_panel.message_label.text() == "“lots” is not a number."
    assert cell(window, "f1", Column.VALUE) == "≥ 12"
    assert len(window.session.history.visible) == steps


def test_status_source_and_note_cells(qtbot: QtBot, window: MainWindow) -> None:
    view = window.facts_panel.view
    index = find_fact_in_tree(view, "f2", Column.SOURCE)
    view.edit(index)
    combo = view.viewport().findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findText("Bob Jones"))
    view.commitData(combo)
    view.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)
    assert cell(window, "f2", Column.SOURCE) == "Bob Jones"

    edit_cell(qtbot, window, "f2", Column.NOTE, "ask the Red Cross")
    assert cell(window, "f2", Column.NOTE) == "ask the Red Cross"
    bob = next(e for e in window.current_sheet.entities if e.name == "Bob Jones")
    edit_cell(qtbot, window, bob.id, Column.FACT, "Robert Jones")
    assert "Robert Jones" in tree_texts(view)["People (2)"]


def test_the_fact_editor_refuses_a_bad_value_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.facts_panel.select_fact("f1")
    action(window, "actionEditFact").trigger()
    dialog = window.findChild(FactEditorDialog, "factEditor")
    assert dialog is not None and dialog.isVisible()
    dialog.fields["counted"].setText("villages in Ogun")
    dialog.fields["value"].setText("twelve")
    qualifier = dialog.fields["qualifier"]
    assert isinstance(qualifier, QComboBox)
    qualifier.setCurrentIndex(qualifier.findData("about"))

    dialog.accept()
    assert dialog.isVisible() and "“twelve” is not a number" in dialog.error_label.text()
    assert dialog.fields["counted"].text() == "villages in Ogun"

    dialog.fields["value"].setText("15")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cell(window, "f1", Column.VALUE) == "≈ 15 villages in Ogun"
    action(window, "actionUndo").trigger()  # one edit, one undo
    assert cell(window, "f1", Column.VALUE) == "≥ 12"


# -- the verification pass -----------------------------------------------------------------


def test_verification_keys_move_through_the_facts_in_reading_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    action(window, "actionStartVerification").trigger()
    view = window.facts_panel.view
    qtbot.waitUntil(view.hasFocus)
    order = window.verification.reading_order()
    text = window.editor.toPlainText()
    # Reading order: "Floods cut off at least 12 villages, Alice Smith …", "Bob Jones", "300"…
    assert [cell(window, i, Column.FACT) for i in order] == [
        "at least 12",
        "Alice Smith",
        "Bob Jones",
        "300",
    ]
    assert window.facts_panel.current_fact_id() == order[0]

    qtbot.keyClick(view, Qt.Key.Key_V)
    assert cell(window, order[0], Column.STATUS) == "verified"
    assert window.facts_panel.current_fact_id() == order[1]

    qtbot.keyClick(view, Qt.Key.Key_D)
    assert cell(window, order[1], Column.STATUS) == "disputed"
    # D asks why, in a line under the list; the words become the note, then the pass goes on.
    reason = window.verification.reason_box.edit
    qtbot.waitUntil(reason.hasFocus)
    qtbot.keyClicks(reason, "named twice, not the same man")
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    assert cell(window, order[1], Column.NOTE) == "named twice, not the same man"
    assert window.facts_panel.current_fact_id() == order[2]
    assert window.statusBar().currentMessage().startswith("Fact 3 of 4")
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_P)
    qtbot.keyClick(view, Qt.Key.Key_U)
    assert cell(window, order[1], Column.STATUS) == "unverified"
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert window.facts_panel.current_fact_id() == order[3]
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert window.facts_panel.current_fact_id() == order[2]

    window.editor.setTextCursor(QTextCursor(window.editor.document()))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectedText() == "Bob Jones"
    assert window.editor.textCursor().selectionStart() == text.index("Bob Jones")

    qtbot.keyClick(view, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: window.verification.editor_dialog is not None)
    window.verification.editor_dialog.reject()


def test_the_shortcut_card_and_undo_history(qtbot: QtBot, window: MainWindow) -> None:
    window.corrections.set_status("f1", "verified")
    action(window, "actionShortcuts").trigger()
    card = window.findChild(ShortcutCard, "shortcutCard")
    assert card is not None and card.isVisible()
    rows = {what: (keys, where) for what, keys, where in card.rows()}
    assert rows["Verify and Next"] == ("V", "facts list")
    assert rows["Start Verification Pass"] == ("F7", "anywhere")
    card.close()

    action(window, "actionUndoHistory").trigger()
    dock = window.findChild(type(window.fact_actions.undo_dock), "undoHistoryDock")
    assert dock.isVisible()
    history = dock.view.model()
    entries = [history.index(r, 0).data() for r in range(history.rowCount())]
    assert entries[-1] == "Mark “at least 12” verified"


# -- add, delete, merge, split, re-anchor ------------------------------------------------


def test_adding_a_fact_from_a_selection(window: MainWindow) -> None:
    select_text(window, "Lagos")

    window.fact_actions.add_kind["place"].trigger()

    assert tree_texts(window.facts_panel.view)["Places (1)"] == ["Lagos"]
    place_id = window.facts_panel.current_fact_id()
    assert highlighted(window, place_id) == ["Lagos"]
    assert any(s.group == "places" for s in window.editor.highlighter.spans)
    action(window, "actionUndo").trigger()
    assert "Places (1)" not in tree_texts(window.facts_panel.view)
    assert window.editor.highlighter.spans_of(place_id) == []


def test_adding_without_a_selection_says_what_to_do(window: MainWindow) -> None:
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    action(window, "actionAddFact").trigger()
    assert "Select the words" in window.facts_panel.message_label.text()


def test_delete_and_undo(window: MainWindow) -> None:
    window.facts_panel.select_fact("f2")
    action(window, "actionDeleteFact").trigger()
    assert tree_texts(window.facts_panel.view)["Figures (1)"] == ["at least 12"]
    assert highlighted(window, "f2") == []
    action(window, "actionUndo").trigger()
    assert tree_texts(window.facts_panel.view)["Figures (2)"] == ["at least 12", "300"]
    assert highlighted(window, "f2") == ["300"]


def test_merging_two_names_joins_their_mentions(window: MainWindow) -> None:
    sheet = window.current_sheet
    alice, bob = (
        next(e for e in sheet.entities if e.name == n) for n in ("Alice Smith", "Bob Jones")
    )
    view = window.facts_panel.view
    window.facts_panel.select_fact(alice.id)
    view.selectionModel().select(
        find_fact_in_tree(view, bob.id),
        view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
    )
    window.fact_actions.choose_name = lambda names: names[0]

    action(window, "actionMergeFacts").trigger()

    assert tree_texts(view)["People (1)"] == ["Alice Smith"]
    assert highlighted(window, alice.id) == ["Alice Smith", "Bob Jones", "Alice Smith"]
    assert cell(window, alice.id, Column.VALUE) == "3 mentions"
    action(window, "actionUndo").trigger()
    assert tree_texts(view)["People (2)"] == ["Alice Smith", "Bob Jones"]


def test_splitting_a_mention_out_and_reanchoring(window: MainWindow) -> None:
    alice = next(e for e in window.current_sheet.entities if e.name == "Alice Smith")
    select_text(window, "Alice Smith", nth=1)
    window.editor.moveCursor(QTextCursor.MoveOperation.Left)  # caret in the second mention
    window.facts_panel.select_fact(alice.id)

    action(window, "actionSplitMention").trigger()

    people = tree_texts(window.facts_panel.view)["People (3)"]
    assert people.count("Alice Smith") == 2
    new_id = window.facts_panel.current_fact_id()
    assert new_id != alice.id and highlighted(window, new_id) == ["Alice Smith"]
    assert cell(window, alice.id, Column.VALUE) == "1 mention"

    window.facts_panel.select_fact("f1")
    select_text(window, "12 villages")
    action(window, "actionReanchor").trigger()
    assert cell(window, "f1", Column.FACT) == "12 villages"
    assert highlighted(window, "f1") == ["12 villages"]


# -- re-analysis, link, legend ----------------------------------------------------------------


def test_reanalysis_keeps_corrections_and_flags_facts_whose_words_are_gone(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.corrections.edit_fields("f1", {"value": "14"})
    window.corrections.set_status("f2", "verified")

    analysed(qtbot, window, "UPDATE: " + STORY.replace("300 families fled", "families fled"))

    sheet = window.current_sheet
    kept = sheet.find("f1")
    assert isinstance(kept, Figure) and kept.value == 14 and kept.status == "corrected"
    assert highlighted(window, "f1") == ["at least 12"]  # moved with its words
    assert cell(window, "f2", Column.STATUS) == "verified · words gone"
    assert highlighted(window, "f2") == []
    assert len(sheet.figures) == 2  # the fresh "at least 12" did not replace the correction


def test_an_updated_story_keeps_checks_flags_changed_figures_and_keeps_deletions(
    qtbot: QtBot, window: MainWindow
) -> None:
    v1 = STORY + " Carol King said 40 roads were closed."
    analysed(qtbot, window, v1)
    assert tree_texts(window.facts_panel.view)["Figures (3)"] == ["at least 12", "300", "40"]
    corrections = window.corrections
    corrections.set_status("f1", "verified")
    corrections.edit_fields("f1", {"note": "Police figure"})
    corrections.set_status("f2", "verified")
    corrections.edit_fields("f2", {"note": "Red Cross confirmed"})
    roads = next(f.id for f in window.current_sheet.figures if f.text == "40")
    window.facts_panel.select_fact(roads)
    action(window, "actionDeleteFact").trigger()

    # The wire's update: the verified figure changed, the other sentences did not.
    analysed(qtbot, window, "UPDATE: " + v1.replace("at least 12", "at least 25"))

    assert cell(window, "f2", Column.STATUS) == "verified"
    assert cell(window, "f2", Column.NOTE) == "Red Cross confirmed"
    assert highlighted(window, "f2") == ["300"]
    assert cell(window, "f1", Column.STATUS) == "unverified"
    assert cell(window, "f1", Column.NOTE) == (
        "Changed from at least 12 to at least 25 — re-check. Police figure"
    )
    flagged = window.current_sheet.find("f1")
    assert flagged is not None and flagged.recheck == Recheck("at least 12")
    assert highlighted(window, "f1") == ["at least 25"]
    assert tree_texts(window.facts_panel.view)["Figures (2)"] == ["at least 25", "300"]

    # Undo walks back the update, then the delete: the figure is back and stays.
    # The sheet before the update comes back as it was: no analysis is needed.
    action(window, "actionUndo").trigger()
    assert window.editor.toPlainText() == v1 and window.in_sync
    action(window, "actionUndo").trigger()
    qtbot.waitUntil(lambda: window.in_sync)
    assert tree_texts(window.facts_panel.view)["Figures (3)"] == ["at least 12", "300", "40"]
    assert highlighted(window, roads) == ["40"]
    assert window.current_sheet is not None and window.current_sheet.dismissed == []


def test_hovering_a_highlight_tells_its_kind_and_value(window: MainWindow) -> None:
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(STORY.index("at least 12") + 3)
    tip = editor.tooltip_at(editor.cursorRect(cursor).center())
    assert tip == "Figures · at least 12 · ≥ 12 · unverified"


def test_the_legend_switches_a_kind_off_and_on(window: MainWindow) -> None:
    document = window.editor.document()
    start = STORY.index("Bob Jones")
    block = document.findBlock(start)

    def painted() -> bool:
        offset = start - block.position()
        return any(r.start <= offset < r.start + r.length for r in block.layout().formats())

    assert painted()
    window.legend.boxes["people"].setChecked(False)
    assert not painted()
    assert highlighted(window, "f2") == ["300"]  # other kinds stay
    window.legend.boxes["people"].setChecked(True)
    assert painted()


# -- names, title, models --------------------------------------------------------------------


def test_the_editors_name_is_asked_once_and_kept(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    QSettings(str(default_paths().config_dir / SETTINGS_FILE), QSettings.Format.IniFormat).clear()
    window.signature.preferences.set_editor_name("")
    asked: list[str] = []
    window.signature.ask = lambda default: asked.append(default) or "Anna Lee"

    window.corrections.set_status("f1", "verified")
    window.corrections.set_status("f2", "verified")

    assert len(asked) == 1
    assert window.current_sheet.find("f2").checked_by == "Anna Lee"
    settings = QSettings(
        str(default_paths().config_dir / SETTINGS_FILE), QSettings.Format.IniFormat
    )
    assert settings.value("editor/name") == "Anna Lee"


def test_unsaved_corrections_show_in_the_title_and_are_asked_about(window: MainWindow) -> None:
    window.save("first")
    assert not window.isWindowModified()
    window.corrections.set_status("f1", "disputed")
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    asked: list[bool] = []
    window.ask_unsaved = lambda: asked.append(True) or QMessageBox.StandardButton.Cancel

    assert not window.close()
    assert asked == [True] and window.isVisible()


def test_the_saved_version_has_the_corrections(window: MainWindow) -> None:
    window.corrections.edit_fields("f1", {"value": "14"})
    window.corrections.set_status("f2", "disputed")
    info = window.save("checked")
    assert info is not None
    saved = window.store.load_version(info.story)
    figures = {f.id: f for f in saved.figures}
    assert figures["f1"].value == 14 and figures["f1"].extracted == {"value": 12, "low": 12}
    assert figures["f2"].status == "disputed" and figures["f2"].checked_by == EDITOR


def test_the_editable_facts_model_passes_the_model_tester(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    window.corrections.edit_fields("f1", {"value": "14"})
    model = window.facts_panel.model
    assert model.flags(model.index_of("f1", Column.VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index_of("f1", Column.FACT)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(model, force_py=True)
    alice = next(e for e in window.current_sheet.entities if isinstance(e, Entity))
    assert model.flags(model.index_of(alice.id, Column.FACT)) & Qt.ItemFlag.ItemIsEditable
