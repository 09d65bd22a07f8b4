"""Reading numbers as wire copy writes them: digits, words, suffixes and fractions.

Every figure value on a fact sheet comes through ``parse_number``; a wrong value
here is a wrong number in front of the editor. Plain strings, no spaCy.
"""

from __future__ import annotations

import pytest

from newsdesk.core.extract.numbers import is_number_word, parse_number, vague_lower_bound


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits, separators and decimals
        ("25", 25),
        ("0", 0),
        ("1,200", 1_200),
        ("1,234,567.5", 1_234_567.5),
        ("3.75", 3.75),
        (".5", 0.5),
        # scale words and suffixes (currency symbols are stripped by the caller)
        ("1.2 million", 1_200_000),
        ("4.5 million", 4_500_000),
        ("800 million", 800_000_000),
        ("1.2bn", 1_200_000_000),
        ("1.2 bn", 1_200_000_000),
        ("3 billion", 3_000_000_000),
        ("2 trillion", 2_000_000_000_000),
        ("10k", 10_000),
        ("10K", 10_000),
        ("5m", 5_000_000),
        ("2.5mn", 2_500_000),
        ("1.2-million", 1_200_000),
        ("2 lakh", 200_000),
        ("12 lkhs", 1_200_000),
        ("three hundred krores", 3_000_000_000),
        ("322 hundred", 32_200),
        ("fifteen hundred", 1_500),
        ("one hundred thousand two hundred", 100_200),
        ("three hundred and two dozen", 324),
        ("two thirds of a million", 2_000_000 / 3),
        ("nine point nought four", 9.04),
        ("1 point 1", 1.1),
        ("two hundred dozen", 2_400),
        ("three and one fourth", 3.25),
        ("twenty and three fifths", 20.6),
        ("two and fifty-four hundredths", 2.54),
        ("one hundred and three and two thirds", 103 + 2 / 3),
        ("a thirtieth", 1 / 30),
        ("3 million and a half", 3_500_000),
        ("1.3x10^6", 1_300_000),
        ("2.48×10−5", 2.48e-5),
        ("12,34,567.89", 1_234_567.89),
        ("10^6", 1_000_000),
        ("one over three", 1 / 3),
        ("1.111,11", 1111.11),
        ("2000 over 3", 2000 / 3),
        ("3 dzs", 36),
        ("fifty - two", 52),
        ("a hundred thousand trillionths", 1e-7),
        # spelled-out numbers
        ("one", 1),
        ("twelve", 12),
        ("twenty", 20),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("Twenty-Five", 25),
        ("ninety-nine", 99),
        ("one hundred", 100),
        ("a hundred", 100),
        ("one hundred and five", 105),
        ("one hundred twenty three", 123),
        ("a hundred and twenty", 120),
        ("eleven hundred", 1_100),
        ("twenty-one hundred", 2_100),
        ("one thousand two hundred", 1_200),
        ("ten thousand five hundred", 10_500),
        ("three hundred thousand", 300_000),
        ("two million five hundred thousand", 2_500_000),
        ("one hundred and twenty-five thousand", 125_000),
        ("a million", 1_000_000),
        # fractions and halves
        ("two and a half million", 2_500_000),
        ("one and a half", 1.5),
        ("four and a half", 4.5),
        ("half a million", 500_000),
        ("half", 0.5),
        ("a half", 0.5),
        ("a quarter", 0.25),
        ("three quarters", 0.75),
        # dozens, couples
        ("a dozen", 12),
        ("two dozen", 24),
        ("2 dozen", 24),
        ("half a dozen", 6),
        ("a couple", 2),
        ("a score", 20),
        # mixtures
        ("2 million 500 thousand", 2_500_000),
    ],
)
def test_parse_number_reads_the_value_as_written(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a third", 1 / 3),
        ("two thirds", 2 / 3),
        ("a fifth", 0.2),
    ],
)
def test_parse_number_reads_fractions_that_do_not_terminate(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-5", -5),
        ("−12", -12),  # U+2212 MINUS SIGN, as typeset copy writes it
        ("+5", 5),
        ("-1.5 million", -1_500_000),
        ("-0.75", -0.75),
    ],
)
def test_parse_number_keeps_the_sign(text: str, expected: float) -> None:
    """Temperatures and losses below zero must not turn positive."""
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25 000", 25_000),
        ("25\u00a0000", 25_000),  # no-break space
        ("25\u202f000", 25_000),  # narrow no-break space, the SI separator
        ("1 000 000", 1_000_000),
        ("12 345.5", 12_345.5),
    ],
)
def test_parse_number_reads_thousands_grouped_with_spaces(text: str, expected: float) -> None:
    """European copy groups thousands with (no-break) spaces; 25 000 is not 25."""
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "nearly",
        "a",
        "an",
        "and",
        "of",
        "-",
        "people",
        "the",
        "a million people",
        "1,000 people",
        "about 25",
        "5km",  # a unit, not a scale: the caller splits it off
        "1,2",
        "12,34",
    ],
)
def test_parse_number_refuses_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "1 2",
        "1,000 2,000",
        "10-20",  # a range: the caller splits it, the sum 30 was never written
        "five five",
        "twenty twenty",
        "nineteen eighty-four",
        "25 0000",
        "3 hundred and 2 hundred",
        "one hundred fifth",  # an ordinal
        "2 x 105",  # a product, not 2e5
    ],
)
def test_parse_number_does_not_add_up_numbers_written_side_by_side(text: str) -> None:
    """Two numbers next to each other are not one number; summing them invents a figure."""
    assert parse_number(text) is None


def test_parse_number_returns_floats_for_whole_numbers() -> None:
    """Callers compare and format values as floats (``25.0``), whatever the input."""
    value = parse_number("twenty-five")
    assert isinstance(value, float)
    assert value == 25.0


@pytest.mark.parametrize(
    ("text", "floor"),
    [
        ("dozens", 24),
        ("Dozens", 24),
        ("scores", 40),
        ("hundreds", 200),
        ("thousands", 2_000),
        ("tens of thousands", 20_000),
        ("Tens  of   Thousands", 20_000),
        ("hundreds of thousands", 200_000),
        ("millions", 2_000_000),
        ("tens of millions", 20_000_000),
        ("hundreds of millions", 200_000_000),
        ("billions", 2_000_000_000),
    ],
)
def test_vague_lower_bound_gives_the_floor_of_a_vague_plural(text: str, floor: float) -> None:
    assert vague_lower_bound(text) == floor


@pytest.mark.parametrize("text", ["dozen", "hundred", "some", "many", "", "25", "thousands of"])
def test_vague_lower_bound_is_none_for_anything_else(text: str) -> None:
    assert vague_lower_bound(text) is None


@pytest.mark.parametrize("text", ["dozens", "hundreds", "tens of thousands"])
def test_parse_number_leaves_vague_plurals_to_vague_lower_bound(text: str) -> None:
    """ "dozens" has no single value; reading it as one would be a guess."""
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("twenty", True),
        ("Twenty", True),
        ("seven", True),
        ("hundred", True),
        ("Million", True),
        ("bn", True),
        ("dozen", True),
        ("half", True),
        ("quarters", True),
        ("dozens", True),
        ("hundreds", True),
        ("people", False),
        ("the", False),
        ("and", False),
        ("nearly", False),
        ("25", False),
        ("", False),
    ],
)
def test_is_number_word(word: str, expected: bool) -> None:
    assert is_number_word(word) is expected
