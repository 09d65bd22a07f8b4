"""Labels that agree across a thing's mentions, settled by evidence.

The tagger labels each mention on its own; a thing gets one label. The
labels the tagger gave vote, and what the story and the world say weighs in:

- a title before a mention ("Mr", "President") says person;
- a building's or site's noun ("… Space Center", "Museum of …") says place
  (a facility); an organisation's head word ending the name ("… Authority"),
  an acronym it goes by in running text ("M5S") or the copy calling it a
  company ("drugmaker Pfizer", "Ted Baker shares") says organisation;
- the dateline's place ("HARBOURTON, March 3 (Wire) -") says place: the desk
  writes there where the story was filed, never who filed it;
- the copy calling it a place ("Palmyra is a World Heritage site", "Kestrel
  Ford, a port town of 40,000") says place;
- a place the gazetteer knows (:mod:`.gazetteer`) says place when the tagger
  called it an organisation or a person with nothing in the story saying so
  ("Sapporo", "Hokkaido", "Adiyaman"); a surname of a person in the story, a
  title before it or an organisation's head word keeps the tagger's word.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.gazetteer import gazetteer
from newsdesk.core.extract.groups import EntityGroup, kind, name_key

_PERSON_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "president", "senator", "sen",
     "gov", "governor", "mayor", "minister", "judge", "king", "queen", "prince", "princess",
     "pope", "sheikh", "professor", "prof", "gen", "general", "col", "capt", "lt", "rep",
     "director", "chairman", "chairwoman", "spokesman", "spokeswoman", "secretary"}
)  # fmt: skip
# On a tie an organisation beats a place (the model files "Scientology" under
# both) and a place beats a person.
_HEAD_ENDS = frozenset({"for", "of", "to", "on"})
_TIE_ORDER = {"org": 3, "place": 2, "person": 1}


def settle_labels(
    doc: Doc,
    groups: list[EntityGroup],
    fixed: dict[str, str],
    dateline: tuple[int, int] | None = None,
) -> None:
    """Give each group one label by the evidence (see the module docstring).

    ``fixed`` maps a name's key to the label the editor's house register gives
    it; that label is final. ``dateline`` is where the dateline's place stands.
    """
    people = [g for g in groups if g.label == "PERSON" and len(g.name.split()) > 1]
    for group in groups:
        label = fixed.get(name_key(group.name)) or _by_votes(group)
        if name_key(group.name) in fixed:
            pass
        elif kind(label) != "place" and _in_dateline(group, dateline):
            label = "GPE"  # "HARBOURTON, March 3 (Wire) -": where the story was filed
        elif kind(label) in ("org", "person") and _called_a_place(doc, group):
            label = "GPE"  # "Palmyra is a World Heritage site", "Kestrel Ford, a port town"
        elif kind(label) == "org" and _facility(group.name):
            label = "FAC"
        elif kind(label) == "place" and _org_head(group.name, places=False):
            label = "ORG"  # "Disaster and Emergency Management Authority" is no place
        elif kind(label) == "person" and (
            _org_head(group.name) or _has_acronym(doc, group) or _company_words(doc, group)
        ):
            label = "ORG"
        elif kind(label) in ("org", "person") and _place_by_gazetteer(doc, group, people):
            label = "GPE"
        elif kind(label) == "org" and _titled_name(doc, group):
            label = "PERSON"  # "director-general Irina Bokova": a title says who
        group.label = label


def _in_dateline(group: EntityGroup, dateline: tuple[int, int] | None) -> bool:
    return dateline is not None and any(
        start < dateline[1] and end > dateline[0] for start, end in group.mentions
    )


def _called_a_place(doc: Doc, group: EntityGroup) -> bool:
    """Whether the copy says what the name is, and that is a place: the subject of "is a
    … site" or a name with "a port town" beside it."""
    for start, end in group.mentions:
        found = _tokens(doc, start, end)
        if found is None:
            continue
        head = doc[found[1]]
        said = [
            c
            for c in head.children
            if c.dep_ == "appos"  # set off by a comma: "Kestrel Ford, a port town"
            and head.i + 1 < len(doc)
            and doc[head.i + 1].text == ","
            and any(d.lower_ in ("a", "an") for d in c.children)
        ]
        if head.dep_ == "nsubj" and head.head.lemma_ == "be" and head.head.i == head.i + 1:
            said += [c for c in head.head.children if c.dep_ == "attr"]
        if any(noun.lemma_.lower() in lexicon.PLACE_NOUNS for noun in said):
            return True
    return False


def _by_votes(group: EntityGroup) -> str:
    if not group.votes:
        return group.label
    return max(
        group.votes,
        key=lambda label: (
            group.votes[label],
            label == group.label,
            _TIE_ORDER.get(kind(label), 0),
        ),
    )


def _facility(name: str) -> bool:
    """Whether a name is a building's or site's: "Kennedy Space Center", "Museum of Flight"."""
    words = name.lower().split()
    if len(words) < 2:
        return False
    return words[-1] in lexicon.FACILITY_HEADS or (
        words[0] in lexicon.FACILITY_HEADS and words[1] == "of"
    )


def _org_head(name: str, *, places: bool = True) -> bool:
    """Whether an organisation's head word ends the name ("… Authority"); with
    ``places=False`` not one a place may end in ("Washington State", "… Space Center"),
    nor a known place."""
    words = name.split()
    head = _head_word(words)
    if len(words) < 2 or head not in lexicon.ORG_HEADS:
        return False
    return places or (
        head not in ("state", "states") and not _facility(name) and not gazetteer().is_place(name)
    )


def _head_word(words: list[str]) -> str:
    """The word a name is built on: the last, or the one before its first "for", "of",
    "to" or "on" ("Syrian Observatory for Human Rights", "Committee to Protect Journalists")."""
    for at, word in enumerate(words[1:-1], start=1):
        if word in _HEAD_ENDS:
            return words[at - 1].lower()
    return words[-1].lower() if words else ""


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The first and last token of the mention at ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end - 1) if span is not None and len(span) else None


def _company_words(doc: Doc, group: EntityGroup) -> bool:
    """Whether the story calls the thing a company: "drugmaker Pfizer", "Pfizer shares",
    "shares in Pfizer" — unless a person's title stands before it too."""
    said = False
    for start, end in group.mentions:
        tokens = _tokens(doc, start, end)
        if tokens is None:
            continue
        at, last = tokens
        if _titled(doc, at):
            return False
        before = doc[at - 1].lower_ if at > 0 else ""
        two_before = f"{doc[at - 2].lower_} {before}" if at > 1 else ""
        after = doc[last + 1] if last + 1 < len(doc) else None
        owned = None
        if after is not None and after.text in ("'s", "’s") and last + 2 < len(doc):
            owned = doc[last + 2 : last + 4]  # what it has: "Pfizer's chief executive"
            after = doc[last + 2]
        said = said or (
            before in lexicon.COMPANY_NOUNS
            or two_before in lexicon.COMPANY_BEFORE
            or (after is not None and after.lower_ in lexicon.COMPANY_AFTER)
            or (owned is not None and _company_owned(owned.text.lower()))
        )
    return said


def _company_owned(words: str) -> bool:
    """Whether what a name has is what only a company has ("chief executive", "profit")."""
    first = words.split()[0] if words.split() else ""
    return first in lexicon.COMPANY_OWNS or words.startswith("chief executive")


def _has_acronym(doc: Doc, group: EntityGroup) -> bool:
    """Whether the thing goes by an acronym in running text ("M5S", "UAAR"): people do not."""
    for start, end in group.mentions:
        tokens = _tokens(doc, start, end)
        at = tokens[0] if tokens else None
        words = doc_text(doc)[start:end]
        if at is None or " " in words or not words.isupper() or not 2 <= len(words) <= 6:
            continue
        near = [doc[i] for i in (at - 1, at + 1) if 0 <= i < len(doc)]
        if any(t.is_alpha and t.is_lower for t in near):  # not a headline in capitals
            return True
    return False


def _titled_name(doc: Doc, group: EntityGroup) -> bool:
    """Whether a name the tagger called an organisation is a person's: a title stands
    before it and it reads as a given name and a surname, nothing of a company."""
    words = group.name.split()
    if len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if _org_head(group.name) or _company_words(doc, group):
        return False
    return any(
        _titled(doc, tokens[0])
        for tokens in (_tokens(doc, start, end) for start, end in group.mentions)
        if tokens is not None
    )


def _place_by_gazetteer(doc: Doc, group: EntityGroup, people: list[EntityGroup]) -> bool:
    """Whether a group the tagger called an organisation or person is a place the
    gazetteer knows, with nothing in the story saying otherwise. A name in capitals
    is an acronym ("SANA", the agency), not the city spelled like it."""
    if group.name.isupper() or _org_head(group.name) or gazetteer().place(group.name) is None:
        return False
    words = group.name.lower().split()
    for person in people:
        if person is not group and words == person.name.lower().split()[-len(words) :]:
            return False  # the surname of someone in the story
    return not any(
        _titled(doc, tokens[0])
        for tokens in (_tokens(doc, start, end) for start, end in group.mentions)
        if tokens is not None
    )


def _titled(doc: Doc, at: int) -> bool:
    """Whether a person's title stands right before token ``at``."""
    return at > 0 and doc[at - 1].lower_.rstrip(".") in _PERSON_TITLES
