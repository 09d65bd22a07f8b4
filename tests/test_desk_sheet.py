"""The desk sheet: one page that leads with the claims, read back from the PDF.

The shipped Palmyra-like sample (about 410 words) is analysed by the real
pipeline, saved, and exported as the command line and the window would: its
claims print on page 1 of at most two pages; no model labels or field names
are printed; planted problems print as checks to answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk import cli
from newsdesk.core.checks import run_checks
from newsdesk.core.extract import Extractor
from newsdesk.core.output.exports import sheet_to_markdown
from newsdesk.core.output.render import RenderOptions, sheet_to_html
from newsdesk.core.output.wording import fact_context
from newsdesk.core.sheet.model import Article, DateFact, Entity, FactSheet, Mention
from newsdesk.core.work import edits
from newsdesk.gui.printing.pages import export_pdf
from newsdesk.storage import Store
from tests.conftest import sample_text
from tests.test_print import pdf_pages
from tests.test_render import make_sheet

PALMYRA = "palmyra_strikes.txt"
# What a reader must never see on the desk's paper: model labels and field names.
LABELS = re.compile(r"\b(?:GPE|NORP|PRODUCT|LOC|FAC|ORG|PERSON|WORK_OF_ART)\b")
FIELDS = re.compile(
    r"\b(?:checked_by|checked_at|qualifier|source_basis|speaker_basis|source_text|at_least|"
    r"more_than|date_basis)\b"
)


@pytest.fixture(autouse=True)
def app() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


@pytest.fixture
def palmyra(extractor: Extractor) -> FactSheet:
    sheet = extractor.extract(sample_text(PALMYRA))
    sheet.checks = run_checks(sheet)
    return sheet


def visible(html: str) -> str:
    """The words of an HTML sheet as printed (tags and the style sheet left out)."""
    body = html.split("<body>", 1)[1]
    return re.sub(r"<[^>]+>", " ", body)


def test_the_palmyra_story_prints_its_claims_on_page_one_of_at_most_two(
    palmyra: FactSheet, tmp_path: Path
) -> None:
    assert 380 <= len(palmyra.article.text.split()) <= 450
    target = export_pdf(palmyra, tmp_path / "desk.pdf", 1)

    pages = pdf_pages(target)
    assert len(pages) <= 2
    first = pages[0]
    order = [first.index(title) for title in ("Figures (", "Quotes (", "Dates (")]
    assert order == sorted(order)
    assert first.index("facts · ") < order[0]  # the summary line before the claims
    for figure in palmyra.figures:
        assert figure.text in first, figure.text
    for date in palmyra.dates:
        assert date.text in first, date.text
    for text in pages:
        assert not LABELS.search(text) and not FIELDS.search(text)


def test_the_full_sheet_stays_and_runs_longer(palmyra: FactSheet, tmp_path: Path) -> None:
    desk = pdf_pages(export_pdf(palmyra, tmp_path / "desk.pdf"))
    full = pdf_pages(export_pdf(palmyra, tmp_path / "full.pdf", None, RenderOptions(layout="full")))
    assert len(full) > len(desk)
    assert "People (" in full[0] and "Checks to answer (1)" in full[0]
    for text in full:
        assert not LABELS.search(text) and not FIELDS.search(text)


def test_the_desk_sheet_leads_with_the_story_summary_and_checks(palmyra: FactSheet) -> None:
    html = sheet_to_html(palmyra, version=2, saved_by="amira", options=RenderOptions(story="palm"))
    words = " ".join(visible(html).split())

    assert words.index("Story palm · Version 2 saved by amira") < words.index("49 facts")
    assert "49 facts · 0 checked · 0 disputed · 1 open check" in words
    assert words.index("Checks to answer (1)") < words.index("Figures (12)")
    assert words.index("Figures (12)") < words.index("Quotes (4)") < words.index("Dates (14)")
    assert words.index("Dates (14)") < words.index("Names (19)")
    assert "Rami Abdulrahman People · 1 mention" in words
    assert "Dates relative to Fri 25 Sep" in words and "from the dateline" in words
    assert "hedge: at least · counts: air strikes" in words
    assert "he → Rami Abdulrahman · read from a pronoun" in words


def test_a_merged_unverified_name_never_prints_as_checked_by_anyone() -> None:
    sheet = make_sheet()
    sheet.entities.append(Entity("e9", "GPE", "El-Obeid", [Mention(0, 3, "Air")]))
    edits.merge_entities(sheet, sheet.entities[0].id, "e9", editor="Sam Desk")
    assert sheet.entities[0].status == "unverified"

    for layout in ("desk", "full"):
        html = sheet_to_html(sheet, options=RenderOptions(layout=layout))  # type: ignore[arg-type]
        assert "Sam Desk" not in visible(html), layout
        assert "checked by" not in visible(html), layout
    edits.set_status(sheet, sheet.entities[0].id, "verified", editor="Sam Desk")
    assert "verified by Sam Desk" in visible(sheet_to_html(sheet))


def test_a_dates_context_reads_past_abbreviations_and_cuts_at_word_boundaries() -> None:
    text = (
        "Talks\n\nOn Friday, U.S. officials met their counterparts from six countries in "
        "Geneva to discuss a ceasefire along the whole length of the front line."
    )
    start = text.index("Friday")
    sheet = FactSheet(
        Article(text, headline="Talks"),
        dates=[DateFact("d1", "Friday", start, start + 6, value="2015-09-25")],
    )

    before, words, after = fact_context(sheet, sheet.dates[0], 30)  # type: ignore[misc]
    assert (before, words) == ("On ", "Friday")
    assert after == ", U.S. officials met their…"
    desk = visible(sheet_to_html(sheet))
    assert "On Friday , U.S. officials met their…" in " ".join(desk.split())


def test_planted_problems_print_as_checks_to_answer(extractor: Extractor, tmp_path: Path) -> None:
    sheet = extractor.extract(
        "25 Killed in Air Strikes Near El Obeid\n\n"
        "KHARTOUM, June 14 (Newsdesk Wire) - Warplanes killed at least 25 people, including 30 "
        "fighters, in villages outside El Obeid on Friday, the Sudan Conflict Monitor said."
    )
    sheet.checks = run_checks(sheet)

    first = pdf_pages(export_pdf(sheet, tmp_path / "planted.pdf"))[0]

    assert "Checks to answer (2)" in first
    assert "HIGH Headline against the body · headline — Headline says “25”" in first
    assert "HIGH Parts and totals · par. 1 — The parts “30 fighters”" in first
    assert "2 open checks" in first
    markdown = sheet_to_markdown(sheet)
    assert "## Checks to answer (2)" in markdown and "- [ ] **HIGH** Parts and totals" in markdown


def test_export_writes_the_desk_sheet_by_default_and_the_full_one_when_asked(
    extractor: Extractor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(
        Extractor, "load", classmethod(lambda cls, model=None, register=None: extractor)
    )
    story = tmp_path / "palmyra.txt"
    story.write_text(sample_text(PALMYRA), encoding="utf-8")
    db = str(tmp_path / "desk.db")
    assert cli.main(["--db", db, "save", str(story), "--story", "palmyra"]) == 0
    desk, full = tmp_path / "desk.pdf", tmp_path / "full.pdf"

    assert cli.main(["--db", db, "export", "palmyra", "-o", str(desk)]) == 0
    assert cli.main(["--db", db, "export", "palmyra", "--layout", "full", "-o", str(full)]) == 0
    html = tmp_path / "full.html"
    assert cli.main(["--db", db, "export", "palmyra", "--layout", "full", "-o", str(html)]) == 0
    capsys.readouterr()

    desk_pages, full_pages = pdf_pages(desk), pdf_pages(full)
    assert len(desk_pages) <= 2 < len(full_pages)
    assert desk_pages[0].startswith("Syrian Army Carries Out at Least 25 Airstrikes")
    assert "Story palmyra · Version 1" in desk_pages[0]
    assert "<h2>People (" in html.read_text(encoding="utf-8")
    assert PdfReader(str(desk)).metadata.title.startswith("Syrian Army Carries Out")  # type: ignore[union-attr]
    with Store(tmp_path / "desk.db") as store:
        assert [c.kind for c in store.load_version("palmyra").checks] == ["prejudicial_word"]


def test_the_print_options_offer_the_desk_sheet_first_and_the_full_sheet(qtbot: QtBot) -> None:
    from newsdesk.gui.printing.options import PrintOptionsDialog

    dialog = PrintOptionsDialog(None, story="palmyra")
    qtbot.addWidget(dialog)

    assert dialog.options(lambda n: FactSheet(Article(""))) == RenderOptions(story="palmyra")
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("full"))
    assert dialog.options(lambda n: FactSheet(Article(""))).layout == "full"
    assert dialog.layout_choice.itemText(0).startswith("Desk sheet")
