"""Text no editor means to paste, read as safely as wire copy: symbols, emoji, odd digits.

Figures from such text are finite numbers, offsets point at their own words,
and the tokenizer reads long runs without spaces in pieces (linear time; the
speed itself is measured by ``tests/benchmarks/linear.py``, tests never time).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import spacy
from spacy.tokens import Span

from newsdesk.core.extract import Extractor
from newsdesk.core.extract.entities import group_entities
from newsdesk.core.extract.numbers import SCIENTIFIC_TOKEN, parse_number
from newsdesk.core.extract.tokens import LONG_RUN, LinearTokenizer
from newsdesk.core.sheet.schema import sheet_json


@pytest.mark.parametrize(
    "text",
    ["1e999", "9" * 400, "1," + "000," * 200 + "000", "10^999", "1e308 trillion"],
)
def test_numbers_past_what_a_float_holds_are_not_read(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose to 1e999 dollars on Monday.",
        "The debt reached " + "9" * 400 + " dollars, officials said.",
        "The fund held 1,000,000," + "000," * 200 + "000 euros.",
        "At least 1e300 trillion people came.",
    ],
)
def test_no_infinite_figure_enters_a_sheet(extractor: Extractor, text: str) -> None:
    sheet = extractor.extract(text)

    for figure in sheet.figures:
        for number in (figure.value, figure.low, figure.high):
            assert number is None or math.isfinite(number)
    sheet_json(sheet)  # the contract holds: it can be stored


def test_mathematical_digits_are_no_grouped_thousands(extractor: Extractor) -> None:
    sheet = extractor.extract("Officials met on Monday. Then 𝟏 𝟏𝟐𝟑 people came to the rally.")

    assert 1123 not in [figure.value for figure in sheet.figures]
    text = sheet.article.text
    for figure in sheet.figures:
        assert text[figure.start : figure.end] == figure.text
        assert figure.sentence is not None
        assert figure.sentence[0] <= figure.start <= figure.end <= figure.sentence[1]


def test_a_mention_that_loses_its_leading_punctuation_starts_at_its_name() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Officials said : John Smith arrived.")
    colon = next(token.i for token in doc if token.text == ":")
    span = Span(doc, colon, colon + 3, label="PERSON")  # ": John Smith"

    [group] = group_entities(doc, [span])

    start, end = group.mentions[0]
    assert doc.text[start:end] == "John Smith"


@pytest.mark.parametrize("run", ["$" * 400, "😀" * 400, "%" * 300 + "$" * 300, "!?" * 300])
def test_long_runs_of_symbols_split_into_the_same_tokens_as_before(run: str) -> None:
    nlp = spacy.blank("en")
    shipped = nlp.tokenizer
    linear = LinearTokenizer(shipped)
    text = f"Prices rose  {run} to 5\n\n{run}. End"

    assert len(run) >= LONG_RUN
    assert [t.text for t in linear(text)] == [t.text for t in shipped(text)]
    assert linear(text).text == text


def test_figure_rules_set_with_the_special_cases_loaded_once_tokenize_as_set_one_by_one() -> None:
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from newsdesk.core.extract import tokens

    once, one_by_one = spacy.blank("en"), spacy.blank("en")
    tokens.split_figures(once)
    tokens.split_figures(once)  # a second call changes nothing
    slow: Any = one_by_one.tokenizer
    defaults: Any = one_by_one.Defaults
    slow.infix_finditer = compile_infix_regex((*tokens._INFIXES, *defaults.infixes)).finditer
    slow.prefix_search = compile_prefix_regex((*tokens._PREFIXES, *defaults.prefixes)).search
    slow.suffix_search = compile_suffix_regex((*tokens._SUFFIXES, *defaults.suffixes)).search
    slow.token_match = SCIENTIFIC_TOKEN.match
    text = "Don't the U.S. Dept. pay 5km, $4.5bn (A$3m) for 1.3x10^6 doses? 8- to 16-metre :) e.g."
    assert [t.text for t in once(text)] == [t.text for t in one_by_one(text)]
    fast: Any = once.tokenizer
    assert fast.rules == slow.rules


def test_the_pipeline_read_with_the_figure_rules_tokenizes_as_one_given_them_after(
    extractor: Extractor,
) -> None:
    """``Extractor.load`` reads the pipeline's tokenizer with the figure rules already in
    place (its special cases loaded once); the tokenizer is the one the pipeline as
    shipped becomes when :func:`split_figures` sets them afterwards."""
    from newsdesk.core.extract import tokens
    from newsdesk.core.extract.nlp import PINNED_MODEL

    read: Any = extractor.nlp.tokenizer
    after = spacy.load(PINNED_MODEL)
    tokens.split_figures(after)
    given: Any = after.tokenizer
    text = (
        "Don't the U.S. Dept. pay 5km, $4.5bn (A$3m) for 1.3x10^6 doses? 8- to 16-metre :) "
        "e.g. 1000–5000 or 10-$20, Rs20, USD50 in 5k-20k; 22,24,26,31 and www.example.com. "
        "It's 3.5–4.0 o'clock, isn't it?"
    )
    assert isinstance(read, LinearTokenizer) and read.figures
    assert [t.text for t in read(text)] == [t.text for t in given(text)]
    assert read.rules == given.rules
    assert read.to_bytes(exclude=["vocab"]) == given.to_bytes(exclude=["vocab"])


def test_every_offset_of_a_sheet_from_hostile_text_slices_its_own_words(
    extractor: Extractor,
) -> None:
    text = (
        "ALERT $$$$$$$$ " + "😀" * 300 + " Police said 25 people died.\n\n"
        "Officials said : John Smith counted 𝟏𝟐𝟑 buses, up 5% from ٣٤. " + "$" * 500
    )
    sheet = extractor.extract(text)
    body = sheet.article.text

    for entity in sheet.entities:
        for mention in entity.mentions:
            assert body[mention.start : mention.end] == mention.text
    for fact in [*sheet.figures, *sheet.dates, *sheet.quotes]:
        assert body[fact.start : fact.end] == fact.text
    assert any(figure.value == 25 for figure in sheet.figures)
