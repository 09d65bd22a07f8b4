"""One window per database: a second launch hands its file or story to the first.

The first window on a database listens on a local socket whose name is derived
from the database's resolved path and the user (``newsdesk-<uid>-<hash>``);
a later ``newsdesk`` on the same database connects, sends one JSON line —
``{"open": "/path/story.txt"}``, ``{"story": "slug"}`` or ``{}`` to be brought
forward — waits for ``ok`` and exits. A lock file around "connect, else listen"
keeps two launches at the same moment from both listening. Other routes to the
database (the command line, a second database) are untouched: SQLite's own
locking keeps concurrent writers safe.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 1_000
REPLY_MS = 15_000  # a window still starting up answers late, a hung one never
_MAX_REQUEST = 64 * 1024


@dataclass(frozen=True)
class Request:
    """What a second launch asks of the window: open a file or a story, or just show."""

    open_path: str | None = None
    story: str | None = None

    def encode(self) -> bytes:
        data: dict[str, str] = {}
        if self.open_path:
            data["open"] = self.open_path
        if self.story:
            data["story"] = self.story
        return json.dumps(data).encode() + b"\n"

    @classmethod
    def decode(cls, raw: bytes) -> Request | None:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        path, story = data.get("open"), data.get("story")
        return cls(
            open_path=path if isinstance(path, str) and path else None,
            story=story if isinstance(story, str) and story else None,
        )


def server_name(db_path: Path) -> str:
    """The socket name for a database: the same for every spelling of its path."""
    try:
        resolved = db_path.expanduser().resolve()
    except OSError:
        resolved = db_path.expanduser().absolute()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"newsdesk-{user}-{digest}"


def hand_over(name: str, request: Request, timeout_ms: int = REPLY_MS) -> bool:
    """Give ``request`` to a window listening on ``name``; whether one took it."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(request.encode())
    socket.flush()
    taken = False
    # No answer in time means a hung window: this launch then opens its own.
    if socket.canReadLine() or socket.waitForReadyRead(timeout_ms):
        taken = bytes(socket.readLine().data()).strip() == b"ok"
    socket.disconnectFromServer()
    return taken


class InstanceServer(QObject):
    """Listens for later launches on one database; ``request_received(Request)``."""

    request_received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening, taking over a socket a crashed window left behind."""
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen for other launches: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_REQUEST:
                socket.abort()
            return
        request = Request.decode(bytes(socket.readLine().data()))
        if request is None:
            log.warning("ignored a malformed request from another launch")
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.request_received.emit(request)


class SingleInstance:
    """Connect, else listen, for one database, under a lock so only one launch listens."""

    def __init__(self, db_path: Path) -> None:
        self.name = server_name(db_path)
        self._lock = QLockFile(QDir.temp().filePath(f"{self.name}.lock"))

    def hand_over_or_listen(
        self, request: Request, parent: QObject | None = None
    ) -> InstanceServer | None:
        """``None`` when a window on this database took ``request`` (this launch is done);
        else a listening server for this launch's window."""
        locked = self._lock.tryLock(REPLY_MS)
        try:
            if hand_over(self.name, request):
                return None
            server = InstanceServer(self.name, parent)
            server.listen()
            return server
        finally:
            if locked:
                self._lock.unlock()
