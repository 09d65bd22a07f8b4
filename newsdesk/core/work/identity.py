"""Is new copy an update of the story that is open, or a story of its own?

A desk pastes the wire's "UPDATE 1" over the story it is checking, and the
next story of the day over the last one; newsdesk must not confuse them. The
evidence is the headline (wire tags such as "UPDATE 2-" set aside) and the
words the two texts share. The editor always has the last word: this only
chooses which answer is offered first.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from newsdesk.core.work.carry_over import strip_wire_tags

# Headlines this alike (word by word) are the same story retold.
HEADLINE_LIKENESS = 0.6
# Share of distinctive words two texts must have in common to be one story.
WORD_OVERLAP = 0.35
_WORD = re.compile(r"[^\W\d_]{4,}")


def headline_of(text: str) -> str:
    """The first line of ``text`` without wire tags."""
    return strip_wire_tags(text.split("\n", 1)[0].strip())


def is_update(old_text: str, new_text: str) -> bool:
    """Whether ``new_text`` reads as a new version of ``old_text`` rather than another story."""
    old_head, new_head = headline_of(old_text).casefold(), headline_of(new_text).casefold()
    if old_head and new_head:
        likeness = SequenceMatcher(None, old_head.split(), new_head.split()).ratio()
        if likeness >= HEADLINE_LIKENESS:
            return True
    return word_overlap(old_text, new_text) >= WORD_OVERLAP


def word_overlap(left: str, right: str) -> float:
    """Shared distinctive words (four letters or more, any case) over all of them, 0 to 1."""
    a = {w.casefold() for w in _WORD.findall(left)}
    b = {w.casefold() for w in _WORD.findall(right)}
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
