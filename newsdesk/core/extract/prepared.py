"""An article read up to the parse: its parts, its story date and the tagger's text.

:func:`prepare_article` reads, once and without changing anything, what the
facts need before the pipeline runs: the headline and dateline
(:func:`~newsdesk.core.article.wire.read_parts`), the story date relative
dates count from and where it came from, and the text the tagger reads.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from newsdesk.core.article.wire import (
    ArticleParts,
    mask_furniture,
    read_parts,
    sentence_case_headline,
)
from newsdesk.core.extract.dates import resolve_date, story_date_line
from newsdesk.core.sheet.model import DateFrom

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoryDate:
    """The date relative dates ("on Friday", "last week") count from, and its basis."""

    date: dt.date
    # Where it was read: the date the editor gave, a date line in the copy,
    # the dateline's date, or (nothing said) the day of the analysis.
    basis: DateFrom


@dataclass(frozen=True)
class PreparedArticle:
    """What extraction reads from an article before the parse, read once."""

    parts: ArticleParts
    published: str | None  # the date the editor gave (ISO), as given
    story_date: StoryDate
    # The article text with a title-case headline recased, so the tagger does
    # not read "Army Carries Out Strikes" as one long name, and captions, credits
    # and "follow live" lines blanked, so no fact comes from them. Only letters
    # change case and blanks are as long as the line: every offset into it is an
    # offset into the article text.
    tagger_text: str

    @property
    def text(self) -> str:
        """The article text; every offset in the sheet points into it."""
        return self.parts.text


def prepare_article(text: str, published: str | None, today: dt.date) -> PreparedArticle:
    """Read the parts and the story date of cleaned ``text``."""
    parts = read_parts(text)
    return PreparedArticle(
        parts=parts,
        published=published,
        story_date=story_date(parts, published, today),
        tagger_text=mask_furniture(sentence_case_headline(text)),
    )


def story_date(parts: ArticleParts, published: str | None, today: dt.date) -> StoryDate:
    """The date relative dates count from: the one given, a date line under the
    headline, the dateline's date, or today."""
    if published:
        try:
            return StoryDate(dt.date.fromisoformat(published), "editor")
        except ValueError:
            log.warning("ignoring unreadable story date %r", published)
    # A line of its own that is only a date ("Friday, July 21, 2017").
    for line in parts.text.split("\n")[1:4]:
        value = story_date_line(line)
        if value:
            return StoryDate(dt.date.fromisoformat(value), "text")
    dateline = parts.dateline
    if dateline and dateline.date_text:
        value = resolve_date(dateline.date_text, today)
        if value:
            resolved = dt.date.fromisoformat(value)
            # A dateline month ahead of today belongs to last year.
            if resolved > today:
                resolved = resolved.replace(year=resolved.year - 1)
            return StoryDate(resolved, "dateline")
    return StoryDate(today, "today")
