"""Linear time on any input: each kind of hostile text, analysed at one size and ten times it.

For every case the whole analysis (``Extractor.extract``) runs on a text of
``n`` characters and on one of ``10 n``; the ratio of the two times is about
10 for work that grows linearly and about 100 for quadratic work. The cases
are what once stalled a batch: long runs of one symbol, a line of emoji, many
figures among many names, mathematical digits and huge numbers.

    python -m tests.benchmarks.linear [--size 4000] [--case NAME] [--max-ratio 25]

Exits 1 when a ratio is above ``--max-ratio`` (a check, not a test: tests never
time things).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from newsdesk.core.extract import Extractor


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _sentences(size: int) -> str:
    sentence = "Police in Paris said 12 people died and Anna Smith counted 30 more. "
    return "Figures from the front\n\n" + _repeat(sentence)(size)


CASES: dict[str, Callable[[int], str]] = {
    "dollar signs": _repeat("$"),
    "percent signs": _repeat("%"),
    "emoji line": _repeat("😀"),
    "emoji words": _repeat("😀😡 "),
    "figures and names": _sentences,
    "mathematical digits": _repeat("𝟏 𝟏𝟐𝟑 "),
    "huge numbers": _repeat("1e999 " + "9" * 40 + " 1,000,000,000 "),
    "one long word": _repeat("abcdefghij"),
}


def _time(extractor: Extractor, text: str) -> float:
    start = time.perf_counter()
    extractor.extract(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4_000, help="the smaller text's length")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument("--max-ratio", type=float, default=25.0, help="fail above this ratio")
    args = parser.parse_args(argv)
    extractor = Extractor.load()
    extractor.extract("Warm up: 12 people in Paris.")
    worst = 0.0
    print(f"{'case':<22} {'n':>8} {'time':>8} {'10 n':>8} {'time':>8} {'ratio':>6}")
    for name in args.case or CASES:
        make = CASES[name]
        small, large = make(args.size), make(10 * args.size)
        first, second = _time(extractor, small), _time(extractor, large)
        ratio = second / first if first > 0 else float("inf")
        worst = max(worst, ratio)
        print(
            f"{name:<22} {len(small):>8,} {first:>7.2f}s {len(large):>8,} {second:>7.2f}s "
            f"{ratio:>6.1f}",
            flush=True,
        )
    print(f"worst ratio {worst:.1f} (linear ≈ 10, quadratic ≈ 100)")
    return 1 if worst > args.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
