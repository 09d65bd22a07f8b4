"""The accuracy benchmark's scoring and gold-reading rules, on tiny hand-made inputs.

A wrong rule here would move every number in the README's accuracy table, so
each rule the benchmark documents is pinned: how gold values and qualifiers
are read, when a prediction matches, what is not counted. No spaCy, and never
the outside data in ../shared.
"""

from __future__ import annotations

import pytest

from tests.benchmarks.accuracy import dates, entities, figure_errors, figures, fresh, gum, quotes
from tests.benchmarks.accuracy.report import Row, TaskResult, markdown_table, plain_table
from tests.benchmarks.accuracy.scoring import (
    Counts,
    OffsetMap,
    bare_value,
    hedge_at_start,
    hedge_before,
    match_greedy,
    naive_quotes,
    quote_score,
    trim_entity,
    trim_quote,
)
from tests.benchmarks.accuracy.systems import (
    Errors,
    Input,
    PredDate,
    PredEntity,
    PredFigure,
    PredQuote,
    run_bare,
    run_newsdesk,
)

# -- counts and matching --------------------------------------------------------------


def test_counts_give_precision_recall_f1_and_none_when_empty() -> None:
    counts = Counts(matched_pred=3, pred=4, matched_gold=3, gold=6)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.5)
    assert counts.f1 == pytest.approx(0.6)
    assert Counts().precision is None and Counts().f1 is None
    assert Counts(pred=2, gold=0).f1 == 0.0


def test_matching_is_one_to_one_best_score_first() -> None:
    preds = [(0, 10), (0, 4)]
    golds = [(0, 4)]
    pairs = match_greedy(preds, golds, lambda p, g: float(min(p[1], g[1]) - max(p[0], g[0])))
    assert pairs == [(0, 0)]  # a tie goes to the first prediction, once
    assert match_greedy(preds, golds, lambda p, g: 1.0 if p == g else None) == [(1, 0)]


# -- hedges and the bare reading ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("sales of about $ 14 million", "about"),
        ("racked up more than $ 247 million", "more_than"),
        ("cut up to 700 jobs", "at_most"),
        ("no less than 30", "at_least"),
        ("accord prices start at $ 12,345", None),
    ],
)
def test_gold_hedge_is_read_from_the_words_before_the_span(
    text: str, qualifier: str | None
) -> None:
    start = next(i for i, ch in enumerate(text) if ch.isdigit() or ch == "$")
    assert hedge_before(text, start) == qualifier


def test_hedge_opening_a_phrase() -> None:
    assert hedge_at_start("around 42 bucks") == "about"
    assert hedge_at_start("~ four") == "about"
    assert hedge_at_start("exactly 42 bucks") is None


def test_bare_value_reads_digits_and_a_scale_word_only() -> None:
    assert bare_value(["$", "1.2", "million"]) == 1_200_000
    assert bare_value(["1,200"]) == 1200
    assert bare_value(["12", "%"]) == 12
    assert bare_value(["twelve"]) is None
    assert bare_value(["1.2bn"]) is None  # what float() cannot read stays unread


# -- offsets, quotes and entity spans ------------------------------------------------------


def test_offset_map_points_cleaned_offsets_at_the_raw_text() -> None:
    raw = "  half a  dozen \r\nnext"
    clean = "half a dozen\nnext"
    offsets = OffsetMap(clean, raw)
    start, end = clean.index("a dozen"), clean.index("a dozen") + len("a dozen")
    assert raw[offsets.start(start) : offsets.end(end)] == "a  dozen"
    assert raw[offsets.start(clean.index("next")) :] == "next"
    assert OffsetMap("same", "same").end(4) == 4


def test_quote_spans_drop_marks_and_trailing_punctuation() -> None:
    text = 'He said, "I love those cats," and left.'
    start, end = trim_quote(text, text.index('"'), text.rindex('"') + 1)
    assert text[start:end] == "I love those cats"
    assert quote_score((0, 10), (0, 6)) == pytest.approx(0.6)
    assert quote_score((0, 10), (0, 4)) is None  # under half of the longer span


def test_naive_quote_baseline_pairs_straight_and_curly_marks() -> None:
    text = '“One two,” she said. "Three four."'
    assert [text[s:e] for s, e in naive_quotes(text)] == ["One two", "Three four"]


def test_entity_spans_lose_leading_the_and_possessive() -> None:
    text = "the United States's army"
    assert text[slice(*trim_entity(text, 0, 19))] == "United States"
    assert text[slice(*trim_entity(text, 4, 17))] == "United States"


# -- figure gold -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("notation", "expected"),
    [
        ("(20,35]", ("range", 20, 20, 35)),
        ("[20,30)", ("range", 20, 20, 30)),
        ("(20,)", ("more_than", 20, 20, None)),
        ("[20,)", ("at_least", 20, 20, None)),
        ("(,20)", ("less_than", 20, None, 20)),
        ("(,20]", ("at_most", 20, None, 20)),
        ("[170,170]", ("exact", 170, 170, 170)),
    ],
)
def test_recognizers_intervals(notation: str, expected: tuple[object, ...]) -> None:
    assert figures.parse_interval(notation) == expected


def test_unreadable_interval_is_an_error() -> None:
    with pytest.raises(ValueError, match="interval"):
        figures.parse_interval("(,)")


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("NumeralValue 3e6", ("numeral", None, 3e6, None)),
        ("NumeralValue (-504)", ("numeral", None, -504, None)),
        ("simple Dollar 10", ("simple", "Dollar", 10, None)),
        ('simple Pound 2 (Just "meat")', ("simple", "Pound", 2, None)),
        ("between Dollar (10, 20)", ("between", "Dollar", 10, 20)),
        ('between Gram (100,1000) (Just "strawberries")', ("between", "Gram", 100, 1000)),
        ("above Inch 5", ("above", "Inch", 5, None)),
        ("under EUR 7", ("under", "EUR", 7, None)),
    ],
)
def test_duckling_value_expressions(expr: str, expected: tuple[object, ...]) -> None:
    assert figures.parse_value_expr(expr) == expected


def test_duckling_bounds_take_the_phrase_hedge() -> None:
    assert figures.duckling_gold(
        "AmountOfMoney", "above Dollar 1.42", "at least $1.42"
    ).qualifier == ("at_least")
    assert figures.duckling_gold(
        "AmountOfMoney", "above Dollar 1.42", "over 1.42 dollars"
    ).qualifier == ("more_than")
    assert (
        figures.duckling_gold("AmountOfMoney", "under EUR 7", "at most 7€").qualifier == "at_most"
    )
    assert figures.duckling_gold("AmountOfMoney", "under EUR 7", "under seven euros").qualifier == (
        "less_than"
    )
    approx = figures.duckling_gold("Quantity", "simple Unnamed 4 Nothing", "around 4")
    assert (approx.qualifier, approx.start, approx.end) == ("about", 0, 8)


def test_duckling_gold_is_converted_to_the_stated_unit() -> None:
    assert figures.duckling_gold("Quantity", "simple Gram 2 Nothing", "0.002 kg").value == (
        pytest.approx(0.002)
    )
    grams = figures.duckling_gold("Quantity", "between Gram (2,7) Nothing", "from 2 to 7 g")
    assert (grams.low, grams.high, grams.qualifier) == (2, 7, "range")


def test_duckling_sums_of_units_are_not_scored() -> None:
    assert not figures.duckling_gold("Distance", "simple Inch 94", "7 feet 10 inches").scored
    assert not figures.duckling_gold("AmountOfMoney", "simple Dollar 20.43", "$20 and 43c").scored
    assert figures.duckling_gold("AmountOfMoney", "simple USD 3.14", "USD3.14").scored


def test_quantulum_uncertainty_is_a_range_and_years_are_not_scored() -> None:
    text = "I want a gallon of beer, and 3 to 4 L of wine"
    wine = figures.quantulum_gold(
        text, {"value": 3.5, "unit": "litre", "surface": "3 to 4 L", "uncertainty": 0.5}, 0
    )
    assert (wine.qualifier, wine.low, wine.high) == ("range", 3, 4)
    assert text[wine.start : wine.end] == "3 to 4 L"
    year = figures.quantulum_gold(
        "in 1979", {"value": 1979, "unit": "dimensionless", "surface": "1979"}, 0
    )
    assert not year.scored
    dozen = figures.quantulum_gold(
        "a dozen eggs", {"value": 1, "unit": "dozen", "surface": "a dozen"}, 0
    )
    assert dozen.alternatives == (12,)


# -- figure scoring ----------------------------------------------------------------------------


def _pred(
    start: int,
    end: int,
    value: float | None,
    *,
    kind: str = "number",
    low: float | None = None,
    high: float | None = None,
    qualifier: str = "exact",
) -> PredFigure:
    return PredFigure(start, end, "x", kind, value, low, high, qualifier)


def test_values_agree_needs_both_bounds_of_a_closed_range() -> None:
    gold = figures.GoldFigure(0, 9, "20 to 30", 20, "range", 20, 30)
    assert figures.values_agree(_pred(0, 9, 20, low=20, high=30, qualifier="range"), gold)
    assert not figures.values_agree(_pred(0, 2, 20), gold)
    bound = figures.GoldFigure(0, 12, "more than 20", 20, "more_than", 20, None)
    assert figures.values_agree(_pred(5, 12, 20.0000001, qualifier="more_than"), bound)


def test_a_split_range_is_one_miss_and_two_false_positives() -> None:
    case = figures.FigureCase("t", "c", "between 10 and 20", [
        figures.GoldFigure(0, 17, "between 10 and 20", 10, "range", 10, 20)
    ])  # fmt: skip
    result = figures.score_case(case, [_pred(8, 10, 10), _pred(15, 17, 20)])
    assert (result.counts.matched_pred, result.counts.pred, result.counts.gold) == (0, 2, 1)
    assert figure_errors.miss_kind(*result.misses[0]).startswith("split into several figures")


def test_scope_skips_other_kinds_and_unscored_gold() -> None:
    text = "sales rose 27 % to $ 254 million in 1988"
    gold = [
        figures.GoldFigure(19, 32, "$ 254 million", 254e6),
        figures.GoldFigure(36, 40, "1988", 1988, scored=False, why="a year"),
    ]
    case = figures.FigureCase("t", "c", text, gold, scope="money")
    preds = [
        _pred(11, 15, 27, kind="percent"),  # another spec's business: not counted
        _pred(19, 32, 254e6, kind="money"),
        _pred(36, 40, 1988),  # on unscored gold: not counted
        _pred(0, 5, 5, kind="money"),  # a money figure with no gold: a false positive
    ]
    result = figures.score_case(case, preds)
    assert (result.counts.matched_pred, result.counts.pred) == (1, 2)
    assert result.counts.recall == 1.0
    assert result.qualifier.total == 1 and result.qualifier.right == 1


def test_qualifier_accuracy_counts_matched_pairs_only() -> None:
    case = figures.FigureCase(
        "t", "c", "about 5", [figures.GoldFigure(0, 7, "about 5", 5, "about")]
    )
    result = figures.score_case(case, [_pred(6, 7, 5)])
    assert result.counts.matched_gold == 1
    assert (result.qualifier.right, result.qualifier.total) == (0, 1)
    assert result.wrong_qualifier[0][1].qualifier == "exact"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("$ 2.75", "money, symbol/word, decimal"),
        ("USD 200", "money, currency code"),
        ("two thirds", "spelled-out fraction"),
        ("13 lakh", "lakh / crore scale"),
        ("1e10", "power / scientific notation"),
        ("1000-5000", "range"),
        ("fifty-two", "spelled-out number"),
        ("0.77", "plain digits, decimal"),
    ],
)
def test_error_shapes(text: str, kind: str) -> None:
    assert figure_errors.shape(text) == kind


# -- entities, quotes, dates -------------------------------------------------------------------


def test_entities_strict_lenient_and_not_counted_predictions() -> None:
    text = "the United States and Albert Jaquier met Senator John Cornyn."
    mentions = [
        {"start": 0, "end": 17, "etype": "place", "identity": "United_States", "has_propn": True},
        {"start": 22, "end": 36, "etype": "person", "identity": "", "has_propn": True},
        {"start": 41, "end": 60, "etype": "person", "identity": "John_Cornyn", "has_propn": True},
    ]
    preds = [
        PredEntity(4, 17, "GPE"),  # "United States": a strict match after trimming "the"
        PredEntity(22, 36, "PERSON"),  # unlinked name: not counted
        PredEntity(49, 60, "PERSON"),  # "John Cornyn" inside "Senator John Cornyn"
        PredEntity(0, 3, "NORP"),  # unmatched NORP: not counted
    ]
    strict, skipped = entities.score_doc(text, mentions, preds)
    assert (strict.matched_pred, strict.pred, strict.gold, skipped) == (1, 2, 2, 2)
    lenient, _ = entities.score_doc(text, mentions, preds, strict=False)
    assert lenient.matched_gold == 2


def test_entity_type_must_be_compatible() -> None:
    text = "Paris said"
    mentions = [
        {"start": 0, "end": 5, "etype": "person", "identity": "Valeska_Paris", "has_propn": True}
    ]
    counts, _ = entities.score_doc(text, mentions, [PredEntity(0, 5, "GPE")])
    assert (counts.matched_gold, counts.pred) == (0, 1)


def test_gum_quote_paragraphs_are_joined() -> None:
    text = '"First part.\n\nSecond part," she said.'
    spans = [
        {"tag": "quote", "start": 0, "end": 12},
        {"tag": "quote", "start": 14, "end": 27},
        {"tag": "q", "start": 0, "end": 5},
    ]
    assert [text[s:e] for s, e in quotes.gum_quotes(text, spans)] == ["First part.\n\nSecond part"]


def test_speaker_by_mention_or_the_end_of_the_entity_name() -> None:
    assert quotes.speaker_ok(["Burton"], "burton", None)
    assert quotes.speaker_ok(["Briccetti"], "Heather C. Briccetti", None)
    assert quotes.speaker_ok(["Burton"], "he", "Burton")
    assert not quotes.speaker_ok(["he"], "Burton", "Burton")
    assert not quotes.speaker_ok(["Burton"], None, None)


def test_flat_speaker_list_is_spelled_in_order() -> None:
    heather = PredQuote(0, 5, "Heather C. Briccetti", "Heather C. Briccetti")
    short = PredQuote(6, 9, "Briccetti", "Heather C. Briccetti")
    expected = ["Heather", "C.", "Briccetti", "Briccetti"]
    assert quotes.flat_speakers_ok(expected, [heather, short])
    assert quotes.flat_speakers_ok(expected, [heather, PredQuote(7, 8), short])
    assert not quotes.flat_speakers_ok(
        expected, [heather, PredQuote(6, 9, "Martin", "Paul Martin")]
    )
    assert not quotes.flat_speakers_ok(["he"], [PredQuote(0, 3)])


def test_date_periods_and_values() -> None:
    assert dates.period_value("2017-07-10", "2017-07-16") == "2017-W28"
    assert dates.period_value("2011-03-01", "2011-03-31") == "2011-03"
    assert dates.period_value("2014-01-01", "2014-12-31") == "2014"
    assert dates.period_value("2017-07-10", "2017-07-20") is None
    spans = [
        {"tag": "date", "start": 0, "end": 6, "attrs": 'when="2017-07-21" rend="bold"'},
        {"tag": "date", "start": 10, "end": 19, "attrs": 'from="2017-07-10" to="2017-07-16"'},
        {"tag": "date", "start": 30, "end": 40, "attrs": 'notBefore="1981"'},
        {"tag": "time", "start": 50, "end": 55, "attrs": ""},
    ]
    gold = dates.gold_dates(spans)
    assert [v for _, v in gold] == ["2017-07-21", "2017-W28", None]
    counts, values = dates.score_doc(gold, [PredDate(0, 6, "2017-07-21"), PredDate(31, 33, "1981")])
    assert (counts.matched_pred, counts.gold) == (2, 3)
    assert (values.right, values.total) == (1, 1)  # the period without a value is span-only


def test_story_date_from_the_second_line() -> None:
    assert gum.story_date("Headline\nFriday, July 21, 2017\nBody") == "2017-07-21"
    assert gum.story_date("Headline\nThursday, May 7, 2015 On Tuesday, …") == "2015-05-07"
    assert gum.story_date("Headline\nNo date here") is None


def test_tables_keep_newsdesk_beside_bare() -> None:
    rows = [
        Row("figures", "Duckling", "3", "value P / R / F1", "1.000 / 1.000 / 1.000", "– / – / –"),
        Row("figures", "overall", "3", "qualifier accuracy", "1.000 (n=3)", "– (n=0)"),
    ]
    markdown = markdown_table(rows).splitlines()
    assert markdown[0] == (
        "| task | data set | gold | metric | newsdesk | bare spaCy | quantulum3 | text2num |"
    )
    assert markdown[3].startswith("|  | overall |")
    plain = plain_table(rows).splitlines()
    assert plain[0].split() == [
        "task",
        "data",
        "set",
        "gold",
        "metric",
        "newsdesk",
        "bare",
        "spaCy",
        "quantulum3",
        "text2num",
    ]
    assert len(plain) == 4


def test_library_cells_follow_bare_spacy() -> None:
    result = TaskResult("figures")
    result.prf("fresh", "value P / R / F1", Counts(1, 1, 1, 1), Counts(0, 0, 0, 1), None)
    row = result.rows[0]
    assert (row.bare, row.quantulum3, row.text2num) == ("– / 0.000 / 0.000", "n/a", "")


# -- the fresh-copy set ---------------------------------------------------------------------


def test_fresh_copy_reads_whole() -> None:
    sentences = fresh.read_fresh()
    assert len(sentences) >= 400
    assert {s.desk for s in sentences} == {
        "business", "markets", "technology", "property", "science", "health", "sport", "weather",
        "courts", "elections", "farming", "energy", "transport", "conflict", "crime", "schools",
    }  # fmt: skip
    assert {s.part for s in sentences} == {"dev", "test", "holdout", "blind"}
    assert sum(s.part == "holdout" for s in sentences) >= 80
    # the blind block's desks are its own: none of them is tuned on elsewhere
    blind = {s.desk for s in sentences if s.part == "blind"}
    assert len(blind) == 8 and not blind & {s.desk for s in sentences if s.part != "blind"}
    assert all(f.end > f.start for s in sentences for f in s.figures)


def test_fresh_copy_figure_lines() -> None:
    sentence = "Revenue fell 7% to $2.3 billion, or 15 million euros ($16.4 million)."
    change = fresh.parse_figure("7% | 7 | change=down ; unit=%", sentence)
    assert (change.start, change.value, change.change, change.unit) == (13, 7.0, "down", "%")
    level = fresh.parse_figure("$2.3 billion | 2.3e9 | unit=USD", sentence, change.end)
    assert (level.value, level.change) == (2.3e9, None)
    converted = fresh.parse_figure("15 million euros | 15e6 | equiv=16.4e6 USD", sentence)
    assert converted.equivalent == (16.4e6, "USD")
    vague = fresh.parse_figure("Dozens | vague | q=at_least", "Dozens were hurt.")
    assert vague.vague and vague.qualifier == "at_least"
    with pytest.raises(ValueError, match="not in the sentence"):
        fresh.parse_figure("12% | 12", sentence)
    with pytest.raises(ValueError, match="needs lo and hi"):
        fresh.parse_figure("7% | 7 | q=range", sentence)


def test_fresh_details_compare_loosely() -> None:
    assert fresh.unit_key("metres") == fresh.unit_key("m") == "m"
    assert fresh.unit_key("degrees Celsius") == fresh.unit_key("°C")
    assert fresh.counted_agrees("air strikes", "strikes")
    assert fresh.counted_agrees("deaths", "deaths")
    assert not fresh.counted_agrees("deaths", "people")
    gold = fresh.parse_figure("7% | 7 | change=down ; unit=%", "fell 7%.")
    scores = fresh.detail_scores([(gold, PredFigure(5, 7, "7%", "percent", 7.0, unit="%"))])
    assert (scores.change.right, scores.unit.right) == (0, 1)


# -- one bad input does not stop the run -------------------------------------------------------


class _FakeSheetExtractor:
    """Raises on one text, returns an empty sheet-like object otherwise."""

    class _Nlp:
        def pipe(self, texts: object, batch_size: int = 0) -> list[object]:
            raise RuntimeError("batch failed")

        def __call__(self, text: str) -> object:
            if text == "bad":
                raise ValueError("cannot read")
            return type("Doc", (), {"ents": []})()

    nlp = _Nlp()

    def extract(self, text: str, published: str | None = None) -> object:
        if text == "bad":
            raise ValueError("cannot read")
        article = type("Article", (), {"text": text})()
        return type(
            "Sheet",
            (),
            {"article": article, "figures": [], "entities": [], "dates": [], "quotes": []},
        )()


def test_failing_inputs_are_counted_and_the_rest_analysed() -> None:
    inputs = [Input("a", "good"), Input("b", "bad"), Input("c", "fine")]
    errors = Errors()
    fake = _FakeSheetExtractor()
    ours = run_newsdesk(fake, inputs, "figures", errors)  # type: ignore[arg-type]
    bare = run_bare(fake, inputs, "figures", errors)  # type: ignore[arg-type]
    assert len(ours) == len(bare) == 3
    assert [(task, system, case) for task, system, case, _ in errors.items] == [
        ("figures", "newsdesk", "b"),
        ("figures", "bare spaCy", "b"),
    ]
    assert "ValueError: cannot read" in errors.items[0][3]


def test_error_examples_come_from_two_data_sets_when_possible() -> None:
    kinds = figure_errors.ErrorKinds()
    for example in ("A: one", "A: two", "A: three", "B: four", "B: five"):
        kinds.add("missed", example)
    kinds.add("qualifier about read as exact", "A: six")
    assert kinds.top(5) == [("missed", 5, ["A: one", "B: four"])]
    assert kinds.top(5, qualifiers=True) == [("qualifier about read as exact", 1, ["A: six"])]
