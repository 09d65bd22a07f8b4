"""The story as the checks read it: sentences, the headline and standfirst, quotes, words.

:class:`Story` is built once per run of the checks from a sheet and answers
what every check asks: which sentence a span is in, whether a figure sits in
the headline or standfirst, inside a direct quote, or after "including"; what
a figure measures ("killed" → the dead); whether words stand near a name.
Nothing here changes the sheet.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from newsdesk.core.article.sentences import sentence_spans, words_start
from newsdesk.core.article.wire import find_dateline
from newsdesk.core.checks.words import same_length_lower
from newsdesk.core.sheet.model import Entity, FactSheet, Figure

# What a casualty or toll figure counts, by the words around it.
MEASURES: dict[str, tuple[str, ...]] = {
    "dead": (
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "deaths", "death",
        "toll", "fatalities", "lives", "bodies", "slain", "perished", "drowned", "lifeless",
    ),
    "wounded": (
        "wounded", "wounding", "wounds", "injured", "injuring", "injuries", "hurt", "maimed",
    ),
    "missing": ("missing", "unaccounted", "disappeared"),
    "arrested": ("arrested", "arrests", "detained", "detentions", "detainees", "custody"),
    "displaced": (
        "displaced", "fled", "flee", "fleeing", "homeless", "evacuated", "evacuees", "refugees",
        "uprooted",
    ),
}  # fmt: skip
MEASURE_OF = {word: measure for measure, words in MEASURES.items() for word in words}
CASUALTIES = frozenset({"dead", "wounded", "missing"})
# Words that bring in a part of the number before them ("26 people, including 12 fighters").
PART_WORDS = re.compile(
    r"\b(?:including|includ(?:ed|es)|among them|among whom|of whom|of them|of which|"
    r"among the dead were|among those)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Where one clause of a sentence ends and the next begins.
_CLAUSE = re.compile(r"[,;:]\s|\s(?:and|but|while|whereas)\s|\s[-–—]\s")
_QUOTES = re.compile(r"[\"“]([^\"“”\n]{1,1500})[\"”]")
_PLURAL = re.compile(r"(?<=[a-z]{2})(?:ies|es|s)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: where it is and its words in lower case."""

    start: int
    end: int
    lower: str


class Story:
    """One sheet's article read for the checks (see the module docstring)."""

    def __init__(self, sheet: FactSheet) -> None:
        self.sheet = sheet
        self.text = sheet.article.text
        self.lower = same_length_lower(self.text)
        self.sentences = _sentences(self.text)
        self._starts = [s.start for s in self.sentences]
        size = len(self.text)
        # Facts whose words are gone (kept for re-anchoring) say nothing about the text.
        self.figures = sorted(
            (f for f in sheet.figures if not f.anchor_lost and 0 <= f.start < f.end <= size),
            key=lambda f: f.start,
        )
        self._figure_starts = [f.start for f in self.figures]
        self.quotes = [
            q for q in sheet.quotes if not q.anchor_lost and 0 <= q.start < q.end <= size
        ]
        self.dates = [d for d in sheet.dates if not d.anchor_lost and 0 <= d.start < d.end <= size]

    # -- where things are ----------------------------------------------------------------

    def sentence_of(self, start: int, end: int | None = None) -> Sentence:
        """The sentence holding ``start`` (a stretch of its own when between sentences)."""
        at = bisect_right(self._starts, start) - 1
        if at >= 0 and self.sentences[at].start <= start < max(self.sentences[at].end, start + 1):
            return self.sentences[at]
        stop = start if end is None else end
        return Sentence(start, stop, self.lower[start:stop])

    @cached_property
    def top_end(self) -> int:
        """Where the headline and standfirst end: the body starts at or after it.

        The headline is the first line; a standfirst is any short paragraph
        between it and a dateline ("KHARTOUM, June 14 (Newsdesk Wire) -"), or,
        without a dateline, a short second paragraph with no closing full stop.
        """
        first = self.text.find("\n")
        if first == -1:
            return 0  # one paragraph: nothing to hold the body against
        dateline = find_dateline(self.text, first + 1)
        if dateline is not None:
            return self.text.rfind("\n", 0, dateline.start) + 1
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        if len(paragraphs) >= 3:
            start, end = paragraphs[1]
            words = self.text[start:end].split()
            if len(words) <= 30 and not self.text[start:end].rstrip().endswith((".", '"', "”")):
                return end
        return first

    def body_start(self, sentence: Sentence) -> int:
        """Where a sentence's own words start: after a dateline that opens it."""
        return words_start(self.text, sentence.start, sentence.end)

    def in_top(self, start: int) -> bool:
        """Whether ``start`` is in the headline or standfirst."""
        return start < self.top_end

    def in_headline(self, start: int) -> bool:
        first = self.text.find("\n")
        return first == -1 or start < first

    @cached_property
    def quote_spans(self) -> list[tuple[int, int]]:
        """Direct quotations: the sheet's quotes and any stretch in quotation marks."""
        spans = [(q.start, q.end) for q in self.quotes]
        spans += _marked_quotes(self.text)
        return sorted(spans)

    def in_quote(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a quotation."""
        # Every quote opening at or before ``start`` holds the span if it ends at or after
        # ``end``: the furthest end among them decides.
        at = bisect_right(self._quote_starts, start)
        return at > 0 and self._furthest_ends[at - 1] >= end

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [a for a, _ in self.quote_spans]

    @cached_property
    def _furthest_ends(self) -> list[int]:
        ends, furthest = [], -1
        for _, b in self.quote_spans:
            furthest = max(furthest, b)
            ends.append(furthest)
        return ends

    # -- figures ---------------------------------------------------------------------------

    def sentence_figures(self, sentence: Sentence) -> list[Figure]:
        """The figures of one sentence, in text order."""
        first = bisect_left(self._figure_starts, sentence.start)
        last = bisect_left(self._figure_starts, sentence.end)
        return self.figures[first:last]

    def is_part(self, figure: Figure) -> bool:
        """Whether ``figure`` is a part of a number before it ("including 12 fighters")."""
        sentence = self.sentence_of(figure.start)
        before = [f for f in self.sentence_figures(sentence) if f.end <= figure.start]
        if not before:
            return False
        between = self.text[before[-1].end : figure.start]
        lead = self.text[max(sentence.start, figure.start - 60) : figure.start]
        return bool(PART_WORDS.search(between) or PART_WORDS.search(lead))

    def measure(self, figure: Figure) -> str | None:
        """What a figure counts in casualty and toll terms: dead, wounded, missing …

        Read from what it counts ("deaths"), else from its own clause ("and four
        were missing": missing, though "killed" stands just before), else from
        the nearest telling word before it ("killed 9 miners and 4 rescuers").
        """
        for word in _WORD.findall((figure.counted or "").lower()):
            if word in MEASURE_OF:
                return MEASURE_OF[word]
        sentence = self.sentence_of(figure.start)
        others = [f for f in self.sentence_figures(sentence) if f.id != figure.id]
        low = max([sentence.start, *(f.end for f in others if f.end <= figure.start)])
        high = min([sentence.end, *(f.start for f in others if f.start >= figure.end)])
        clause_start = max(
            [low, *(m.end() for m in _CLAUSE.finditer(self.lower, low, figure.start))]
        )
        found = _CLAUSE.search(self.lower, figure.end, high)
        clause_end = found.start() if found else high
        return self._nearest_measure(figure, clause_start, clause_end) or self._nearest_measure(
            figure, low, figure.start
        )

    def _nearest_measure(self, figure: Figure, low: int, high: int) -> str | None:
        best: tuple[int, str] | None = None
        for found in _WORD.finditer(self.lower, low, high):
            measure = MEASURE_OF.get(found.group())
            if measure is None:
                continue
            if found.end() <= figure.start:
                distance = figure.start - found.end()
            else:
                distance = found.start() - figure.end
            if best is None or distance < best[0]:
                best = (distance, measure)
        return best[1] if best else None

    def attributed(self, figure: Figure) -> bool:
        """Whether the copy says who gives the figure (or it is inside a quote)."""
        return bool(
            figure.source
            or (figure.source_text or "").strip()
            or figure.source_basis != "none"
            or self.in_quote(figure.start, figure.end)
        )

    # -- names -------------------------------------------------------------------------------

    @cached_property
    def people(self) -> list[Entity]:
        """The people named, each with only the mentions still in the text."""
        size = len(self.text)
        people = []
        for entity in self.sheet.entities:
            mentions = [m for m in entity.mentions if 0 <= m.start < m.end <= size]
            if entity.label == "PERSON" and mentions:
                people.append(
                    Entity(entity.id, entity.label, entity.name, mentions, status=entity.status)
                )
        return people

    def person_at(self, start: int, end: int) -> Entity | None:
        """The person named over ``[start, end)``, if any."""
        for person in self.people:
            for mention in person.mentions:
                if mention.start < end and start < mention.end:
                    return person
        return None


@lru_cache(maxsize=8)  # the same text is read again after every correction of its facts
def _sentences(text: str) -> tuple[Sentence, ...]:
    lower = same_length_lower(text)
    return tuple(Sentence(s, e, lower[s:e]) for s, e in sentence_spans(text))


@lru_cache(maxsize=8)
def _marked_quotes(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _QUOTES.finditer(text))


def head_noun(counted: str | None) -> str | None:
    """What a figure counts reduced to a comparable head: "air strikes" and "Airstrikes" alike."""
    if not counted:
        return None
    words = _WORD.findall(counted.lower())
    if not words:
        return None
    joined = "".join(words).replace("-", "")
    return _PLURAL.sub("", joined)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())
