"""The verification pass: through the facts in reading order, one key per decision.

With the facts list focused (F7 starts a pass there), **V** verifies the
current fact and moves to the next, **D** disputes it and moves on, **E**
opens the fact editor, **Enter** shows the fact in the text, **N** / **P**
move without deciding. Reading order is the order the facts first appear in
the story, whatever their kind, so a pass reads the story top to bottom.
The keys are actions (with objectNames) in the Facts menu too, so they can be
found, remapped by scripts and listed on the shortcut card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from newsdesk.core.sheet.kinds import group_of
from newsdesk.core.sheet.labels import GROUPS
from newsdesk.core.sheet.model import Fact
from newsdesk.gui.facts.fact_editor import FactEditorDialog

if TYPE_CHECKING:
    from newsdesk.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("VerificationPass", text)


class VerificationPass(QObject):
    """The pass's actions on the facts list and the logic of moving through it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        view = window.facts_panel.view
        self.editor_dialog: FactEditorDialog | None = None

        def make(
            name: str,
            text: str,
            keys: list[str],
            slot: Callable[[], object],
            *,
            scoped: bool = True,
        ) -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(key) for key in keys])
            if scoped:
                # Single keys act only while the facts list has focus, never while typing.
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                view.addAction(action)
            else:
                window.addAction(action)
            action.triggered.connect(slot)
            return action

        self.start = make(
            "actionStartVerification", _tr("Start &Verification Pass"), ["F7"], self.start_pass,
            scoped=False,
        )  # fmt: skip
        self.verify_next = make(
            "actionVerifyNext", _tr("Verify and &Next"), ["V"], lambda: self.decide("verified")
        )
        self.dispute_next = make(
            "actionDisputeNext", _tr("&Dispute and Next"), ["D"], lambda: self.decide("disputed")
        )
        self.edit = make("actionEditFact", _tr("&Edit Fact…"), ["E"], self.edit_current)
        self.show_action = make(
            "actionShowInText", _tr("&Show in Text"), ["Return", "Enter"], self.show_current
        )
        self.next = make("actionNextFact", _tr("Ne&xt Fact"), ["N", "J"], lambda: self.step(+1))
        self.previous = make(
            "actionPreviousFact", _tr("&Previous Fact"), ["P", "K"], lambda: self.step(-1)
        )
        self.actions = [
            self.start,
            self.verify_next,
            self.dispute_next,
            self.edit,
            self.show_action,
            self.next,
            self.previous,
        ]

    # -- moving ------------------------------------------------------------------------------

    def reading_order(self) -> list[str]:
        """Every fact id, in the order the facts first appear in the text."""
        sheet = self.window.current_sheet
        if sheet is None:
            return []
        end = len(sheet.article.text)

        def key(fact: Fact) -> tuple[int, int]:
            starts = [start for start, stop in fact.spans() if stop > start]
            return min(starts, default=end), GROUPS.index(group_of(fact))

        return [fact.id for fact in sorted(sheet.facts(), key=key)]

    def start_pass(self) -> bool:
        """Focus the facts list on the first unchecked fact in reading order."""
        order = self.reading_order()
        sheet = self.window.current_sheet
        if not order or sheet is None:
            self.window.statusBar().showMessage(_tr("No facts to check yet."), 4000)
            return False
        status = {fact.id: fact.status for fact in sheet.facts()}
        first = next((i for i in order if status[i] == "unverified"), order[0])
        self.window.facts_panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._go(first)
        self.window.statusBar().showMessage(
            _tr("Verification pass: V verify, D dispute, E edit, Enter show, N/P move."), 10000
        )
        return True

    def step(self, direction: int) -> str | None:
        """Move to the next (+1) or previous (-1) fact in reading order; its id."""
        order = self.reading_order()
        if not order:
            return None
        current = self.window.facts_panel.current_fact_id()
        if current not in order:
            target = order[0] if direction > 0 else order[-1]
        else:
            at = order.index(current) + direction
            if not 0 <= at < len(order):
                self.window.statusBar().showMessage(
                    _tr("That was the last fact.") if direction > 0 else _tr("First fact."), 4000
                )
                return current
            target = order[at]
        self._go(target)
        return target

    def decide(self, status: str) -> bool:
        """Give the current fact ``status`` and move to the next one."""
        fact_id = self.window.facts_panel.current_fact_id()
        if fact_id is None:
            self.step(+1)
            return False
        if not self.window.corrections.set_status(fact_id, status):
            return False
        self.step(+1)
        return True

    def show_current(self) -> None:
        fact_id = self.window.facts_panel.current_fact_id()
        if fact_id:
            self.window.show_fact(fact_id)

    def edit_current(self) -> FactEditorDialog | None:
        """Open the fact editor on the current fact (window-modal, not blocking)."""
        fact_id = self.window.facts_panel.current_fact_id()
        sheet = self.window.current_sheet
        if fact_id is None or sheet is None:
            return None
        fact = sheet.find(fact_id)
        if fact is None:
            return None
        corrections = self.window.corrections
        dialog = FactEditorDialog(sheet, fact, corrections.edit_fields, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        corrections.edit_refused.connect(dialog.show_error)
        dialog.finished.connect(lambda _: self._editor_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        self.editor_dialog = dialog
        return dialog

    def _editor_closed(self, dialog: FactEditorDialog) -> None:
        self.window.corrections.edit_refused.disconnect(dialog.show_error)
        if self.editor_dialog is dialog:
            self.editor_dialog = None
        self.window.facts_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go(self, fact_id: str) -> None:
        panel = self.window.facts_panel
        if panel.filter_edit.text() and not panel.select_fact(fact_id):
            panel.filter_edit.clear()  # the pass goes through every fact
        panel.select_fact(fact_id)
        self.window.show_fact(fact_id)
