"""A JSONL batch over worker processes: ``newsdesk extract --jsonl --jobs N``.

The stories are read in the parent, a few dozen at a time, and each bundle
goes to a worker that holds its own pipeline (loaded once, or inherited
ready-loaded, with the gazetteer, where processes fork); the workers analyse,
check and write the sheets as JSON lines, and the parent prints the bundles in
input order. Bundles are :data:`BUNDLE` stories, and smaller towards the end of
the input, so the workers finish together instead of one waiting on the other's
last bundle. With one job the same bundles run in this process, so the output
is the same whatever the number of jobs. Each worker tells its peak memory,
which ``-v`` reports.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from queue import SimpleQueue
from typing import TYPE_CHECKING

from newsdesk.core.checks import CheckSettings, run_checks
from newsdesk.errors import NewsdeskError

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from newsdesk.core.extract import Extractor
    from newsdesk.core.sheet.register import HouseRegister

log = logging.getLogger(__name__)

BUNDLE = 32  # stories a worker takes at a time: one nlp.pipe batch
LARGE_BATCH = 4 * BUNDLE  # more stories than this use every core unless --jobs says otherwise
# Stories read ahead of the bundles: once the input ends, each bundle is a quarter
# (1 / TAIL_PARTS) of what is left, at least MIN_BUNDLE, so no worker is left with a
# long last bundle while the others wait. The bundles do not depend on the number of
# jobs, so neither does the output (the parse of a story is the same in any bundle).
LOOKAHEAD = 2 * BUNDLE
TAIL_PARTS = 4
MIN_BUNDLE = 8


@dataclass(frozen=True)
class Item:
    """One story of the batch: its place among the input lines, id and text."""

    line: int
    id: str | None
    text: str


@dataclass(frozen=True)
class Done:
    """A bundle analysed: per story its line and either a JSON line or an error, and
    which process did it, with how much memory at most and CPU time so far."""

    results: list[tuple[int, str | None, str | None]]  # line, JSON or None, error or None
    pid: int
    peak_kib: int
    cpu_s: float = 0.0


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
            if sum(map(len, first)) > LARGE_BATCH:
                break
        jobs = cores() if sum(map(len, first)) > LARGE_BATCH else 1
    queued = _chain(first, bundles)
    if jobs <= 1:
        for bundle in queued:
            yield from _analyse(bundle).results
        return
    methods = multiprocessing.get_all_start_methods()
    forking = "fork" in methods
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if forking:
        # Read before the fork, so every worker has it instead of reading it again.
        from newsdesk.core.extract.gazetteer import gazetteer

        gazetteer()
    setup = _Setup(model, extractor.register or None, settings)
    stories: dict[int, int] = {}  # by worker: stories analysed
    last: dict[int, Done] = {}  # by worker: its last bundle, with its peak and CPU time
    with context.Pool(jobs, initializer=_start_worker, initargs=(setup,)) as pool:
        for done in _in_order(pool, queued, jobs):
            stories[done.pid] = stories.get(done.pid, 0) + len(done.results)
            last[done.pid] = done
            yield from done.results
    for number, pid in enumerate(sorted(last), start=1):
        log.info(
            "worker %d (pid %d): %d stories, %.1f s CPU, peak memory %.0f MiB",
            number,
            pid,
            stories[pid],
            last[pid].cpu_s,
            last[pid].peak_kib / 1024,
        )


def _in_order(pool: Pool, bundles: Iterator[list[Item]], jobs: int) -> Iterator[Done]:
    """The bundles analysed by ``pool``'s workers, in input order.

    A new bundle goes in as soon as any bundle is done, not only the oldest, so a
    worker never idles behind a longer bundle of the other's; at most ``2 * jobs``
    wait or run and ``8 * jobs`` are held, so a huge input is never read whole.
    """
    finished: SimpleQueue[tuple[int, Done | BaseException]] = SimpleQueue()
    done: dict[int, Done | BaseException] = {}  # finished, waiting for their turn
    sent = told = 0  # bundles given to the workers; bundles yielded
    more = True
    while True:
        while more and sent - told - len(done) < 2 * jobs and sent - told < 8 * jobs:
            bundle = next(bundles, None)
            if bundle is None:
                more = False
                break
            tell = partial(_tell, finished, sent)
            pool.apply_async(_analyse, (bundle,), callback=tell, error_callback=tell)
            sent += 1
        while told in done:
            outcome = done.pop(told)
            told += 1
            if isinstance(outcome, BaseException):
                raise outcome  # a worker's failure, in its turn
            yield outcome
        if told == sent and not more:
            return
        number, outcome = finished.get()
        done[number] = outcome


def _tell(
    finished: SimpleQueue[tuple[int, Done | BaseException]],
    number: int,
    outcome: Done | BaseException,
) -> None:
    """Hand bundle ``number``'s outcome to :func:`_in_order` (on the pool's thread)."""
    finished.put((number, outcome))


def _bundles(items: Iterable[Item]) -> Iterator[list[Item]]:
    """``items`` in bundles of :data:`BUNDLE`, and smaller ones at the end of the input
    (see :data:`LOOKAHEAD`); never more than ``LOOKAHEAD`` stories held at once."""
    source = iter(items)
    ahead: deque[Item] = deque()
    ended = False
    while True:
        while not ended and len(ahead) < LOOKAHEAD:
            item = next(source, None)
            if item is None:
                ended = True
            else:
                ahead.append(item)
        if not ahead:
            return
        size = BUNDLE if not ended else max(MIN_BUNDLE, -(-len(ahead) // TAIL_PARTS))
        yield [ahead.popleft() for _ in range(min(size, BUNDLE, len(ahead)))]


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
    peak, cpu = _usage()
    return Done(results, os.getpid(), peak, cpu)


def _usage() -> tuple[int, float]:
    """This process's peak resident memory in KiB and CPU seconds (a forked worker's
    count from its fork); zeros where they cannot be read."""
    try:
        import resource
    except ImportError:  # Windows
        return 0, 0.0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return peak, usage.ru_utime + usage.ru_stime
