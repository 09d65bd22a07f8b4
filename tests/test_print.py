"""Printed and PDF fact sheets: what lands on each page, read back from the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.core.checks import run_checks
from newsdesk.core.output.render import RenderOptions
from newsdesk.core.sheet.model import Article, FactSheet, Figure
from newsdesk.gui.printing.pages import _configure, export_pdf, paint_sheet
from newsdesk.storage import Store
from tests.test_render import make_sheet

FOOTER = re.compile(r"Page (\d+) of (\d+)")
LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})


@pytest.fixture(autouse=True)
def app() -> QApplication:
    """PDF painting needs a Qt GUI application (offscreen in tests)."""
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def pdf_pages(path: Path) -> list[str]:
    """Each page's text as a reader sees it: ligatures undone, one space between words."""
    pages = PdfReader(str(path)).pages
    texts = [page.extract_text() or "" for page in pages]
    return [" ".join(text.translate(LIGATURES).split()) for text in texts]


def long_sheet(count: int = 200) -> FactSheet:
    """A story with ``count`` figures, each in its own sentence naming district D###."""
    lines = ["Strikes counted across every district", ""]
    figures = []
    position = len("\n".join(lines)) + 1
    for i in range(count):
        sentence = (
            f"In district D{i:03d} monitors counted at least {100 + i} air strikes overnight."
        )
        start = position + sentence.index("at least")
        text = f"at least {100 + i}"
        figures.append(
            Figure(
                f"f{i + 1}",
                text,
                start,
                start + len(text),
                kind="count",
                value=100 + i,
                low=100 + i,
                qualifier="at_least",
                counted="air strikes",
                sentence=(position, position + len(sentence)),
                status=("unverified", "verified", "disputed", "corrected")[i % 4],
                note="Check with the ministry." if i % 10 == 0 else "",
            )
        )
        lines.append(sentence)
        position += len(sentence) + 1
    article = Article(
        text="\n".join(lines),
        headline="Strikes counted across every district",
        source="Newsdesk Wire",
        published="2026-06-14",
    )
    return FactSheet(article=article, figures=figures)


def test_pdf_holds_headline_figures_status_marks_and_metadata(tmp_path: Path) -> None:
    sheet = make_sheet()
    sheet.figures[0].status = "verified"
    sheet.dates[0].status = "disputed"
    sheet.quotes[0].status = "corrected"
    target = tmp_path / "sheet.pdf"

    export_pdf(sheet, target, 3, author="Anna")

    reader = PdfReader(str(target))
    text = "\n".join(pdf_pages(target))
    assert reader.metadata is not None
    assert reader.metadata.title == "Air strikes hit villages near El Obeid"
    assert reader.metadata.author == "Anna"
    assert "Air strikes hit villages near El Obeid" in text
    assert "≥ 25 air strikes" in text
    assert "Sudan Conflict Monitor" in text
    for mark in ("☑", "✗", "✎", "☐"):
        assert mark in text
    assert "Page 1 of 1" in text
    assert f"version 3 · text {sheet.article.text_hash[:8]}" in text


@pytest.mark.parametrize(
    ("layout", "fewest", "most"),
    [("full", 8, 20), ("desk", 5, 12)],  # 200 facts: ~13-20 to an A4 page, ~30 on the desk sheet
)
def test_long_sheet_pages_have_footers_and_never_split_a_fact(
    tmp_path: Path, layout: str, fewest: int, most: int
) -> None:
    sheet = long_sheet()
    target = tmp_path / "long.pdf"

    export_pdf(sheet, target, 7, RenderOptions(layout=layout))  # type: ignore[arg-type]

    pages = pdf_pages(target)
    assert fewest <= len(pages) <= most
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "version 7" in text
    for i in range(200):
        # The figure's line and its source sentence sit on the same page.
        holding = [n for n, text in enumerate(pages) if f"≥ {100 + i} air" in text]
        sentence = [n for n, text in enumerate(pages) if f"D{i:03d} monitors" in text]
        assert holding and holding == sentence, i


def test_letter_paper_fits_the_same_sheet_on_as_many_or_more_pages(tmp_path: Path) -> None:
    sheet = long_sheet(60)
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"

    export_pdf(sheet, a4)
    export_pdf(sheet, letter, page_size="letter")

    a4_pages, letter_pages = pdf_pages(a4), pdf_pages(letter)
    assert len(letter_pages) >= len(a4_pages) > 1
    width, height = PdfReader(str(letter)).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (612, 792)  # 8.5 × 11 in
    assert f"Page {len(letter_pages)} of {len(letter_pages)}" in letter_pages[-1]


def test_options_filter_statuses_and_add_the_article(tmp_path: Path) -> None:
    sheet = long_sheet(8)
    target = tmp_path / "filtered.pdf"
    options = RenderOptions(statuses=frozenset({"disputed"}), include_article=True)

    export_pdf(sheet, target, options=options)

    pages = pdf_pages(target)
    text = "\n".join(pages)
    assert "Figures (2)" in text  # f3 and f7 are disputed
    assert "Only facts that are disputed" in text
    assert "Article" in pages[-1] and "district D000" in pages[-1]
    assert len(pages) == 2  # the article starts on a page of its own


def test_print_preview_paints_every_page_with_a_footer(tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    _configure(printer)

    count = paint_sheet(printer, long_sheet(40), 2)

    pages = pdf_pages(target)
    assert len(pages) == count > 1
    assert [FOOTER.search(text).groups() for text in pages if FOOTER.search(text)] == [  # type: ignore[union-attr]
        (str(n), str(count)) for n in range(1, count + 1)
    ]


def test_unwritable_pdf_is_refused_in_words(tmp_path: Path) -> None:
    from newsdesk.errors import NewsdeskError

    with pytest.raises(NewsdeskError, match="Could not write"):
        export_pdf(make_sheet(), tmp_path / "missing" / "sheet.pdf")


# -- the window ------------------------------------------------------------------------


def test_import_json_shows_the_sheet_exactly(qtbot: QtBot, tmp_path: Path) -> None:
    from newsdesk.app import build_main_window
    from newsdesk.gui.printing.export_actions import export_sheet, import_sheet
    from tests.gui_helpers import FakeExtractor

    sheet = make_sheet()
    sheet.figures[0].status = "verified"
    sheet.figures[0].note = "Matches the monitor's statement"
    source = tmp_path / "sheet.json"
    source.write_text(sheet.to_json(), encoding="utf-8")
    window = build_main_window(tmp_path / "newsdesk.db", extractor_loader=FakeExtractor)
    qtbot.addWidget(window)
    try:
        import_sheet(window.stories, source)

        # The facts exactly; the desk checks are run on them (this sheet has no story date).
        sheet.checks = run_checks(sheet)
        assert [c.kind for c in sheet.checks] == ["relative_date"]
        assert window.current_sheet == sheet
        assert window.editor.toPlainText() == sheet.article.text
        assert window.is_dirty  # not saved yet
        assert window.print_actions.export_file.isEnabled()
        again = export_sheet(window.session, tmp_path / "again.json", "json")
        assert FactSheet.from_json(again.read_text(encoding="utf-8")) == sheet
    finally:
        window.shutdown()


def test_stored_version_prints_with_who_saved_it(tmp_path: Path) -> None:
    db = tmp_path / "newsdesk.db"
    with Store(db) as store:
        info = store.save("strikes", make_sheet(), editor="Anna").version
    target = tmp_path / "v1.pdf"

    export_pdf(make_sheet(), target, info)

    text = "\n".join(pdf_pages(target))
    assert "Version 1 saved by Anna" in text
    assert PdfReader(str(target)).metadata.author == "Anna"  # type: ignore[union-attr]


def test_print_options_dialog_turns_choices_into_render_options(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from newsdesk.gui.printing.options import PrintOptionsDialog

    db = tmp_path / "newsdesk.db"
    with Store(db) as store:
        store.save("strikes", make_sheet(), editor="Anna")
        checked = make_sheet()
        checked.figures[0].status = "verified"
        store.save("strikes", checked, editor="Ben")
        versions = store.versions("strikes")
        dialog = PrintOptionsDialog(None, versions, current=2, paper=True)
        qtbot.addWidget(dialog)

        assert dialog.options(lambda n: store.load_version("strikes", n)) == RenderOptions()
        dialog.status_boxes["unverified"].setChecked(False)
        dialog.notes.setChecked(False)
        dialog.article.setChecked(True)
        dialog.compare.setCurrentIndex(dialog.compare.findData(1))
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        options = dialog.options(lambda n: store.load_version("strikes", n))

    assert options.statuses == frozenset({"verified", "disputed", "corrected"})
    assert (options.include_notes, options.include_article) == (False, True)
    assert options.compare_version == 1 and options.compare_to == make_sheet()
    assert dialog.page_size() == "letter"
    assert dialog.compare.count() == 2  # "nothing" and version 1, not the one shown


def test_a_sheet_too_big_to_print_is_refused_in_words_never_a_crash(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from newsdesk.core.sheet.model import Article, Figure
    from newsdesk.gui.printing.pages import PRINT_MAX_FACTS

    count = PRINT_MAX_FACTS + 1
    text = "1 " * count
    figures = [
        Figure(f"f{n}", "1", 2 * n, 2 * n + 1, value=1, sentence=(0, len(text)))
        for n in range(count)
    ]
    db = tmp_path / "newsdesk.db"
    with Store(db) as store:
        store.save("numbers", FactSheet(Article(text), figures=figures))
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"%PDF- the previous one")

    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db), "export", "numbers", "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )

    assert done.returncode == 1
    assert f"prints and writes PDFs of up to {PRINT_MAX_FACTS:,}" in done.stderr
    assert target.read_bytes() == b"%PDF- the previous one"
