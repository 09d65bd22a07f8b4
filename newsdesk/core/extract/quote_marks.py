"""Quotations found by their marks, before anyone asks who said them.

Straight or curly marks, so unbalanced marks never raise. A quote that runs
over several paragraphs (each opening with a mark, only the last closing)
becomes one span per paragraph, so every paragraph can be checked on its own
and the continuation marks stay out of the quote's text (textacy counts such
quotes the same way). Titles are not quotes: headline capitals with no
sentence in them, a word like "titled", "the term" or "the film" before the
marks, or a dash and a publication after them ('"…" — Valley Herald, May 2, 2019').
"""

from __future__ import annotations

import re

from newsdesk.core.article.wire import is_title_case


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside paired quote marks.

    Curly marks say which way they face; a straight mark opens when it
    starts a word and closes when it ends one. A quote left open at the end
    of a paragraph goes on into the next one, whether that paragraph opens
    with a quote mark (the wire convention) or not, and is dropped if it has
    not closed by the end of that paragraph. Unpaired marks never raise.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    paragraphs_open = 0  # paragraph breaks crossed by the open quote
    for match in re.finditer(r"[\"“”\n]", text):
        at, mark = match.start(), match.group()
        if mark == "\n":
            if open_at is not None and text[at - 1 : at] != "\n":
                paragraphs_open += 1
                if paragraphs_open > 1:
                    open_at, paragraphs_open = None, 0
            continue
        facing = _facing(text, at)
        if facing == "open":
            if open_at is not None and at == paragraph_start(text, at):
                continue  # "…\n\n“…": the quote goes on into this paragraph
            open_at, paragraphs_open = at + 1, 0
        elif facing in ("close", "inches?") and open_at is not None:
            if at > open_at:
                spans.append((open_at, at))
            open_at, paragraphs_open = None, 0
    return spans


def by_paragraph(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote over several paragraphs as one quote per paragraph, marks left out."""
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        for match in re.finditer(r"[^\n]+", text[start:end]):
            piece_start, piece_end = start + match.start(), start + match.end()
            while piece_start < piece_end and text[piece_start] in '"“ ':
                piece_start += 1
            if piece_start < piece_end:
                pieces.append((piece_start, piece_end))
    return pieces


def _facing(text: str, at: int) -> str | None:
    """Whether the mark at ``at`` opens or closes a quote (or neither)."""
    mark = text[at]
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isdigit():
        return "inches?"  # 12" screen — unless a quote is open: '…posts 250 and 251",'.
    if before.isspace() or before in "([{—–-:/":
        return "open" if not after.isspace() else None
    return "close"


def paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


# A word or a work named, not speech, even with a speech verb near: 'the term "…"'.
NAMING_CUES = frozenset(
    {"titled", "entitled", "dubbed", "named", "nicknamed", "headlined", "labelled", "labeled",
     "termed", "so-called", "rated", "term", "word", "words", "phrase", "name", "label", "motto",
     "hashtag"}
)  # fmt: skip
# Before a title, unless the words in marks make a sentence: 'the film "…"'.
_TITLE_CUES = NAMING_CUES | frozenset(
    {"called", "film", "book", "song", "album", "novel", "show", "series", "slogan", "campaign",
     "programme", "program", "report", "article", "headline", "exhibition", "exhibit", "column",
     "essay", "poem", "play", "painting", "documentary", "episode", "website", "site", "section"}
)  # fmt: skip
_ABBREVIATION = re.compile(r"\b(?:vs|v|Mr|Mrs|Ms|Dr|St|Jr|No|[A-Z])\.")
# '"…" — CBC News, March 3, 2021': a dash and a capitalised name after the closing mark.
_DASH_NAME = re.compile(
    r"[ \t]*(?:—|–|--?)[ \t]*([A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|of|the|and|de|van|von))*)"
)
_CITATION_TAIL = re.compile(r",[^\n]*\b(?:1[6-9]\d\d|20\d\d)\b")


def _sentence_like(inner: str) -> bool:
    """Whether the words in marks end or break a sentence ("We won." / "Go. Now")."""
    return bool(re.search(r"[.!?;](?=\s|$)", _ABBREVIATION.sub("", inner.rstrip("\"”' "))))


def is_title(inner: str) -> bool:
    """ "One Hundred Years of Solitude": headline capitals and no sentence in it."""
    if _sentence_like(inner):
        return False
    words = [w for w in re.findall(r"[A-Za-z']+", inner) if len(w) > 3]
    return is_title_case(inner) or (len(words) >= 2 and all(w[0].isupper() for w in words))


def looks_like_a_title(text: str, start: int, inner: str) -> bool:
    """ "the film “Gone With the Wind Again”": a title in marks, not speech."""
    if _sentence_like(inner):
        return False
    words = [w for w in re.findall(r"[A-Za-z']+", inner) if len(w) > 3]
    title_case = bool(words) and all(w[0].isupper() for w in words)
    return title_case or word_before(text, start) in _TITLE_CUES


def word_before(text: str, start: int) -> str:
    """The word right before the opening mark of the quote that starts at ``start``."""
    before = text[max(0, start - 20) : max(0, start - 1)].lower().split()
    return before[-1].strip(",:") if before else ""


def dash_name(text: str, end: int) -> tuple[int, int] | None:
    """The name after a dash that follows the closing mark: '"We will be back." – Dana Reyes'."""
    match = _DASH_NAME.match(text, end + 1)
    return match.span(1) if match else None


def is_citation(text: str, end: int, inner: str) -> bool:
    """'"Flood waters rise in the valley" — Daily Post, May 2, 2019': a headline cited.

    A dash and a name after a quote that is no sentence, or a name followed by
    a date, cite a work; a sentence followed by a bare name is a quote of that
    person.
    """
    name = dash_name(text, end)
    if name is None:
        return False
    line_end = text.find("\n", name[1])
    tail = text[name[1] : line_end if line_end != -1 else len(text)]
    return not _sentence_like(inner) or bool(_CITATION_TAIL.match(tail))
