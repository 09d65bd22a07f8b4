"""newsdesk's figure errors grouped into kinds, to show what to fix first.

A kind is what went wrong (missed, split into several figures, wrong value,
scale misread, sign lost, range read as one number, false positive, wrong
qualifier) and how the gold number is written (``shape``: spelled-out
fraction, money with a currency code, lakh/crore scale…). Each kind keeps two
example inputs, from two data sets when it can.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tests.benchmarks.accuracy.scoring import close, hedge_at_start, overlap

if TYPE_CHECKING:
    from tests.benchmarks.accuracy.figures import CaseResult, FigureCase, GoldFigure
    from tests.benchmarks.accuracy.systems import PredFigure

_FRACTION_WORDS = re.compile(
    r"\b(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
    r"tenths?|hundredths?|thousandths?|millionths?|trillionths?|\w+ieths?|\w+firsts?|"
    r"over|out of)\b"
)
_NUMBER_WORDS = re.compile(
    r"\b(zero|nought|naught|nil|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|trillion|dozens?|couple|pair|few|single|point)\b"
)
_CURRENCY = re.compile(
    r"[$£€¥₹₩₽₺₿₡₾₭₫元¢]|ரூ|(?<![a-z])(usd|eur|gbp|cad|chf|cny|inr|rs|rmb|aud|mxn|nzd|uah|"
    r"myr|rm|kwd|lbp|egp|qar|sar|bgn|ils|mnt|btc|musd|meur|mgbp|maud)(?![a-z])|"
    r"\b(dollars?|cents?|euros?|pounds?|pence|penny|yen|yuan|rupees?|francs?|pesetas?|marks?|"
    r"markka|guilders?|riyals?|rials?|dinars?|shekels?|bucks|ringgits?|tugriks?|lira|"
    r"satoshis?|bitcoins?|kuai|mao)\b",
    re.IGNORECASE,
)


def shape(text: str) -> str:
    """A coarse description of how a number is written, to group errors by."""
    t = text.strip()
    low = t.lower()
    decimal = ", decimal" if re.search(r"\d\.\d", t) else ""
    if re.search(r"\d\s*[x×]\s*10|\^|\d[eE][-+]?\d", t):
        return "power / scientific notation"
    if re.search(r"\b(lakhs?|lac|lkhs?|crores?|cr|koti|krores?|kr)\b|\d+ ?l\b", low):
        return "lakh / crore scale"
    if re.search(r"[¼½¾⅓⅔⅙⅛]", t):
        return "unicode fraction"
    if re.search(r"\d\s*/\s*\d", t):
        return "digit fraction a/b"
    if re.search(
        r"\bbetween\b|\bfrom\b.*\bto\b|\d\s*(-|–|~|to|through)\s*~?\d|\d\s*-\s*\$?\d", low
    ):
        return "range"
    hedge = hedge_at_start(low)
    if hedge or re.search(r"(<|>|=|\bor (more|less|greater)\b|\bequal)", low):
        return "bound / comparison" + (f" ({hedge})" if hedge else "")
    if _CURRENCY.search(t):
        if not re.search(r"\d", t):
            return "money, spelled out"
        code = re.search(r"(?<![a-z])[a-z]{2,4}\s?\d|\d\s?[a-z]{2,4}(?![a-z])", low)
        written = "currency code" if code and not re.search(r"[$£€¥₹]", t) else "symbol/word"
        return f"money, {written}{decimal}"
    if re.search(r"%|\bper ?cents?\b|\bpercent", low):
        return "percent"
    if _FRACTION_WORDS.search(low) and _NUMBER_WORDS.search(low):
        return "spelled-out fraction"
    if re.search(r"\d[\d,.]*\s?(k|m|g|b|bn|mn|mm|mil|bln|tln|t)\b", low):
        return "abbreviated scale (10k, 1.2b, 3M)"
    if re.search(r"\d \d{3}\b|\d\u202f\d", t):
        return "space-grouped thousands"
    if re.search(r"\b(minus|negative)\b|^-|^- ", low):
        return "negative number"
    if re.search(r"\d", t):
        if re.search(r"\d[\d,.]*\s?[a-zA-Z°µ\"']", t):
            return f"digits + unit{decimal}"
        if re.search(r"[a-zA-Z]", t) and _NUMBER_WORDS.search(low):
            return "digits + scale word"
        return "plain digits" + (decimal or ", integer")
    if _NUMBER_WORDS.search(low):
        return "spelled-out number" + (
            " with scale" if re.search(r"hundred|thousand|million|billion|dozen", low) else ""
        )
    return "other (a/an + unit or fraction word)"


def _describe_pred(pred: PredFigure) -> str:
    bounds = f" [{pred.low}, {pred.high}]" if pred.qualifier == "range" else ""
    return f"'{pred.text}' = {pred.value}{bounds} {pred.qualifier}"


def _describe_gold(gold: GoldFigure) -> str:
    bounds = f" [{gold.low}, {gold.high}]" if gold.qualifier == "range" else ""
    return f"'{gold.text}' = {gold.value}{bounds} {gold.qualifier}"


def miss_kind(gold: GoldFigure, touching: Sequence[PredFigure]) -> str:
    """Why a gold figure went unmatched, as a short label."""
    what = shape(gold.text)
    if not touching:
        return f"missed: {what}"
    if len(touching) > 1:
        return f"split into several figures: {what}"
    pred = touching[0]
    if gold.qualifier == "range":
        if pred.qualifier != "range":
            return f"range read as one number: {what}"
        return f"range bounds wrong: {what}"
    if pred.value is None:
        return f"value not read: {what}"
    if gold.value and pred.value:
        ratio = pred.value / gold.value
        if ratio < 0:
            return f"sign wrong: {what}"
        for power in range(-12, 13):
            if power and close(ratio, 10.0**power, rel=1e-6):
                return f"scale word or suffix misread (value off by a power of ten): {what}"
    return f"wrong value: {what}"


def _example(case: FigureCase, detail: str) -> str:
    text = case.text if len(case.text) <= 90 else case.text[:87] + "…"
    return f'{case.dataset}: "{text}" — {detail}'


@dataclass
class ErrorKinds:
    """Counted error kinds with up to two examples each."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, example: str) -> None:
        """Count ``example`` under ``kind``; keep two, from two data sets when possible."""
        self.counts[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < 2:
            shown.append(example)
            return
        first, second, this = (e.split(":", 1)[0] for e in (*shown, example))
        if first == second != this:
            shown[1] = example

    def top(self, n: int, *, qualifiers: bool = False) -> list[tuple[str, int, list[str]]]:
        """The ``n`` most frequent misses and false positives (or qualifier errors)."""
        ranked = [
            (k, c, self.examples[k])
            for k, c in self.counts.most_common()
            if k.startswith("qualifier ") == qualifiers
        ]
        return ranked[:n]


def collect_errors(case: FigureCase, result: CaseResult, kinds: ErrorKinds) -> None:
    for gold, touching in result.misses:
        found = "; ".join(_describe_pred(p) for p in touching) or "nothing"
        kinds.add(
            miss_kind(gold, touching), _example(case, f"gold {_describe_gold(gold)}, got {found}")
        )
    golds = [(g.start, g.end) for g in case.gold if g.scored]
    for pred in result.spurious:
        inside = any(overlap((pred.start, pred.end), g) for g in golds)
        where = "extra figure inside a matched gold span" if inside else "false positive"
        kinds.add(f"{where}: {shape(pred.text)}", _example(case, _describe_pred(pred)))
    for gold, pred in result.wrong_qualifier:
        kinds.add(
            f"qualifier {gold.qualifier} read as {pred.qualifier}",
            _example(case, f"gold {_describe_gold(gold)}, got {_describe_pred(pred)}"),
        )
