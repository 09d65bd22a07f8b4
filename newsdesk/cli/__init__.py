"""The command line: the window, and headless work for scripts and batches.

    newsdesk [--db PATH] [--model NAME]             open the window
    newsdesk extract FILE|- [--format json|text]    print one fact sheet
    newsdesk extract --jsonl FILE|-                 one sheet per {"id", "text"} line
    newsdesk save FILE --story SLUG [--message M]   store a new version of a story
    newsdesk history SLUG | search QUERY | diff SLUG [A [B]] | backup [PATH]
    newsdesk export SLUG [--version N] --format pdf|html|md|csv|json -o FILE
    newsdesk register list|add|remove|off|on|import|export   the house register

What lives here: :mod:`~newsdesk.cli.common` (exit codes, errors, reading input),
one module per group of commands (``extract_command``, ``story_commands``,
``export_command``, ``register_command``). The command line sits at the top of the house: it may
import ``core``, ``storage`` and, for the window and PDF export only, ``app``
and ``gui``; nothing imports it. Exit codes: see :mod:`newsdesk.cli.common`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from newsdesk import __version__
from newsdesk.cli.common import EXIT_INPUT, EXIT_MODEL, EXIT_OK, EXIT_PARTIAL, EXIT_STORAGE
from newsdesk.cli.extract_command import add_extract_command, run_extract
from newsdesk.cli.register_command import add_register_command, run_register
from newsdesk.cli.story_commands import COMMANDS as STORY_COMMANDS
from newsdesk.cli.story_commands import add_story_commands
from newsdesk.cli.story_commands import run as run_story_command

__all__ = [
    "EXIT_INPUT",
    "EXIT_MODEL",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_STORAGE",
    "build_parser",
    "main",
]


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
    add_extract_command(commands)
    add_story_commands(commands)
    add_register_command(commands)
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
        return run_extract(args)
    if args.command in STORY_COMMANDS:
        return run_story_command(args)
    if args.command == "register":
        return run_register(args)
    from newsdesk.app import run_gui  # Qt is imported only for the window

    return run_gui(db_path=args.db, model=args.model)
