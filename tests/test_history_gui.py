"""History, comparison, restore, the library, backups and a damaged database, in the real window.

Uses the fast fake extractor of ``tests.test_gui``; item models are checked with
``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTextBrowser
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.app import build_main_window
from newsdesk.core.output.diff import diff_sheets
from newsdesk.errors import DatabaseCorruptError
from newsdesk.gui.database_recovery import DatabaseProblemDialog
from newsdesk.gui.history.diff_dialog import DiffDialog
from newsdesk.gui.history.diff_model import DiffColumn, DiffModel
from newsdesk.gui.history.history_model import HistoryColumn, HistoryModel
from newsdesk.gui.history.library_dialog import LibraryDialog
from newsdesk.gui.history.library_model import LibraryColumn, LibraryModel
from newsdesk.gui.history.version_dialog import VersionDialog
from newsdesk.gui.main_window import MainWindow
from newsdesk.storage import Store
from tests.gui_helpers import open_window
from tests.test_gui import STORY, FakeExtractor

MakeWindow = Callable[[], MainWindow]
CAROL = STORY + " Carol King agreed."


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        return open_window(qtbot, tmp_path / "newsdesk.db", windows, "amira")

    yield make
    for window in windows:
        window.shutdown()


def analysed(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: window.analysis.ready)
    with qtbot.waitSignal(window.analysis_finished):
        window.set_article_text(text)
        window.analyse_now()


def two_versions(qtbot: QtBot, window: MainWindow) -> None:
    analysed(qtbot, window, STORY)
    assert window.save("first look") is not None
    analysed(qtbot, window, CAROL)
    assert window.save("added Carol") is not None


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


# -- models ---------------------------------------------------------------------------------


def test_history_diff_and_library_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    with Store(tmp_path / "models.db") as store:
        first = FakeExtractor().extract(STORY)
        second = FakeExtractor().extract(CAROL)
        second.figures[0].status = "disputed"
        store.save("floods", first, editor="amira")
        store.save("floods", second, editor="tom", parent=1)
        history = HistoryModel()
        history.set_versions(store.versions("floods"), 2)
        qtmodeltester.check(history, force_py=True)
        assert history.index(0, HistoryColumn.EDITOR).data() == "tom"
        assert (
            history.index(0, HistoryColumn.CHECKED).data()
            == f"0/{second.fact_count()} · 1 disputed"
        )
        assert "based on version 1" in history.index(0, 0).data(3)  # tooltip

        diff = DiffModel()
        diff.set_diff(diff_sheets(first, second), first, second, labels=("Version 1", "Version 2"))
        qtmodeltester.check(diff, force_py=True)
        rows = {
            diff.index(r, DiffColumn.CHANGE).data(): diff.index(r, DiffColumn.NEW).data()
            for r in range(diff.rowCount())
        }
        assert rows["added"].startswith("Carol King")
        assert "unverified → disputed" in rows
        diff.set_show_unchanged(True)
        qtmodeltester.check(diff, force_py=True)
        assert diff.rowCount() == second.fact_count()

        library = LibraryModel()
        library.set_stories(store.library())
        qtmodeltester.check(library, force_py=True)
        assert library.index(0, LibraryColumn.DISPUTED).data() == "1"
        library.set_hits(store.search("Lagos"))
        qtmodeltester.check(library, force_py=True)
        assert "Lagos" in library.index(0, LibraryColumn.FOUND).data()


# -- the history panel ----------------------------------------------------------------------


def test_history_shows_who_saved_and_an_unchanged_save_makes_nothing(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    two_versions(qtbot, window)

    window.save("again")

    assert window.statusBar().currentMessage() == "No changes since version 2; nothing saved"
    history = window.history_view.model()
    assert history.rowCount() == 2
    assert history.index(0, HistoryColumn.EDITOR).data() == "amira"
    assert window.store.versions(window.story_slug or "")[1].parent == 1


def test_comparing_two_versions_lists_the_added_fact_side_by_side(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    two_versions(qtbot, window)
    compare = action(window, "actionCompareVersions")
    window.history_view.select_numbers(1, 2)
    assert compare.isEnabled()

    compare.trigger()

    dialog = window.findChild(DiffDialog, "diffDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.text().startswith("1 added")
    model = dialog.model
    assert model.headerData(DiffColumn.OLD, Qt.Orientation.Horizontal) == "Version 1"
    row = next(r for r in range(model.rowCount()) if model.index(r, 3).data() == "added")
    assert model.index(row, DiffColumn.OLD).data() == ""
    assert model.index(row, DiffColumn.NEW).data().startswith("Carol King")
    dialog.set_versions(2, 2)
    assert dialog.summary.text() == "no changes to facts"
    dialog.close()


def test_viewing_an_old_version_is_read_only_and_restore_appends_it(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    two_versions(qtbot, window)
    window.history_view.select_numbers(1)
    assert action(window, "actionRestoreVersion").isEnabled()

    action(window, "actionViewVersion").trigger()

    dialog = window.findChild(VersionDialog, "versionDialog")
    assert dialog is not None
    browser = dialog.findChild(QTextBrowser, "versionView")
    assert browser.isReadOnly()
    assert "Floods cut roads near Lagos" in browser.toPlainText()
    assert "Carol King" not in browser.toPlainText()

    dialog.restore_button.click()

    assert window.current_version is not None
    assert (window.current_version.number, window.current_version.parent) == (3, 1)
    assert window.current_version.message == "Restored version 1"
    assert window.editor.toPlainText() == STORY
    assert window.history_view.model().rowCount() == 3
    assert window.statusBar().currentMessage() == "Restored version 1 as version 3"
    # Version 2 is still there, unchanged.
    assert window.store.load_version(window.story_slug or "", 2).article.text == CAROL


# -- the library ----------------------------------------------------------------------------


def test_the_library_searches_filters_and_opens_a_story(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    with Store(tmp_path / "newsdesk.db") as store:
        store.save("floods", FakeExtractor().extract(STORY))
        other = FakeExtractor().extract("Storm hits Accra\n\nBob Jones said 40 homes fell.")
        other.figures[0].status = "disputed"
        store.save("storm", other)
    window = make_window()

    action(window, "actionOpenStory").trigger()

    dialog = window.findChild(LibraryDialog, "libraryDialog")
    assert dialog is not None
    view = dialog.view
    assert [view.model().index(r, 0).data() for r in range(view.model().rowCount())] == [
        "Storm hits Accra",
        "Floods cut roads near Lagos",
    ]
    dialog.status_box.setCurrentIndex(dialog.status_box.findData("disputed"))
    assert view.model().rowCount() == 1
    dialog.status_box.setCurrentIndex(0)
    dialog.search_box.setText("Lagos")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    assert dialog.count_label.text() == "1 story(s)"

    dialog.open_current()

    assert window.story_slug == "floods"
    assert window.editor.toPlainText() == STORY


# -- backups and a damaged database ------------------------------------------------------------


def test_back_up_database_writes_a_copy_that_opens(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    two_versions(qtbot, window)
    assert action(window, "actionBackupDatabase").isEnabled()

    written = window.history_actions.back_up_to(tmp_path / "backup.db")

    assert written == tmp_path / "backup.db"
    with Store(written) as copy:
        assert [v.number for v in copy.versions(window.story_slug or "")] == [1, 2]
    assert window.history_actions.back_up_to(tmp_path / "backup.db") is None  # never overwrites


def test_a_damaged_database_offers_a_copy_of_a_backup_and_is_left_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "newsdesk.db"
    with Store(path) as store:
        store.save("floods", FakeExtractor().extract(STORY))
        backup = store.back_up()
    path.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorruptError) as refused:
        build_main_window(path, extractor_loader=FakeExtractor)

    dialog = DatabaseProblemDialog(refused.value, path)
    qtbot.addWidget(dialog)

    assert "damaged" in dialog.text() and backup.name in dialog.informativeText()
    assert dialog.retry_button is None  # retrying a damaged file cannot help
    copy = dialog.use_backup(dialog.backups[0])
    with Store(copy) as restored:
        assert [s.slug for s in restored.library()] == ["floods"]
    assert path.read_bytes() == before
    assert backup.is_file()
