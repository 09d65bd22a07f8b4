"""Who a sentence says its words come from: the grammar of one attribution.

"…, the Observatory said", "said police spokesman John Smith", "Smith said,
telling reporters …", "he was quoted as saying", "according to police", "a
source told Reuters": :func:`speaker_of` finds who does the saying of a speech
verb (its subject, or the subject of the verb a participle or a passive
"quoted as saying" hangs from), :func:`sentence_attribution` the attribution
of a whole sentence as an :class:`Attribution` (the source's words, its head
word and the cue). Who a pronoun is, and what carries from sentence to
sentence, is the discourse's business (:mod:`.discourse`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.doctext import TextTest, doc_text, inside

# Verbs that report speech or writing, for quotes ("…," she recalled) and figures.
SPEECH_VERBS = lexicon.SAY_VERBS | frozenset(
    {"tweet", "post", "write", "recall", "insist", "warn", "argue", "declare", "reiterate",
     "retort", "counter", "conclude", "vow", "pledge", "promise", "mutter", "murmur", "sigh",
     "quote", "cite", "begin", "chime", "interject", "text", "email", "e-mail", "blog", "muse",
     "wonder", "trail", "speak", "deny", "point", "agree", "inform", "brief", "assure", "say",
     "reassure", "advise", "proclaim", "allege", "contend", "hint", "signal", "summarize",
     "summarise", "elaborate", "specify", "clarify", "rebut", "protest", "thunder", "snap",
     "gush", "enthuse", "concur", "recount", "relate", "describe", "demand"}
)  # fmt: skip
# Verbs a figure's source puts a number with ("the ministry estimated", "the survey found").
SOURCE_VERBS = SPEECH_VERBS | frozenset(
    {"estimate", "calculate", "find", "tally", "count", "put", "show", "indicate", "forecast",
     "project", "expect", "publish", "release", "register", "log", "confirm", "reckon"}
)  # fmt: skip
# Verbs that give a figure its source but never speak a quote's words: in "She said
# Penhale had shown 'not a flicker of remorse'" the words are hers, not his.
QUOTE_VERBS = SPEECH_VERBS - frozenset({"show", "put", "count", "record", "document", "estimate"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# What a subject that is neither a name nor a pronoun may be: people and bodies that
# speak ("a police spokesman", "officials", "the ministry"), never "Thanks" or "Amazing".
_SPEAKING_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})


@dataclass(frozen=True)
class Attribution:
    """Who one attribution gives the words to.

    ``head`` is the speaker's word (a name's last word, "he", "ministry");
    ``span`` the characters of the speaker's name or phrase ("police
    spokesman John Smith" → "John Smith"; "the health ministry"); ``phrase``
    the characters of the attribution's words as a figure shows them ("the
    health ministry", "according to the UN", "a source told Reuters");
    ``cue`` the speech verb ("said"), ``None`` for "according to".
    """

    head: Token
    span: tuple[int, int]
    phrase: tuple[int, int]
    cue: Token | None

    @property
    def pronoun(self) -> bool:
        return self.head.lower_ in PRONOUNS


# A token whose lemma or lower-case form is none of these is no verb of saying or of a
# source's ("point": "pointed out"): asked of each word once, not of every token.
_SAYING_BY_LEMMA = TextTest(lambda lemma: lemma.lower() in SOURCE_VERBS, LEMMA)
_SAYING_BY_WORD = TextTest(lambda word: word in SOURCE_VERBS, LOWER)
_SAYING = "newsdesk.saying"


def saying_words(sent: Span) -> list[Token]:
    """The tokens of ``sent`` that may be verbs of saying or of a source's, in order:
    :func:`is_speech_verb` with :data:`SOURCE_VERBS` (or its part :data:`SPEECH_VERBS`)
    is False for every other token. Found once per doc and kept in its ``user_data``."""
    doc = sent.doc
    found = doc.user_data.get(_SAYING)
    if found is None:
        found = doc.user_data[_SAYING] = sorted(
            {*_SAYING_BY_LEMMA.tokens(doc), *_SAYING_BY_WORD.tokens(doc)}
        )
    first, last = bisect.bisect_left(found, sent.start), bisect.bisect_left(found, sent.end)
    return [doc[i] for i in found[first:last]]


def is_speech_verb(token: Token, verbs: frozenset[str] = SPEECH_VERBS) -> bool:
    """Whether ``token`` is a verb of saying ("said", "telling", "tweeted")."""
    if token.pos_ not in ("VERB", "AUX") and not (token.tag_.startswith("VB")):
        return False
    lemma = token.lemma_.lower()
    if lemma == "point":  # "pointed out"
        return any(c.lower_ == "out" for c in token.children)
    return lemma in verbs or token.lower_ in verbs


def speaker_of(verb: Token) -> Token | None:
    """The word for who does the saying of ``verb``, or ``None``.

    The subject ("Smith said", "said Smith"); for a participle with none, the
    subject of the verb it hangs from ("Smith spoke, telling reporters …");
    for "was quoted as saying", the one quoted. A relative "who" is the noun
    it describes.
    """
    adjacent = _noun_before(verb)
    if adjacent is not None:
        subject = _subject(verb)
        # "…, the Observatory said": the words before the verb say who, however the
        # parser hung them; unless they are inside the subject's own phrase
        # ("Smith, who leads the group, said").
        if subject is None or not _within(adjacent, subject):
            return named_behind(adjacent.head if adjacent.dep_ == "appos" else adjacent)
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            return None
        subject = _subject(token)
        if subject is not None:
            return named_behind(subject)
        # "quoted as saying": the pcomp's preposition hangs from "quoted".
        head = token.head
        if head is token:
            break
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            token = head.head
            continue
        if token.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and token.tag_ in (
            "VBG",
            "VBN",
            "VB",
        ):
            token = head
            continue
        if token.dep_ == "conj":  # "… and added"
            token = head
            continue
        break
    after = _name_after(verb)
    return named_behind(after) if after is not None else None


def _noun_before(verb: Token) -> Token | None:
    """The noun or pronoun right before a verb that ends its clause ("…, police said.")."""
    doc = verb.doc
    at = verb.i - 1
    while at >= verb.sent.start and doc[at].dep_ in ("aux", "advmod", "neg") and doc[at].i > 0:
        at -= 1  # "police have also said"
    if at < verb.sent.start or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    before = doc[at]
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    ends = after is None or after.is_punct or after.tag_ in ("''", "``") or after.dep_ == "prep"
    if not ends or before.pos_ not in ("PROPN", "NOUN", "PRON") or before.tag_ == "PRP$":
        return None
    return before


def _within(token: Token, phrase: Token) -> bool:
    """Whether ``token`` is ``phrase`` or inside the words it heads."""
    return token == phrase or phrase in token.ancestors


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head  # "Smith, who told reporters …"
            return child
    return None


def _name_after(verb: Token) -> Token | None:
    """ "…," said police spokesman John Smith: the parser may hang the name anywhere."""
    doc = verb.doc
    sent = verb.sent
    if verb.i + 1 >= sent.end:
        return None
    before = doc[verb.i - 1] if verb.i > sent.start else None
    if before is None or not (before.is_punct or before.tag_ in ("''", "``")):
        return None
    after = doc[verb.i + 1]
    if after.pos_ not in ("PROPN", "NOUN", "DET") or (after.is_stop and after.pos_ != "DET"):
        return None
    head = after
    while head.i + 1 < sent.end and head.nbor(1).pos_ in ("PROPN", "NOUN"):
        head = head.nbor(1)
    return head if head.pos_ in ("PROPN", "NOUN") else None


def named_behind(subject: Token) -> Token:
    """The named person behind a title: "the prime minister, Sheikh X," → X."""
    if subject.ent_type_:
        return subject
    for child in subject.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG"):
            return child
    return subject


def can_speak(token: Token) -> bool:
    """Whether ``token`` may be who says something: a name, a pronoun or a noun.

    Interjections, adjectives and capitalised sentence openers ("Thanks",
    "Amazing") never speak.
    """
    if token.lower_ in PRONOUNS:
        return True
    if token.ent_type_ in _NAME_LABELS:
        return True
    if token.tag_ not in _SPEAKING_TAGS or token.is_stop:
        return False
    return token.lower_ not in _NOT_SPEAKERS


# Nouns a parser may make the subject of a speech verb that say nothing themselves.
_NOT_SPEAKERS = frozenset(
    {"thanks", "thank", "amazing", "wow", "yes", "no", "okay", "ok", "story", "article",
     "headline", "sign", "signs", "banner", "slogan", "message", "post", "tweet", "caption",
     "label", "note", "letter", "law", "rule", "title", "video", "film", "song", "book"}
)  # fmt: skip


def phrase_chars(
    token: Token, modifiers: tuple[str, ...] = ("compound", "amod")
) -> tuple[int, int]:
    """The characters of ``token``'s entity if it has one, else of the token with
    the ``modifiers`` right before it ("police spokesman", "the clown")."""
    doc = token.doc
    if token.ent_iob_ in ("B", "I"):
        # The entity's own tokens, found from the token's tags: looking through
        # every entity of the doc for each figure made long stories quadratic.
        first = token.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = token.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        return doc[first].idx, doc[last].idx + len(doc[last].text)
    left = token.i
    while left > 0 and doc[left - 1].dep_ in modifiers and doc[left - 1].head == token:
        left -= 1
    return doc[left].idx, token.idx + len(token.text)


def source_phrase(token: Token) -> tuple[int, int]:
    """The words a figure's source goes by: "the health ministry", "police",
    "Turkey's central bank", "a senior official" (determiners and modifiers
    kept, relative clauses and appositions left out)."""
    doc = token.doc
    start, end = phrase_chars(token, ("compound", "amod", "det", "poss", "nummod", "case"))
    left = doc.char_span(start, end, alignment_mode="expand")
    first = left.start if left is not None else token.i
    # "the" before an entity span ("the Syrian Observatory …").
    while (
        first > 0
        and doc[first - 1].dep_ in ("det", "poss", "case", "amod", "compound")
        and (doc[first - 1].head.i in range(first, token.i + 1))
    ):
        first -= 1
    last = token.i
    # "a spokesman for the ministry": keep the "for"/"of" phrase.
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "in") and child.i > token.i:
            last = max(last, child.right_edge.i)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def according_to(sent: Span, outside: tuple[tuple[int, int], ...] = ()) -> Attribution | None:
    """ "according to police", "in the words of X": the source, outside the ``outside`` spans."""
    doc = sent.doc
    words = doc_text(doc)[sent.start_char : sent.end_char].lower()
    if "according" not in words and "words" not in words:
        return None  # the common case, decided without a token
    for token in sent:
        if inside(outside, token.idx) or token.i + 1 >= len(doc):
            continue
        opener = token.lower_ == "according" or (
            token.lower_ == "words" and token.i > 0 and doc[token.i - 1].lower_ == "the"
        )
        follower = token.nbor(1)
        if not opener or follower.lower_ not in ("to", "of"):
            continue
        objects = [c for c in follower.children if c.dep_ == "pobj"] or _misread_gerund(follower)
        if not objects:
            continue
        source = named_behind(objects[0])
        end = source_phrase(source)[1]
        phrase_start = token.idx if token.lower_ == "according" else doc[token.i - 2].idx
        if token.lower_ == "words" and (token.i < 2 or doc[token.i - 2].lower_ != "in"):
            phrase_start = doc[token.i - 1].idx
        return Attribution(source, phrase_chars(source, ("compound",)), (phrase_start, end), None)
    return None


def _misread_gerund(to: Token) -> list[Token]:
    """ "according to shipping analysts": the parser reads "shipping" as a verb whose
    object is "analysts"; the analysts are who says so."""
    return [
        child
        for gerund in to.children
        if gerund.dep_ == "pcomp" and gerund.tag_ == "VBG" and gerund.i == to.i + 1
        for child in gerund.children
        if child.dep_ == "dobj" and child.i == gerund.i + 1
    ]


def verb_attribution(verb: Token) -> Attribution | None:
    """The attribution a speech verb makes, when its speaker can speak."""
    speaker = speaker_of(verb)
    if speaker is None or not can_speak(speaker):
        return None
    span = phrase_chars(speaker, ("compound",))
    if speaker.lower_ in PRONOUNS:
        return Attribution(speaker, span, span, verb)
    start, end = source_phrase(speaker)
    # "a source told Reuters": the one told is part of who says so.
    if verb.lemma_.lower() == "tell" and not speaker.ent_type_:
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.ent_type_ == "ORG"]
        if told and told[0].i > verb.i:
            end = told[0].idx + len(told[0].text)
    return Attribution(speaker, span, (start, end), verb)


def sentence_attribution(
    sent: Span,
    outside: tuple[tuple[int, int], ...] = (),
    verbs: frozenset[str] = SOURCE_VERBS,
) -> Attribution | None:
    """Who the sentence says its facts come from, or ``None``.

    "according to X" first; else the speech verb nearest the root of the
    sentence whose speaker can speak ("John Kerry said President Obama saw …"
    is Kerry's); verbs inside the ``outside`` spans (quotes) do not count.
    """
    found = according_to(sent, outside)
    if found is not None:
        return found
    candidates: list[tuple[int, int, Token]] = []
    words = saying_words(sent) if verbs <= SOURCE_VERBS else list(sent)
    for token in words:
        if inside(outside, token.idx) or not is_speech_verb(token, verbs):
            continue
        candidates.append((_depth(token), token.i, token))
    for *_, verb in sorted(candidates):
        found = verb_attribution(verb)
        if found is not None:
            return found
    return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 20:
        token = token.head
        depth += 1
    return depth


def sentence_of(doc: Doc, char: int) -> Span | None:
    """The sentence holding character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None
