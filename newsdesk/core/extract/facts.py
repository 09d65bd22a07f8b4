"""The sheet's facts, built from the rules' readings of a parsed article.

Readings are offsets and values; each fact reads its words from the article
text at those offsets as it is built. The tagger may have read a recased
headline ("Army carries out strikes near Palmyra"), but only letters changed
case there, so the offsets hold and the sheet shows the words as written.
Ids follow the text (e1, f1, d1, q1, …); a figure's source and a quote's
speaker are the ids of the entities named there.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from typing import TYPE_CHECKING

from newsdesk.core.extract.dates import looks_ahead, resolve_date
from newsdesk.core.extract.entities import EntityGroup, best_name, display_name
from newsdesk.core.sheet.model import (
    DateFact,
    Entity,
    Equivalent,
    Figure,
    Mention,
    Quote,
    Reason,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

    from newsdesk.core.extract.phrase import FigureReading
    from newsdesk.core.extract.quotes import QuoteReading


_NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


class EntityIndex:
    """The story's entities as grouped from the parse, with their sheet ids.

    Figures and quotes look their sources and speakers up here, by offsets or
    by the names the parsed text gives.
    """

    def __init__(self, groups: list[EntityGroup]) -> None:
        # Ids in the order of each thing's first mention.
        self.groups = sorted(groups, key=lambda g: g.mentions[0][0])
        self.ids = [f"e{n}" for n in range(1, len(self.groups) + 1)]
        # Every mention by where it starts, so a figure's source is found without
        # going through every entity (which made a story of many figures quadratic).
        self._mentions = sorted(
            (start, end, order)
            for order, group in enumerate(self.groups)
            for start, end in group.mentions
        )
        self._starts = [start for start, _, _ in self._mentions]
        self._longest = max((end - start for start, end, _ in self._mentions), default=0)
        # Every ending of every name ("Okafor", "Chidinma Okafor"), to the entities in id order.
        self._endings: dict[tuple[str, ...], list[int]] = {}
        for order, group in enumerate(self.groups):
            words = group.name.split()
            for k in range(1, len(words) + 1):
                self._endings.setdefault(tuple(words[-k:]), []).append(order)

    def facts(self, text: str, *, recased: bool) -> list[Entity]:
        """The sheet's entities, their mentions' words read from ``text``.

        Grouping named each thing from the parsed text. When that text had a
        recased headline, the name is read again from the article's own words:
        the fullest of every mention's name.
        """
        return [
            Entity(
                id=entity_id,
                label=group.label,
                name=(
                    best_name([display_name(text[s:e]) for s, e in group.mentions])
                    if recased
                    else group.name
                ),
                mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in group.mentions],
            )
            for entity_id, group in zip(self.ids, self.groups, strict=True)
        ]

    def at(self, span: tuple[int, int] | None) -> str | None:
        """The entity with a mention overlapping ``span``."""
        order = self._order_at(span)
        return None if order is None else self.ids[order]

    def _order_at(self, span: tuple[int, int] | None) -> int | None:
        if span is None:
            return None
        # Only a mention starting less than the longest mention before the span can reach it.
        low = bisect_left(self._starts, span[0] - self._longest)
        high = bisect_left(self._starts, span[1])
        orders = [
            order for _, end, order in self._mentions[low:high] if span[0] < end
        ]  # the first entity in id order wins, as it always has
        return min(orders) if orders else None

    def settled(self, spans: list[Span]) -> list[Span]:
        """``spans`` with each name's label as the evidence settled it for its entity
        ("Director Taco Dibbits", tagged an organisation, is a person), so the story's
        discourse reads "he said" as his."""
        result = []
        for span in spans:
            order = self._order_at((span.start_char, span.end_char))
            label = self.groups[order].label if order is not None else span.label_
            if label != span.label_ and span.label_ in _NAMES:
                span = span.doc[span.start : span.end]
                span.label_ = label
            result.append(span)
        return result

    def named(self, text: str) -> str | None:
        """The one entity whose name ends with ``text`` ("Okafor" → "Chidinma Okafor").

        People first; the tagger sometimes files a person under another label.
        """
        words = text.split()
        if not words:
            return None
        ending = self._endings.get(tuple(words), [])
        for people_only in (True, False):
            found = [
                self.ids[order]
                for order in ending
                if self.groups[order].label == "PERSON" or not people_only
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def of(self, span: tuple[int, int] | None, parsed: str) -> str | None:
        """The entity at ``span``, else the one its words name (as the ``parsed`` text has them)."""
        if span is None:
            return None
        return self.at(span) or self.named(parsed[span[0] : span[1]])


def figure_facts(
    readings: list[FigureReading], text: str, parsed: str, entities: EntityIndex
) -> list[Figure]:
    """The sheet's figures, each with who its sentence or paragraph attributes it to:
    the entity where one is named, and the attribution's words."""
    return [
        Figure(
            id=f"f{n}",
            text=text[r.start : r.end],
            start=r.start,
            end=r.end,
            kind=r.kind,  # type: ignore[arg-type]
            value=_finite(r.value),
            low=_finite(r.low),
            high=_finite(r.high),
            qualifier=r.qualifier,  # type: ignore[arg-type]
            change=r.change,  # type: ignore[arg-type]
            unit=r.unit,
            counted=r.counted,
            sentence=_holding(r.sentence, r.start, r.end),
            source=entities.of(r.source_span, parsed),
            source_text=_words(text, r.source_phrase),
            source_basis=r.source_basis,  # type: ignore[arg-type]
            why=[Reason(step.rule, step.says) for step in r.trail],
            earlier=_finite(r.earlier),
            equivalent=_equivalent(r.equivalent, text),
            approximate=r.approximate,
        )
        for n, r in enumerate(readings, start=1)
    ]


def _holding(sentence: tuple[int, int] | None, start: int, end: int) -> tuple[int, int] | None:
    """The figure's sentence, widened to hold the whole figure: a figure the reader ran past
    the tagger's sentence end ("𝟎 %%%%") still prints in its own words."""
    if sentence is None:
        return None
    return min(sentence[0], start), max(sentence[1], end)


def _equivalent(reading: FigureReading | None, text: str) -> Equivalent | None:
    """A figure's bracketed equivalent, as the sheet keeps it."""
    if reading is None:
        return None
    return Equivalent(
        text=text[reading.start : reading.end],
        value=_finite(reading.value),
        low=_finite(reading.low),
        high=_finite(reading.high),
        qualifier=reading.qualifier,  # type: ignore[arg-type]
        unit=reading.unit,
        carried=reading.carried,
    )


def _finite(number: float | None) -> float | None:
    """A figure's number, or unknown when it is not finite: no infinity enters a sheet."""
    return number if number is None or math.isfinite(number) else None


def date_facts(spans: list[Span], text: str, story_date: dt.date) -> list[DateFact]:
    """The sheet's dates, resolved against the story date (ahead of it when the
    clause speaks of the future)."""
    return [
        DateFact(
            id=f"d{n}",
            text=text[span.start_char : span.end_char],
            start=span.start_char,
            end=span.end_char,
            value=resolve_date(span.text, story_date, future=looks_ahead(span)),
        )
        for n, span in enumerate(spans, start=1)
    ]


def quote_facts(
    readings: list[QuoteReading], text: str, parsed: str, entities: EntityIndex
) -> list[Quote]:
    """The sheet's quotes with their speakers: the entity the speaker's words name, the
    words at the attribution ("he") and how the speaker was found."""
    quotes = []
    for n, reading in enumerate(readings, start=1):
        speaker = entities.of(reading.speaker_span, parsed)
        mention = reading.mention_span
        if speaker is None and reading.basis == "pronoun":
            # "he" stands for someone described, not named: show who ("the minister").
            mention = reading.speaker_span or mention
        quotes.append(
            Quote(
                id=f"q{n}",
                text=text[reading.start : reading.end],
                start=reading.start,
                end=reading.end,
                speaker=speaker,
                speaker_mention=(
                    Mention(start=mention[0], end=mention[1], text=text[mention[0] : mention[1]])
                    if mention
                    else None
                ),
                cue=reading.cue,
                speaker_basis=reading.basis,
            )
        )
    return quotes


def _words(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None
