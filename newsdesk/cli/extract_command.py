"""``newsdesk extract``: the fact sheet of one article, or of a JSONL batch.

    newsdesk extract FILE|- [--format json|text] [--published YYYY-MM-DD]
    newsdesk extract --jsonl FILE|- [--jobs N]   one sheet per {"id", "text"} line, carrying id
    newsdesk extract --explain FILE|-    each figure with the rules that made it, and the
                                         numbers read as no figure with the rule that said so
    newsdesk rules                       the figure pipeline's stages and rules

Every sheet carries its desk checks (``checks``, all open: nobody has answered
them yet). Reads stories with the house register in force when the database
exists (``--no-register`` to leave it out); a batch on a machine without a
database never makes one.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from newsdesk import collector
from newsdesk.cli.batch import Item, run_batch
from newsdesk.cli.common import (
    EXIT_INPUT,
    EXIT_MODEL,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_STORAGE,
    error,
    read_input,
)
from newsdesk.cli.register_command import load_register
from newsdesk.core.article.reading import MAX_BYTES
from newsdesk.core.checks import CheckSettings, run_checks, settings_in
from newsdesk.errors import InputError, ModelNotInstalledError, StorageError
from newsdesk.paths import default_paths

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor


def add_extract_command(commands: Any) -> None:
    """Register ``extract`` on the parser's sub-command set."""
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
        "--explain",
        action="store_true",
        help="print why each figure reads as it does (the rules that made it), and the "
        "numbers read as no figure with the rule that said so",
    )
    extract.add_argument(
        "--published", metavar="YYYY-MM-DD", help="story date for resolving 'on Friday' etc."
    )
    extract.add_argument(
        "--no-register", action="store_true", help="read the story without the house register"
    )
    extract.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="with --jsonl: processes to analyse in (default: every core for a large batch)",
    )
    extract.add_argument("--model", dest="sub_model", metavar="NAME", help=argparse.SUPPRESS)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (1 or more)")
    return jobs


def run_extract(args: argparse.Namespace) -> int:
    """Analyse and print; the process exit code."""
    try:
        raw = None if args.jsonl else read_input(args.file)
    except InputError as problem:
        error(str(problem))
        return EXIT_INPUT
    try:
        register = None if args.no_register else load_register(args.db)
    except StorageError as problem:
        error(str(problem))
        return EXIT_STORAGE
    # spaCy's import and the pipeline's load make long-lived objects, not garbage: the
    # collector rests meanwhile, and they are frozen before any batch worker is forked
    # (which then shares them). See newsdesk.collector.
    collector.pause()
    try:
        from newsdesk.core.extract import Extractor

        extractor = Extractor.load(args.sub_model or args.model, register=register)
    except ModelNotInstalledError as problem:
        print(f"newsdesk: {problem}", file=sys.stderr)
        return EXIT_MODEL
    finally:
        collector.settle()
    settings = settings_in(default_paths(args.db).config_dir)
    if args.jsonl:
        model = args.sub_model or args.model
        return _extract_jsonl(extractor, args.file, sys.stdout, settings, args.jobs, model)
    assert raw is not None
    try:
        sheet, dropped = extractor.explain(raw, published=args.published)
    except InputError as problem:
        error(str(problem))
        return EXIT_INPUT
    sheet.checks = run_checks(sheet, settings)
    if args.explain:
        from newsdesk.core.output.explain import explain_text

        sys.stdout.write(explain_text(sheet, dropped))
    elif args.format == "text":
        from newsdesk.core.output.render import sheet_to_text

        summary = sheet_to_text(sheet)
        sys.stdout.write(summary if summary.endswith("\n") else summary + "\n")
    else:
        sys.stdout.write(sheet.to_json() + "\n")
    return EXIT_OK


def _jsonl_items(stream: TextIO, failures: list[tuple[int, str]]) -> Iterator[Item]:
    """The stories of a JSONL stream; bad lines are reported (by line) and skipped.

    Lines are read up to :data:`MAX_BYTES` characters each: a longer one (or a
    stream with no line ends at all) is reported and ends the batch, never held whole.
    """
    number = 0
    while line := stream.readline(MAX_BYTES + 1):
        number += 1
        if len(line) > MAX_BYTES and not line.endswith("\n"):
            # Its end may never come (a device, a runaway producer): the batch stops here.
            failures.append(
                (
                    number,
                    f"line {number}: longer than {MAX_BYTES // 1_000_000} MB; "
                    "the rest of the input was not read",
                )
            )
            return
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (json.JSONDecodeError, KeyError, TypeError) as problem:
            failures.append((number, f'line {number}: not a {{"id", "text"}} object ({problem})'))
            continue
        item_id = item.get("id")
        yield Item(number, None if item_id is None else str(item_id), text)


def _extract_jsonl(
    extractor: Extractor,
    name: str,
    out: TextIO,
    settings: CheckSettings,
    jobs: int | None = 1,
    model: str | None = None,
) -> int:
    failures: list[tuple[int, str]] = []
    try:
        if name != "-" and not stat.S_ISREG(os.stat(name).st_mode):
            error(f"“{name}” is not a file but a folder, device or pipe; name a JSONL file or -.")
            return EXIT_INPUT
        stream: TextIO = (
            sys.stdin if name == "-" else open(name, encoding="utf-8-sig")  # noqa: SIM115
        )
    except OSError as problem:
        error(f"“{name}” cannot be read: {problem.strerror or problem}.")
        return EXIT_INPUT
    written = 0
    try:
        items = _jsonl_items(stream, failures)
        for line, sheet, trouble in run_batch(extractor, items, settings, jobs=jobs, model=model):
            if sheet is None:
                failures.append((line, trouble or "not analysed"))
                continue
            out.write(sheet + "\n")
            written += 1
    except UnicodeDecodeError:
        error(f"“{name}” is not UTF-8 text.")
        return EXIT_INPUT
    finally:
        if stream is not sys.stdin:
            stream.close()
    # In input order, however many processes read the batch.
    for _, failure in sorted(failures, key=lambda f: f[0]):
        error(failure)
    if failures:
        return EXIT_PARTIAL if written else EXIT_INPUT
    if not written:
        error("no stories in the input.")
        return EXIT_INPUT
    return EXIT_OK


def add_rules_command(commands: Any) -> None:
    """Register ``rules``: the figure pipeline read from outside."""
    commands.add_parser(
        "rules",
        help="list the figure pipeline's stages and rules",
        description="List the stages of the figure pipeline in the order they run, with "
        "each rule's id and what it decides (newsdesk extract --explain names them).",
    )


def run_rules(args: argparse.Namespace) -> int:
    """Print the rule catalogue; the process exit code."""
    from newsdesk.core.output.explain import rules_text

    sys.stdout.write(rules_text())
    return EXIT_OK
