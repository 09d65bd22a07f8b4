"""Entities: one fact per real-world thing, with every mention kept.

Mentions are grouped by their name (without a leading "the", a trailing
possessive or a company's legal form) and label group; a short name that is
the tail of exactly one longer name of the same kind ("Assad" → "Bashar
Assad", "the Observatory" → "the Syrian Observatory for Human Rights") joins
that longer name's fact, and so do the other names the story gives it in
brackets or with "also known as" and those the house register knows. Then
every other place the story writes a known name is a mention too
(:mod:`.mentions`), and each thing gets one label by the evidence
(:mod:`.evidence`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.evidence import settle_labels
from newsdesk.core.extract.groups import (
    POSSESSIVE,
    EntityGroup,
    best_name,
    display_name,
    kind,
    name_key,
    strip_punctuation,
)
from newsdesk.core.extract.mentions import add_repeated_mentions, alias_cues
from newsdesk.core.sheet.labels import ENTITY_LABELS as NAME_LABELS

__all__ = ["EntityGroup", "best_name", "display_name", "group_entities"]

_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "gen", "general", "col",
     "sen", "senator", "rep", "gov", "governor", "king", "queen", "prince", "sheikh", "pope",
     "judge", "chief", "mayor", "lt", "capt", "sir", "dame", "lord"}
)  # fmt: skip
_TIE_ORDER = {"org": 3, "place": 2, "person": 1}
_key = name_key
_kind = kind


def group_entities(
    doc: Doc,
    spans: list[Span] | None = None,
    *,
    aliases: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    article: str | None = None,
    dateline: tuple[int, int] | None = None,
) -> list[EntityGroup]:
    """Group the named entities of ``doc`` (or the given spans) into facts.

    ``aliases`` maps other names to the name they stand for and ``labels``
    names (by :func:`~.groups.name_key`) to their label — the house register's
    aliases and labels: an alias joins its name's fact, a label given there is
    final. ``article`` is the article's own text when the
    tagger read it with captions and credits blanked (known names are found
    there too). ``dateline`` is where the dateline's place stands ("HARBOURTON, March
    3 (Wire) -"): a name written there is a place (:func:`~.evidence.settle_labels`).
    """
    aliases = aliases or {}
    stands_for = {_key(words): target for words, target in aliases.items()}
    groups: dict[tuple[str, str], EntityGroup] = {}
    order: list[tuple[str, str]] = []
    parsed = doc_text(doc)
    for ent in spans if spans is not None else doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        # Keep the mention exact but without a possessive or punctuation at its ends.
        text = POSSESSIVE.sub("", parsed[start:end])
        trimmed = strip_punctuation(text)
        start += text.find(trimmed) if trimmed else 0  # leading punctuation went too
        end = start + len(trimmed)
        if not trimmed.strip() or not any(ch.isalpha() for ch in trimmed):
            continue
        name = display_name(trimmed)
        key = (_key(stands_for.get(_key(name), name)), _kind(ent.label_))
        if key not in groups:
            groups[key] = EntityGroup(label=ent.label_, name=name)
            order.append(key)
        groups[key].mentions.append((start, end))
        groups[key].votes[ent.label_] += 1
        groups[key].name = best_name([groups[key].name, name])
    merged = _merge_short_forms(_merge_same_names([groups[k] for k in order]))
    merged = _join_aliases(parsed, merged, aliases)
    _add_head_mentions(parsed, merged)
    add_repeated_mentions(doc, parsed, merged, article)
    settle_labels(doc, merged, dict(labels or {}), dateline)
    return merged


def _join_aliases(
    text: str, groups: list[EntityGroup], aliases: Mapping[str, str]
) -> list[EntityGroup]:
    """Other names of a thing join it: the story's own ("Authority (AFAD)", "also known
    as ISIS") and the house register's."""
    by_key: dict[str, EntityGroup] = {}
    for group in groups:
        by_key.setdefault(_key(group.name), group)
    for alias, target in aliases.items():
        owner = by_key.get(_key(target))
        if owner is not None:
            owner.surfaces.add(alias)
    for alias, owner in alias_cues(text, groups).items():
        owner.surfaces.add(alias)
    gone: set[int] = set()
    for group in groups:
        if id(group) in gone:
            continue
        for alias in list(group.surfaces):
            other = by_key.get(_key(alias))
            if other is not None and other is not group and id(other) not in gone:
                group.absorb(other)
                gone.add(id(other))
    return [g for g in groups if id(g) not in gone]


_GENERIC_HEADS = frozenset({"the", "group", "party", "company", "bank", "state", "states"})


def _head_word(name: str) -> str | None:
    """The word an organisation's name is shortened to: "Observatory" of
    "Syrian Observatory for Human Rights", "Programme" of "World Food Programme"."""
    words = name.split()
    for joiner in (" for ", " of ", " on "):
        if joiner in f" {name} ":
            words = name.split(joiner.strip(), 1)[0].split()
            break
    if len(name.split()) < 2 or not words:
        return None
    head = words[-1]
    if not head[:1].isupper() or len(head) < 4 or head.lower() in _GENERIC_HEADS:
        return None
    return head


def _add_head_mentions(text: str, groups: list[EntityGroup]) -> None:
    """Find "the Observatory" where the tagger missed it, for an unambiguous head."""
    heads: dict[str, list[EntityGroup]] = {}
    for group in groups:
        if group.label in ("ORG", "FAC"):
            head = _head_word(group.name)
            if head:
                heads.setdefault(head, []).append(group)
    owner_of = {head: owners[0] for head, owners in heads.items() if len(owners) == 1}
    taken = sorted(span for g in groups for span in g.mentions)
    starts = [s for s, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end so far
    lengths = sorted({len(head) for head in owner_of})
    # One pass over "the …" rather than one search of the whole text per head.
    for match in _THE.finditer(text) if owner_of else ():
        start = match.start()
        for length in lengths:
            end = match.end() + length
            if end > len(text):
                break
            owner = owner_of.get(text[match.end() : end])
            if owner is None or not _BOUNDARY.match(text, end):
                continue
            before = bisect.bisect_left(starts, end)
            if before and reach[before - 1] > start:
                continue  # overlaps a mention already found
            if start > owner.mentions[0][0]:
                owner.mentions.append((start, end))
    for group in owner_of.values():
        group.mentions.sort()


_THE = re.compile(r"\b[Tt]he ")
_BOUNDARY = re.compile(r"\b")


def _merge_same_names(groups: list[EntityGroup]) -> list[EntityGroup]:
    """One name read with two labels is one thing: a place if ever read as one.

    The small model tags a town "ORG" in one sentence and "GPE" in the next;
    the majority label wins.
    """
    by_name: dict[str, list[EntityGroup]] = {}
    for group in groups:
        by_name.setdefault(_key(group.name), []).append(group)
    result: list[EntityGroup] = []
    for group in groups:
        same = by_name[_key(group.name)]
        if len(same) == 1:
            result.append(group)
            continue
        if group is not same[0]:
            continue
        # The reading with most mentions wins ("Warhol" once tagged a place is
        # still the artist). On a tie an organisation beats a place (the model
        # files "Scientology" under both) and a place beats a person.
        winner = max(same, key=lambda g: (len(g.mentions), _TIE_ORDER.get(_kind(g.label), 0)))
        merged = EntityGroup(label=winner.label, name=best_name([g.name for g in same]))
        for g in same:
            merged.absorb(g)
        result.append(merged)
    return result


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", name.lower()) if w and w not in _TITLES]


def _named_after(place: str, group: EntityGroup) -> bool:
    """Whether ``group`` is an organisation whose name opens with ``place``."""
    words, opening = group.name.lower().split(), place.lower().split()
    return _kind(group.label) == "org" and words[: len(opening)] == opening


def _merge_short_forms(groups: list[EntityGroup]) -> list[EntityGroup]:
    """Fold "Assad" into "Bashar Assad" when that reading is unambiguous."""
    candidates = _ShortFormIndex(groups)
    result: list[EntityGroup] = []
    absorbed: set[int] = set()
    for i, short in enumerate(groups):
        short_words = candidates.words[i]
        if not short_words or short.label not in ("PERSON", "ORG", "FAC", "GPE", "NORP"):
            continue
        targets = {
            j
            for j in candidates.longer_names(short_words)
            if j != i
            and (
                _compatible(groups[j].label, short.label)
                # "said Bolden" tagged a place is still Charles Bolden.
                or (
                    groups[j].label == "PERSON"
                    and len(short_words) == 1
                    and not short.name.isupper()  # "DAB" is an acronym, not a surname
                    and all(w[:1].isupper() for w in groups[j].name.split())
                )
            )
            and len(candidates.words[j]) > len(short_words)
            and _is_short_form(
                short_words, candidates.words[j], _kind(groups[j].label), groups[j].name
            )
        }
        # "Harwell" for "Harwell Foods", "WHO" for "World Health Organization",
        # whatever label the short form was given; with a "Ruth Harwell" in the
        # story too, "Harwell" is left alone (either could be meant).
        if short.label in ("ORG", "FAC", "PERSON"):  # "Indonesian", "California" stay
            targets.update(
                j
                for j in candidates.organisations(short.name)
                if j != i and _names_organisation(short.name, groups[j].name)
            )
        if any(_kind(label) == "place" for label in short.votes):
            # "off Harbourton", the dateline's HARBOURTON: a name read as a place somewhere
            # is the town an organisation is named after ("Harbourton Dockworkers Union"),
            # not its short form.
            targets = {j for j in targets if not _named_after(short.name, groups[j])}
        if len(targets) == 1:
            (target,) = targets
            if target not in absorbed:
                groups[target].absorb(short, votes=False)
                absorbed.add(i)
    for i, group in enumerate(groups):
        if i in absorbed:
            continue
        group.mentions.sort()
        result.append(group)
    return result


class _ShortFormIndex:
    """The groups a short form could stand for, looked up by its words.

    A superset of :func:`_merge_short_forms`'s targets, found without comparing
    every group with every other: a person's surname ends the full name (or,
    hyphenated given name, opens it), an organisation's short name is one of its
    words, its first word or its initials.
    """

    def __init__(self, groups: list[EntityGroup]) -> None:
        self.words = [_words(group.name) for group in groups]
        self._tails: dict[tuple[str, ...], list[int]] = {}
        self._firsts: dict[str, list[int]] = {}
        self._words_of: dict[str, list[int]] = {}
        self._org_starts: dict[str, list[int]] = {}
        self._org_initials: dict[str, list[int]] = {}
        for j, (group, words) in enumerate(zip(groups, self.words, strict=True)):
            if _kind(group.label) == "person":
                for k in range(1, len(words)):
                    self._tails.setdefault(tuple(words[-k:]), []).append(j)
                if len(words) > 1:
                    self._firsts.setdefault(words[0], []).append(j)
            elif len(words) > 1:
                for word in set(words):
                    self._words_of.setdefault(word, []).append(j)
            split = group.name.split()
            if group.label in ("ORG", "FAC") and len(split) >= 2:
                self._org_starts.setdefault(split[0], []).append(j)
                initials = "".join(w[0] for w in split if w.lower() not in _NOT_IN_INITIALS)
                self._org_initials.setdefault(initials.upper(), []).append(j)

    def longer_names(self, short: list[str]) -> list[int]:
        """Groups whose words may hold ``short`` as their short form."""
        found = list(self._tails.get(tuple(short), ()))
        if len(short) == 1:
            found += self._firsts.get(short[0], ())
            found += self._words_of.get(short[0], ())
        return found

    def organisations(self, short: str) -> list[int]:
        """Organisations that ``short`` may name by first word or initials."""
        if short.isupper() and len(short) >= 2:
            return self._org_initials.get(short, [])
        return self._org_starts.get(short, [])


_NOT_IN_INITIALS = frozenset({"of", "for", "the", "and", "&", "on", "in", "de", "du"})


def _names_organisation(short: str, long: str) -> bool:
    """Whether ``short`` is the first word of organisation ``long`` ("Harwell" of
    "Harwell Foods") or its initials ("WHO", "NDRRMC")."""
    words = long.split()
    if len(words) < 2 or " " in short:
        return False
    if short.isupper() and len(short) >= 2:
        initials = "".join(w[0] for w in words if w.lower() not in _NOT_IN_INITIALS)
        return initials.upper() == short
    return len(short) > 3 and short[:1].isupper() and words[0] == short


def _compatible(first: str, second: str) -> bool:
    """Same kind of thing; organisations and facilities are easily confused."""
    return _kind(first) == _kind(second) or {first, second} <= {"ORG", "FAC"}


def _is_short_form(short: list[str], long: list[str], kind: str, long_name: str = "") -> bool:
    if kind == "person":
        # A surname (or "President Assad" minus the title) ends the full name; a family
        # name written first opens it when the given name is hyphenated ("Moon Jae-in").
        given = long_name.split()[-1] if long_name.split() else ""
        return long[-len(short) :] == short or (
            len(short) == 1 and long[0] == short[0] and "-" in given.strip("-")
        )
    # Organisations: "the Observatory" is a word of "Syrian Observatory for
    # Human Rights"; an acronym ("UNHCR") is not guessed here.
    # "State" of "Islamic State" is a word, not the group's short name.
    return (
        len(short) == 1
        and short[0] in long
        and len(short[0]) > 3
        and short[0] not in _GENERIC_HEADS
    )
