"""Re-analysis keeps the editor's work: kept, moved onto their words, or flagged."""

from __future__ import annotations

import re

import pytest

from newsdesk.core.sheet.model import Article, Entity, FactSheet, Figure, Mention, Recheck
from newsdesk.core.work.anchors import TextShift, relocate
from newsdesk.core.work.edits import delete_fact, set_fields, set_status
from newsdesk.core.work.patches import apply_patch
from newsdesk.core.work.reconcile import rebase, reconcile

TEXT = "Alice Smith said at least 12 villages flooded. Bob Jones said 300 families fled."
NAMES = ("Alice Smith", "Bob Jones", "Carol King")


def extract(text: str) -> FactSheet:
    """A tiny stand-in extractor: known names and every number, fresh ids each time."""
    entities = []
    for name in NAMES:
        mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(name, text)]
        if mentions:
            entities.append(Entity(f"e{len(entities) + 1}", "PERSON", name, mentions))
    figures = [
        Figure(
            f"f{n + 1}",
            m.group(),
            m.start(),
            m.end(),
            value=float(m.group().split()[-1]),
            source=entities[0].id if entities else None,
        )
        for n, m in enumerate(re.finditer(r"(?:at least )?\d+", text))
    ]
    return FactSheet(article=Article(text), entities=entities, figures=figures)


def words(sheet: FactSheet, fact_id: str) -> str:
    fact = next(f for f in [*sheet.entities, *sheet.figures] if f.id == fact_id)
    if isinstance(fact, Entity):
        return "|".join(sheet.article.text[m.start : m.end] for m in fact.mentions)
    return sheet.article.text[fact.start : fact.end]


def test_a_first_analysis_is_taken_as_it_is() -> None:
    fresh = extract(TEXT)
    assert reconcile(None, fresh).sheet is fresh


def test_a_verified_figure_moves_with_its_words() -> None:
    old = extract(TEXT)
    set_status(old, "f2", "verified", editor="anna")
    new_text = "UPDATE: " + TEXT.replace("Bob Jones said", "Bob Jones, a farmer, said")

    merged = reconcile(old, extract(new_text))

    figure = next(f for f in merged.sheet.figures if f.status == "verified")
    assert figure.id == "f2" and figure.checked_by == "anna"
    assert words(merged.sheet, "f2") == "300"
    assert len(merged.sheet.figures) == 2  # the fresh "300" did not come back beside it
    assert (merged.kept, merged.flagged, merged.shadowed) == (1, 0, 1)


def test_a_corrected_value_is_never_replaced_by_fresh_extraction() -> None:
    old = extract(TEXT)
    set_fields(old, "f1", {"value": "14"})

    merged = reconcile(old, extract(TEXT + " More later."))

    figure = next(f for f in merged.sheet.figures if f.id == "f1")
    assert figure.value == 14 and figure.status == "corrected"
    assert figure.extracted == {"value": 12}


def test_a_touched_fact_whose_words_are_gone_is_flagged() -> None:
    old = extract(TEXT)
    set_status(old, "f2", "verified")

    merged = reconcile(old, extract(TEXT.replace(" Bob Jones said 300 families fled.", "")))

    lost = next(f for f in merged.sheet.figures if f.id == "f2")
    assert lost.anchor_lost and lost.status == "verified" and lost.text == "300"
    assert lost.start == lost.end  # nothing to highlight
    assert [f.text for f in merged.sheet.figures if f.id != "f2"] == ["at least 12"]
    assert (merged.flagged, merged.rechecked) == (1, 0)


def test_a_touched_figure_whose_number_changed_is_replaced_and_flagged() -> None:
    old = extract(TEXT)
    set_status(old, "f1", "verified", editor="anna")
    set_fields(old, "f1", {"note": "Police figure"})

    merged = reconcile(old, extract(TEXT.replace("at least 12", "at least 30")))

    figure = next(f for f in merged.sheet.figures if f.id == "f1")
    assert figure.text == "at least 30" and figure.value == 30 and not figure.anchor_lost
    assert figure.status == "unverified" and figure.checked_by is None
    assert (figure.recheck, figure.note) == (Recheck("at least 12"), "Police figure")
    assert [f.text for f in merged.sheet.figures] == ["at least 30", "300"]  # no lost twin
    assert (merged.flagged, merged.rechecked) == (0, 1)


def test_a_touched_figure_typed_over_where_it_stands_is_replaced_and_flagged() -> None:
    """Typing "5" after "12" leaves "12" in place, but the figure there now reads 125."""
    old = extract(TEXT)
    set_status(old, "f1", "verified", editor="anna")

    merged = reconcile(old, extract(TEXT.replace("at least 12", "at least 125")))

    figure = next(f for f in merged.sheet.figures if f.id == "f1")
    assert (figure.text, figure.value, figure.status) == ("at least 125", 125, "unverified")
    assert figure.recheck == Recheck("at least 12")
    assert words(merged.sheet, "f1") == "at least 125"
    assert [f.text for f in merged.sheet.figures] == ["at least 125", "300"]


def test_a_mention_looked_for_again_never_lands_inside_another() -> None:
    text = "Alice Smith said floods came. Smith said more."
    old = FactSheet(
        article=Article(text),
        entities=[
            Entity(
                "e1",
                "PERSON",
                "Alice Smith",
                [Mention(0, 11, "Alice Smith"), Mention(30, 35, "Smith")],
                status="verified",
            )
        ],
    )

    merged = reconcile(old, extract("Alice Smith said floods came."))

    assert words(merged.sheet, "e1") == "Alice Smith"


def test_an_untouched_fact_keeps_its_id_but_takes_the_fresh_extraction() -> None:
    old = extract(TEXT)
    merged = reconcile(old, extract("Intro. " + TEXT))
    assert [f.id for f in merged.sheet.figures] == ["f1", "f2"]
    assert words(merged.sheet, "f2") == "300"


def test_new_mentions_join_a_corrected_entity() -> None:
    old = extract(TEXT)
    set_fields(old, "e1", {"name": "Alice B. Smith"})

    merged = reconcile(old, extract(TEXT + " Alice Smith said more."))

    alice = next(e for e in merged.sheet.entities if e.id == "e1")
    assert alice.name == "Alice B. Smith"
    assert words(merged.sheet, "e1") == "Alice Smith|Alice Smith"
    assert len(merged.sheet.entities) == 2


def test_fresh_attributions_point_at_the_kept_entity() -> None:
    old = extract(TEXT)
    set_status(old, "e1", "verified")
    merged = reconcile(old, extract("Intro. " + TEXT))
    assert {f.source for f in merged.sheet.figures} == {"e1"}


def test_rebase_keeps_the_editors_facts_and_drops_untouched_ones_hit_by_the_edit() -> None:
    old = extract(TEXT)
    set_status(old, "f2", "verified")
    text = TEXT.replace("at least 12", "at least 13").replace("fled.", "fled north.")

    moved = rebase(old, text)

    assert [f.id for f in moved.figures] == ["f2"]
    assert words(moved, "f2") == "300"
    assert [e.name for e in moved.entities] == ["Alice Smith", "Bob Jones"]
    assert moved.article.text == text


@pytest.mark.parametrize(
    ("old", "new", "start", "end", "expected"),
    [
        ("abc def ghi", "abc XX def ghi", 4, 7, (7, 10)),
        ("abc def ghi", "abc def ghi", 0, 3, (0, 3)),
        ("abc def ghi", "abX def ghi", 0, 3, None),
        ("one\ntwo\nthree\n", "ONE\ntwo\nthree!\n", 4, 7, (4, 7)),
    ],
)
def test_text_shift(
    old: str, new: str, start: int, end: int, expected: tuple[int, int] | None
) -> None:
    assert TextShift(old, new).span(start, end) == expected


def test_relocate_finds_whole_words_nearest_first() -> None:
    text = "300 men, 1300 women and 300 children"
    assert relocate("300", text, 20) == (24, 27)
    assert relocate("300", text, 0) == (0, 3)
    assert relocate("400", text, 0) is None


# -- an updated wire story over a corrected one ----------------------------------------------

V1 = (
    "Floods killed 12 people in Lagos, Alice Smith said. "
    "Bob Jones said 300 families fled. Carol King said 40 roads were closed."
)
V2 = (
    "REFILE-Floods killed 25 people in Lagos, Alice Smith said on Friday. "
    "Bob Jones said 300 families fled. Carol King said 40 roads were closed. More rain is due."
)


def figure_named(sheet: FactSheet, fact_id: str) -> Figure:
    found = next(f for f in sheet.figures if f.id == fact_id)
    return found


def test_an_update_keeps_checks_flags_the_changed_figure_and_keeps_deletions() -> None:
    old = extract(V1)
    assert [f.text for f in old.figures] == ["12", "300", "40"]
    for fact_id, note in (("f1", "Police figure"), ("f2", "Red Cross confirmed")):
        set_status(old, fact_id, "verified", editor="anna")
        set_fields(old, fact_id, {"note": note})
    deleted = delete_fact(old, "f3")  # the editor does not want the roads figure

    # The sheet is saved and opened again before the update comes in.
    old = FactSheet.from_json(old.to_json())
    merged = reconcile(old, extract(V2))
    sheet = merged.sheet

    unchanged = figure_named(sheet, "f2")
    assert (unchanged.status, unchanged.note, unchanged.checked_by) == (
        "verified",
        "Red Cross confirmed",
        "anna",
    )
    assert words(sheet, "f2") == "300"
    changed = figure_named(sheet, "f1")
    assert changed.status == "unverified" and changed.checked_by is None
    assert (changed.recheck, changed.note) == (Recheck("12"), "Police figure")
    assert words(sheet, "f1") == "25" and not changed.anchor_lost
    assert [f.text for f in sheet.figures] == ["25", "300"]  # "40" stays deleted, no "12"
    assert (merged.flagged, merged.rechecked, merged.dismissed) == (0, 1, 1)
    (record,) = sheet.dismissed
    assert sheet.article.text[record.start : record.end] == "40"

    # A second look at the same text changes nothing and stacks no flags.
    again = reconcile(sheet, extract(V2))
    assert [(f.id, f.text, f.note, f.recheck) for f in again.sheet.figures] == [
        (f.id, f.text, f.note, f.recheck) for f in sheet.figures
    ]

    # Undoing the delete brings the figure back on the new text and forgets the deletion.
    apply_patch(sheet, deleted, undo=True)
    assert words(sheet, "f3") == "40" and sheet.dismissed == []
    later = reconcile(sheet, extract(V2 + " Roads reopened."))
    assert [f.text for f in later.sheet.figures] == ["25", "300", "40"]
    # Redo deletes it again, remembered where it now stands.
    apply_patch(sheet, deleted, undo=False)
    assert [f.text for f in reconcile(sheet, extract(V2)).sheet.figures] == ["25", "300"]


def test_a_deleted_name_stays_deleted_and_its_figures_forget_it() -> None:
    old = extract(V1)
    delete_fact(old, "e1")  # Alice Smith; every figure named her as its source

    merged = reconcile(old, extract("Intro. " + V1))

    assert [e.name for e in merged.sheet.entities] == ["Bob Jones", "Carol King"]
    assert {f.source for f in merged.sheet.figures} == {None}


def test_a_fresh_fact_elsewhere_with_the_same_words_is_not_dismissed() -> None:
    old = extract(TEXT)
    delete_fact(old, "f2")

    merged = reconcile(old, extract(TEXT + " Another 300 families left."))

    assert [f.text for f in merged.sheet.figures] == ["at least 12", "300"]
    assert words(merged.sheet, merged.sheet.figures[1].id) == "300"
    assert merged.sheet.figures[1].start > len(TEXT)


def test_rebase_moves_the_deletions_with_the_text() -> None:
    old = extract(TEXT)
    delete_fact(old, "f2")
    moved = rebase(old, "Intro. " + TEXT)
    (record,) = moved.dismissed
    assert moved.article.text[record.start : record.end] == "300"


def _with_sentences(sheet: FactSheet) -> FactSheet:
    """Give each figure its sentence, as the real extractor does."""
    from newsdesk.core.work.anchors import sentence_around

    for figure in sheet.figures:
        figure.sentence = sentence_around(sheet.article.text, figure.start, figure.end)
    return sheet


def test_a_checked_figure_keeps_its_sentence_through_an_edit_inside_it() -> None:
    """The desk's complaint: type a character in the sentence and the printed context was gone."""
    old = _with_sentences(extract(TEXT))
    set_status(old, "f2", "verified", editor="anna")
    edited = TEXT.replace("Bob Jones said", "Bob Jones then said")

    merged = reconcile(old, _with_sentences(extract(edited))).sheet
    typed_back = reconcile(merged, _with_sentences(extract(TEXT))).sheet

    for sheet in (merged, typed_back):
        figure = next(f for f in sheet.figures if f.status == "verified")
        assert figure.sentence is not None
        start, end = figure.sentence
        assert sheet.article.text[start:end].startswith("Bob Jones")
        assert sheet.article.text[start:end].endswith("families fled.")


def test_moving_a_sheet_onto_typed_text_keeps_the_sentences_of_its_figures() -> None:
    sheet = _with_sentences(extract(TEXT))
    set_status(sheet, "f1", "verified", editor="anna")

    moved = rebase(sheet, TEXT.replace("villages flooded", "villages were flooded"))

    figure = next(f for f in moved.figures if f.id == "f1")
    start, end = figure.sentence or (0, 0)
    assert moved.article.text[start:end] == "Alice Smith said at least 12 villages were flooded."


def test_sentence_around_words_stays_in_their_sentence_and_paragraph() -> None:
    from newsdesk.core.work.anchors import sentence_around

    text = "Headline with 3 words\n\nFirst one. Police said 12 died! Then more.\nNext 4."
    at = text.index("12")
    start, end = sentence_around(text, at, at + 2)
    assert text[start:end] == "Police said 12 died!"
    at = text.index("3 words")
    assert text[slice(*sentence_around(text, at, at + 1))] == "Headline with 3 words"
