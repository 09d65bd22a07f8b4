"""Figures as wire copy writes them: ranges glued by dashes, codes glued to
amounts, spelled-out shares and the like, read the way a desk editor would."""

from __future__ import annotations

import pytest

from newsdesk.core.extract import Extractor
from newsdesk.core.extract.tokens import shipped_tokenizer
from newsdesk.core.model import FactSheet, Figure


def _figure(sheet: FactSheet, text: str) -> Figure:
    found = [f for f in sheet.figures if f.text == text]
    assert found, f"no figure {text!r}; got {[f.text for f in sheet.figures]}"
    return found[0]


def _check(extractor: Extractor, sentence: str, text: str, expected: dict[str, object]) -> None:
    figure = _figure(extractor.extract(sentence), text)
    for field, value in expected.items():
        assert getattr(figure, field) == pytest.approx(value), field


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("The fund wants 2000–4000 donors.", "2000–4000", {"low": 2000, "high": 4000}),
        ("Tickets cost about $15-$25.", "about $15-$25", {"low": 15, "high": 25, "unit": "USD"}),
        ("Salaries of 40k-60k were offered.", "40k-60k", {"low": 40_000, "high": 60_000}),
        ("The beam ran at 2.5–3.0 GeV.", "2.5–3.0", {"low": 2.5, "high": 3.0}),
        ("Crowds of 300~500 gathered.", "300~500", {"low": 300, "high": 500}),
        ("Add ~3-4 grams of salt.", "~3-4 grams", {"low": 3, "high": 4, "kind": "quantity"}),
        ("They built a 10- to 12-foot wall.", "10- to 12-foot", {"low": 10, "high": 12}),
        ("The fee is Rs450 a month.", "Rs450", {"value": 450, "unit": "INR"}),
        ("Vouchers worth USD75 were sent.", "USD75", {"value": 75, "unit": "USD"}),
    ],
)
def test_ranges_and_amounts_written_without_spaces(
    extractor: Extractor, sentence: str, text: str, expected: dict[str, object]
) -> None:
    _check(extractor, sentence, text, expected)


def test_figure_rules_leave_names_and_seasons_alone(extractor: Extractor) -> None:
    sheet = extractor.extract("The F-16 flew in the 2019-20 season after COVID-19.")
    assert [f.text for f in sheet.figures] == []


def test_bare_pipeline_tokenizer_can_be_had_back(extractor: Extractor) -> None:
    assert [t.text for t in extractor.nlp("1000–5000")] == ["1000", "–", "5000"]
    with shipped_tokenizer(extractor.nlp):
        assert [t.text for t in extractor.nlp("1000–5000")] == ["1000–5000"]
    assert [t.text for t in extractor.nlp("1000–5000")] == ["1000", "–", "5000"]
