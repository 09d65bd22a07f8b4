"""Whether a figure is an amount of change, and which way: "rose 3%" is up, "fell by
200" down, "a 12% increase" up (see :mod:`.motion` for the words read).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract.motion import change_after, change_of
from newsdesk.core.extract.phrase import Phrase


def read_change(doc: Doc, phrase: Phrase) -> str | None:
    """``up``, ``down`` or ``None`` for the figure phrase read so far."""
    return change_of(doc, phrase.phrase_start) or change_after(doc, phrase.end)
