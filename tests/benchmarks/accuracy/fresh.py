"""The fresh-copy set: original sentences from eight desks, with gold figures.

``data/fresh_copy.txt`` was written for newsdesk (its header says how to read it):
business, markets, technology, property, science, health, sport and weather copy, each
desk in a ``dev`` block (the rules were tuned on it), a ``test`` block (only ever
scored) and a ``holdout`` block (written after the rules of issue #14 were finished,
scored once as they stood), and a ``blind`` block from eight desks the others do not
have (courts, elections, farming, energy, transport, conflict, crime, schools), written
after the holdout had been read for tuning and never tuned on. Besides value and hedge,
its gold says what each figure counts, its unit, whether it is an amount of change (up
or down), the earlier level of a level reached and the equivalent of a conversion, so
those are scored too (:func:`detail_scores`). Plain Python: the reader is tested without the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks.accuracy.scoring import Accuracy, close

DATA = Path(__file__).parent / "data" / "fresh_copy.txt"
# dev: the rules were tuned on it; test: only scored; holdout: written after the rules
# of issue #14 were finished and scored once as they stood; blind: eight desks the others do
# not have, written after the holdout had been tuned on, scored once as the rules stood.
PARTS = ("dev", "test", "holdout", "blind")
QUALIFIERS = ("exact", "about", "at_least", "more_than", "at_most", "less_than", "range")


@dataclass
class FreshFigure:
    """One gold figure of the set (span in its sentence, value and details)."""

    start: int
    end: int
    text: str
    value: float | None  # None for a vague amount ("dozens")
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    change: str | None = None
    unit: str | None = None
    counted: str | None = None
    earlier: float | None = None
    equivalent: tuple[float, str] | None = None

    @property
    def vague(self) -> bool:
        return self.value is None


@dataclass
class FreshSentence:
    desk: str
    part: str  # dev | test | holdout | blind
    number: int  # within its desk and part
    text: str
    figures: list[FreshFigure] = field(default_factory=list)


def read_fresh(path: Path = DATA) -> list[FreshSentence]:
    """Every sentence of the set with its gold figures; a malformed line raises ValueError."""
    sentences: list[FreshSentence] = []
    desk = part = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or (line.startswith("#") and not line.startswith("## ")):
            continue
        try:
            if line.startswith("## "):
                desk, part = line[3:].split()
                if part not in PARTS:
                    raise ValueError(f"part {part!r} is not one of {', '.join(PARTS)}")
            elif line.startswith("  "):
                if not sentences:
                    raise ValueError("a figure before any sentence")
                sentence = sentences[-1]
                at = sentence.figures[-1].end if sentence.figures else 0
                sentence.figures.append(parse_figure(line.strip(), sentence.text, at))
            else:
                if not desk:
                    raise ValueError("a sentence before any '## desk part' line")
                count = sum(1 for s in sentences if s.desk == desk and s.part == part)
                sentences.append(FreshSentence(desk, part, count, line.strip()))
        except ValueError as error:
            raise ValueError(f"{path.name}:{number}: {error}") from None
    return sentences


def parse_figure(line: str, sentence: str, search_from: int = 0) -> FreshFigure:
    """One ``words | value | key=value ; …`` line, located in ``sentence``."""
    parts = [p.strip() for p in line.split("|")]
    if len(parts) not in (2, 3):
        raise ValueError(f"not 'words | value | details': {line!r}")
    words, value_text = parts[0], parts[1]
    start = sentence.find(words, search_from)
    if start < 0:
        raise ValueError(f"{words!r} is not in the sentence")
    value = None if value_text == "vague" else float(value_text)
    figure = FreshFigure(start, start + len(words), words, value)
    for item in parts[2].split(";") if len(parts) == 3 else []:
        if not item.strip():
            continue
        key, _, raw = (x.strip() for x in item.partition("="))
        if key == "q":
            if raw not in QUALIFIERS:
                raise ValueError(f"unknown qualifier {raw!r}")
            figure.qualifier = raw
        elif key in ("lo", "hi", "earlier"):
            setattr(figure, {"lo": "low", "hi": "high"}.get(key, key), float(raw))
        elif key == "change":
            if raw not in ("up", "down"):
                raise ValueError(f"change is up or down, not {raw!r}")
            figure.change = raw
        elif key in ("unit", "counted"):
            setattr(figure, key, raw)
        elif key == "equiv":
            amount, _, unit = raw.partition(" ")
            figure.equivalent = (float(amount), unit.strip())
        else:
            raise ValueError(f"unknown key {key!r}")
    if figure.qualifier == "range" and (figure.low is None or figure.high is None):
        raise ValueError("a range needs lo and hi")
    return figure


# -- comparing the details ------------------------------------------------------------

# Ways of writing one unit, so "metres", "m" and "meters" agree. The gold side only.
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "m": ("metre", "metres", "meter", "meters"),
    "km": ("kilometre", "kilometres", "kilometer", "kilometers"),
    "cm": ("centimetre", "centimetres", "centimeter", "centimeters"),
    "mm": ("millimetre", "millimetres", "millimeter", "millimeters"),
    "mi": ("mile", "miles"),
    "ft": ("foot", "feet"),
    "in": ("inch", "inches", '"'),
    "sq m": ("square metres", "square meters", "square metre", "m²", "m2", "sq metres"),
    "sq km": ("square kilometres", "square kilometers", "km²", "km2", "sq kilometres"),
    "sq ft": ("square feet", "square foot", "ft²"),
    "t": ("tonne", "tonnes", "ton", "tons", "metric tons"),
    "kg": ("kilogram", "kilograms", "kilo", "kilos", "kgs"),
    "g": ("gram", "grams"),
    "mg": ("milligram", "milligrams"),
    "ml": ("millilitre", "millilitres", "milliliter", "milliliters"),
    "l": ("litre", "litres", "liter", "liters"),
    "hl": ("hectolitre", "hectolitres", "hectoliter", "hectoliters"),
    "ha": ("hectare", "hectares"),
    "acre": ("acres",),
    "°c": ("c", "celsius", "degrees celsius", "degree celsius", "degrees c", "° c"),
    "°f": ("f", "fahrenheit", "degrees fahrenheit", "degrees f"),
    "degrees": ("degree", "°"),
    "year": ("years", "yr", "yrs"),
    "month": ("months",),
    "week": ("weeks",),
    "day": ("days",),
    "hour": ("hours", "hr", "hrs", "h"),
    "minute": ("minutes", "min", "mins"),
    "second": ("seconds", "sec", "secs", "s"),
    "cents": ("cent", "¢"),
    "pence": ("p", "penny"),
    "hp": ("horsepower", "bhp"),
    "km/h": ("kph", "kmh", "km/hr"),
    "inch": (),
    "twh": ("terawatt hours", "terawatt-hours", "terawatt hour"),
    "megapixel": ("megapixels", "mp"),
    "nit": ("nits",),
    "calorie": ("calories", "kcal"),
    # quantulum3's names of units
    "kw": ("kilowatt", "kilowatts"),
    "w": ("watt", "watts"),
    "wh": ("watt hour", "watt-hour", "watt hours"),
    "v": ("volt", "volts"),
    "a": ("ampere", "amperes", "amp", "amps"),
    "hz": ("hertz",),
    "khz": ("kilohertz",),
    "ghz": ("gigahertz",),
    "gb": ("gigabyte", "gigabytes"),
    "tb": ("terabyte", "terabytes"),
    "gbps": ("gigabit per second", "gigabits per second"),
    "mah": ("milliampere hour", "milliampere-hour"),
    "nm": ("nanometre", "nanometres", "nanometer", "nanometers"),
    "mph": ("mile per hour", "miles per hour"),
    "cubic metres": ("cubic metre", "cubic meter", "cubic meters", "m³"),
    "light years": ("light year", "light-year", "light-years"),
    "%": ("percentage", "percent", "per cent"),
}
_UNIT_ALIASES = {alias: unit for unit, aliases in _UNIT_WORDS.items() for alias in aliases}
_UNIT_ALIASES["inch"] = "in"
_UNIT_ALIASES.update(
    {"degree celsius": "°c", "degree fahrenheit": "°f", "kilometre per hour": "km/h"}
)


def unit_key(unit: str | None) -> str | None:
    """A unit as one spelling ("metres" and "m" are both "m"); ``None`` stays ``None``."""
    if unit is None:
        return None
    text = " ".join(unit.lower().replace(".", "").split())
    return _UNIT_ALIASES.get(text, text)


def _head(words: str) -> str:
    return re.sub(r"s$", "", words.lower().split()[-1]) if words.split() else ""


def counted_agrees(gold: str, pred: str | None) -> bool:
    """Whether a prediction counts what the gold says: the gold's head noun is among its words."""
    if pred is None:
        return False
    return _head(gold) in {re.sub(r"s$", "", w) for w in pred.lower().split()}


@dataclass
class DetailScores:
    """Among matched figures: how often each detail is right."""

    change: Accuracy = field(default_factory=Accuracy)
    hedge_and_change: Accuracy = field(default_factory=Accuracy)
    unit: Accuracy = field(default_factory=Accuracy)
    counted: Accuracy = field(default_factory=Accuracy)
    earlier: Accuracy = field(default_factory=Accuracy)
    equivalent: Accuracy = field(default_factory=Accuracy)

    def add(self, other: DetailScores) -> None:
        for name in ("change", "hedge_and_change", "unit", "counted", "earlier", "equivalent"):
            getattr(self, name).add(getattr(other, name))


def detail_scores(pairs: Sequence[tuple[FreshFigure, object]]) -> DetailScores:
    """Detail accuracy over matched (gold, prediction) pairs; a prediction is a
    :class:`~tests.benchmarks.accuracy.systems.PredFigure`."""
    scores = DetailScores()
    for gold, pred in pairs:
        change = getattr(pred, "change", None)
        scores.change.count(change == gold.change)
        scores.hedge_and_change.count(
            change == gold.change and getattr(pred, "qualifier", "exact") == gold.qualifier
        )
        unit = getattr(pred, "unit", None)
        if gold.unit is not None or unit is not None:
            scores.unit.count(unit_key(unit) == unit_key(gold.unit))
        if gold.counted is not None:
            scores.counted.count(counted_agrees(gold.counted, getattr(pred, "counted", None)))
        if gold.earlier is not None:
            scores.earlier.count(close(getattr(pred, "earlier", None), gold.earlier))
        if gold.equivalent is not None:
            scores.equivalent.count(close(getattr(pred, "equivalent", None), gold.equivalent[0]))
    return scores
