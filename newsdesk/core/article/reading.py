"""Reading article files: text, Markdown or HTML, in whatever encoding.

Returns the raw article text (cleanup is :mod:`newsdesk.core.article.wire`'s job) or
raises :class:`InputError` with a message that says what is wrong with the
file: missing, unreadable, binary, not decodable, larger than 20 MB, or not a
file at all (a device or a pipe). Reads are bounded and streamed: nothing reads
more than the limit, whatever the file system says of the file's size.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from newsdesk.core.sheet.model import FactSheet
from newsdesk.errors import InputError, SheetError

MAX_BYTES = 20_000_000  # far beyond any story; protects against opening a disk image
_PIECE = 1 << 20  # read a megabyte at a time
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
    text = decode_bytes(read_file_bytes(path, name), name)
    if path.suffix.lower() in (".html", ".htm") or _is_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{name} is empty.")
    return text


def read_sheet_file(path: Path | str) -> FactSheet:
    """The fact sheet in a JSON file (File › Import JSON), read bounded and checked
    against the schema; :class:`InputError` saying what is wrong if it is not one."""
    path = Path(path)
    name = f"“{path.name}”"
    data = read_file_bytes(path, name)
    try:
        # pydantic is imported only to read a sheet, not on every article's way in.
        from newsdesk.core.sheet.schema import parse_sheet

        return parse_sheet(data.removeprefix(b"\xef\xbb\xbf"))
    except SheetError as error:
        raise InputError(f"{name} is not a newsdesk fact sheet: {error}.") from None


def read_file_bytes(path: Path, name: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, read a piece at a time up to ``limit``.

    The size the file system reports is not trusted (``/proc`` files say 0, a
    file may grow while it is read): reading stops one byte past the limit.
    A device, pipe or socket is refused at once, before anything is read (the
    file is opened without waiting, so a pipe nobody writes to cannot hang).
    """
    limit = MAX_BYTES if limit is None else limit
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as error:
        raise InputError(f"{name} does not exist.") from error
    except IsADirectoryError as error:
        raise InputError(f"{name} is a folder, not a file.") from error
    except OSError as error:
        raise _unreadable(name, error) from error
    try:
        kind = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(kind):
            raise InputError(f"{name} is a folder, not a file.")
        if not stat.S_ISREG(kind):
            raise InputError(
                f"{name} is not a file but a device, pipe or socket; newsdesk opens article "
                "files (or reads standard input with -)."
            )
        return _read_limited(lambda size: os.read(descriptor, size), name, limit)
    except OSError as error:
        raise _unreadable(name, error) from error
    finally:
        os.close(descriptor)


def _unreadable(name: str, error: OSError) -> InputError:
    if isinstance(error, PermissionError):
        return InputError(f"{name} cannot be read: permission denied.")
    return InputError(f"{name} cannot be read: {error.strerror or error}.")


def read_stream(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """Everything ``stream`` holds, read a piece at a time; refused past ``limit`` bytes
    (20 MB) without reading on."""
    return _read_limited(stream.read, name, MAX_BYTES if limit is None else limit)


def _read_limited(read: Callable[[int], bytes], name: str, limit: int) -> bytes:
    pieces: list[bytes] = []
    size = 0
    while size <= limit:
        piece = read(min(_PIECE, limit + 1 - size))
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        size += len(piece)
    raise InputError(
        f"{name} is larger than {_megabytes(limit)}; newsdesk opens articles up to "
        f"{_megabytes(limit)}."
    )


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 1_000_000 else f"{size:,} bytes"


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
