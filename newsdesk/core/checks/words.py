"""The desk's list of words to weigh: shipped with newsdesk, added to by the editor.

The shipped list is ``resources/checks/words_to_weigh.txt``: one word or
phrase a line, optionally followed by `` = `` and the desk's advice ("illegal
immigrant = describe the person's status"); ``#`` starts a comment. The
editor's own list (:data:`EDITOR_FILE` in the preferences folder, edited in
the window) has the same lines, and ``- word`` lines switching a shipped word
off; the window and the command line both read it. :func:`desk_words` merges
the lists into the one the checks use.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeAlias

from newsdesk.resources import read_text

log = logging.getLogger(__name__)

SHIPPED = ("checks", "words_to_weigh.txt")
EDITOR_FILE = "words_to_weigh.txt"  # the editor's own list, in the preferences folder


@dataclass(frozen=True)
class WeighedWord:
    """A word or phrase to flag, and what the desk advises instead (may be empty)."""

    words: str
    advice: str = ""

    @property
    def key(self) -> str:
        """The words as matched: lower case, one space where the copy has spaces or hyphens."""
        return _key(self.words)


Use: TypeAlias = tuple[WeighedWord, int, int]  # an entry and where the copy uses it


def _key(words: str) -> str:
    return " ".join(re.split(r"[\s-]+", words.strip().lower())).strip()


def find_words(text: str, words: tuple[WeighedWord, ...]) -> tuple[Use, ...]:
    """Every use in ``text`` of a word of ``words``: ``(entry, start, end)``, in text order.

    Each entry is looked for where its first word stands (a plain search of the
    lower-cased text), then matched whole, longest entries first, so a long list
    costs little.
    """
    return _find_words(text, words)


@lru_cache(maxsize=8)  # the same text is read again after every correction of its facts
def _find_words(
    text: str, words: tuple[WeighedWord, ...]
) -> tuple[tuple[WeighedWord, int, int], ...]:
    starts = _by_first_word(words)
    lower = same_length_lower(text)
    found: list[tuple[int, int, WeighedWord]] = []
    for first, entries in starts.items():
        at = lower.find(first)
        while at != -1:
            if not _joined(lower, at - 1):
                for entry, pattern in entries:
                    match = pattern.match(lower, at)
                    if match is not None and not _joined(lower, match.end()):
                        found.append((at, match.end(), entry))
                        break
            at = lower.find(first, at + 1)
    uses: list[Use] = []
    position = 0
    for start, end, entry in sorted(found, key=lambda item: (item[0], -item[1])):
        if start >= position:  # overlapping uses: the first (and longest) wins
            uses.append((entry, start, end))
            position = end
    return tuple(uses)


def same_length_lower(text: str) -> str:
    """``text`` in lower case, every character kept in its place (offsets stay valid)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _joined(text: str, index: int) -> bool:
    """Whether the character at ``index`` joins a word on ("-" or a letter or digit)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char == "-" or char.isalnum() or char == "_"


@lru_cache(maxsize=8)
def _by_first_word(
    words: tuple[WeighedWord, ...],
) -> dict[str, list[tuple[WeighedWord, re.Pattern[str]]]]:
    """Entries by their first word, the longest first, each with its whole-words pattern."""
    starts: dict[str, list[tuple[WeighedWord, re.Pattern[str]]]] = {}
    for entry in words:
        parts = [re.escape(part) for part in entry.key.split()]
        if parts:
            pattern = re.compile(r"[\s-]+".join(parts))
            starts.setdefault(entry.key.split()[0], []).append((entry, pattern))
    for entries in starts.values():
        entries.sort(key=lambda item: len(item[0].key), reverse=True)
    return starts


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


@dataclass(frozen=True)
class EditorWords:
    """The editor's changes to the shipped list: words added (with advice) and switched off."""

    added: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    def words(self) -> tuple[WeighedWord, ...]:
        return desk_words(self.added, self.ignored)

    def to_text(self) -> str:
        """The editor's file: added lines as written, ``- word`` for words switched off."""
        lines = [*self.added, *(f"- {word}" for word in self.ignored)]
        return "".join(f"{line}\n" for line in lines)


def parse_editor_words(text: str) -> EditorWords:
    """The editor's file read (see the module docstring); comments and blanks left out."""
    added: list[str] = []
    ignored: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-"):
            word = " ".join(line[1:].split())
            if word:
                ignored.append(word.lower())
        elif line.partition("=")[0].strip():
            added.append(line)
    return EditorWords(tuple(added), tuple(ignored))


def read_editor_words(path: Path) -> EditorWords:
    """The editor's list at ``path``; none when the file is missing or unreadable."""
    try:
        return parse_editor_words(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return EditorWords()
    except (OSError, UnicodeDecodeError) as problem:
        log.warning("cannot read the desk's words to weigh at %s: %s", path, problem)
        return EditorWords()
