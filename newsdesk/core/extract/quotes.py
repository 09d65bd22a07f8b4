"""Direct quotes and who said them.

The quotations themselves are found by their marks
(:mod:`~newsdesk.core.extract.quote_marks`: unbalanced marks never raise, titles
and citations are not quotes, a quote over several paragraphs is one per
paragraph with the same speaker and cue). Scare quotes are not quotes: fewer
than four words count only when they hang from a speech verb ('she said the
talks were "very hard"').
The speaker is the subject of the nearest speech verb outside any quote in the
same paragraph, in the quote's sentence or the next ("…," he said / Okafor
told reporters: "…"), or of the verb a colon before the quote ends ('Ferri
called the ruling unjust:\n"…"'); else "according to X" or "in the words of
X"; or the name signed after a dash ('"…." – Dana Reyes').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.attribution import (
    QUOTE_VERBS,
    can_speak,
    is_speech_verb,
    named_behind,
    saying_words,
    speaker_of,
)
from newsdesk.core.extract.discourse import Basis, Discourse, Speaker
from newsdesk.core.extract.doctext import doc_text, inside, sentences_holding, sentences_touching
from newsdesk.core.extract.quote_marks import (
    NAMING_CUES,
    by_paragraph,
    dash_name,
    is_citation,
    is_title,
    looks_like_a_title,
    paragraph_start,
    quote_spans,
    word_before,
)

_MIN_WORDS = 4


@dataclass
class QuoteReading:
    """A quote before it gets an id: characters of the words inside the marks.

    ``speaker_span`` names the speaker (a name, or the words describing one),
    ``mention_span`` is where the attribution says who ("he"), ``basis`` how
    the speaker was found.
    """

    start: int
    end: int
    cue: str | None
    speaker_span: tuple[int, int] | None = None
    mention_span: tuple[int, int] | None = None
    basis: Basis = "none"

    def set(
        self,
        speaker: tuple[int, int] | None,
        mention: tuple[int, int] | None,
        basis: Basis,
        cue: str | None,
    ) -> None:
        self.speaker_span, self.mention_span, self.basis = speaker, mention, basis
        if cue is not None:
            self.cue = cue


def quote_discourse(doc: Doc, names: list[Span] | None = None) -> Discourse:
    """The speakers of ``doc`` read in order, outside its quotes (:class:`.Discourse`).

    ``names`` are the article's name spans (:func:`~.names.name_spans`); the
    doc's own entities when not given.
    """
    text = doc_text(doc)
    spans = by_paragraph(text, quote_spans(text))
    return Discourse(doc, list(doc.ents) if names is None else names, spans)


def find_quotes(doc: Doc, discourse: Discourse | None = None) -> list[QuoteReading]:
    """The direct quotes of ``doc`` in text order, with their speakers."""
    text = doc_text(doc)
    discourse = discourse or quote_discourse(doc)
    spans = discourse.quotes
    readings: list[QuoteReading] = []
    for start, end in spans:
        inner = text[start:end]
        if is_citation(text, end, inner) or is_title(inner):
            continue
        if word_before(text, start) in NAMING_CUES:
            continue  # 'the term "…"', 'a report headlined "…"'
        cue_token = _cue_for(doc, start - 1, end + 1, spans)
        short = len(inner.split()) < _MIN_WORDS
        if (cue_token is None or short) and looks_like_a_title(text, start, inner):
            continue
        if short:
            cue_token = _reporting_verb(doc, start, end) if len(inner.split()) > 1 else None
            # '"…," Lopez said. "We lost everything."': the end of a split quote, a
            # sentence of its own after the speaker ('calling it "a disgrace."' is not).
            goes_on = (
                bool(readings)
                and start - readings[-1].end < 80
                and inner.rstrip()[-1:] in ".!?"
                and text[readings[-1].end : start].rstrip(' "“')[-1:] in (".", "!", "?", ":")
            )
            if cue_token is None and not goes_on:
                continue  # scare quotes; one word in marks is never speech ('faced "pressure"')
        stripped = inner.rstrip(" ,.")
        reading = QuoteReading(start=start, end=start + len(stripped), cue=None)
        _attribute(reading, end, doc, discourse, cue_token, readings)
        readings.append(reading)
    return readings


def _attribute(
    reading: QuoteReading,
    end: int,
    doc: Doc,
    discourse: Discourse,
    cue: Token | None,
    before: list[QuoteReading],
) -> None:
    """Who said the quote, and how that was found (see the module docstring).

    ``end`` is where the words inside the marks end, closing stop included.
    """
    text = doc_text(doc)
    start, spans = reading.start, discourse.quotes
    signed = dash_name(text, end)
    if signed is not None and _can_sign(doc, signed):
        reading.set(signed, signed, "named", None)
        return
    speaker: Speaker | None = None
    if cue is not None:
        speaker = discourse.speaker(cue)
        if speaker is None:
            subject = speaker_of(cue)
            if (
                subject is not None
                and can_speak(subject)
                and not discourse.inside_quote(subject.idx)
            ):
                speaker = discourse.resolve(subject)
        reading.cue = cue.lower_
    else:
        source = _according_to(doc, start, end, spans)
        if source is not None:
            speaker = discourse.resolve(named_behind(source))
        else:
            credit = _credit(doc, text, start)
            if credit is not None:
                speaker = discourse.resolve(credit)
    if speaker is not None and (speaker.span is not None or speaker.basis != "none"):
        reading.set(speaker.span, speaker.mention, speaker.basis, None)
        return
    if speaker is not None and cue is not None:
        # A speech verb whose speaker is not known ("he" with no one to be): say so.
        reading.set(None, speaker.mention, "none", None)
        return
    previous = before[-1] if before else None
    if previous is not None and previous.basis != "none" and _continues(text, previous, start):
        reading.set(previous.speaker_span, previous.mention_span, "continuation", previous.cue)
        return
    inferred = _speaker_before(doc, discourse, start)
    if inferred is not None:
        reading.set(inferred.span, inferred.mention, inferred.basis, None)


def _continues(text: str, previous: QuoteReading, start: int) -> bool:
    """Whether the quote at ``start`` goes on from ``previous``: in the same paragraph with
    no one else said to speak between, or opening the next paragraph, which names no one
    new."""
    between = text[previous.end : start]
    paragraphs = between.count("\n")
    if paragraphs == 0:
        return len(between) < 200 or not _says_between(between)
    opens_paragraph = not text[paragraph_start(text, start) : start].strip(' "“”')
    if not opens_paragraph or "\n" in between.strip().strip('"“”,.').strip():
        # Only a quote left open, or one paragraph after the other, carries on.
        return paragraphs <= 2 and opens_paragraph and _only_marks_between(between)
    return True


def _says_between(between: str) -> bool:
    return bool(re.search(r"\b(?:said|says|told|added|according)\b", between))


def _only_marks_between(between: str) -> bool:
    return not between.strip(' "“”,.!?\n')


def _speaker_before(doc: Doc, discourse: Discourse, start: int) -> Speaker | None:
    """The speaker of the sentence right before a quote that has no attribution of its own.

    'Ferri said the ruling was unjust.\n\n"We will appeal."': Ferri, inferred; a
    sentence ending in a colon ('In an e-mail, Ferri wrote:') names the writer.
    """
    text = doc_text(doc)
    lead = text[:start].rstrip(' "“\n')
    if not lead:
        return None
    span = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    if text[start - 1 :].startswith(('"', "“")) and sent.end_char > start:
        return None
    colon = lead.endswith(":")
    for token in sent:
        if discourse.inside_quote(token.idx):
            continue
        speaker = discourse.speaker(token)
        if speaker is not None and speaker.span is not None:
            basis: Basis = "named" if colon and speaker.basis == "named" else "inferred"
            return Speaker(speaker.span, speaker.mention, basis, speaker.kind)
    return None


def _credit(doc: Doc, text: str, start: int) -> Token | None:
    """'Meghan McCain, Twitter: "…"', 'Dana Reyes (@dreyes): "…"': the name crediting a quote."""
    line_start = paragraph_start(text, start)
    lead = text[line_start:start].rstrip(' "“')
    match = _CREDIT.match(lead)
    if match is None:
        return None
    span = doc.char_span(line_start, line_start + match.end(1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    named = [t for t in span if t.ent_type_ in ("PERSON", "ORG")]
    return named[-1] if named else None


# A paragraph opening with a name, perhaps where it was said, then a colon.
_CREDIT = re.compile(
    r"^([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})(?:,[^:\n]{1,40}|[ \t]*\([^)\n]{1,40}\))?:$"
)


def _can_sign(doc: Doc, span: tuple[int, int]) -> bool:
    """A name signed after a dash is a name ("– Dana Reyes"), not "– Thanks"."""
    words = doc_text(doc)[span[0] : span[1]].split()
    if len(words) >= 2:
        return True
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and any(t.ent_type_ in ("PERSON", "ORG") for t in found)


def _reporting_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb a few words in marks hang from, if any.

    'She said the talks had been "very hard"' or 'told the court, "all of
    it"': the words are what she said, not scare quotes.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for ancestor in span.root.ancestors:
        if ancestor.lemma_.lower() in lexicon.SAY_VERBS and ancestor.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in ancestor.children)
            # 'troops were told to prepare for "…"' passes an order on.
            return None if passive else ancestor
    return None


def _cue_for(
    doc: Doc, quote_start: int, quote_end: int, quotes: tuple[tuple[int, int], ...]
) -> Token | None:
    """The speech verb that introduces or follows the quote.

    The sentences the quote sits in come first ('X said the sides were
    "…"'); only when they have none is the next sentence tried ('"…." X
    said.'), so a new paragraph's "Aid agencies say" is not taken.
    """
    span = doc.char_span(quote_start, quote_end, alignment_mode="expand")
    if span is None:
        return None
    sentences = sentences_touching(doc, quote_start - 1, quote_end + 1)
    colon = _colon_before(doc, quote_start)
    if colon is not None and colon.sent not in sentences:
        sentences.insert(0, colon.sent)
    inner = doc_text(doc)[quote_start:quote_end].rstrip("\"”' ")
    closes_sentence = inner.endswith((".", "!", "?"))
    following = [doc[sentences[-1].end].sent] if sentences and sentences[-1].end < len(doc) else []
    text = doc_text(doc)
    # The line breaks nearest the quote: a word beyond one is in another paragraph.
    break_after = text.find("\n", quote_end)
    break_before = text.rfind("\n", 0, quote_start)
    for group in (sentences, following):
        candidates: list[tuple[int, Token]] = []
        for sent in group:
            for token in saying_words(sent):
                if span.start <= token.i < span.end or inside(quotes, token.idx):
                    continue  # a verb inside this or another quote is what was said
                if token.idx > quote_end and -1 < break_after < token.idx:
                    continue  # a new paragraph's "He said, …" introduces its own quote
                if colon is None and token.idx < quote_start and break_before >= token.idx:
                    continue  # a paragraph before speaks for itself (a colon introduces)
                if is_speech_verb(token, QUOTE_VERBS):
                    distance = min(abs(token.idx - quote_end), abs(token.idx - quote_start))
                    if token.idx >= quote_end and closes_sentence:
                        distance += 1000  # '…"closer than ever." Aid agencies say' is new
                    if distance < 120 or (closes_sentence and distance < 1120):
                        candidates.append((distance, token))
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
    if colon is not None:
        # 'The bishop called the ruling unjust:\n"…"': the verb the colon ends.
        for token in reversed(doc[colon.sent.start : colon.i]):
            if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in token.children):
                return token
    return None


def _colon_before(doc: Doc, mark: int) -> Token | None:
    """The colon right before the opening ``mark`` ('…, she wrote:\n"…"')."""
    lead = doc_text(doc)[:mark].rstrip()
    if not lead.endswith(":"):
        return None
    span = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    return span[0] if span is not None else None


def _according_to(
    doc: Doc, start: int, end: int, quotes: tuple[tuple[int, int], ...]
) -> Token | None:
    """Who "according to X" or "in the words of X" gives the quote to."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    # The same set of sentences as ``{token.sent for token in span}``, read by bisection.
    for sent in set(sentences_holding(doc, span.start, span.end)):
        for token in sent:
            if inside(quotes, token.idx):
                continue
            source = (token.lower_ == "according" and token.i + 1 < len(doc)) or (
                token.lower_ == "words" and token.i > 0 and doc[token.i - 1].lower_ == "the"
            )
            head = token.nbor(1) if source and token.i + 1 < len(doc) else None
            if head is not None and head.lower_ in ("to", "of"):
                objects = [c for c in head.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None
