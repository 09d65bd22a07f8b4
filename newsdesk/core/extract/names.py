"""Names in the parse: the NER's entity spans, with the small model's slips fixed.

Before mentions are grouped into entities (:mod:`.entities`), the spans are
corrected: an organisation split at a capital is joined ("Islamic" + "State"),
a name cut after a particle goes on ("Ursula von der" + "Leyen"), names run
together over a line break, a spaced dash or a bracket are read apart
("Jay Inslee - He"), a name does not end on a pronoun or stop short of its
hyphenated end ("Moon Jae-in"), a score run into a club's name is cut off
("beat Ashford City 2-1"), what is called a person but is no name is dropped
("Turnout", a lone "President"), an office's portfolio is no name ("State" of
"Secretary of State"), an organisation or person the sentence locates things
at is a place ("near Palmyra"), and the dateline's place and agency are read
as a place and an organisation.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsdesk.core.article.wire import Dateline


def name_spans(doc: Doc, text: str, dateline: Dateline | None) -> list[Span]:
    """The NER's name spans, fixed, with the dateline's place and agency forced.

    ``text`` is the article text the dateline's offsets point into (the
    dateline opens the body, which a recased headline leaves as it is).
    """
    spans = [
        _as_place_if_located(_without_score(_acronym_not_person(piece)))
        for span in _join_particles(_join_split_names(doc))
        for piece in _pieces(span)
        if _plausible(piece) and not _is_office(piece) and _capitalised(piece, text)
    ]
    if dateline is None:
        return spans
    # "PODGORICA, Montenegro" names a city and a country: one place each.
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
        at = text.find(f"({dateline.source})", dateline.end)
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
_PLACE_PREPOSITIONS = frozenset({"near", "outside", "towards", "toward", "around"})


_TITLE_WORDS = frozenset(
    {"minister", "president", "prime", "secretary", "ambassador", "foreign", "chancellor",
     "king", "queen", "prince", "general", "army", "chief", "leader", "official", "officials",
     "spokesman", "spokeswoman", "governor", "senator", "mayor", "police", "mp", "mps", "mep",
     "lawmaker", "envoy", "captain", "coach", "commander", "administrator", "director", "ceo",
     "chairman", "chairwoman", "premier", "consul", "delegate", "member"}
)  # fmt: skip
_NAME_PARTICLES = frozenset(
    {"bin", "bint", "al", "el", "de", "da", "del", "della", "der", "di", "du", "la", "le", "van",
     "von", "ibn", "abu", "y", "dos", "das", "ben", "and", "of"}
)  # fmt: skip


def _join_particles(spans: list[Span]) -> list[Span]:
    """A name cut after a particle goes on: "Ursula von der" + "Leyen" is one person."""
    result: list[Span] = []
    for span in spans:
        last = result[-1] if result else None
        if (
            last is not None
            and last.label_ == "PERSON"
            and last.end == span.start
            and last[-1].lower_ in _NAME_PARTICLES
        ):
            result[-1] = Span(span.doc, last.start, span.end, label="PERSON")
            continue
        result.append(span)
    return result


# Where a name ends: a line break, a spaced dash, a bracket ("Authority (AFAD").
_BREAKS = frozenset({"-", "–", "—", "(", ")", "[", "]", "|", "/"})


def _pieces(span: Span) -> list[Span]:
    """The names in a span the tagger ran together, each with its edges fixed.

    A name never runs over a line break ("Antonio Bronic" and "LONDON"), a spaced
    dash ("Jay Inslee - He") or a bracket ("Authority (AFAD"): each side is
    read on its own. A name does not end on a pronoun or a word like "the",
    and a hyphenated name the tagger cut ("Moon Jae" of "Moon Jae-in") or a
    name cut after a particle ("Ursula von") is read to its end.
    """
    doc = span.doc
    cuts = [span.start]
    for token in span:
        spaced_dash = token.text in _BREAKS and (
            token.text in "()[]|" or token.whitespace_ or doc[token.i - 1].whitespace_
        )
        if "\n" in token.text or spaced_dash:
            cuts += [token.i, token.i + 1]
    cuts.append(span.end)
    pieces = []
    for start, end in itertools.pairwise(cuts):
        fixed = _fixed_edges(doc, start, end)
        if fixed is not None:
            pieces.append(Span(doc, fixed[0], fixed[1], label=span.label_))
    return pieces


def _fixed_edges(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without what cannot end a name, read on where the name goes on."""
    # (Each token is read once per step: a Token object for every look costs.)
    while start < end:
        first = doc[start]
        if not (
            first.is_space
            or first.is_punct
            # "Drugmaker Pfizer" opening a sentence: the description is no part of the name.
            or (first.lower_ in lexicon.COMPANY_DESCRIPTORS and end - start > 1)
        ):
            break
        start += 1
    # A hyphenated name goes on past the tagger's end: "Jae" + "-in".
    while end + 1 < len(doc) and end > start:
        dash, next_word = doc[end], doc[end + 1]
        if not (
            dash.text in ("-", "‐")
            and not doc[end - 1].whitespace_
            and not dash.whitespace_
            and next_word.is_alpha
            and not next_word.ent_type_
            and next_word.lower_ not in lexicon.COMPOUND_SUFFIXES
            and next_word.pos_ in ("PROPN", "NOUN", "X")
        ):
            break
        end += 2
    # "Ursula von": the particles and the name after them.
    if end > start and _is_particle(doc[end - 1]):
        after = end
        while after < len(doc) and _is_particle(doc[after]):
            after += 1
        if after < len(doc) and doc[after].is_title and doc[after].is_alpha:
            end = after + 1
    while end > start:
        last = doc[end - 1]
        if not (
            last.is_space
            or (last.is_punct and last.text != ".")
            or (last.is_stop and last.is_lower and end - 1 > start and not _after_hyphen(last))
            or (last.pos_ == "PRON" and end - 1 > start)
            or _is_particle(last)
        ):
            break
        end -= 1
    if end <= start or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    return start, end


def _is_particle(token: Token) -> bool:
    """A lower-case name particle: "von", "der", "bin"."""
    return token.lower_ in _NAME_PARTICLES and token.is_lower


# Offices named after a portfolio: "Secretary of State", "Minister for Health". A
# spokeswoman or a chief is "for" or "of" an organisation, which stays a name.
_OFFICE_TITLES = frozenset(
    {"secretary", "minister", "ministers", "undersecretary", "commissioner", "secretaries"}
)  # fmt: skip


def _is_office(span: Span) -> bool:
    """ "State" of "Secretary of State", "Finance" of "Minister of Finance": an office's
    portfolio, not a name (a place stays one: "Governor of Texas")."""
    doc = span.doc
    if span.start < 2 or span.label_ not in ("ORG", "GPE", "PERSON", "NORP"):
        return False
    joiner, title = doc[span.start - 1], doc[span.start - 2]
    if joiner.lower_ not in ("of", "for") or title.lower_ not in _OFFICE_TITLES:
        return False
    if span[0].lower_ in ("the", "a", "an"):
        return False  # "secretary of the Workers' Union": a body, not a portfolio
    return gazetteer().place(span.text) is None


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


def _acronym_not_person(span: Span) -> Span:
    """ "JR Hokkaido" read as a person is an organisation: people's names do not open
    with an acronym (initials carry dots: "J.R. Smith")."""
    first = span[0]
    if (
        span.label_ != "PERSON"
        or len(span) < 2
        or not first.is_upper
        or not first.is_alpha
        or len(first) < 2
    ):
        return span
    return Span(span.doc, span.start, span.end, label="ORG")


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
    "Ghanaian diaspora" (a common noun, or a lower-case word inside); and a
    lone title or word for a company ("President", "Retailer") under any label."""
    if len(span) == 1 and span[0].lower_ in lexicon.COMPANY_NOUNS | lexicon.TITLE_WORDS:
        return False  # "Retailer warns", "President said": a noun, not a name
    if len(span) == 1 and span[0].is_lower and span[0].tag_ in ("NNS", "NNPS"):
        return False  # "sleeping in mosques": a plural common noun is no name
    if (
        len(span) == 1
        and span[0].is_sent_start
        and span[0].tag_ == "JJ"
        and span[0].dep_ == "amod"
        and span.label_ != "NORP"
        and not gazetteer().is_place(span.text)
    ):
        return False  # "Postal votes made up a third": an adjective opening a sentence
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


def _capitalised(span: Span, text: str) -> bool:
    """Whether a place or organisation has a capital somewhere, as the article writes it
    (the tagger may have read a headline recased): "the north gate" is no name."""
    if span.label_ not in ("ORG", "GPE", "LOC", "FAC"):
        return True
    words = [
        text[t.idx : t.idx + len(t)]
        for t in span
        if t.pos_ != "DET" and any(c.isalpha() for c in t.text)
    ]
    return not words or not all(word.islower() for word in words)


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
        # "in Khan Younis": people are rarely "in" someone; companies often are
        # ("shares in Ted Baker").
        or (
            before.lower_ == "in"
            and span.label_ == "PERSON"
            and not (
                span.start >= 2 and f"{doc[span.start - 2].lower_} in" in lexicon.COMPANY_BEFORE
            )
        )
        or (
            before.lower_ == "of"
            and span.start >= 2
            and doc[span.start - 2].lower_ in _DIRECTIONS | lexicon.SETTLEMENTS
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
