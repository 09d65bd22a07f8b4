"""One thing's mentions before it becomes a fact, and how names are compared.

:class:`EntityGroup` is what grouping (:mod:`.entities`), finding every
mention (:mod:`.mentions`) and settling labels (:mod:`.evidence`) share.
A name's :func:`name_key` ignores case, a leading "the", a possessive and a
company's legal form, so "Northwind Foods Plc" and "Northwind Foods" are one
name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

# Labels that name the same kind of thing for grouping purposes.
KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "PERSON": "person"}

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_INITIALISM = re.compile(r"(?:^|[\s.])[A-Z]\.$")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# A company's legal form says nothing about which company: "Northwind Foods Plc".
_LEGAL_FORM = re.compile(
    r",?\s+(?:plc|inc|ltd|llc|corp|co|sa|ag|nv|se|spa|gmbh|pty|bhd|limited)\.?$", re.IGNORECASE
)


@dataclass
class EntityGroup:
    """Mentions of one thing, before ids are given out.

    ``votes`` counts the labels the tagger gave its mentions; ``surfaces`` are
    the other names it goes by in this story (an acronym in brackets, an alias
    the house register knows), looked for like its mentions' words.
    """

    label: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character spans
    votes: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)

    def absorb(self, other: EntityGroup, *, votes: bool = True) -> None:
        """Take ``other``'s mentions, other names and (unless told not to) its votes.

        A short form's label says little of the full name's ("said Bolden"
        tagged a place): it joins without its votes.
        """
        self.mentions = sorted(set(self.mentions) | set(other.mentions))
        if votes:
            self.votes.update(other.votes)
        self.surfaces |= other.surfaces


def kind(label: str) -> str:
    return KINDS.get(label, label)


# Names and keys are asked of the same few words many times a story: kept per text.
@functools.lru_cache(maxsize=1 << 14)
def display_name(text: str) -> str:
    """The name of a mention: no leading "the", no possessive, single spaces."""
    name = " ".join(text.split())
    name = _LEADING.sub("", name)
    name = POSSESSIVE.sub("", name)
    return strip_punctuation(name) or text.strip()


def strip_punctuation(text: str) -> str:
    """Trailing commas and full stops go; the dot of an initialism ("U.N.") stays."""
    stripped = text.strip(" ,;:")
    while stripped.endswith(".") and not _INITIALISM.search(stripped):
        stripped = stripped[:-1].rstrip(" ,;:")
    return stripped


@functools.lru_cache(maxsize=1 << 14)
def name_key(name: str) -> str:
    """What two names must share to be one name (see the module docstring)."""
    key = display_name(name).replace("’", "'")
    key = _LEGAL_FORM.sub("", key) or key
    return key.lower()


def best_name(names: list[str]) -> str:
    """The name to show: the fullest form, in running-text case, not a dateline's CAPS."""
    return max(names, key=lambda n: (len(n.split()), not n.isupper(), len(n)))
