"""Hypothesis strategies: texts no editor means to paste, fact sheets valid and broken, searches."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from newsdesk.core.sheet.model import Article, DateFact, Entity, FactSheet, Figure, Mention, Quote

WIRE_WORDS = [
    "Police", "said", "at least", "25", "people", "killed", "in", "Paris", "on", "Friday",
    "$1.2bn", "more than", "half", "Reuters", "-", "“", "”", '"', "fell", "3%", "to", "-5",
    "degrees", "John Smith", "told", "between", "10", "and", "20", "million", ".", ",", "\n\n",
]  # fmt: skip
EMOJI = "😀😡🙂👍🏽🇫🇷👨‍👩‍👧"
RTL = "مرحبا ٣٤ שלום עולם ‏‮"
CONTROL = "\x00\x01\x07\x0b\x0c\x1b\x7f\u200b\u200d\u2028\u2029\ufeff\ufffc"
MATH_DIGITS = "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟙𝟚𝟛"
SYMBOLS = "$%€£¥@#&*=+^~|<>[]{}"

huge_numbers = st.one_of(
    st.integers(min_value=10**20, max_value=10**400).map(str),
    st.sampled_from(["1e999", "-1e999", "1e308", "10^999", "1,000,000," + "000," * 50 + "000"]),
    st.floats(allow_nan=False).map(repr),
)
symbol_runs = st.builds(
    lambda char, n: char * n, st.sampled_from(list(SYMBOLS + EMOJI[:3])), st.integers(1, 400)
)
pieces = st.one_of(
    st.sampled_from(WIRE_WORDS),
    st.text(alphabet=EMOJI, min_size=1, max_size=30),
    st.text(alphabet=RTL, min_size=1, max_size=20),
    st.text(alphabet=CONTROL, min_size=1, max_size=5),
    st.text(alphabet=MATH_DIGITS + " ", min_size=1, max_size=12),
    huge_numbers,
    symbol_runs,
    st.text(max_size=20),
)
# Texts: wire words mixed with emoji, RTL, control characters, odd digits, huge numbers, runs.
texts = st.lists(pieces, min_size=1, max_size=40).map(" ".join)

search_strings = st.one_of(
    st.text(),
    st.lists(st.sampled_from(['"', "-", "*", "NEAR(", "OR", "AND", "NOT", "^", ":", "\x00",
                              "\n", "at least 25", "Paris", "(", ")", "'"]),
             max_size=8).map("".join),
)  # fmt: skip


@st.composite
def sheets(draw: st.DrawFn) -> FactSheet:
    """A valid fact sheet: facts on spans of a generated text, sources that resolve."""
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)

    def span() -> tuple[int, int]:
        start = draw(st.integers(0, n))
        return start, draw(st.integers(start, n))

    entities = []
    for index in range(draw(st.integers(0, 3))):
        mentions = [Mention(s, e, text[s:e]) for s, e in (span() for _ in range(2))]
        label = draw(st.sampled_from(["PERSON", "ORG", "GPE"]))
        entities.append(Entity(f"e{index + 1}", label, draw(st.text(max_size=20)), mentions))
    ids = [entity.id for entity in entities]
    finite = st.none() | st.floats(allow_nan=False, allow_infinity=False)
    figures = []
    for index in range(draw(st.integers(0, 3))):
        start, end = span()
        figures.append(
            Figure(
                f"f{index + 1}",
                text[start:end],
                start,
                end,
                value=draw(finite),
                low=draw(finite),
                qualifier=draw(st.sampled_from(["exact", "about", "at_least", "range"])),
                sentence=(0, n),
                source=draw(st.none() | st.sampled_from(ids)) if ids else None,
                status=draw(st.sampled_from(["unverified", "verified", "disputed", "corrected"])),
                note=draw(st.text(max_size=30)),
            )
        )
    start, end = span()
    dates = [DateFact("d1", text[start:end], start, end, value=None)]
    start, end = span()
    quotes = [Quote("q1", text[start:end], start, end, speaker=ids[0] if ids else None)]
    return FactSheet(Article(text), entities=entities, figures=figures, dates=dates, quotes=quotes)


def _mutate(data: Any, draw: st.DrawFn) -> Any:
    """One change somewhere in the JSON value: a key dropped, a value of the wrong type."""
    if isinstance(data, dict) and data:
        key = draw(st.sampled_from(sorted(data)))
        choice = draw(st.integers(0, 2))
        if choice == 0:
            return {k: v for k, v in data.items() if k != key}
        if choice == 1:
            return {**data, key: _mutate(data[key], draw)}
        return {**data, key: draw(json_values)}
    if isinstance(data, list) and data:
        at = draw(st.integers(0, len(data) - 1))
        return [*data[:at], _mutate(data[at], draw), *data[at + 1 :]]
    return draw(json_values)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)


@st.composite
def corrupted_sheet_json(draw: st.DrawFn) -> str:
    """A valid sheet's JSON with a value changed, a key dropped, or its bytes cut or garbled."""
    text = draw(sheets()).to_json(indent=None)
    how = draw(st.integers(0, 2))
    if how == 0:
        return json.dumps(_mutate(json.loads(text), draw))
    if how == 1:
        return text[: draw(st.integers(0, len(text)))]
    at = draw(st.integers(0, len(text) - 1))
    return text[:at] + draw(st.text(min_size=1, max_size=5)) + text[at + 1 :]
