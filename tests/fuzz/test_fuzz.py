"""Fuzzing: hostile texts through the whole analysis, broken sheets through the schema,
any string through search. Nothing raises but the refusals newsdesk means to give."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given

from newsdesk.core.extract import Extractor
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.sheet.schema import parse_sheet, sheet_json
from newsdesk.errors import InputError, SheetError
from newsdesk.storage import Store
from tests.fuzz.conftest import examples
from tests.fuzz.strategies import corrupted_sheet_json, search_strings, sheets, texts
from tests.test_render import make_sheet


def assert_offsets_hold(sheet: FactSheet) -> None:
    """The offset invariant: every span slices its own words and lies inside its sentence."""
    text = sheet.article.text
    for entity in sheet.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text, entity
    for fact in [*sheet.figures, *sheet.dates, *sheet.quotes]:
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text, fact
    for figure in sheet.figures:
        assert figure.sentence is not None
        assert 0 <= figure.sentence[0] <= figure.start <= figure.end <= figure.sentence[1]
        assert figure.sentence[1] <= len(text)
        for number in (figure.value, figure.low, figure.high):
            assert number is None or math.isfinite(number)
    for quote in sheet.quotes:
        if quote.speaker_mention is not None:
            m = quote.speaker_mention
            assert text[m.start : m.end] == m.text


@pytest.mark.model
@examples(short=25, soak=4_000)
@given(text=texts)
def test_any_text_gives_a_valid_sheet_whose_offsets_hold(extractor: Extractor, text: str) -> None:
    try:
        sheet = extractor.extract(text)
    except InputError:
        return  # empty once cleaned: refused in words
    assert_offsets_hold(sheet)
    stored = sheet_json(sheet)  # the contract holds: storable, finite, references resolve
    assert parse_sheet(stored) == sheet


@examples(short=200, soak=20_000)
@given(sheet=sheets())
def test_a_valid_sheet_round_trips_through_the_schema(sheet: FactSheet) -> None:
    text = sheet_json(sheet)
    assert parse_sheet(text) == sheet
    assert parse_sheet(sheet.to_json()) == sheet


@examples(short=300, soak=30_000)
@given(text=corrupted_sheet_json())
def test_a_broken_sheet_is_refused_in_words_or_read_valid(text: str) -> None:
    try:
        sheet = parse_sheet(text)
    except SheetError as error:
        refused = str(error)
    else:
        sheet_json(sheet)  # what passes is storable as it is
        refused = json.loads(sheet.to_json())["schema"]
    assert refused


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(Path(tmp_path_factory.mktemp("fuzz")) / "newsdesk.db") as store:
        store.save("strikes", make_sheet())
        yield store


@examples(short=150, soak=10_000)
@given(query=search_strings)
def test_any_string_is_a_search(store: Store, query: str) -> None:
    for hit in store.search(query):
        assert hit.story.slug == "strikes"
