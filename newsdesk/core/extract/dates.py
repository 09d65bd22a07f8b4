"""Dates: absolute dates read, relative ones resolved against the story date.

Values are ISO 8601 at the precision the text gives:

- a day: "Sept. 25, 2015", "March 3" (the story's year, or the nearest one
  across a new year), "yesterday", "on Friday" (the most recent Friday on or
  before the story date, as wire copy reports the past; the coming one when
  ``future`` is set), "last Friday", "next Monday", "three days ago";
- a week: "last week", "this week", "next week" → ``2015-W38``;
- a month: "March 2015", "in March", "last month" → ``2015-03``;
- a year: "in 2019", "this year", "last year" → ``2019``.

Anything else (durations, "the spring", "every Friday", "decade") is
``None``: unknown is never guessed. In a parsed doc, :func:`date_spans` are
the dates to resolve and :func:`looks_ahead` says whether a date's clause
speaks of the future ("talks will resume on Friday": the coming Friday).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.periods import is_date_like

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newsdesk.core.article.wire import Dateline

_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Whole month names or their abbreviations only: a bare prefix with any tail
# read "junior 3" as June 3 and "doctor 5" as October 5.
_MONTH_WORDS = "|".join(sorted(lexicon.MONTH_NUMBERS, key=len, reverse=True))  # longest first
_MONTH = r"\b(?P<month>" + _MONTH_WORDS + r")\b\.?"
_WEEKDAY_START = "|".join(day[:3] for day in lexicon.WEEKDAY_NAMES)  # "mon", "tue", …
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
                        r"(?:,?\s+(?P<year>\d{4}))?\b")  # fmt: skip
_MONTH_YEAR = re.compile(r"^(?:(?:in|of|since|until|by|during|early|late|mid)\s+)*" + _MONTH +
                         r"(?:,?\s+(?P<year>\d{4}))?$")  # fmt: skip
_YEAR = re.compile(
    r"^(?:(?:in|of|since|until|by|during|the\s+year)\s+)*(?P<year>1[5-9]\d\d|20\d\d)$"
)
_AGO = re.compile(
    r"^(?:about\s+|some\s+|nearly\s+)?(?P<count>\d+|[a-z]+)\s+"
    r"(?P<unit>day|days|week|weeks|month|months|year|years)\s+ago$"
)
_PERIOD = re.compile(
    r"^(?:(?:earlier|later|early|late)\s+)?(?P<shift>last|past|previous|this|next|coming)\s+"
    r"(?P<unit>week|month|year)$"
)
_FULL_DATE_LINE = re.compile(
    r"^(?:(?:" + _WEEKDAY_START + r")[a-z]*\.?,?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("month", "month2") + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?$"
)


def resolve_date(text: str, story_date: dt.date, *, future: bool = False) -> str | None:
    """The ISO value ``text`` names (day, week, month or year), or ``None``.

    ``future`` says the sentence looks ahead ("will meet on Friday"), so a
    bare weekday means the coming one rather than the last one.
    """
    lower = " ".join(text.lower().replace("’", "'").split())
    lower = re.sub(r"^(?:on|from|by|since|until|before|after)\s+", "", lower)
    lower = re.sub(r"'s$", "", lower)
    found = _ISO.search(lower)
    if found:
        return _iso(int(found["y"]), int(found["m"]), int(found["d"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        found = pattern.search(lower)
        if found:
            month = lexicon.MONTH_NUMBERS[found["month"]]
            year = int(found["year"]) if found["year"] else _nearest_year(month, story_date)
            return _iso(year, month, int(found["day"]))
    found = _MONTH_YEAR.match(lower)
    if found:
        month = lexicon.MONTH_NUMBERS[found["month"]]
        year = int(found["year"]) if found["year"] else _nearest_year(month, story_date)
        return f"{year:04d}-{month:02d}"
    found = _YEAR.match(lower)
    if found:
        return found["year"]
    return _relative(lower, story_date, future)


def _relative(lower: str, story_date: dt.date, future: bool) -> str | None:
    words = re.findall(r"[a-z]+", lower)
    if not words or len(words) > 4 or {"every", "each", "and", "or"} & set(words):
        return None
    for word in words:
        if word in _RELATIVE:
            return (story_date + dt.timedelta(days=_RELATIVE[word])).isoformat()
    found = _AGO.match(lower)
    if found:
        count = found["count"]
        number = int(count) if count.isdigit() else _COUNTS.get(count)
        if number is None:
            return None
        unit = found["unit"].rstrip("s")
        if unit == "year":
            return f"{story_date.year - number:04d}"  # "three years ago": that year
        if unit == "month":
            return _period("month", -number, story_date)
        days = number * (7 if unit == "week" else 1)
        return (story_date - dt.timedelta(days=days)).isoformat()
    found = _PERIOD.match(lower)
    if found:
        return _period(found["unit"], _SHIFT[found["shift"]], story_date)
    weekdays = [w for w in words if w in lexicon.WEEKDAYS]
    if len(weekdays) != 1:
        return None
    target = lexicon.WEEKDAY_NAMES.index(weekdays[0])
    shift = next((_SHIFT[w] for w in words if w in _SHIFT), None)
    if shift == -1:  # "last Friday": the one before the story date
        back = (story_date.weekday() - target) % 7 or 7
        return (story_date - dt.timedelta(days=back)).isoformat()
    if shift == 1 or (future and shift in (None, 0)):
        ahead = (target - story_date.weekday()) % 7
        if shift == 1 and ahead == 0:
            ahead = 7
        return (story_date + dt.timedelta(days=ahead)).isoformat()
    back = (story_date.weekday() - target) % 7
    return (story_date - dt.timedelta(days=back)).isoformat()


def _period(unit: str, shift: int, story_date: dt.date) -> str:
    if unit == "week":
        year, week, _ = (story_date + dt.timedelta(weeks=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        month_index = story_date.year * 12 + story_date.month - 1 + shift
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    return f"{story_date.year + shift:04d}"


def story_date_line(line: str) -> str | None:
    """The ISO date of a line that is only a full date ("Friday, July 21, 2017")."""
    lower = " ".join(line.lower().split())
    if not lower or not _FULL_DATE_LINE.match(lower):
        return None
    value = resolve_date(lower, dt.date(2000, 1, 1))
    return value if value and len(value) == 10 else None


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


# -- dates in the parsed doc ------------------------------------------------------


def date_spans(doc: Doc, text: str, dateline: Dateline | None) -> list[Span]:
    """The dates of ``doc``: the NER's DATE spans that name a date (not a length of
    time or a clock time), and the dateline's date where the NER missed it
    ("NEW DELHI, Aug 5 (Reuters)")."""
    spans = [e for e in doc.ents if e.label_ == "DATE" and is_date_like(e)]
    missed = _dateline_date(doc, text, dateline, spans)
    if missed is not None:
        spans = sorted([*spans, missed], key=lambda e: e.start)
    return spans


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
# Verbs whose "to" infinitive looks ahead: "is due to meet", "are expected to publish".
_AHEAD_VERBS = frozenset(
    {"due", "set", "plan", "be", "expect", "schedule", "hope", "aim", "intend", "vow",
     "pledge", "promise", "prepare", "threaten", "agree", "want"}
)  # fmt: skip


def looks_ahead(span: Span) -> bool:
    """Whether the date's clause speaks of the future ("talks will resume on Friday")."""
    token = span.root
    for _ in range(4):  # walk up to the verb the date hangs from
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ == "on" and span.start >= 2:
        before = doc[span.start - 2]
    if before is not None and before.tag_ == "VBD":
        return False  # "said on Wednesday it would cut jobs": the saying was on Wednesday
    if any(c.lower_ == "had" for c in token.children) or any(
        c.lower_ == "had" for c in token.head.children
    ):
        return False  # "had been closed until Tuesday": past before the past
    if any(c.lower_ in _FUTURE_AUX or c.lemma_ == "will" for c in token.children):
        return True  # "will resume on Friday", "said it would vote on Monday"
    if token.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "auxpass" for c in token.children):
        return True  # "Rovers host Dunmore on Sunday": the present of a fixture
    if any(t.lower_ in ("until", "till") for t in doc[max(span.start - 1, 0) : span.start]):
        return True  # "closed until Monday"
    # "is due to meet", "are expected to publish", "plans to": the infinitive's parent.
    head = token.head
    return token.tag_ == "VB" and head is not token and head.lemma_ in _AHEAD_VERBS


def _dateline_date(
    doc: Doc, text: str, dateline: Dateline | None, known: list[Span]
) -> Span | None:
    """The dateline's date as a span, when no DATE span already covers it."""
    if dateline is None or not dateline.date_text:
        return None
    at = text.find(dateline.date_text, dateline.start)
    if at == -1:
        return None
    span = doc.char_span(at, at + len(dateline.date_text), label="DATE", alignment_mode="expand")
    if span is None or any(e.start < span.end and span.start < e.end for e in known):
        return None
    return span
