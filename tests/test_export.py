"""Fact sheets as files: CSV, Markdown, HTML, JSON, and ``newsdesk export`` on a saved story."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsdesk import cli
from newsdesk.core.output.exports import CSV_COLUMNS, export_bytes, sheet_to_csv, sheet_to_markdown
from newsdesk.core.output.render import RenderOptions, sheet_to_html
from newsdesk.core.sheet.model import FactSheet
from newsdesk.storage import Store
from tests.test_render import make_sheet


def checked_sheet() -> FactSheet:
    sheet = make_sheet()
    sheet.figures[0].status = "verified"
    sheet.figures[0].checked_by = "Anna"
    sheet.entities[0].status = "disputed"
    sheet.entities[0].note = 'Monitor says "25", ministry says 30, see 🙂\nsecond line'
    sheet.dates[0].status = "corrected"
    return sheet


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read it as UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# -- CSV ---------------------------------------------------------------------------


def test_csv_has_one_row_per_fact_with_the_agreed_columns() -> None:
    data = export_bytes(checked_sheet(), "csv")

    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert tuple(header) == CSV_COLUMNS
    rows = csv_rows(data)
    assert [row["id"] for row in rows] == ["e2", "e1", "f1", "d1", "q1"]
    figure = next(row for row in rows if row["id"] == "f1")
    assert figure["kind"] == "figure"
    assert figure["label"] == "count"
    assert (figure["value"], figure["low"], figure["high"]) == ("25", "25", "")
    assert figure["qualifier"] == "at_least"
    assert figure["counted"] == "air strikes"
    assert figure["source"] == "Sudan Conflict Monitor"
    assert figure["status"] == "verified"
    assert figure["checked_by"] == "Anna"
    assert "carried out at least 25 air strikes" in figure["sentence"]
    quote = next(row for row in rows if row["id"] == "q1")
    assert quote["source"] == "Adam Ibrahim"


def test_csv_quotes_commas_quotes_newlines_and_emoji_so_they_survive() -> None:
    sheet = checked_sheet()

    text = sheet_to_csv(sheet)
    rows = csv_rows(export_bytes(sheet, "csv"))

    assert '"Monitor says ""25"", ministry says 30, see 🙂\nsecond line"' in text
    monitor = next(row for row in rows if row["id"] == "e1")
    assert monitor["note"] == sheet.entities[0].note
    assert len(rows) == 5  # the newline inside the note did not start a row


def test_csv_keeps_only_the_chosen_statuses_and_can_leave_notes_out() -> None:
    options = RenderOptions(statuses=frozenset({"disputed", "verified"}), include_notes=False)

    rows = csv_rows(export_bytes(checked_sheet(), "csv", options=options))

    assert {row["id"] for row in rows} == {"e1", "f1"}
    assert all(row["note"] == "" for row in rows)


# -- Markdown and HTML ----------------------------------------------------------------


def test_markdown_lists_facts_as_a_checklist_with_sentences_and_notes() -> None:
    text = sheet_to_markdown(checked_sheet(), version=2, saved_by="Anna")

    assert text.startswith("# Air strikes hit villages near El Obeid\n")
    assert "Version 2 saved by Anna" in text
    assert "## Figures (1)" in text
    assert "- [x] **at least 25** — ≥ 25 air strikes" in text
    assert "carried out **at least 25** air strikes" in text
    assert "✗ disputed" in text and "✎ corrected" in text
    assert 'Note: Monitor says "25", ministry says 30, see 🙂 second line' in text
    assert "text " + checked_sheet().article.text_hash[:8] in text


def test_markdown_escapes_characters_that_would_format() -> None:
    sheet = make_sheet(headline="Rates *up* 2% # [sic]")

    assert "# Rates \\*up\\* 2% \\# \\[sic\\]" in sheet_to_markdown(sheet)


def test_html_file_is_standalone_with_print_css_sections_and_footer() -> None:
    sheet = checked_sheet()
    sheet.figures[0].note = "<b>not bold</b> & done"

    page = export_bytes(sheet, "html", version=4, options=RenderOptions(layout="full"))
    page = page.decode("utf-8")

    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "@page" in page and "page-break-inside: avoid" in page
    assert "<h2>Figures (1)</h2>" in page
    assert page.count('<tr class="fact">') == 5  # one row per fact
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; done" in page
    assert "<b>not bold</b>" not in page
    assert "version 4 · text " + sheet.article.text_hash[:8] in page
    for mark in ("☑", "✗", "✎", "☐"):
        assert mark in page


def test_html_marks_facts_changed_since_an_earlier_version() -> None:
    old = make_sheet()
    new = make_sheet()
    new.figures[0].value = 26
    new.dates = []
    options = RenderOptions(compare_to=old, compare_version=1)

    page = sheet_to_html(new, version=2, options=options)

    assert "Changes marked against version 1" in page
    assert "CHANGED since v1: value: 25 → 26" in page
    assert "<h2>Removed since version 1</h2>" in page
    assert "<s>Friday</s>" in page


def test_html_article_appendix_marks_every_fact() -> None:
    page = sheet_to_html(make_sheet(), options=RenderOptions(include_article=True))

    appendix = page.split(">Article</h2>", 1)[1]
    assert "page-break-before: always" in page
    assert "<u>Sudan Conflict Monitor</u>" in appendix
    assert "<b>at least 25</b>" in appendix and "<b>Friday</b>" in appendix


# -- JSON ----------------------------------------------------------------------------


def test_json_export_round_trips_exactly() -> None:
    sheet = checked_sheet()
    sheet.figures[0].checked_at = "2026-06-14T09:30:00+00:00"

    restored = FactSheet.from_json(export_bytes(sheet, "json").decode("utf-8"))

    assert restored == sheet
    assert FactSheet.from_json(sheet.to_json()) == sheet


# -- the command line ---------------------------------------------------------------


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A database holding story "strikes" in two versions (the second with checks)."""
    db = tmp_path / "newsdesk.db"
    with Store(db) as store:
        store.save("strikes", make_sheet(), editor="Anna", message="first")
        store.save("strikes", checked_sheet(), editor="Ben", message="checked")
    return db


def export(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), "export", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
def test_cli_exports_each_text_format_of_the_newest_version(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"sheet.{fmt}"

    code, out, err = export(capsys, saved, "strikes", "--format", fmt, "-o", str(target))

    assert (code, err) == (0, "")
    assert f"version 2 written to {target}" in out
    data = target.read_bytes()
    if fmt == "json":
        assert FactSheet.from_json(data.decode("utf-8")) == checked_sheet()
    elif fmt == "csv":
        assert {row["status"] for row in csv_rows(data)} >= {"verified", "disputed"}
    else:
        text = data.decode("utf-8")
        assert "Air strikes hit villages near El Obeid" in text
        assert "saved by Ben" in text


def test_cli_exports_an_earlier_version_and_a_pdf(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    md = tmp_path / "v1.md"
    pdf = tmp_path / "v1.pdf"

    assert export(capsys, saved, "strikes", "--version", "1", "-o", str(md))[0] == 0
    code, _, err = export(
        capsys, saved, "strikes", "--version", "1", "--format", "pdf", "-o", str(pdf)
    )

    assert "Version 1 saved by Anna" in md.read_text(encoding="utf-8")
    assert (code, err) == (0, "")
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_cli_compare_and_status_options_shape_the_export(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    target = tmp_path / "changes.md"

    code, _, _ = export(
        capsys, saved, "strikes", "--compare-to", "1", "--status", "verified", "-o", str(target)
    )

    text = target.read_text(encoding="utf-8")
    assert code == 0
    assert "CHANGED since v1: status: unverified → verified" in text
    assert "Adam Ibrahim" not in text.split("## Quotes", 1)[0]  # unverified: left out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "-o", "x.md"], "There is no saved story 'nope'"),
        (["strikes", "--version", "9", "-o", "x.md"], "has no version 9"),
        (["strikes", "-o", "/nonexistent/folder/x.csv"], "Could not write"),
        (["strikes", "-o", "/nonexistent/folder/x.pdf"], "Could not write"),
        (["strikes", "-o", "sheet.txt"], "Say which format"),
    ],
)
def test_cli_export_errors_are_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    saved: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)

    code, out, err = export(capsys, saved, *args)

    assert code == 1
    assert out == ""
    assert message in err
    assert err.count("\n") == 1 and err.startswith("newsdesk: ")


def test_exported_json_is_the_contract(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sheet.json"

    export(capsys, saved, "strikes", "-o", str(target))

    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "newsdesk.factsheet/1"


# -- CSV formula injection (OWASP) -------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tx", "\rx"],
)
def test_csv_cells_that_would_start_a_formula_are_neutralised(payload: str) -> None:
    sheet = make_sheet()
    sheet.entities[0].note = payload
    sheet.figures[0].checked_by = payload
    sheet.quotes[0].text = payload

    rows = csv_rows(export_bytes(sheet, "csv"))

    cells = [row[column] for row in rows for column in ("note", "checked_by", "sentence")]
    assert f"'{payload}" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_wire_copy_that_starts_with_a_sign_stays_readable() -> None:
    from newsdesk.core.output.exports import csv_cell

    assert csv_cell("-5 degrees") == "'-5 degrees"  # a person still reads "-5 degrees"
    assert csv_cell("+3% on the day") == "'+3% on the day"
    assert csv_cell("-5") == "-5" and csv_cell("+3.5") == "+3.5"  # numbers stay numbers
    assert csv_cell("fell to -5 degrees") == "fell to -5 degrees"
    sheet = make_sheet()
    sheet.figures[0].value = sheet.figures[0].low = -5
    row = next(row for row in csv_rows(export_bytes(sheet, "csv")) if row["id"] == "f1")
    assert (row["value"], row["low"]) == ("-5", "-5")
