"""Extraction: article text in, fact sheet out.

One spaCy pipeline call per article (or one ``nlp.pipe`` stream for many),
then rules over the parsed ``Doc``: entities grouped per real-world thing,
figures with hedges and counted nouns, dates resolved against the story date,
direct quotes with speakers. Never called on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newsdesk.core.article.wire import clean_text
from newsdesk.core.extract.dates import date_spans, looks_ahead, resolve_date
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.entities import best_name, display_name, group_entities
from newsdesk.core.extract.figures import find_figures
from newsdesk.core.extract.names import name_spans
from newsdesk.core.extract.nlp import load_pipeline, parse_in_paragraphs, pipeline_name
from newsdesk.core.extract.prepared import PreparedArticle, prepare_article
from newsdesk.core.extract.quotes import find_quotes
from newsdesk.core.extract.tokens import split_figures
from newsdesk.core.sheet.model import DateFact, Entity, FactSheet, Figure, Mention, Quote
from newsdesk.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor"]


class Extractor:
    """Turns article text into a :class:`FactSheet` with one spaCy pipeline."""

    def __init__(self, nlp: Language, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.nlp = nlp
        split_figures(nlp)
        self._today = today

    @classmethod
    def load(cls, model: str | None = None) -> Extractor:
        """Load the pipeline (see :func:`newsdesk.core.extract.nlp.load_pipeline`)."""
        return cls(load_pipeline(model))

    @property
    def model_name(self) -> str:
        return pipeline_name(self.nlp)

    def prepare(
        self, text: str, *, clean: bool = True, published: str | None = None
    ) -> PreparedArticle:
        """Clean (optionally) and read the text's parts and story date, once; refuse
        what cannot be analysed."""
        cleaned = clean_text(text) if clean else text
        if not cleaned.strip():
            raise InputError("The article is empty: paste or open some text first.")
        if len(cleaned) > self.nlp.max_length:
            raise InputError(
                f"The text is {len(cleaned):,} characters long; newsdesk analyses up to "
                f"{self.nlp.max_length:,} at a time. Split it into separate stories."
            )
        return prepare_article(cleaned, published, self._today())

    def extract(
        self,
        text: str,
        *,
        clean: bool = True,
        sheet_id: str | None = None,
        published: str | None = None,
    ) -> FactSheet:
        """Analyse one article. ``clean=False`` when ``text`` is already clean
        (the window cleans on paste, and offsets must match its text)."""
        prepared = self.prepare(text, clean=clean, published=published)
        return self.build_sheet(self.parse(prepared.tagger_text), prepared, sheet_id)

    def parse(self, text: str) -> Doc:
        """Run the pipeline over ``text``, a few paragraphs at a time (see
        :func:`~newsdesk.core.extract.nlp.parse_in_paragraphs`)."""
        return parse_in_paragraphs(self.nlp, text)

    def extract_many(
        self, items: Iterable[tuple[str | None, str]], *, batch_size: int = 32
    ) -> Iterator[tuple[str | None, FactSheet | InputError]]:
        """Stream ``(id, text)`` pairs through ``nlp.pipe``.

        Yields ``(id, sheet)`` per item in input order, or ``(id, error)`` for
        an item that cannot be analysed (empty text), so one bad story does
        not stop a batch of thousands.
        """
        queue: deque[tuple[str | None, PreparedArticle | InputError]] = deque()

        def texts() -> Iterator[str]:
            for sheet_id, text in items:
                try:
                    prepared = self.prepare(text)
                except InputError as error:
                    queue.append((sheet_id, error))
                    continue
                queue.append((sheet_id, prepared))
                yield prepared.tagger_text

        for doc in self.nlp.pipe(texts(), batch_size=batch_size):
            # Failures queued before this doc's article come out first.
            while isinstance(queue[0][1], InputError):
                yield queue.popleft()  # type: ignore[misc]
            sheet_id, prepared = queue.popleft()
            assert isinstance(prepared, PreparedArticle)
            yield sheet_id, self.build_sheet(doc, prepared, sheet_id)
        while queue:
            yield queue.popleft()  # type: ignore[misc]

    # -- assembling the sheet ---------------------------------------------------

    def build_sheet(
        self, doc: Doc, prepared: PreparedArticle, sheet_id: str | None = None
    ) -> FactSheet:
        """Read every kind of fact from a parsed article."""
        text, dateline, story_date = prepared.text, prepared.parts.dateline, prepared.story_date
        spans = name_spans(doc, text, dateline)
        entities = [
            Entity(
                id=f"e{n}",
                label=group.label,
                name=group.name,
                mentions=[Mention(start=s, end=e, text=t) for s, e, t in group.mentions],
            )
            for n, group in enumerate(group_entities(doc, spans), start=1)
        ]
        entities.sort(key=lambda e: e.mentions[0].start)
        for n, entity in enumerate(entities, start=1):
            entity.id = f"e{n}"

        def entity_at(span: tuple[int, int] | None) -> str | None:
            if span is None:
                return None
            for entity in entities:
                for mention in entity.mentions:
                    if mention.start < span[1] and span[0] < mention.end:
                        return entity.id
            return None

        figures = [
            Figure(
                id=f"f{n}",
                text=r.text,
                start=r.start,
                end=r.end,
                kind=r.kind,  # type: ignore[arg-type]
                value=r.value,
                low=r.low,
                high=r.high,
                qualifier=r.qualifier,  # type: ignore[arg-type]
                change=r.change,  # type: ignore[arg-type]
                unit=r.unit,
                counted=r.counted,
                sentence=r.sentence,
                source=entity_at(r.source_span),
            )
            for n, r in enumerate(find_figures(doc), start=1)
        ]
        dates = [
            DateFact(
                id=f"d{n}",
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                value=resolve_date(ent.text, story_date.date, future=looks_ahead(ent)),
            )
            for n, ent in enumerate(date_spans(doc, text, dateline), start=1)
        ]
        quotes = []
        for n, reading in enumerate(find_quotes(doc), start=1):
            speaker = entity_at(reading.speaker_span) or _entity_named(
                entities,
                doc_text(doc)[slice(*reading.speaker_span)] if reading.speaker_span else "",
            )
            if speaker is None and reading.pronoun and reading.speaker_span is not None:
                speaker = _nearest_person(
                    entities, reading.speaker_span[0], quoted=(reading.start, reading.end)
                )
            quotes.append(
                Quote(
                    id=f"q{n}",
                    text=reading.text,
                    start=reading.start,
                    end=reading.end,
                    speaker=speaker,
                    speaker_mention=(
                        Mention(
                            start=reading.speaker_span[0],
                            end=reading.speaker_span[1],
                            text=doc_text(doc)[reading.speaker_span[0] : reading.speaker_span[1]],
                        )
                        if reading.speaker_span
                        else None
                    ),
                    cue=reading.cue,
                )
            )
        # The sheet records the date the copy gives; else the editor's, as given.
        published = (
            story_date.date.isoformat()
            if story_date.basis in ("text", "dateline")
            else prepared.published
        )
        sheet = FactSheet(
            article=prepared.parts.article(published),
            id=sheet_id,
            entities=entities,
            figures=figures,
            dates=dates,
            quotes=quotes,
        )
        if doc_text(doc) != text:
            _restore_case(sheet)
        return sheet


def _restore_case(sheet: FactSheet) -> None:
    """Texts and names as the article writes them, after analysing a recased headline."""
    text = sheet.article.text
    for entity in sheet.entities:
        for mention in entity.mentions:
            mention.text = text[mention.start : mention.end]
        entity.name = best_name([display_name(m.text) for m in entity.mentions])
    spans: list[Figure | DateFact | Quote] = [*sheet.figures, *sheet.dates, *sheet.quotes]
    for fact in spans:
        fact.text = text[fact.start : fact.end]
    for quote in sheet.quotes:
        if quote.speaker_mention is not None:
            mention = quote.speaker_mention
            mention.text = text[mention.start : mention.end]


def _entity_named(entities: list[Entity], text: str) -> str | None:
    """The one entity whose name ends with ``text`` ("Okafor" → "Chidinma Okafor").

    People first; the tagger sometimes files a person under another label.
    """
    words = text.split()
    if not words:
        return None
    for people_only in (True, False):
        found = [
            e.id
            for e in entities
            if (e.label == "PERSON" or not people_only) and e.name.split()[-len(words) :] == words
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _nearest_person(
    entities: list[Entity], before: int, quoted: tuple[int, int] = (0, 0)
) -> str | None:
    """The person mentioned last before ``before``: what "he" or "she" refers to.

    Nobody named inside the ``quoted`` span counts: '"Rivera changed the
    town," he said' is not Rivera speaking of himself.
    """
    best: tuple[int, str] | None = None
    for entity in entities:
        if entity.label != "PERSON" or any(
            quoted[0] <= m.start < quoted[1] for m in entity.mentions
        ):
            continue
        for mention in entity.mentions:
            if mention.end <= before and (best is None or mention.end > best[0]):
                best = (mention.end, entity.id)
    return best[1] if best else None
