"""The learning benchmark's simulated editor, on a story made here (no outside data)."""

from __future__ import annotations

from newsdesk.core.article.wire import split_article
from newsdesk.core.sheet.model import Entity, FactSheet, Mention
from tests.benchmarks.accuracy.learning import Gold, correct_to_gold, thirds

TEXT = "Ted Baker said Slideshow sales fell in Sapporo. Baker shops in Sapporo shut."


def _entity(entity_id: str, label: str, name: str, *words: str) -> Entity:
    mentions = []
    for word in words:
        start = TEXT.index(word, mentions[-1].end if mentions else 0)
        mentions.append(Mention(start, start + len(word), word))
    return Entity(entity_id, label, name, mentions)


def _span(word: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(word, after)
    return start, start + len(word)


def test_the_editor_fixes_labels_deletes_merges_and_adds_and_says_what_it_teaches() -> None:
    sheet = FactSheet(
        article=split_article(TEXT),
        entities=[
            _entity("e1", "PERSON", "Ted Baker", "Ted Baker"),
            _entity("e2", "PERSON", "Slideshow", "Slideshow"),
            _entity("e3", "ORG", "Baker", "Baker shops"),
            _entity("e4", "GPE", "Sapporo", "Sapporo"),
        ],
    )
    second_sapporo = _span("Sapporo", _span("Sapporo")[1])
    gold = {
        _span("Ted Baker"): Gold("organization", "Ted_Baker"),
        _span("Baker", _span("Baker shops")[0]): Gold("organization", "Ted_Baker"),
        _span("Sapporo"): Gold("place", "Sapporo"),
        second_sapporo: Gold("place", "Sapporo"),
    }
    made, taught = correct_to_gold(sheet, gold, set(), editor="Desk")
    said = sorted(entry.says() for entry in taught)
    assert said == [
        "Baker is an organisation",
        "Baker is another name for Ted Baker",
        "Sapporo is a place",
        "Slideshow is not a name",
        "Ted Baker is an organisation",
    ]
    # Moved "Baker shops" onto "Baker", deleted Slideshow, relabelled Ted Baker,
    # merged the two Bakers and added the second Sapporo.
    assert made == 5
    assert {e.name: e.label for e in sheet.entities} == {"Ted Baker": "ORG", "Sapporo": "GPE"}


def test_the_sequence_is_reported_in_thirds() -> None:
    assert thirds(24) == [(0, 8), (8, 16), (16, 24)]
    assert thirds(4) == [(0, 2), (2, 4)]
