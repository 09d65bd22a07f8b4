"""The command line: the window, and headless extraction for scripts and batches.

    newsdesk [--db PATH] [--model NAME]             open the window
    newsdesk extract FILE|- [--format json|text]    print one fact sheet
    newsdesk extract --jsonl FILE|-                 one sheet per {"id", "text"} line
    newsdesk save FILE --story SLUG [--message M]   store a new version of a story
    newsdesk history SLUG | search QUERY | diff SLUG [A [B]] | backup [PATH]
    newsdesk export SLUG [--version N] --format pdf|html|md|csv|json -o FILE

Exit codes: 0 success, 1 unreadable or empty input, 2 no usable spaCy
pipeline (with what to install), 3 some lines of a JSONL batch failed, 4 the
database cannot be used (locked, damaged, read-only, full; see
:mod:`newsdesk.story_commands`).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from newsdesk import __version__
from newsdesk.core.reading import decode_bytes, read_article_file
from newsdesk.errors import InputError, ModelNotInstalledError, NewsdeskError
from newsdesk.story_commands import COMMANDS as STORY_COMMANDS
from newsdesk.story_commands import add_story_commands
from newsdesk.story_commands import run as run_story_command

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor

EXIT_OK, EXIT_INPUT, EXIT_MODEL, EXIT_PARTIAL = 0, 1, 2, 3

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Fact sheets from wire copy: people, organisations, places, dates and "
        "figures, corrected by hand, versioned and printed.",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="fact-sheet database (default: per user)")
    parser.add_argument(
        "--model", metavar="NAME", help="spaCy pipeline to use (default: best installed)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="print the fact sheet of an article",
        description="Analyse an article and print its fact sheet.",
    )
    extract.add_argument(
        "file", metavar="FILE", help="article file (.txt, .md, .html) or - for stdin"
    )
    extract.add_argument(
        "--format", choices=("json", "text"), default="json", help="output format (default json)"
    )
    extract.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id", "text"} lines and write one JSON sheet per line, carrying id',
    )
    extract.add_argument(
        "--published", metavar="YYYY-MM-DD", help="story date for resolving 'on Friday' etc."
    )
    extract.add_argument("--model", dest="sub_model", metavar="NAME", help=argparse.SUPPRESS)
    add_story_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The console shows warnings (or everything with -v); the window's log
    # file may lower the root level later, so the level sits on the handler.
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.INFO if args.verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("newsdesk: %(levelname)s: %(message)s"))
    logging.basicConfig(level=console.level, handlers=[console])
    if args.command == "extract":
        return _extract(args)
    if args.command in STORY_COMMANDS:
        return run_story_command(args)
    from newsdesk.app import run_gui  # Qt is imported only for the window

    return run_gui(db_path=args.db, model=args.model)


def _error(message: str) -> None:
    """One line on stderr: what went wrong, no traceback."""
    print(f"newsdesk: {' '.join(message.split())}", file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    from newsdesk.core.extract import Extractor

    try:
        raw = None if args.jsonl else _read_input(args.file)
    except InputError as error:
        _error(str(error))
        return EXIT_INPUT
    try:
        extractor = Extractor.load(args.sub_model or args.model)
    except ModelNotInstalledError as error:
        print(f"newsdesk: {error}", file=sys.stderr)
        return EXIT_MODEL
    if args.jsonl:
        return _extract_jsonl(extractor, args.file, sys.stdout)
    assert raw is not None
    try:
        sheet = extractor.extract(raw, published=args.published)
    except InputError as error:
        _error(str(error))
        return EXIT_INPUT
    if args.format == "text":
        from newsdesk.core.render import sheet_to_text

        summary = sheet_to_text(sheet)
        sys.stdout.write(summary if summary.endswith("\n") else summary + "\n")
    else:
        sys.stdout.write(sheet.to_json() + "\n")
    return EXIT_OK


def _read_input(name: str) -> str:
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read(), "standard input")
    return read_article_file(name)


def _jsonl_items(stream: TextIO, failures: list[str]) -> Iterator[tuple[str | None, str]]:
    """``(id, text)`` pairs from JSONL; bad lines are reported and skipped."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            failures.append(f'line {number}: not a {{"id", "text"}} object ({error})')
            continue
        item_id = item.get("id")
        yield (None if item_id is None else str(item_id)), text


def _extract_jsonl(extractor: Extractor, name: str, out: TextIO) -> int:
    failures: list[str] = []
    try:
        stream: TextIO = (
            sys.stdin if name == "-" else open(name, encoding="utf-8-sig")  # noqa: SIM115
        )
    except OSError as error:
        _error(f"“{name}” cannot be read: {error.strerror or error}.")
        return EXIT_INPUT
    written = 0
    try:
        for item_id, result in extractor.extract_many(_jsonl_items(stream, failures)):
            if isinstance(result, NewsdeskError):
                failures.append(f"story {item_id!r}: {result}")
                continue
            out.write(result.to_json(indent=None) + "\n")
            written += 1
    except UnicodeDecodeError:
        _error(f"“{name}” is not UTF-8 text.")
        return EXIT_INPUT
    finally:
        if stream is not sys.stdin:
            stream.close()
    for failure in failures:
        _error(failure)
    if failures:
        return EXIT_PARTIAL if written else EXIT_INPUT
    if not written:
        _error("no stories in the input.")
        return EXIT_INPUT
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
