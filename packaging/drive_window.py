"""Drive the real window through its objectNames and actions, and check the saved version.

    QT_QPA_PLATFORM=offscreen python packaging/drive_window.py [STORY.txt]

On a story (a file, or a built-in one the team did not write the rules
against), with the installed language model and a throw-away database, it
pastes the copy into ``articleEditor``, waits for the facts, verifies a figure
in ``factsView`` with ``actionVerify``, undoes and redoes it with
``actionUndo`` / ``actionRedo``, edits another figure's value in place, saves
with ``actionSave``, and then reads the saved version back from the database:
the corrected value, the kept extracted value and both statuses must be there.
Prints what it did; exit status 0 when every check held.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QTreeView,
    QWidget,
)

STORY = """Storm leaves thousands without power across the north coast

HALIFAX (Desk Wire) - More than 40,000 homes were without electricity on Tuesday after a storm
brought down lines across the north coast, the regional utility said.

Nova Grid said about 120 crews were working to restore power and that most customers would
be reconnected by Thursday. At least 3 people were injured by falling trees, police said.

"This is the worst damage we have seen in a decade," said Maria Chen, a spokeswoman for the
utility. Repairs could cost up to $15 million, she added.
"""


def wait(condition: object, timeout_ms: int = 60_000) -> bool:
    """Run the event loop until ``condition()`` holds (checked every 20 ms) or time runs out."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: condition() and loop.quit())  # type: ignore[operator]
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not condition():  # type: ignore[operator]
        loop.exec()
    timer.stop()
    return bool(condition())  # type: ignore[operator]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", type=Path, help="article file (default: built in)")
    args = parser.parse_args(argv)
    story = args.story.read_text(encoding="utf-8") if args.story else STORY

    home = tempfile.mkdtemp(prefix="newsdesk-drive-")
    os.environ["NEWSDESK_HOME"] = home
    app = QApplication.instance() or QApplication(sys.argv)
    assert app is not None
    from newsdesk.app import build_main_window
    from newsdesk.gui.facts.facts_model import FACT_ID_ROLE, Column
    from newsdesk.gui.preferences import Preferences
    from newsdesk.paths import default_paths
    from newsdesk.storage import Store

    Preferences.in_folder(default_paths().config_dir).set_editor_name("drive-window")
    db = Path(home) / "drive.db"
    window = build_main_window(db)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.show()
    window.activateWindow()
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures.append(what)

    def act(name: str) -> None:
        action = window.findChild(QAction, name)
        assert action is not None, name
        action.trigger()

    try:
        check(wait(lambda: window.analysis.ready, 120_000), "language model loaded")
        editor = window.findChild(QWidget, "articleEditor")
        view = window.findChild(QTreeView, "factsView")
        assert editor is not None and view is not None
        QGuiApplication.clipboard().setText(story)
        editor.setFocus()
        QTest.keySequence(editor, QKeySequence.StandardKey.Paste)
        check(wait(lambda: window.in_sync and window.current_sheet is not None), "story analysed")
        sheet = window.current_sheet
        figures = [f for f in sheet.figures if f.value is not None] if sheet else []
        check(len(figures) >= 2, f"two figures with values found ({len(figures)})")
        if len(figures) < 2:
            return 1
        checked, edited = figures[0], figures[1]
        model = view.model()

        def row_of(fact_id: str) -> object:
            for g in range(model.rowCount()):
                group = model.index(g, 0)
                for r in range(model.rowCount(group)):
                    if model.index(r, 0, group).data(FACT_ID_ROLE) == fact_id:
                        return model.index(r, 0, group)
            raise LookupError(fact_id)

        def status(fact_id: str) -> str:
            return str(row_of(fact_id).siblingAtColumn(Column.STATUS).data())  # type: ignore[attr-defined]

        view.setFocus()
        view.setCurrentIndex(row_of(checked.id))  # type: ignore[arg-type]
        act("actionVerify")
        check(status(checked.id) == "verified", f"“{checked.text}” verified")
        act("actionUndo")
        check(status(checked.id) == "unverified", "undo: unverified again")
        act("actionRedo")
        check(status(checked.id) == "verified", "redo: verified again")

        old_value = edited.value or 0.0  # the sheet's fact changes in place when edited
        new_value = old_value + 1
        typed = str(int(new_value)) if float(new_value).is_integer() else repr(new_value)
        cell = row_of(edited.id).siblingAtColumn(Column.VALUE)  # type: ignore[attr-defined]
        view.setCurrentIndex(cell)
        view.edit(cell)
        line = view.viewport().findChild(QLineEdit)
        check(line is not None, "value cell opened for editing")
        if line is not None:
            line.selectAll()
            QTest.keyClicks(line, typed)
            QTest.keyClick(line, Qt.Key.Key_Return)
            wait(lambda: view.state() != QAbstractItemView.State.EditingState)
        check(status(edited.id) == "corrected", f"“{edited.text}” corrected to {typed}")

        saved: list[object] = []
        window.saved.connect(saved.append)

        def answer_save_dialog() -> None:
            dialog = window.findChild(QDialog, "saveDialog")
            # Keys go where a person's would: only once the dialog has the focus.
            if dialog is None or not dialog.isActiveWindow():
                if dialog is not None:
                    dialog.activateWindow()
                QTimer.singleShot(20, answer_save_dialog)
                return
            message = dialog.findChild(QLineEdit, "saveMessage")
            QTest.keyClicks(message, "checked against the agency")
            QTest.keyClick(message, Qt.Key.Key_Return)

        QTimer.singleShot(0, answer_save_dialog)
        act("actionSave")
        check(wait(lambda: bool(saved)), "saved")
        check(getattr(window.current_version, "message", "") == "checked against the agency",
              "saved with the message typed in the save dialog")  # fmt: skip
        with Store(db) as store:
            slug = window.story_slug or ""
            version = store.load_version(slug)
        kept = {f.id: f for f in version.figures}
        a, b = kept.get(checked.id), kept.get(edited.id)
        check(a is not None and a.status == "verified", "saved: verified status")
        check(a is not None and a.checked_by == "drive-window", "saved: who verified")
        check(b is not None and b.value == new_value, f"saved: corrected value {typed}")
        check(b is not None and b.status == "corrected", "saved: corrected status")
        check(
            b is not None and (b.extracted or {}).get("value") == old_value,
            f"saved: extracted value {old_value} kept for the record",
        )
    finally:
        window.shutdown()
        window.close()
    print("all checks held" if not failures else f"{len(failures)} checks failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
