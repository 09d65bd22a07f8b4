"""Dates: absolute dates read, relative ones resolved against the story date.

"Sept. 25, 2015" → 2015-09-25; "March 3" → that day in the story's year;
"on Friday" → the most recent Friday on or before the story date (wire copy
reports the past); "yesterday", "today", "tomorrow". Anything else (periods,
"last week", "in 2019") keeps a ``None`` value rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
# Whole month names or their abbreviations only: a bare prefix with any tail
# read "junior 3" as June 3 and "doctor 5" as October 5.
_MONTH = (
    r"\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
                        r"(?:,?\s+(?P<year>\d{4}))?\b")  # fmt: skip


def resolve_date(text: str, story_date: dt.date) -> str | None:
    """The ISO date ``text`` names, or ``None`` when it cannot be known."""
    lower = " ".join(text.lower().split())
    found = _ISO.search(lower)
    if found:
        return _iso(int(found["y"]), int(found["m"]), int(found["d"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        found = pattern.search(lower)
        if found:
            month = _MONTHS[found["month"][:4] if found["month"].startswith("sept") else
                            found["month"][:3]]  # fmt: skip
            year = int(found["year"]) if found["year"] else _nearest_year(month, story_date)
            return _iso(year, month, int(found["day"]))
    words = re.findall(r"[a-z]+", lower)
    if len(words) <= 3:
        for word in words:
            if word in _RELATIVE:
                return (story_date + dt.timedelta(days=_RELATIVE[word])).isoformat()
        weekday = [w for w in words if w in _WEEKDAYS]
        if len(weekday) == 1 and not {"next", "last", "every", "each"} & set(words):
            back = (story_date.weekday() - _WEEKDAYS.index(weekday[0])) % 7
            return (story_date - dt.timedelta(days=back)).isoformat()
    return None


def _nearest_year(month: int, story_date: dt.date) -> int:
    """A month without a year: the story's year, unless that is well ahead."""
    if month - story_date.month > 6:
        return story_date.year - 1
    if story_date.month - month > 6:
        return story_date.year + 1
    return story_date.year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
