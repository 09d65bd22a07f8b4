"""Who says so, for each figure: the attribution of its sentence, or of its paragraph.

A figure's source is who its sentence attributes it to ("…, the Observatory
said", "according to police", "a source told Reuters"), read with the
discourse of the story (:mod:`.discourse`): "It added that …" is the
Observatory again (``pronoun``). A sentence with no attribution of its own
carries the source of the sentence before it in the same paragraph
(``continuation``), so "The strikes killed 26 people, the Observatory said.
Twelve of them were fighters." has one source; a new paragraph starts afresh.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsdesk.core.extract.attribution import SOURCE_VERBS, Attribution, sentence_attribution
from newsdesk.core.extract.discourse import Discourse
from newsdesk.core.extract.doctext import doc_text, sentence_of
from newsdesk.core.extract.phrase import FigureReading
from newsdesk.core.extract.rules import Rule, fires, spares

# A sentence's source: its span, the attribution's words, the basis, and where it holds.
_Found = tuple[tuple[int, int] | None, tuple[int, int] | None, str, tuple[int, int] | None]

NAMED = Rule(
    "source.named",
    "source",
    'Who the figure\'s sentence attributes it to ("…, the Observatory said", "according to '
    'police"); a speech verb in a relative clause ("in a case that prosecutors said had '
    'cost …") attributes that clause only.',
    says="source: {words} (same sentence)",
    examples=(
        fires(
            "At least 25 air strikes hit the town, the Observatory said.",
            "At least 25",
            source_basis="named",
        ),
        spares("At least 25 air strikes hit the town.", "At least 25", source_basis="none"),
        spares(
            "He was jailed for six years in a case that officials said had cost $2m.",
            "six years",
            source_basis="none",
        ),
        fires(
            "He was jailed for six years in a case that officials said had cost $2m.",
            "$2m",
            source_basis="named",
        ),
    ),
)
CONTINUED = Rule(
    "source.continuation",
    "source",
    "A sentence with no attribution of its own carries the source of the sentence before it "
    "in the same paragraph.",
    says="source: {words} (from the sentence before)",
    examples=(
        fires(
            "The strikes killed 26 people, the Observatory said. Twelve of them were fighters.",
            "Twelve",
            source_basis="continuation",
        ),
        spares(
            "The strikes killed 26 people, the Observatory said.\n\nTwelve of them were fighters.",
            "Twelve",
            source_basis="none",
        ),
    ),
)
BY_PRONOUN = Rule(
    "source.pronoun",
    "source",
    'An attribution by pronoun ("it added") names the speaker the story is following.',
    says="source: {words} (by a pronoun)",
    examples=(
        fires(
            "The Observatory said 26 people died. It added that 12 were fighters.",
            "12",
            source_basis="pronoun",
        ),
        spares(
            "The Observatory said 26 people died. Reporters added that 12 were fighters.",
            "12",
            source_basis="named",
        ),
    ),
)
INFERRED = Rule(
    "source.inferred",
    "source",
    "A source inferred from the story around the figure, not read from words: check it first.",
    says="source: {words} (inferred — check)",
)
RULES = (NAMED, CONTINUED, BY_PRONOUN, INFERRED)
_BY_BASIS = {
    "named": NAMED,
    "continuation": CONTINUED,
    "pronoun": BY_PRONOUN,
    "inferred": INFERRED,
}


def attribute_figures(doc: Doc, readings: list[FigureReading], discourse: Discourse) -> None:
    """Fill in each reading's source: its span, the attribution's words and the basis."""
    cache: dict[int, _Found] = {}
    for reading in readings:
        span = doc.char_span(reading.start, reading.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = sentence_of(doc, span.start)  # (by bisection: Token.sent walks it)
        if sent.start not in cache:
            cache[sent.start] = _sentence_source(sent, discourse, cache)
        source, phrase, basis, scope = cache[sent.start]
        if scope is not None and not scope[0] <= reading.start < scope[1]:
            continue  # "jailed …, in a case that prosecutors said had cost …": theirs only
        if phrase is not None and basis in ("named", "continuation"):
            low, high = sorted((phrase[0], reading.start))
            if "\n" in doc_text(doc)[low:high]:
                continue  # the parser ran two paragraphs into one sentence
        reading.source_span, reading.source_phrase, reading.source_basis = source, phrase, basis
        words = source or phrase
        if basis in _BY_BASIS and words is not None:
            reading.note(_BY_BASIS[basis], doc_text(doc)[words[0] : words[1]])


def _sentence_source(sent: Span, discourse: Discourse, cache: dict[int, _Found]) -> _Found:
    """The sentence's source, its attribution's words, the basis, and where in the
    sentence it holds (``None``: all of it)."""
    found = sentence_attribution(sent, discourse.quotes, SOURCE_VERBS)
    if found is not None:
        return (*_source_of(found, discourse), _scope(found))
    previous = _sentence_before(sent)
    if previous is None:
        return None, None, "none", None
    if previous.start not in cache:
        cache[previous.start] = _sentence_source(previous, discourse, cache)
    span, phrase, basis, scope = cache[previous.start]
    if basis == "none" or scope is not None:
        return None, None, "none", None
    return span, phrase, "continuation", None


def _scope(found: Attribution) -> tuple[int, int] | None:
    """Where an attribution holds when its verb speaks inside a relative clause ("in a
    case that prosecutors said had cost …"): that clause; else ``None``, the sentence."""
    if found.cue is None:
        return None
    for verb in (found.cue, *found.cue.ancestors):
        if verb.dep_ == "relcl":
            words = list(verb.subtree)
            return words[0].idx, words[-1].idx + len(words[-1].text)
    return None


def _source_of(
    found: Attribution, discourse: Discourse
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, str]:
    speaker = discourse.speaker(found.cue) if found.cue is not None else None
    if speaker is None:
        speaker = discourse.resolve(found.head)
    if found.pronoun:
        if speaker.span is None:
            return None, None, "none"
        return speaker.span, speaker.span, "pronoun"
    return speaker.span or found.span, found.phrase, speaker.basis


def _sentence_before(sent: Span) -> Span | None:
    """The sentence before ``sent`` in the same paragraph, if any."""
    doc = sent.doc
    if sent.start == 0:
        return None
    previous = sentence_of(doc, sent.start - 1)
    between = doc_text(doc)[previous.end_char : sent.start_char]
    if "\n" in between:
        return None
    return previous
