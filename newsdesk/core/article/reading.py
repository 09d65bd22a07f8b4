"""Reading article files: text, Markdown or HTML, in whatever encoding.

Returns the raw article text (cleanup is :mod:`newsdesk.core.article.wire`'s job) or
raises :class:`InputError` with a message that says what is wrong with the
file: missing, unreadable, binary, or not decodable.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from newsdesk.errors import InputError

MAX_BYTES = 20_000_000  # far beyond any story; protects against opening a disk image
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "section",
     "article", "header", "figcaption", "pre", "dd", "dt"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "nav", "footer", "aside", "noscript", "form", "svg"})


def decode_bytes(data: bytes, name: str = "the file") -> str:
    """Decode file bytes, refusing binary data with a clear message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"{name} could not be read as UTF-16 text.") from error
    sample = data[:8192]
    if b"\x00" in sample or _looks_binary(sample):
        raise InputError(f"{name} is not a text file (it looks like binary data).")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} is not in a text encoding newsdesk can read (UTF-8 or Windows-1252).")


def _looks_binary(sample: bytes) -> bool:
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


def read_article_file(path: Path | str) -> str:
    """The article text of a .txt, .md or .html file."""
    path = Path(path)
    name = f"“{path.name}”"
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{name} is {size / 1e6:.0f} MB; newsdesk opens articles up to "
                f"{MAX_BYTES / 1e6:.0f} MB."
            )
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(f"{name} does not exist.") from error
    except IsADirectoryError as error:
        raise InputError(f"{name} is a folder, not a file.") from error
    except PermissionError as error:
        raise InputError(f"{name} cannot be read: permission denied.") from error
    except OSError as error:
        raise InputError(f"{name} cannot be read: {error.strerror or error}.") from error
    text = decode_bytes(data, name)
    if path.suffix.lower() in (".html", ".htm") or _is_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{name} is empty.")
    return text


def _is_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


class _TextExtractor(HTMLParser):
    """Collects the readable text of an HTML page, a line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Readable text of an HTML document: blocks become paragraphs."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", text).strip()
