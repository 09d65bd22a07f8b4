"""``newsdesk register``: the house register from the command line.

    newsdesk register list [--all] [--search WORDS] [--json]
    newsdesk register add WORDS (--label L | --alias-of NAME | --not-name) [--note N]
    newsdesk register remove ID | off ID | on ID
    newsdesk register import FILE.csv
    newsdesk register export [FILE.csv]          (default: standard output)

Every change is a new version of the entry in the database, with who made it
(``--editor``, default the login name); ``remove`` keeps the entry's history.
``newsdesk extract`` and ``newsdesk save`` read stories with the entries in force.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.cli.common import EXIT_INPUT, EXIT_OK, EXIT_STORAGE, error, login_name
from newsdesk.core.sheet.labels import ENTITY_LABELS
from newsdesk.core.sheet.register import (
    RegisterEntry,
    RegisterError,
    entries_from_csv,
    entries_to_csv,
    short_day,
)
from newsdesk.errors import StorageError
from newsdesk.paths import default_paths

if TYPE_CHECKING:
    from newsdesk.core.sheet.register import HouseRegister
    from newsdesk.storage.register import RegisterTable

# What an editor may type for a label.
_LABEL_WORDS = {
    "person": "PERSON", "people": "PERSON", "organisation": "ORG", "organization": "ORG",
    "org": "ORG", "company": "ORG", "place": "GPE", "location": "LOC", "group": "NORP",
}  # fmt: skip


def add_register_command(commands: Any) -> None:
    """Register ``register`` and its sub-commands on the parser's sub-command set."""
    register = commands.add_parser(
        "register",
        help="list and change the house register (names the desk knows)",
        description="The house register: names, their labels and other names, and words "
        "that are no name, applied to every story newsdesk reads.",
    )
    actions = register.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the entries")
    listing.add_argument("--all", action="store_true", help="switched-off entries too")
    listing.add_argument("--search", metavar="WORDS", help="only entries mentioning these words")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    add = actions.add_parser("add", help="add an entry (or change the one about the same words)")
    add.add_argument("words", metavar="WORDS", help="the words of the name, as written")
    rule = add.add_mutually_exclusive_group(required=True)
    rule.add_argument("--label", metavar="L", help="a name of this kind: person, organisation…")
    rule.add_argument("--alias-of", metavar="NAME", help="another name for NAME")
    rule.add_argument("--not-name", action="store_true", help="these words are no name")
    add.add_argument("--note", default="", help="why (shown with the entry)")
    add.add_argument("--editor", metavar="NAME", help="who adds it (default: login name)")
    for name, text in (
        ("remove", "delete an entry (its history stays)"),
        ("off", "switch an entry off"),
        ("on", "switch an entry on again"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("id", type=int, metavar="ID")
        action.add_argument("--editor", metavar="NAME", help="who (default: login name)")
    importing = actions.add_parser("import", help="add the entries of a CSV file")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--editor", metavar="NAME", help="who (default: login name)")
    exporting = actions.add_parser("export", help="write every entry as CSV")
    exporting.add_argument("file", nargs="?", default="-", metavar="FILE")


def run_register(args: argparse.Namespace) -> int:
    """Run one register action; the process exit code."""
    from newsdesk.storage import Store

    try:
        with Store(default_paths(args.db).db_path) as store:
            return _ACTIONS[args.register_command](store.register, args)
    except StorageError as problem:
        error(str(problem))
        return EXIT_STORAGE
    except (RegisterError, LookupError) as problem:
        error(str(problem.args[0]) if problem.args else str(problem))
        return EXIT_INPUT


def load_register(db: str | None) -> HouseRegister | None:
    """The register in force in the database, if the database exists (else ``None``).

    A missing file is not created: extracting on a machine without a database
    never makes one.
    """
    path = default_paths(db).db_path
    if not path.exists():
        return None
    from newsdesk.storage import Store

    with Store(path) as store:
        return store.register.load()


def _list(table: RegisterTable, args: argparse.Namespace) -> int:
    entries = table.entries(active_only=not args.all)
    if args.search:
        wanted = args.search.casefold()
        entries = [e for e in entries if wanted in f"{e.name} {e.says()} {e.note}".casefold()]
    for entry in entries:
        if args.json:
            row = {
                "id": entry.id, "rule": entry.rule, "name": entry.name, "label": entry.label,
                "target": entry.target, "active": entry.active, "says": entry.says(),
                "note": entry.note, "added_by": entry.added_by, "added_at": entry.added_at,
                "source": entry.source, "revision": entry.revision,
            }  # fmt: skip
            print(json.dumps(row, ensure_ascii=False))
            continue
        state = "" if entry.active else "  (off)"
        who = f"{entry.added_by or '—'}, {short_day(entry.added_at) or '—'}"
        print(f"{entry.id:>5}  {entry.says()}{state}  [{who}; {entry.source}]")
    if not entries and not args.json:
        print("The house register is empty." if not args.search else "No entries match.")
    return EXIT_OK


def _add(table: RegisterTable, args: argparse.Namespace) -> int:
    if args.label:
        label = _LABEL_WORDS.get(args.label.lower(), args.label.upper())
        if label not in ENTITY_LABELS:
            raise RegisterError(f"“{args.label}” is not a kind of name (person, organisation…).")
        entry = RegisterEntry("name", args.words, label, note=args.note)
    elif args.alias_of:
        entry = RegisterEntry("alias", args.words, target=args.alias_of, note=args.note)
    else:
        entry = RegisterEntry("not_name", args.words, note=args.note)
    kept = table.add(entry, editor=login_name(args.editor))
    print(f"{kept.id:>5}  {kept.says()}")
    return EXIT_OK


def _remove(table: RegisterTable, args: argparse.Namespace) -> int:
    entry = table.entry(args.id)
    table.remove(args.id, editor=login_name(args.editor))
    print(f"removed {args.id}: {entry.says()}")
    return EXIT_OK


def _switch(table: RegisterTable, args: argparse.Namespace) -> int:
    entry = table.set_active(args.id, args.register_command == "on", editor=login_name(args.editor))
    print(f"{entry.id:>5}  {entry.says()}{'' if entry.active else '  (off)'}")
    return EXIT_OK


def _import(table: RegisterTable, args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as problem:
        error(f"“{args.file}” cannot be read: {problem}.")
        return EXIT_INPUT
    entries = entries_from_csv(text)
    changed = table.add_all(entries, editor=login_name(args.editor))
    print(f"{len(entries)} entries read, {changed} changes to the register")
    return EXIT_OK


def _export(table: RegisterTable, args: argparse.Namespace) -> int:
    text = entries_to_csv(table.entries())
    if args.file == "-":
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as problem:
        error(f"“{args.file}” cannot be written: {problem.strerror or problem}.")
        return EXIT_INPUT
    print(f"{len(table.entries())} entries written to {args.file}")
    return EXIT_OK


_ACTIONS = {
    "list": _list,
    "add": _add,
    "remove": _remove,
    "off": _switch,
    "on": _switch,
    "import": _import,
    "export": _export,
}
