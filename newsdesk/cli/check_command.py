"""``newsdesk check``: the desk checks of an article file or a saved story, and their verdicts.

    newsdesk check FILE|- [--published YYYY-MM-DD] [--format text|json]
    newsdesk check --story SLUG [--version N] [--all] [--format text|json]

Prints the open checks, most serious first, one to a line with the words
involved; ``--all`` adds the ones the desk resolved or dismissed, with the
note. Exit 0 when none is open, 5 when some are (see :mod:`newsdesk.cli.common`),
so a script can hold a story back until the desk has answered every check.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from newsdesk.cli.common import (
    EXIT_INPUT,
    EXIT_MODEL,
    EXIT_OK,
    EXIT_OPEN_CHECKS,
    error,
    read_input,
    with_store,
)
from newsdesk.core.sheet.model import Check, FactSheet
from newsdesk.errors import InputError, ModelNotInstalledError
from newsdesk.paths import default_paths

if TYPE_CHECKING:
    from newsdesk.core.checks import CheckSettings
    from newsdesk.storage import Store

_ORDER = {"high": 0, "medium": 1, "low": 2}


def add_check_command(commands: Any) -> None:
    """Register ``check`` on the parser's sub-command set."""
    check = commands.add_parser(
        "check",
        help="run the desk checks on an article or a saved story (exit 5: checks open)",
        description="Hold the story against itself: headline against body, parts and "
        "totals, two values for one figure, figures and quotes without a source, relative "
        "dates without a story date, named minors and suspects, words to weigh, figures "
        "changed since the version the desk checked. Exit 0 when no check is open, 5 when "
        "some are.",
    )
    check.add_argument("file", nargs="?", metavar="FILE", help="article file, or - for stdin")
    check.add_argument("--story", metavar="SLUG", help="check a saved story instead of a file")
    check.add_argument("--version", dest="number", type=int, metavar="N", help="default: newest")
    check.add_argument(
        "--published", metavar="YYYY-MM-DD", help="story date for resolving 'on Friday' etc."
    )
    check.add_argument("--all", action="store_true", help="list resolved and dismissed ones too")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default text)"
    )
    check.add_argument("--model", dest="sub_model", metavar="NAME", help=argparse.SUPPRESS)


def run_check(args: argparse.Namespace) -> int:
    """Check and print; the process exit code."""
    from newsdesk.core.checks import settings_in as check_settings_in

    if (args.file is None) == (args.story is None):
        error("Give an article FILE or --story SLUG (one of them).")
        return EXIT_INPUT
    settings = check_settings_in(default_paths(args.db).config_dir)
    if args.story is not None:
        return _check_story(args, settings)
    return _check_file(args, settings)


def _check_file(args: argparse.Namespace, settings: CheckSettings) -> int:
    from newsdesk.core.checks import refresh_checks
    from newsdesk.core.extract import Extractor

    try:
        raw = read_input(args.file)
    except InputError as problem:
        error(str(problem))
        return EXIT_INPUT
    try:
        extractor = Extractor.load(args.sub_model or args.model)
    except ModelNotInstalledError as problem:
        error(str(problem))
        return EXIT_MODEL
    try:
        sheet = extractor.extract(raw, published=args.published)
    except InputError as problem:
        error(str(problem))
        return EXIT_INPUT
    sheet.checks = refresh_checks(sheet, (), settings)
    return _report(sheet, args, title=args.file if args.file != "-" else "standard input")


def _check_story(args: argparse.Namespace, settings: CheckSettings) -> int:
    from newsdesk.core.checks import refresh_checks

    def check(store: Store) -> int:
        info = store.version(args.story, args.number)
        sheet = store.load_version(args.story, info.number)
        # Run again with the verdicts saved: a version saved before checks existed has none.
        sheet.checks = refresh_checks(sheet, None, settings)
        return _report(sheet, args, title=f"{args.story}, version {info.number}")

    return with_store(default_paths(args.db).db_path, check)


def _report(sheet: FactSheet, args: argparse.Namespace, *, title: str) -> int:
    checks = sorted(sheet.checks, key=lambda c: (_ORDER[c.severity], c.first_offset()))
    shown = checks if args.all else [c for c in checks if c.is_open]
    open_count = sum(1 for c in checks if c.is_open)
    if args.format == "json":
        for check in shown:
            sys.stdout.write(json.dumps(check.to_dict(), ensure_ascii=False) + "\n")
    else:
        answered = len(checks) - open_count
        summary = f"{title}: {open_count} open {'check' if open_count == 1 else 'checks'}"
        if answered:
            summary += f", {answered} resolved or dismissed"
        print(summary)
        for check in shown:
            print(check_line(check, sheet.article.text))
    return EXIT_OPEN_CHECKS if open_count else EXIT_OK


def check_line(check: Check, text: str) -> str:
    """ "  High   Headline against the body (headline): Headline says “25” …" """
    from newsdesk.core.checks import CHECK_KINDS, SEVERITY_WORDS, where_in

    kind = CHECK_KINDS.get(check.kind)
    title = kind.title if kind is not None else check.kind
    where = f" ({where_in(text, check.spans[0].start)})" if check.spans else ""
    line = f"  {SEVERITY_WORDS[check.severity]:<7}{title}{where}: {check.message}"
    if not check.is_open:
        verdict = f"{check.status} by {check.checked_by}" if check.checked_by else check.status
        line += f" [{verdict}{': ' + check.note if check.note else ''}]"
    return line
