"""One name, one fact: every place the story names a thing it already knows.

The small model tags a name in one sentence and misses it in the next ("ECB"
found once, missed eleven times). Once grouping knows a name, every other
place the story writes it — the same words, case and all, as a whole word —
is a mention too, unless the words there are part of something else:

- a longer name ("Washington" of "Washington Post", "State" of "Secretary of
  State"), or an office named after a portfolio;
- a sentence's first word that the story also writes in lower case ("Will");
- the words of a mention of another thing.

Names a story gives in brackets or with "also known as" ("Disaster and
Emergency Management Authority (AFAD)", "Islamic State, also known as ISIS
or ISIL") are other names of the thing they follow, and so is an acronym
that spells a name's initials and then places the story names ("ISIS" of
Islamic State in a story about Iraq and Syria) (:func:`alias_cues`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.groups import EntityGroup, name_key

# Words that may stand right before or after a name without being part of it.
_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "gen", "general", "col",
     "sen", "senator", "rep", "gov", "governor", "king", "queen", "prince", "sheikh", "pope",
     "judge", "chief", "mayor", "lt", "capt", "sir", "dame", "lord", "chairman", "chairwoman",
     "chair", "secretary", "spokesman", "spokeswoman", "spokesperson", "director", "ceo",
     "officials", "official", "leader", "professor", "prof", "coach", "captain", "ambassador",
     "commander", "chancellor", "premier", "foreign", "head", "boss", "executive"}
)  # fmt: skip
_OFFICES = frozenset({"secretary", "minister", "ministers", "undersecretary", "commissioner"})

_ALIAS = r"([A-Z][A-Za-z0-9&'’.\-]*(?:\s[A-Z][A-Za-z0-9&'’.\-]*){0,3})"
_ACRONYM = r"([A-Z][A-Za-z0-9&.\-]{1,11})"
_BRACKETED = re.compile(rf"\s*\(\s*{_ACRONYM}(?:\s*(?:,|/|or)\s*{_ACRONYM})?\s*\)")
_CAPITALS = re.compile(r"\b[A-Z]{3,6}\b")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’]*\b")
# A name written as a whole word: no word, hyphen or "&" runs on into it on either side.
_NAME_OPENS = re.compile(r"(?<![\w\-&])")
_NAME_ENDS = re.compile(r"(?![\w&]|-\w)")
_NOT_INITIALS = frozenset({"of", "for", "the", "and", "&", "on", "in", "de", "du", "al"})
_KNOWN_AS = re.compile(
    rf",?\s+(?:\(\s*)?(?:also\s+|otherwise\s+|better\s+)?(?:known|referred\s+to)\s+as\s+"
    rf"(?:the\s+)?{_ALIAS}(?:,?\s+or\s+(?:the\s+)?{_ALIAS})?"
)


def alias_cues(text: str, groups: Iterable[EntityGroup]) -> dict[str, EntityGroup]:
    """Other names the story gives right after a mention: ``{alias: group}``.

    "Authority (AFAD)", "Islamic State, also known as ISIS or ISIL". An
    alias two things claim is left out.
    """
    groups = list(groups)
    claims: dict[str, list[EntityGroup]] = {}
    for group in groups:
        # Brackets after a place or a person hold something else: "ATHENS (Reuters)",
        # "Aleppo (Syria)", "Smith (R-Texas)"; an organisation's name may be misread as one.
        if group.label not in ("ORG", "FAC", "NORP") and not _org_named(group.name):
            continue
        for _, end in group.mentions:
            for pattern in (_BRACKETED, _KNOWN_AS):
                found = pattern.match(text, end)
                if found is None:
                    continue
                for alias in found.groups():
                    if alias and name_key(alias) != name_key(group.name):
                        owners = claims.setdefault(alias.rstrip(".,"), [])
                        if group not in owners:
                            owners.append(group)
    for acronym, owner in _extended_initials(text, groups).items():
        owners = claims.setdefault(acronym, [])
        if owner not in owners:
            owners.append(owner)
    return {alias: owners[0] for alias, owners in claims.items() if len(owners) == 1}


def _org_named(name: str) -> bool:
    """Whether a name ends with an organisation's head word ("… Authority")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in lexicon.ORG_HEADS


def _extended_initials(text: str, groups: Iterable[EntityGroup]) -> dict[str, EntityGroup]:
    """Acronyms that are a name's initials and then the initials of places in the story.

    "ISIS" is Islamic State (of Iraq and Syria) in a story that names Iraq and
    Syria; "UNHCR" is not the United Nations, as no places in the story spell
    "HCR". Each letter after the name's must start a different place's name.
    """
    groups = list(groups)
    places = [g.name for g in groups if g.label in ("GPE", "LOC")]
    # Groups by their initials, so each acronym looks up its prefixes, not every group.
    by_initials: dict[str, list[EntityGroup]] = {}
    for group in groups:
        words = [w for w in group.name.split() if w.lower() not in _NOT_INITIALS]
        if group.label in ("ORG", "NORP") and len(words) >= 2:
            by_initials.setdefault("".join(w[0] for w in words).upper(), []).append(group)
    found: dict[str, EntityGroup] = {}
    for acronym in set(_CAPITALS.findall(text)):
        owners = [
            group
            for length in range(1, len(acronym))
            for group in by_initials.get(acronym[:length], ())
            if _spelled_by(acronym[length:], places)
        ]
        if len(owners) == 1:
            found[acronym] = owners[0]
    return found


def _spelled_by(letters: str, places: list[str]) -> bool:
    """Whether each letter starts the name of a different one of ``places``."""
    free = list(places)
    for letter in letters:
        match = next((p for p in free if p[:1].upper() == letter), None)
        if match is None:
            return False
        free.remove(match)
    return True


def add_repeated_mentions(
    doc: Doc, text: str, groups: list[EntityGroup], article: str | None = None
) -> None:
    """Add a mention wherever the story writes a name a group has (see the module docstring).

    ``text`` is the text the tagger read, with captions and credits blanked;
    ``article`` (default ``text``) the article's own. Furniture never *gives*
    a name, but a name the story gives is found there too ("Image: NASA").
    """
    article = text if article is None else article
    owners: dict[str, list[EntityGroup]] = {}
    for group in groups:
        words = {text[s:e] for s, e in group.mentions} | group.surfaces
        for surface in words:
            surface = _bare(surface)
            if _worth_finding(surface):
                owned = owners.setdefault(surface, [])
                if group not in owned:
                    owned.append(group)
    taken = sorted(span for group in groups for span in group.mentions)
    starts = [s for s, _ in taken]
    found_any = {surface: owned[0] for surface, owned in owners.items() if len(owned) == 1}
    if not found_any:
        return
    lower_words = set(_LOWER_WORD.findall(text))
    # Every name, longest first ("Northwind Foods" before "Northwind"); words two things
    # go by are left out: neither is meant for sure.
    for start, surface in _written(article, sorted(found_any, key=len, reverse=True)):
        end = start + len(surface)
        if _overlaps(taken, starts, start, end):
            continue
        if not text[start:end].isspace():  # in the story: the words around must agree
            span = doc.char_span(start, end)
            if span is None:
                continue
            if not _stands_alone(doc, span[0], span[-1], surface, lower_words):
                continue
        found_any[surface].mentions.append((start, end))
        at = bisect.bisect(starts, start)
        taken.insert(at, (start, end))
        starts.insert(at, start)
    for group in groups:
        group.mentions.sort()


def _written(article: str, surfaces: list[str]) -> Iterator[tuple[int, str]]:
    """Where ``article`` writes one of ``surfaces`` as a whole word, left to right and
    none overlapping, the first of them (in their order) at each place: what
    ``re.finditer`` of one pattern of them all, ``(?:a|b|…)`` between those bounds,
    finds, without compiling such a pattern for every story."""
    written: dict[int, str] = {}  # place → the first surface written there
    for surface in surfaces:
        at = article.find(surface)
        while at != -1:
            if (
                at not in written
                and _NAME_OPENS.match(article, at)
                and _NAME_ENDS.match(article, at + len(surface))
            ):
                written[at] = surface
            at = article.find(surface, at + 1)
    end = 0
    for start in sorted(written):
        if start >= end:
            end = start + len(written[start])
            yield start, written[start]


def _bare(surface: str) -> str:
    """A mention's words without a leading "the" and a trailing possessive or full stop."""
    words = " ".join(surface.split())
    if words[:4].lower() == "the ":
        words = words[4:]
    for tail in ("'s", "’s"):
        if words.endswith(tail):
            words = words[: -len(tail)]
    return words.rstrip(".,;:") if not re.search(r"\b[A-Z]\.$", words) else words


def _worth_finding(surface: str) -> bool:
    """Whether words are a name to look for: capitalised, not a lone letter or number."""
    letters = [ch for ch in surface if ch.isalpha()]
    return len(letters) >= 2 and surface[:1].isupper() and "\n" not in surface


def _overlaps(taken: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    at = bisect.bisect_left(starts, end)
    return any(s < end and start < e for s, e in taken[max(0, at - 8) : at])


def _stands_alone(doc: Doc, first: Token, last: Token, surface: str, lower: set[str]) -> bool:
    """Whether the words at ``first``…``last`` are the name itself, not part of another."""
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if (
        before is not None
        and _is_name_word(before)
        and not first.is_sent_start
        and before.lower_.rstrip(".") not in _TITLES
        and not before.ent_type_
    ):
        return False  # "Washington" of an unknown "George Washington"
    if (
        before is not None
        and before.lower_ in ("of", "for")
        and first.i >= 2
        and doc[first.i - 2].lower_ in _OFFICES
    ):
        return False  # "State" of "Secretary of State"
    if (
        after is not None
        and _is_name_word(after)
        and after.lower_ not in _TITLES
        and not after.ent_type_
    ):
        return False  # "Washington" of "Washington Post"
    # "Will" at the head of a sentence, in a story that writes "will".
    return not (first.is_sent_start and " " not in surface and surface.lower() in lower)


def _is_name_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")
