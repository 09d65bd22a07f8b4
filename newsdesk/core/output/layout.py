"""What every printed layout shares: the options, the story's lines, change marks, the page.

The desk sheet (:mod:`newsdesk.core.output.desk`) and the full sheet
(:mod:`newsdesk.core.output.render`) both print a headline, the story's
details, change marks against an earlier version and a footer; they are
worded here once. Plain Python, no Qt.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from newsdesk.core.checks import CHECK_KINDS, SEVERITY_WORDS, where_in
from newsdesk.core.output.diff import FieldChange, diff_sheets, show_value
from newsdesk.core.output.wording import (
    QUALIFIER_WORDS,
    grouped_facts,
    sheet_counts,
    story_date_line,
)
from newsdesk.core.sheet.labels import GROUP_TITLES, entity_group
from newsdesk.core.sheet.model import Check, Fact, FactSheet

Layout = Literal["desk", "full"]
LAYOUT_TITLES: dict[str, str] = {"desk": "Desk sheet", "full": "Full sheet"}


@dataclass(frozen=True)
class RenderOptions:
    """What a printed or exported sheet shows.

    ``layout`` is the desk sheet (claims first, names compact, one page for a
    typical story) or the full sheet (every fact with its sentence, group by
    group). ``statuses`` keeps only facts with those statuses (``None``: every
    fact); ``compare_to`` is an earlier sheet: facts added or changed since it
    are marked and removed ones listed, headed "since version ``compare_version``".
    ``story`` is the story's slug, printed with the version when known.
    """

    statuses: frozenset[str] | None = None
    include_notes: bool = True
    include_article: bool = False
    compare_to: FactSheet | None = None
    compare_version: int | None = None
    layout: Layout = "desk"
    story: str | None = None

    def shows(self, fact: Fact) -> bool:
        """Whether ``fact`` passes the status filter."""
        return self.statuses is None or fact.status in self.statuses


# Field names as the desk says them, in change marks ("hedge: exactly → at least").
FIELD_WORDS: dict[str, str] = {
    "text": "words",
    "value": "value",
    "low": "lowest",
    "high": "highest",
    "qualifier": "hedge",
    "kind": "kind of figure",
    "change": "change",
    "unit": "unit",
    "counted": "counts",
    "source": "source",
    "speaker": "speaker",
    "cue": "cue",
    "status": "status",
    "checked_by": "checked by",
    "note": "note",
    "name": "name",
    "label": "kind of name",
    "mentions": "mentions",
}


@dataclass(frozen=True)
class ChangeMark:
    """How a fact differs from the compared version: ``"new"`` or ``"changed"``."""

    kind: str
    details: tuple[str, ...] = ()

    def label(self, version: int | None) -> str:
        """``"NEW since v2"`` / ``"CHANGED since v2: value: 12 → 25"``."""
        since = f" since v{version}" if version is not None else ""
        head = f"{self.kind.upper()}{since}"
        return f"{head}: {'; '.join(self.details)}" if self.details else head


def describe_change(change: FieldChange) -> str:
    """One changed field in the desk's words: "hedge: exactly → at least", "kind of name: …"."""

    def shown(value: object) -> str:
        if change.name == "label" and isinstance(value, str):
            return GROUP_TITLES[entity_group(value)]
        if change.name == "qualifier" and isinstance(value, str):
            return QUALIFIER_WORDS.get(value, value)
        return show_value(value)

    name = FIELD_WORDS.get(change.name, change.name.replace("_", " "))
    return f"{name}: {shown(change.old)} → {shown(change.new)}"


def change_marks(
    options: RenderOptions, sheet: FactSheet
) -> tuple[dict[str, ChangeMark], list[Fact]]:
    """Marks by fact id for facts new or changed since ``options.compare_to``, and removed facts."""
    if options.compare_to is None:
        return {}, []
    diff = diff_sheets(options.compare_to, sheet)
    marks: dict[str, ChangeMark] = {}
    removed: list[Fact] = []
    for change in diff.changes:
        if change.change == "added" and change.new is not None:
            marks[change.new.id] = ChangeMark("new")
        elif change.change == "changed" and change.new is not None:
            details = tuple(describe_change(field) for field in change.fields)
            marks[change.new.id] = ChangeMark("changed", details)
        elif change.change == "removed" and change.old is not None:
            removed.append(change.old)
    return marks, removed


def visible_groups(sheet: FactSheet, options: RenderOptions) -> dict[str, list[Fact]]:
    """:func:`grouped_facts` with the status filter of ``options`` applied."""
    return {
        key: [fact for fact in facts if options.shows(fact)]
        for key, facts in grouped_facts(sheet).items()
    }


def saved_words(version: int | None, saved_by: str | None, saved_at: datetime | None) -> str:
    """ "Version 2 saved by amira at 05 Dec 2025 12:51", or what of it is known."""
    saved = []
    if version is not None:
        saved.append(f"version {version}")
    if saved_by:
        saved.append(f"saved by {saved_by}")
    if saved_at is not None:
        saved.append(f"at {saved_at.astimezone().strftime('%d %b %Y %H:%M')}")
    text = " ".join(saved)
    return text[:1].upper() + text[1:]


def meta_line(
    sheet: FactSheet, version: int | None, saved_by: str | None, saved_at: datetime | None
) -> str:
    """Source · dateline · story date · version N saved by X at T · counts."""
    article = sheet.article
    dates = story_date_line(sheet)
    parts = [
        part for part in (article.source, article.dateline, dates or article.published) if part
    ]
    saved = saved_words(version, saved_by, saved_at)
    if saved:
        parts.append(saved)
    parts.append(sheet_counts(sheet))
    return " · ".join(parts)


def footer_text(sheet: FactSheet, version: int | None) -> str:
    """The running footer's story part: headline, version and a short text hash."""
    headline = sheet.article.headline or "Untitled story"
    if len(headline) > 60:
        headline = headline[:59].rstrip() + "…"
    parts = [headline]
    if version is not None:
        parts.append(f"version {version}")
    parts.append(f"text {sheet.article.text_hash[:8]}")
    return " · ".join(parts)


def page_label(page: int, pages: int) -> str:
    """``"Page 1 of 3"``."""
    return f"Page {page} of {pages}"


def options_line(options: RenderOptions) -> str:
    """What the reader should know about a filtered or compared sheet."""
    parts = []
    if options.statuses is not None:
        parts.append("Only facts that are " + ", ".join(sorted(options.statuses)))
    if options.compare_to is not None:
        since = f"version {options.compare_version}" if options.compare_version else "earlier"
        parts.append(f"Changes marked against {since}")
    if not options.include_notes:
        parts.append("notes left out")
    return " · ".join(parts)


# Browsers only (Qt's parser would drop the whole sheet at a nested at-rule).
_PAGE_CSS = """
@page { size: auto; margin: 16mm 16mm 18mm 16mm;
  @bottom-left { content: "%s"; font-size: 8pt; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
"""


def page_css(sheet: FactSheet, version: int | None) -> str:
    """The browser's page rule: the story and "Page i of n" at the foot of every page."""
    # A CSS string inside <style>: escape quotes, backslashes and "<" (no "</style>").
    story = footer_text(sheet, version)
    for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("<", "\\3c "), ("\n", " ")):
        story = story.replace(char, escaped)
    return _PAGE_CSS % story


def html_page(
    sheet: FactSheet, css: str, body: list[str], *, version: int | None, footer: bool
) -> str:
    """A whole HTML document around ``body``; ``footer`` adds the story line and page rule."""
    esc = html.escape
    headline = sheet.article.headline or "Untitled story"
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{esc(headline)}</title>",
        f"<style>{css}</style>",
        f"<style>{page_css(sheet, version)}</style>" if footer else "",
        "</head><body>",
        *body,
    ]
    if footer:
        out.append(f'<p class="footer">{esc(footer_text(sheet, version))}</p>')
    out.append("</body></html>")
    return "\n".join(out)


def article_appendix(sheet: FactSheet) -> str:
    """The article with every fact marked: names underlined, figures and dates bold."""
    esc = html.escape
    text = sheet.article.text
    spans = [(start, end, "u") for entity in sheet.entities for start, end in entity.spans()]
    spans += [(fact.start, fact.end, "b") for fact in [*sheet.figures, *sheet.dates]]
    spans.sort()
    pieces: list[str] = []
    position = 0
    for start, end, tag in spans:
        if start < position or end > len(text):
            continue  # overlapping marks: the first one wins
        pieces.append(esc(text[position:start]))
        pieces.append(f"<{tag}>{esc(text[start:end])}</{tag}>")
        position = end
    pieces.append(esc(text[position:]))
    paragraphs = [p for p in "".join(pieces).split("\n") if p.strip()]
    body = "".join(f'<p class="article">{p}</p>' for p in paragraphs)
    return (
        '<h2 style="page-break-before: always">Article</h2>'
        '<p class="options">Names underlined; figures and dates in bold.</p>' + body
    )


def check_words(check: Check, text: str) -> tuple[str, str, str]:
    """A check as printed: ``("HIGH", "Headline against the body · headline", message)``."""
    kind = CHECK_KINDS.get(check.kind)
    title = kind.title if kind is not None else check.kind.replace("_", " ")
    where = where_in(text, check.spans[0].start) if check.spans else ""
    return (
        SEVERITY_WORDS[check.severity].upper(),
        f"{title} · {where}" if where else title,
        (check.message),
    )


def checks_html(sheet: FactSheet) -> str:
    """The open desk checks, most serious first, each with a box to tick ("" when none)."""
    open_checks = sorted(sheet.open_checks(), key=lambda c: (_SEVERITY_ORDER[c.severity],))
    if not open_checks:
        return ""
    esc = html.escape
    rows = []
    for check in open_checks:
        severity, title, message = check_words(check, sheet.article.text)
        rows.append(
            f'<tr class="check"><td class="box" width="4%">☐</td>'
            f'<td class="severity" width="9%"><b>{esc(severity)}</b></td>'
            f'<td width="87%"><b>{esc(title)}</b> — {esc(message)}</td></tr>'
        )
    return (
        f"<h2>Checks to answer ({len(open_checks)})</h2>"
        '<table class="checks" width="100%" cellspacing="0">' + "".join(rows) + "</table>"
    )


_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
