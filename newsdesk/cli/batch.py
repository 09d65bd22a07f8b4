"""A JSONL batch over worker processes: ``newsdesk extract --jsonl --jobs N``.

The stories are read in the parent, a few dozen at a time, and each bundle
goes to a worker that holds its own pipeline (loaded once, or inherited
ready-loaded where processes fork); the workers analyse, check and write the
sheets as JSON lines, and the parent prints the bundles in input order. With
one job the same bundles run in this process, so the output is the same
whatever the number of jobs. Each worker tells its peak memory, which ``-v``
reports.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.core.checks import CheckSettings, run_checks
from newsdesk.errors import NewsdeskError

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from newsdesk.core.extract import Extractor
    from newsdesk.core.sheet.register import HouseRegister

log = logging.getLogger(__name__)

BUNDLE = 32  # stories a worker takes at a time: one nlp.pipe batch
LARGE_BATCH = 4 * BUNDLE  # more stories than this use every core unless --jobs says otherwise


@dataclass(frozen=True)
class Item:
    """One story of the batch: its place among the input lines, id and text."""

    line: int
    id: str | None
    text: str


@dataclass(frozen=True)
class Done:
    """A bundle analysed: per story its line and either a JSON line or an error, and
    which process did it with how much memory at most."""

    results: list[tuple[int, str | None, str | None]]  # line, JSON or None, error or None
    pid: int
    peak_kib: int


@dataclass(frozen=True)
class _Setup:
    model: str | None
    register: HouseRegister | None
    settings: CheckSettings


_extractor: Extractor | None = None  # this process's pipeline
_settings: CheckSettings | None = None


def cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(
    extractor: Extractor,
    items: Iterable[Item],
    settings: CheckSettings,
    *,
    jobs: int | None,
    model: str | None,
) -> Iterator[tuple[int, str | None, str | None]]:
    """``(line, json, error)`` per story, in input order.

    ``jobs=None`` uses every core for a large batch and this process for a
    small one; ``model`` is the pipeline a worker loads where it cannot fork.
    """
    global _extractor, _settings
    _extractor, _settings = extractor, settings
    bundles = _bundles(items)
    first: list[list[Item]] = []
    if jobs is None:
        # Look ahead just far enough to know whether the batch is large.
        for bundle in bundles:
            first.append(bundle)
            if len(first) * BUNDLE > LARGE_BATCH:
                break
        jobs = cores() if len(first) * BUNDLE > LARGE_BATCH else 1
    queued = _chain(first, bundles)
    if jobs <= 1:
        for bundle in queued:
            yield from _analyse(bundle).results
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    setup = _Setup(model, extractor.register or None, settings)
    peaks: dict[int, tuple[int, int]] = {}
    with context.Pool(jobs, initializer=_start_worker, initargs=(setup,)) as pool:
        # A few bundles per worker in flight, so a huge input is never read whole.
        pending: deque[AsyncResult[Done]] = deque()
        for bundle in queued:
            pending.append(pool.apply_async(_analyse, (bundle,)))
            if len(pending) < 2 * jobs:
                continue
            done = pending.popleft().get()
            peaks[done.pid] = (peaks.get(done.pid, (0, 0))[0] + len(done.results), done.peak_kib)
            yield from done.results
        while pending:
            done = pending.popleft().get()
            peaks[done.pid] = (peaks.get(done.pid, (0, 0))[0] + len(done.results), done.peak_kib)
            yield from done.results
    for number, (pid, (stories, peak)) in enumerate(sorted(peaks.items()), start=1):
        log.info(
            "worker %d (pid %d): %d stories, peak memory %.0f MiB",
            number,
            pid,
            stories,
            peak / 1024,
        )


def _bundles(items: Iterable[Item]) -> Iterator[list[Item]]:
    bundle: list[Item] = []
    for item in items:
        bundle.append(item)
        if len(bundle) == BUNDLE:
            yield bundle
            bundle = []
    if bundle:
        yield bundle


def _chain(first: list[list[Item]], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield from first
    yield from rest


def _start_worker(setup: _Setup) -> None:
    """Load the pipeline once in a worker, unless it came ready-loaded with the fork."""
    global _extractor, _settings
    _settings = setup.settings
    if _extractor is None:
        from newsdesk.core.extract import Extractor

        _extractor = Extractor.load(setup.model, register=setup.register)


def _analyse(bundle: list[Item]) -> Done:
    """Analyse and check one bundle in this process."""
    assert _extractor is not None and _settings is not None
    lines = iter([item.line for item in bundle])
    results: list[tuple[int, str | None, str | None]] = []
    stories = ((item.id, item.text) for item in bundle)
    for item_id, result in _extractor.extract_many(stories):
        line = next(lines)
        if isinstance(result, NewsdeskError):
            results.append((line, None, f"story {item_id!r}: {result}"))
            continue
        result.checks = run_checks(result, _settings)
        results.append((line, result.to_json(indent=None), None))
    return Done(results, os.getpid(), _peak_kib())


def _peak_kib() -> int:
    """This process's peak resident memory in KiB (0 where it cannot be read)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak
