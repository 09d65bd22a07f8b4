"""Analysis of the story's text on the NLP worker, debounced and revision-tagged.

Every change of the story session's text has a new revision; unless the session
already holds the analysis of that very text (an undo put it back), a
single-shot timer (re)starts, and when the text has been still for
:data:`DEBOUNCE_MS` the text and its revision go to the extractor on the one
NLP thread (a paste while no analysis runs goes at once: there is no typing
to wait out). There too the fresh sheet is merged with the editor's corrections
and its desk checks are run (:meth:`StorySession.merge`, which only reads the
session), so the window's thread only takes the result in: it is dropped when
the text has changed since, and merged again (on the worker) when the editor
corrected a fact meanwhile. The pipeline itself is loaded on the same thread, so
the window is usable while it loads, and a missing model is reported, not fatal.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.collector import settle
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.sheet.register import HouseRegister
from newsdesk.core.work.history import TextStep
from newsdesk.core.work.session import Landing, StorySession
from newsdesk.errors import NewsdeskError
from newsdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEBOUNCE_MS = 600
# The pause before re-analysis grows with the story (ms per word): a long story is
# analysed once the editor stops, not after every word.
PAUSE_MS_PER_WORD = 0.05
# Stories longer than this are analysed only once the editor says so (it takes a while).
LONG_STORY_WORDS = 50_000
_SECONDS_PER_WORD = 0.00025  # what the estimate in the question assumes (2-core laptop)
Progress = Callable[[int, int], None]


class SheetExtractor(Protocol):
    """What the window needs of :class:`newsdesk.core.extract.Extractor`."""

    @property
    def model_name(self) -> str: ...

    def extract(
        self,
        text: str,
        *,
        clean: bool = True,
        sheet_id: str | None = None,
        published: str | None = None,
        progress: Progress | None = None,
    ) -> FactSheet: ...


ExtractorLoader = Callable[[], SheetExtractor]


class AnalysisController(QObject):
    """Runs the extractor over the session's text when it settles (see module docs).

    Signals: ``model_loaded(str)`` (the model's name), ``model_failed(str)`` (a
    message saying what to install), ``busy_changed(bool)``, ``progress_changed(int,
    int)`` (paragraph groups parsed, of how many), ``result_applied(object)`` (the
    session took a fresh analysis; the :class:`~newsdesk.core.work.reconcile.Reconciled`
    report, ``None`` for an empty text), ``analysis_failed(str)``,
    ``waiting_for_go_ahead(int)`` (a story of that many words is not analysed until
    the editor says so).

    ``ask_long_story(words) -> bool`` asks whether to analyse a long story now;
    scripts and tests may replace it.
    """

    model_loaded = Signal(str)
    model_failed = Signal(str)
    busy_changed = Signal(bool)
    progress_changed = Signal(int, int)
    result_applied = Signal(object)
    analysis_failed = Signal(str)
    waiting_for_go_ahead = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        session: StorySession,
        parent: QObject | None = None,
        *,
        delay_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._session = session
        self._extractor: SheetExtractor | None = None
        self._register: HouseRegister | None = None  # the house register to read stories with
        # Called just before each analysis starts (the register keeper checks for changes).
        self.before_analysis: list[Callable[[], None]] = []
        # Called on the NLP thread with each merged sheet before it is handed back, to
        # prepare what showing it needs (the window's highlights); they must only read it.
        self.on_worker: list[Callable[[FactSheet], None]] = []
        self._wanted = False  # analysis was asked for before the model was ready
        self._in_flight = 0
        self._delay_ms = delay_ms
        self._long_story_approved = False
        self.ask_long_story: Callable[[int], bool] = _ask_long_story
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.request)
        session.events.text_changed.connect(self._text_changed)
        session.events.story_started.connect(self._story_started)

    # -- state -----------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """Whether the pipeline is loaded."""
        return self._extractor is not None

    @property
    def model_name(self) -> str | None:
        return self._extractor.model_name if self._extractor is not None else None

    @property
    def busy(self) -> bool:
        """Whether an analysis is queued or running."""
        return self._in_flight > 0

    @property
    def pending(self) -> bool:
        """Whether an analysis is waiting for the text to settle or the model to load."""
        return self._timer.isActive() or self._wanted

    # -- loading -----------------------------------------------------------------------

    def load(self, loader: ExtractorLoader) -> None:
        """Load the pipeline on the NLP thread; ``model_loaded`` or ``model_failed`` follows."""

        def load_and_freeze() -> SheetExtractor:
            try:
                return loader()
            finally:
                # The pipeline's objects live as long as the process: out of the
                # collector's reach, so no full pass walks them mid-edit (once per
                # process, here on the NLP thread; see newsdesk.collector).
                settle()

        self._runner.run(load_and_freeze, on_success=self._loaded, on_failure=self._load_failed)

    def set_register(self, register: HouseRegister) -> None:
        """Read later stories with ``register``: handed to the extractor on the NLP thread,
        in turn with the analyses (one already running keeps the register it started with)."""
        self._register = register
        extractor = self._extractor
        if extractor is not None and hasattr(extractor, "set_register"):
            self._runner.run(
                lambda: extractor.set_register(register),
                on_success=lambda _result: None,
                on_failure=lambda error: sys.excepthook(type(error), error, error.__traceback__),
            )

    def _loaded(self, extractor: SheetExtractor) -> None:
        self._extractor = extractor
        if self._register is not None:
            self.set_register(self._register)
        log.info("analysis ready with %s", extractor.model_name)
        self.model_loaded.emit(extractor.model_name)
        if self._wanted:
            self.analyse_now()

    def _load_failed(self, error: BaseException) -> None:
        self._wanted = False
        if isinstance(error, NewsdeskError):
            log.warning("no language model: %s", error)
            self.model_failed.emit(str(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # -- analysing ---------------------------------------------------------------------

    def _text_changed(self) -> None:
        """The text changed: analyse once it has been still a moment, unless already known."""
        if self._session.in_sync:
            self.cancel_pending()  # an undo put back the analysis of this very text
            return
        last = self._session.history.last()
        kind = last.kind if isinstance(last, TextStep) else None
        if kind in ("paste", "replace") and not self.busy:
            # One change made at once (a paste, a text put in by a script) while no
            # analysis runs: nothing more is coming to wait for. Analysed at the next
            # turn of the event loop, once the pasted text is painted.
            self._timer.setInterval(0)
        else:
            # Typing in a long story waits for a longer pause.
            typing = kind in ("typing", "deletion")
            pause = int(word_count(self._session.text) * PAUSE_MS_PER_WORD) if typing else 0
            self._timer.setInterval(self._delay_ms + pause)
        self._timer.start()

    def _story_started(self) -> None:
        self._long_story_approved = False

    @Slot()
    def request(self) -> bool:
        """Analyse now, unless the story is long and the editor does not want it yet.

        The pause after typing and the story flows come here; Analyse Now (F5)
        calls :meth:`analyse_now`, which is the go-ahead for a long story.
        """
        words = word_count(self._session.text)
        if words > LONG_STORY_WORDS and not self._long_story_approved and self.ready:
            self._timer.stop()
            if not self.ask_long_story(words):
                self.waiting_for_go_ahead.emit(words)
                return False
        return self.analyse_now()

    def cancel_pending(self) -> None:
        """Forget the scheduled analysis (the text already has its sheet)."""
        self._timer.stop()
        self._wanted = False

    @Slot()
    def analyse_now(self) -> bool:
        """Analyse the current text now (the go-ahead for a long story too).

        ``False`` if it must wait for the model.
        """
        self._timer.stop()
        for hook in self.before_analysis:
            hook()
        if word_count(self._session.text) > LONG_STORY_WORDS:
            self._long_story_approved = True  # the go-ahead for this long story
        if self._extractor is None:
            self._wanted = True
            return False
        self._wanted = False
        session, extractor = self._session, self._extractor
        text, revision = session.text, session.revision
        if not text.strip():
            self.result_applied.emit(session.analysis_landed(None, revision))
            return True

        def job() -> Landing | None:
            # Runs on the NLP thread. A job that is already stale when its turn
            # comes is skipped: reading an int attribute is safe across threads.
            if revision != session.revision:
                return None
            sheet = extractor.extract(text, clean=False, progress=self.progress_changed.emit)
            return self._prepared(session.merge(sheet, revision))

        self._set_in_flight(+1)
        self._runner.run(
            job,
            on_success=self._done,
            on_failure=lambda error: self._failed(error, revision),
        )
        return True

    def _done(self, landing: Landing | None) -> None:
        if landing is not None and self._merge_again(landing):
            return  # still in flight
        self._set_in_flight(-1)
        if landing is None:
            return  # skipped: stale before its turn
        if self._session.is_stale(landing):
            log.debug("dropping analysis of revision %d", landing.revision)
            return
        self.result_applied.emit(self._session.take(landing))

    def _merge_again(self, landing: Landing) -> bool:
        """Whether the editor corrected a fact while ``landing`` was made: then it goes
        back to the worker to be merged with that work (off this thread too)."""
        session = self._session
        if session.is_stale(landing) or not session.needs_merge(landing):
            return False
        fresh, revision = landing.fresh, landing.revision
        self._runner.run(
            lambda: self._prepared(session.merge(fresh, revision)),
            on_success=self._done,
            on_failure=lambda error: self._failed(error, revision),
        )
        return True

    def _prepared(self, landing: Landing) -> Landing:
        """On the NLP thread: let ``on_worker`` prepare the showing of the merged sheet."""
        if landing.merged is not None:
            for prepare in self.on_worker:
                prepare(landing.merged.sheet)
        return landing

    def _failed(self, error: BaseException, revision: int) -> None:
        self._set_in_flight(-1)
        if not isinstance(error, NewsdeskError):
            sys.excepthook(type(error), error, error.__traceback__)
        elif revision == self._session.revision:
            self.analysis_failed.emit(str(error))

    def _set_in_flight(self, step: int) -> None:
        was_busy = self.busy
        self._in_flight += step
        if self.busy != was_busy:
            self.busy_changed.emit(self.busy)


def word_count(text: str) -> int:
    """About how many words ``text`` has (spaces and line breaks counted: fast on any size)."""
    return text.count(" ") + text.count("\n") + (1 if text.strip() else 0)


def _ask_long_story(words: int) -> bool:
    minutes = words * _SECONDS_PER_WORD / 60
    answer = QMessageBox.question(
        QApplication.activeWindow(),
        QCoreApplication.translate("AnalysisController", "Analyse a long story?"),
        QCoreApplication.translate(
            "AnalysisController",
            "This story has about %s words. Finding its facts takes about %s minutes, "
            "while you can go on working. Analyse it now?\n\nYou can start it later "
            "with Analysis › Analyse Now (F5).",
        )
        % (f"{words:,}", f"{max(minutes, 0.5):.1f}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
