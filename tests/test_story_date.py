"""The story date: explicit on the sheet, set by the editor as one undoable correction."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from newsdesk.core.output.render import meta_line
from newsdesk.core.output.wording import (
    needs_first_check,
    source_display,
    speaker_unknown,
    story_date_line,
)
from newsdesk.core.sheet.model import (
    Article,
    DateBasis,
    DateFact,
    Entity,
    FactSheet,
    Figure,
    Mention,
    Quote,
)
from newsdesk.core.work.edits import set_fields, set_status
from newsdesk.core.work.reconcile import reconcile
from newsdesk.core.work.session import StorySession
from newsdesk.core.work.story_date import set_story_date

TEXT = "Strikes\n\nJets struck on Friday and will return next Monday, Kerry said."


def dated_sheet() -> FactSheet:
    friday = TEXT.index("Friday")
    monday = TEXT.index("next Monday")
    return FactSheet(
        article=Article(text=TEXT, headline="Strikes", date_basis=DateBasis("2026-12-05", "today")),
        dates=[
            DateFact("d1", "Friday", friday, friday + 6, value="2026-12-04"),
            DateFact("d2", "next Monday", monday, monday + 11, value="2026-12-07"),
        ],
    )


def test_setting_the_story_date_resolves_every_date_again_and_keeps_checks() -> None:
    sheet = dated_sheet()
    set_status(sheet, "d1", "verified", editor="ana")
    patch = set_story_date(sheet, "2015-09-25")
    assert [d.value for d in sheet.dates] == ["2015-09-25", "2015-09-28"]
    assert sheet.dates[0].status == "verified"
    assert sheet.article.date_basis == DateBasis("2015-09-25", "editor")
    assert patch.changes_anything


def test_a_date_the_editor_corrected_keeps_its_value() -> None:
    sheet = dated_sheet()
    set_fields(sheet, "d1", {"value": "2015-01-02"})
    set_story_date(sheet, "2015-09-25")
    assert sheet.dates[0].value == "2015-01-02"


def test_the_story_date_is_one_undoable_step_of_the_session() -> None:
    session = StorySession()
    session.new_story(TEXT)
    session.analysis_landed(dated_sheet(), session.revision)
    session.correct("Set story date", lambda s: set_story_date(s, "2015-09-25"))
    assert session.sheet is not None and session.sheet.dates[0].value == "2015-09-25"
    assert session.undo()
    assert session.sheet.dates[0].value == "2026-12-04"
    assert session.sheet.article.date_basis == DateBasis("2026-12-05", "today")
    assert session.redo()
    assert session.sheet.article.date_basis == DateBasis("2015-09-25", "editor")


def test_a_story_date_set_without_any_dates_is_still_a_step() -> None:
    session = StorySession()
    session.new_story(TEXT)
    sheet = dated_sheet()
    sheet.dates.clear()
    session.analysis_landed(sheet, session.revision)
    session.correct("Set story date", lambda s: set_story_date(s, "2015-09-25"))
    assert session.can_undo


def test_the_editors_story_date_outlives_re_analysis() -> None:
    old = dated_sheet()
    set_story_date(old, "2015-09-25")
    merged = reconcile(old, dated_sheet()).sheet
    assert merged.article.date_basis == DateBasis("2015-09-25", "editor")
    assert [d.value for d in merged.dates] == ["2015-09-25", "2015-09-28"]


def test_the_printed_sheet_states_what_dates_count_from() -> None:
    sheet = dated_sheet()
    assert "the copy gives no story date" in meta_line(sheet, None, None, None)
    sheet.article.date_basis = DateBasis("2015-09-25", "dateline")
    assert story_date_line(sheet) == "Dates relative to Fri 25 Sep 2015 — from the dateline"
    assert story_date_line(sheet) in meta_line(sheet, None, None, None)


def test_how_a_speaker_was_found_is_worded_for_the_editor() -> None:
    kerry = Entity("e1", "PERSON", "John Kerry", [Mention(0, 5, "Kerry")])
    he = Mention(60, 62, "he")
    quotes = [
        Quote("q1", "a", 0, 1, speaker="e1", speaker_mention=he, speaker_basis="pronoun"),
        Quote("q2", "b", 2, 3, speaker="e1", speaker_mention=he, speaker_basis="continuation"),
        Quote("q3", "c", 4, 5, speaker="e1", speaker_basis="inferred"),
        Quote("q4", "d", 6, 7),
    ]
    figure = Figure("f1", "12", 8, 10, source_text="according to police", source_basis="named")
    sheet = FactSheet(Article(TEXT), entities=[kerry], quotes=quotes, figures=[figure])
    shown = [source_display(q, sheet) for q in quotes]
    assert shown == [
        "he → John Kerry",
        "John Kerry (continues the quote above)",
        "John Kerry (inferred — check)",
        "speaker unknown",
    ]
    assert [needs_first_check(q) for q in quotes] == [False, False, True, False]
    assert [speaker_unknown(q) for q in quotes] == [False, False, False, True]
    assert source_display(figure, sheet) == "according to police"
    set_fields(sheet, "q4", {"speaker": "e1"})
    assert source_display(quotes[3], sheet) == "John Kerry"
    assert not speaker_unknown(quotes[3])


def test_the_story_date_bar_says_where_the_date_came_from_and_sets_it(qtbot: QtBot) -> None:
    from newsdesk.gui.article.story_date_bar import StoryDateBar

    session = StorySession()
    bar = StoryDateBar(session)
    qtbot.addWidget(bar)
    assert not bar.set_button.isEnabled()
    session.new_story(TEXT)
    session.analysis_landed(dated_sheet(), session.revision)
    assert bar.label.text() == "Dates relative to today — set the story date"
    from PySide6.QtCore import QDate

    bar.date_edit.setDate(QDate(2015, 9, 25))
    assert bar.apply()
    assert bar.label.text() == "Dates relative to Fri 25 Sep 2015 — from the editor"
    assert session.sheet is not None and session.sheet.dates[0].value == "2015-09-25"
    session.undo()
    assert bar.label.text() == "Dates relative to today — set the story date"
