"""The command line's story commands: save, history, search, diff and backup, headless.

    newsdesk save FILE --story SLUG [--message M]    analyse FILE, store it as a new version
    newsdesk history SLUG [--json]                   the versions of a story
    newsdesk search QUERY [--status S] [--since D]   stories whose text or facts match
    newsdesk diff SLUG [A [B]]                       what changed, fact by fact
    newsdesk backup [PATH]                           a consistent copy of the database
    newsdesk export SLUG --format F -o FILE          a version as pdf/html/md/csv/json

``save`` is for batch ingest of wire files: a file saved into an existing story
is a write-through, so the editor's checks carry over and changed figures are
flagged for re-checking. Exit codes add 4 (the database cannot be used) to the
command line's 0/1/2 and report an unknown story as 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from newsdesk.cli.common import (
    EXIT_INPUT,
    EXIT_MODEL,
    EXIT_OK,
    error,
    login_name,
    read_input,
    with_store,
)
from newsdesk.cli.export_command import add_export_command, run_export
from newsdesk.core.sheet.model import STATUSES, FactSheet
from newsdesk.errors import InputError, ModelNotInstalledError
from newsdesk.paths import default_paths

if TYPE_CHECKING:
    from newsdesk.storage import Store, VersionInfo
    from newsdesk.storage.history_shape import HistoryShape
COMMANDS = ("save", "history", "search", "diff", "backup", "export")


def add_story_commands(commands: Any) -> None:
    """Register the story commands on the parser's sub-command set."""
    save = commands.add_parser(
        "save",
        help="analyse an article and store it as a new version of a story",
        description="Analyse FILE and append its fact sheet to story SLUG. Saving into an "
        "existing story keeps the checks of unchanged facts and flags changed figures.",
    )
    save.add_argument("file", metavar="FILE", help="article file (.txt, .md, .html) or - for stdin")
    save.add_argument("--story", required=True, metavar="SLUG", help="the story's slug")
    save.add_argument("--message", "-m", default="", metavar="M", help="why this version")
    save.add_argument("--editor", metavar="NAME", help="who saves it (default: login name)")
    save.add_argument("--published", metavar="YYYY-MM-DD", help="story date for 'on Friday'")
    save.add_argument("--model", dest="sub_model", metavar="NAME", help=argparse.SUPPRESS)

    history = commands.add_parser("history", help="list the saved versions of a story")
    history.add_argument("story", metavar="SLUG")
    history.add_argument("--json", action="store_true", help="one JSON object per line")

    search = commands.add_parser(
        "search",
        help="find stories by words in their text or facts",
        description='Every word must match; "quoted words" match as a phrase.',
    )
    search.add_argument("query", metavar="QUERY", nargs="+", help="words to find (any text)")
    search.add_argument("--status", choices=STATUSES, help="newest version has such a fact")
    search.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="saved on or after")
    search.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="saved on or before")
    search.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    search.add_argument("--json", action="store_true", help="one JSON object per line")
    search.add_argument(
        "--desk", action="store_true", help="search the desk server (every editor's stories)"
    )

    diff = commands.add_parser("diff", help="compare two versions of a story fact by fact")
    diff.add_argument("story", metavar="SLUG")
    diff.add_argument("old", nargs="?", type=int, metavar="A", help="default: the one before B")
    diff.add_argument("new", nargs="?", type=int, metavar="B", help="default: the newest")
    diff.add_argument("--all", action="store_true", help="list unchanged facts too")

    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("target", nargs="?", metavar="PATH", help="default: beside the database")
    add_export_command(commands)


def run(args: argparse.Namespace) -> int:
    """Run one story command; the process exit code."""
    handler = {
        "save": _save,
        "history": _history,
        "search": _search,
        "diff": _diff,
        "backup": _backup,
        "export": run_export,
    }[args.command]
    return with_store(default_paths(args.db).db_path, lambda store: handler(store, args))


def _save(store: Store, args: argparse.Namespace) -> int:
    from newsdesk.core.extract import Extractor
    from newsdesk.storage.slugs import is_slug, slugify

    slug = args.story
    if not is_slug(slug):
        error(f"“{slug}” is not a story slug; try “{slugify(slug)}”.")
        return EXIT_INPUT
    try:
        raw = read_input(args.file)
    except InputError as problem:
        error(str(problem))
        return EXIT_INPUT
    previous: FactSheet | None = None
    versions = store.versions(slug)
    if versions:
        previous = store.load_version(slug)
    try:
        extractor = Extractor.load(args.sub_model or args.model, register=store.register.load())
    except ModelNotInstalledError as problem:
        error(str(problem))
        return EXIT_MODEL
    published = args.published or (previous.article.published if previous else None)
    try:
        sheet = extractor.extract(raw, published=published)
    except InputError as problem:
        error(str(problem))
        return EXIT_INPUT
    from newsdesk.core.checks import refresh_checks, settings_in
    from newsdesk.core.work.carry_over import carry_over, strip_wire_tags

    report = carry_over(previous, sheet)
    # The desk checks, with the verdicts the editor gave on the version before.
    settings = settings_in(default_paths(args.db).config_dir)
    sheet.checks = refresh_checks(sheet, previous.checks if previous else (), settings)
    outcome = store.save(
        slug,
        sheet,
        editor=login_name(args.editor),
        message=args.message,
        # The library lists the story by its newest headline, without "UPDATE 1-".
        headline=strip_wire_tags(sheet.article.headline) or None,
        parent=versions[-1].number if versions else None,
    )
    number = outcome.version.number
    if not outcome.created:
        print(f"{slug}: unchanged since version {number}; nothing saved")
        return EXIT_OK
    details = [f"{sheet.fact_count()} facts"]
    if report.summary():
        details.append(report.summary())
    still_open = len(sheet.open_checks())
    if still_open:
        details.append(f"{still_open} open {'check' if still_open == 1 else 'checks'}")
    print(f"{slug}: saved version {number} ({' · '.join(details)})")
    for fact in report.flagged:
        if fact.recheck is not None:
            print(f"  re-check: {fact.recheck.change(fact.recheck_words())}")
    return EXIT_OK


def _history(store: Store, args: argparse.Namespace) -> int:
    versions = store.versions(args.story)
    if not versions:
        raise LookupError(f"There is no saved story {args.story!r} in {store.path}.")
    from newsdesk.storage.history_shape import HistoryShape  # storage: only for its commands

    shape = HistoryShape.of(versions)
    for version in versions:
        if args.json:
            print(json.dumps(_version_json(version, shape), ensure_ascii=False))
        else:
            print(_version_line(version, shape))
    if shape.forked and not args.json:
        ends = ", ".join(f"v{n}" for n in shape.fork_ends)
        print(
            f"Forked: {ends} were saved apart from the same version. Compare them "
            f"(newsdesk diff {args.story} A B) and keep one as a new version in the window's "
            "History (Restore), which settles the fork; nothing is overwritten."
        )
    return EXIT_OK


def _search(store: Store, args: argparse.Namespace) -> int:
    if args.desk:
        from newsdesk.cli.desk_commands import desk_errors

        return desk_errors(lambda: _search_desk(args))
    until = None if args.until is None else datetime.combine(args.until, time.max).astimezone()
    query = " ".join(args.query)
    hits = store.search(
        query,
        status=args.status,
        since=None if args.since is None else datetime.combine(args.since, time()).astimezone(),
        until=until,
        limit=args.limit,
    )
    for hit in hits:
        story = hit.story
        if args.json:
            row = {
                "story": story.slug,
                "headline": story.headline,
                "version": hit.version,
                "latest": story.version_count,
                "saved": story.latest_at.isoformat(),
                "snippet": hit.snippet,
                "status": story.status_counts,
            }
            print(json.dumps(row, ensure_ascii=False))
            continue
        where = "" if hit.in_latest else f" (in version {hit.version})"
        print(f"{story.slug}  v{story.version_count}  {_when(story.latest_at)}  {story.headline}")
        print(f"    {hit.snippet}{where}")
    if not hits and not args.json:
        print(f"No stories match “{query}”.", file=sys.stderr)
    return EXIT_OK


def _search_desk(args: argparse.Namespace) -> int:
    from newsdesk.cli.desk_commands import server_of
    from newsdesk.sync import remote

    query = " ".join(args.query)
    hits = remote.search(server_of(args), query, limit=args.limit)
    for hit in hits:
        if args.json:
            row = {
                "story": hit.slug,
                "headline": hit.headline,
                "remote": True,
                "server": hit.server,
                "versions": hit.version_count,
                "editor": hit.editor,
                "saved": hit.latest_at.isoformat(),
                "snippet": hit.snippet,
                "status": hit.status_counts,
            }
            print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"[desk] {hit.slug}  {hit.version_count} versions  {_when(hit.latest_at)}  "
              f"{hit.editor or '—'}  {hit.headline}")  # fmt: skip
        print(f"    {hit.snippet}")
    if not args.json:
        where = hits[0].server if hits else "the desk server"
        print(f"{len(hits)} on the desk ({where}); sync to open them here.", file=sys.stderr)
    return EXIT_OK


def _diff(store: Store, args: argparse.Namespace) -> int:
    latest = store.version(args.story).number
    new = args.new if args.new is not None else latest
    old = args.old if args.old is not None else max(1, new - 1)
    from newsdesk.core.output.diff import diff_sheets, show_value

    diff = diff_sheets(store.load_version(args.story, old), store.load_version(args.story, new))
    print(f"{args.story}: version {old} → {new}: {diff.summary()}")
    signs = {"added": "+", "removed": "-", "changed": "~", "unchanged": " "}
    for change in diff.changes:
        if change.change == "unchanged" and not args.all:
            continue
        print(f"{signs[change.change]} {change.kind:<6} {change.title}")
        for field in change.fields:
            print(f"      {field.name}: {show_value(field.old)} → {show_value(field.new)}")
    return EXIT_OK


def _backup(store: Store, args: argparse.Namespace) -> int:
    print(store.back_up(args.target))
    return EXIT_OK


def _version_line(version: VersionInfo, shape: HistoryShape) -> str:
    counts = version.status_counts
    checked = counts["verified"] + counts["corrected"]
    flags = f"{checked}/{version.fact_count} checked"
    if counts["disputed"]:
        flags += f", {counts['disputed']} disputed"
    editor = version.editor or "—"
    line = f"{version.number:>4}  {_when(version.created_at)}  {editor:<12} {flags:<22}"
    marks = shape.marks(version)
    return f"{line} {'[' + '; '.join(marks) + '] ' if marks else ''}{version.message}".rstrip()


def _version_json(version: VersionInfo, shape: HistoryShape) -> dict[str, Any]:
    return {
        "id": version.uid,
        "parent_id": version.parent_uid,
        "settles": list(version.resolves),
        "fork": version.number in shape.fork_ends,
        "story": version.story,
        "version": version.number,
        "parent": version.parent,
        "saved": version.created_at.isoformat(),
        "editor": version.editor,
        "message": version.message,
        "facts": version.fact_count,
        "status": version.status_counts,
        "text_hash": version.text_hash,
    }


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2015-09-25") from problem
