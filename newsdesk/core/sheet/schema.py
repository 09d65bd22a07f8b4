"""The one schema of the fact-sheet JSON, and the only way a sheet comes in from outside.

``newsdesk.factsheet/1`` as pydantic models: every known key is checked for its
type (strictly: ``"5"`` is no offset, ``1`` no status), its allowed words
(statuses, origins, kinds, hedges), finite numbers, and sizes (an article of at
most :data:`MAX_TEXT_CHARS` characters, at most :data:`MAX_FACTS` facts of a
kind). Across the sheet, every offset lies inside the article text with its
start before its end, fact ids are unique, and a figure's ``source`` and a
quote's ``speaker`` name an entity of the sheet. Unknown keys are allowed at
every level, since the contract grows by adding optional keys (a newer
newsdesk's file still loads); they are dropped on reading.

:func:`parse_sheet` reads JSON text into a :class:`FactSheet` (import, drafts
and every version read back from the database go through it) and
:func:`sheet_json` writes a sheet's JSON, checked, before it is stored. Both raise
:class:`~newsdesk.errors.SheetError` whose message names the field
(``figures[3].end: 912 is past the end of the article text (880 characters)``)
and never quotes the article. :func:`json_schema` gives the same schema as
JSON Schema for other programs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from newsdesk.core.sheet.model import FactSheet
from newsdesk.errors import SheetError

MAX_TEXT_CHARS = 1_000_000  # what the analysis reads at a time (spaCy's max_length)
MAX_FACTS = 20_000  # of each kind; far beyond any story, well inside what prints and shows
MAX_ERRORS_SHOWN = 3
MAX_REASONS = 100  # rules behind one figure's reading; a reading takes about a dozen
MAX_REASON_CHARS = 2_000
_M = TypeVar("_M", bound=BaseModel)

Offset = Annotated[int, Field(ge=0, le=MAX_TEXT_CHARS)]
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
FactId = Annotated[str, Field(min_length=1, max_length=200)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Status = Literal["unverified", "verified", "disputed", "corrected"]
Origin = Literal["extracted", "edited", "added"]
Basis = Literal["named", "pronoun", "continuation", "inferred", "none"]


class _Part(BaseModel):
    """Every part of a sheet: strict types, unknown keys allowed (the contract is additive)."""

    model_config = ConfigDict(extra="allow", strict=True, allow_inf_nan=False)


class MentionModel(_Part):
    start: Offset
    end: Offset
    text: Text


class RecheckModel(_Part):
    was: Text


class FactModel(_Part):
    id: FactId
    status: Status = "unverified"
    origin: Origin = "extracted"
    note: Text = ""
    checked_by: Text | None = None
    checked_at: Text | None = None
    extracted: dict[str, Any] | None = None
    anchor_lost: bool = False
    recheck: RecheckModel | None = None


class EntityModel(FactModel):
    label: Text
    name: Text
    mentions: Annotated[list[MentionModel], Field(max_length=MAX_FACTS)] = []


class SpannedModel(FactModel):
    text: Text
    start: Offset
    end: Offset


QualifierName = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "range"]


class FigureModel(SpannedModel):
    kind: Literal["count", "money", "percent", "quantity", "number"] = "number"
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: QualifierName = "exact"
    change: Literal["up", "down"] | None = None
    unit: Text | None = None
    counted: Text | None = None
    sentence: tuple[Offset, Offset] | None = None
    source: FactId | None = None
    source_text: Text | None = None
    source_basis: Basis = "none"
    why: Annotated[list[ReasonModel], Field(max_length=MAX_REASONS)] = []
    earlier: Number | None = None
    equivalent: EquivalentModel | None = None
    approximate: bool = False


class ReasonModel(_Part):
    rule: Annotated[str, Field(min_length=1, max_length=200)]
    says: Annotated[str, Field(max_length=MAX_REASON_CHARS)] = ""


class EquivalentModel(_Part):
    text: Text
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: QualifierName = "exact"
    unit: Text | None = None
    carried: bool = False


class DateModel(SpannedModel):
    value: Text | None = None


class QuoteModel(SpannedModel):
    speaker: FactId | None = None
    speaker_mention: MentionModel | None = None
    cue: Text | None = None
    speaker_basis: Basis = "none"


class DismissedModel(_Part):
    kind: Literal["entity", "figure", "date", "quote"]
    text: Text
    start: Offset
    end: Offset
    id: FactId | None = None


class DateBasisModel(_Part):
    date: Text
    from_: Literal["dateline", "text", "editor", "today"] = Field(alias="from")


class ArticleModel(_Part):
    text: Text
    headline: Text = ""
    source: Text | None = None
    dateline: Text | None = None
    published: Text | None = None
    date_basis: DateBasisModel | None = None


class CheckModel(_Part):
    id: FactId
    kind: Text
    severity: Literal["high", "medium", "low"] = "medium"
    message: Text = ""
    spans: Annotated[list[MentionModel], Field(max_length=MAX_FACTS)] = []
    facts: Annotated[list[FactId], Field(max_length=MAX_FACTS)] = []
    key: Text = ""
    status: Literal["open", "resolved", "dismissed"] = "open"
    note: Text = ""
    checked_by: Text | None = None
    checked_at: Text | None = None


class SheetModel(_Part):
    """The whole ``newsdesk.factsheet/1`` object (see the module docstring)."""

    schema_: Literal["newsdesk.factsheet/1"] = Field("newsdesk.factsheet/1", alias="schema")
    id: Text | None = None
    article: ArticleModel
    entities: Annotated[list[EntityModel], Field(max_length=MAX_FACTS)] = []
    figures: Annotated[list[FigureModel], Field(max_length=MAX_FACTS)] = []
    dates: Annotated[list[DateModel], Field(max_length=MAX_FACTS)] = []
    quotes: Annotated[list[QuoteModel], Field(max_length=MAX_FACTS)] = []
    dismissed: Annotated[list[DismissedModel], Field(max_length=MAX_FACTS)] | None = None
    checks: Annotated[list[CheckModel], Field(max_length=MAX_FACTS)] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> SheetModel:
        problems = list(_sheet_problems(self))
        if problems:
            raise ValueError("\n".join(problems[:MAX_ERRORS_SHOWN]))
        return self


def _sheet_problems(sheet: SheetModel) -> Iterator[str]:
    """What is wrong across the sheet: offsets outside the text, repeated ids, dangling names."""
    length = len(sheet.article.text)
    seen: set[str] = set()

    def span(where: str, start: int, end: int) -> Iterator[str]:
        if end > length:
            yield f"{where}.end: {end} is past the end of the article text ({length} characters)"
        if start > end:
            yield f"{where}.start: {start} is after its end ({end})"

    for name, facts in (
        ("entities", sheet.entities),
        ("figures", sheet.figures),
        ("dates", sheet.dates),
        ("quotes", sheet.quotes),
    ):
        for index, fact in enumerate(facts):
            where = f"{name}[{index}]"
            if fact.id in seen:
                yield f"{where}.id: {fact.id!r} is the id of another fact"
            seen.add(fact.id)
            if isinstance(fact, EntityModel):
                for at, mention in enumerate(fact.mentions):
                    yield from span(f"{where}.mentions[{at}]", mention.start, mention.end)
                continue
            assert isinstance(fact, SpannedModel)
            yield from span(where, fact.start, fact.end)
            if isinstance(fact, FigureModel) and fact.sentence is not None:
                yield from span(f"{where}.sentence", *fact.sentence)
            if isinstance(fact, QuoteModel) and fact.speaker_mention is not None:
                mention = fact.speaker_mention
                yield from span(f"{where}.speaker_mention", mention.start, mention.end)
    for index, dismissed in enumerate(sheet.dismissed or []):
        yield from span(f"dismissed[{index}]", dismissed.start, dismissed.end)
    for index, check in enumerate(sheet.checks or []):
        for at, mention in enumerate(check.spans):
            yield from span(f"checks[{index}].spans[{at}]", mention.start, mention.end)
    entities = {entity.id for entity in sheet.entities}
    for index, figure in enumerate(sheet.figures):
        if figure.source is not None and figure.source not in entities:
            yield f"figures[{index}].source: {figure.source!r} is not an entity of this sheet"
    for index, quote in enumerate(sheet.quotes):
        if quote.speaker is not None and quote.speaker not in entities:
            yield f"quotes[{index}].speaker: {quote.speaker!r} is not an entity of this sheet"


def parse_sheet(text: str | bytes) -> FactSheet:
    """The fact sheet in JSON ``text``, checked against the schema; :class:`SheetError` if not."""
    return sheet_from_model(validate_json(SheetModel, text))


def sheet_json(sheet: FactSheet) -> str:
    """``sheet`` as compact JSON (as :meth:`FactSheet.to_dict` writes it), checked against
    the schema before it is stored; :class:`SheetError` when it breaks the contract."""
    try:
        text = json.dumps(sheet.to_dict(), ensure_ascii=False, allow_nan=False)
    except ValueError as error:  # NaN or infinity: not JSON
        raise SheetError(f"The fact sheet holds a number that is not finite ({error}).") from error
    validate_json(SheetModel, text)
    return text


def validate_json(model: type[_M], text: str | bytes) -> _M:
    """``text`` parsed and checked as ``model``; :class:`SheetError` naming the fields if not."""
    try:
        return model.model_validate_json(text)
    except ValidationError as error:
        raise SheetError(describe(error)) from None


def sheet_from_model(model: SheetModel) -> FactSheet:
    """The :class:`FactSheet` a checked model holds (unknown keys are dropped)."""
    return FactSheet.from_dict(model.model_dump(by_alias=True, exclude_unset=True))


def describe(error: ValidationError) -> str:
    """What is wrong, field by field, without quoting the input (it may be the article)."""
    lines = [_line(detail) for detail in error.errors(include_url=False, include_input=False)]
    more = len(lines) - MAX_ERRORS_SHOWN
    shown = "; ".join(lines[:MAX_ERRORS_SHOWN])
    return shown + (f"; and {more} more" if more > 0 else "")


def _line(detail: ErrorDetails) -> str:
    where = _path(detail["loc"])
    message = detail["msg"].removeprefix("Value error, ")
    if detail["type"] == "json_invalid":
        return f"not JSON ({detail.get('ctx', {}).get('error', message)})"
    if not where:
        if detail["type"] == "model_type":
            return "not a fact sheet (the JSON is not an object)"
        return message
    if detail["type"] == "model_type" and where:
        message = "should be an object"
    return f"{where}: {message[:1].lower()}{message[1:]}"


def _path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part in ("function-after[_consistent(), SheetModel]",):
            continue
        else:
            path += f".{part}" if path else str(part)
    return path


def json_schema() -> dict[str, Any]:
    """The fact-sheet schema as JSON Schema (the cross-sheet checks are described, not encoded)."""
    return SheetModel.model_json_schema(by_alias=True)
