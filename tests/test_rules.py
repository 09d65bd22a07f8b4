"""The figure pipeline's rules, each tested on its own examples.

Every :class:`~newsdesk.core.extract.rules.Rule` in the catalogue carries
sentences where it fires and hard negatives where it must not; the tests here
are generated from them, so a new rule is tested the moment it is written and
a change that breaks another rule's example says which rule. Rules of the
``number`` stage are tested on the number parser alone, without the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from newsdesk.core.extract import Extractor, catalogue
from newsdesk.core.extract.numbers import number_rules, parse_number
from newsdesk.core.extract.rules import STAGE_NAMES, Example, Rule
from newsdesk.core.sheet.model import Figure

RULES = catalogue.RULES


def _params(number_stage: bool) -> list[object]:
    return [
        pytest.param(rule, example, id=f"{rule.id}[{'+' if example.fires else '-'}{n}]")
        for rule in RULES
        if (rule.stage == "number") == number_stage
        for n, example in enumerate(rule.examples)
    ]


@dataclass
class _Read:
    """A figure, or a number read as no figure, with the rules that made it so."""

    text: str
    rules: list[str]
    figure: Figure | None = None
    says: list[str] = field(default_factory=list)


def _readings(extractor: Extractor, text: str) -> list[_Read]:
    sheet, dropped = extractor.explain(text)
    found = [_Read(f.text, [r.rule for r in f.why], f, f.reasons()) for f in sheet.figures]
    found += [_Read(d.text, [s.rule for s in d.trail]) for d in dropped]
    return found


def _find(readings: list[_Read], words: str) -> _Read | None:
    exact = [r for r in readings if r.text == words]
    inside = [r for r in readings if words in r.text or (r.text and r.text in words)]
    return (exact or inside or [None])[0]


@pytest.mark.parametrize(("rule", "example"), _params(number_stage=False))
def test_rule_on_its_example(extractor: Extractor, rule: Rule, example: Example) -> None:
    readings = _readings(extractor, example.text)
    found = _find(readings, example.words)
    shown = [(r.text, r.rules) for r in readings]
    if example.fires:
        assert found is not None, f"nothing read at {example.words!r}: {shown}"
        assert rule.id in found.rules, f"{rule.id} did not fire on {example.words!r}: {shown}"
    else:
        assert found is None or rule.id not in found.rules, f"{rule.id} fired: {shown}"
    for name, expected in example.fields.items():
        if name == "figure":
            is_figure = found is not None and found.figure is not None
            assert is_figure == expected, f"{example.words!r} figure={is_figure}: {shown}"
            continue
        assert found is not None and found.figure is not None, f"no figure: {shown}"
        actual = getattr(found.figure, name)
        if isinstance(expected, float | int) and not isinstance(expected, bool):
            assert actual == pytest.approx(expected), f"{name}: {actual!r} ({found.rules})"
        else:
            assert actual == expected, f"{name}: {actual!r} ({found.rules})"


@pytest.mark.parametrize(("rule", "example"), _params(number_stage=True))
def test_number_rule_on_the_parser(rule: Rule, example: Example) -> None:
    value = parse_number(example.words)
    expected = example.fields["value"]
    if expected is None:
        assert value is None
    else:
        assert value == pytest.approx(expected)
    assert (rule in number_rules(example.words)) == example.fires


def test_the_catalogue_reads_from_outside() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids)), "rule ids are unique"
    assert all(rule.stage in STAGE_NAMES for rule in RULES)
    assert [STAGE_NAMES.index(r.stage) for r in RULES] == sorted(
        STAGE_NAMES.index(r.stage) for r in RULES
    ), "the catalogue lists rules in stage order"
    for rule in RULES:
        assert rule.id.count(".") == 1 and rule.doc, rule.id
        if rule.id == "source.inferred":
            continue  # found only from a story's discourse; tested in test_attribution
        assert any(e.fires for e in rule.examples), f"{rule.id} has no example where it fires"
        assert any(not e.fires for e in rule.examples), f"{rule.id} has no hard negative"


def test_the_vocabulary_tables_are_well_formed() -> None:
    """The hedge, currency and unit tables in resources/figures say what the rules need."""
    from newsdesk.core.extract import lexicon
    from newsdesk.core.sheet.model import QUALIFIERS

    assert set(lexicon.QUALIFIERS.values()) <= set(QUALIFIERS)
    assert set(lexicon.TRAILING_QUALIFIERS.values()) <= set(QUALIFIERS)
    codes = [*lexicon.CURRENCY_SYMBOLS.values(), *lexicon.CURRENCY_WORDS.values()]
    assert all(len(code) == 3 and code.isupper() for code in codes)
    tables = [lexicon.UNIT_WORDS, lexicon.CURRENCY_WORDS, lexicon.UP_VERBS, lexicon.DOWN_NOUNS]
    assert all(word == word.lower() for table in tables for word in table)
    assert lexicon.QUALIFIERS[("at", "least")] == "at_least"
    assert lexicon.UP_VERBS.isdisjoint(lexicon.DOWN_VERBS)
