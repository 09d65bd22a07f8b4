"""Libraries a newsroom tool might use instead, run on the same texts as newsdesk.

"A library would do this" is a claim to measure, not to guess: ``make bench``
scores quantulum3 (quantities with units, from text) and text2num (spelled-out
numbers turned into digits) on every figure set beside newsdesk and bare spaCy.
Both are optional (``pip install -e .[bench]``); a system that is not installed
gets no column values, and the notes say so.

- quantulum3: ``quantulum3.parser.parse(text)``; each quantity is a figure with
  its span and value; its unit's entity gives the kind (currency → money,
  percentage → percent, dimensionless → number, else quantity); a quantity
  with an uncertainty whose words join two numbers ("3 to 4 L", "2,000-2,500")
  is a range of value ± uncertainty. It reads no hedges: every figure is exact.
  It runs with its heuristic unit disambiguation, as it does where scikit-learn
  is missing: the classifier it ships was pickled by an older scikit-learn and
  fails to load under the one installed here (for textacy).
- text2num: ``text_to_num.alpha2digit(text, "en")`` rewrites number words as
  digits; every number in its output ("1,200", "2.5", "-4") is a figure, mapped
  back to the input's characters. It reads numbers only: no scales written as
  words it leaves ("$2.3 billion" is 2.3), no units, no hedges.
"""

from __future__ import annotations

import importlib.util
import re
import warnings
from collections.abc import Sequence
from typing import Any

from tests.benchmarks.accuracy.scoring import OffsetMap
from tests.benchmarks.accuracy.systems import Errors, Input, PredFigure, Predictions

LIBRARIES = ("quantulum3", "text2num")
_RANGE_WORDS = re.compile(r"\d\s*(?:-|–|to|and)\s*[$£€]?\d", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?(?![\d])")


def installed(name: str) -> bool:
    """Whether the library's package can be imported here."""
    module = {"quantulum3": "quantulum3", "text2num": "text_to_num"}[name]
    return importlib.util.find_spec(module) is not None


def run_library(
    name: str, inputs: Sequence[Input], task: str, errors: Errors
) -> list[Predictions] | None:
    """``name``'s figures for every input, or ``None`` when it is not installed."""
    if not installed(name):
        return None
    read = _quantulum if name == "quantulum3" else _text2num
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns about its optional classifier
        for item in inputs:
            try:
                out.append(Predictions(figures=read(item.text)))
            except Exception as error:  # one bad input must not stop the run
                errors.add(task, name, item.case, error)
                out.append(Predictions())
    return out


def _quantulum(text: str) -> list[PredFigure]:
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False  # its shipped classifier does not load here (see above)

    figures = []
    for quantity in parser.parse(text):
        start, end = quantity.span
        kind = _kind(quantity)
        value = float(quantity.value)
        figure = PredFigure(start, end, text[start:end], kind, value, value, value)
        spread = quantity.uncertainty
        if spread and _RANGE_WORDS.search(text[start:end]):
            low, high = value - float(spread), value + float(spread)
            figure.value, figure.low, figure.high, figure.qualifier = low, low, high, "range"
        figure.unit = _unit(quantity, kind)
        figures.append(figure)
    return figures


def _unit(quantity: Any, kind: str) -> str | None:
    """The unit as newsdesk's sheets name it: a currency's code, "%", else quantulum3's name."""
    if kind == "money":
        return getattr(quantity.unit, "currency_code", None) or str(quantity.unit.name)
    if kind == "percent":
        return "%"
    return None if kind == "number" else str(quantity.unit.name)


def _kind(quantity: Any) -> str:
    entity = str(quantity.unit.entity.name)
    if entity == "currency":
        return "money"
    if str(quantity.unit.name) == "percentage":
        return "percent"
    return "number" if entity == "dimensionless" else "quantity"


def _text2num(text: str) -> list[PredFigure]:
    from text_to_num import alpha2digit

    digits = alpha2digit(text, "en")
    offsets = OffsetMap(digits, text)
    figures = []
    for match in _NUMBER.finditer(digits):
        try:
            value = float(match.group().replace(",", "").replace("−", "-"))
        except ValueError:
            continue
        start, end = offsets.start(match.start()), offsets.end(match.end())
        if end <= start:
            continue
        percent = digits[match.end() : match.end() + 1] == "%"
        kind = "percent" if percent else "number"
        figures.append(PredFigure(start, end, text[start:end], kind, value, value, value))
    return figures
