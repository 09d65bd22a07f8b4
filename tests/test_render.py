"""The printed fact sheet and the text summary read the way an editor expects."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdesk.core.output.render import RenderOptions, sheet_to_html, sheet_to_text
from newsdesk.core.output.wording import figure_value, grouped_facts
from newsdesk.core.sheet.model import (
    Article,
    DateFact,
    Entity,
    Equivalent,
    FactSheet,
    Figure,
    Mention,
    Quote,
    Recheck,
)

FULL = RenderOptions(layout="full")  # the full sheet: every fact with its sentence
TEXT = (
    "Air strikes hit villages near El Obeid\n"
    "\n"
    "KHARTOUM, June 14 (Newsdesk Wire) - Warplanes carried out at least 25 air strikes on "
    "villages on Friday, the Sudan Conflict Monitor said.\n"
    "\n"
    '"There was nowhere to run," said Adam Ibrahim, a farmer.'
)


def at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    begin = text.index(needle, start)
    return begin, begin + len(needle)


def calories(start: int, end: int) -> Figure:
    """ "about 2,000-2,500 calories": a range with a hedge (``approximate``)."""
    return Figure(
        "f1",
        "about 2,000-2,500 calories",
        start,
        end,
        kind="quantity",
        value=2000,
        low=2000,
        high=2500,
        qualifier="range",
        unit="calories",
        approximate=True,
    )


def make_sheet(text: str = TEXT, headline: str | None = None) -> FactSheet:
    article = Article(
        text=text,
        headline=headline if headline is not None else text.split("\n", 1)[0],
        source="Newsdesk Wire",
        dateline="KHARTOUM",
        published="2026-06-14",
    )
    monitor = at(text, "Sudan Conflict Monitor")
    adam = at(text, "Adam Ibrahim")
    strikes = at(text, "at least 25")
    friday = at(text, "Friday")
    quote = at(text, "There was nowhere to run")
    return FactSheet(
        article=article,
        entities=[
            Entity(
                "e1", "ORG", "Sudan Conflict Monitor", [Mention(*monitor, "Sudan Conflict Monitor")]
            ),
            Entity("e2", "PERSON", "Adam Ibrahim", [Mention(*adam, "Adam Ibrahim")]),
        ],
        figures=[
            Figure(
                "f1",
                "at least 25",
                *strikes,
                kind="count",
                value=25,
                low=25,
                qualifier="at_least",
                counted="air strikes",
                sentence=(text.index("KHARTOUM"), text.index("said.") + 5),
                source="e1",
            )
        ],
        dates=[DateFact("d1", "Friday", *friday, value="2026-06-12")],
        quotes=[Quote("q1", "There was nowhere to run", *quote, speaker="e2", cue="said")],
    )


def test_html_has_headline_story_details_and_every_section() -> None:
    html = sheet_to_html(
        make_sheet(),
        version=3,
        saved_by="Anna",
        saved_at=datetime(2026, 6, 14, 9, 30, tzinfo=UTC),
        options=FULL,
    )

    assert "<h1>Air strikes hit villages near El Obeid</h1>" in html
    assert "Newsdesk Wire · KHARTOUM · 2026-06-14" in html
    assert "Version 3 saved by Anna" in html
    for section in (
        "People (1)",
        "Organisations (1)",
        "Places (0)",
        "Figures (1)",
        "Dates (1)",
        "Quotes (1)",
    ):
        assert f"<h2>{section}</h2>" in html


def test_html_figure_shows_value_source_box_and_sentence_with_figure_in_bold() -> None:
    html = sheet_to_html(make_sheet(), options=FULL)

    assert "≥ 25 air strikes" in html
    assert "Sudan Conflict Monitor" in html
    assert "☐" in html  # a box to tick on paper
    assert "carried out <b><u>at least 25</u></b> air strikes" in html


def test_html_shows_a_verified_fact_as_ticked() -> None:
    sheet = make_sheet()
    sheet.figures[0].status = "verified"

    html = sheet_to_html(sheet, options=FULL)

    assert "☑" in html
    assert "verified" in html


def test_a_fact_to_re_check_says_so_in_its_printed_note() -> None:
    sheet = make_sheet()
    sheet.figures[0].recheck = Recheck("at least 12")
    sheet.figures[0].note = "Police figure"

    html = sheet_to_html(sheet)

    assert "Changed from at least 12 to at least 25 — re-check. Police figure" in html
    assert "re-check" not in sheet_to_html(sheet, options=RenderOptions(include_notes=False))


def test_html_escapes_everything_from_the_article() -> None:
    hostile = "<script>alert('x')</script> & <b>bold</b>"
    sheet = make_sheet(headline=hostile)
    sheet.entities[1].name = "Adam <i>Ibrahim</i>"
    sheet.figures[0].note = "<img src=x onerror=alert(1)>"

    html = sheet_to_html(sheet)

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<i>Ibrahim</i>" not in html
    assert "<img" not in html


def test_long_sentences_are_shortened_around_the_figure() -> None:
    filler = "word " * 60
    text = f"Headline\n\n{filler}they counted at least 25 strikes {filler}end."
    start, end = at(text, "at least 25")
    sheet = FactSheet(
        article=Article(text=text, headline="Headline"),
        figures=[
            Figure(
                "f1",
                "at least 25",
                start,
                end,
                value=25,
                qualifier="at_least",
                sentence=(10, len(text)),
            )
        ],
    )

    html = sheet_to_html(sheet, options=FULL)

    context = html.split('class="context">', 1)[1].split("</p>", 1)[0]
    assert context.startswith("…") and context.endswith("…")
    assert "<b><u>at least 25</u></b>" in context
    assert len(context) < 200


def test_text_summary_lists_facts_by_group_with_values() -> None:
    text = sheet_to_text(make_sheet())

    assert text.startswith("Air strikes hit villages near El Obeid\n")
    assert "Figures (1)\n  ☐ at least 25 — ≥ 25 air strikes; says Sudan Conflict Monitor" in text
    assert "Dates (1)\n  ☐ Friday — 2026-06-12" in text
    assert "“There was nowhere to run” — said by Adam Ibrahim" in text
    assert "Places" not in text  # empty groups are left out of the summary


def test_empty_sheet_renders() -> None:
    sheet = FactSheet(article=Article(text="Just a line", headline=""))

    assert "Untitled story" in sheet_to_html(sheet)
    assert "None found." in sheet_to_html(sheet)
    assert sheet_to_text(sheet).startswith("Untitled story\n")


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (
            Figure(
                "f",
                "at least 25",
                0,
                1,
                kind="count",
                value=25,
                low=25,
                qualifier="at_least",
                counted="air strikes",
            ),
            "≥ 25 air strikes",
        ),
        (
            Figure(
                "f",
                "more than 40",
                0,
                1,
                kind="count",
                value=40,
                qualifier="more_than",
                counted="people",
            ),
            "> 40 people",
        ),
        (
            Figure(
                "f",
                "between 10 and 20",
                0,
                1,
                kind="count",
                value=10,
                low=10,
                high=20,
                qualifier="range",
                counted="houses",
            ),
            "10–20 houses",
        ),
        (
            Figure(
                "f", "$1.2bn", 0, 1, kind="money", value=1.2e9, low=1.2e9, high=1.2e9, unit="USD"
            ),
            "$1.2bn → 1,200,000,000 USD",
        ),
        (
            Figure(
                "f",
                "up to $50 million",
                0,
                1,
                kind="money",
                value=5e7,
                high=5e7,
                qualifier="at_most",
                unit="USD",
            ),
            "up to $50 million → ≤ 50,000,000 USD",
        ),
        (Figure("f", "3.5 percent", 0, 1, kind="percent", value=3.5, unit="%"), "3.5%"),
        (Figure("f", "3%", 0, 1, kind="percent", value=3, unit="%", change="up"), "↑ 3%"),
        (Figure("f", "35 miles", 0, 1, kind="quantity", value=35, unit="miles"), "35 miles"),
        (
            Figure(
                "f",
                "dozens",
                0,
                1,
                kind="count",
                value=None,
                low=24,
                qualifier="at_least",
                counted="residents",
            ),
            "dozens of residents",
        ),
        (
            Figure(
                "f",
                "nearly half",
                0,
                1,
                kind="number",
                value=0.5,
                qualifier="about",
                counted="victims",
            ),
            "≈ half of victims",
        ),
        (Figure("f", "some", 0, 1, kind="count", value=None, counted="people"), ""),
        (Figure("f", "273", 0, 1, kind="number", value=273, earlier=240), "273 (from 240)"),
        (
            Figure(
                "f",
                "37m",
                0,
                1,
                kind="quantity",
                value=37,
                unit="m",
                equivalent=Equivalent("121ft", 121, 121, 121, unit="ft"),
            ),
            "37 m = 121ft",
        ),
        (
            Figure(
                "f",
                "Thousands",
                0,
                1,
                kind="count",
                value=None,
                low=2000,
                qualifier="at_least",
                counted="people",
            ),
            "thousands of people",
        ),
        (
            Figure("f", "several hundred", 0, 1, kind="count", low=300, counted="homes"),
            "several hundred homes",
        ),
        (calories(0, 1), "≈ 2,000–2,500 calories"),
        (Figure("f", "by half", 0, 1, kind="count", value=0.5, change="down"), "↓ half"),
    ],
)
def test_figure_values_are_normalised_with_their_hedge(figure: Figure, expected: str) -> None:
    assert figure_value(figure) == expected


def test_facts_are_grouped_for_editors() -> None:
    sheet = make_sheet()
    sheet.entities.append(Entity("e3", "NORP", "Sudanese", [Mention(0, 3, "Air")]))
    sheet.entities.append(Entity("e4", "EVENT", "the war", [Mention(4, 11, "strikes")]))

    groups = grouped_facts(sheet)

    assert list(groups) == [
        "people",
        "organisations",
        "places",
        "groups",
        "other",
        "figures",
        "dates",
        "quotes",
    ]
    assert [e.id for e in groups["groups"]] == ["e3"]
    assert [e.id for e in groups["other"]] == ["e4"]


def test_a_range_with_a_hedge_prints_its_hedge_on_the_desk_and_full_sheets() -> None:
    sheet = make_sheet()
    text = sheet.article.text = TEXT + " Adults need about 2,000-2,500 calories a day."
    figure = calories(*at(text, "about 2,000-2,500 calories"))
    figure.sentence = (text.index("Adults"), len(text))
    sheet.figures = [figure]
    desk = sheet_to_html(sheet)
    full = sheet_to_html(sheet, options=FULL)
    for html in (desk, full):
        assert "≈ 2,000–2,500 calories" in html
        assert "about, between" in html
    sheet.figures[0].approximate = False
    assert "about, between" not in sheet_to_html(sheet)
