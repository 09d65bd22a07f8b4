"""Figures as wire copy writes them: ranges glued by dashes, codes glued to
amounts, spelled-out shares and the like, read the way a desk editor would."""

from __future__ import annotations

import pytest

from newsdesk.core.extract import Extractor
from newsdesk.core.extract.tokens import shipped_tokenizer
from newsdesk.core.sheet.model import FactSheet, Figure


def _figure(sheet: FactSheet, text: str) -> Figure:
    found = [f for f in sheet.figures if f.text == text]
    assert found, f"no figure {text!r}; got {[f.text for f in sheet.figures]}"
    return found[0]


def _check(extractor: Extractor, sentence: str, text: str, expected: dict[str, object]) -> None:
    figure = _figure(extractor.extract(sentence), text)
    for field, value in expected.items():
        assert getattr(figure, field) == pytest.approx(value), field


# Ranges written without spaces, codes glued to amounts.
WRITTEN_TIGHT = [
    ("The fund wants 2000–4000 donors.", "2000–4000", {"low": 2000, "high": 4000}),
    ("Tickets cost about $15-$25.", "about $15-$25", {"low": 15, "high": 25, "unit": "USD"}),
    ("Salaries of 40k-60k were offered.", "40k-60k", {"low": 40_000, "high": 60_000}),
    ("The beam ran at 2.5–3.0 GeV.", "2.5–3.0", {"low": 2.5, "high": 3.0}),
    ("Crowds of 300~500 gathered.", "300~500", {"low": 300, "high": 500}),
    ("Add ~3-4 grams of salt.", "~3-4 grams", {"low": 3, "high": 4, "kind": "quantity"}),
    ("They built a 10- to 12-foot wall.", "10- to 12-foot", {"low": 10, "high": 12}),
    ("The fee is Rs450 a month.", "Rs450", {"value": 450, "unit": "INR"}),
    ("Vouchers worth USD75 were sent.", "USD75", {"value": 75, "unit": "USD"}),
    ("Stamps cost 10¢.", "10¢", {"value": 10, "kind": "money"}),
    ("Buns sell for 100元.", "100元", {"value": 100, "unit": "CNY"}),
    ("Add 100-1000 gram of flour.", "100-1000 gram", {"low": 100, "high": 1000}),
    ("It was -5 °C at dawn.", "-5 °C", {"value": -5, "unit": "°C"}),
    ("The dose is 1.3x10^6 cells.", "1.3x10^6", {"value": 1.3e6}),
    ("Decay ran at 2.48×10−5 a year.", "2.48×10−5", {"value": 2.48e-5}),
    ("Drift was 9.83e-3 metres.", "9.83e-3 metres", {"value": 9.83e-3}),
    ("The loan is 12,34,567.89 rupees.", "12,34,567.89 rupees", {"value": 1_234_567.89}),
]
# Bounds on both sides, spelled-out decimals and shares, Indian scales.
BOUNDS_AND_WORDS = [
    (
        "Bids were above 1000 and below 1500.",
        "above 1000 and below 1500",
        {"qualifier": "range", "low": 1000, "high": 1500},
    ),
    (
        "There were at most 100 and at least 20 boats.",
        "at most 100 and at least 20",
        {"qualifier": "range", "low": 20, "high": 100, "counted": "boats"},
    ),
    ("The score stood at nought.", "nought", {"value": 0}),
    ("It measured nine point nought four.", "nine point nought four", {"value": 9.04}),
    ("Two thirds of a million voted.", "Two thirds of a million", {"value": 2e6 / 3}),
    ("Pay rose to 30 lkh.", "30 lkh", {"value": 3_000_000}),
    ("The pipe is one and a fourth inches wide.", "one and a fourth inches", {"value": 1.25}),
    ("Voters backed it by a third.", "a third", {"value": 1 / 3}),
    ("Only 20/100 passed.", "20/100", {"value": 0.2}),
    ("Forty-five (45) homes burned.", "Forty-five (45)", {"value": 45}),
    (
        "Millions live on less than a dollar a day.",
        "less than a dollar",
        {"value": 1, "unit": "USD", "qualifier": "less_than"},
    ),
    ("They pumped a gallon of fuel.", "a gallon", {"value": 1, "unit": "gallon"}),
    ("She hopes to earn $2000 over 3 years.", "$2000", {"value": 2000, "kind": "money"}),
    ("The bill came to five and a quarter.", "five and a quarter", {"value": 5.25}),
    ("Fifty - two people came.", "Fifty - two", {"value": 52}),
    ("Debt hit 10 tln.", "10 tln", {"value": 1e13}),
    ("A sample holds 10^6 cells.", "10^6", {"value": 1e6}),
    ("The odds were put at one over twenty.", "one over twenty", {"value": 0.05}),
    (
        "Bids ranged from $5 a share to $8 a share.",
        "from $5 a share to $8 a share",
        {"low": 5, "high": 8, "unit": "USD"},
    ),
    ("Doses of 2.0 g to 7.0 g were given.", "2.0 g to 7.0 g", {"low": 2, "high": 7}),
    ("Talks took a couple of weeks.", "a couple", {"value": 2, "qualifier": "about"}),
    ("Inflation was nil last year.", "nil", {"value": 0}),
    ("They lost 75 USD million.", "75 USD million", {"value": 75e6, "unit": "USD"}),
    ("Scores are 200 or greater than that.", "200 or greater than", {"qualifier": "at_least"}),
    ("Bids were equal to 5000 or less.", "equal to 5000 or less", {"qualifier": "at_most"}),
    ("The UN appealed for $1.5-2 billion.", "$1.5-2 billion", {"low": 1.5e9, "high": 2e9}),
    ("It raised £2-3bn.", "£2-3bn", {"low": 2e9, "high": 3e9, "unit": "GBP"}),
    ("Some 5-7 million people fled.", "Some 5-7 million", {"low": 5e6, "high": 7e6}),
    ("It needs $5m-$7m.", "$5m-$7m", {"low": 5e6, "high": 7e6}),
    ("Between 10 and 2000 people came.", "Between 10 and 2000", {"high": 2000}),
    ("Winds of 150 km/h hit the coast.", "150 km/h", {"unit": "km/h"}),
    ("It was minus 12 degrees Celsius.", "minus 12 degrees Celsius", {"value": -12}),
    ("It fell to -5C overnight.", "-5C", {"value": -5, "unit": "C"}),
    ("Inflation eased to 5pc.", "5pc", {"value": 5, "kind": "percent"}),
    ("Rates rose by 25 basis points.", "25 basis points", {"unit": "basis points"}),
    ("The bank was fined R500 million.", "R500 million", {"value": 5e8, "unit": "ZAR"}),
    ("Revenue was $US2.5 million.", "$US2.5 million", {"value": 2.5e6, "unit": "USD"}),
    ("It paid 500 million Swiss francs.", "500 million Swiss francs", {"unit": "CHF"}),
    ("It cost 12 million dirhams.", "12 million dirhams", {"unit": "AED", "kind": "money"}),
    ("Tea costs 50p.", "50p", {"value": 50, "kind": "money"}),
    ("Its GDP is $2.174T.", "$2.174T", {"value": 2.174e12}),
    ("It covers 301,338 km2.", "301,338 km2", {"unit": "km2", "kind": "quantity"}),
    ("The lake holds 4km^3 of water.", "4km^3", {"value": 4, "unit": "km^3"}),
    ("It covers 40 square miles.", "40 square miles", {"unit": "square miles"}),
    ("A kibibyte is 8x2^10 bits.", "8x2^10", {"value": 8192}),
    ("Add 3 Cups of Sugar.", "3 Cups", {"value": 3, "kind": "quantity"}),
    ("- 1,200,000", "- 1,200,000", {"value": -1_200_000}),
    ("It posted a 12% increase in profit.", "12%", {"change": "up"}),
    ("Staff face a 10% cut.", "10%", {"change": "down"}),
    ("It made 12 cuts.", "12", {"change": None, "counted": "cuts"}),
    # The level a change reaches is no change; a level reached from an earlier one keeps it.
    ("Net debt fell to 2.9 billion pounds.", "2.9 billion pounds", {"change": None}),
    ("Revenue climbed 4.6% to 31.8 billion pounds.", "31.8 billion pounds", {"change": None}),
    ("Revenue climbed 4.6% to 31.8 billion pounds.", "4.6%", {"change": "up"}),
    ("Turnout was 68.2%, up from 63.5%.", "68.2%", {"change": None, "earlier": 63.5}),
    ("Turnout was 68.2%, up from 63.5%.", "63.5%", {"change": None}),
    ("It reported a reduction of 34% in deaths.", "34%", {"change": "down"}),
    ("The bill went to 300 members.", "300", {"change": None}),
    (
        "MANILA, Philippines (AP) — The storm caused 340 million pesos in damage.",
        "340 million pesos",
        {"unit": "PHP"},
    ),
    ("Mexico spent 5 million pesos.", "5 million pesos", {"unit": "MXN"}),
    ("Onions sell for 450 rupees in Karachi.", "450 rupees", {"unit": "PKR"}),
    # An average is a figure stated exactly, no approximation: no hedge.
    ("An average of 20 typhoons hit each year.", "20", {"qualifier": "exact"}),
    ("Fees were raised from 10 to 20 dollars.", "20 dollars", {"change": None, "earlier": 10}),
    ("Cases rose from 1,200 to 1,950 last year.", "1,950", {"change": None, "earlier": 1200}),
    ("Core inflation slowed to 4.1%.", "4.1%", {"change": None}),
    ("The Dow lost 190 points, or 0.6%, on Friday.", "0.6%", {"change": "down"}),
    ("Markets at a glance: Nasdaq +0.2%, Dax -1.3%.", "-1.3%", {"change": "down"}),
    ("Unemployment was inching back up to 4.8%.", "4.8%", {"qualifier": "exact"}),
    ("Sales rose 60% in 2018 to 3.9 million.", "3.9 million", {"value": 3.9e6, "low": 3.9e6}),
    ("The penthouse covers 1520 sq m.", "1520 sq m", {"unit": "sq m"}),
    ("The bank raised rates by 25 basis points.", "25 basis points", {"change": "up"}),
    ("They raised 10 million dollars for the school.", "10 million dollars", {"change": None}),
    (
        "It fell to 3.9 deaths per 1,000 live births.",
        "3.9 deaths per 1,000 live births",
        {"unit": "per 1,000 live births", "counted": "deaths"},
    ),
    ("It rose to 265 billion forints.", "265 billion forints", {"unit": "HUF"}),
    ("Her grandson, 9, was hurt.", "9", {"unit": "years old", "counted": "grandson"}),
    ("A 5,000-strong crowd gathered.", "5,000", {"counted": "crowd", "kind": "count"}),
    ("The ratio was one over three.", "one over three", {"value": 1 / 3}),
    (
        "He owes a twenty-thousand-pound debt.",
        "twenty-thousand-pound",
        {"value": 20_000, "unit": "GBP"},
    ),
    ("A pound of butter costs more.", "A pound", {"kind": "quantity", "unit": "pound"}),
    ("Snow reached up to 30 centimetres.", "up to 30 centimetres", {"kind": "quantity"}),
    ("Inflation fell to 2,5% in March.", "2,5%", {"value": 2.5}),
    ("A quarter of respondents skipped meals.", "A quarter", {"value": 0.25}),
    ("Bread climbed to R500 for a crate.", "R500", {"value": 500, "unit": "ZAR"}),
    (
        "Police said Maria Lopez, 62, died at the scene of the crash.",
        "62",
        {"unit": "years old", "counted": "Maria Lopez"},
    ),
    ("The boy, 9, was rescued by firefighters.", "9", {"unit": "years old", "counted": "boy"}),
    ("Aged 12, he ran away from home.", "12", {"unit": "years old"}),
    ("Floodwater 1.5 to 2 metres deep covered it.", "1.5 to 2 metres", {"low": 1.5, "high": 2}),
    (
        "Deaths fell to 4.1 per 1,000 children a year.",
        "4.1 per 1,000 children a year",
        {"value": 4.1, "unit": "per 1,000 children a year"},
    ),
    (
        "Cases exceeded 1,800 per 100,000 people.",
        "exceeded 1,800 per 100,000 people",
        {"qualifier": "more_than", "unit": "per 100,000 people"},
    ),
    ("More than 2.5 x 10^5 parasites were found.", "More than 2.5 x 10^5", {"value": 2.5e5}),
    ("Fujitsu made a one-yen bid.", "one-yen", {"value": 1, "unit": "JPY"}),
    ("Prizes of 10k$ were paid.", "10k$", {"value": 10_000, "unit": "USD"}),
    (
        "Lows ranged from -18 °C to -34 °C.",
        "-18 °C to -34 °C",
        {"low": -34, "high": -18, "qualifier": "range"},
    ),
    ("A 34-year-old man was held.", "34-year-old", {"unit": "years old", "counted": "man"}),
    ("The trial will last three months.", "three months", {"value": 3, "unit": "months"}),
    ("Sales rose 40% over two years.", "two years", {"qualifier": "exact"}),
    ("He was jailed for over two years.", "over two years", {"qualifier": "more_than"}),
    (
        "Hundreds of thousands of people fled.",
        "Hundreds of thousands",
        {"low": 200_000, "counted": "people"},
    ),
    ("A quarter of a million homes flooded.", "A quarter of a million", {"value": 250_000}),
    (
        "It cost tens of millions of dollars.",
        "tens of millions of dollars",
        {"low": 2e7, "unit": "USD", "kind": "money"},
    ),
    ("Use 3/4 cup of milk.", "3/4 cup", {"value": 0.75}),
    (
        "Counts ranged from one thousand to one thousand and five hundred.",
        "from one thousand to one thousand and five hundred",
        {"low": 1000, "high": 1500},
    ),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), WRITTEN_TIGHT + BOUNDS_AND_WORDS)
def test_figure_reads_as_an_editor_would(
    extractor: Extractor, sentence: str, text: str, expected: dict[str, object]
) -> None:
    _check(extractor, sentence, text, expected)


def test_figure_rules_leave_names_and_seasons_alone(extractor: Extractor) -> None:
    sheet = extractor.extract("The F-16 flew in the 2019-20 season after COVID-19.")
    assert [f.text for f in sheet.figures] == []


def test_names_with_numbers_are_left_alone_deep_in_a_long_story(extractor: Extractor) -> None:
    # The table of names with numbers is read a few hundred tokens at a time, cut at line
    # breaks: names after the first cuts are names all the same.
    filler = "Rescuers searched the hills near the village on Tuesday, officials said.\n\n"
    tail = "A Boeing 737 MAX landed at Gate 12 and 40 people got off.\n\nThe S&P 500 fell."
    for paragraphs in (0, 60):
        sheet = extractor.extract(filler * paragraphs + tail)
        assert [f.text for f in sheet.figures] == ["40"]


def test_names_with_numbers_anywhere_in_a_long_story_are_no_figures(
    extractor: Extractor,
) -> None:
    # The names table is read only around a story's numbers: names at its very start
    # and end, next to other numbers or far from any, are still names.
    filler = " ".join(["The talks went on through the night without a break."] * 12)
    story = (
        "S&P 500 futures slipped.\n\n"
        f"{filler} Analysts said 12 Boeing 737 Max jets were grounded.\n\n"
        f"{filler}\n\nThe house at 9 E 71st St sold for $51 million, and the "
        "10-year Treasury yield rose 5 basis points.\n\n"
        f"{filler} Ministers pledged net zero. Europe's STOXX 600"
    )
    figures = [f.text for f in extractor.extract(story).figures]
    assert "12" in figures and "$51 million" in figures and "5 basis points" in figures
    for name_number in ("500", "737", "9", "10", "zero", "600"):
        assert not any(name_number in f.split() for f in figures), figures


def test_bare_pipeline_tokenizer_can_be_had_back(extractor: Extractor) -> None:
    assert [t.text for t in extractor.nlp("1000–5000")] == ["1000", "–", "5000"]
    with shipped_tokenizer(extractor.nlp):
        assert [t.text for t in extractor.nlp("1000–5000")] == ["1000–5000"]
    assert [t.text for t in extractor.nlp("1000–5000")] == ["1000", "–", "5000"]


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Prices fell from 20 dollars to 10 dollars.", ["20 dollars", "10 dollars"]),
        ("The jobless rate fell from 5.2% to 4.9%.", ["5.2%", "4.9%"]),
        ("Membership dropped from 1,200 to 900.", ["1,200", "900"]),
        ("Scores of people fled as she scores again.", ["Scores"]),
        ("The court ruled 5-4 on Tuesday.", []),
        ("Doses went from 44 ml to 50 mg.", ["44 ml", "50 mg"]),
        ("The attack on 9/11 shook the city.", []),
        ("Petrol costs $3 a gallon at a dollar-store.", ["$3"]),
        ("Spain won 3 over 2.", ["3", "over 2"]),
        ("A couple from Ohio won 2-nil.", []),
        ("Spending was down 0.6% to 309,381 yen.", ["0.6%", "309,381 yen"]),
        ("They chose one, two, three.", ["one", "two", "three"]),
        ("No one, two days later, came.", ["two days"]),
        ("Cases rose from 10 to 20 in a week.", ["10", "20"]),
        ("Lows fell from -5C to -12C.", ["-5C", "-12C"]),
        ("Read pages 22,24,26,31 first.", ["22", "24", "26", "31"]),
        ("At one point 77 people were trapped.", ["77"]),
        ("Half.", ["Half"]),
        ("- 10 people died in the blast.", ["10"]),
        ("The operator launched 5G across the region.", []),
        ("Call the tip line on 555 0199, or dial 999.", []),
        ("The match ended in a nil-nil draw.", []),
        ("The party won the seat by a mile.", []),
        ("Profits in the first quarter of 2024 were flat.", []),
        ("Of the victims, 12 were children.", ["12"]),
        ("MUMBAI, Aug 5 (Reuters) - Farmers marched on 5 Sep.", []),
        ("She served as mayor from 2014 to 2022, and her 2019 book sold well.", []),
        ("It was a one-time mistake.", []),
        ("Deaths fell by 12 to 47.", ["12", "47"]),
        ("It was the second half.", []),
        ("The 2022 floods displaced 33 million people.", ["33 million"]),
        ("Call 0800 555 111 or +44 20 7946 0958 now.", []),
        ("Bus No 47 went to No. 10 Downing Street.", []),
        ("They paid $2000 over 3 years.", ["$2000", "3 years"]),
    ],
)
def test_a_fall_from_one_figure_to_another_is_two_figures(
    extractor: Extractor, sentence: str, texts: list[str]
) -> None:
    assert [f.text for f in extractor.extract(sentence).figures] == texts


def test_two_hundreds_joined_by_and_are_two_numbers(extractor: Extractor) -> None:
    sheet = extractor.extract("We counted 3 hundred and 2 hundred boxes.")
    assert [(f.text, f.value) for f in sheet.figures] == [("3 hundred", 300), ("2 hundred", 200)]


def test_ordinals_stay_ordinals(extractor: Extractor) -> None:
    sheet = extractor.extract("She won a third term and finished fourth on the fifth day.")
    assert [f.text for f in sheet.figures] == []


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("The lots were numbered twenty thirty fifty hundred.", [20, 30, 5000]),
        ("Bids came in at hundred and five hundred and six.", [105, 106]),
        ("He counted one two and three.", [1, 2, 3]),
    ],
)
def test_spelled_numbers_that_run_together_are_read_one_by_one(
    extractor: Extractor, sentence: str, values: list[float]
) -> None:
    assert [f.value for f in extractor.extract(sentence).figures] == values


def test_a_headline_figure_counts_nothing_in_the_dateline(extractor: Extractor) -> None:
    sheet = extractor.extract(
        "Rovers Unbeaten Run Reaches 21\n\nLONDON, Jan 17 (Reuters) - Rovers won again on Saturday."
    )
    assert [(f.text, f.counted) for f in sheet.figures] == [("21", None)]


def test_a_figure_always_lies_inside_its_sentence(extractor) -> None:  # type: ignore[no-untyped-def]
    """Found by the fuzz suite: the reader ran a figure past the tagger's sentence end."""
    for text in ("𝟎 %%%%", "𝟏 𝟏𝟐𝟑 %% were counted. Then 4 more."):
        for figure in extractor.extract(text).figures:
            assert figure.sentence is not None
            start, end = figure.sentence
            assert start <= figure.start <= figure.end <= end


def test_a_figure_ends_in_its_own_sentence(extractor: Extractor) -> None:
    sheet = extractor.extract("3% %%%")
    for figure in sheet.figures:
        assert figure.sentence is not None
        assert figure.sentence[0] <= figure.start <= figure.end <= figure.sentence[1]


@pytest.mark.parametrize(
    "text",
    [
        "The strike entered its sixth day on Tuesday.",
        "The fourth round of talks begins today.",
        "It was the club's third win in a row.",
    ],
)
def test_an_ordinal_before_its_noun_is_no_fraction(extractor: Extractor, text: str) -> None:
    assert [f.text for f in extractor.extract(text).figures] == []


def test_a_share_with_its_article_or_number_is_still_a_fraction(extractor: Extractor) -> None:
    sheet = extractor.extract("Nearly a third of homes lost power. Two thirds of roads shut.")
    assert [(f.text, f.value) for f in sheet.figures] == [
        ("Nearly a third", pytest.approx(1 / 3)),
        ("Two thirds", pytest.approx(2 / 3)),
    ]
