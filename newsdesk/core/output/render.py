"""Fact sheets laid out for reading: the printed HTML sheet and the plain-text summary.

Everything here is plain Python (no Qt): the GUI prints :func:`sheet_to_html`
through ``QTextDocument``, the exports write it to files, and the command line's
``--format text`` is :func:`sheet_to_text`. Each fact is worded by
:mod:`newsdesk.core.output.wording`; this module places the words: the headline
and meta line, one section per group (People, Organisations, Places, Groups,
Other, Figures, Dates, Quotes), filters, change marks against an earlier
version, the article appendix and the footer.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from newsdesk.core.output.diff import diff_sheets
from newsdesk.core.output.wording import (
    fact_context,
    fact_details,
    fact_heading,
    fact_value,
    grouped_facts,
    note_text,
    sheet_counts,
    source_display,
    status_box,
    story_date_line,
)
from newsdesk.core.sheet.labels import GROUP_TITLES
from newsdesk.core.sheet.model import Fact, FactSheet


@dataclass(frozen=True)
class RenderOptions:
    """What a printed or exported sheet shows.

    ``statuses`` keeps only facts with those statuses (``None``: every fact);
    ``compare_to`` is an earlier sheet: facts added or changed since it are
    marked and removed ones listed, headed "since version ``compare_version``".
    """

    statuses: frozenset[str] | None = None
    include_notes: bool = True
    include_article: bool = False
    compare_to: FactSheet | None = None
    compare_version: int | None = None

    def shows(self, fact: Fact) -> bool:
        """Whether ``fact`` passes the status filter."""
        return self.statuses is None or fact.status in self.statuses


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
            details = tuple(field.describe() for field in change.fields)
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


# Qt's rich text reads a subset of CSS: lengths of margins and padding in px
# (1/96 inch, scaled to the printer), font sizes in pt; no nested at-rules.
_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; color: #000; }
h1 { font-size: 16pt; margin: 0px 0px 4px 0px; }
h2 { font-size: 12pt; margin: 14px 0px 3px 0px; border-bottom: 1px solid #000;
  page-break-after: avoid; break-after: avoid; }
p { margin: 0px; }
p.meta { margin: 0px 0px 2px 0px; font-size: 9pt; }
p.options { margin: 0px 0px 6px 0px; font-size: 9pt; font-style: italic; }
table.facts { border-collapse: collapse; width: 100%; margin: 0px; }
table.facts td { padding: 2px 6px 6px 0px; vertical-align: top; border-bottom: 1px solid #999; }
tr.fact { page-break-inside: avoid; break-inside: avoid; }
td.box { font-size: 13pt; }
p.head { margin: 0px; }
p.context { font-family: 'DejaVu Serif', Georgia, serif; font-size: 8.5pt;
  margin: 1px 0px 0px 0px; }
p.note { font-size: 8.5pt; margin: 2px 0px 0px 0px; }
td.side { font-size: 8pt; }
span.status { font-weight: bold; text-transform: uppercase; }
p.mark { font-size: 8pt; font-weight: bold; margin: 2px 0px 0px 0px; }
p.empty { font-style: italic; margin: 0px 0px 4px 0px; }
p.article { font-family: 'DejaVu Serif', Georgia, serif; font-size: 9.5pt;
  margin: 0px 0px 6px 0px; }
p.footer { font-size: 8pt; margin: 12px 0px 0px 0px; border-top: 1px solid #000; }
"""
# Browsers only (Qt's parser would drop the whole sheet at a nested at-rule).
_PAGE_CSS = """
@page { size: auto; margin: 16mm 16mm 18mm 16mm;
  @bottom-left { content: "%s"; font-size: 8pt; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
"""


def meta_line(
    sheet: FactSheet, version: int | None, saved_by: str | None, saved_at: datetime | None
) -> str:
    """Source · dateline · story date · version N saved by X at T · counts."""
    article = sheet.article
    dates = story_date_line(sheet)
    parts = [
        part for part in (article.source, article.dateline, dates or article.published) if part
    ]
    saved = []
    if version is not None:
        saved.append(f"version {version}")
    if saved_by:
        saved.append(f"saved by {saved_by}")
    if saved_at is not None:
        saved.append(f"at {saved_at.astimezone().strftime('%d %b %Y %H:%M')}")
    if saved:
        text = " ".join(saved)
        parts.append(text[0].upper() + text[1:])
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


def sheet_to_html(
    sheet: FactSheet,
    *,
    version: int | None = None,
    saved_by: str | None = None,
    saved_at: datetime | None = None,
    options: RenderOptions | None = None,
    footer: bool = False,
) -> str:
    """A plain, print-friendly HTML fact sheet (every text is escaped).

    The headline and story details come first, then one section per group
    with one table row per fact (a row never splits across pages): its tick
    box, value, details, short source sentence, note and any change mark.
    ``footer`` adds a closing line with the story, version and text hash for
    standalone HTML files; printing draws its own footer on every page.
    """
    options = options or RenderOptions()
    esc = html.escape
    headline = sheet.article.headline or "Untitled story"
    marks, removed = change_marks(options, sheet)
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{esc(headline)}</title>",
        f"<style>{_CSS}</style>",
        f"<style>{_page_css(sheet, version)}</style>" if footer else "",
        "</head><body>",
        f"<h1>{esc(headline)}</h1>",
        f'<p class="meta">{esc(meta_line(sheet, version, saved_by, saved_at))}</p>',
    ]
    note = options_line(options)
    if note:
        out.append(f'<p class="options">{esc(note)}</p>')
    for key, facts in visible_groups(sheet, options).items():
        out.append(f"<h2>{esc(GROUP_TITLES[key])} ({len(facts)})</h2>")
        if not facts:
            out.append('<p class="empty">None found.</p>')
            continue
        out.append('<table class="facts" width="100%" cellspacing="0">')
        for fact in facts:
            out.append(_fact_row(sheet, fact, options, marks.get(fact.id)))
        out.append("</table>")
    if removed:
        out.append(f"<h2>Removed since version {options.compare_version or 'compared'}</h2>")
        out.append('<table class="facts" width="100%" cellspacing="0">')
        for fact in removed:
            out.append(
                '<tr class="fact"><td class="box" width="6%">−</td>'
                f'<td width="94%"><s>{esc(fact.title)}</s> {esc(fact_value(fact))}</td></tr>'
            )
        out.append("</table>")
    if options.include_article:
        out.append(_article_appendix(sheet))
    if footer:
        out.append(f'<p class="footer">{esc(footer_text(sheet, version))}</p>')
    out.append("</body></html>")
    return "\n".join(out)


def _page_css(sheet: FactSheet, version: int | None) -> str:
    # A CSS string inside <style>: escape quotes, backslashes and "<" (no "</style>").
    story = footer_text(sheet, version)
    for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("<", "\\3c "), ("\n", " ")):
        story = story.replace(char, escaped)
    return _PAGE_CSS % story


def _fact_row(sheet: FactSheet, fact: Fact, options: RenderOptions, mark: ChangeMark | None) -> str:
    esc = html.escape
    title = fact_heading(fact)
    value = fact_value(fact)
    head = f"<b>{esc(title)}</b>" + (f" &nbsp;&nbsp;{esc(value)}" if value else "")
    main = [f'<p class="head">{head}</p>']
    context = fact_context(sheet, fact)
    if context is not None:
        before, marked, after = context
        main.append(f'<p class="context">{esc(before)}<b><u>{esc(marked)}</u></b>{esc(after)}</p>')
    note = note_text(fact)
    if options.include_notes and note:
        main.append(f'<p class="note"><b>Note:</b> {esc(note)}</p>')
    if mark is not None:
        main.append(f'<p class="mark">▶ {esc(mark.label(options.compare_version))}</p>')
    side = f'<span class="status">{esc(fact.status)}</span><br>' + "<br>".join(
        esc(detail) for detail in fact_details(fact, sheet)
    )
    return (
        f'<tr class="fact"><td class="box" width="5%">{status_box(fact.status)}</td>'
        f'<td class="main" width="67%">{"".join(main)}</td>'
        f'<td class="side" width="28%">{side}</td></tr>'
    )


def _article_appendix(sheet: FactSheet) -> str:
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


def sheet_to_text(sheet: FactSheet) -> str:
    """A readable plain-text summary of the sheet (the CLI's ``--format text``)."""
    headline = sheet.article.headline or "Untitled story"
    lines = [headline, "=" * min(len(headline), 72), meta_line(sheet, None, None, None)]
    for key, facts in grouped_facts(sheet).items():
        if not facts:
            continue
        lines += ["", f"{GROUP_TITLES[key]} ({len(facts)})"]
        for fact in facts:
            details = [fact_value(fact)]
            source = source_display(fact, sheet)
            if source:
                details.append(f"says {source}" if key != "quotes" else f"said by {source}")
            if fact.status != "unverified":
                details.append(fact.status)
            detail = "; ".join(d for d in details if d)
            lines.append(
                f"  {status_box(fact.status)} {fact_heading(fact)}"
                + (f" — {detail}" if detail else "")
            )
    return "\n".join(lines) + "\n"
