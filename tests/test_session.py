"""The story session without a window: text, analysis, corrections, exact undo, saving.

A simple regex analyser stands in for spaCy; the rules under test are the
session's own: stale analyses are dropped, every correction is one step, and
undoing a text edit puts back the very sheet that stood before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.sheet.model import Entity, FactSheet, Quote
from newsdesk.core.work import edits
from newsdesk.core.work.edits import EditError
from newsdesk.core.work.session import StorySession
from newsdesk.storage import Store
from tests.gui_helpers import STORY, FakeExtractor

ANALYSE = FakeExtractor()


def analysed(session: StorySession) -> None:
    """Analyse the session's text as the window's worker would, and hand it back."""
    session.analysis_landed(ANALYSE.extract(session.text, clean=False), session.revision)


def typed(session: StorySession, at: int, words: str) -> None:
    """Type ``words`` one key at a time at Python index ``at``."""
    for offset, char in enumerate(words):
        text = session.text
        session.edit_text(text[: at + offset] + char + text[at + offset :])


def test_typing_is_one_step_and_undo_gives_back_the_text_and_the_sheet() -> None:
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    before = session.sheet
    session.correct("verify", lambda s: edits.set_status(s, "f1", "verified", editor="amira"))

    typed(session, len(STORY), " More news.")

    assert [step.title for step in session.history.visible] == ["paste", "verify", "typing"]
    session.undo()
    assert session.text == STORY
    assert session.sheet is before and session.in_sync
    assert session.sheet.find("f1").status == "verified"  # type: ignore[union-attr]


def test_a_stale_analysis_is_dropped() -> None:
    session = StorySession()
    session.replace_text("Alice Smith saw 5 ships")
    stale = ANALYSE.extract(session.text, clean=False)
    revision = session.revision
    session.replace_text("Bob Jones saw 7 planes")

    assert session.analysis_landed(stale, revision) is None
    assert session.sheet is None and not session.in_sync


def test_an_analysis_merged_elsewhere_keeps_a_correction_made_meanwhile() -> None:
    """The window merges on its worker; a fact verified while that ran is not lost."""
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    typed(session, len(STORY), " Carol King said 40 boats came.")
    landing = session.merge(ANALYSE.extract(session.text, clean=False), session.revision)
    session.correct("verify", lambda s: edits.set_status(s, "f1", "verified", editor="amira"))

    assert session.needs_merge(landing) and not session.is_stale(landing)
    session.take(landing)

    assert session.in_sync
    assert session.sheet is not None and session.sheet.find("f1").status == "verified"  # type: ignore[union-attr]
    assert "Carol King" in [e.name for e in session.sheet.entities]


def test_a_merged_analysis_of_older_text_is_not_taken() -> None:
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    before = session.sheet
    landing = session.merge(ANALYSE.extract(STORY + " Carol King", clean=False), session.revision)
    typed(session, len(STORY), " Carol")

    assert session.take(landing) is None
    assert session.sheet is before and not session.in_sync


def test_the_sheet_shown_while_typing_is_moved_elsewhere_and_kept_only_if_current() -> None:
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    typed(session, 0, "URGENT ")
    stale = session.moving()
    typed(session, 0, "X")  # the text moves on before the worker is back
    assert stale is not None and not session.keep_moved(stale, stale.run())

    moving = session.moving()
    assert moving is not None
    moved = moving.run()  # as the checks panel's worker does
    assert session.keep_moved(moving, moved)
    assert session.shown_sheet() is moved and session.moving() is None
    assert moved.find("f1").start == session.sheet.find("f1").start + 8  # type: ignore[union-attr]


def test_undoing_a_paste_over_the_story_restores_every_correction_exactly() -> None:
    """The desk's complaint: after undoing a paste, a corrected speaker and source were gone."""
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    sheet = session.sheet
    assert sheet is not None
    alice = next(e for e in sheet.entities if e.name == "Alice Smith")
    session.correct(
        "source", lambda s: edits.set_fields(s, "f1", {"source": alice.id}, editor="amira")
    )
    session.correct(
        "quote",
        lambda s: edits.add_fact(s, "quote", STORY.index("help"), len(STORY), editor="amira"),
    )
    quote_id = next(q.id for q in session.sheet.quotes)  # type: ignore[union-attr]
    session.correct(
        "speaker", lambda s: edits.set_fields(s, quote_id, {"speaker": alice.id}, editor="amira")
    )
    corrected = session.sheet.to_dict()  # type: ignore[union-attr]

    session.replace_text("Quake hits coast\n\nA quake killed 40 people, Carol King said.")
    analysed(session)
    assert session.sheet is not None
    assert [q.anchor_lost for q in session.sheet.quotes] == [True]  # kept, its words gone

    session.undo()

    assert session.text == STORY
    assert session.sheet.to_dict() == corrected
    restored = session.sheet
    assert isinstance(restored.quotes[0], Quote) and restored.quotes[0].speaker == alice.id
    assert restored.figures[0].source == alice.id
    session.redo()
    assert "Carol King" in [e.name for e in session.sheet.entities]


def test_a_correction_while_the_text_changes_leaves_the_sheet_before_untouched() -> None:
    session = StorySession()
    session.replace_text(STORY)
    analysed(session)
    before = session.sheet.to_dict()  # type: ignore[union-attr]
    typed(session, 0, "Update: ")

    session.correct("verify", lambda s: edits.set_status(s, "f2", "verified", editor="amira"))

    assert session.sheet is not None and session.sheet.article.text == session.text
    session.undo()  # the correction
    session.undo()  # the typing
    assert session.text == STORY and session.sheet.to_dict() == before  # type: ignore[union-attr]


def test_a_refused_correction_changes_nothing() -> None:
    session = StorySession()
    with pytest.raises(EditError, match="analysed"):
        session.correct("x", lambda s: edits.set_status(s, "f1", "verified"))
    session.replace_text(STORY)
    analysed(session)
    steps = len(session.history.steps)
    with pytest.raises(EditError):
        session.correct("x", lambda s: edits.set_fields(s, "f1", {"value": "lots"}))
    assert len(session.history.steps) == steps


def test_events_tell_views_what_changed() -> None:
    session = StorySession()
    seen: list[str] = []
    for name in ("text_replaced", "text_changed", "sheet_replaced", "facts_changed", "saved"):
        getattr(session.events, name).connect(lambda *args, n=name: seen.append(n))
    session.replace_text(STORY)
    assert seen == ["text_replaced", "text_changed"]
    seen.clear()
    analysed(session)
    session.correct("verify", lambda s: edits.set_status(s, "f1", "verified"))
    assert seen == ["sheet_replaced", "facts_changed"]
    seen.clear()
    session.undo()
    assert seen == ["facts_changed"]


def test_saving_and_opening_keep_stories_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "desk.db") as store:
        session = StorySession()
        session.replace_text(STORY)
        analysed(session)
        first = session.save(store, editor="amira", message="first")
        assert (session.story, first.number, session.dirty) == (
            "floods-cut-roads-near-lagos",
            1,
            False,
        )

        session.new_story("Quake hits coast\n\nA quake killed 40 people.")
        analysed(session)
        assert session.story is None and not session.history.can_undo
        quake = session.save(store, editor="amira")

        assert session.story != "floods-cut-roads-near-lagos" and quake.number == 1
        session.open_version(store, "floods-cut-roads-near-lagos")
        assert session.text == STORY and session.in_sync and not session.dirty
        saved = store.load_version("floods-cut-roads-near-lagos")
        assert isinstance(session.sheet, FactSheet) and session.sheet == saved
        assert [e.name for e in session.sheet.entities if isinstance(e, Entity)] == [
            "Alice Smith",
            "Bob Jones",
        ]
