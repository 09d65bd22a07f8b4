"""The editor's corrections as plain functions: each edit, refused values, undo and redo."""

from __future__ import annotations

import copy

import pytest

from newsdesk.core.sheet.model import Article, DateFact, Entity, FactSheet, Figure, Mention, Quote
from newsdesk.core.work.edits import (
    add_fact,
    delete_fact,
    merge_entities,
    reanchor,
    set_fields,
    set_status,
    split_mention,
)
from newsdesk.core.work.patches import apply_patch
from newsdesk.core.work.values import EditError, parse_number

TEXT = (
    "Floods cut off at least 12 villages, Alice Smith said on Friday. "
    "Ms Smith said 300 families fled. Bob Jones said: “Help came late.” A. Smith agreed."
)
WHEN = "2026-03-03T12:00:00+00:00"


def span(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def mention(words: str, nth: int = 0) -> Mention:
    return Mention(*span(words, nth), words)


def make_sheet() -> FactSheet:
    return FactSheet(
        article=Article(TEXT, headline="Floods"),
        entities=[
            Entity("e1", "PERSON", "Alice Smith", [mention("Alice Smith"), mention("Ms Smith")]),
            Entity("e2", "PERSON", "Bob Jones", [mention("Bob Jones")]),
            Entity("e3", "PERSON", "A. Smith", [mention("A. Smith")]),
        ],
        figures=[
            Figure(
                "f1",
                "at least 12",
                *span("at least 12"),
                kind="count",
                value=12,
                low=12,
                qualifier="at_least",
                counted="villages",
                source="e1",
            ),
            Figure(
                "f2",
                "300",
                *span("300"),
                kind="count",
                value=300,
                low=300,
                high=300,
                counted="families",
                source="e3",
            ),
        ],
        dates=[DateFact("d1", "Friday", *span("Friday"), value="2026-02-27")],
        quotes=[Quote("q1", "Help came late.", *span("Help came late."), speaker="e2")],
    )


def undo_redo_round_trip(sheet: FactSheet, edit):  # type: ignore[no-untyped-def]
    """Run ``edit``; check undo restores the sheet exactly and redo repeats the edit."""
    before = copy.deepcopy(sheet.to_dict())
    patch = edit(sheet)
    after = copy.deepcopy(sheet.to_dict())
    apply_patch(sheet, patch, undo=True)
    assert sheet.to_dict() == before
    apply_patch(sheet, patch, undo=False)
    assert sheet.to_dict() == after
    return patch


def test_editing_a_figure_value_marks_it_corrected_and_keeps_the_extracted_value() -> None:
    sheet = make_sheet()

    undo_redo_round_trip(
        sheet, lambda s: set_fields(s, "f1", {"value": "14"}, editor="anna", when=WHEN)
    )

    figure = sheet.figures[0]
    assert (figure.value, figure.low, figure.high) == (14, 14, None)  # the bound follows
    assert figure.status == "corrected" and figure.origin == "edited"
    assert figure.extracted == {"value": 12, "low": 12}
    assert (figure.checked_by, figure.checked_at) == ("anna", WHEN)


def test_a_second_edit_keeps_the_first_extracted_value() -> None:
    sheet = make_sheet()
    set_fields(sheet, "f1", {"value": "14"})
    set_fields(sheet, "f1", {"value": "15", "counted": "towns"})
    assert sheet.figures[0].extracted == {"value": 12, "low": 12, "counted": "villages"}


def test_a_value_that_is_not_a_number_is_refused_and_nothing_changes() -> None:
    sheet = make_sheet()
    before = sheet.to_dict()

    with pytest.raises(EditError, match="“twelve-ish” is not a number"):
        set_fields(sheet, "f1", {"counted": "towns", "value": "twelve-ish"})

    assert sheet.to_dict() == before


@pytest.mark.parametrize(
    ("typed", "value"), [("1,200", 1200.0), (" 25 ", 25.0), ("-3.5", -3.5), ("1e3", 1000.0)]
)
def test_numbers_as_editors_type_them(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "nan", "inf", "1.2.3"])
def test_not_numbers(typed: str) -> None:
    with pytest.raises(EditError):
        parse_number(typed)


def test_every_figure_field_can_be_edited() -> None:
    sheet = make_sheet()
    set_fields(
        sheet,
        "f2",
        {"low": "250", "high": "", "qualifier": "more than", "unit": "kg", "counted": "homes",
         "change": "up", "source": "e2", "kind": "quantity"},
    )  # fmt: skip
    figure = sheet.figures[1]
    assert (figure.low, figure.high, figure.qualifier) == (250, None, "more_than")
    assert (figure.unit, figure.counted, figure.change) == ("kg", "homes", "up")
    assert (figure.source, figure.kind) == ("e2", "quantity")


def test_entity_name_and_label_date_value_and_quote_speaker() -> None:
    sheet = make_sheet()
    set_fields(sheet, "e2", {"name": "Robert Jones", "label": "org"})
    set_fields(sheet, "d1", {"value": "2026-02-28"})
    set_fields(sheet, "q1", {"speaker": "e1"})
    assert (sheet.entities[1].name, sheet.entities[1].label) == ("Robert Jones", "ORG")
    assert sheet.dates[0].value == "2026-02-28" and sheet.dates[0].extracted == {
        "value": "2026-02-27"
    }
    assert sheet.quotes[0].speaker == "e1"


@pytest.mark.parametrize(
    ("fact_id", "values", "message"),
    [
        ("d1", {"value": "next week"}, "is not a date"),
        ("e1", {"name": "  "}, "cannot be empty"),
        ("e1", {"label": "ALIEN"}, "not a kind of name"),
        ("q1", {"speaker": "nobody"}, "among the names"),
        ("f1", {"qualifier": "roughly"}, "not a hedge"),
        ("q1", {"value": "3"}, "cannot be edited"),
    ],
)
def test_refused_values_say_why(fact_id: str, values: dict[str, str], message: str) -> None:
    with pytest.raises(EditError, match=message):
        set_fields(make_sheet(), fact_id, values)


def test_a_note_is_not_a_correction() -> None:
    sheet = make_sheet()
    set_fields(sheet, "f1", {"note": "check with the UN"})
    assert sheet.figures[0].note == "check with the UN"
    assert sheet.figures[0].status == "unverified" and sheet.figures[0].extracted is None


def test_status_says_who_and_when_and_unverified_forgets_it() -> None:
    sheet = make_sheet()
    undo_redo_round_trip(sheet, lambda s: set_status(s, "f1", "disputed", editor="anna", when=WHEN))
    assert (sheet.figures[0].status, sheet.figures[0].checked_by) == ("disputed", "anna")
    set_status(sheet, "f1", "unverified")
    assert sheet.figures[0].checked_by is None and sheet.figures[0].checked_at is None


def test_adding_a_fact_from_a_selection() -> None:
    sheet = make_sheet()
    start, end = span("Floods")

    patch = undo_redo_round_trip(
        sheet, lambda s: add_fact(s, "entity", start, end + 1, label="ORG", editor="anna")
    )

    added = sheet.find(patch.created or "")
    assert isinstance(added, Entity)
    assert (added.name, added.label, added.origin) == ("Floods", "ORG", "added")
    assert added.mentions == [Mention(start, end, "Floods")]  # the trailing space left out
    figure = sheet.find(add_fact(sheet, "figure", *span("300")).created or "")
    assert isinstance(figure, Figure) and figure.value == 300


def test_adding_needs_a_selection() -> None:
    with pytest.raises(EditError, match="Select"):
        add_fact(make_sheet(), "date", 5, 5)


def test_deleting_an_entity_forgets_it_as_a_source() -> None:
    sheet = make_sheet()
    undo_redo_round_trip(sheet, lambda s: delete_fact(s, "e2"))
    assert [e.id for e in sheet.entities] == ["e1", "e3"]
    assert sheet.quotes[0].speaker is None


def test_a_deletion_is_remembered_until_it_is_undone() -> None:
    sheet = make_sheet()
    patch = delete_fact(sheet, "f2")
    (record,) = sheet.dismissed
    assert (record.kind, record.text, record.id) == ("figure", "300", "f2")
    assert TEXT[record.start : record.end] == "300"
    apply_patch(sheet, patch, undo=True)
    assert sheet.dismissed == [] and sheet.find("f2") is not None
    apply_patch(sheet, patch, undo=False)
    assert [r.id for r in sheet.dismissed] == ["f2"] and sheet.find("f2") is None


def test_merging_joins_mentions_and_attributions() -> None:
    sheet = make_sheet()

    undo_redo_round_trip(
        sheet, lambda s: merge_entities(s, "e1", "e3", name="Alice Smith", editor="anna")
    )

    alice = sheet.entities[0]
    assert [e.id for e in sheet.entities] == ["e1", "e2"]
    assert [m.text for m in alice.mentions] == ["Alice Smith", "Ms Smith", "A. Smith"]
    assert sheet.figures[1].source == "e1"
    assert alice.origin == "edited"


def test_merging_can_choose_the_other_name() -> None:
    sheet = make_sheet()
    merge_entities(sheet, "e1", "e3", name="A. Smith")
    assert sheet.entities[0].name == "A. Smith"
    assert sheet.entities[0].extracted == {"name": "Alice Smith"}


def test_splitting_a_mention_out() -> None:
    sheet = make_sheet()

    patch = undo_redo_round_trip(sheet, lambda s: split_mention(s, "e1", 1))

    alice, split = sheet.entities[0], sheet.find(patch.created or "")
    assert [m.text for m in alice.mentions] == ["Alice Smith"]
    assert isinstance(split, Entity) and split.name == "Ms Smith" and split.label == "PERSON"


def test_a_single_mention_cannot_be_split() -> None:
    with pytest.raises(EditError, match="one mention"):
        split_mention(make_sheet(), "e2", 0)


def test_reanchoring_a_figure_and_a_mention() -> None:
    sheet = make_sheet()
    undo_redo_round_trip(sheet, lambda s: reanchor(s, "f1", *span("12 villages")))
    assert (sheet.figures[0].text, sheet.figures[0].start) == ("12 villages", span("12")[0])

    reanchor(sheet, "e1", *span("Smith", 1), mention_index=1)
    assert [m.text for m in sheet.entities[0].mentions] == ["Alice Smith", "Smith"]


def test_undo_after_the_text_moved_puts_the_fact_on_its_words() -> None:
    sheet = make_sheet()
    patch = set_status(sheet, "f2", "verified")
    sheet.article.text = "Breaking: " + TEXT  # the sheet moved to a newer text meanwhile
    for figure in sheet.figures:
        figure.start, figure.end = figure.start + 10, figure.end + 10

    apply_patch(sheet, patch, undo=True)

    figure = sheet.figures[1]
    assert figure.status == "unverified"
    assert sheet.article.text[figure.start : figure.end] == "300"


def test_checking_a_fact_flagged_for_re_checking_clears_the_flag_and_undo_brings_it_back() -> None:
    from newsdesk.core.sheet.model import Recheck

    sheet = make_sheet()
    sheet.figures[0].recheck = Recheck("at least 10")

    patch = set_status(sheet, "f1", "verified", editor="anna", when=WHEN)

    assert sheet.figures[0].recheck is None and sheet.figures[0].status == "verified"
    apply_patch(sheet, patch, undo=True)
    assert sheet.figures[0].recheck == Recheck("at least 10")
    assert sheet.figures[0].status == "unverified"
