"""Honest progress: the facts panel says when its facts describe an earlier text.

While the text has changed and its analysis is pending or running, the facts
shown are the editor's work on the text as it was. :class:`StaleWatch` dims the
list and says so — at once after a paste or an open (a new text), after a
moment for ordinary typing, so a quick analysis does not flash — with the
analysis's progress by paragraph group, and it says when a long story waits for
the editor's go-ahead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from newsdesk.core.work.history import TextStep
from newsdesk.core.work.session import StorySession
from newsdesk.gui.analysis import AnalysisController
from newsdesk.gui.facts.facts_panel import FactsPanel

SHOW_AFTER_MS = 400  # an analysis that takes longer than this is shown as running


class StaleWatch(QObject):
    """Keeps the facts panel's stale banner true to the session and the analysis."""

    def __init__(
        self, session: StorySession, analysis: AnalysisController, panel: FactsPanel
    ) -> None:
        super().__init__(panel)
        self._session = session
        self._analysis = analysis
        self._panel = panel
        self._progress = (0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self._running_a_while)
        session.events.text_changed.connect(self._text_changed)
        session.events.sheet_replaced.connect(self._sheet_replaced)
        analysis.busy_changed.connect(self._busy_changed)
        analysis.progress_changed.connect(self._progressed)
        analysis.waiting_for_go_ahead.connect(self._waiting)

    def _show(self) -> None:
        done, total = self._progress
        if total > 1:
            message = self.tr(
                "Finding the facts of the changed text: paragraph group %d of %d. The facts "
                "below are from before the change."
            ) % (min(done + 1, total), total)
        else:
            message = self.tr(
                "Finding the facts of the changed text. The facts below are from before the change."
            )
        self._panel.set_stale(message, done, total)

    def _text_changed(self) -> None:
        if self._session.in_sync:
            self._done()
            return
        last = self._session.history.last()
        typing = isinstance(last, TextStep) and last.kind in ("typing", "deletion")
        if not typing:  # a paste, an opened file, a replaced text: say so at once
            self._progress = (0, 0)
            self._show()

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._progress = (0, 0)
            self._timer.start()
        else:
            self._timer.stop()
            if self._session.in_sync:
                self._done()

    def _running_a_while(self) -> None:
        if self._analysis.busy and not self._session.in_sync:
            self._show()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self._progress = (done, total)
        if self._panel.stale and not self._session.in_sync:
            self._show()

    @Slot(int)
    def _waiting(self, words: int) -> None:
        self._panel.set_stale(
            self.tr(
                "This story has about %s words: its facts are found when you press F5 "
                "(Analysis › Analyse Now). The facts below are from before the change."
            )
            % f"{words:,}"
        )

    def _sheet_replaced(self) -> None:
        if self._session.in_sync:
            self._done()

    def _done(self) -> None:
        self._timer.stop()
        self._progress = (0, 0)
        self._panel.set_stale(None)
