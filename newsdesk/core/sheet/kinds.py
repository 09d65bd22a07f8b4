"""The one registry of fact kinds: entity, figure, date and quote.

Each :class:`FactKind` says, for one kind, everything other modules used to
keep their own table of: its key in the contract and in ``Dismissed.kind``, its
list on :class:`~newsdesk.core.sheet.model.FactSheet`, its id prefix, its class,
the group it is listed under, which fields an editor may edit, which fields a
write-through carries as corrections, which a diff compares, and which field
names the entity it is attributed to. Rendering, matching, editing, export and
the diff read it here instead of asking ``isinstance`` kind by kind.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Literal

from newsdesk.core.sheet.labels import entity_group
from newsdesk.core.sheet.model import DateFact, Entity, Fact, Figure, Quote

KindKey = Literal["entity", "figure", "date", "quote"]


@dataclass(frozen=True)
class FactKind:
    """What newsdesk knows about one kind of fact (see the module docstring)."""

    key: KindKey  # "entity"; also the singular word ("1 entity")
    collection: str  # "entities": its list on FactSheet and the plural word
    prefix: str  # "e": fresh ids are "e" plus a few hex digits
    cls: type[Fact]
    group: str | None  # the group it is listed under; entities go by their label
    editable: tuple[str, ...]  # what the editor may change (status has its own edit)
    corrected: tuple[str, ...]  # an edited fact's corrections a write-through carries
    compared: tuple[str, ...]  # what a diff compares, in display order
    attribution: str | None = None  # the field naming the entity that says so


ENTITY = FactKind(
    key="entity",
    collection="entities",
    prefix="e",
    cls=Entity,
    group=None,
    editable=("name", "label", "note"),
    corrected=("name", "label"),
    compared=("name", "label", "mentions", "status", "checked_by", "note"),
)
FIGURE = FactKind(
    key="figure",
    collection="figures",
    prefix="f",
    cls=Figure,
    group="figures",
    editable=(
        "value",
        "low",
        "high",
        "qualifier",
        "kind",
        "unit",
        "counted",
        "change",
        "source",
        "note",
    ),
    corrected=("value", "low", "high", "qualifier", "kind", "change", "unit", "counted"),
    compared=(
        "text",
        "value",
        "low",
        "high",
        "qualifier",
        "kind",
        "change",
        "unit",
        "counted",
        "source",
        "status",
        "checked_by",
        "note",
    ),
    attribution="source",
)
DATE = FactKind(
    key="date",
    collection="dates",
    prefix="d",
    cls=DateFact,
    group="dates",
    editable=("value", "note"),
    corrected=("value",),
    compared=("text", "value", "status", "checked_by", "note"),
)
QUOTE = FactKind(
    key="quote",
    collection="quotes",
    prefix="q",
    cls=Quote,
    group="quotes",
    editable=("speaker", "note"),
    corrected=("cue",),
    compared=("text", "speaker", "cue", "status", "checked_by", "note"),
    attribution="speaker",
)

# In the order a sheet holds and lists them.
KINDS: tuple[FactKind, ...] = (ENTITY, FIGURE, DATE, QUOTE)
_BY_CLASS: dict[type, FactKind] = {kind.cls: kind for kind in KINDS}
_BY_KEY: dict[str, FactKind] = {kind.key: kind for kind in KINDS}


def kind_of(fact: Fact) -> FactKind:
    """The kind of ``fact``."""
    return _BY_CLASS[type(fact)]


def kind_named(key: str) -> FactKind:
    """The kind called ``key`` (``"figure"``); ``KeyError`` for a word that is not one."""
    return _BY_KEY[key]


def group_of(fact: Fact) -> str:
    """The group key a fact is listed under (``"people"`` … ``"quotes"``)."""
    if isinstance(fact, Entity):  # only names are grouped by what they name
        return entity_group(fact.label)
    group = kind_of(fact).group
    assert group is not None
    return group


def new_id(kind: FactKind, taken: set[str]) -> str:
    """A fresh id for a fact of ``kind``, not in ``taken`` (which it joins).

    Random rather than counted, so it never equals the id of a deleted fact
    that undo could bring back.
    """
    while True:
        candidate = f"{kind.prefix}{secrets.token_hex(3)}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate
