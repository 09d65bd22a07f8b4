"""The fact sheet: the one contract between layers, the CLI and exports.

Plain dataclasses that serialise to and from the ``newsdesk.factsheet/1`` JSON
shape described in DESIGN.md. Offsets are Python ``str`` indices into
``Article.text``, end exclusive. Unknown values are ``None``, never a guess.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA = "newsdesk.factsheet/1"

Status = Literal["unverified", "verified", "disputed", "corrected"]
Origin = Literal["extracted", "edited", "added"]
FigureKind = Literal["count", "money", "percent", "quantity", "number"]
Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "range"]
Change = Literal["up", "down"]

STATUSES: tuple[str, ...] = ("unverified", "verified", "disputed", "corrected")
FIGURE_KINDS: tuple[str, ...] = ("count", "money", "percent", "quantity", "number")
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "about",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
)


@dataclass
class Article:
    """The cleaned article; every offset in a sheet points into ``text``."""

    text: str
    headline: str = ""
    source: str | None = None
    dateline: str | None = None
    published: str | None = None  # ISO date, when the copy or the editor says

    @property
    def text_hash(self) -> str:
        """A short, stable fingerprint of the article text."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Mention:
    """One place in the text where an entity is named."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world person, organisation, place or group, with every mention."""

    id: str
    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    status: Status = "unverified"
    origin: Origin = "extracted"
    note: str = ""
    checked_by: str | None = None  # who set the status, when an editor did
    checked_at: str | None = None  # when (ISO 8601, UTC)
    extracted: dict[str, Any] | None = None  # extracted values of fields an editor changed
    anchor_lost: bool = False  # the words it pointed at are gone from the text


@dataclass
class Figure:
    """A number as stated, with its hedge, bounds, unit and what it counts."""

    id: str
    text: str
    start: int
    end: int
    kind: FigureKind = "number"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    change: Change | None = None
    unit: str | None = None
    counted: str | None = None
    sentence: tuple[int, int] | None = None
    source: str | None = None  # id of the entity the sentence attributes it to
    status: Status = "unverified"
    origin: Origin = "extracted"
    note: str = ""
    checked_by: str | None = None  # who set the status, when an editor did
    checked_at: str | None = None  # when (ISO 8601, UTC)
    extracted: dict[str, Any] | None = None  # extracted values of fields an editor changed
    anchor_lost: bool = False  # the words it pointed at are gone from the text


@dataclass
class DateFact:
    """A date expression and, when it can be known, its ISO value."""

    id: str
    text: str
    start: int
    end: int
    value: str | None = None
    status: Status = "unverified"
    origin: Origin = "extracted"
    note: str = ""
    checked_by: str | None = None  # who set the status, when an editor did
    checked_at: str | None = None  # when (ISO 8601, UTC)
    extracted: dict[str, Any] | None = None  # extracted values of fields an editor changed
    anchor_lost: bool = False  # the words it pointed at are gone from the text


@dataclass
class Quote:
    """A direct quotation and who said it."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None  # entity id
    speaker_mention: Mention | None = None
    cue: str | None = None
    status: Status = "unverified"
    origin: Origin = "extracted"
    note: str = ""
    checked_by: str | None = None  # who set the status, when an editor did
    checked_at: str | None = None  # when (ISO 8601, UTC)
    extracted: dict[str, Any] | None = None  # extracted values of fields an editor changed
    anchor_lost: bool = False  # the words it pointed at are gone from the text


@dataclass
class Dismissed:
    """An extracted fact the editor deleted, remembered so re-analysis leaves it out.

    ``kind`` is ``entity``, ``figure``, ``date`` or ``quote``; ``text`` is the
    fact's words (an entity's name); ``start``/``end`` where it stood (an
    entity's first mention), moved along as the text changes, zero-width when
    its words are gone. ``id`` is the deleted fact's id, so undo finds it.
    """

    kind: str
    text: str
    start: int
    end: int
    id: str | None = None


@dataclass
class FactSheet:
    """Everything newsdesk knows about one article.

    ``dismissed`` lists the extracted facts the editor deleted (see
    :class:`Dismissed`); it is optional in the JSON (``"dismissed"``, written
    only when not empty, read as empty when absent), so older sheets load as
    they are and sheets without deletions are written exactly as before.
    """

    article: Article
    id: str | None = None
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dismissed: list[Dismissed] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with ``entity_id``, or ``None``."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def fact_count(self) -> int:
        return len(self.entities) + len(self.figures) + len(self.dates) + len(self.quotes)

    # -- serialisation ---------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The ``newsdesk.factsheet/1`` JSON object."""
        figures = []
        for figure in self.figures:
            row = asdict(figure)
            row["value"] = _plain_number(figure.value)
            row["low"] = _plain_number(figure.low)
            row["high"] = _plain_number(figure.high)
            row["sentence"] = list(figure.sentence) if figure.sentence else None
            figures.append(row)
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "article": asdict(self.article),
            "entities": [asdict(e) for e in self.entities],
            "figures": figures,
            "dates": [asdict(d) for d in self.dates],
            "quotes": [asdict(q) for q in self.quotes],
        }
        if self.dismissed:  # optional: sheets without deletions read as they always did
            data["dismissed"] = [asdict(d) for d in self.dismissed]
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactSheet:
        """Rebuild a sheet from its JSON object (the inverse of :meth:`to_dict`)."""
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported fact-sheet schema {schema!r}")
        article = Article(**_known(Article, data["article"]))
        # Mentions go through _known too: a newer file's extra mention key
        # used to raise TypeError instead of loading.
        entities = [
            Entity(
                **_known(
                    Entity,
                    {
                        **e,
                        "mentions": [Mention(**_known(Mention, m)) for m in e.get("mentions", [])],
                    },
                )
            )
            for e in data.get("entities", [])
        ]
        figures = []
        for f in data.get("figures", []):
            sentence = f.get("sentence")
            figures.append(
                Figure(**_known(Figure, {**f, "sentence": tuple(sentence) if sentence else None}))
            )
        dates = [DateFact(**_known(DateFact, d)) for d in data.get("dates", [])]
        quotes = []
        for q in data.get("quotes", []):
            mention = q.get("speaker_mention")
            quotes.append(
                Quote(
                    **_known(
                        Quote,
                        {
                            **q,
                            "speaker_mention": Mention(**_known(Mention, mention))
                            if mention
                            else None,
                        },
                    )
                )
            )
        return cls(
            article=article,
            id=data.get("id"),
            entities=entities,
            figures=figures,
            dates=dates,
            quotes=quotes,
            dismissed=[Dismissed(**_known(Dismissed, d)) for d in data.get("dismissed") or []],
        )

    @classmethod
    def from_json(cls, text: str) -> FactSheet:
        return cls.from_dict(json.loads(text))


def _known(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys ``kind`` declares, so newer files still load."""
    names = {f.name for f in fields(kind)}
    return {k: v for k, v in data.items() if k in names}


def _plain_number(value: float | None) -> float | int | None:
    """Write whole numbers as integers (25, not 25.0) in JSON."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
