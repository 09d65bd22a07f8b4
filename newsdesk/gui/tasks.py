"""Background work with a success path and a failure path, both on the GUI thread.

:class:`TaskRunner` is the one way the window runs slow work (loading the
spaCy pipeline, analysing an article): a function runs on a worker thread of a
private ``QThreadPool`` and its result, or the exception it raised, comes back
by a queued signal to callbacks that run on the GUI thread, like Anki's
``QueryOp``. The NLP runner has a single thread, so one ``nlp`` object is never
used by two threads at once and jobs run in the order they were started.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


class _Job(QRunnable):
    """Runs one function on the pool and reports back through its runner's signal."""

    def __init__(self, runner: TaskRunner, job_id: int, function: Callable[[], Any]) -> None:
        super().__init__()
        # Python owns the job: the runner keeps it alive until its result is delivered.
        self.setAutoDelete(False)
        self._runner = runner
        self._id = job_id
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # delivered to the failure callback, not lost
            self._runner.job_finished.emit(self._id, False, error)
        else:
            self._runner.job_finished.emit(self._id, True, result)


class TaskRunner(QObject):
    """Runs functions off the GUI thread and calls back on it.

    ``run(function, on_success=..., on_failure=...)`` queues ``function``; when
    it returns, ``on_success(result)`` runs on the GUI thread; when it raises,
    ``on_failure(error)`` does, or, without a failure callback, the error is
    reported as a bug through ``sys.excepthook`` (the crash dialog). After
    :meth:`shutdown` no callback runs and no new job starts.
    """

    # Emitted from worker threads; the queued connection brings it to our thread.
    job_finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._next_id = 0
        self._pending: dict[int, tuple[_Job, SuccessCallback, FailureCallback | None]] = {}
        self._closed = False
        self.job_finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """Whether any job is queued, running or waiting to be delivered."""
        return bool(self._pending)

    def run(
        self,
        function: Callable[[], Any],
        *,
        on_success: SuccessCallback,
        on_failure: FailureCallback | None = None,
    ) -> None:
        """Run ``function`` on the pool; call back on the GUI thread when it is done."""
        if self._closed:
            log.debug("task runner is shut down; not starting %r", function)
            return
        self._next_id += 1
        job = _Job(self, self._next_id, function)
        self._pending[self._next_id] = (job, on_success, on_failure)
        self._pool.start(job)

    def shutdown(self) -> None:
        """Drop queued jobs, wait for the running one and join the worker thread."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        entry = self._pending.pop(job_id, None)
        if entry is None or self._closed:
            return
        _, on_success, on_failure = entry
        if ok:
            on_success(payload)
            return
        assert isinstance(payload, BaseException)
        if on_failure is not None:
            on_failure(payload)
        else:
            sys.excepthook(type(payload), payload, payload.__traceback__)
