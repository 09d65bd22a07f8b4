"""Plain-Python events: what a model object announces, for views to follow.

On the model of napari's evented layers: an object owns a few named
:class:`Event` s, views ``connect`` callbacks, and the object ``emit`` s after
its state changed. Callbacks run at once, in the order they connected, on the
caller's thread; there is no queue and no Qt, so the core stays testable
without a window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Callback = Callable[..., Any]


class Event:
    """A named list of callbacks, called with the emitted arguments."""

    __slots__ = ("_callbacks", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> None:
        """Call ``callback`` on every :meth:`emit` (once, however often it connects)."""
        if callback not in self._callbacks:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callback) -> None:
        """Stop calling ``callback``; unknown callbacks are ignored."""
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        """Call every connected callback with ``args``, in connection order."""
        for callback in list(self._callbacks):
            callback(*args)

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._callbacks)} callbacks)"
