"""Connecting to the desk server, and its failures in words an editor can act on.

:func:`connect` opens one psycopg connection (libpq underneath: TLS, service
files and the password file work as they do for ``psql``). Every failure of
the server or the network inside :func:`server_errors` becomes a
:class:`DeskServerError` subclass whose message says what happened and that
the local file was not touched; other errors are bugs and propagate.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors as pg_errors

from newsdesk.errors import NewsdeskError
from newsdesk.sync.config import conninfo, describe

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10  # seconds; libpq's connect_timeout
# A statement that has heard nothing for this long is a dead network, not a slow server.
STATEMENT_TIMEOUT_MS = 120_000


class DeskServerError(NewsdeskError):
    """The desk server could not be used; nothing was changed in the local file."""


class DeskUnreachableError(DeskServerError):
    """The desk server did not answer, or the connection broke."""


class DeskLoginError(DeskServerError):
    """The server would not let this role in (no password, or a wrong one)."""


class DeskNotSetUpError(DeskServerError):
    """The database has no newsdesk desk in it yet (``newsdesk server init``)."""


class DeskSchemaTooNewError(DeskServerError):
    """The desk server was set up by a newer newsdesk."""


class DeskPermissionError(DeskServerError):
    """The server's role may not do what sync needs."""


def connect(server: str) -> psycopg.Connection[tuple[object, ...]]:
    """A connection to the desk server ``server`` (see :mod:`newsdesk.sync.config`)."""
    text = conninfo(server)
    where = describe(server)
    with server_errors(where):
        connection = psycopg.connect(
            text,
            connect_timeout=CONNECT_TIMEOUT,
            application_name="newsdesk",
            # Keepalives notice a dead peer (a laptop's network gone) within a minute.
            keepalives=1,
            keepalives_idle=20,
            keepalives_interval=5,
            keepalives_count=4,
        )
        connection.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        connection.commit()
    log.info("connected to the desk server %s", where)
    return connection


@contextmanager
def server_errors(where: str) -> Iterator[None]:
    """Re-raise the server's and the network's failures as :class:`DeskServerError`."""
    try:
        yield
    except pg_errors.InsufficientPrivilege as error:
        log.warning("desk server %s refused: %s", where, error.sqlstate)
        raise DeskPermissionError(
            f"The desk server ({where}) refused: your database role may not do this "
            f"({_first_line(error)}). Ask whoever runs the desk server to grant it the "
            "newsdesk_editor role. Nothing was changed here."
        ) from None
    except psycopg.OperationalError as error:
        if _is_login_failure(error):
            log.warning("desk server %s refused the login", where)
            raise DeskLoginError(
                f"The desk server ({where}) refused the login ({_first_line(error)}). "
                "newsdesk takes the password from your password file (~/.pgpass, or the "
                "file PGPASSFILE names; one line host:port:database:user:password, mode "
                "0600): check the line for this server. Nothing was changed here."
            ) from None
        log.warning("desk server %s unreachable: %s", where, _first_line(error))
        raise DeskUnreachableError(
            f"The desk server ({where}) cannot be reached or stopped answering "
            f"({_first_line(error)}). Your work is safe in this computer's file; sync "
            "again when the network is back."
        ) from None
    except psycopg.Error as error:
        if isinstance(error, pg_errors.UndefinedTable | pg_errors.InvalidSchemaName):
            raise DeskNotSetUpError(
                f"{where} holds no newsdesk desk yet. Whoever runs the server sets it up "
                "once with 'newsdesk server init'."
            ) from None
        raise


def _is_login_failure(error: psycopg.OperationalError) -> bool:
    # 28P01: wrong password; 28000: no such role or not allowed. A missing
    # password is told by libpq itself, before the server says anything.
    text = str(error)
    return error.sqlstate in {"28P01", "28000"} or any(
        words in text
        for words in ("password authentication failed", "no password supplied", "fe_sendauth")
    )


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
