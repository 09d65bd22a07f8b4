"""Fact sheets as files: Markdown, CSV, standalone HTML and JSON.

The layout decisions live in :mod:`newsdesk.core.output.render` and the wording of
each fact in :mod:`newsdesk.core.output.wording`; this module turns
them into the bytes of each file format (PDF is drawn by the GUI's printing
code, which owns Qt). JSON is the contract (:meth:`FactSheet.to_json`) and so
always holds the whole sheet, whatever the options say.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from newsdesk.core.output.layout import check_words
from newsdesk.core.output.names import FORMATS, TEXT_FORMATS
from newsdesk.core.output.render import (
    RenderOptions,
    change_marks,
    footer_text,
    meta_line,
    options_line,
    sheet_to_html,
    visible_groups,
)
from newsdesk.core.output.wording import (
    fact_context,
    fact_details,
    fact_heading,
    fact_source,
    fact_value,
    format_number,
    note_text,
    status_box,
)
from newsdesk.core.sheet.kinds import kind_of
from newsdesk.core.sheet.labels import GROUP_TITLES
from newsdesk.core.sheet.model import DateFact, Entity, Fact, FactSheet, Figure

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "label",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "counted",
    "source",
    "status",
    "note",
    "checked_by",
    "checked_at",
    "start",
    "end",
    "sentence",
)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def export_bytes(
    sheet: FactSheet,
    fmt: str,
    *,
    version: int | None = None,
    saved_by: str | None = None,
    saved_at: datetime | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """The file contents of ``sheet`` in text format ``fmt`` (html, md, csv, json)."""
    options = options or RenderOptions()
    if fmt == "json":
        return (sheet.to_json() + "\n").encode("utf-8")
    if fmt == "csv":
        # The BOM tells spreadsheet programs the file is UTF-8.
        return sheet_to_csv(sheet, options).encode("utf-8-sig")
    if fmt == "md":
        text = sheet_to_markdown(
            sheet, version=version, saved_by=saved_by, saved_at=saved_at, options=options
        )
        return text.encode("utf-8")
    if fmt == "html":
        page = sheet_to_html(
            sheet,
            version=version,
            saved_by=saved_by,
            saved_at=saved_at,
            options=options,
            footer=True,
        )
        return page.encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


# -- CSV -----------------------------------------------------------------------


def sheet_to_csv(sheet: FactSheet, options: RenderOptions | None = None) -> str:
    """One row per fact under :data:`CSV_COLUMNS`; fields quoted by the csv module's rules,
    cells that would start a formula neutralised (:func:`csv_cell`)."""
    options = options or RenderOptions()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for facts in visible_groups(sheet, options).values():
        for fact in facts:
            row = fact_row(sheet, fact)
            if not options.include_notes:
                row["note"] = ""
            writer.writerow([csv_cell(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


# OWASP's CSV injection guidance: a cell a spreadsheet would read as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


def csv_cell(value: str) -> str:
    """``value`` safe to open in a spreadsheet: one that starts like a formula
    (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``,
    which spreadsheets show as text ("'-5 degrees", "'@SUM(A1)"); a plain number
    ("-5", "+3.5") cannot run anything and stays a number."""
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def fact_row(sheet: FactSheet, fact: Fact) -> dict[str, str]:
    """A fact's CSV cells: numbers without ``.0``, unknowns empty, source by name."""

    def number(value: float | None) -> str:
        return "" if value is None else format_number(value).replace(",", "")

    spans = fact.spans()
    start, end = min(spans) if spans else (None, None)
    context = fact_context(sheet, fact)
    row = {column: "" for column in CSV_COLUMNS}
    key = kind_of(fact).key
    row.update(
        id=fact.id,
        kind=key,
        label=key,  # a date's or a quote's label is its kind
        text=fact.title,
        source=fact_source(fact, sheet),
        status=fact.status,
        note=note_text(fact),
        checked_by=fact.checked_by or "",
        checked_at=fact.checked_at or "",
        start="" if start is None else str(start),
        end="" if end is None else str(end),
        sentence="".join(context) if context else "",
    )
    if isinstance(fact, Entity):
        row.update(label=fact.label, value=str(len(fact.mentions)))
    elif isinstance(fact, Figure):
        row.update(
            label=fact.kind,
            value=number(fact.value),
            low=number(fact.low),
            high=number(fact.high),
            qualifier=fact.qualifier,
            unit=fact.unit or "",
            counted=fact.counted or "",
        )
    elif isinstance(fact, DateFact):
        row.update(value=fact.value or "")
    else:  # a quote is its own sentence
        row.update(sentence=fact.text)
    return row


# -- Markdown --------------------------------------------------------------------


def md_escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def sheet_to_markdown(
    sheet: FactSheet,
    *,
    version: int | None = None,
    saved_by: str | None = None,
    saved_at: datetime | None = None,
    options: RenderOptions | None = None,
) -> str:
    """The sheet as Markdown: a task list per group, source sentences as quotes."""
    options = options or RenderOptions()
    marks, removed = change_marks(options, sheet)
    headline = sheet.article.headline or "Untitled story"
    lines = [
        f"# {md_escape(headline)}",
        "",
        md_escape(meta_line(sheet, version, saved_by, saved_at)),
    ]
    extra = options_line(options)
    if extra:
        lines += ["", f"*{md_escape(extra)}*"]
    open_checks = sheet.open_checks()
    if open_checks:
        lines += ["", f"## Checks to answer ({len(open_checks)})", ""]
        for check in open_checks:
            severity, title, message = check_words(check, sheet.article.text)
            lines.append(f"- [ ] **{severity}** {md_escape(title)} — {md_escape(message)}")
    for key, facts in visible_groups(sheet, options).items():
        lines += ["", f"## {GROUP_TITLES[key]} ({len(facts)})", ""]
        if not facts:
            lines.append("*None found.*")
            continue
        for fact in facts:
            tick = "x" if fact.status in ("verified", "corrected") else " "
            parts = [f"**{md_escape(fact_heading(fact))}**"]
            value = fact_value(fact)
            if value:
                parts.append(md_escape(value))
            details = [*fact_details(fact, sheet), f"{status_box(fact.status)} {fact.status}"]
            parts.append("(" + md_escape("; ".join(details)) + ")")
            lines.append(f"- [{tick}] " + " — ".join(parts[:2]) + " " + parts[-1])
            context = fact_context(sheet, fact)
            if context is not None:
                before, marked, after = context
                lines.append(f"  > {md_escape(before)}**{md_escape(marked)}**{md_escape(after)}")
            note = note_text(fact)
            if options.include_notes and note:
                lines.append(f"  Note: {md_escape(note)}")
            mark = marks.get(fact.id)
            if mark is not None:
                lines.append(f"  **{md_escape(mark.label(options.compare_version))}**")
    if removed:
        lines += ["", f"## Removed since version {options.compare_version or 'compared'}", ""]
        lines += [f"- ~~{md_escape(fact.title)}~~" for fact in removed]
    if options.include_article:
        lines += ["", "## Article", ""]
        lines += [md_escape(p) + "\n" for p in sheet.article.text.split("\n") if p.strip()]
    lines += ["", "---", "", md_escape(footer_text(sheet, version)), ""]
    return "\n".join(lines)


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "TEXT_FORMATS",
    "csv_cell",
    "export_bytes",
    "fact_row",
    "md_escape",
    "sheet_to_csv",
    "sheet_to_markdown",
]
