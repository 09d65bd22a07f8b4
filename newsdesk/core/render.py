"""Fact sheets as editors read them: grouped facts, normalised values, HTML and text.

Everything here is plain Python (no Qt): the window's facts tree, the printed
sheet and the command line's ``--format text`` all read facts through the same
helpers, so "≥ 25 air strikes" looks the same on screen and on paper.

Groups are the editor's words for spaCy's labels: People, Organisations, Places,
Groups, Other, then Figures, Dates and Quotes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime

from newsdesk.core.model import DateFact, Entity, FactSheet, Figure, Quote

Fact = Entity | Figure | DateFact | Quote

# Group keys in display order, with their English titles (the GUI translates its own).
GROUPS: tuple[str, ...] = (
    "people",
    "organisations",
    "places",
    "groups",
    "other",
    "figures",
    "dates",
    "quotes",
)
GROUP_TITLES: dict[str, str] = {
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
    "groups": "Groups",
    "other": "Other",
    "figures": "Figures",
    "dates": "Dates",
    "quotes": "Quotes",
}
_ENTITY_GROUPS: dict[str, str] = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "places",
    "LOC": "places",
    "FAC": "places",
    "NORP": "groups",
}
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
    "corrected": "☑",
    "disputed": "☒",
}
_CONTEXT_CHARS = 70  # characters kept either side of a figure in its printed sentence


# -- facts as rows -------------------------------------------------------------


def entity_group(label: str) -> str:
    """The group key for a spaCy entity label (``"PERSON"`` → ``"people"``)."""
    return _ENTITY_GROUPS.get(label, "other")


def group_of(fact: Fact) -> str:
    """The group key a fact is listed under."""
    if isinstance(fact, Entity):
        return entity_group(fact.label)
    if isinstance(fact, Figure):
        return "figures"
    if isinstance(fact, DateFact):
        return "dates"
    return "quotes"


def grouped_facts(sheet: FactSheet) -> dict[str, list[Fact]]:
    """Every fact of ``sheet`` by group key (all keys present), in text order."""
    groups: dict[str, list[Fact]] = {key: [] for key in GROUPS}
    facts: Iterable[Fact] = [*sheet.entities, *sheet.figures, *sheet.dates, *sheet.quotes]
    for fact in facts:
        groups[group_of(fact)].append(fact)
    for items in groups.values():
        items.sort(key=_first_offset)
    return groups


def _first_offset(fact: Fact) -> int:
    spans = fact_spans(fact)
    return min(start for start, _ in spans) if spans else 0


def fact_spans(fact: Fact) -> list[tuple[int, int]]:
    """Where ``fact`` appears in the article text: every mention of an entity."""
    if isinstance(fact, Entity):
        return [(m.start, m.end) for m in fact.mentions]
    return [(fact.start, fact.end)]


def fact_title(fact: Fact) -> str:
    """The fact as written: the entity's name, the figure, date or quote text."""
    return fact.name if isinstance(fact, Entity) else fact.text


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
    """A tick box for the printed sheet: ☐ unverified, ☑ verified, ☒ disputed."""
    return _STATUS_BOXES.get(status, "☐")


def sheet_counts(sheet: FactSheet) -> str:
    """ "10 entities · 8 figures · 5 dates · 1 quote"."""

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return " · ".join(
        (
            count(len(sheet.entities), "entity", "entities"),
            count(len(sheet.figures), "figure", "figures"),
            count(len(sheet.dates), "date", "dates"),
            count(len(sheet.quotes), "quote", "quotes"),
        )
    )


# -- whole sheets --------------------------------------------------------------

_CSS = """
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 17pt; margin: 0 0 4pt 0; }
h2 { font-size: 12.5pt; margin: 14pt 0 3pt 0; border-bottom: 1px solid #888; }
p.meta { color: #444; margin: 0 0 8pt 0; }
table.facts { border-collapse: collapse; width: 100%; }
table.facts td { padding: 2pt 6pt 2pt 0; vertical-align: top; }
td.box { font-size: 13pt; width: 18pt; }
td.fact { font-weight: bold; }
td.value { color: #222; }
td.source { color: #444; font-style: italic; }
p.context, td.context { color: #444; font-size: 9pt; }
p.empty { color: #666; font-style: italic; }
"""


def _meta_line(
    sheet: FactSheet, version: int | None, saved_by: str | None, saved_at: datetime | None
) -> str:
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


def sheet_to_html(
    sheet: FactSheet,
    *,
    version: int | None = None,
    saved_by: str | None = None,
    saved_at: datetime | None = None,
) -> str:
    """A plain, print-friendly HTML fact sheet (every text is escaped).

    The headline and story details come first, then one section per group with
    a tick box per fact for whoever checks the printout.
    """
    esc = html.escape
    headline = sheet.article.headline or "Untitled story"
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{esc(headline)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{esc(headline)}</h1>",
        f'<p class="meta">{esc(_meta_line(sheet, version, saved_by, saved_at))}</p>',
    ]
    for key, facts in grouped_facts(sheet).items():
        out.append(f"<h2>{esc(GROUP_TITLES[key])} ({len(facts)})</h2>")
        if not facts:
            out.append('<p class="empty">None found.</p>')
            continue
        out.append('<table class="facts" width="100%" cellspacing="0">')
        for fact in facts:
            status = "" if fact.status == "unverified" else f" ({fact.status})"
            title = f"“{fact_title(fact)}”" if isinstance(fact, Quote) else fact_title(fact)
            out.append(
                "<tr>"
                f'<td class="box" width="5%">{status_box(fact.status)}</td>'
                f'<td class="fact" width="35%">{esc(title)}</td>'
                f'<td class="value" width="33%">{esc(fact_value(fact) + status)}</td>'
                f'<td class="source" width="27%">{esc(fact_source(fact, sheet))}</td>'
                "</tr>"
            )
            extra = []
            if isinstance(fact, Figure):
                before, figure, after = figure_context(sheet, fact)
                extra.append(f"{esc(before)}<b>{esc(figure)}</b>{esc(after)}")
            if fact.note:
                extra.append(f"Note: {esc(fact.note)}")
            for line in extra:
                out.append(f'<tr><td></td><td class="context" colspan="3">{line}</td></tr>')
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def sheet_to_text(sheet: FactSheet) -> str:
    """A readable plain-text summary of the sheet (the CLI's ``--format text``)."""
    headline = sheet.article.headline or "Untitled story"
    lines = [headline, "=" * min(len(headline), 72), _meta_line(sheet, None, None, None)]
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
            title = fact_title(fact)
            if key == "quotes":
                title = f"“{title}”"
            lines.append(
                f"  {status_box(fact.status)} {title}" + (f" — {detail}" if detail else "")
            )
    return "\n".join(lines) + "\n"
