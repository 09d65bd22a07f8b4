"""Number words: newsdesk's own reader against text2num, before adopting either.

    python -m tests.benchmarks.number_words [--data ../shared/evaldata]

The issue that made the figure rules a pipeline asked whether text2num should
read spelled-out numbers behind a wrapper. This measures it on the gold phrases
written in words (a letter and no digit): Recognizers-Text NumberModel results,
Duckling numerals and quantulum3's spell-out cases, each phrase with its gold
value. newsdesk's column is :func:`~newsdesk.core.extract.numbers.parse_number`
on the phrase; text2num's is ``text2num(phrase, "en")``, or, when that refuses,
the one number ``alpha2digit`` leaves (a wrapper would do no better without
newsdesk's own rules). A value within 1e-6 of the gold is right.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from newsdesk.core.extract.numbers import parse_number

REPO = Path(__file__).resolve().parents[2]
_DIGIT = re.compile(r"\d")
_ONE_NUMBER = re.compile(r"^\s*[-−]?\d[\d,]*(?:\.\d+)?\s*$")


def phrases(data: Path) -> Iterator[tuple[str, str, float]]:
    """``(set, phrase, value)`` for every gold phrase written in words only."""
    specs = data / "recognizers_text" / "Specs" / "Number" / "English" / "NumberModel.json"
    for case in json.loads(specs.read_text(encoding="utf-8-sig")):
        for result in case.get("Results", []):
            text, value = str(result.get("Text", "")), result.get("Resolution", {}).get("value")
            if _words_only(text) and _number(value) is not None:
                yield "Recognizers NumberModel", text, float(value)
    duckling = json.loads((data / "duckling" / "duckling_en_examples.json").read_text())
    for example in duckling.get("Numeral", {}).get("examples", []):
        found = re.match(r"^NumeralValue\s+\(?\s*(-?[\d.]+(?:e[-+]?\d+)?)", example["value_expr"])
        for text in example["texts"]:
            if found and _words_only(text):
                yield "Duckling numerals", text, float(found.group(1))
    spellouts = data / "quantulum3" / "spellout_cases.json"
    for case in json.loads(spellouts.read_text(encoding="utf-8")):
        values = case["expected_values"]
        if len(values) == 1 and _words_only(case["text"]):
            yield "quantulum3 spell-outs", case["text"], float(values[0])


def _words_only(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", text)) and not _DIGIT.search(text)


def _number(value: object) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def text2num_reader() -> Callable[[str], float | None] | None:
    """text2num behind the wrapper newsdesk would write, or ``None`` when not installed."""
    try:
        from text_to_num import alpha2digit, text2num
    except ImportError:
        return None

    def read(phrase: str) -> float | None:
        try:
            return float(text2num(phrase.lower(), "en"))
        except ValueError:
            pass
        digits = alpha2digit(phrase, "en")
        if _ONE_NUMBER.match(digits):
            return float(digits.replace(",", "").replace("−", "-"))
        return None

    return read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "evaldata")
    args = parser.parse_args(argv)
    other = text2num_reader()
    readers: dict[str, Callable[[str], float | None] | None] = {
        "newsdesk parse_number": parse_number,
        "text2num": other,
    }
    right: dict[tuple[str, str], int] = {}
    total: dict[str, int] = {}
    misses: dict[str, list[str]] = {name: [] for name in readers}
    for dataset, phrase, value in phrases(args.data):
        total[dataset] = total.get(dataset, 0) + 1
        for name, read in readers.items():
            if read is None:
                continue
            got = read(phrase)
            ok = got is not None and math.isclose(got, value, rel_tol=1e-6, abs_tol=1e-9)
            right[name, dataset] = right.get((name, dataset), 0) + ok
            if not ok and len(misses[name]) < 6:
                misses[name].append(f"{phrase!r} = {value:g}, read {got}")
    print("Spelled-out numbers read right (gold phrases in words only)\n")
    names = [n for n, r in readers.items() if r is not None]
    print(f"{'set':<26}{'phrases':>8}" + "".join(f"{n:>24}" for n in names))
    for dataset in [*total, "all"]:
        count = sum(total.values()) if dataset == "all" else total[dataset]
        cells = []
        for name in names:
            hits = sum(v for (n, d), v in right.items() if n == name and dataset in (d, "all"))
            cells.append(f"{hits / count:>24.3f}" if count else f"{'–':>24}")
        print(f"{dataset:<26}{count:>8}" + "".join(cells))
    if other is None:
        print("\ntext2num is not installed (pip install -e .[bench]): no column.")
    for name in names:
        print(f"\nsome phrases {name} misreads:")
        for miss in misses[name]:
            print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
