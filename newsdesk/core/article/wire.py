"""Wire-copy cleanup: normalise pasted text and split it into its parts.

:func:`clean_text` turns whatever was pasted or opened into the article text
newsdesk works on (line ends, whitespace, web residue). :func:`read_parts`
reads the headline and dateline (place, date, agency) from cleaned text once,
without changing it, so offsets computed on the text stay valid;
:func:`split_article` makes the article record from them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from newsdesk.core.sheet.model import Article

# Zero-width characters that only get in the way (byte-order mark, zero-width
# space), and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
# U+2066–U+2069): an override makes "25" read "52" on screen and can hide words.
# Direction marks (U+200E/U+200F) are kept: right-to-left text needs them.
_INVISIBLE = dict.fromkeys(
    map(ord, "\ufeff\u200b\u2060\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
    None,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Lines that web pages scatter through an article; matched case-insensitively
# against the whole (stripped) line.
_RESIDUE = re.compile(
    r"""^(?:
        share(?:\ (?:this|on|via)\b.*)? | share\ (?:article|story) | tweet | email | e-mail |
        print | facebook | twitter | x | whatsapp | linkedin | reddit | telegram | messenger |
        copy\ link | link\ copied | save | saved | comments? | \d+\ comments? |
        (?:click\ (?:here\ )?to\ )?follow(?:\ (?:topics?|us|on\ .*))? |
        follow\ topics?\ .* | .*\bfollow\ (?:the\ )?topics?\b.* |
        add\ topic | manage\ topics? | advertisement | ad | sponsored | skip\ advert(?:isement)? |
        read\ more | read\ next | related(?:\ (?:stories|articles|topics|coverage))?:? |
        sign\ up\ .*newsletter.* | subscribe(?:\ now)? | listen\ to\ (?:this\ )?article.* |
        \d+\ min(?:ute)?s?\ read | (?:image|photo)\ (?:caption|copyright)\b.* | getty\ images |
        back\ to\ top | reuse\ this\ content | (?:open|close)\ (?:menu|navigation)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Lines that are about the page, not the story: photo captions and credits, "follow
# live" pointers. They stay in the text (nothing pasted is lost, the editor sees them
# greyed) but are no story: extraction never reads them. Matched case-insensitively
# against the whole (stripped) line; a line longer than a caption is never one.
_FURNITURE = re.compile(
    r"""^(?:
        (?:in\ )?(?:this|a)\ (?:file\ |undated\ |handout\ |still\ )?
            (?:photo|picture|image|photograph|video\ grab|screen\ ?grab)
            (?:\ \w+)?\ (?:taken|released|provided|made|shows|showing|obtained|distributed)\b.* |
        (?:file\ )?(?:photo|picture|image|pictured|video)(?:\ credit)?\ ?[:|/–—-]\ .* |
        (?:photo\ |image\ )?credits?\ ?[:|]\ ?.* |
        .*\((?:[A-Z]+\ )?(?:photo|picture)s?\ ?(?:by\ |[:/]\ ?).*\)\.?\s* |
        (?:.*\s)?(?:reuters|ap|afp|getty\ images|epa|anadolu)\ ?/\ ?[^\W\d][\w .'-]*
            (?:/\ ?[\w .'-]+)? |
        .*\b(?:via\ getty\ images|/\ ?getty\ images|ap\ photo/.*) |
        \W*(?:follow|watch|get|read)\ (?:our\ |the\ )?(?:live|latest)\b.*[^.!?"”] |
        \W*live\ (?:updates?|blog)\b[^.!?]{0,60} |
        \W*(?:click|tap)\ here\b.* |
        (?:slideshow|photo\ gallery|gallery|graphic|factbox|interactive)
            (?:\s*[(:]\s*\d+\s+(?:images?|photos?|pictures?|slides?)\s*\)?)? |
        .*,\ opens\ new\ tab | sign\ up\ here\.?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# The agency's credit line: "(Reporting by Tom Perry; Additional reporting by Maha El
# Dahan in Beirut; Editing by Alison Williams)". Only names, places and the credit words:
# "Reporting by the agency showed …" is a sentence.
_CREDIT_WORDS = (
    r"(?:[Aa]dditional\ )?"
    r"(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Tt]ranslated|[Rr]esearch|[Gg]raphics)"
    r"\ by"
)
_BYLINE = re.compile(
    rf"""\(?{_CREDIT_WORDS}\ [A-Z][\w.'’-]*
        (?:(?:,\ |;\ |\ and\ |\ in\ |\ &\ |\ |;?\ {_CREDIT_WORDS}\ )[A-Z][\w.'’-]*)*
        ;?\)?\.?""",
    re.VERBOSE,
)
# A caption ends with its credit: "… at the booth. Image: Nick Moreau." The credit's
# words are names (capitalised), an agency or a handle, and end the line.
_CREDIT_TAIL = re.compile(
    r"""(?:^|[.!?"”)]\s|\s)(?:Image|Photo|Picture|Photograph|Credit|Photo\ credit)s?
        \ ?:\ ?[A-Z@][\w@.'’&-]*(?:\ ?(?:/|&|\ )\ ?[A-Z@][\w@.'’&-]*){0,7}\.?$""",
    re.VERBOSE,
)
_CAPTION_CHARS = 240

# "BEIRUT, Sept 25 (Reuters) -", "KYIV (AP) —", "LAGOS, March 3 (Newsdesk Wire) -"
# The place ends on a letter, dot or apostrophe so Dateline.start/end never
# take in the space before the dash ("I - for one -" is not a dateline).
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'’\- ]{0,39}?[A-Z.'’](?:,\ [A-Z][A-Za-z.]+(?:\ [A-Z][A-Za-z.]+)?)?)
        (?:,\ (?P<date>[A-Z][a-z]{2,8}\.?\ \d{1,2}))?
        \s*(?:\((?P<source>[^)\n]{1,40})\))?
        \s*[-–—]+\s""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    """The dateline at the head of the body: place, date text and agency."""

    start: int
    end: int
    place: str
    date_text: str | None
    source: str | None


@dataclass(frozen=True)
class ArticleParts:
    """Cleaned copy with its parts read once: the headline and the dateline.

    Splitting and extraction both read the parts from here. Offsets point into
    ``text``, which reading never changes.
    """

    text: str
    headline: str  # the first line
    dateline: Dateline | None

    def article(self, published: str | None = None) -> Article:
        """The article record of these parts; ``published`` (ISO date) as given."""
        dateline = self.dateline
        return Article(
            text=self.text,
            headline=self.headline,
            source=dateline.source if dateline else None,
            dateline=dateline.place if dateline else None,
            published=published,
        )


def clean_text(raw: str) -> str:
    """Normalise pasted or opened copy into newsdesk's article text.

    Line ends become ``\\n``, runs of spaces collapse, trailing spaces go,
    control characters and web residue lines (share buttons, "follow topics",
    short lines repeated through the page) are dropped, and paragraphs are
    separated by exactly one blank line. Idempotent: cleaning clean text
    returns it unchanged.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    # Normalise last: removing a zero-width or control character can bring a
    # letter and its combining accent together, and cleaning must be idempotent.
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    repeated = _repeated_short_lines(lines)
    kept: list[str] = []
    for line in lines:
        if line and (_is_residue(line) or line in repeated):
            continue
        if not line and (not kept or not kept[-1]):
            continue  # collapse blank runs and drop leading blanks
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _is_residue(line: str) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    # The open-ended patterns ("follow the topic…", "share this…") also match
    # real sentences; six or more words ending like a sentence are copy.
    if len(line.split()) >= 6 and line.endswith((".", "!", "?", '"', "”")):
        return False
    return bool(_RESIDUE.match(line))


def _repeated_short_lines(lines: list[str]) -> set[str]:
    """Short lines that occur several times: navigation and button residue.

    Real sentences almost never repeat verbatim in one story, while "Share" or
    "Most read" blocks do. Lines ending in sentence punctuation are kept.
    """
    counts = Counter(line for line in lines if 0 < len(line) <= 40)
    return {
        line
        for line, count in counts.items()
        if count >= 3 or (count >= 2 and not line.endswith((".", "!", "?", '"', "”", ":")))
    }


def is_furniture(line: str) -> bool:
    """Whether a whole line is a caption, a credit or a pointer to elsewhere, not the story."""
    stripped = line.strip()
    if not 0 < len(stripped) <= _CAPTION_CHARS:
        return False
    return bool(_FURNITURE.match(stripped) or _BYLINE.fullmatch(stripped))


def credit_tail(line: str) -> int | None:
    """Where the credit closing a caption line starts ("… booth. Image: Nick Moreau."),
    if the line ends with one."""
    if len(line.strip()) > _CAPTION_CHARS:
        return None
    found = _CREDIT_TAIL.search(line)
    if found is None:
        return None
    return found.start() + len(found.group()) - len(found.group().lstrip('.!?"”) '))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every furniture line of ``text`` (see :func:`is_furniture`),
    and of the credit that closes a caption line (:func:`credit_tail`)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        if is_furniture(line):
            spans.append((start, start + len(line)))
        else:
            tail = credit_tail(line)
            if tail is not None:
                spans.append((start + tail, start + len(line)))
        start += len(line) + 1
    return spans


def mask_furniture(text: str) -> str:
    """``text`` with its furniture lines blanked (spaces of the same length): what a
    tagger reads, so no fact is found there and every offset still points into ``text``."""
    spans = furniture_spans(text)
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        pieces += [text[at:start], " " * (end - start)]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def find_dateline(text: str, search_from: int = 0) -> Dateline | None:
    """The dateline at the start of the first body paragraph, if there is one."""
    for match in re.finditer(r"(?m)^", text[search_from:]):
        start = search_from + match.start()
        found = _DATELINE.match(text, start)
        if found:
            place = found.group("place").strip()
            source = found.group("source")
            return Dateline(
                start=start + found.start("place") - found.start(),
                end=start + found.end("place") - found.start(),
                place=place,
                date_text=found.group("date"),
                source=source.strip() if source else None,
            )
        # Only look at the first few paragraphs: datelines open the body.
        if text.count("\n", search_from, start) > 6:
            break
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def is_title_case(line: str) -> bool:
    """Whether a line is written in headline title case ("Army Carries Out Strikes")."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised / len(words) >= 0.6


def sentence_case_headline(text: str) -> str:
    """``text`` with a title-case headline recased the way the body writes its words.

    "Army Carries Out Air Strikes Near Palmyra" becomes "Army carries out air
    strikes near Palmyra" when the body writes "palmyra" only capitalised and
    the other words in lower case, so a tagger does not read the headline as one
    long name. Only letters change case, so every offset stays valid.
    """
    end = text.find("\n")
    headline = text if end == -1 else text[:end]
    if end == -1 or not is_title_case(headline):
        return text
    body = text[end:]
    named = {m.group(1) for m in re.finditer(r"[a-z0-9,;:)] ([A-Z][A-Za-z'’]*)", body)}

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        if word.isupper() or word in named:
            return word
        if match.start() == 0 and not re.search(rf"\b{re.escape(word.lower())}\b", body):
            return word  # a first word the body never writes in lower case
        if any(ch.isupper() for ch in word[1:]):
            return word  # "McDonald", "iPhone"
        return word.lower()

    return _WORD.sub(recase, headline) + body


def read_parts(text: str) -> ArticleParts:
    """Read the headline (the first line) and the dateline from already cleaned ``text``."""
    headline = text.split("\n", 1)[0].strip() if text else ""
    dateline = find_dateline(text, search_from=len(headline) + 1 if headline else 0)
    return ArticleParts(text=text, headline=headline, dateline=dateline)


def split_article(text: str, *, published: str | None = None) -> Article:
    """Read headline, dateline and source from already cleaned ``text``.

    The headline is the first line. ``published`` (ISO date) is kept as given;
    the extractor fills it from the copy when it can.
    """
    return read_parts(text).article(published)
