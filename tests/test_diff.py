"""Fact-level diffs and write-through carry-over, on hand-built sheets (no spaCy, no Qt).

The story is a wire report and its "UPDATE 1": the toll rises from 12 to 25, a
wounded count and a place are added, a quote is kept. Sheets are numbered the
way a fresh analysis numbers them, so ids shift between the two versions.
"""

from __future__ import annotations

import re

import pytest

from newsdesk.core.output.diff import diff_sheets, show_value
from newsdesk.core.sheet.model import (
    Article,
    DateFact,
    Entity,
    FactSheet,
    Figure,
    Mention,
    Quote,
    Recheck,
)
from newsdesk.core.work.carry_over import carry_over
from newsdesk.core.work.matching import match_facts

FIRST = (
    "Islamic State kills 12 in Palmyra\n\n"
    "BEIRUT (Reuters) - Islamic State fighters killed 12 people in Palmyra on Sunday, "
    "the Syrian Observatory for Human Rights said. "
    'John Kerry called the attack "a barbaric act against civilians".'
)
UPDATE = (
    "UPDATE 1-Islamic State kills 25 in Palmyra\n\n"
    "BEIRUT (Reuters) - Islamic State fighters killed 25 people in Palmyra and Homs on Sunday, "
    "the Syrian Observatory for Human Rights said. At least 40 people were wounded. "
    'John Kerry called the attack "a barbaric act against civilians".'
)


def analyse(text: str) -> FactSheet:
    """What a fresh analysis returns: facts in text order, numbered from 1, unverified."""
    headline = text.split("\n", 1)[0]
    names = [
        ("ORG", "Islamic State"),
        ("GPE", "Palmyra"),
        ("GPE", "Homs"),
        ("ORG", "Syrian Observatory for Human Rights"),
        ("PERSON", "John Kerry"),
    ]
    entities = []
    for label, name in names:
        mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)]
        if mentions:
            entities.append(Entity(f"e{len(entities) + 1}", label, name, mentions))
    figures = []
    body = text.index("\n\n")
    for match in re.finditer(r"(?:At least )?(\d+) people", text[body:]):
        number = match.group(1)
        start = body + match.start()
        hedged = match.group().startswith("At least")
        end = start + len(match.group()) - len(" people")
        figures.append(
            Figure(
                f"f{len(figures) + 1}",
                text[start:end],
                start,
                end,
                kind="count",
                value=float(number),
                low=float(number),
                high=None if hedged else float(number),
                qualifier="at_least" if hedged else "exact",
                counted="people",
            )
        )
    sunday = text.index("Sunday")
    quote_start = text.index('"a barbaric')
    quote_end = text.index('".', quote_start) + 1
    return FactSheet(
        article=Article(text=text, headline=headline, source="Reuters", dateline="BEIRUT"),
        entities=entities,
        figures=figures,
        dates=[DateFact("d1", "Sunday", sunday, sunday + 6, value="2015-05-24")],
        quotes=[
            Quote(
                "q1",
                text[quote_start:quote_end],
                quote_start,
                quote_end,
                speaker=entities[-1].id,
                cue="called",
            )
        ],
    )


def checked(sheet: FactSheet) -> FactSheet:
    """The desk's pass over the first version: facts verified, one noted, one added by hand."""
    sheet = FactSheet.from_dict(sheet.to_dict())
    for entity in sheet.entities:
        entity.status, entity.checked_by = "verified", "amira"
    sheet.figures[0].status, sheet.figures[0].checked_by = "verified", "amira"
    sheet.figures[0].note = "Observatory by phone, 09:40"
    sheet.dates[0].status = "verified"
    sheet.quotes[0].status = "verified"
    sheet.quotes[0].note = "State Department transcript"
    state = FIRST.index("Islamic State fighters")
    sheet.entities.append(
        Entity(
            "e9",
            "NORP",
            "Islamic State fighters",
            [Mention(state, state + 22, "Islamic State fighters")],
            status="verified",
            origin="added",
            note="group, not the organisation",
        )
    )
    return sheet


def by_title(sheet: FactSheet) -> dict[str, Entity | Figure | DateFact | Quote]:
    facts = [*sheet.entities, *sheet.figures, *sheet.dates, *sheet.quotes]
    return {f.name if isinstance(f, Entity) else f.text: f for f in facts}


# -- matching ------------------------------------------------------------------------------


def test_matching_pairs_facts_across_renumbered_analyses() -> None:
    old, new = analyse(FIRST), analyse(UPDATE)

    pairs = {
        (p.kind, p.old.id if p.old else None, p.new.id if p.new else None, p.how)
        for p in match_facts(old, new)
    }

    # Homs is new and takes e3, so the Observatory moves from e3 to e4 and Kerry to e5.
    assert ("entity", "e3", "e4", "text") in pairs
    assert ("entity", None, "e3", "none") in pairs
    assert ("figure", "f1", "f1", "context") in pairs  # 12 -> 25, same words around it
    assert ("figure", None, "f2", "none") in pairs  # "At least 40" is new
    assert ("quote", "q1", "q1", "id") in pairs


# -- diff ----------------------------------------------------------------------------------


def test_diff_of_an_update_lists_added_removed_and_changed_facts() -> None:
    before, after = checked(analyse(FIRST)), analyse(UPDATE)

    diff = diff_sheets(before, after)

    assert sorted(c.title for c in diff.added) == ["At least 40", "Homs"]
    assert [c.title for c in diff.removed] == ["Islamic State fighters"]
    toll = next(c for c in diff.changed if c.kind == "figure")
    assert toll.old is not None and toll.old.text == "12"
    assert toll.title == "25"
    assert toll.field("value") is not None
    assert toll.field("value").describe() == "value: 12 → 25"  # type: ignore[union-attr]
    assert toll.status_change == ("verified", "unverified")
    assert diff.text_changed and diff.headline_changed
    assert diff.summary().startswith("2 added · 1 removed · ")


def test_diff_of_a_correction_shows_only_what_the_editor_changed() -> None:
    first = analyse(FIRST)
    second = FactSheet.from_dict(first.to_dict())
    second.figures[0].value = 13
    second.figures[0].low = second.figures[0].high = 13
    second.figures[0].status = "corrected"
    second.entities[2].status = "disputed"

    diff = diff_sheets(first, second)

    assert not diff.text_changed
    assert [(c.kind, c.title) for c in diff.changed] == [
        ("entity", "Syrian Observatory for Human Rights"),
        ("figure", "12"),
    ]
    figure = diff.changed[1]
    assert [f.name for f in figure.fields] == ["value", "low", "high", "status"]
    assert figure.status_change == ("unverified", "corrected")
    assert [c.title for c in diff.status_changes] == [
        "Syrian Observatory for Human Rights",
        "12",
    ]
    assert len(diff.of("unchanged")) == first.fact_count() - 2
    assert diff.summary() == "2 changed (2 status)"


def test_diff_of_a_version_with_itself_is_empty() -> None:
    sheet = checked(analyse(FIRST))

    diff = diff_sheets(sheet, FactSheet.from_dict(sheet.to_dict()))

    assert diff.is_empty
    assert diff.summary() == "no changes to facts"


def test_removed_facts_stay_near_their_place_in_the_list() -> None:
    old = analyse(FIRST)
    new = FactSheet.from_dict(old.to_dict())
    del new.entities[1]  # Palmyra

    names = [(c.change, c.title) for c in diff_sheets(old, new).changes if c.kind == "entity"]

    assert names[:3] == [
        ("unchanged", "Islamic State"),
        ("removed", "Palmyra"),
        ("unchanged", "Syrian Observatory for Human Rights"),
    ]


@pytest.mark.parametrize(
    ("value", "shown"), [(None, "—"), ("", "—"), (25.0, "25"), (1200000.0, "1,200,000"), ("x", "x")]
)
def test_field_values_read_as_an_editor_writes_them(value: object, shown: str) -> None:
    assert show_value(value) == shown


# -- write-through carry-over ----------------------------------------------------------------


def test_update_keeps_checks_on_unchanged_facts_and_flags_the_changed_toll() -> None:
    before = checked(analyse(FIRST))
    after = analyse(UPDATE)

    report = carry_over(before, after)

    facts = by_title(after)
    assert (facts["John Kerry"].status, facts["John Kerry"].checked_by) == ("verified", "amira")
    assert facts["Syrian Observatory for Human Rights"].status == "verified"
    assert facts["Sunday"].status == "verified"
    assert facts['"a barbaric act against civilians"'].note == "State Department transcript"
    assert facts["Homs"].status == "unverified"  # new in the update
    assert facts["At least 40"].status == "unverified"
    toll = facts["25"]
    assert (toll.status, toll.checked_by) == ("unverified", None)  # nobody checked "25" yet
    assert (toll.recheck, toll.note) == (Recheck("12"), "Observatory by phone, 09:40")
    assert [f.text for f in report.flagged] == ["25"]
    assert "1 changed fact to re-check" in report.summary()


def test_hand_added_facts_survive_the_update_when_their_words_do() -> None:
    before = checked(analyse(FIRST))
    after = analyse(UPDATE)

    report = carry_over(before, after)

    added = by_title(after)["Islamic State fighters"]
    assert isinstance(added, Entity)
    assert (added.origin, added.status, added.note) == (
        "added",
        "verified",
        "group, not the organisation",
    )
    assert [UPDATE[m.start : m.end] for m in added.mentions] == ["Islamic State fighters"]
    assert len({e.id for e in after.entities}) == len(after.entities)
    assert report.restored == [added] and report.lost == []


def test_hand_added_facts_whose_words_are_gone_are_reported_lost() -> None:
    before = checked(analyse(FIRST))
    after = analyse(UPDATE.replace("Islamic State fighters", "Militants"))

    report = carry_over(before, after)

    assert [f.name for f in report.lost if isinstance(f, Entity)] == ["Islamic State fighters"]
    assert "Islamic State fighters" not in by_title(after)


def test_an_edited_value_is_kept_while_its_words_stay() -> None:
    before = analyse(FIRST)
    before.figures[0].value = 13
    before.figures[0].origin = "edited"
    before.figures[0].status = "corrected"
    after = analyse("Extra line\n\n" + FIRST)

    carry_over(before, after)

    assert (after.figures[0].value, after.figures[0].origin) == (13, "edited")
    assert after.figures[0].status == "corrected"


def test_reanalysing_while_typing_never_stacks_flags() -> None:
    sheet = checked(analyse(FIRST))
    typed = analyse(FIRST.replace("killed 12", "killed 2"))
    carry_over(sheet, typed)
    finished = analyse(FIRST.replace("killed 12", "killed 25"))

    carry_over(typed, finished)

    toll = finished.figures[0]
    assert (toll.recheck, toll.text, toll.note) == (
        Recheck("12"),
        "25",
        "Observatory by phone, 09:40",
    )
    back = analyse(FIRST)
    carry_over(finished, back)
    assert back.figures[0].note == "Observatory by phone, 09:40"
    assert back.figures[0].recheck is None


def test_changed_quote_words_are_flagged() -> None:
    before = checked(analyse(FIRST))
    after = analyse(
        FIRST.replace("barbaric act against civilians", "barbaric act against families")
    )

    report = carry_over(before, after)

    assert after.quotes[0].status == "unverified"
    assert after.quotes[0].recheck == Recheck("“a barbaric act against civilians”")
    assert report.flagged == [after.quotes[0]]


def test_carry_over_from_nothing_changes_nothing() -> None:
    sheet = analyse(FIRST)
    report = carry_over(None, sheet)
    assert report.summary() == "" and sheet.to_dict() == analyse(FIRST).to_dict()
