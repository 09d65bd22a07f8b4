"""Fact sheets as editors read them: grouped facts, normalised values, HTML and text.

Everything here is plain Python (no Qt): the window's facts tree, the printed
sheet and the command line's ``--format text`` all read facts through the same
helpers, so "≥ 25 air strikes" looks the same on screen and on paper.

Groups are the editor's words for spaCy's labels: People, Organisations, Places,
Groups, Other, then Figures, Dates and Quotes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from newsdesk.core.sheet.kinds import KINDS, group_of
from newsdesk.core.sheet.labels import GROUP_TITLES, GROUPS
from newsdesk.core.sheet.model import DateFact, Entity, Fact, FactSheet, Figure, Quote

_QUALIFIER_SIGNS: dict[str, str] = {
    "exact": "",
    "about": "≈ ",
    "at_least": "≥ ",
    "more_than": "> ",
    "at_most": "≤ ",
    "less_than": "< ",
}
_CHANGE_SIGNS: dict[str, str] = {"up": "↑ ", "down": "↓ "}
# Fractions wire copy writes in words ("nearly half of the victims").
_FRACTIONS: dict[float, str] = {
    0.25: "a quarter of",
    1 / 3: "a third of",
    0.5: "half of",
    2 / 3: "two thirds of",
    0.75: "three quarters of",
}
_STATUS_BOXES: dict[str, str] = {
    "unverified": "☐",
    "verified": "☑",
    "disputed": "✗",
    "corrected": "✎",
}
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "exactly",
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
    "range": "between",
}
_CONTEXT_CHARS = 70  # characters kept either side of a figure in its printed sentence


# -- facts as rows -------------------------------------------------------------


def grouped_facts(sheet: FactSheet) -> dict[str, list[Fact]]:
    """Every fact of ``sheet`` by group key (all keys present), in text order."""
    groups: dict[str, list[Fact]] = {key: [] for key in GROUPS}
    for fact in sheet.facts():
        groups[group_of(fact)].append(fact)
    for items in groups.values():
        items.sort(key=lambda fact: fact.first_offset())
    return groups


def fact_heading(fact: Fact) -> str:
    """The fact as a list shows it: its title, a quote's in quotation marks."""
    return f"“{fact.title}”" if isinstance(fact, Quote) else fact.title


def fact_value(fact: Fact) -> str:
    """The normalised value: "≥ 25 air strikes", an ISO date, "3 mentions"."""
    if isinstance(fact, Figure):
        return figure_value(fact)
    if isinstance(fact, DateFact):
        return fact.value or ""
    if isinstance(fact, Entity):
        count = len(fact.mentions)
        return f"{count} mention" if count == 1 else f"{count} mentions"
    return ""  # a quote is its own value; who said it is its source


def fact_source(fact: Fact, sheet: FactSheet) -> str:
    """Who says so: a figure's attributed source or a quote's speaker."""
    if isinstance(fact, Figure):
        source = sheet.entity(fact.source)
        return source.name if source else ""
    if isinstance(fact, Quote):
        speaker = sheet.entity(fact.speaker)
        if speaker:
            return speaker.name
        return fact.speaker_mention.text if fact.speaker_mention else ""
    return ""


def figure_value(figure: Figure) -> str:
    """A figure's value with its hedge and what it counts.

    ``at least 25`` → "≥ 25 air strikes"; ``between 10 and 20`` → "10–20 houses";
    ``$1.2bn`` → "$1.2bn → 1,200,000,000 USD"; ``nearly half`` → "≈ half of victims".
    Unknown parts are left out rather than guessed.
    """
    change = _CHANGE_SIGNS.get(figure.change or "", "")
    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        amount = f"{format_number(figure.low)}–{format_number(figure.high)}"
    else:
        number = figure.value
        sign = _QUALIFIER_SIGNS.get(figure.qualifier, "")
        if number is None:
            # "dozens": no stated value, only a bound.
            number = figure.low if figure.low is not None else figure.high
            if number is None:
                return ""
            sign = "≥ " if figure.low is not None else "≤ "
        fraction = _fraction_words(number) if figure.kind in ("count", "number") else None
        amount = sign + (fraction or format_number(number))
    if figure.kind == "percent":
        unit = "%" if figure.unit in (None, "%") else f" {figure.unit}"
        return f"{change}{amount}{unit}"
    if figure.kind == "money":
        currency = f" {figure.unit}" if figure.unit else ""
        return f"{figure.text} → {change}{amount}{currency}"
    parts = [f"{change}{amount}", figure.unit or "", figure.counted or ""]
    return " ".join(part for part in parts if part)


def format_number(value: float) -> str:
    """``25.0`` → "25", ``1200000000`` → "1,200,000,000", ``3.5`` → "3.5"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _fraction_words(value: float) -> str | None:
    for fraction, words in _FRACTIONS.items():
        if abs(value - fraction) < 1e-9:
            return words
    return None


def figure_context(sheet: FactSheet, figure: Figure) -> tuple[str, str, str]:
    """The figure's sentence around it, shortened: ``(before, figure text, after)``."""
    text = sheet.article.text
    start, end = figure.sentence or (figure.start, figure.end)
    start, end = min(start, figure.start), max(end, figure.end)
    # Never across a paragraph: a headline is not part of the first sentence.
    before = text[start : figure.start].rsplit("\n", 1)[-1]
    after = text[figure.end : end].split("\n", 1)[0]
    if len(before) > _CONTEXT_CHARS:
        cut = before[-_CONTEXT_CHARS:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > _CONTEXT_CHARS:
        cut = after[:_CONTEXT_CHARS]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return before.lstrip(), text[figure.start : figure.end], after.rstrip()


def status_box(status: str) -> str:
    """A tick box for the printed sheet: ☐ unverified, ☑ verified, ✗ disputed, ✎ corrected."""
    return _STATUS_BOXES.get(status, "☐")


def sheet_counts(sheet: FactSheet) -> str:
    """ "10 entities · 8 figures · 5 dates · 1 quote"."""

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return " · ".join(count(len(sheet.facts_of(k)), k.key, k.collection) for k in KINDS)


# -- whole sheets --------------------------------------------------------------


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
    from newsdesk.core.output.diff import diff_sheets  # diff uses this module's number format

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


def fact_details(fact: Fact, sheet: FactSheet) -> list[str]:
    """The smaller print under a fact: qualifier, counted noun, source or speaker, label."""
    details: list[str] = []
    if isinstance(fact, Figure):
        if fact.qualifier != "exact":
            details.append(QUALIFIER_WORDS.get(fact.qualifier, fact.qualifier))
        if fact.counted:
            details.append(f"counts {fact.counted}")
        source = fact_source(fact, sheet)
        details.append(f"source: {source}" if source else "source: not attributed")
    elif isinstance(fact, Quote):
        speaker = fact_source(fact, sheet)
        details.append(f"speaker: {speaker}" if speaker else "speaker: unknown")
    elif isinstance(fact, Entity):
        details.append(fact.label)
    if fact.checked_by:
        details.append(f"checked by {fact.checked_by}")
    return details


def fact_context(sheet: FactSheet, fact: Fact) -> tuple[str, str, str] | None:
    """The short source sentence around a fact: ``(before, fact text, after)``.

    Figures use their sentence; entities their first mention; dates the
    sentence they sit in. A quote is its own sentence, so it has none.
    """
    if isinstance(fact, Figure):
        return figure_context(sheet, fact)
    if isinstance(fact, Quote):
        return None
    spans = fact.spans()
    if not spans:
        return None
    start, end = min(spans)
    text = sheet.article.text
    if not 0 <= start <= end <= len(text):
        return None
    # The sentence: back to the previous full stop or line, on to the next.
    stop = text.rfind(". ", 0, start)
    begin = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    finish = min(stops) + 1 if stops else len(text)
    probe = Figure("", text[start:end], start, end, sentence=(begin, min(finish, len(text))))
    return figure_context(sheet, probe)


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
    parts = [part for part in (article.source, article.dateline, article.published) if part]
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
    if options.include_notes and fact.note:
        main.append(f'<p class="note"><b>Note:</b> {esc(fact.note)}</p>')
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
            source = fact_source(fact, sheet)
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
