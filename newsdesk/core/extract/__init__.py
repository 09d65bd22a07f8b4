"""Extraction: article text in, fact sheet out.

:class:`Extractor` runs it in three steps, never on the GUI thread:
``prepare`` reads the article up to the parse, ``parse`` runs the spaCy
pipeline (one call per article, or one ``nlp.pipe`` stream for many), and
``build_sheet`` reads the facts from the parsed ``Doc``. The rooms:

- before the parse: ``prepared`` (headline, dateline, story date and where it
  came from, the recased text the tagger reads), ``nlp`` (loading the pipeline,
  parsing a few paragraphs at a time), ``tokens`` (tokenizer rules for figures),
  ``attributes`` (the attribute ruler's patterns looked up and the lemmatizer's
  answers kept, the parse unchanged);
- the rules, each a reading of the ``Doc`` in offsets and values: ``names``
  (the NER's spans, fixed) and ``entities`` (mentions grouped per real-world
  thing), ``figures`` (numbers with hedge, bounds, unit, counted noun and
  change), ``dates`` (the dates found, resolved against the story date),
  ``quotes`` (direct quotes and their speakers), ``sources`` (who says so,
  for each figure);
- the figure reader's stages, which only the reader calls, in its order:
  ``seeds`` (where figures start), ``opening`` (hedge and currency before the
  number, scales after it), ``ranges``, ``values``, ``exclusions`` (names,
  dates, codes), ``context`` (the counted noun, units in words, ages, rates),
  ``hedges`` (after the number, or read in context), ``changes`` (an amount of
  change or not) and ``merges`` (readings joined); what the stages share:
  ``units`` (what measures a number), ``motion`` (the words of change),
  ``codes`` (phone numbers and scores) and ``phrase`` (the types);
  what quotes and sources share: ``attribution`` (the grammar of one
  attribution) and ``discourse`` (the speakers read in order, pronouns
  resolved); below them ``numerals`` (number tokens in a doc),
  ``periods`` (dates, durations and clock times), ``numbers`` (number words
  and digits as plain strings), ``lexicon`` (the word lists) and ``doctext``;
- after the parse: ``facts`` builds the sheet's entities, figures, dates and
  quotes from the readings, with ids and the article's own words.

The package imports :mod:`newsdesk.core.sheet`, :mod:`newsdesk.core.article`
and :mod:`newsdesk.errors`, never work, output, storage or Qt. Inside it the
Extractor's helpers (``prepared``, ``nlp``, ``tokens``, ``facts``) sit over
the rules, the figure reader over its stages (which never import each other,
so calls run one way), the stages over what they share, and all over the
number readers and word lists; the contracts in ``pyproject.toml`` keep both
true.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newsdesk.core.article.wire import clean_text
from newsdesk.core.extract.attributes import index_attribute_rules, keep_lemmas
from newsdesk.core.extract.dates import date_spans
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.entities import group_entities
from newsdesk.core.extract.exclusions import NumberedNames
from newsdesk.core.extract.facts import EntityIndex, date_facts, figure_facts, quote_facts
from newsdesk.core.extract.figures import find_figures
from newsdesk.core.extract.house import HouseRules
from newsdesk.core.extract.names import name_spans
from newsdesk.core.extract.nlp import (
    ParseCache,
    load_pipeline,
    parse_in_paragraphs,
    pipeline_name,
)
from newsdesk.core.extract.phrase import Dropped
from newsdesk.core.extract.prepared import PreparedArticle, prepare_article
from newsdesk.core.extract.quotes import find_quotes, quote_discourse
from newsdesk.core.extract.sources import attribute_figures
from newsdesk.core.extract.tokens import FIGURE_TOKENIZER, split_figures
from newsdesk.core.sheet.model import DateBasis, FactSheet
from newsdesk.core.sheet.register import HouseRegister
from newsdesk.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Dropped", "Extractor"]


class Extractor:
    """Turns article text into a :class:`FactSheet` with one spaCy pipeline."""

    def __init__(
        self,
        nlp: Language,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        register: HouseRegister | None = None,
        parse_cache: int = 0,
    ) -> None:
        self.nlp = nlp
        # The window's re-analysis reuses unchanged paragraph groups' parses.
        self._parses = ParseCache(parse_cache) if parse_cache else None
        split_figures(nlp)  # the tokenizer's figure rules, its special cases loaded once
        index_attribute_rules(nlp)  # the same parse, the attribute ruler's patterns looked up
        keep_lemmas(nlp)  # and the lemmatizer's answers kept
        self._today = today
        self._names = NumberedNames(nlp.vocab)  # names with numbers: "S&P 500", "9 E 71st St"
        self._house: HouseRules | None = None
        self.set_register(register or HouseRegister())

    @property
    def register(self) -> HouseRegister:
        """The house register every story is read with (empty: none)."""
        return self._house.register if self._house is not None else HouseRegister()

    def set_register(self, register: HouseRegister) -> None:
        """Read later stories with ``register`` (an analysis already running keeps its own)."""
        self._house = HouseRules(register, self.nlp) if register else None

    @classmethod
    def load(
        cls,
        model: str | None = None,
        *,
        register: HouseRegister | None = None,
        parse_cache: int = 0,
    ) -> Extractor:
        """Load the pipeline (see :func:`newsdesk.core.extract.nlp.load_pipeline`); read
        stories with ``register`` (the house register) when given; keep the parses of
        the last ``parse_cache`` paragraph groups for the next :meth:`extract`."""
        nlp = load_pipeline(model, tokenizer=FIGURE_TOKENIZER)  # read with the figure rules
        return cls(nlp, register=register, parse_cache=parse_cache)

    @classmethod
    def load_for_window(cls, model: str | None = None) -> Extractor:
        """Load the pipeline as the window reads with it: the parses of the last
        :data:`~newsdesk.core.extract.nlp.REANALYSIS_GROUPS` paragraph groups kept for
        re-analysis, and the gazetteer read now, before the first story (and before the
        window freezes its long-lived objects out of the collector's reach)."""
        from newsdesk.core.extract.gazetteer import gazetteer
        from newsdesk.core.extract.nlp import REANALYSIS_GROUPS

        extractor = cls.load(model, parse_cache=REANALYSIS_GROUPS)
        gazetteer()
        return extractor

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
        progress: Callable[[int, int], None] | None = None,
    ) -> FactSheet:
        """Analyse one article. ``clean=False`` when ``text`` is already clean
        (the window cleans on paste, and offsets must match its text);
        ``progress(done, total)`` hears of each paragraph group parsed."""
        prepared = self.prepare(text, clean=clean, published=published)
        house = self._house  # one register for the whole story, whatever changes meanwhile
        doc = self.parse(prepared.tagger_text, progress)
        return self.build_sheet(doc, prepared, sheet_id, house)

    def parse(self, text: str, progress: Callable[[int, int], None] | None = None) -> Doc:
        """Run the pipeline over ``text``, a few paragraphs at a time (see
        :func:`~newsdesk.core.extract.nlp.parse_in_paragraphs`)."""
        return parse_in_paragraphs(self.nlp, text, progress, self._parses)

    def extract_many(
        self, items: Iterable[tuple[str | None, str]], *, batch_size: int = 32
    ) -> Iterator[tuple[str | None, FactSheet | InputError]]:
        """Stream ``(id, text)`` pairs through ``nlp.pipe``.

        Yields ``(id, sheet)`` per item in input order, or ``(id, error)`` for
        an item that cannot be analysed (empty text), so one bad story does
        not stop a batch of thousands.
        """
        queue: deque[tuple[str | None, PreparedArticle | InputError]] = deque()
        house = self._house

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
            yield sheet_id, self.build_sheet(doc, prepared, sheet_id, house)
        while queue:
            yield queue.popleft()  # type: ignore[misc]

    # -- assembling the sheet ---------------------------------------------------

    def explain(
        self, text: str, *, clean: bool = True, published: str | None = None
    ) -> tuple[FactSheet, list[Dropped]]:
        """The sheet of ``text`` and, besides, the numbers read as no figure, each with
        the rule that said so (``newsdesk extract --explain``); every figure's ``why``
        lists the rules that made it."""
        prepared = self.prepare(text, clean=clean, published=published)
        doc = self.parse(prepared.tagger_text)
        dropped: list[Dropped] = []
        return self.build_sheet(doc, prepared, dropped=dropped), dropped

    def build_sheet(
        self,
        doc: Doc,
        prepared: PreparedArticle,
        sheet_id: str | None = None,
        house: HouseRules | None = None,
        *,
        dropped: list[Dropped] | None = None,
    ) -> FactSheet:
        """Read every kind of fact from a parsed article.

        ``doc`` is the parse of the article text or of its ``tagger_text``;
        ``house`` the register it was parsed with (default: the extractor's);
        numbers read as no figure go to ``dropped`` when it is given.
        """
        house = self._house if house is None else house
        text, dateline, story_date = prepared.text, prepared.parts.dateline, prepared.story_date
        parsed = doc_text(doc)
        names = name_spans(doc, text, dateline)
        if house is not None:
            names = house.settle(doc, names)
        entities = EntityIndex(
            group_entities(
                doc,
                names,
                article=text,
                aliases=house.aliases() if house else None,
                labels=house.labels() if house else None,
                dateline=(dateline.start, dateline.end) if dateline else None,
            )
        )
        discourse = quote_discourse(doc, entities.settled(names))
        figures = find_figures(doc, self._names, dropped)
        attribute_figures(doc, figures, discourse)
        # The sheet records the date the copy gives; else the editor's, as given.
        published = (
            story_date.date.isoformat()
            if story_date.basis in ("text", "dateline")
            else prepared.published
        )
        article = prepared.parts.article(published)
        article.date_basis = DateBasis(story_date.date.isoformat(), story_date.basis)
        facts = entities.facts(text, recased=parsed != text)
        if house is not None:
            for entity, group in zip(facts, entities.groups, strict=True):
                entity.register = house.note_for(group, text)
        return FactSheet(
            article=article,
            id=sheet_id,
            entities=facts,
            figures=figure_facts(figures, text, parsed, entities),
            dates=date_facts(date_spans(doc, text, dateline), text, story_date.date),
            quotes=quote_facts(find_quotes(doc, discourse), text, parsed, entities),
        )
