"""Figures: value P/R/F1 and qualifier accuracy on four outside number test sets.

A predicted figure matches a gold one when their character spans overlap and
the values agree (relative tolerance 1e-6), one to one, best overlap first.
Values are numbers as stated, scaled: "$1.2bn" is 1.2e9, "12%" is 12, "50
cents" is 50. A closed range matches only when both bounds agree (prediction
``low``/``high``); an open bound ("more than 20") compares the bound with the
prediction's ``value``. P = matched predictions / counted predictions, R =
matched gold / gold. Qualifier accuracy = among matched pairs, the share whose
qualifier (exact | about | at_least | more_than | at_most | less_than | range)
equals the gold one.

Gold readers (``--data`` is the evaluation folder):

* Recognizers-Text specs (``recognizers_text/Specs``, read as utf-8-sig;
  ``End`` is inclusive). Cases marked ``NotSupported`` (a language port of
  Recognizers-Text fails them, says nothing about the gold) are included; their
  number is reported. Each spec annotates one kind of number, so predictions
  of other kinds that touch no gold are not counted:
  - ``Number/English/NumberModel.json``: every number; value ``Resolution.value``.
    A money or quantity figure that touches no gold is not counted (the spec
    leaves numbers with units to other models by design: "the 180ml liquid").
  - ``Number/English/NumberRangeModel.json``: ``"(20,35]"`` is a range 20–35,
    ``"(20,)"`` more_than 20, ``"[20,)"`` at_least, ``"(,20)"`` less_than,
    ``"(,20]"`` at_most, ``"[20,20]"`` exact 20. Only bounded figures
    (qualifier not exact) count unless they touch gold.
  - ``Number/English/PercentModel.json`` (the English percent spec; the
    ``PercentMode`` variants test a Recognizers option and are not used): value
    is the number before "%". Only percent figures count unless they touch gold.
  - ``NumberWithUnit/English/CurrencyModel.json``: scaled value. Only money
    figures count unless they touch gold.
  These specs mark no hedges (their spans stop at the number), so the gold
  qualifier of Number/Percent/Currency items is the hedge written right before
  the span ("about $ 14 million" → about; list in ``scoring.HEDGES``), else exact.
  The rule is lexical, so "earn $2000 over 3 years" gives "3" more_than (one case).
* Duckling (``duckling/duckling_en_examples.json``), dims Numeral,
  AmountOfMoney, Quantity and Distance; each text is a standalone phrase and
  its gold span is the whole phrase. ``between U (a, b)`` is a range,
  ``above U x`` at_least when the phrase says "at least"/"no less than" and
  more_than otherwise, ``under U x`` at_most for "at most"/"no more than" and
  less_than otherwise; ``simple`` is about when the phrase opens with a hedge,
  else exact. Duckling converts units; when the phrase states one unit other
  than the gold one ("0.002 kg" → Gram 2) the gold value is converted back to
  the stated unit. Negative phrases are gold-free cases (any figure is a false
  positive). Duckling's own quirks are kept as written ("7-9 lakh rupees" is
  7 to 900,000).
* quantulum3 (``quantulum3/quantities.json``): gold span = the ``surface``
  found in ``req`` (searched in order). A result with an ``uncertainty`` is a
  range (value ± uncertainty, "3 to 4 L"). "a dozen"/"a gross" also match
  12/144. ``spellout_cases.json``: gold values without spans; the span is the
  whole text, so matching is by value.

* Fresh copy (``data/fresh_copy.txt`` in this folder, see :mod:`.fresh`): 554 original
  sentences from sixteen desks written for newsdesk, every figure of each sentence in the
  gold (so any other reading is a false positive), with hedge, bounds, change, unit,
  counted noun, earlier level and equivalent. A vague amount ("dozens") matches a
  reading of it as a vague amount (no value, a floor). Reported in its dev block (tuned
  on), its test block (only scored), its holdout block (written after the rules of #14,
  scored once, since tuned on), its blind block (eight more desks, never tuned on) and
  all; the "overall" rows stay the outside sets alone. Besides value
  and hedge, the fresh rows score direction (``change``), hedge and direction together,
  unit, counted noun, earlier level and equivalent among matched figures.

Every set is also read by quantulum3 and text2num (:mod:`.libraries`), scored
the same way, in their own columns.

Not scored (predictions touching them are ignored, the count is reported):
years written as four digits (quantulum's "1979" as a dimensionless number;
newsdesk's contract files years as dates), the parts of a numeric date
("5/17/2018"), gold without a value (Recognizers' bare "percent"), and
Duckling phrases that sum several units ("7 feet 10 inches", "$20 and 43c",
"3 GBP 1 pence") or are unreadable ("ꌐ").

Bare spaCy baseline: spans of ``doc.ents`` labelled CARDINAL, MONEY, PERCENT or
QUANTITY; value read the way a user of bare spaCy would in a few lines —
strip currency symbols and commas, ``float()`` of the first numeric token,
times a following thousand/million/billion/trillion, ``None`` when nothing
parses (spelled-out numbers); qualifier always exact, no bounds.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.benchmarks.accuracy.figure_errors import ErrorKinds, collect_errors
from tests.benchmarks.accuracy.fresh import DetailScores, FreshFigure, detail_scores, read_fresh
from tests.benchmarks.accuracy.libraries import LIBRARIES, run_library
from tests.benchmarks.accuracy.report import TaskResult
from tests.benchmarks.accuracy.scoring import (
    Accuracy,
    Counts,
    close,
    hedge_at_start,
    hedge_before,
    match_greedy,
    overlap,
)
from tests.benchmarks.accuracy.systems import Errors, Input, PredFigure, run_bare, run_newsdesk

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor

# -- gold --------------------------------------------------------------------------


@dataclass
class GoldFigure:
    start: int
    end: int
    text: str
    value: float | None
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    alternatives: tuple[float, ...] = ()
    scored: bool = True
    why: str = ""  # why not scored
    vague: bool = False  # "dozens": no value, matched by a vague reading
    detail: FreshFigure | None = None  # the fresh set's details (change, unit, counted …)


@dataclass
class FigureCase:
    """One input text with its gold figures.

    ``scope`` says which predictions that touch no gold count: ``all``,
    ``no-units`` (not money/quantity), ``money``, ``percent`` or ``bounded``.
    """

    dataset: str
    case: str
    text: str
    gold: list[GoldFigure]
    scope: str = "all"
    not_supported: bool = False
    excluded: list[str] = field(default_factory=list)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _spec_span(case: dict[str, Any], result: dict[str, Any]) -> tuple[int, int]:
    """End-exclusive span of a Recognizers result, checked against its text."""
    text, start, end = case["Input"], int(result["Start"]), int(result["End"]) + 1
    if text[start:end].lower() != str(result["Text"]).lower():
        found = text.lower().find(str(result["Text"]).lower())
        if found != -1:
            return found, found + len(result["Text"])
    return start, end


_DATE_NUMBERS = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def _recognizers(
    path: Path,
    dataset: str,
    scope: str,
    read: Callable[[str, int, int, dict[str, Any]], GoldFigure],
    skip_dates: bool = False,
) -> list[FigureCase]:
    cases = []
    for n, case in enumerate(_load(path)):
        text = case["Input"]
        gold = []
        dates = [m.span() for m in _DATE_NUMBERS.finditer(text)] if skip_dates else []
        for result in case.get("Results", []):
            start, end = _spec_span(case, result)
            figure = read(text, start, end, result.get("Resolution") or {})
            if any(overlap((start, end), d) for d in dates):
                figure.scored, figure.why = False, "part of a numeric date"
            gold.append(figure)
        cases.append(
            FigureCase(
                dataset,
                f"{path.stem}#{n}",
                text,
                gold,
                scope,
                not_supported=bool(case.get("NotSupported")),
            )
        )
    return cases


def _number(value: Any) -> float | None:
    if value is None:
        return None
    text = str(value).strip().rstrip("%")
    try:
        return float(text)
    except ValueError:
        return None


def _plain(text: str, start: int, end: int, resolution: dict[str, Any]) -> GoldFigure:
    value = _number(resolution.get("value"))
    figure = GoldFigure(start, end, text[start:end], value, hedge_before(text, start) or "exact")
    if value is None:
        figure.scored, figure.why = False, "gold has no value"
    return figure


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*)\s*,\s*([^,]*?)\s*([\])])$")


def parse_interval(notation: str) -> tuple[str, float | None, float | None, float | None]:
    """``(qualifier, value, low, high)`` of a Recognizers range like ``"(20,35]"``."""
    match = _INTERVAL.match(notation.strip())
    if not match:
        raise ValueError(f"not an interval: {notation!r}")
    opening, low_text, high_text, closing = match.groups()
    low, high = _number(low_text or None), _number(high_text or None)
    if low is not None and high is not None:
        if low == high and opening == "[" and closing == "]":
            return "exact", low, low, high
        return "range", low, low, high
    if low is not None:
        return ("at_least" if opening == "[" else "more_than"), low, low, None
    if high is not None:
        return ("at_most" if closing == "]" else "less_than"), high, None, high
    raise ValueError(f"interval without bounds: {notation!r}")


def _interval(text: str, start: int, end: int, resolution: dict[str, Any]) -> GoldFigure:
    qualifier, value, low, high = parse_interval(str(resolution.get("value")))
    return GoldFigure(start, end, text[start:end], value, qualifier, low, high)


_SPECS = (
    ("Number/English/NumberModel.json", "Recognizers NumberModel", "no-units", _plain, True),
    (
        "Number/English/NumberRangeModel.json",
        "Recognizers NumberRangeModel",
        "bounded",
        _interval,
        False,
    ),
    ("Number/English/PercentModel.json", "Recognizers PercentModel", "percent", _plain, False),
    (
        "NumberWithUnit/English/CurrencyModel.json",
        "Recognizers CurrencyModel",
        "money",
        _plain,
        False,
    ),
)


def recognizers_readers(root: Path) -> list[tuple[str, Callable[[], list[FigureCase]]]]:
    """One reader per Recognizers-Text spec, so a missing file costs only its rows."""
    base = root / "recognizers_text" / "Specs"
    return [
        (path, functools.partial(_recognizers, base / path, dataset, scope, read, skip_dates))
        for path, dataset, scope, read, skip_dates in _SPECS
    ]


def read_recognizers(root: Path) -> list[FigureCase]:
    return [case for _, read in recognizers_readers(root) for case in read()]


# Duckling ---------------------------------------------------------------------------

DUCKLING_DIMS = ("Numeral", "AmountOfMoney", "Quantity", "Distance")
_NUM = r"\(?\s*(-?[\d.]+(?:e[-+]?\d+)?)\s*\)?"
_EXPR_NUMERAL = re.compile(rf"^NumeralValue\s+{_NUM}")
_EXPR_SIMPLE = re.compile(rf"^(simple|above|under)\s+(\w+)\s+{_NUM}")
_EXPR_BETWEEN = re.compile(r"^between\s+(\w+)\s+\(\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)\s*\)")


def parse_value_expr(expr: str) -> tuple[str, str | None, float, float | None]:
    """``(kind, unit, value_or_low, high)`` of a Duckling ``value_expr``.

    ``kind`` is numeral, simple, above, under or between.
    """
    expr = expr.strip()
    if m := _EXPR_NUMERAL.match(expr):
        return "numeral", None, float(m.group(1)), None
    if m := _EXPR_BETWEEN.match(expr):
        return "between", m.group(1), float(m.group(2)), float(m.group(3))
    if m := _EXPR_SIMPLE.match(expr):
        return m.group(1), m.group(2), float(m.group(3)), None
    raise ValueError(f"unreadable value_expr {expr!r}")


# Stated units Duckling converts between: alias → (canonical, dimension, factor).
_UNITS: dict[str, tuple[str, str, float]] = {}
for _canon, _dim, _factor, _aliases in (
    ("g", "mass", 1.0, "g g. gs gram grams"),
    ("kg", "mass", 1e3, "kg k.g. k.gs kgs kilogram kilograms"),
    ("mg", "mass", 1e-3, "mg milligram milligrams"),
    ("lb", "mass", 453.59237, "lb lbs pound pounds"),
    ("oz", "mass", 28.349523125, "oz ounce ounces"),
    ("km", "length", 1e3, "k km kms kilometer kilometers kilometre kilometres"),
    ("m", "length", 1.0, "m meter meters metre metres"),
    ("cm", "length", 1e-2, "cm centimeter centimeters centimetre centimetres"),
    ("mm", "length", 1e-3, "mm millimeter millimeters millimetre millimetres"),
    ("mi", "length", 1609.344, "mi mile miles"),
    ("in", "length", 0.0254, "in inch inches '' \""),
    ("ft", "length", 0.3048, "ft foot feet '"),
    ("yd", "length", 0.9144, "yd yds yard yards"),
):
    for _alias in _aliases.split():
        _UNITS[_alias] = (_canon, _dim, _factor)
_GOLD_UNITS = {
    "Gram": "g",
    "Pound": "lb",
    "Ounce": "oz",
    "Kilometre": "km",
    "Mile": "mi",
    "M": "m",
    "Metre": "m",
    "Centimetre": "cm",
    "Millimetre": "mm",
    "Inch": "in",
    "Foot": "ft",
}
_UNIT_TOKENS = re.compile(r"[A-Za-z][A-Za-z.]*|''|\"|'")


def stated_units(phrase: str) -> list[str]:
    """Canonical length/mass units written in a phrase, in order, without repeats."""
    found: list[str] = []
    for token in _UNIT_TOKENS.findall(phrase):
        unit = _UNITS.get(token.lower()) or _UNITS.get(token.lower().rstrip("."))
        if unit and unit[0] not in found:
            found.append(unit[0])
    return found


def _convert(value: float, gold_unit: str, stated: str) -> float:
    return value * _UNITS[gold_unit][2] / _UNITS[stated][2]


def duckling_gold(dim: str, expr: str, phrase: str) -> GoldFigure:
    """The gold figure for one Duckling phrase (its span is the whole phrase)."""
    kind, unit, value, high = parse_value_expr(expr)
    lower = phrase.lower()
    figure = GoldFigure(0, len(phrase), phrase, value)
    if kind == "between":
        figure.qualifier, figure.low, figure.high = "range", value, high
    elif kind == "above":
        at_least = re.search(r"\bat least\b|\bno less than\b", lower)
        figure.qualifier = "at_least" if at_least else "more_than"
    elif kind == "under":
        at_most = re.search(r"\bat most\b|\bno more than\b", lower)
        figure.qualifier = "at_most" if at_most else "less_than"
    else:
        figure.qualifier = hedge_at_start(phrase) or "exact"
    if not re.search(r"[A-Za-z0-9]", phrase):
        figure.scored, figure.why = False, "unreadable phrase"
        return figure
    if dim == "AmountOfMoney":
        bounds = [v for v in (value, high) if v is not None]
        has_cents = any(abs(v - round(v)) > 1e-9 for v in bounds)
        if has_cents and not re.search(r"\d?\.\d|\bpoint\b", lower):
            figure.scored, figure.why = False, "sums units (dollars and cents)"
    if dim in ("Quantity", "Distance") and unit in _GOLD_UNITS:
        units = stated_units(phrase)
        gold_unit = _GOLD_UNITS[unit]
        if len(units) > 1:
            figure.scored, figure.why = False, "sums units (feet and inches)"
        elif units and units[0] != gold_unit and _UNITS[units[0]][1] == _UNITS[gold_unit][1]:
            figure.value = _convert(value, gold_unit, units[0])
            if figure.low is not None:
                figure.low = figure.value
            if figure.high is not None:
                figure.high = _convert(figure.high, gold_unit, units[0])
    return figure


def read_duckling(root: Path) -> list[FigureCase]:
    data = _load(root / "duckling" / "duckling_en_examples.json")
    cases: list[FigureCase] = []
    seen: set[tuple[str, str]] = set()
    for dim in DUCKLING_DIMS:
        section = data.get(dim, {})
        for n, example in enumerate(section.get("examples", [])):
            for phrase in example["texts"]:
                if (dim, phrase) in seen:
                    continue
                seen.add((dim, phrase))
                gold = duckling_gold(dim, example["value_expr"], phrase)
                cases.append(FigureCase("Duckling", f"{dim}#{n}", phrase, [gold]))
        for n, phrase in enumerate(section.get("negative", [])):
            cases.append(FigureCase("Duckling", f"{dim}-negative#{n}", phrase, []))
    return cases


# quantulum3 --------------------------------------------------------------------------

_COUNT_UNITS = {"dozen": 12.0, "gross": 144.0, "baker's dozen": 13.0}


def quantulum_gold(text: str, result: dict[str, Any], search_from: int) -> GoldFigure:
    surface = str(result["surface"])
    start = text.find(surface, search_from)
    if start == -1:
        start = text.find(surface)
    if start == -1:
        raise ValueError(f"surface {surface!r} not in {text!r}")
    end = start + len(surface)
    value = float(result["value"])
    figure = GoldFigure(start, end, surface, value, hedge_before(text, start) or "exact")
    spread = result.get("uncertainty")
    if spread and not re.search(r"\+/-|±", surface):
        low, high = value - float(spread), value + float(spread)
        figure.qualifier, figure.value, figure.low, figure.high = "range", low, low, high
    unit = str(result.get("unit", ""))
    if unit in _COUNT_UNITS:
        figure.alternatives = (value * _COUNT_UNITS[unit],)
    if unit == "dimensionless" and re.fullmatch(r"\d{4}", surface) and 1500 <= value < 2200:
        figure.scored, figure.why = False, "a year (a date, not a figure)"
    return figure


def read_quantulum(root: Path) -> list[FigureCase]:
    cases = []
    for n, case in enumerate(_load(root / "quantulum3" / "quantities.json")):
        text, gold, at = case["req"], [], 0
        for result in case.get("res", []):
            figure = quantulum_gold(text, result, at)
            at = figure.end
            gold.append(figure)
        cases.append(FigureCase("quantulum3", f"quantities#{n}", text, gold))
    spellout = root / "quantulum3" / "spellout_cases.json"
    for n, case in enumerate(_load(spellout)):
        text = case["text"]
        gold = [GoldFigure(0, len(text), text, float(v)) for v in case["expected_values"]]
        cases.append(FigureCase("quantulum3", f"spellout#{n}", text, gold))
    return cases


def read_fresh_copy() -> list[FigureCase]:
    """The fresh-copy sentences (shipped with the benchmark, not under ``--data``)."""
    cases = []
    for sentence in read_fresh():
        gold = [
            GoldFigure(
                f.start,
                f.end,
                f.text,
                f.low if f.qualifier == "range" else f.value,
                f.qualifier,
                f.low,
                f.high,
                vague=f.vague,
                detail=f,
            )
            for f in sentence.figures
        ]
        name = f"{sentence.desk}-{sentence.part}#{sentence.number}"
        cases.append(FigureCase(f"fresh copy ({sentence.part})", name, sentence.text, gold))
    return cases


def read_all(root: Path) -> list[FigureCase]:
    return [*read_recognizers(root), *read_duckling(root), *read_quantulum(root)]


# -- scoring ---------------------------------------------------------------------------


def values_agree(pred: PredFigure, gold: GoldFigure) -> bool:
    """Whether a prediction states the gold number (both bounds for a closed range)."""
    if gold.vague:
        return pred.value is None and (pred.low is not None or pred.high is not None)
    if gold.qualifier == "range" and gold.low is not None and gold.high is not None:
        low = pred.low if pred.low is not None else pred.value
        bounds = sorted(v for v in (low, pred.high) if v is not None)
        return len(bounds) == 2 and close(bounds[0], gold.low) and close(bounds[1], gold.high)
    candidates = [pred.value] if pred.value is not None else [pred.low, pred.high]
    targets = [gold.value, *gold.alternatives]
    return any(close(c, t) for c in candidates for t in targets)


def in_scope(pred: PredFigure, scope: str) -> bool:
    """Whether a prediction that touches no gold counts in a case of this scope."""
    if scope == "no-units":
        return pred.kind not in ("money", "quantity")
    if scope in ("money", "percent"):
        return pred.kind == scope
    if scope == "bounded":
        return pred.qualifier != "exact"
    return True


@dataclass
class CaseResult:
    """One system on one case: counts, qualifier tally and what went wrong."""

    counts: Counts
    qualifier: Accuracy
    misses: list[tuple[GoldFigure, list[PredFigure]]]
    spurious: list[PredFigure]
    wrong_qualifier: list[tuple[GoldFigure, PredFigure]]
    pairs: list[tuple[GoldFigure, PredFigure]] = field(default_factory=list)


def score_case(case: FigureCase, preds: Sequence[PredFigure]) -> CaseResult:
    golds = [g for g in case.gold if g.scored]
    ignored = [g for g in case.gold if not g.scored]

    def score(p: PredFigure, g: GoldFigure) -> float | None:
        shared = overlap((p.start, p.end), (g.start, g.end))
        return shared if shared and values_agree(p, g) else None

    pairs = match_greedy(preds, golds, score)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    counted = 0
    spurious = []
    for i, p in enumerate(preds):
        span = (p.start, p.end)
        touched = [j for j, g in enumerate(golds) if overlap(span, (g.start, g.end))]
        if i in matched_p:
            counted += 1
        elif p.part_of:
            continue  # an equivalent no gold lists is part of its figure's fact
        elif touched:
            counted += 1
            if all(j in matched_g for j in touched):  # a missed gold lists it already
                spurious.append(p)
        elif any(overlap(span, (g.start, g.end)) for g in ignored) or not in_scope(p, case.scope):
            continue
        else:
            counted += 1
            spurious.append(p)
    qualifier = Accuracy()
    wrong = []
    for i, j in pairs:
        ok = preds[i].qualifier == golds[j].qualifier
        qualifier.count(ok)
        if not ok:
            wrong.append((golds[j], preds[i]))
    misses = [
        (g, [p for p in preds if overlap((p.start, p.end), (g.start, g.end))])
        for j, g in enumerate(golds)
        if j not in matched_g
    ]
    counts = Counts(len(pairs), counted, len(pairs), len(golds))
    matched = [(golds[j], preds[i]) for i, j in pairs]
    return CaseResult(counts, qualifier, misses, spurious, wrong, matched)


# -- the task ----------------------------------------------------------------------------


@dataclass
class FigureOutcome:
    """Scores of both systems plus newsdesk's error kinds."""

    result: TaskResult
    kinds: ErrorKinds


SYSTEMS = ("newsdesk", "bare spaCy", *LIBRARIES)
_FRESH = (
    "fresh copy (dev)",
    "fresh copy (test)",
    "fresh copy (holdout)",
    "fresh copy (blind)",
)
_DETAILS = (
    ("change", "direction (change) accuracy"),
    ("hedge_and_change", "hedge and direction accuracy"),
    ("unit", "unit accuracy"),
    ("counted", "counted-noun accuracy"),
    ("earlier", "earlier-level accuracy"),
    ("equivalent", "equivalent accuracy"),
)


@dataclass
class _Tally:
    counts: Counts = field(default_factory=Counts)
    qualifier: Accuracy = field(default_factory=Accuracy)
    details: DetailScores = field(default_factory=DetailScores)

    def add(self, result: CaseResult) -> None:
        self.counts.add(result.counts)
        self.qualifier.add(result.qualifier)
        pairs = [(g.detail, p) for g, p in result.pairs if g.detail is not None]
        self.details.add(detail_scores(pairs))


def evaluate(extractor: Extractor, root: Path, errors: Errors) -> FigureOutcome:
    """Read every figure gold set, run every system and score them."""
    cases: list[FigureCase] = []
    readers: list[tuple[str, Callable[[], list[FigureCase]]]] = [
        *recognizers_readers(root),
        ("duckling", functools.partial(read_duckling, root)),
        ("quantulum3", functools.partial(read_quantulum, root)),
        ("fresh copy", read_fresh_copy),
    ]
    for name, read in readers:
        try:
            cases.extend(read())
        except Exception as error:  # a missing or changed file: report, go on
            errors.add("figures", "gold", name, error)
    inputs = [Input(c.case, c.text) for c in cases]
    runs: dict[str, list[Any] | None] = {
        "newsdesk": run_newsdesk(extractor, inputs, "figures", errors),
        "bare spaCy": run_bare(extractor, inputs, "figures", errors),
    }
    for library in LIBRARIES:
        runs[library] = run_library(library, inputs, "figures", errors)

    datasets = list(dict.fromkeys(c.dataset for c in cases))
    keys = [*datasets, "overall", "fresh copy (all)"]
    totals = {system: {key: _Tally() for key in keys} for system in SYSTEMS}
    kinds = ErrorKinds()
    excluded: Counter[tuple[str, str]] = Counter()
    unsupported: Counter[str] = Counter()
    for n, case in enumerate(cases):
        unsupported[case.dataset] += case.not_supported
        for gold in case.gold:
            if not gold.scored:
                excluded[case.dataset, gold.why] += 1
        group = "fresh copy (all)" if case.dataset in _FRESH else "overall"
        for system in SYSTEMS:
            predictions = runs[system]
            if predictions is None:
                continue
            try:
                result = score_case(case, predictions[n].figures)
            except Exception as error:
                errors.add("figures", f"scoring {system}", case.case, error)
                continue
            if system == "newsdesk":
                collect_errors(case, result, kinds)
            for key in (case.dataset, group):
                totals[system][key].add(result)
    result = TaskResult("figures")
    libraries = [s for s in SYSTEMS[2:]]
    ordered = [d for d in datasets if d not in _FRESH] + ["overall (micro)"]
    ordered += [d for d in datasets if d in _FRESH] + ["fresh copy (all)"]
    for key in ordered:
        name = "overall" if key == "overall (micro)" else key
        if name not in keys:
            continue
        tally = {s: totals[s][name] for s in SYSTEMS}
        present = [tally[s] if runs[s] is not None else None for s in libraries]
        result.prf(
            key,
            "value P / R / F1",
            tally["newsdesk"].counts,
            tally["bare spaCy"].counts,
            *(t.counts if t is not None else None for t in present),
        )
        result.accuracy(
            key,
            "qualifier accuracy",
            tally["newsdesk"].qualifier,
            tally["bare spaCy"].qualifier,
            libraries=tuple(t.qualifier if t is not None else None for t in present),
        )
        if name in (*_FRESH, "fresh copy (all)"):
            for field_name, metric in _DETAILS:
                result.accuracy(
                    key,
                    metric,
                    getattr(tally["newsdesk"].details, field_name),
                    getattr(tally["bare spaCy"].details, field_name),
                    libraries=tuple(
                        getattr(t.details, field_name) if t is not None else None for t in present
                    ),
                )
    count = Counter(c.dataset for c in cases)
    for dataset in datasets:
        parts = [f"{count[dataset]} texts"]
        if unsupported[dataset]:
            parts.append(f"{unsupported[dataset]} marked NotSupported by a Recognizers port")
        parts += [f"{n} not scored ({why})" for (d, why), n in excluded.items() if d == dataset]
        result.notes.append(f"{dataset}: " + ", ".join(parts))
    result.notes.append(
        "newsdesk keeps a bracketed conversion as its figure's equivalent (one fact); the "
        "equivalent is scored where a gold set lists it as a figure, never counted against"
    )
    missing = [library for library in LIBRARIES if runs[library] is None]
    if missing:
        result.notes.append(
            f"not installed, so no column: {', '.join(missing)} (pip install -e .[bench])"
        )
    return FigureOutcome(result, kinds)
