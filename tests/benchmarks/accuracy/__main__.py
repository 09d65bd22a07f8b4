"""Command line: ``python -m tests.benchmarks.accuracy [--data PATH] [--only TASK]
[--markdown] [--errors N]``.

Prints one table: per task and data set, newsdesk's score beside bare spaCy's
computed in the same run, then how the gold was read, the learning benchmark
(corrections per story with and without the house register), any inputs that
failed, and (``--errors N``) newsdesk's N most frequent kinds of figure errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsdesk.core.extract import Extractor
from tests.benchmarks.accuracy import attribution, dates, entities, figures, learning, quotes
from tests.benchmarks.accuracy.report import TaskResult, markdown_table, plain_table
from tests.benchmarks.accuracy.systems import Errors

REPO = Path(__file__).resolve().parents[3]
TASKS = ("figures", "entities", "quotes", "attribution", "dates", "learning")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.accuracy",
        description="Accuracy of newsdesk's fact sheets against outside gold data, "
        "beside the bare spaCy pipeline.",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=REPO.parent / "shared" / "evaldata",
        help="outside evaluation data folder (default: ../shared/evaldata from the repo root)",
    )
    parser.add_argument("--only", choices=TASKS, help="run one task")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also list newsdesk's N most frequent kinds of figure errors, with examples",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no evaluation data at {args.data}")

    started = time.perf_counter()
    extractor = Extractor.load()
    errors = Errors()
    results: list[TaskResult] = []
    kinds = None
    learned = ""
    timings: list[str] = []
    for task in TASKS:
        if args.only and task != args.only:
            continue
        began = time.perf_counter()
        if task == "figures":
            outcome = figures.evaluate(extractor, args.data, errors)
            results.append(outcome.result)
            kinds = outcome.kinds
        elif task == "entities":
            results.append(entities.evaluate(extractor, args.data, errors))
        elif task == "quotes":
            results.append(quotes.evaluate(extractor, args.data, errors))
        elif task == "attribution":
            results.append(attribution.evaluate(extractor, errors))
        elif task == "learning":
            learned = learning.report(extractor, args.data, errors)
        else:
            results.append(dates.evaluate(extractor, args.data, errors))
        timings.append(f"{task} {time.perf_counter() - began:.1f}s")

    rows = [row for result in results for row in result.rows]
    markdown = args.markdown
    print(
        f"Accuracy on {args.data} — pipeline {extractor.model_name}; "
        "cells are P / R / F1 unless the metric says otherwise.\n"
    )
    print(markdown_table(rows) if markdown else plain_table(rows))
    bullet = "- " if markdown else "  "
    print("\nHow the gold was read:")
    for result in results:
        for note in result.notes:
            print(f"{bullet}{result.task}: {note}")
    if learned:
        print(f"\n{learned}")
    print(f"\nErrors: {len(errors.items)} input(s) failed")
    for task, system, case, message in errors.items[:50]:
        print(f"{bullet}{task} / {system} / {case}: {message}")
    if kinds is not None and args.errors > 0:
        lists = (
            ("kinds of figure misses and false positives", kinds.top(args.errors)),
            ("kinds of qualifier errors", kinds.top(args.errors, qualifiers=True)),
        )
        for title, ranked in lists:
            print(f"\nnewsdesk's {len(ranked)} most frequent {title}:")
            for n, (kind, count, examples) in enumerate(ranked, start=1):
                print(f"{n}. {kind} — {count}" if markdown else f"{n:2}. {kind} — {count}")
                for example in examples:
                    print(f"   {bullet}{example}")
    total = time.perf_counter() - started
    print(f"\nRun time {total:.1f}s ({', '.join(timings)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
