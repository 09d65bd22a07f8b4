"""Running the two systems on the same raw texts and reading plain predictions.

newsdesk: ``Extractor.extract(text, published=…)``, the call users make (clean,
split, recase a title-case headline, one pipeline call, rules). Its offsets
point into the cleaned text; :class:`~.scoring.OffsetMap` maps them back to the
raw text the gold offsets count in (a no-op when cleaning changed nothing,
which is the case for every GUM article).

bare spaCy: ``extractor.nlp.pipe`` over the raw texts, read from ``doc.ents``.

A failure on one input is recorded in :class:`Errors` and that input gets no
predictions from the failing system; the run goes on.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsdesk.core.extract.tokens import shipped_tokenizer
from tests.benchmarks.accuracy.scoring import OffsetMap, bare_value

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsdesk.core.extract import Extractor

log = logging.getLogger(__name__)

FIGURE_LABELS = {
    "CARDINAL": "number",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "quantity",
}


@dataclass
class Errors:
    """Inputs a system failed on: ``(task, system, case, message)``."""

    items: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, task: str, system: str, case: str, error: BaseException) -> None:
        last = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
        where = f" at {last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno}" if last else ""
        self.items.append((task, system, case, f"{type(error).__name__}: {error}{where}"))


@dataclass
class Input:
    """One raw text to analyse, with its story date when known (ISO)."""

    case: str
    text: str
    published: str | None = None


@dataclass
class PredFigure:
    start: int
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    change: str | None = None
    unit: str | None = None
    counted: str | None = None
    earlier: float | None = None  # the earlier level of a level reached
    equivalent: float | None = None  # a bracketed equivalent's value
    # A figure's bracketed equivalent ("($16.4 million)"), one fact with it on the sheet:
    # scored where a gold set lists it as a figure, never counted against where none does.
    part_of: bool = False


@dataclass
class PredEntity:
    start: int
    end: int
    label: str


@dataclass
class PredDate:
    start: int
    end: int
    value: str | None


@dataclass
class PredQuote:
    start: int
    end: int
    speaker_mention: str | None = None
    speaker_name: str | None = None


@dataclass
class Predictions:
    """Everything one system said about one raw text, in raw offsets."""

    figures: list[PredFigure] = field(default_factory=list)
    entities: list[PredEntity] = field(default_factory=list)
    dates: list[PredDate] = field(default_factory=list)
    quotes: list[PredQuote] = field(default_factory=list)


def run_newsdesk(
    extractor: Extractor, inputs: Sequence[Input], task: str, errors: Errors
) -> list[Predictions]:
    """newsdesk's fact sheet for every input, in raw-text offsets."""
    out = []
    for item in inputs:
        try:
            sheet = extractor.extract(item.text, published=item.published)
            out.append(_from_sheet(sheet, item.text))
        except Exception as error:  # one bad input must not stop the run
            errors.add(task, "newsdesk", item.case, error)
            out.append(Predictions())
    return out


def run_bare(
    extractor: Extractor, inputs: Sequence[Input], task: str, errors: Errors
) -> list[Predictions]:
    """Bare spaCy's entities for every input (``nlp.pipe``, one by one on failure)."""
    nlp = extractor.nlp
    texts = [item.text for item in inputs]
    ours = [name for name in getattr(nlp, "pipe_names", ()) if name.startswith("newsdesk")]
    bare = nlp.select_pipes(disable=ours) if ours else contextlib.nullcontext()
    try:
        with bare, shipped_tokenizer(nlp):  # the bare pipeline, as shipped
            docs: list[Doc | None] = list(nlp.pipe(texts, batch_size=64))
    except Exception:
        log.warning("nlp.pipe failed; analysing one text at a time")
        docs = []
        for item in inputs:
            try:
                docs.append(nlp(item.text))
            except Exception as error:
                errors.add(task, "bare spaCy", item.case, error)
                docs.append(None)
    out = []
    for item, doc in zip(inputs, docs, strict=True):
        try:
            out.append(_from_doc(doc) if doc is not None else Predictions())
        except Exception as error:
            errors.add(task, "bare spaCy", item.case, error)
            out.append(Predictions())
    return out


def _from_sheet(sheet: Any, raw: str) -> Predictions:
    offsets = OffsetMap(sheet.article.text, raw)

    def span(start: int, end: int) -> tuple[int, int]:
        return offsets.start(start), offsets.end(end)

    preds = Predictions()
    for f in sheet.figures:
        s, e = span(f.start, f.end)
        equivalent = getattr(f, "equivalent", None)
        preds.figures.append(
            PredFigure(
                s,
                e,
                raw[s:e],
                f.kind,
                f.value,
                f.low,
                f.high,
                f.qualifier or "exact",
                change=f.change,
                unit=f.unit,
                counted=f.counted,
                earlier=getattr(f, "earlier", None),
                equivalent=equivalent.value if equivalent is not None else None,
            )
        )
        at = raw.find(equivalent.text, e) if equivalent is not None else -1
        if equivalent is not None and at >= 0:
            preds.figures.append(
                PredFigure(
                    at,
                    at + len(equivalent.text),
                    equivalent.text,
                    f.kind,
                    # scored on its own words: a hedge carried from the figure is not in them
                    equivalent.value,
                    equivalent.value if equivalent.carried else equivalent.low,
                    equivalent.value if equivalent.carried else equivalent.high,
                    "exact" if equivalent.carried else equivalent.qualifier,
                    unit=equivalent.unit,
                    part_of=True,
                )
            )
    for entity in sheet.entities:
        for mention in entity.mentions:
            s, e = span(mention.start, mention.end)
            preds.entities.append(PredEntity(s, e, entity.label))
    for d in sheet.dates:
        s, e = span(d.start, d.end)
        preds.dates.append(PredDate(s, e, d.value))
    for q in sheet.quotes:
        s, e = span(q.start, q.end)
        speaker = sheet.entity(q.speaker) if q.speaker else None
        preds.quotes.append(
            PredQuote(
                s,
                e,
                q.speaker_mention.text if q.speaker_mention else None,
                speaker.name if speaker else None,
            )
        )
    return preds


def _from_doc(doc: Doc) -> Predictions:
    preds = Predictions()
    for ent in doc.ents:
        kind = FIGURE_LABELS.get(ent.label_)
        if kind is not None:
            value = bare_value([t.text for t in ent])
            preds.figures.append(PredFigure(ent.start_char, ent.end_char, ent.text, kind, value))
        elif ent.label_ == "DATE":
            preds.dates.append(PredDate(ent.start_char, ent.end_char, None))
        else:
            preds.entities.append(PredEntity(ent.start_char, ent.end_char, ent.label_))
    return preds
