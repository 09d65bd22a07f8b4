"""The command line: the window, and headless work for scripts and batches.

    newsdesk [--db PATH] [--model NAME]             open the window
    newsdesk extract FILE|- [--format json|text]    print one fact sheet
    newsdesk extract --jsonl FILE|-                 one sheet per {"id", "text"} line
    newsdesk extract --explain FILE|-               why each figure reads as it does
    newsdesk rules                                  the figure pipeline: stages and rules
    newsdesk save FILE --story SLUG [--message M]   store a new version of a story
    newsdesk check FILE|--story SLUG [--all]        the desk checks; exit 5 while some are open
    newsdesk history SLUG | search QUERY | diff SLUG [A [B]] | backup [PATH]
    newsdesk export SLUG [--version N] --format pdf|html|md|csv|json -o FILE [--layout desk|full]
    newsdesk check FILE|--story SLUG                the desk checks; exit 5 while some are open
    newsdesk register list|add|remove|off|on|import|export   the house register
    newsdesk sync | server init|set|show | search QUERY --desk   the desk server

What lives here: :mod:`~newsdesk.cli.common` (exit codes, errors, reading input),
one module per group of commands (``extract_command``, ``check_command``,
``story_commands``, ``export_command``, ``register_command``, ``desk_commands``).
The command line sits at the top of the house: it may
import ``core``, ``storage`` and, for the window and PDF export only, ``app``
and ``gui``; nothing imports it. Exit codes: see :mod:`newsdesk.cli.common`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, NoReturn

from newsdesk import __version__, collector
from newsdesk.cli.check_command import add_check_command, run_check
from newsdesk.cli.common import (
    EXIT_DESK,
    EXIT_INPUT,
    EXIT_MODEL,
    EXIT_OK,
    EXIT_OPEN_CHECKS,
    EXIT_PARTIAL,
    EXIT_STORAGE,
)
from newsdesk.cli.desk_commands import COMMANDS as DESK_COMMANDS
from newsdesk.cli.desk_commands import add_desk_commands
from newsdesk.cli.desk_commands import run as run_desk_command
from newsdesk.cli.extract_command import (
    add_extract_command,
    add_rules_command,
    run_extract,
    run_rules,
)
from newsdesk.cli.register_command import add_register_command, run_register
from newsdesk.cli.story_commands import COMMANDS as STORY_COMMANDS
from newsdesk.cli.story_commands import add_story_commands
from newsdesk.cli.story_commands import run as run_story_command
from newsdesk.files import private_umask

if TYPE_CHECKING:
    from newsdesk.gui.analysis import SheetExtractor

__all__ = [
    "EXIT_DESK",
    "EXIT_INPUT",
    "EXIT_MODEL",
    "EXIT_OK",
    "EXIT_OPEN_CHECKS",
    "EXIT_PARTIAL",
    "EXIT_STORAGE",
    "build_parser",
    "main",
]


class _Parser(argparse.ArgumentParser):
    """argparse, but a command line it cannot read exits 1 (bad input), not 2: the
    README keeps 2 for "no usable spaCy pipeline"."""

    command_names: tuple[str, ...] = ()  # set once by build_parser

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n")


# search's options, by whether they take a value; anything else after "search" is the query.
_SEARCH_VALUES = frozenset({"--status", "--since", "--until", "--limit"})
_SEARCH_FLAGS = frozenset({"--json", "--desk", "-h", "--help"})
_GLOBAL_VALUES = frozenset({"--db", "--model", "--story"})


def search_query_last(argv: Sequence[str]) -> list[str]:
    """``argv`` with the words of a ``search`` query moved after ``--``, so any string
    is a query: ``search -strikes`` searches for "-strikes" instead of failing."""
    args = list(argv)
    at = 0
    while at < len(args) and args[at].startswith("-") and args[at] != "--":
        at += 2 if args[at] in _GLOBAL_VALUES else 1
    if at >= len(args) or args[at] != "search" or "--" in args[at:]:
        return args
    options: list[str] = []
    query: list[str] = []
    rest = iter(args[at + 1 :])
    for arg in rest:
        name = arg.split("=", 1)[0]
        if name in _SEARCH_VALUES:
            options.append(arg)
            if "=" not in arg:
                options.append(next(rest, ""))
        elif arg in _SEARCH_FLAGS:
            options.append(arg)
        else:
            query.append(arg)
    return [*args[: at + 1], *options, "--", *query]


def window_file_apart(argv: Sequence[str], commands: Sequence[str]) -> tuple[list[str], str | None]:
    """``argv`` without a file to open in the window (``newsdesk story.txt``), and that file.

    The first word that is neither an option nor a command is the file; the
    desktop entry launches ``newsdesk %f`` this way. A file named like a command
    is given with its folder (``./check``) or after ``--``; a bare word that is
    no file there is a mistyped command, not a file.
    """
    args = list(argv)
    at = 0
    while at < len(args) and args[at].startswith("-") and args[at] != "--":
        at += 1 if "=" in args[at] or args[at] not in _GLOBAL_VALUES else 2
    forced = at < len(args) and args[at] == "--"  # after "--" the word is a file
    if forced:
        del args[at]
    if at >= len(args) or (args[at] in commands and not forced):
        return args, None
    word = args[at]
    if not forced and not os.path.exists(word) and not any(c in word for c in "./\\"):
        return args, None  # "newsdesk lsit": a mistyped command, which the parser names
    return [*args[:at], *args[at + 1 :]], word


def build_parser() -> _Parser:
    parser = _Parser(
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
    parser.add_argument(
        "--story",
        metavar="SLUG",
        dest="window_story",
        help="open this saved story in the window (in the one already open on the database)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_extract_command(commands)
    add_check_command(commands)
    add_rules_command(commands)
    add_story_commands(commands)
    add_register_command(commands)
    add_desk_commands(commands)
    parser.command_names = tuple(commands.choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    given, window_file = window_file_apart(
        sys.argv[1:] if argv is None else argv, parser.command_names
    )
    args = parser.parse_args(search_query_last(given))
    args.window_file = window_file
    # The database, backups, log, settings and exports are the user's alone.
    umask = private_umask()
    try:
        return _run(args)
    finally:
        os.umask(umask)


def _run(args: argparse.Namespace) -> int:
    # The console shows warnings (or everything with -v); the window's log
    # file may lower the root level later, so the level sits on the handler.
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.INFO if args.verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("newsdesk: %(levelname)s: %(message)s"))
    logging.basicConfig(level=console.level, handlers=[console])
    if args.command == "extract":
        return run_extract(args)
    if args.command == "check":
        return run_check(args)
    if args.command == "rules":
        return run_rules(args)
    if args.command in STORY_COMMANDS:
        return run_story_command(args)
    if args.command == "register":
        return run_register(args)
    if args.command in DESK_COMMANDS:
        return run_desk_command(args)
    preloaded = _preload(args.model)  # the model loads while Qt and the window are built
    from newsdesk.app import run_gui  # Qt is imported only for the window

    return run_gui(
        db_path=args.db,
        model=args.model,
        open_path=args.window_file,
        story=args.window_story,
        preloaded=preloaded,
    )


def _preload(model: str | None) -> Future[SheetExtractor]:
    """Begin loading the pipeline on a thread of its own, before Qt exists (so before
    the window's task runner does); the window's NLP thread takes it over.

    The cycle collector rests until the pipeline is loaded (see
    :mod:`newsdesk.collector`): the start makes long-lived objects, not garbage.
    """
    future: Future[SheetExtractor] = Future()
    collector.pause()

    def load() -> None:
        try:
            from newsdesk.core.extract import Extractor

            extractor = Extractor.load_for_window(model)
        except BaseException as problem:  # handed to the window, which reports it
            collector.settle()
            future.set_exception(problem)
        else:
            collector.settle()
            future.set_result(extractor)

    threading.Thread(target=load, name="newsdesk-model-load", daemon=True).start()
    return future
