"""The fact sheet: the one contract between layers, the CLI and exports.

Plain dataclasses that serialise to and from the ``newsdesk.factsheet/1`` JSON
shape described in DESIGN.md. Offsets are Python ``str`` indices into
``Article.text``, end exclusive. Unknown values are ``None``, never a guess.

Every fact is a :class:`FactBase` (its id and the desk's work on it: status,
origin, note, who checked it, extracted values, a lost anchor, a re-check flag)
plus the fields of its kind; figures, dates and quotes share
:class:`SpannedFact` (one stretch of text). :data:`Fact` is "any fact".
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import KW_ONLY, asdict, dataclass, field, fields
from typing import Any, Literal, Protocol, TypeAlias, TypeVar, cast

from newsdesk.core.sheet.register import RegisterNote

SCHEMA = "newsdesk.factsheet/1"

Status = Literal["unverified", "verified", "disputed", "corrected"]
Origin = Literal["extracted", "edited", "added"]
FigureKind = Literal["count", "money", "percent", "quantity", "number"]
Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "range"]
Change = Literal["up", "down"]
# How a quote's speaker or a figure's source was found: named at the attribution,
# a pronoun resolved to the speaker of the discourse, carried from the quote or
# attribution before, inferred from the story around it, or not found.
Basis = Literal["named", "pronoun", "continuation", "inferred", "none"]
# Where the story date relative dates count from was read.
DateFrom = Literal["dateline", "text", "editor", "today"]

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
CHANGES: tuple[str, ...] = ("up", "down")
BASES: tuple[str, ...] = ("named", "pronoun", "continuation", "inferred", "none")
DATE_FROM: tuple[str, ...] = ("dateline", "text", "editor", "today")
# How much a desk check matters, and what the editor made of it.
Severity = Literal["high", "medium", "low"]
CheckStatus = Literal["open", "resolved", "dismissed"]
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
CHECK_STATUSES: tuple[str, ...] = ("open", "resolved", "dismissed")


@dataclass(frozen=True)
class DateBasis:
    """The story date relative dates ("on Friday") were resolved against, and where it was read.

    JSON writes it as ``{"date": "2015-09-25", "from": "dateline"}``; ``from_``
    is the same word, kept off Python's keyword.
    """

    date: str  # ISO day
    from_: DateFrom

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date, "from": self.from_}

    @classmethod
    def from_dict(cls, data: Any) -> DateBasis | None:
        """The basis in a sheet's JSON, or ``None`` when absent or unreadable."""
        if not isinstance(data, dict):
            return None
        date, origin = data.get("date"), data.get("from")
        if not isinstance(date, str) or origin not in DATE_FROM:
            return None
        return cls(date, origin)


@dataclass
class Article:
    """The cleaned article; every offset in a sheet points into ``text``."""

    text: str
    headline: str = ""
    source: str | None = None
    dateline: str | None = None
    published: str | None = None  # ISO date, when the copy or the editor says
    date_basis: DateBasis | None = None  # what relative dates were resolved against

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


@dataclass(frozen=True)
class Recheck:
    """A write-through's flag: the fact's words changed after the desk had worked on it.

    ``was`` is the wording it changed from, as the editor last saw it ("12",
    "“a barbaric act…”"); the fact's own words are what it says now.
    """

    was: str

    def change(self, now: str) -> str:
        """``"Changed from 12 to 25"``: what changed, the fact's words ``now`` last."""
        return f"Changed from {self.was} to {now}"

    def line(self, now: str) -> str:
        """``"Changed from 12 to 25 — re-check."``, as sheets print it (older ones in the note)."""
        return f"{self.change(now)} — re-check."


@dataclass(frozen=True)
class Reason:
    """One rule behind a figure's reading: its id and what it says there.

    ``Reason("hedge.before", "hedge: 'at least'")``; a step an editor need not see
    says nothing (``""``) and is listed for developers only.
    """

    rule: str
    says: str = ""


@dataclass
class Equivalent:
    """A figure's equivalent in another currency or unit, given in brackets after it:
    "15 million euros ($16.4 million)" has the equivalent $16.4 million, "just under
    296 hp (224 kW)" 224 kW with the main figure's hedge."""

    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    carried: bool = False  # the qualifier is the main figure's hedge, not in the brackets


@dataclass
class FactBase:
    """What every fact carries besides its own content: its id and the desk's work on it.

    The shared fields are keyword-only so that each kind keeps its own fields
    positional: ``Entity(id, label, name, mentions)``, ``Figure(id, text, start, end)``.
    """

    id: str
    _: KW_ONLY
    status: Status = "unverified"
    origin: Origin = "extracted"
    note: str = ""
    checked_by: str | None = None  # who set the status, when an editor did
    checked_at: str | None = None  # when (ISO 8601, UTC)
    extracted: dict[str, Any] | None = None  # extracted values of fields an editor changed
    anchor_lost: bool = False  # the words it pointed at are gone from the text
    recheck: Recheck | None = None  # its words changed since the desk worked on it

    @property
    def title(self) -> str:
        """The fact as written: an entity's name, the words of a figure, date or quote."""
        raise NotImplementedError

    def spans(self) -> list[tuple[int, int]]:
        """Where the fact stands in the article text (every mention of an entity)."""
        raise NotImplementedError

    def first_offset(self) -> int:
        """Where the fact first stands in the text, the key facts are listed by."""
        return min((start for start, _ in self.spans()), default=0)

    def recheck_words(self) -> str:
        """The words a re-check flag quotes for this fact (its title; a quote's opening)."""
        return self.title

    def is_touched(self) -> bool:
        """Whether an editor has worked on it (checked, corrected, added, noted or flagged it)."""
        return (
            self.status != "unverified"
            or self.origin != "extracted"
            or bool(self.note)
            or bool(self.extracted)
            or self.checked_by is not None
            or self.recheck is not None
        )


@dataclass
class Entity(FactBase):
    """One real-world person, organisation, place or group, with every mention."""

    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    # The house register entry that decided this name, if one did (JSON: only when set).
    register: RegisterNote | None = None

    @property
    def title(self) -> str:
        return self.name

    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]


@dataclass
class SpannedFact(FactBase):
    """A fact that is one stretch of the text: a figure, a date or a quote."""

    text: str
    start: int
    end: int

    @property
    def title(self) -> str:
        return self.text

    def spans(self) -> list[tuple[int, int]]:
        return [(self.start, self.end)]


@dataclass
class Figure(SpannedFact):
    """A number as stated, with its hedge, bounds, unit and what it counts."""

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
    source_text: str | None = None  # the attribution's words: "police", "a source told Reuters"
    source_basis: Basis = "none"  # how the source was found
    why: list[Reason] = field(default_factory=list)  # the rules that made the reading, in order
    # A level reached from an earlier one: "rose from 240 to 273" is 273 with earlier 240.
    earlier: float | None = None
    equivalent: Equivalent | None = None  # "15 million euros ($16.4 million)"
    approximate: bool = False  # a range with a hedge: "about 2,000-2,500 calories"

    def reasons(self) -> list[str]:
        """What the rules behind the reading say, for an editor, in order ("hedge: 'at least'")."""
        return [reason.says for reason in self.why if reason.says]


@dataclass
class DateFact(SpannedFact):
    """A date expression and, when it can be known, its ISO value."""

    value: str | None = None


@dataclass
class Quote(SpannedFact):
    """A direct quotation and who said it."""

    speaker: str | None = None  # entity id
    speaker_mention: Mention | None = None
    cue: str | None = None
    speaker_basis: Basis = "none"  # how the speaker was found

    def recheck_words(self) -> str:
        """The quote's words in quotation marks, cut to about a line (“a barbaric act…”)."""
        words = " ".join(self.text.split()).strip("\"“”'")
        return f"“{words if len(words) <= 60 else words[:59] + '…'}”"


@dataclass
class Check:
    """One problem a desk check found in the story, and what the editor made of it.

    ``kind`` names the check ("headline_figure", "minor_named" …), ``spans``
    are the words involved (the first is where the problem shows), ``facts``
    the ids of the facts involved. ``key`` is stable while the words involved
    stay the same, so the editor's verdict (``status`` resolved or dismissed,
    with a ``note``, who and when) survives the checks being run again; ``id``
    is derived from it.
    """

    id: str
    kind: str
    severity: Severity
    message: str
    spans: list[Mention] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    key: str = ""
    status: CheckStatus = "open"
    note: str = ""
    checked_by: str | None = None
    checked_at: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def first_offset(self) -> int:
        """Where the problem first shows in the text (checks are listed by it)."""
        return min((span.start for span in self.spans), default=0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Check | None:
        """A check from the sheet's JSON, or ``None`` when it cannot be read."""
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            return None
        known = _known(cls, data)
        known.setdefault("kind", "")
        known.setdefault("message", "")
        if known.get("severity") not in SEVERITIES:
            known["severity"] = "medium"
        if known.get("status") not in CHECK_STATUSES:
            known["status"] = "open"
        spans = known.get("spans") or []
        known["spans"] = [Mention(**_known(Mention, s)) for s in spans if isinstance(s, dict)]
        known["facts"] = [str(f) for f in known.get("facts") or []]
        return cls(**known)


_F = TypeVar("_F", Entity, Figure, DateFact, Quote)

# The one name for "any fact": a closed union, so a type check narrows it to one kind.
Fact: TypeAlias = Entity | Figure | DateFact | Quote


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


class _Listed(Protocol):
    """A kind of fact as the sheet needs it: the name of its list (``kinds.FactKind`` fits)."""

    @property
    def collection(self) -> str: ...


@dataclass
class FactSheet:
    """Everything newsdesk knows about one article.

    ``dismissed`` lists the extracted facts the editor deleted (see
    :class:`Dismissed`); it is optional in the JSON (``"dismissed"``, written
    only when not empty, read as empty when absent), so older sheets load as
    they are and sheets without deletions are written exactly as before.
    ``checks`` are what the desk checks found (see :class:`Check`), with the
    editor's verdicts; sheets saved before checks existed load with none.
    """

    article: Article
    id: str | None = None
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dismissed: list[Dismissed] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with ``entity_id``, or ``None``."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def facts(self) -> list[Fact]:
        """Every fact: entities, figures, dates, then quotes, each in sheet order."""
        return [*self.entities, *self.figures, *self.dates, *self.quotes]

    def facts_of(self, kind: _Listed) -> list[Fact]:
        """The sheet's own list of one kind of fact (changing it changes the sheet)."""
        # Only facts of ``kind`` belong in it; the registry keeps class and list together.
        return cast("list[Fact]", getattr(self, kind.collection))

    def find(self, fact_id: str) -> Fact | None:
        """The fact with ``fact_id`` in any list, or ``None``."""
        return next((fact for fact in self.facts() if fact.id == fact_id), None)

    def fact_count(self) -> int:
        return len(self.entities) + len(self.figures) + len(self.dates) + len(self.quotes)

    def check(self, check_id: str) -> Check | None:
        """The check with ``check_id``, or ``None``."""
        return next((check for check in self.checks if check.id == check_id), None)

    def open_checks(self) -> list[Check]:
        """The checks nobody has resolved or dismissed yet, in text order."""
        return sorted((c for c in self.checks if c.is_open), key=lambda c: c.first_offset())

    # -- serialisation ---------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The ``newsdesk.factsheet/1`` JSON object."""
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "article": _article_to_dict(self.article),
            "entities": [_fact_to_dict(e) for e in self.entities],
            "figures": [_fact_to_dict(f) for f in self.figures],
            "dates": [_fact_to_dict(d) for d in self.dates],
            "quotes": [_fact_to_dict(q) for q in self.quotes],
        }
        if self.dismissed:  # optional: sheets without deletions read as they always did
            data["dismissed"] = [asdict(d) for d in self.dismissed]
        data["checks"] = [check.to_dict() for check in self.checks]
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactSheet:
        """Rebuild a sheet from its JSON object (the inverse of :meth:`to_dict`)."""
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported fact-sheet schema {schema!r}")
        return cls(
            article=_article_from_dict(data["article"]),
            id=data.get("id"),
            entities=[_fact_from_dict(Entity, row) for row in data.get("entities", [])],
            figures=[_fact_from_dict(Figure, row) for row in data.get("figures", [])],
            dates=[_fact_from_dict(DateFact, row) for row in data.get("dates", [])],
            quotes=[_fact_from_dict(Quote, row) for row in data.get("quotes", [])],
            dismissed=[Dismissed(**_known(Dismissed, d)) for d in data.get("dismissed") or []],
            checks=[c for c in map(Check.from_dict, data.get("checks") or []) if c is not None],
        )

    @classmethod
    def from_json(cls, text: str) -> FactSheet:
        return cls.from_dict(json.loads(text))


_SHARED = tuple(f.name for f in fields(FactBase))  # id, status, origin, note … recheck


def _article_to_dict(article: Article) -> dict[str, Any]:
    data = asdict(article)
    data["date_basis"] = article.date_basis.to_dict() if article.date_basis else None
    return data


def _article_from_dict(data: dict[str, Any]) -> Article:
    known = _known(Article, data)
    known["date_basis"] = DateBasis.from_dict(known.get("date_basis"))
    return Article(**known)


# Additive fields written only when they say something, so a sheet without them is
# written exactly as before they existed.
_WRITTEN_WHEN_SET = ("why", "earlier", "equivalent", "approximate")


def _fact_to_dict(fact: Fact) -> dict[str, Any]:
    """One fact's JSON object: id, its own fields, then the desk's work, as always written."""
    row = asdict(fact)
    own = {
        name: _plain(value)
        for name, value in row.items()
        if name not in _SHARED and not (name in _WRITTEN_WHEN_SET and _unset(value))
    }
    if isinstance(fact, Entity) and fact.register is None:
        del own["register"]  # optional: names no register entry decided read as before
    return {"id": row["id"], **own, **{name: row[name] for name in _SHARED[1:]}}


def _unset(value: Any) -> bool:
    """An additive field that says nothing: no value, no reasons, not set ("earlier" 0 is set)."""
    return value is None or value is False or (isinstance(value, list) and not value)


def _fact_from_dict(kind: type[_F], row: dict[str, Any]) -> _F:
    """One fact from its JSON object; nested parts go through :func:`_known` too."""
    # A newer file's extra key, at any level, used to raise TypeError instead of loading.
    data = _known(kind, row)
    if "mentions" in data:
        data["mentions"] = [Mention(**_known(Mention, m)) for m in data["mentions"]]
    if data.get("speaker_mention"):
        data["speaker_mention"] = Mention(**_known(Mention, data["speaker_mention"]))
    if "sentence" in data:
        data["sentence"] = tuple(data["sentence"]) if data["sentence"] else None
    if data.get("recheck"):
        data["recheck"] = Recheck(**_known(Recheck, data["recheck"]))
    if "register" in data:
        data["register"] = RegisterNote.from_dict(data["register"])
    if "why" in data:
        data["why"] = [Reason(**_known(Reason, reason)) for reason in data["why"] or []]
    if data.get("equivalent"):
        data["equivalent"] = Equivalent(**_known(Equivalent, data["equivalent"]))
    fact = kind(**data)
    _read_old_basis(fact, row)
    if "recheck" not in row:
        _read_recheck_note(fact)
    return fact


_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "him", "her", "them"})


def _read_old_basis(fact: Fact, row: dict[str, Any]) -> None:
    """A sheet saved before bases existed: a speaker or source found is "named"
    (a pronoun at the attribution: "pronoun"), none found is "none"."""
    if isinstance(fact, Quote) and row.get("speaker_basis") not in BASES:
        mention = fact.speaker_mention.text.lower() if fact.speaker_mention else ""
        fact.speaker_basis = (
            "pronoun" if mention in _PRONOUNS else "named" if fact.speaker or mention else "none"
        )
    elif isinstance(fact, Figure) and row.get("source_basis") not in BASES:
        fact.source_basis = "named" if fact.source or fact.source_text else "none"


# How sheets written before ``recheck`` existed flagged a fact: a sentence opening the note.
_RECHECK_NOTE = re.compile(r"^Changed from (?P<was>.*?) to .*? — re-check\.\s*", re.DOTALL)
_RECHECK_OPENING = "Changed from "


def _read_recheck_note(fact: Fact) -> None:
    """A sheet saved before ``recheck`` existed: the flag sentence opening the note becomes it.

    The sentence ends "to <the fact's words> — re-check.", so the earlier
    wording is read up to there ("up to 12" has a " to " of its own).
    """
    if not fact.note.startswith(_RECHECK_OPENING):
        return
    ending = f" to {fact.recheck_words()} — re-check."
    at = fact.note.find(ending)
    if at >= 0:
        was, rest = fact.note[len(_RECHECK_OPENING) : at], fact.note[at + len(ending) :]
    else:  # the words moved on since (a re-anchored fact): the shortest reading
        found = _RECHECK_NOTE.match(fact.note)
        if found is None:
            return
        was, rest = found.group("was"), fact.note[found.end() :]
    fact.recheck, fact.note = Recheck(was), rest.strip()


def _known(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys ``kind`` declares, so newer files still load."""
    names = {f.name for f in fields(kind)}
    return {k: v for k, v in data.items() if k in names}


def _plain(value: Any) -> Any:
    """A fact's own field as JSON writes it: whole numbers as integers, spans as lists."""
    if isinstance(value, float):
        return _plain_number(value)
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {name: _plain(part) for name, part in value.items()}
    return value


def _plain_number(value: float | None) -> float | int | None:
    """Write whole numbers as integers (25, not 25.0) in JSON."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
