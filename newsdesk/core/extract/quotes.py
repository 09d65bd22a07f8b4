"""Direct quotes and who said them.

Quotes are found by their marks (straight or curly), so unbalanced marks
never raise. A quote that runs over several paragraphs becomes one quote per
paragraph, each with the same speaker, so every paragraph can be checked.
Scare quotes and titles (fewer than four words, or title case) are not quotes.
The speaker is the subject of the nearest speech verb outside the quote in the
same or an adjacent sentence ("…," he said / Okafor told reporters: "…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.attribution import phrase_chars
from newsdesk.core.extract.doctext import doc_text

_MIN_WORDS = 4
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


@dataclass
class QuoteReading:
    """A quote before it gets an id: characters of the words inside the marks."""

    start: int
    end: int
    text: str
    cue: str | None
    speaker_span: tuple[int, int] | None
    pronoun: bool


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside paired quote marks.

    Curly marks say which way they face; a straight mark opens when it
    starts a word and closes when it ends one. A quote left open at the end
    of a paragraph goes on into the next one, whether that paragraph opens
    with a quote mark (the wire convention) or not, and is dropped if it has
    not closed by the end of that paragraph. Unpaired marks never raise.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    paragraphs_open = 0  # paragraph breaks crossed by the open quote
    for match in re.finditer(r"[\"“”\n]", text):
        at, mark = match.start(), match.group()
        if mark == "\n":
            if open_at is not None and text[at - 1 : at] != "\n":
                paragraphs_open += 1
                if paragraphs_open > 1:
                    open_at, paragraphs_open = None, 0
            continue
        facing = _facing(text, at)
        if facing == "open":
            if open_at is not None and at == _paragraph_start(text, at):
                continue  # "…\n\n“…": the quote goes on into this paragraph
            open_at, paragraphs_open = at + 1, 0
        elif facing in ("close", "inches?") and open_at is not None:
            if at > open_at:
                spans.append((open_at, at))
            open_at, paragraphs_open = None, 0
    return spans


def _by_paragraph(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote over several paragraphs as one quote per paragraph, marks left out."""
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        for match in re.finditer(r"[^\n]+", text[start:end]):
            piece_start, piece_end = start + match.start(), start + match.end()
            while piece_start < piece_end and text[piece_start] in '"“ ':
                piece_start += 1
            if piece_start < piece_end:
                pieces.append((piece_start, piece_end))
    return pieces


def _facing(text: str, at: int) -> str | None:
    """Whether the mark at ``at`` opens or closes a quote (or neither)."""
    mark = text[at]
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isdigit():
        return "inches?"  # 12" screen — unless a quote is open: '…posts 250 and 251",'.
    if before.isspace() or before in "([{—–-:/":
        return "open" if not after.isspace() else None
    return "close"


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


_OPENING = frozenset('"“')
_CLOSING = frozenset('"”')
_MARKS = _OPENING | _CLOSING
_TITLE_CUES = frozenset(
    {"titled", "entitled", "called", "dubbed", "named", "film", "book", "song", "album",
     "novel", "show", "series", "slogan", "campaign", "programme", "program", "report"}
)  # fmt: skip


def _is_title(inner: str) -> bool:
    """ "One Hundred Years of Solitude": every long word capitalised, no sentence in it."""
    words = [w for w in re.findall(r"[A-Za-z']+", inner) if len(w) > 3]
    return (
        len(words) >= 2
        and all(w[0].isupper() for w in words)
        and not re.search(r"[.!?,;]\s", inner + " ")
    )


def _looks_like_a_title(doc: Doc, start: int, inner: str) -> bool:
    """ "the film “Gone With the Wind Again”": a title in marks, not speech."""
    words = [w for w in re.findall(r"[A-Za-z']+", inner) if len(w) > 3]
    title_case = bool(words) and all(w[0].isupper() for w in words)
    before = doc_text(doc)[max(0, start - 20) : max(0, start - 1)].lower().split()
    return title_case or bool(before and before[-1] in _TITLE_CUES)


def find_quotes(doc: Doc) -> list[QuoteReading]:
    """The direct quotes of ``doc`` in text order."""
    readings: list[QuoteReading] = []
    for start, end in _by_paragraph(doc_text(doc), quote_spans(doc_text(doc))):
        inner = doc_text(doc)[start:end]
        if len(inner.split()) < _MIN_WORDS:
            continue  # scare quotes and short titles
        cue_token = _cue_for(doc, start - 1, end + 1)
        if _is_title(inner) or (cue_token is None and _looks_like_a_title(doc, start, inner)):
            continue
        speaker: Token | None = None
        if cue_token is not None:
            subjects = [c for c in cue_token.children if c.dep_ in ("nsubj", "nsubjpass")]
            speaker = _named(subjects[0]) if subjects else None
        stripped = inner.rstrip(" ,.")
        reading = QuoteReading(
            start=start,
            end=start + len(stripped),
            text=stripped,
            cue=cue_token.lower_ if cue_token is not None else None,
            speaker_span=phrase_chars(speaker, ("compound",)) if speaker is not None else None,
            pronoun=speaker is not None and speaker.lower_ in _PRONOUNS,
        )
        if reading.speaker_span is None and readings and start - readings[-1].end < 80:
            # The second half of a split quote: '"…," he said. "…"'
            previous = readings[-1]
            reading.cue = previous.cue
            reading.speaker_span = previous.speaker_span
            reading.pronoun = previous.pronoun
        readings.append(reading)
    return readings


def _cue_for(doc: Doc, quote_start: int, quote_end: int) -> Token | None:
    """The speech verb that introduces or follows the quote.

    The sentences the quote sits in come first ('X said the sides were
    "…"'); only when they have none is the next sentence tried ('"…." X
    said.'), so a new paragraph's "Aid agencies say" is not taken.
    """
    span = doc.char_span(quote_start, quote_end, alignment_mode="expand")
    if span is None:
        return None
    sentences = [
        sent
        for sent in doc.sents
        if sent.end_char >= quote_start - 1 and sent.start_char <= quote_end + 1
    ]
    inner = doc_text(doc)[quote_start:quote_end].rstrip("\"”' ")
    closes_sentence = inner.endswith((".", "!", "?"))
    following = [doc[sentences[-1].end].sent] if sentences and sentences[-1].end < len(doc) else []
    for group in (sentences, following):
        candidates: list[tuple[int, Token]] = []
        for sent in group:
            for token in sent:
                if span.start <= token.i < span.end:
                    continue
                if token.lemma_.lower() in lexicon.SAY_VERBS and token.pos_ in ("VERB", "AUX"):
                    distance = min(abs(token.idx - quote_end), abs(token.idx - quote_start))
                    if token.idx >= quote_end and closes_sentence:
                        distance += 1000  # '…"closer than ever." Aid agencies say' is new
                    if distance < 120 or (closes_sentence and distance < 1120):
                        candidates.append((distance, token))
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
    return None


def _named(subject: Token) -> Token:
    """The named person behind a title: "the prime minister, Sheikh X," → X."""
    if subject.ent_type_:
        return subject
    for child in subject.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return child
    return subject
