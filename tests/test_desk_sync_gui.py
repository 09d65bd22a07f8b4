"""File › Sync with Desk in the real window, against a throwaway PostgreSQL cluster.

The sync runs on the window's own worker thread; tests wait for its signals.
Uses the fast fake extractor of ``tests.test_gui``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.gui.history.history_model import HistoryColumn, HistoryModel
from newsdesk.gui.history.library_model import LibraryColumn
from newsdesk.gui.main_window import MainWindow
from newsdesk.storage import Store
from newsdesk.sync.engine import sync
from tests.desk_helpers import Desk, sheet
from tests.gui_helpers import open_window
from tests.pg_cluster import free_port

MakeWindow = Callable[[Path], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make(db: Path) -> MainWindow:
        return open_window(qtbot, db, windows, "anna")

    yield make
    for window in windows:
        window.shutdown()


def menu_names(window: MainWindow) -> list[str]:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return [a.objectName() for a in file_menu.actions()]  # type: ignore[union-attr]


def test_without_a_desk_server_sync_says_how_to_set_one(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "anna.db")
    assert {"actionSync", "actionDeskServer"} <= set(menu_names(window))
    assert not window.desk_sync.sync_now()
    box = window.findChild(QMessageBox)
    assert box is not None and "Desk Server" in box.text()
    assert not window.desk_sync.set_server("host=x dbname=y password=z", 5)
    assert not window.desk_sync.settings.configured


def test_file_sync_brings_a_colleagues_fork_into_the_history_and_restore_settles_it(
    make_window: MakeWindow, desk: Desk, tmp_path: Path, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    with Store(tmp_path / "anna.db") as anna:
        anna.save("syria", sheet(1), editor="anna")
    window = make_window(tmp_path / "anna.db")
    assert window.desk_sync.set_server(desk.server("anna"), 0)
    with qtbot.waitSignal(window.desk_sync.synced, timeout=30_000) as done:
        window.findChild(QAction, "actionSync").trigger()
    assert done.args[0].sent == 1
    assert "1 sent" in window.statusBar().currentMessage()

    with Store(tmp_path / "ben.db") as ben:
        sync(ben, desk.server("ben"))
        ben.save("syria", sheet(2, note="ben"), editor="ben", parent=1)
        sync(ben, desk.server("ben"))
    assert window.open_story("syria")
    window.store.save("syria", sheet(2, note="anna"), editor="anna", parent=1)
    window.session.refresh_versions(window.store)
    with qtbot.waitSignal(window.desk_sync.synced, timeout=30_000) as done:
        window.desk_sync.sync_now()
    assert done.args[0].forks == ["syria"]

    history: HistoryModel = window.history_view.history
    qtmodeltester.check(history)
    shown = {
        history.data(history.index(row, HistoryColumn.VERSION)): history.data(
            history.index(row, HistoryColumn.MESSAGE)
        )
        for row in range(history.rowCount())
    }
    assert set(shown) == {"⑂ 3", "⑂ 2", "1"}
    assert shown["⑂ 3"].startswith("[fork; from version 1]")
    ben_end = next(v.number for v in window.store.heads("syria") if v.editor == "ben")

    restored = window.history_actions.restore(ben_end)
    assert restored is not None and restored.number == 4
    assert [h.number for h in window.store.heads("syria")] == [4]
    top = history.data(history.index(0, HistoryColumn.MESSAGE))
    assert top.startswith("[settles version ")
    assert history.data(history.index(1, HistoryColumn.VERSION)) == "3"


def test_background_sync_is_quiet_when_the_desk_is_away(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "anna.db")
    gone = f"host=127.0.0.1 port={free_port()} dbname=desk user=anna connect_timeout=2"
    assert window.desk_sync.set_server(gone, 5)
    assert window.desk_sync.timer.isActive() and window.desk_sync.timer.interval() == 5 * 60_000
    with qtbot.waitSignal(window.desk_sync.sync_failed, timeout=30_000) as failed:
        window.desk_sync.timer.timeout.emit()
    assert "cannot be reached" in failed.args[0]
    assert window.findChild(QMessageBox) is None
    assert "try again" in window.statusBar().currentMessage()
    window.desk_sync.set_server(gone, 0)
    assert not window.desk_sync.timer.isActive()


def test_the_library_lists_and_searches_the_desk_too_marked_as_such(
    make_window: MakeWindow, desk: Desk, tmp_path: Path, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    with Store(tmp_path / "ben.db") as ben:
        ben.save("beirut", sheet(1), editor="ben")
        ben.save("syria", sheet(2), editor="ben")
        sync(ben, desk.server("ben"))
    with Store(tmp_path / "anna.db") as anna:
        anna.save("syria", sheet(3), editor="anna")  # a story both have, by slug
    window = make_window(tmp_path / "anna.db")
    assert window.desk_sync.set_server(desk.server("anna"), 0)

    dialog = window.history_actions.open_library()
    model = dialog.model
    qtbot.waitUntil(lambda: model.remote_count == 1, timeout=30_000)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, LibraryColumn.STORY)) == "Russian jets strike Syria, take 3"
    assert model.data(model.index(1, LibraryColumn.STORY)) == (
        "[desk] Russian jets strike Syria, take 1"
    )
    assert "last saved by ben" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "1 more on the desk server" in dialog.count_label.text()

    dialog.search_box.setText("Observatory")
    dialog.refresh()
    qtbot.waitUntil(lambda: model.remote_count == 1, timeout=30_000)
    assert "«Observatory»" in model.data(model.index(1, LibraryColumn.FOUND))

    with qtbot.waitSignal(window.desk_sync.synced, timeout=30_000):
        dialog.view.activated.emit(model.index(1, 0))
    assert dialog.isVisible()  # nothing opened yet: the story came with the sync
    assert [v.editor for v in window.store.versions("beirut")] == ["ben"]
