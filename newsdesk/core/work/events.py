"""Plain-Python events: what a model object announces, for views to follow.

On the model of napari's evented layers: an object owns a few named
:class:`Event` s, views ``connect`` callbacks, and the object ``emit`` s after
its state changed. Callbacks run at once, in the order they connected, on the
caller's thread; there is no queue and no Qt, so the core stays testable
without a window. :class:`SessionEvents` are the ones the story session has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class SessionEvents:
    """What a session announces; connect callbacks to the ones a view needs.

    - ``text_replaced(start, end, inserted)``: the session changed the text
      itself (undo, redo, a story opened): Python indices ``[start, end)`` of the
      previous text now read ``inserted``. The editor widget applies it.
    - ``text_changed()``: the text changed, by any route.
    - ``sheet_replaced()``: a different sheet (or none) is current: redraw all.
    - ``facts_changed(ids)``: the facts ``ids`` changed inside the current sheet.
    - ``story_changed()``: the story on disk, its version or version list changed.
    - ``story_started()``: other work took the place of the last (new, opened,
      recovered): its history starts afresh.
    - ``dirty_changed(dirty)``: whether there is unsaved work changed.
    - ``saved(version)``: a version was stored.
    - ``history_changed()``: the undo history changed.
    - ``checks_changed()``: the desk checks of the current sheet changed (run
      again, or a verdict given); ``sheet_replaced`` implies it.
    - ``undone(steps)`` / ``redone(steps)``: these steps of the history were
      taken back or made again (a correction's recorder follows them).
    """

    text_replaced: Event = field(default_factory=lambda: Event("text_replaced"))
    text_changed: Event = field(default_factory=lambda: Event("text_changed"))
    sheet_replaced: Event = field(default_factory=lambda: Event("sheet_replaced"))
    facts_changed: Event = field(default_factory=lambda: Event("facts_changed"))
    story_changed: Event = field(default_factory=lambda: Event("story_changed"))
    story_started: Event = field(default_factory=lambda: Event("story_started"))
    dirty_changed: Event = field(default_factory=lambda: Event("dirty_changed"))
    saved: Event = field(default_factory=lambda: Event("saved"))
    history_changed: Event = field(default_factory=lambda: Event("history_changed"))
    checks_changed: Event = field(default_factory=lambda: Event("checks_changed"))
    undone: Event = field(default_factory=lambda: Event("undone"))
    redone: Event = field(default_factory=lambda: Event("redone"))
