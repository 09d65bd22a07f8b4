"""The desk sheet: one page that leads with the claims, for the desk, the lawyer, the checker.

The default printed and PDF layout. From the top: the headline; the story,
its version and what its dates count from; a summary line (facts, checked,
disputed, open checks); the desk checks still open; then the claims — figures
(hedge, what they count, unit, change, who gives them), quotes (the speaker
and how newsdesk found them), dates — each with a tick box and a short
context elided at word boundaries; then the names, one line each (name, the
plain kind, mentions, status) two to a row. Marks read in black and white:
☐ to check, ☑ verified, ✗ disputed, ✎ corrected. A 400–800-word story fits on
one page; a page 2 starts only when the facts do not fit. The full sheet,
every fact with its sentence group by group, is
:mod:`newsdesk.core.output.render`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from newsdesk.core.checks import quoted
from newsdesk.core.output.layout import (
    ChangeMark,
    RenderOptions,
    article_appendix,
    change_marks,
    checks_html,
    html_page,
    options_line,
    saved_words,
    visible_groups,
)
from newsdesk.core.output.wording import (
    checked_line,
    fact_context,
    fact_source,
    fact_value,
    figure_parts,
    figure_value,
    how_found,
    note_text,
    plain_kind,
    source_display,
    status_box,
    story_date_line,
)
from newsdesk.core.sheet.model import DateFact, Entity, Fact, FactSheet, Figure, Quote

_C = TypeVar("_C", Figure, Quote, DateFact)
_REACH = 28  # characters of context kept either side of a figure (one printed line)
_DATE_REACH = 38  # of a date, whose context has a wider column
_QUOTE_CHARS = 200  # a quote longer than this is elided
_NAME_GROUPS = ("people", "organisations", "places", "groups", "other")
_NAMES_PER_ROW = 2

# Qt's rich text reads a subset of CSS: lengths in px (1/96 inch, scaled to the
# printer), font sizes in pt; no nested at-rules.
_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8pt; color: #000; }
h1 { font-size: 13pt; margin: 0px 0px 2px 0px; }
h2 { font-size: 9.5pt; margin: 4px 0px 1px 0px; border-bottom: 1px solid #000;
  page-break-after: avoid; break-after: avoid; }
p { margin: 0px; }
p.meta { font-size: 8pt; margin: 0px 0px 1px 0px; }
p.summary { font-size: 9pt; font-weight: bold; margin: 2px 0px 2px 0px; }
p.options { margin: 0px 0px 2px 0px; font-size: 8pt; font-style: italic; }
table.claims, table.names, table.dates, table.checks { border-collapse: collapse; width: 100%;
  margin: 0px; }
table.claims td, table.checks td { padding: 0px 4px 1px 0px; vertical-align: top;
  border-bottom: 1px solid #bbb; }
table.names td, table.dates td { padding: 0px 4px 0px 0px; vertical-align: top; }
table.names td, table.dates td { font-size: 7.5pt; }
td.namebox { font-size: 8pt; }
span.kind { font-size: 6.5pt; }
tr.head td { font-size: 7pt; font-weight: bold; border-bottom: 1px solid #000; }
tr.fact, tr.check, tr.name { page-break-inside: avoid; break-inside: avoid; }
td.box { font-size: 10pt; }
td.side { font-size: 7.5pt; }
span.context { font-family: 'DejaVu Serif', Georgia, serif; font-size: 7.5pt; }
span.small { font-size: 7pt; }
span.quote { font-family: 'DejaVu Serif', Georgia, serif; }
p.note { font-size: 7.5pt; margin: 1px 0px 0px 0px; }
p.mark { font-size: 7.5pt; font-weight: bold; margin: 1px 0px 0px 0px; }
p.empty { font-style: italic; margin: 0px 0px 2px 0px; }
p.article { font-family: 'DejaVu Serif', Georgia, serif; font-size: 9pt;
  margin: 0px 0px 5px 0px; }
p.footer { font-size: 8pt; margin: 10px 0px 0px 0px; border-top: 1px solid #000; }
"""


def desk_sheet_html(
    sheet: FactSheet,
    *,
    version: int | None = None,
    saved_by: str | None = None,
    saved_at: datetime | None = None,
    options: RenderOptions | None = None,
    footer: bool = False,
) -> str:
    """The desk sheet as HTML (see the module docstring); every text is escaped."""
    options = options or RenderOptions()
    esc = html.escape
    marks, removed = change_marks(options, sheet)
    groups = visible_groups(sheet, options)
    out = [
        f"<h1>{esc(sheet.article.headline or 'Untitled story')}</h1>",
        f'<p class="meta">{esc(story_line(sheet, options, version, saved_by, saved_at))}</p>',
        f'<p class="summary">{esc(summary_line(sheet))}</p>',
    ]
    note = options_line(options)
    if note:
        out.append(f'<p class="options">{esc(note)}</p>')
    out.append(checks_html(sheet))
    figures = [f for f in groups["figures"] if isinstance(f, Figure)]
    quotes = [q for q in groups["quotes"] if isinstance(q, Quote)]
    dates = [d for d in groups["dates"] if isinstance(d, DateFact)]
    out += _section("Figures", figures, lambda f: _figure_row(sheet, f, options, marks))
    out += _section("Quotes", quotes, lambda q: _quote_row(sheet, q, options, marks))
    out += _section("Dates", dates, lambda d: _date_row(sheet, d, options, marks), "dates")
    names = [fact for key in _NAME_GROUPS for fact in groups[key]]
    out += _names(names, options, marks)
    if removed:
        out.append(f"<h2>Removed since version {options.compare_version or 'compared'}</h2>")
        out.append(
            '<p class="note">'
            + " · ".join(f"<s>{esc(fact.title)}</s> {esc(fact_value(fact))}" for fact in removed)
            + "</p>"
        )
    if options.include_article:
        out.append(article_appendix(sheet))
    return html_page(sheet, _CSS, out, version=version, footer=footer)


def story_line(
    sheet: FactSheet,
    options: RenderOptions,
    version: int | None,
    saved_by: str | None,
    saved_at: datetime | None,
) -> str:
    """ "Story palmyra · Version 2 saved by amira at … · Newsdesk Wire · BEIRUT · Dates …"."""
    article = sheet.article
    parts = [f"Story {options.story}"] if options.story else []
    saved = saved_words(version, saved_by, saved_at)
    if saved:
        parts.append(saved)
    elif not options.story:
        parts.append("Not saved")
    parts += [part for part in (article.source, article.dateline) if part]
    dates = story_date_line(sheet) or (
        f"Published {article.published}" if article.published else ""
    )
    if dates:
        parts.append(dates)
    return " · ".join(parts)


def summary_line(sheet: FactSheet) -> str:
    """ "24 facts · 3 checked · 1 disputed · 2 open checks"."""
    facts = sheet.facts()
    checked = sum(1 for f in facts if f.status in ("verified", "corrected"))
    disputed = sum(1 for f in facts if f.status == "disputed")
    open_checks = len(sheet.open_checks())
    return " · ".join(
        (
            _count(len(facts), "fact"),
            f"{checked} checked",
            f"{disputed} disputed",
            _count(open_checks, "open check"),
        )
    )


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _section(
    title: str, facts: list[_C], row: Callable[[_C], str], table: str = "claims"
) -> list[str]:
    """One group of claims: its heading and a row per claim ("None found." when empty)."""
    if not facts:
        return [f"<h2>{title} (0)</h2>", '<p class="empty">None found.</p>']
    rows = "".join(row(fact) for fact in facts)
    return [
        f"<h2>{title} ({len(facts)})</h2>",
        f'<table class="{table}" width="100%" cellspacing="0">{rows}</table>',
    ]


def _box(fact: Fact) -> str:
    return f'<td class="box" width="4%">{status_box(fact.status)}</td>'


def _extras(fact: Fact, options: RenderOptions, mark: ChangeMark | None) -> str:
    """Who checked it, the editor's note and the change mark, under a claim."""
    esc = html.escape
    out = ""
    checked = checked_line(fact)
    note = note_text(fact) if options.include_notes else ""
    if checked or note:
        words = " · ".join(
            part for part in (checked.capitalize(), note and f"Note: {note}") if part
        )
        out += f'<p class="note">{esc(words)}</p>'
    if mark is not None:
        out += f'<p class="mark">▶ {esc(mark.label(options.compare_version))}</p>'
    return out


def _context(sheet: FactSheet, fact: Fact, reach: int = _REACH) -> str:
    """The claim's sentence, whole or elided at word boundaries, its words in bold."""
    context = fact_context(sheet, fact, reach)
    if context is None:
        return ""
    before, words, after = (html.escape(part) for part in context)
    return f'<span class="context">{before}<b>{words}</b>{after}</span>'


def _who(who: str, found: str) -> str:
    """A source or speaker, and (smaller) how newsdesk found it, unless named with the claim
    (the usual case) or the words already say so."""
    esc = html.escape
    if found and found != "named with it" and found not in who and "(" not in who:
        return f'{esc(who)} <span class="small">· {esc(found)}</span>'
    return esc(who)


def _figure_row(
    sheet: FactSheet, figure: Figure, options: RenderOptions, marks: dict[str, ChangeMark]
) -> str:
    esc = html.escape
    value = figure_value(figure, with_words=False)
    shown = value if value and value.lower() != figure.text.lower() else ""
    head = f"<b>{esc(figure.text)}</b>" + (f" &nbsp;{esc(shown)}" if shown else "")
    parts = figure_parts(figure)
    who = fact_source(figure, sheet) or figure.source_text or ""
    says = _who(who, how_found(figure)) if who else "<i>no source in the copy</i>"
    return (
        f'<tr class="fact">{_box(figure)}'
        f'<td width="56%">{head}<br>{_context(sheet, figure)}'
        f"{_extras(figure, options, marks.get(figure.id))}</td>"
        f'<td class="side" width="18%">{esc(" · ".join(parts)) or "—"}</td>'
        f'<td class="side" width="22%">{says}</td></tr>'
    )


def _quote_row(
    sheet: FactSheet, quote: Quote, options: RenderOptions, marks: dict[str, ChangeMark]
) -> str:
    esc = html.escape
    speaker = source_display(quote, sheet)
    if not speaker or speaker == "speaker unknown":
        said = "<i>speaker unknown</i>"
    else:
        said = _who(speaker, how_found(quote))
    return (
        f'<tr class="fact">{_box(quote)}'
        f'<td width="74%"><span class="quote">{esc(quoted(quote.text, _QUOTE_CHARS))}</span>'
        f"{_extras(quote, options, marks.get(quote.id))}</td>"
        f'<td class="side" width="22%">{said}</td></tr>'
    )


def _date_row(
    sheet: FactSheet, date: DateFact, options: RenderOptions, marks: dict[str, ChangeMark]
) -> str:
    esc = html.escape
    value = f' <span class="small">{esc(date.value)}</span>' if date.value else ""
    return (
        f'<tr class="fact">{_box(date)}'
        f'<td width="26%"><b>{esc(date.text)}</b>{value}</td>'
        f'<td width="70%">{_context(sheet, date, _DATE_REACH)}'
        f"{_extras(date, options, marks.get(date.id))}</td></tr>"
    )


def _names(names: list[Fact], options: RenderOptions, marks: dict[str, ChangeMark]) -> list[str]:
    """Names two to a row, one line each: box, name, plain kind, mentions, status."""
    if not names:
        return ["<h2>Names (0)</h2>", '<p class="empty">None found.</p>']
    esc = html.escape
    cells = []
    for name in names:
        assert isinstance(name, Entity)
        bits = [plain_kind(name), fact_value(name)]
        checked = checked_line(name)
        if checked:
            bits.append(checked)
        mark = marks.get(name.id)
        if mark is not None:
            bits.append(mark.label(options.compare_version))
        note = note_text(name) if options.include_notes else ""
        if note:
            bits.append(f"Note: {note}")
        cells.append(
            f'<td class="namebox" width="3%">{status_box(name.status)}</td>'
            f'<td width="47%"><b>{esc(name.name)}</b> <span class="kind">'
            f"{esc(' · '.join(bits))}</span></td>"
        )
    rows = []
    for at in range(0, len(cells), _NAMES_PER_ROW):
        group = cells[at : at + _NAMES_PER_ROW]
        group += ['<td width="3%"></td><td width="47%"></td>'] * (_NAMES_PER_ROW - len(group))
        rows.append(f'<tr class="name">{"".join(group)}</tr>')
    return [
        f"<h2>Names ({len(names)})</h2>",
        f'<table class="names" width="100%" cellspacing="0">{"".join(rows)}</table>',
    ]
