"""Values the editor types or picks for a fact's fields, checked before any edit.

:func:`parse_value` turns what was typed into the field's value ("1,200" →
1200.0, "" → unknown, "at least" → ``at_least``) or refuses it with an
:class:`EditError` whose message is meant for the editor.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from newsdesk.core.sheet.kinds import kind_of
from newsdesk.core.sheet.labels import ENTITY_LABELS
from newsdesk.core.sheet.model import CHANGES, FIGURE_KINDS, QUALIFIERS, DateFact, Fact, Figure

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class EditError(ValueError):
    """An edit the editor asked for that cannot be made; the message says why."""


def parse_number(text: str) -> float:
    """A number as an editor types it ("1,200", "25", "-3.5"); :class:`EditError` if not one."""
    cleaned = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise EditError(f"“{text.strip()}” is not a number.")
    value = float(cleaned)
    if not math.isfinite(value):
        raise EditError(f"“{text.strip()}” is not a number.")
    return value


def parse_value(fact: Fact, name: str, raw: Any) -> Any:
    """The value of field ``name`` of ``fact`` from what the editor typed or picked.

    Empty text means "unknown" (``None``) for optional fields. Raises
    :class:`EditError` with a message for the editor when the value is refused.
    """
    if name not in kind_of(fact).editable:
        raise EditError(f"The {name} of this fact cannot be edited.")
    text = raw.strip() if isinstance(raw, str) else raw
    if name == "note":
        return "" if text is None else str(raw)
    if name == "name":
        if not text:
            raise EditError("A name cannot be empty.")
        return text
    if name == "label":
        label = str(text or "").upper()
        if label not in ENTITY_LABELS:
            raise EditError(f"“{text}” is not a kind of name newsdesk knows.")
        return label
    if name in ("value", "low", "high") and isinstance(fact, Figure):
        if text in (None, ""):
            return None
        return text if isinstance(text, float | int) else parse_number(str(text))
    if name == "value" and isinstance(fact, DateFact):
        return _parse_date(text)
    if name == "qualifier":
        return _choice(text, QUALIFIERS, "hedge")
    if name == "kind":
        return _choice(text, FIGURE_KINDS, "kind of figure")
    if name == "change":
        return None if not text else _choice(text, CHANGES, "change")
    if name in ("unit", "counted"):
        return text or None
    # source / speaker: an entity id
    return text or None


def _choice(text: Any, allowed: tuple[str, ...], what: str) -> str:
    value = str(text or "").strip().lower().replace(" ", "_")
    if value not in allowed:
        raise EditError(f"“{text}” is not a {what} newsdesk knows.")
    return value


def _parse_date(text: Any) -> str | None:
    if not text:
        return None
    value = str(text)
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.strptime(value, pattern)
        except ValueError:
            continue
        return value
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise EditError(
            f"“{value}” is not a date: write it as year-month-day, like 2015-09-25."
        ) from None
