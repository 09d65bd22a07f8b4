"""Command line: ``python -m tests.benchmarks.checks [--show-misses] [--show-alarms]``.

Runs the real pipeline and the desk checks over the benchmark's stories and
prints, per check, the problems planted, hits, misses, false alarms (those on
the clean stories apart), precision and recall.
"""

from __future__ import annotations

import argparse
import sys
import time

from newsdesk.core.checks import CHECK_KINDS
from newsdesk.core.extract import Extractor
from tests.benchmarks.checks.cases import Outcome, planted_by_kind, read_cases, tally
from tests.benchmarks.checks.runner import run_cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.checks", description=__doc__)
    parser.add_argument("--show-misses", action="store_true", help="list planted problems missed")
    parser.add_argument("--show-alarms", action="store_true", help="list every false alarm")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    extractor = Extractor.load()
    cases = read_cases()
    outcomes = run_cases(extractor, cases)
    scores = tally(outcomes)
    planted = planted_by_kind(cases)
    clean = [o for o in outcomes if o.case.clean]
    print(
        f"Desk checks: {len(cases) - len(clean)} stories with {sum(planted.values())} planted "
        f"problems, {len(clean)} clean stories ({extractor.model_name}, "
        f"{time.perf_counter() - started:.1f} s)"
    )
    header = f"{'check':<18}{'family':>7}{'planted':>9}{'hits':>6}{'missed':>8}"
    header += f"{'alarms':>8}{'on clean':>10}{'precision':>11}{'recall':>8}"
    print(header)
    print("-" * len(header))
    total_hits = total_alarms = total_misses = total_clean = 0
    for kind in CHECK_KINDS.values():
        score = scores.get(kind.key)
        hits = score.hits if score else 0
        misses = score.misses if score else 0
        alarms = score.false_alarms if score else 0
        on_clean = score.clean_alarms if score else 0
        total_hits += hits
        total_misses += misses
        total_alarms += alarms
        total_clean += on_clean
        precision = score.precision if score else None
        recall = score.recall if score else None
        print(
            f"{kind.key:<18}{kind.family:>7}{planted[kind.key]:>9}{hits:>6}{misses:>8}"
            f"{alarms:>8}{on_clean:>10}{_ratio(precision):>11}{_ratio(recall):>8}"
        )
    print("-" * len(header))
    overall_p = total_hits / (total_hits + total_alarms) if total_hits + total_alarms else None
    overall_r = total_hits / (total_hits + total_misses) if total_hits + total_misses else None
    print(
        f"{'all checks':<18}{'':>7}{sum(planted.values()):>9}{total_hits:>6}{total_misses:>8}"
        f"{total_alarms:>8}{total_clean:>10}{_ratio(overall_p):>11}{_ratio(overall_r):>8}"
    )
    raised_clean = sum(len(o.checks) for o in clean)
    print(f"Clean stories: {raised_clean} checks raised on {len(clean)} stories.")
    print("\nBy set of stories (see stories/README.md):")
    for name, members in _sets(outcomes).items():
        if not members:
            continue
        hits = sum(len(o.hits) for o in members)
        alarms = sum(len(o.false_alarms) for o in members)
        misses = sum(len(o.misses) for o in members)
        on_clean = sum(len(o.checks) for o in members if o.case.clean)
        stories = sum(1 for o in members if o.case.clean)
        p = hits / (hits + alarms) if hits + alarms else None
        r = hits / (hits + misses) if hits + misses else None
        print(
            f"  {name:<34} {hits + misses:>3} planted, {hits:>3} hits, {alarms:>2} false alarms "
            f"({on_clean} on {stories} clean stories): precision {_ratio(p)}, recall {_ratio(r)}"
        )
    if args.show_misses:
        _list("Missed", [(o, f"{e.kind} {e.words!r}") for o in outcomes for e in o.misses])
    if args.show_alarms:
        _list(
            "False alarms",
            [(o, f"{c.kind}: {c.message}") for o in outcomes for c in o.false_alarms],
        )
    return 0


SETS = {
    "later_": "written after tuning, then tuned on",
    "fresh_": "held out: never tuned on",
}


def _sets(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    sets: dict[str, list[Outcome]] = {"tuned on while writing the checks": []}
    sets.update({title: [] for title in SETS.values()})
    for outcome in outcomes:
        name = next(
            (title for prefix, title in SETS.items() if outcome.case.file.startswith(prefix)),
            "tuned on while writing the checks",
        )
        sets.setdefault(name, []).append(outcome)
    return sets


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _list(title: str, rows: list[tuple[Outcome, str]]) -> None:
    print(f"\n{title} ({len(rows)}):")
    for outcome, line in rows:
        print(f"  {outcome.case.id:<14} {line}")


if __name__ == "__main__":
    sys.exit(main())
