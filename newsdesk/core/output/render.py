"""Fact sheets laid out for reading: the printed HTML sheet and the plain-text summary.

Everything here is plain Python (no Qt): the GUI prints :func:`sheet_to_html`
through ``QTextDocument``, the exports write it to files, and the command line's
``--format text`` is :func:`sheet_to_text`. Two layouts: the desk sheet
(:mod:`newsdesk.core.output.desk`, the default: claims first, one page for a
typical story) and the full sheet laid out here — the headline and meta line,
the open desk checks, one section per group (People, Organisations, Places,
Groups, Other, Figures, Dates, Quotes) with every fact's sentence, filters,
change marks against an earlier version, the article appendix and the footer.
What both share is :mod:`newsdesk.core.output.layout`; each fact is worded by
:mod:`newsdesk.core.output.wording`.
"""

from __future__ import annotations

import html
from datetime import datetime

from newsdesk.core.output.desk import desk_sheet_html
from newsdesk.core.output.layout import (
    LAYOUT_TITLES,
    ChangeMark,
    Layout,
    RenderOptions,
    article_appendix,
    change_marks,
    checks_html,
    footer_text,
    html_page,
    meta_line,
    options_line,
    page_label,
    visible_groups,
)
from newsdesk.core.output.names import LAYOUTS
from newsdesk.core.output.wording import (
    fact_context,
    fact_details,
    fact_heading,
    fact_value,
    grouped_facts,
    note_text,
    source_display,
    status_box,
)
from newsdesk.core.sheet.labels import GROUP_TITLES
from newsdesk.core.sheet.model import Fact, FactSheet

__all__ = [
    "LAYOUTS",
    "LAYOUT_TITLES",
    "ChangeMark",
    "Layout",
    "RenderOptions",
    "change_marks",
    "footer_text",
    "meta_line",
    "options_line",
    "page_label",
    "sheet_to_html",
    "sheet_to_text",
    "visible_groups",
]

# The full sheet. Qt's rich text reads a subset of CSS: lengths of margins and padding in px
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
table.checks { border-collapse: collapse; width: 100%; margin: 0px; }
table.checks td { padding: 2px 6px 4px 0px; vertical-align: top; border-bottom: 1px solid #999; }
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


def sheet_to_html(
    sheet: FactSheet,
    *,
    version: int | None = None,
    saved_by: str | None = None,
    saved_at: datetime | None = None,
    options: RenderOptions | None = None,
    footer: bool = False,
) -> str:
    """A plain, print-friendly HTML fact sheet in the layout ``options`` ask for.

    Every text is escaped. ``footer`` adds a closing line with the story,
    version and text hash for standalone HTML files; printing draws its own
    footer on every page.
    """
    options = options or RenderOptions()
    if options.layout == "desk":
        return desk_sheet_html(
            sheet, version=version, saved_by=saved_by, saved_at=saved_at, options=options,
            footer=footer,
        )  # fmt: skip
    return _full_sheet_html(sheet, version, saved_by, saved_at, options, footer=footer)


def _full_sheet_html(
    sheet: FactSheet,
    version: int | None,
    saved_by: str | None,
    saved_at: datetime | None,
    options: RenderOptions,
    *,
    footer: bool,
) -> str:
    """The full sheet: the headline and story details, the open checks, then one
    section per group with one table row per fact (a row never splits across
    pages): its tick box, value, details, short source sentence, note and any
    change mark."""
    esc = html.escape
    headline = sheet.article.headline or "Untitled story"
    marks, removed = change_marks(options, sheet)
    out = [
        f"<h1>{esc(headline)}</h1>",
        f'<p class="meta">{esc(meta_line(sheet, version, saved_by, saved_at))}</p>',
    ]
    note = options_line(options)
    if note:
        out.append(f'<p class="options">{esc(note)}</p>')
    out.append(checks_html(sheet))
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
        out.append(article_appendix(sheet))
    return html_page(sheet, _CSS, out, version=version, footer=footer)


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
