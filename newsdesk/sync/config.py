"""Where the desk server is: the settings file, or ``NEWSDESK_SERVER``.

The connection is a libpq connection string (``host=desk.example dbname=newsdesk
user=anna sslmode=verify-full``), a ``postgresql://`` URI, or a service name
from the editor's ``pg_service.conf``. The password is never kept by newsdesk:
libpq reads it from the standard password file (``~/.pgpass``, or
``PGPASSFILE``), so a connection string that carries one is refused, and only
the host, database and user are ever written to a log. TLS is libpq's
(``sslmode``, ``sslrootcert`` …, in the string or the service). The settings
live in ``desk.ini`` in newsdesk's settings folder, which the window's
Desk Server… dialog and the command line share.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.errors import NewsdeskError
from newsdesk.files import make_private_dir, write_atomic

SERVER_ENV = "NEWSDESK_SERVER"
SETTINGS_FILE = "desk.ini"
DEFAULT_MINUTES = 5


class DeskConfigError(NewsdeskError):
    """The desk server's connection string cannot be used as given."""


@dataclass(frozen=True)
class DeskSettings:
    """The desk server to sync with (``""``: none) and how often to sync in the background."""

    server: str = ""
    background_minutes: int = 0  # 0: only when asked (File › Sync, newsdesk sync)

    @property
    def configured(self) -> bool:
        return bool(self.server.strip())


def conninfo(server: str) -> str:
    """The libpq connection string for ``server``; a bare word is a service name.

    Refuses (:class:`DeskConfigError`) a string libpq cannot read and one that
    holds a password.
    """
    text = server.strip()
    if not text:
        raise DeskConfigError(
            "No desk server is set. Set one in File › Desk Server… or NEWSDESK_SERVER "
            "(a connection string such as 'host=desk dbname=newsdesk user=anna', or a "
            "service name)."
        )
    if "=" not in text and "://" not in text:
        text = f"service={text}"
    try:
        parts = _parts(text)
    except Exception as error:  # psycopg.ProgrammingError: libpq's own words, no secrets
        raise DeskConfigError(
            f"The desk server setting is not a connection string libpq can read ({error})."
        ) from None
    if parts.get("password"):
        raise DeskConfigError(
            "The desk server setting holds a password. newsdesk never keeps one: put it "
            "in your password file (~/.pgpass, one line host:port:database:user:password, "
            "mode 0600) and remove it from the setting."
        )
    return text


def _parts(text: str) -> dict[str, Any]:
    """libpq's reading of a connection string. psycopg is imported here, when a
    server is named: the window reads these settings as it opens, and psycopg takes
    about a tenth of a second to import."""
    from psycopg import conninfo as libpq

    return libpq.conninfo_to_dict(text)


def describe(server: str) -> str:
    """Where ``server`` points, for messages and the log: ``user@host:port/dbname``, no secrets."""
    try:
        parts = _parts(conninfo(server))
    except DeskConfigError:
        return "the desk server"
    if parts.get("service") and not parts.get("host"):
        return f"service {parts['service']}"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = str(parts.get("host") or "localhost")
    port = f":{parts['port']}" if parts.get("port") else ""
    dbname = f"/{parts['dbname']}" if parts.get("dbname") else ""
    return f"{user}{host}{port}{dbname}"


def settings_path(config_dir: Path) -> Path:
    return config_dir / SETTINGS_FILE


def load_settings(
    config_dir: Path | None, *, environ: dict[str, str] | None = None
) -> DeskSettings:
    """The desk settings: the file in ``config_dir``, with ``NEWSDESK_SERVER`` over its server."""
    env = os.environ if environ is None else environ
    server, minutes = "", 0
    if config_dir is not None:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(settings_path(config_dir), encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            parser = configparser.ConfigParser(interpolation=None)
        server = parser.get("desk", "server", fallback="").strip()
        try:
            minutes = max(0, parser.getint("desk", "background_minutes", fallback=0))
        except ValueError:
            minutes = 0
    from_env = env.get(SERVER_ENV, "").strip()
    return DeskSettings(server=from_env or server, background_minutes=minutes)


def save_settings(config_dir: Path, settings: DeskSettings) -> None:
    """Keep ``settings`` in the settings folder (a private file, written whole)."""
    if settings.configured:
        conninfo(settings.server)  # never keep a password, nor a string libpq cannot read
    parser = configparser.ConfigParser(interpolation=None)
    parser["desk"] = {
        "server": settings.server.strip(),
        "background_minutes": str(max(0, settings.background_minutes)),
    }
    make_private_dir(config_dir)
    lines = ["[desk]"] + [f"{key} = {value}" for key, value in parser["desk"].items()]
    write_atomic(settings_path(config_dir), ("\n".join(lines) + "\n").encode("utf-8"))
