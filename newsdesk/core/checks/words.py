"""The desk's list of words to weigh: shipped with newsdesk, added to by the editor.

The shipped list is ``resources/checks/words_to_weigh.txt``: one word or
phrase a line, optionally followed by `` = `` and the desk's advice ("illegal
immigrant = describe the person's status"); ``#`` starts a comment. The
editor adds words of their own and switches shipped ones off in the
preferences; :func:`desk_words` merges the three into the list the checks use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.resources import read_text

SHIPPED = ("checks", "words_to_weigh.txt")


@dataclass(frozen=True)
class WeighedWord:
    """A word or phrase to flag, and what the desk advises instead (may be empty)."""

    words: str
    advice: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        """Matches the words whole, in any case, with any spacing or hyphen between them."""
        parts = [re.escape(part) for part in re.split(r"[\s-]+", self.words.strip()) if part]
        return re.compile(r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def parse_words(text: str) -> list[WeighedWord]:
    """The entries of a word list file (see the module docstring)."""
    entries: list[WeighedWord] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words, _, advice = line.partition("=")
        if words.strip():
            entries.append(WeighedWord(" ".join(words.split()).lower(), advice.strip()))
    return entries


def shipped_words() -> list[WeighedWord]:
    """The list shipped in ``resources/checks``."""
    return parse_words(read_text(*SHIPPED))


def desk_words(added: Iterable[str] = (), ignored: Iterable[str] = ()) -> tuple[WeighedWord, ...]:
    """The shipped list without the ``ignored`` words, with the editor's ``added`` ones."""
    off = {" ".join(word.split()).lower() for word in ignored}
    merged: dict[str, WeighedWord] = {}
    for entry in shipped_words():
        if entry.words not in off:
            merged[entry.words] = entry
    for entry in parse_words("\n".join(added)):
        if entry.words not in off:
            merged.setdefault(entry.words, entry)
    return tuple(merged.values())
