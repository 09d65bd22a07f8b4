"""What the store hands back (:class:`VersionInfo`, :class:`StoryInfo`) and the rows it writes.

Rows are plain dicts for ``sqlite_utils``; times are stored as ISO 8601 text in
UTC (``2015-09-25T14:03:00.123456+00:00``) and handed back as aware datetimes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsdesk.core.sheet.model import STATUSES, FactSheet


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One saved version of a story: who saved it, when, why, and how many facts it holds."""

    story: str  # the story's slug
    number: int  # 1, 2, 3… within the story
    created_at: datetime  # timezone-aware, UTC
    editor: str
    message: str
    entity_count: int
    figure_count: int
    date_count: int
    quote_count: int
    text_hash: str
    parent: int | None = None  # the version it was based on; None when unknown
    unverified_count: int = 0
    verified_count: int = 0
    disputed_count: int = 0
    corrected_count: int = 0
    uid: str = ""  # the version's id on every editor's machine and the desk server
    parent_uid: str | None = None  # the id of the version it follows
    resolves: tuple[str, ...] = ()  # ids of the other ends of a fork it settles

    @property
    def fact_count(self) -> int:
        """All facts in this version."""
        return self.entity_count + self.figure_count + self.date_count + self.quote_count

    @property
    def status_counts(self) -> dict[str, int]:
        """How many facts have each status, in :data:`~newsdesk.core.sheet.model.STATUSES` order."""
        return {
            "unverified": self.unverified_count,
            "verified": self.verified_count,
            "disputed": self.disputed_count,
            "corrected": self.corrected_count,
        }


@dataclass(frozen=True)
class StoryInfo:
    """A story in the database: its slug, headline and how much history it has."""

    slug: str
    headline: str
    created_at: datetime  # timezone-aware, UTC
    version_count: int
    latest_at: datetime  # when the newest version was saved
    fact_count: int = 0  # facts in the newest version
    unverified_count: int = 0
    verified_count: int = 0
    disputed_count: int = 0
    corrected_count: int = 0

    @property
    def status_counts(self) -> dict[str, int]:
        """How many facts of the newest version have each status."""
        return {
            "unverified": self.unverified_count,
            "verified": self.verified_count,
            "disputed": self.disputed_count,
            "corrected": self.corrected_count,
        }


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: the version that now holds the sheet, and whether it is new.

    ``created`` is ``False`` when the sheet was the same as the story's newest
    version: nothing was written and ``version`` is that newest version.
    """

    version: VersionInfo
    created: bool


@dataclass(frozen=True)
class SearchHit:
    """A story that matches a search, with the newest matching version and a snippet."""

    story: StoryInfo
    version: int  # the newest version of the story that matches
    snippet: str  # a few words of the article around the first match, or the matching fact

    @property
    def in_latest(self) -> bool:
        """Whether the story's newest version still matches."""
        return self.version == self.story.version_count


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """Aware ``moment`` as sortable ISO text in UTC."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    """Stored ISO text back to an aware UTC datetime (naive text is taken as UTC)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# The columns of ``versions`` a :class:`VersionInfo` is read from, in the order
# :func:`version_from_row` takes them: everything but the sheet and the article, all
# in the covering index ``versions_history``, so a 1,000-version history reads no article.
VERSION_COLUMNS = (
    "v.number, v.created_at, v.editor, v.message, v.text_hash, v.parent, "
    "v.entity_count, v.figure_count, v.date_count, v.quote_count, "
    "v.unverified_count, v.verified_count, v.disputed_count, v.corrected_count, "
    "v.uid, v.parent_uid, v.resolves"
)


def version_from_row(slug: str, row: Sequence[Any]) -> VersionInfo:
    """A :class:`VersionInfo` from a ``versions`` row selected as :data:`VERSION_COLUMNS`.

    A plain tuple, not sqlite-utils' dict: a long history is read row by row.
    """
    (
        number, created_at, editor, message, text_hash, parent,
        entities, figures, dates, quotes, unverified, verified, disputed, corrected,
        uid, parent_uid, resolves,
    ) = row  # fmt: skip
    return VersionInfo(
        story=slug,
        number=number,
        created_at=from_iso(created_at),
        editor=editor,
        message=message,
        entity_count=entities,
        figure_count=figures,
        date_count=dates,
        quote_count=quotes,
        text_hash=text_hash,
        parent=parent,
        unverified_count=unverified,
        verified_count=verified,
        disputed_count=disputed,
        corrected_count=corrected,
        uid=uid or "",
        parent_uid=parent_uid,
        resolves=tuple((resolves or "").split()),
    )


def story_from_row(row: dict[str, Any]) -> StoryInfo:
    """A :class:`StoryInfo` from a ``stories`` row (migration 2's summary columns)."""
    return StoryInfo(
        slug=row["slug"],
        headline=row["headline"],
        created_at=from_iso(row["created_at"]),
        version_count=int(row["version_count"]),
        latest_at=from_iso(row["latest_at"] or row["created_at"]),
        fact_count=int(row["fact_count"]),
        unverified_count=int(row["unverified_count"]),
        verified_count=int(row["verified_count"]),
        disputed_count=int(row["disputed_count"]),
        corrected_count=int(row["corrected_count"]),
    )


def status_counts(sheet: FactSheet) -> dict[str, int]:
    """``{"unverified_count": …, "verified_count": …, …}`` over every fact of ``sheet``."""
    counts = dict.fromkeys(STATUSES, 0)
    statuses: list[str] = [fact.status for fact in sheet.entities]
    statuses += [fact.status for fact in sheet.figures]
    statuses += [fact.status for fact in sheet.dates]
    statuses += [fact.status for fact in sheet.quotes]
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return {f"{status}_count": counts[status] for status in STATUSES}


def fact_rows(version_id: int, sheet: FactSheet) -> list[dict[str, Any]]:
    """One ``facts`` row per entity, figure, date and quote of ``sheet``, in sheet order."""
    rows: list[dict[str, Any]] = []

    def add(
        fact_id: str,
        kind: str,
        text: str,
        status: str,
        note: str,
        *,
        label: str | None = None,
        value: str | None = None,
        qualifier: str | None = None,
        counted: str | None = None,
    ) -> None:
        rows.append(
            {
                "version_id": version_id,
                "fact_id": fact_id,
                "kind": kind,
                "label": label,
                "text": text,
                "value": value,
                "qualifier": qualifier,
                "counted": counted,
                "status": status,
                "note": note,
            }
        )

    for entity in sheet.entities:
        add(entity.id, "entity", entity.name, entity.status, entity.note, label=entity.label)
    for figure in sheet.figures:
        add(
            figure.id,
            "figure",
            figure.text,
            figure.status,
            figure.note,
            label=figure.kind,
            value=number_text(figure.value),
            qualifier=figure.qualifier,
            counted=figure.counted,
        )
    for date in sheet.dates:
        add(date.id, "date", date.text, date.status, date.note, value=date.value)
    for quote in sheet.quotes:
        add(quote.id, "quote", quote.text, quote.status, quote.note)
    return rows


def number_text(value: float | None) -> str | None:
    """A figure's value as text: ``25`` rather than ``25.0``; ``None`` stays unknown."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))
