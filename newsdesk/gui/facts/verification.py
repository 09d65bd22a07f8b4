"""The verification pass: through the facts in reading order, one key per decision.

With the facts list focused (F7 starts a pass there), **V** verifies the
current fact and moves to the next, **D** disputes it and asks, in a line under
the list, for an optional reason (kept as its note) before moving on, **U**
marks it unverified again, **E** opens the fact editor, **Enter** shows the
fact in the text, **N** / **P** move without deciding. The status bar says
where the pass is ("Fact 3 of 24"). Reading order is the order the facts first appear in
the story, whatever their kind, so a pass reads the story top to bottom.
The keys are actions (with objectNames) in the Facts menu too, so they can be
found, remapped by scripts and listed on the shortcut card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from newsdesk.core.output.wording import needs_first_check
from newsdesk.core.sheet.kinds import group_of
from newsdesk.core.sheet.labels import GROUPS
from newsdesk.core.sheet.model import Fact
from newsdesk.core.work.session import StorySession
from newsdesk.gui.action_factory import make_action
from newsdesk.gui.facts.corrections import CorrectionController
from newsdesk.gui.facts.facts_panel import FactsPanel
from newsdesk.gui.facts.reason_box import ReasonBox
from newsdesk.gui.notices import Notices

if TYPE_CHECKING:
    from newsdesk.gui.facts.fact_editor import FactEditorDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("VerificationPass", text)


class VerificationPass(QObject):
    """The pass's actions on the facts list and the logic of moving through it.

    ``show_fact(fact_id)`` shows a fact in the text; ``host`` holds the actions
    that work anywhere and parents the fact editor.
    """

    def __init__(
        self,
        host: QWidget,
        session: StorySession,
        facts_panel: FactsPanel,
        corrections: CorrectionController,
        show_fact: Callable[[str], None],
        notices: Notices,
    ) -> None:
        super().__init__(host)
        self._host = host
        self._session = session
        self._panel = facts_panel
        self._corrections = corrections
        self._show_fact = show_fact
        self._notices = notices
        view = facts_panel.view
        self.editor_dialog: FactEditorDialog | None = None
        self.reason_box = ReasonBox(facts_panel)
        facts_panel.place_under_list(self.reason_box)

        def make(
            name: str,
            text: str,
            keys: list[str],
            slot: Callable[[], object],
            *,
            scoped: bool = True,
        ) -> QAction:
            # Single keys act only while the facts list has focus, never while typing.
            return make_action(host, name, text, slot, keys, scope=view if scoped else None)

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
        self.unverify = make(
            "actionMarkUnverified", _tr("Mark &Unverified"), ["U"], self.unverify_current
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
            self.unverify,
            self.edit,
            self.show_action,
            self.next,
            self.previous,
        ]

    # -- moving ------------------------------------------------------------------------------

    def reading_order(self) -> list[str]:
        """Every fact id, in the order the facts first appear in the text."""
        sheet = self._session.sheet
        if sheet is None:
            return []
        end = len(sheet.article.text)

        def key(fact: Fact) -> tuple[int, int]:
            starts = [start for start, stop in fact.spans() if stop > start]
            return min(starts, default=end), GROUPS.index(group_of(fact))

        return [fact.id for fact in sorted(sheet.facts(), key=key)]

    def start_pass(self) -> bool:
        """Focus the facts list on the first unchecked fact in reading order (the first
        with an inferred speaker or source, when there is one)."""
        order = self.reading_order()
        sheet = self._session.sheet
        if not order or sheet is None:
            self._notices.status(_tr("No facts to check yet."))
            return False
        facts = {fact.id: fact for fact in sheet.facts()}
        unchecked = [i for i in order if facts[i].status == "unverified"]
        # Speakers and sources newsdesk inferred rather than read are checked first.
        inferred = [i for i in unchecked if needs_first_check(facts[i])]
        first = (inferred or unchecked or order)[0]
        self._panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._go(first)
        return True

    def step(self, direction: int) -> str | None:
        """Move to the next (+1) or previous (-1) fact in reading order; its id."""
        order = self.reading_order()
        if not order:
            return None
        current = self._panel.current_fact_id()
        if current not in order:
            target = order[0] if direction > 0 else order[-1]
        else:
            at = order.index(current) + direction
            if not 0 <= at < len(order):
                self._notices.status(
                    _tr("That was the last fact.") if direction > 0 else _tr("First fact.")
                )
                return current
            target = order[at]
        self._go(target)
        return target

    def decide(self, status: str) -> bool:
        """Give the current fact ``status`` and move to the next one.

        A dispute first asks why (optional, in the reason line under the list);
        the answer becomes the fact's note and the pass then moves on.
        """
        fact_id = self._panel.current_fact_id()
        if fact_id is None:
            self.step(+1)
            return False
        if not self._corrections.set_status(fact_id, status):
            return False
        if status == "disputed":
            fact = self._session.find(fact_id)
            title = fact.title if fact is not None else ""
            question = _tr("Why is “%s” disputed?") % (
                title[:50] + ("…" if len(title) > 50 else "")
            )
            self.reason_box.ask(question, lambda words: self._reason_given(fact_id, words))
            return True
        self.step(+1)
        return True

    def unverify_current(self) -> bool:
        """Mark the current fact unverified again (it stays current)."""
        fact_id = self._panel.current_fact_id()
        return fact_id is not None and self._corrections.set_status(fact_id, "unverified")

    def _reason_given(self, fact_id: str, words: str | None) -> None:
        fact = self._session.find(fact_id)
        if words and fact is not None:
            note = f"{fact.note} · {words}" if fact.note else words
            self._corrections.edit_fields(fact_id, {"note": note})
        self._panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step(+1)

    def show_current(self) -> None:
        fact_id = self._panel.current_fact_id()
        if fact_id:
            self._show_fact(fact_id)

    def edit_current(self) -> FactEditorDialog | None:
        """Open the fact editor on the current fact (window-modal, not blocking)."""
        # Imported when first opened, not as the window opens.
        from newsdesk.gui.facts.fact_editor import FactEditorDialog

        fact_id = self._panel.current_fact_id()
        sheet = self._session.sheet
        fact = self._session.find(fact_id) if fact_id is not None else None
        if sheet is None or fact is None:
            return None
        corrections = self._corrections
        dialog = FactEditorDialog(sheet, fact, corrections.edit_fields, self._host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        corrections.edit_refused.connect(dialog.show_error)
        dialog.finished.connect(lambda _: self._editor_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        self.editor_dialog = dialog
        return dialog

    def _editor_closed(self, dialog: FactEditorDialog) -> None:
        self._corrections.edit_refused.disconnect(dialog.show_error)
        if self.editor_dialog is dialog:
            self.editor_dialog = None
        self._panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go(self, fact_id: str) -> None:
        panel = self._panel
        if panel.filter_edit.text() and not panel.select_fact(fact_id):
            panel.filter_edit.clear()  # the pass goes through every fact
        panel.select_fact(fact_id)
        self._show_fact(fact_id)
        order = self.reading_order()
        if fact_id in order:
            self._notices.status(
                _tr("Fact %d of %d — V verify, D dispute, U unverified, E edit, N/P move")
                % (order.index(fact_id) + 1, len(order)),
                10000,
            )
