"""The desk checks in the story session: run again on every change, verdicts kept, undoable.

The regex analyser of the window tests stands in for spaCy; what is under test
is the session's handling of checks: a verdict is one correction, undone and
redone exactly; checks follow the facts (a correction that removes the
problem removes the check, undo brings it back with its verdict); a fresh
analysis keeps the verdicts by key; saving stores them with the version.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.checks import CheckSettings, EditorWords
from newsdesk.core.sheet.model import Check, Recheck
from newsdesk.core.work import edits
from newsdesk.core.work.edits import EditError
from newsdesk.core.work.session import StorySession
from newsdesk.storage import Store
from tests.gui_helpers import FakeExtractor

ANALYSE = FakeExtractor()
STORY = (
    "Floods cut 40 roads near Lagos\n"
    "\n"
    "LAGOS (Newsdesk Wire) - Floods cut off at least 40 roads, Alice Smith said.\n"
    "\n"
    "Thugs looted 300 shops, Bob Jones said."
)


def analysed(session: StorySession) -> None:
    session.analysis_landed(ANALYSE.extract(session.text, clean=False), session.revision)


def story_session() -> StorySession:
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    return session


def checks_of(session: StorySession) -> list[Check]:
    assert session.sheet is not None
    return session.sheet.checks


def check_of(session: StorySession, kind: str) -> Check:
    return next(c for c in checks_of(session) if c.kind == kind)


def test_an_analysed_story_carries_its_checks() -> None:
    session = story_session()
    assert [(c.kind, c.spans[0].text) for c in checks_of(session)] == [
        ("headline_figure", "40"),
        ("prejudicial_word", "Thugs"),
    ]
    assert all(c.is_open for c in checks_of(session))


def test_dismissing_a_check_is_one_undoable_correction_with_who_and_when() -> None:
    session = story_session()
    seen: list[str] = []
    session.events.checks_changed.connect(lambda: seen.append("checks"))
    word = check_of(session, "prejudicial_word")

    session.correct(
        "Dismiss",
        lambda s: edits.set_check_verdict(
            s, word.id, "dismissed", " The police's word, quoted ", editor="amira"
        ),
    )

    dismissed = check_of(session, "prejudicial_word")
    assert (dismissed.status, dismissed.note, dismissed.checked_by) == (
        "dismissed",
        "The police's word, quoted",
        "amira",
    )
    assert dismissed.checked_at is not None and seen == ["checks"]
    assert [step.title for step in session.history.visible][-1] == "Dismiss"
    assert session.dirty
    session.undo()
    assert check_of(session, "prejudicial_word").is_open
    session.redo()
    assert check_of(session, "prejudicial_word").status == "dismissed"


def test_a_correction_that_removes_the_problem_removes_the_check_and_undo_brings_it_back() -> None:
    session = story_session()
    headline = check_of(session, "headline_figure")
    session.correct(
        "Resolve",
        lambda s: edits.set_check_verdict(s, headline.id, "resolved", "Asked the desk"),
    )
    body = next(f for f in session.sheet.figures if f.text == "at least 40")  # type: ignore[union-attr]

    session.correct(
        "Hedge", lambda s: edits.set_fields(s, body.id, {"qualifier": "exact"}, editor="amira")
    )
    assert "headline_figure" not in [c.kind for c in checks_of(session)]

    session.undo()
    back = check_of(session, "headline_figure")
    assert (back.id, back.status, back.note) == (headline.id, "resolved", "Asked the desk")


def test_a_fresh_analysis_keeps_the_verdicts_by_key() -> None:
    session = story_session()
    word = check_of(session, "prejudicial_word")
    session.correct("Dismiss", lambda s: edits.set_check_verdict(s, word.id, "dismissed", "ok"))

    session.edit_text(session.text + " More roads closed.")
    analysed(session)

    kept = check_of(session, "prejudicial_word")
    assert (kept.id, kept.status, kept.note) == (word.id, "dismissed", "ok")


def test_the_desks_words_change_and_the_checks_follow_without_a_history_step() -> None:
    session = story_session()
    steps = len(session.history.steps)
    seen: list[str] = []
    session.events.checks_changed.connect(lambda: seen.append("checks"))

    session.set_check_settings(CheckSettings.of_editor(EditorWords(ignored=("thugs",))))

    assert [c.kind for c in checks_of(session)] == ["headline_figure"]
    assert seen == ["checks"] and len(session.history.steps) == steps


def test_a_verdict_on_a_check_that_is_gone_or_an_unknown_verdict_is_refused() -> None:
    session = story_session()
    word = check_of(session, "prejudicial_word")
    with pytest.raises(EditError, match="no longer raised"):
        session.correct("x", lambda s: edits.set_check_verdict(s, "c0", "resolved"))
    with pytest.raises(EditError, match="not a verdict"):
        session.correct("x", lambda s: edits.set_check_verdict(s, word.id, "ignored"))


def test_checks_and_verdicts_are_saved_with_the_version(tmp_path: Path) -> None:
    with Store(tmp_path / "desk.db") as store:
        session = story_session()
        word = check_of(session, "prejudicial_word")
        session.correct(
            "Dismiss",
            lambda s: edits.set_check_verdict(s, word.id, "dismissed", "quoted", editor="amira"),
        )
        session.save(store, editor="amira")
        slug = session.story
        assert slug is not None
        saved = store.load_version(slug)
        assert [(c.kind, c.status) for c in saved.checks] == [
            ("headline_figure", "open"),
            ("prejudicial_word", "dismissed"),
        ]

        session.new_story()
        session.open_version(store, slug)

        assert check_of(session, "prejudicial_word").note == "quoted"
        assert not session.dirty


def test_checking_a_changed_figure_answers_its_re_check_and_a_status_alone_changes_nothing() -> (
    None
):
    session = story_session()
    sheet = session.sheet
    assert sheet is not None
    figure = next(f for f in sheet.figures if f.text == "300")
    figure.recheck = Recheck("250")
    session.set_check_settings(CheckSettings())  # run the checks again on the flag
    assert "figure_changed" in [c.kind for c in checks_of(session)]
    other = next(f for f in sheet.figures if f.text == "at least 40")

    patch = session.correct("verify", lambda s: edits.set_status(s, other.id, "verified"))
    assert patch.checks is None  # a status is no news to any check

    patch = session.correct("verify", lambda s: edits.set_status(s, figure.id, "verified"))
    assert patch.checks is not None
    assert "figure_changed" not in [c.kind for c in checks_of(session)]
    session.undo()
    assert "figure_changed" in [c.kind for c in checks_of(session)]
