"""The child process of the kill tests: a sync that is SIGKILLed at a chosen step.

Run as ``python -m tests.desk_sync_child DB SERVER WHERE N``. It syncs DB with
SERVER in batches of 3 and kills itself with SIGKILL (no clean-up, as a power
cut or the task manager would) at the N-th time it reaches WHERE:

``ack``      a batch is committed on the server, not yet noted in the local file
``receive``  inside the local transaction that stores received versions
``none``     nowhere: the test kills it from outside, wherever it has got to
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from newsdesk.storage import Store
from newsdesk.storage.desk import DeskLedger
from newsdesk.sync.engine import sync


def _kill_at(name: str, times: int) -> None:
    original = getattr(DeskLedger, name)
    calls = 0

    def dying(self: DeskLedger, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls >= times:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, *args, **kwargs)

    setattr(DeskLedger, name, dying)


def main(db: str, server: str, where: str, times: int) -> int:
    if where != "none":
        _kill_at({"ack": "acknowledge", "receive": "_store"}[where], times)
    with Store(db) as store:
        sync(store, server, batch=3)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
