"""Python's cycle collector while newsdesk starts, and the long-lived objects after.

A start builds objects that live as long as the process: modules, the spaCy
pipeline and its vocabulary, the gazetteer, the window. Hardly any of it is
garbage (a few dozen objects once the pipeline is loaded), yet the collector
walks all of it again and again as it grows: a window start spent about 0.3 s
of its 3 s in five full passes. :func:`pause` stops automatic collection when
a start begins; :func:`settle`, once the pipeline is loaded, moves everything
alive into the permanent generation (:func:`gc.freeze`) and lets the collector
run again for what comes after. Frozen objects are never walked again: no
full pass stalls the window mid-edit, and batch workers forked after it share
those pages instead of copying them.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_paused = False  # pause() turned automatic collection off, settle() turns it on
_settled = False


def pause() -> None:
    """Stop automatic collection until :func:`settle` (a start is beginning)."""
    global _paused
    with _lock:
        if not _settled and gc.isenabled():
            gc.disable()
            _paused = True


def settle() -> None:
    """Freeze what is alive now out of the collector's reach, once per process.

    Without :func:`pause` before, a collection runs first, so no garbage is
    kept for good; after it, the start made next to none and the pass over
    everything (about 0.1 s) is skipped. Safe from any thread.
    """
    global _paused, _settled
    with _lock:
        if _settled:
            return
        _settled = True
        if not _paused:
            gc.collect()
        gc.freeze()
        if _paused:
            gc.enable()
            _paused = False
