"""Who is speaking: the attributions of a story read in order, pronouns resolved.

:class:`Discourse` walks the sentences of a parsed article once, outside its
quotes, and reads every speech verb's speaker (:mod:`.attribution`). A name
is taken as it is (``named``); "he", "she", "it" and "they" are the current
speaker of the discourse — the one of the last attribution or the last main
clause's named subject before them, agreeing in person or organisation and
number — never a name standing elsewhere in the sentence (an object, a name
inside a quote: distractors, not candidates). A definite title ("the
minister") is the person last named with that title (``inferred``). When
nothing agrees close enough, the speaker is unknown: no speaker rather than
a wrong one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.attribution import (
    PRONOUNS,
    SPEECH_VERBS,
    Attribution,
    is_speech_verb,
    saying_words,
    verb_attribution,
)
from newsdesk.core.extract.doctext import Spans, doc_text, sentence_of

Kind = Literal["person", "org", "group"]
Basis = Literal["named", "pronoun", "continuation", "inferred", "none"]

_PARAGRAPHS_BACK = 3  # how far back a pronoun's speaker may have been named
_LINE_BREAK = re.compile("\n")
# Singular nouns for one person who speaks: "the minister said", "a spokesman said".
PERSON_TITLES = lexicon.PERSON_NOUNS | frozenset(
    {"minister", "spokesman", "spokeswoman", "spokesperson", "official", "president", "chief",
     "director", "secretary", "governor", "mayor", "senator", "leader", "commander", "witness",
     "resident", "source", "chairman", "chairwoman", "chair", "executive", "ceo", "founder",
     "lawyer", "attorney", "prosecutor", "judge", "coach", "manager", "captain", "player",
     "analyst", "economist", "expert", "scientist", "researcher", "professor", "doctor",
     "nurse", "teacher", "farmer", "owner", "worker", "colonel", "general", "sergeant",
     "inspector", "superintendent", "commissioner", "representative", "congressman",
     "congresswoman", "lawmaker", "legislator", "candidate", "ambassador", "envoy", "diplomat",
     "premier", "chancellor", "king", "queen", "prince", "pope", "bishop", "priest", "imam",
     "rabbi", "activist", "campaigner", "organiser", "organizer", "volunteer", "survivor",
     "head", "boss", "adviser", "advisor", "aide", "deputy", "councillor", "councilor",
     "author", "writer", "editor", "reporter", "correspondent", "historian", "curator",
     "engineer", "architect", "pilot", "officer", "mother", "father", "woman", "man"}
)  # fmt: skip
# Nouns for a body that speaks as one: "the ministry said", "police said".
ORG_NOUNS = lexicon.ORG_HEADS | frozenset(
    {"company", "firm", "ministry", "department", "police", "government", "agency", "council",
     "court", "army", "military", "spokesperson's", "office", "hospital", "school", "club",
     "team", "bank", "charity", "statement", "report", "survey", "study", "data",
     "figures", "census", "poll", "authorities", "officials", "residents", "witnesses",
     "sources", "experts", "analysts", "rescuers", "doctors", "medics", "organisers",
     "organizers", "activists", "campaigners", "troops", "rebels", "monitors"}
)  # fmt: skip


@dataclass(frozen=True)
class Speaker:
    """Who an attribution gives the words to, as far as the story tells.

    ``span`` names the speaker (a name's characters, or the description's
    when no name goes with it), ``mention`` is the words at the attribution
    ("he", "the minister", "John Smith"), ``basis`` how the speaker was found.
    """

    span: tuple[int, int] | None
    mention: tuple[int, int]
    basis: Basis
    kind: Kind | None


@dataclass(frozen=True)
class _Event:
    """A speaker the story has just named: where, who, what kind."""

    at: int  # character offset of the speaker's word
    paragraph: int
    span: tuple[int, int] | None
    kind: Kind
    titles: frozenset[str]


class Discourse:
    """The speakers of one parsed article, read in order (see the module docstring).

    ``names`` are the article's name spans with labels; ``quotes`` the
    character spans of its quotes (nothing inside them is an attribution).
    """

    def __init__(self, doc: Doc, names: list[Span], quotes: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = Spans(quotes)
        self._names = sorted(names, key=lambda s: s.start)
        self._name_starts = [span.start_char for span in self._names]
        self._breaks = [m.start() for m in _LINE_BREAK.finditer(self.text)]
        self._name_at: dict[int, Span] = {}
        for span in self._names:
            for i in range(span.start, span.end):
                self._name_at[i] = span
        self._events: list[_Event] = []
        self._later: list[int] | None = None  # once read: the least offset in events[k:]
        # What "he" or "she" has stood for: a person's pronoun, once the story used it.
        self._pronoun_of: dict[tuple[int, int], str] = {}
        self._speakers: dict[int, Speaker] = {}  # verb index → speaker
        self._attributions: dict[int, Attribution] = {}
        self._read()
        self._later = list(itertools.accumulate(reversed([e.at for e in self._events]), min))
        self._later.reverse()

    # -- what the rules ask ------------------------------------------------------------

    def speaker(self, verb: Token) -> Speaker | None:
        """The speaker of speech verb ``verb`` (``None`` when it has none that can speak)."""
        return self._speakers.get(verb.i)

    def attribution(self, verb: Token) -> Attribution | None:
        return self._attributions.get(verb.i)

    def inside_quote(self, char: int) -> bool:
        return self.quotes.holds(char)

    def resolve(self, token: Token) -> Speaker:
        """Who ``token`` (a name, a pronoun or a description) is, at its place in the story."""
        mention = _chars(token)
        name = self._name_at.get(token.i)
        if name is not None:
            return Speaker((name.start_char, name.end_char), mention, "named", _kind_of_name(name))
        lower = token.lower_
        if lower in PRONOUNS:
            return self._pronoun(token, mention)
        kind = _kind_of_noun(token)
        span = self._description_span(token)
        if kind == "person" and any(c.lower_ == "the" for c in token.children):
            event = self._titled(token)
            if event is not None and event.span is not None:
                return Speaker(event.span, span, "inferred", "person")
        return Speaker(span, span, "named", kind)

    # -- reading -----------------------------------------------------------------------

    def _read(self) -> None:
        for sent in self.doc.sents:
            if self.inside_quote(sent.start_char) and self.inside_quote(sent.end_char - 1):
                continue
            for token in saying_words(sent):
                if self.inside_quote(token.idx) or not is_speech_verb(token, SPEECH_VERBS):
                    continue
                found = verb_attribution(token)
                if found is None or self.inside_quote(found.head.idx):
                    continue
                speaker = self.resolve(found.head)
                self._attributions[token.i] = found
                self._speakers[token.i] = speaker
                self._remember(found.head, speaker)
            self._main_subjects(sent)

    def _main_subjects(self, sent: Span) -> None:
        """The named subject of a main clause makes its bearer the one the story is about."""
        root = sent.root
        for verb in (root, *(c for c in root.children if c.dep_ == "conj")):
            if verb.i in self._speakers:
                continue
            for child in verb.children:
                if child.dep_ not in ("nsubj", "nsubjpass") or self.inside_quote(child.idx):
                    continue
                # "His neighbour, Rosa Dent, was more hopeful": the name in apposition.
                named = [child, *(c for c in child.children if c.dep_ == "appos")]
                for token in named:
                    if self._name_at.get(token.i) is not None:
                        self._remember(token, self.resolve(token))
                        break

    def _remember(self, token: Token, speaker: Speaker) -> None:
        if speaker.kind is None:
            return
        titles: frozenset[str] = frozenset()
        name = self._name_at.get(token.i)
        if name is not None:
            titles = _titles(name)
        self._events.append(
            _Event(token.idx, self._paragraph(token.idx), speaker.span, speaker.kind, titles)
        )

    def _events_before(self, char: int) -> Iterator[_Event]:
        """The events before ``char``, latest read first; once the story is read, those
        from the events read after ``char`` on are skipped by bisection."""
        end = len(self._events) if self._later is None else bisect.bisect_left(self._later, char)
        for k in range(end - 1, -1, -1):
            if self._events[k].at < char:
                yield self._events[k]

    def _paragraph(self, char: int) -> int:
        """The line breaks before ``char`` (``text.count("\\n", 0, char)``, by bisection)."""
        return bisect.bisect_left(self._breaks, char)

    def _pronoun(self, token: Token, mention: tuple[int, int]) -> Speaker:
        lower = token.lower_
        wanted: tuple[Kind, ...]
        if lower in ("he", "she"):
            wanted = ("person",)
        elif lower == "it":
            wanted = ("org",)
        elif lower in ("they", "we"):
            wanted = ("org", "group")
        else:
            return Speaker(None, mention, "none", None)
        here = self._paragraph(token.idx)
        # Paragraphs are counted in line breaks: a blank line between two is two breaks.
        reach = 2 * _PARAGRAPHS_BACK
        for event in self._events_before(token.idx):
            if here - event.paragraph > reach:
                break
            if event.kind in wanted:
                if event.span is None:
                    break  # "the minister said … he added": a speaker with no name
                known = self._pronoun_of.get(event.span) or _sex_of(event.titles)
                if lower in ("he", "she") and known not in (None, lower):
                    continue  # "she" is not the man the story called "he"
                if lower in ("he", "she"):
                    self._pronoun_of[event.span] = lower
                return Speaker(event.span, mention, "pronoun", event.kind)
        if wanted == ("person",):
            only = self._only_person_before(token, reach)
            if only is not None:
                return Speaker(only, mention, "pronoun", "person")
        return Speaker(None, mention, "none", wanted[0])

    def _only_person_before(self, token: Token, reach: int) -> tuple[int, int] | None:
        """The one person named (outside quotes) in the sentences just before ``token``'s."""
        sent = sentence_of(self.doc, token.i)
        here = self._paragraph(token.idx)
        people: dict[str, tuple[int, int]] = {}
        # Only the names from the first paragraph within reach up to the sentence.
        first = here - reach
        low = bisect.bisect_right(self._name_starts, self._breaks[first - 1]) if first > 0 else 0
        high = bisect.bisect_left(self._name_starts, sent.start_char)
        for span in self._names[low:high]:
            far = here - self._paragraph(span.start_char) > reach
            if far or self.inside_quote(span.start_char):
                continue
            if _kind_of_name(span) == "person":
                people[span.text.split()[-1].lower()] = (span.start_char, span.end_char)
        if len(people) == 1:
            return next(iter(people.values()))
        return None

    def _titled(self, token: Token) -> _Event | None:
        """The person last named with the title ``token`` ("the minister" → Lavrov)."""
        title = token.lemma_.lower()
        here = self._paragraph(token.idx)
        for event in self._events_before(token.idx):
            if here - event.paragraph > 2 * _PARAGRAPHS_BACK * 2:
                break
            if title in event.titles:
                return event
        return None

    def _description_span(self, token: Token) -> tuple[int, int]:
        doc = token.doc
        left = token.i
        while (
            left > 0
            and doc[left - 1].head == token
            and doc[left - 1].dep_
            in (
                "compound",
                "amod",
                "det",
                "poss",
                "nummod",
            )
        ):
            left -= 1
        return doc[left].idx, token.idx + len(token.text)


_SHE = frozenset(
    {"mrs", "ms", "miss", "woman", "mother", "wife", "daughter", "sister", "chairwoman",
     "spokeswoman", "congresswoman", "actress", "queen", "princess", "grandmother", "lady",
     "madam", "aunt", "niece", "girl"}
)  # fmt: skip
_HE = frozenset(
    {"mr", "man", "father", "husband", "son", "brother", "chairman", "spokesman",
     "congressman", "actor", "king", "prince", "grandfather", "sir", "lord", "uncle",
     "nephew", "boy"}
)  # fmt: skip


def _sex_of(titles: frozenset[str]) -> str | None:
    """ "she" or "he" when a title says so ("Mrs", "spokeswoman"), else ``None``."""
    if titles & _SHE:
        return "she"
    if titles & _HE:
        return "he"
    return None


def _chars(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _kind_of_name(span: Span) -> Kind | None:
    last = span.text.split()[-1].lower() if span.text.split() else ""
    if span.label_ == "PERSON":
        return "org" if last in lexicon.ORG_HEADS else "person"
    if span.label_ in ("ORG", "GPE", "NORP"):
        return "org"
    return None


def _kind_of_noun(token: Token) -> Kind | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    if token.tag_ in ("NNS", "NNPS") or lower in ("police", "authorities"):
        return "group"
    if lemma in PERSON_TITLES or lower in PERSON_TITLES:
        return "person"
    if lemma in ORG_NOUNS or lower in ORG_NOUNS:
        return "org"
    return None


def _titles(name: Span) -> frozenset[str]:
    """The titles a name is given: "Foreign Minister Sergei Lavrov", "Smith, the mayor"."""
    doc = name.doc
    words: set[str] = set()
    i = name.start - 1
    while i >= 0 and doc[i].tag_ in ("NN", "NNP", "JJ") and doc[i].dep_ in ("compound", "amod"):
        words.add(doc[i].lemma_.lower().rstrip("."))
        i -= 1
    if name.start > 0:
        words.add(doc[name.start - 1].lower_.rstrip("."))  # "Mrs." before the name
    for token in name:
        for child in token.children:
            if child.dep_ == "appos" and child.tag_ == "NN":
                words.add(child.lemma_.lower())
    if name.root.dep_ == "appos" and name.root.head.tag_ == "NN":
        words.add(name.root.head.lemma_.lower())
    return frozenset(words)
