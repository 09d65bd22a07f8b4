"""The desk server from the command line: sync, set it up, say where it is, search it.

    newsdesk sync [--server S]                      send what the desk lacks, take in the rest
    newsdesk server init [--server S]               set the desk up (its owner, once; migrations)
    newsdesk server set CONNECTION [--every MIN]    keep the desk server in the settings
    newsdesk server show                            where the desk is, and the last sync
    newsdesk search QUERY --desk                    search the desk server, not the local file

The server is ``--server``, else ``NEWSDESK_SERVER``, else the settings (the
window's File › Desk Server… writes the same file): a libpq connection string
or a service name, never a password (libpq reads it from ~/.pgpass). A desk
server that cannot be used exits 6, the local file untouched.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsdesk.cli.common import EXIT_DESK, EXIT_INPUT, EXIT_OK, error, with_store
from newsdesk.paths import default_paths

if TYPE_CHECKING:
    from newsdesk.storage import Store

COMMANDS = ("sync", "server")


def add_desk_commands(commands: Any) -> None:
    """Register ``sync`` and ``server`` on the parser's sub-command set."""
    sync = commands.add_parser(
        "sync",
        help="sync with the desk server: send your versions, take in others'",
        description="Send the desk server the versions and house register entries it lacks, "
        "then take in what other editors saved. Safe to run again at any time.",
    )
    sync.add_argument("--server", metavar="S", help="connection string or service name")
    server = commands.add_parser("server", help="set up or point at the desk server")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="set the desk up on a PostgreSQL database, or bring it up to date",
        description="Run as the database's owner: creates the newsdesk schema and the "
        "newsdesk_editor role (grant it to each editor's login role), or applies the "
        "migrations this newsdesk brings. A desk from a newer newsdesk is left alone.",
    )
    init.add_argument("--server", metavar="S", help="connection string or service name")
    chosen = actions.add_parser("set", help="keep the desk server in the settings")
    chosen.add_argument("connection", metavar="CONNECTION", help='e.g. "host=desk dbname=news"')
    chosen.add_argument(
        "--every",
        type=int,
        default=None,
        metavar="MIN",
        help="sync in the window every MIN minutes",
    )
    actions.add_parser("show", help="where the desk server is, and when this file last synced")


def run(args: argparse.Namespace) -> int:
    """Run ``sync`` or ``server …``; the process exit code."""
    db_path = default_paths(args.db).db_path
    if args.command == "sync":
        return with_store(db_path, lambda store: desk_errors(lambda: _sync(store, args)))
    if args.server_command == "init":
        return desk_errors(lambda: _init(args))
    if args.server_command == "set":
        return desk_errors(lambda: _set(args))
    return with_store(db_path, lambda store: _show(store, args))


def desk_errors(work: Callable[[], int]) -> int:
    """``work``'s exit code, or the one for a desk server (6) or a setting (1) it cannot use."""
    from newsdesk.sync.config import DeskConfigError
    from newsdesk.sync.server import DeskServerError

    try:
        return work()
    except DeskConfigError as problem:
        error(str(problem))
        return EXIT_INPUT
    except DeskServerError as problem:
        error(str(problem))
        return EXIT_DESK


def server_of(args: argparse.Namespace) -> str:
    """The server the command is about: ``--server``, ``NEWSDESK_SERVER``, the settings."""
    from newsdesk.sync.config import conninfo, load_settings

    chosen = (
        getattr(args, "server", None) or load_settings(default_paths(args.db).config_dir).server
    )
    conninfo(chosen)  # refuses an empty setting and a password, before any connection
    return chosen


def _sync(store: Store, args: argparse.Namespace) -> int:
    from newsdesk.sync.engine import sync

    report = sync(store, server_of(args))
    print(report.summary())
    for story in report.forks:
        print(f"  fork: {story} — see 'newsdesk history {story}'; restore the version to keep")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from newsdesk.sync.config import describe
    from newsdesk.sync.server import connect
    from newsdesk.sync.server_schema import init

    server = server_of(args)
    with connect(server) as connection:
        before, after = init(connection, describe(server))
    if before == after:
        print(f"The desk at {describe(server)} is up to date (desk schema {after}).")
    else:
        print(f"The desk at {describe(server)} is set up: desk schema {before} → {after}.")
        print("Grant newsdesk_editor to each editor's role: GRANT newsdesk_editor TO anna;")
    return EXIT_OK


def _set(args: argparse.Namespace) -> int:
    from newsdesk.sync.config import DeskSettings, describe, load_settings, save_settings

    config_dir = default_paths(args.db).config_dir
    current = load_settings(config_dir, environ={})
    minutes = current.background_minutes if args.every is None else max(0, args.every)
    save_settings(config_dir, DeskSettings(server=args.connection, background_minutes=minutes))
    every = f", syncing every {minutes} min in the window" if minutes else ""
    print(f"Desk server: {describe(args.connection)}{every}.")
    return EXIT_OK


def _show(store: Store, args: argparse.Namespace) -> int:
    from newsdesk.sync.config import SERVER_ENV, describe, load_settings

    settings = load_settings(default_paths(args.db).config_dir)
    if not settings.configured:
        print(f"No desk server is set (newsdesk server set CONNECTION, or {SERVER_ENV}).")
        return EXIT_OK
    print(f"Desk server: {describe(settings.server)}")
    desk = store.desk.last_desk()
    if desk is None:
        print("This file has not synced yet.")
    else:
        print(f"Last sync: {store.desk.last_sync(desk)}")
        print(f"Waiting to be sent: {store.desk.pending(desk)}")
    return EXIT_OK
