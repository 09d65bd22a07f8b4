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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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

    @property
    def pattern_text(self) -> str:
        """The words, whole, with any spacing or hyphen between them (a regular expression)."""
        return r"[\s-]+".join(re.escape(part) for part in self.key.split())


def _key(words: str) -> str:
    return " ".join(re.split(r"[\s-]+", words.strip().lower())).strip()


def find_words(text: str, words: tuple[WeighedWord, ...]) -> Iterator[tuple[WeighedWord, int, int]]:
    """Every use in ``text`` of a word of ``words``: ``(entry, start, end)``, in text order."""
    pattern, entries = _matcher(words)
    if pattern is None:
        return
    for found in pattern.finditer(text):
        entry = entries.get(_key(found.group()))
        if entry is not None:
            yield entry, found.start(), found.end()


@lru_cache(maxsize=8)
def _matcher(
    words: tuple[WeighedWord, ...],
) -> tuple[re.Pattern[str] | None, dict[str, WeighedWord]]:
    """One expression for the whole list (longest words first), and the entries by key."""
    entries = {entry.key: entry for entry in words if entry.key}
    if not entries:
        return None, {}
    ordered = sorted(entries.values(), key=lambda e: len(e.key), reverse=True)
    alternatives = "|".join(entry.pattern_text for entry in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), entries


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
