"""Dates on GUM news: span P/R/F1 and resolved-value accuracy.

Gold = ``xml_spans`` tagged ``date``. A prediction matches a gold date when
the spans overlap (one to one, best overlap first). Value accuracy is over
matched pairs whose gold value is known: ``when="2017-07-21"`` (also
``"2017-07"`` and ``"2017"``) as written, or a ``from``/``to`` period that is
exactly one ISO week (``2017-W28``), calendar month or year; other periods
(``notBefore``/``notAfter``, odd ranges) are scored for their span only. The
prediction's value (newsdesk ``DateFact.value``) must equal it as a string.

newsdesk gets the story date from the article's second line ("Friday, July
21, 2017", read with ``datetime.strptime``) as ``published``. Bare spaCy =
``doc.ents`` labelled DATE, which resolve nothing (value ``None``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.benchmarks.accuracy import gum
from tests.benchmarks.accuracy.report import TaskResult
from tests.benchmarks.accuracy.scoring import Accuracy, Counts, match_greedy, overlap
from tests.benchmarks.accuracy.systems import Errors, PredDate

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor


def period_value(start: str, end: str) -> str | None:
    """The ISO name of a ``from``–``to`` period when it is one week, month or year."""
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None
    if first.weekday() == 0 and (last - first).days == 6:
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    month_end = calendar.monthrange(first.year, first.month)[1]
    same_month = (first.year, first.month) == (last.year, last.month)
    if same_month and first.day == 1 and last.day == month_end:
        return f"{first.year:04d}-{first.month:02d}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first.year:04d}"
    return None


def gold_dates(spans: Sequence[dict[str, Any]]) -> list[tuple[tuple[int, int], str | None]]:
    """``((start, end), value or None)`` for every GUM date span."""
    out = []
    for span in spans:
        if span.get("tag") != "date":
            continue
        found = gum.attrs(span.get("attrs", ""))
        value = found.get("when")
        if value is None and "from" in found and "to" in found:
            value = period_value(found["from"], found["to"])
        out.append(((int(span["start"]), int(span["end"])), value))
    return out


def score_doc(
    gold: Sequence[tuple[tuple[int, int], str | None]], preds: Sequence[PredDate]
) -> tuple[Counts, Accuracy]:
    def score(p: PredDate, g: tuple[tuple[int, int], str | None]) -> float | None:
        return overlap((p.start, p.end), g[0]) or None

    pairs = match_greedy(preds, gold, score)
    values = Accuracy()
    for i, j in pairs:
        if gold[j][1] is not None:
            values.count(preds[i].value == gold[j][1])
    return Counts(len(pairs), len(preds), len(pairs), len(gold)), values


def evaluate(extractor: Extractor, root: Path, errors: Errors) -> TaskResult:
    result = TaskResult("dates")
    try:
        run = gum.run(extractor, root, errors)
    except Exception as error:
        errors.add("dates", "gold", "gum_news", error)
        return result
    rows: dict[str, list[Any]] = {}
    for doc, ours, bare in zip(run.docs, run.ours, run.bare, strict=True):
        try:
            gold = gold_dates(doc.xml_spans)
            scored = [score_doc(gold, ours.dates), score_doc(gold, bare.dates)]
        except Exception as error:
            errors.add("dates", "scoring", doc.doc_id, error)
            continue
        for key in (doc.split, "all"):
            row = rows.setdefault(key, [Counts(), Accuracy(), Counts(), Accuracy(), 0])
            row[0].add(scored[0][0])
            row[1].add(scored[0][1])
            row[2].add(scored[1][0])
            row[3].add(scored[1][1])
            row[4] += 1
    for key in ("train+dev", "test", "all"):
        if key in rows:
            a, va, b, vb, n = rows[key]
            label = f"GUM news {key} ({n} docs)"
            result.prf(label, "span P / R / F1 (overlap)", a, b)
            result.accuracy(label, "resolved value accuracy", va, vb)
    result.notes.append(
        "GUM news: <date> spans; values from when=, or from/to when it is one ISO week, "
        "month or year; published = the second line's date"
    )
    return result
