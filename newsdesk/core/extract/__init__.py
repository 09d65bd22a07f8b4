"""Extraction: article text in, fact sheet out.

One spaCy pipeline call per article (or one ``nlp.pipe`` stream for many),
then rules over the parsed ``Doc``: entities grouped per real-world thing,
figures with hedges and counted nouns, dates resolved against the story date,
direct quotes with speakers. Never called on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsdesk.core.article.wire import (
    Dateline,
    clean_text,
    find_dateline,
    sentence_case_headline,
    split_article,
)
from newsdesk.core.extract import lexicon
from newsdesk.core.extract.dates import resolve_date, story_date_line
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.entities import best_name, display_name, group_entities
from newsdesk.core.extract.figures import find_figures
from newsdesk.core.extract.nlp import load_pipeline, pipeline_name
from newsdesk.core.extract.periods import is_date_like
from newsdesk.core.extract.quotes import find_quotes
from newsdesk.core.extract.tokens import split_figures
from newsdesk.core.sheet.model import Article, DateFact, Entity, FactSheet, Figure, Mention, Quote
from newsdesk.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["Extractor"]

log = logging.getLogger(__name__)


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

    def prepare(self, text: str, *, clean: bool = True, published: str | None = None) -> Article:
        """Clean (optionally) and split the text; refuse what cannot be analysed."""
        cleaned = clean_text(text) if clean else text
        if not cleaned.strip():
            raise InputError("The article is empty: paste or open some text first.")
        if len(cleaned) > self.nlp.max_length:
            raise InputError(
                f"The text is {len(cleaned):,} characters long; newsdesk analyses up to "
                f"{self.nlp.max_length:,} at a time. Split it into separate stories."
            )
        return split_article(cleaned, published=published)

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
        article = self.prepare(text, clean=clean, published=published)
        return self.build_sheet(self.parse(sentence_case_headline(article.text)), article, sheet_id)

    def parse(self, text: str) -> Doc:
        """Run the pipeline over ``text``, a few paragraphs at a time.

        One long ``nlp()`` call holds Python's interpreter lock for its whole
        forward pass, which freezes the window's thread for ~100 ms on a
        5,000-word story. Paragraph groups of a few hundred words are parsed
        one by one and joined into one ``Doc`` whose text is exactly ``text``
        (sentences never cross paragraphs in copy, so nothing is lost).
        """
        if len(text) <= CHUNK_CHARS:
            return self.nlp(text)
        from spacy.tokens import Doc as SpacyDoc

        docs = [self.nlp(chunk) for chunk in _paragraph_chunks(text, CHUNK_CHARS)]
        return SpacyDoc.from_docs(docs, ensure_whitespace=False)

    def extract_many(
        self, items: Iterable[tuple[str | None, str]], *, batch_size: int = 32
    ) -> Iterator[tuple[str | None, FactSheet | InputError]]:
        """Stream ``(id, text)`` pairs through ``nlp.pipe``.

        Yields ``(id, sheet)`` per item in input order, or ``(id, error)`` for
        an item that cannot be analysed (empty text), so one bad story does
        not stop a batch of thousands.
        """
        queue: deque[tuple[str | None, Article | InputError]] = deque()

        def texts() -> Iterator[str]:
            for sheet_id, text in items:
                try:
                    article = self.prepare(text)
                except InputError as error:
                    queue.append((sheet_id, error))
                    continue
                queue.append((sheet_id, article))
                yield sentence_case_headline(article.text)

        for doc in self.nlp.pipe(texts(), batch_size=batch_size):
            # Failures queued before this doc's article come out first.
            while isinstance(queue[0][1], InputError):
                yield queue.popleft()  # type: ignore[misc]
            sheet_id, article = queue.popleft()
            assert isinstance(article, Article)
            yield sheet_id, self.build_sheet(doc, article, sheet_id)
        while queue:
            yield queue.popleft()  # type: ignore[misc]

    # -- assembling the sheet ---------------------------------------------------

    def build_sheet(self, doc: Doc, article: Article, sheet_id: str | None = None) -> FactSheet:
        """Read every kind of fact from a parsed article."""
        dateline = find_dateline(article.text, len(article.headline) + 1)
        story_date = self._story_date(article, dateline)
        spans = self._entity_spans(doc, article, dateline)
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
        date_spans = [e for e in doc.ents if e.label_ == "DATE" and is_date_like(e)]
        missed = _dateline_date(doc, article.text, dateline, date_spans)
        if missed is not None:  # "NEW DELHI, Aug 5 (Reuters)" the NER did not mark
            date_spans = sorted([*date_spans, missed], key=lambda e: e.start)
        dates = [
            DateFact(
                id=f"d{n}",
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                value=resolve_date(ent.text, story_date, future=_looks_ahead(ent)),
            )
            for n, ent in enumerate(date_spans, start=1)
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
        sheet = FactSheet(
            article=article,
            id=sheet_id,
            entities=entities,
            figures=figures,
            dates=dates,
            quotes=quotes,
        )
        if doc_text(doc) != article.text:
            _restore_case(sheet)
        return sheet

    def _story_date(self, article: Article, dateline: Dateline | None) -> dt.date:
        """The date relative expressions count from: given, dateline, or today."""
        today = self._today()
        if article.published:
            try:
                return dt.date.fromisoformat(article.published)
            except ValueError:
                log.warning("ignoring unreadable story date %r", article.published)
        # A line of its own that is only a date ("Friday, July 21, 2017").
        for line in article.text.split("\n")[1:4]:
            value = story_date_line(line)
            if value:
                article.published = value
                return dt.date.fromisoformat(value)
        if dateline and dateline.date_text:
            value = resolve_date(dateline.date_text, today)
            if value:
                resolved = dt.date.fromisoformat(value)
                # A dateline month ahead of today belongs to last year.
                if resolved > today:
                    resolved = resolved.replace(year=resolved.year - 1)
                article.published = resolved.isoformat()
                return resolved
        return today

    def _entity_spans(self, doc: Doc, article: Article, dateline: Dateline | None) -> list[Span]:
        """The NER's spans, with the dateline's place read as a place."""
        spans = [
            _as_place_if_located(_without_score(span))
            for span in _join_split_names(doc)
            if _plausible(span)
        ]
        if dateline is None:
            return spans
        # "PODGORICA, Montenegro" names a city and a country: one place each.
        text = doc_text(doc)
        forced = [
            doc.char_span(
                dateline.start + part.start(),
                dateline.start + part.end(),
                label="GPE",
                alignment_mode="expand",
            )
            for part in re.finditer(r"[^,]*[^,\s]", text[dateline.start : dateline.end])
            if part.group().strip()
        ]
        if dateline.source:
            # The agency in "(Reuters)" is an organisation, whatever the NER says.
            at = article.text.find(f"({dateline.source})", dateline.end)
            if at != -1:
                forced.append(
                    doc.char_span(
                        at + 1, at + 1 + len(dateline.source), label="ORG", alignment_mode="expand"
                    )
                )
        for span in forced:
            if span is None:
                continue
            spans = [s for s in spans if s.end <= span.start or s.start >= span.end]
            spans.append(span)
        spans.sort(key=lambda s: s.start)
        return spans


_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "outside", "downstream", "upstream", "northern", "southern", "eastern", "western"}
)  # fmt: skip
_SETTLEMENTS = frozenset(
    {"city", "town", "village", "province", "region", "district", "state", "capital",
     "county", "port", "island", "suburb", "outskirts", "municipality", "governorate"}
)  # fmt: skip
_PLACE_PREPOSITIONS = frozenset({"near", "outside", "towards", "toward", "around"})


_TITLE_WORDS = frozenset(
    {"minister", "president", "prime", "secretary", "ambassador", "foreign", "chancellor",
     "king", "queen", "prince", "general", "army", "chief", "leader", "official", "officials",
     "spokesman", "spokeswoman", "governor", "senator", "mayor", "police", "mp", "mps", "mep",
     "lawmaker", "envoy", "captain", "coach", "commander", "administrator", "director", "ceo",
     "chairman", "chairwoman", "premier", "consul", "delegate", "member"}
)  # fmt: skip


def _join_split_names(doc: Doc) -> list[Span]:
    """Join organisation names the small model splits at a capital.

    "Islamic State" comes out as NORP "Islamic" with "State" untagged, and
    "Syrian Democratic Forces" as NORP + ORG; a nationality word followed by
    capitalised proper nouns (not titles such as "Prime Minister") is one
    organisation.
    """
    spans = list(doc.ents)
    result: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        if span.label_ != "NORP" or span.end >= len(doc):
            result.append(span)
            i += 1
            continue
        end = span.end
        following = spans[i + 1] if i + 1 < len(spans) else None
        if following is not None and following.start == end and following.label_ == "ORG":
            end, i = following.end, i + 1
        else:
            while (
                end < len(doc)
                and doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
                and not doc[end].ent_type_
                and doc[end].lower_ not in _TITLE_WORDS
            ):
                end += 1
            if end > span.end and doc[end - 1].lower_ not in lexicon.ORG_HEADS:
                end = span.end  # "Launch Pad" is no organisation; "Islamic State" is
        result.append(span if end == span.end else Span(doc, span.start, end, label="ORG"))
        i += 1
    return result


_NAME_PARTICLES = frozenset(
    {"bin", "bint", "al", "el", "de", "da", "del", "della", "der", "di", "du", "la", "le", "van",
     "von", "ibn", "abu", "y", "dos", "das", "ben", "and", "of"}
)  # fmt: skip


def _dateline_date(
    doc: Doc, text: str, dateline: Dateline | None, known: list[Span]
) -> Span | None:
    """The dateline's date as a span, when no DATE span already covers it."""
    if dateline is None or not dateline.date_text:
        return None
    at = text.find(dateline.date_text, dateline.start)
    if at == -1:
        return None
    span = doc.char_span(at, at + len(dateline.date_text), label="DATE", alignment_mode="expand")
    if span is None or any(e.start < span.end and span.start < e.end for e in known):
        return None
    return span


def _without_score(span: Span) -> Span:
    """ "beat Ashford City 2-1": the score the NER ran into the club's name goes."""
    end = span.end
    while (
        end - span.start > 3
        and span.doc[end - 1].like_num
        and span.doc[end - 2].text in ("-", "–")
        and span.doc[end - 3].like_num
    ):
        end -= 3
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_)


def _plausible(span: Span) -> bool:
    """Drop what the small model calls a person but no name is: "Turnout",
    "Ghanaian diaspora" (a common noun, or a lower-case word inside)."""
    if span.label_ != "PERSON":
        return True
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    if any(
        t.text.islower() and t.lower_ not in _NAME_PARTICLES and not _after_hyphen(t) for t in words
    ):
        return False
    return not (len(words) == 1 and words[0].pos_ != "PROPN")


def _after_hyphen(token: Token) -> bool:
    """ "ching" in "Yau Wai-ching", "un" in "Kim Jong-un": part of a hyphenated name."""
    return token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_


def _as_place_if_located(span: Span) -> Span:
    """An ORG or PERSON the sentence locates things at is a place.

    "35 miles south of Lokoja", "near Palmyra", "the city of El Obeid",
    "Sudan's El Obeid": the small model often reads an unfamiliar town as an
    organisation; the words before it say otherwise.
    """
    if span.label_ not in ("ORG", "PERSON") or span.start == 0:
        return span
    doc = span.doc
    before = doc[span.start - 1]
    located = (
        before.lower_ in _PLACE_PREPOSITIONS
        # "in Khan Younis": people are rarely "in" someone; companies often are.
        or (before.lower_ == "in" and span.label_ == "PERSON")
        or (
            before.lower_ == "of"
            and span.start >= 2
            and doc[span.start - 2].lower_ in _DIRECTIONS | _SETTLEMENTS
        )
        # "Sudan's El Obeid": a place's place.
        or (
            before.lower_ in ("'s", "’s")
            and span.start >= 2
            and doc[span.start - 2].ent_type_ in ("GPE", "LOC")
        )
    )
    if not located:
        return span
    return Span(doc, span.start, span.end, label="GPE")


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
# Verbs whose "to" infinitive looks ahead: "is due to meet", "are expected to publish".
_AHEAD_VERBS = frozenset(
    {"due", "set", "plan", "be", "expect", "schedule", "hope", "aim", "intend", "vow",
     "pledge", "promise", "prepare", "threaten", "agree", "want"}
)  # fmt: skip


def _looks_ahead(span: Span) -> bool:
    """Whether the date's clause speaks of the future ("talks will resume on Friday")."""
    token = span.root
    for _ in range(4):  # walk up to the verb the date hangs from
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ == "on" and span.start >= 2:
        before = doc[span.start - 2]
    if before is not None and before.tag_ == "VBD":
        return False  # "said on Wednesday it would cut jobs": the saying was on Wednesday
    if any(c.lower_ == "had" for c in token.children) or any(
        c.lower_ == "had" for c in token.head.children
    ):
        return False  # "had been closed until Tuesday": past before the past
    if any(c.lower_ in _FUTURE_AUX or c.lemma_ == "will" for c in token.children):
        return True  # "will resume on Friday", "said it would vote on Monday"
    if token.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "auxpass" for c in token.children):
        return True  # "Rovers host Dunmore on Sunday": the present of a fixture
    if any(t.lower_ in ("until", "till") for t in doc[max(span.start - 1, 0) : span.start]):
        return True  # "closed until Monday"
    # "is due to meet", "are expected to publish", "plans to": the infinitive's parent.
    head = token.head
    return token.tag_ == "VB" and head is not token and head.lemma_ in _AHEAD_VERBS


CHUNK_CHARS = 2_000


def _paragraph_chunks(text: str, size: int) -> list[str]:
    """``text`` cut after paragraph breaks into pieces of about ``size`` characters.

    The pieces concatenate back to ``text`` exactly; a paragraph longer than
    ``size`` stays whole.
    """
    chunks: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        if cut == -1:
            chunks.append(text[start:])
            break
        while cut < len(text) and text[cut] == "\n":
            cut += 1  # keep the whole break with the paragraph before it
        chunks.append(text[start:cut])
        start = cut
    return chunks


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
