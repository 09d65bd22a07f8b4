"""Random sequences of an editor's work on the story session, and what must always hold.

A Hypothesis state machine pastes, types and deletes text, analyses it,
checks, corrects, adds, deletes, merges and splits facts, undoes and redoes,
saves, reopens saved versions and starts new stories, on a real SQLite store.
After every step:

- every fact's offsets slice its own words out of the text it describes, and a
  figure's sentence holds the figure;
- a fact the editor checked, corrected, added or noted is never dropped by an
  edit of the text or a fresh analysis (it is there, moved or flagged);
- undoing everything gives back the first sheet exactly, redoing everything
  the last (the sheet as shown on the text: what a save would store);
- a saved version reloads equal to what was saved, and no story's version is
  ever saved under another story.

``make test`` runs a short search; ``make soak`` (``NEWSDESK_SOAK=1``) runs at
least 2,000 sequences.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from newsdesk.core.sheet.model import Entity, FactSheet, Figure, Quote
from newsdesk.core.work import edits
from newsdesk.core.work.session import StorySession
from newsdesk.core.work.values import EditError
from newsdesk.storage import Store
from tests.gui_helpers import FakeExtractor

SOAK = os.environ.get("NEWSDESK_SOAK") == "1"
ANALYSE = FakeExtractor()
SENTENCES = (
    "Floods cut off at least 12 villages, Alice Smith said.",
    "Bob Jones said 300 families fled.",
    "Carol King counted 40 boats on Friday.",
    "Alice Smith said help came late.",
    "At least 7 roads were closed.",
)
HEADLINES = ("Floods cut roads near Lagos", "Quake hits coast", "Boats counted on the river")
STATUSES = ("unverified", "verified", "disputed", "corrected")

stories = st.builds(
    lambda head, body: head + "\n\n" + " ".join(body),
    st.sampled_from(HEADLINES),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
)
typed = st.sampled_from(["x", " ", "1", "9", "Bob ", "\n\n", "said ", "at least "])


def snapshot(session: StorySession) -> tuple[str, dict[str, Any]]:
    """The text and the sheet on it: what the editor sees and what a save would store.

    While the editor types, the session may hold the sheet of an earlier text
    (its analysis pending); it is compared moved onto the text, as it is shown.
    """
    return session.text, session.sheet_for_saving().to_dict()


class SessionMachine(RuleBasedStateMachine):
    """An editor at work on one window's story session (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="newsdesk-states-"))
        self.store = Store(self.folder / "desk.db")
        self.session = StorySession()
        self.first = snapshot(self.session)
        self.last = snapshot(self.session)
        self.story_of: dict[str, int] = {}  # slug -> the story (a number) its versions belong to
        self.current_story = 0
        self.stories_started = 0

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- text ----------------------------------------------------------------------------

    @initialize(text=stories)
    def start(self, text: str) -> None:
        self.new_story(text)

    @rule(text=stories)
    def new_story(self, text: str) -> None:
        self.stories_started += 1
        self.current_story = self.stories_started
        self.session.new_story(text)

    @rule(text=stories, data=st.data())
    def paste(self, text: str, data: st.DataObject) -> None:
        old = self.session.text
        start = data.draw(st.integers(0, len(old)))
        end = data.draw(st.integers(start, len(old)))
        self._edit_text(old[:start] + text + old[end:])

    @rule(words=typed, data=st.data())
    def type(self, words: str, data: st.DataObject) -> None:
        old = self.session.text
        at = data.draw(st.integers(0, len(old)))
        for offset, char in enumerate(words):  # one key at a time, as typing is
            text = self.session.text
            self._edit_text(text[: at + offset] + char + text[at + offset :])

    @precondition(lambda self: len(self.session.text) > 0)
    @rule(data=st.data())
    def delete_text(self, data: st.DataObject) -> None:
        old = self.session.text
        start = data.draw(st.integers(0, len(old) - 1))
        end = data.draw(st.integers(start + 1, min(len(old), start + 30)))
        self._edit_text(old[:start] + old[end:])

    def _edit_text(self, text: str) -> None:
        kept = self._touched()
        self.session.edit_text(text)
        self._still_there(kept)

    @rule()
    def analyse(self) -> None:
        kept = self._touched()
        if self.session.text.strip():
            fresh = ANALYSE.extract(self.session.text, clean=False)
            self.session.analysis_landed(fresh, self.session.revision)
        self._still_there(kept)

    # -- corrections -----------------------------------------------------------------------

    def _facts(self) -> list[Any]:
        sheet = self.session.sheet
        return sheet.facts() if sheet is not None else []

    def _correct(self, title: str, edit: Any) -> None:
        # A refused edit (a fact that is gone, a name merged with itself) changes nothing.
        with contextlib.suppress(EditError):
            self.session.correct(title, edit)

    @precondition(lambda self: bool(self._facts()))
    @rule(data=st.data(), status=st.sampled_from(STATUSES))
    def set_status(self, data: st.DataObject, status: str) -> None:
        fact = data.draw(st.sampled_from(self._facts()))
        self._correct("status", lambda s: edits.set_status(s, fact.id, status, editor="anna"))

    @precondition(lambda self: any(isinstance(f, Figure) for f in self._facts()))
    @rule(data=st.data(), value=st.sampled_from(["13", "25", "1,200", "lots", ""]))
    def correct_value(self, data: st.DataObject, value: str) -> None:
        figures = [f for f in self._facts() if isinstance(f, Figure)]
        fact = data.draw(st.sampled_from(figures))
        self._correct("value", lambda s: edits.set_fields(s, fact.id, {"value": value}))

    @precondition(lambda self: any(isinstance(f, Figure | Quote) for f in self._facts()))
    @rule(data=st.data())
    def correct_fields(self, data: st.DataObject) -> None:
        """A figure's hedge, unit, counted noun or source; a quote's speaker; a name's kind."""
        facts = [f for f in self._facts() if isinstance(f, Figure | Quote | Entity)]
        fact = data.draw(st.sampled_from(facts))
        names = [f.id for f in self._facts() if isinstance(f, Entity)]
        if isinstance(fact, Figure):
            field = data.draw(st.sampled_from(["qualifier", "unit", "counted", "source", "high"]))
            value = data.draw(
                {
                    "qualifier": st.sampled_from(["exact", "about", "at_least", "range"]),
                    "unit": st.sampled_from(["", "km", "USD"]),
                    "counted": st.sampled_from(["", "villages", "families"]),
                    "source": st.sampled_from(["", *names]),
                    "high": st.sampled_from(["", "30", "-"]),
                }[field]
            )
        elif isinstance(fact, Quote):
            field, value = "speaker", data.draw(st.sampled_from(["", *names]))
        else:
            field, value = "label", data.draw(st.sampled_from(["PERSON", "ORG", "GPE", "x"]))
        self._correct("fields", lambda s: edits.set_fields(s, fact.id, {field: value}))

    @precondition(lambda self: bool(self._facts()) and len(self.session.text) > 3)
    @rule(data=st.data())
    def reanchor(self, data: st.DataObject) -> None:
        fact = data.draw(st.sampled_from(self._facts()))
        text = self.session.text
        start = data.draw(st.integers(0, len(text) - 2))
        end = data.draw(st.integers(start + 1, min(len(text), start + 15)))
        self._correct("re-anchor", lambda s: edits.reanchor(s, fact.id, start, end))

    @precondition(lambda self: bool(self._facts()))
    @rule(data=st.data(), note=st.sampled_from(["police figure", "", "checked by phone"]))
    def note(self, data: st.DataObject, note: str) -> None:
        fact = data.draw(st.sampled_from(self._facts()))
        self._correct("note", lambda s: edits.set_fields(s, fact.id, {"note": note}))

    @precondition(lambda self: self.session.sheet is not None and len(self.session.text) > 3)
    @rule(data=st.data(), kind=st.sampled_from(["entity", "figure", "date", "quote"]))
    def add(self, data: st.DataObject, kind: str) -> None:
        text = self.session.text
        start = data.draw(st.integers(0, len(text) - 2))
        end = data.draw(st.integers(start + 1, min(len(text), start + 20)))
        self._correct("add", lambda s: edits.add_fact(s, kind, start, end, editor="anna"))

    @precondition(lambda self: bool(self._facts()))
    @rule(data=st.data())
    def delete_fact(self, data: st.DataObject) -> None:
        fact = data.draw(st.sampled_from(self._facts()))
        self._correct("delete", lambda s: edits.delete_fact(s, fact.id))

    @precondition(lambda self: sum(isinstance(f, Entity) for f in self._facts()) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        names = [f for f in self._facts() if isinstance(f, Entity)]
        keep, other = data.draw(st.lists(st.sampled_from(names), min_size=2, max_size=2))
        self._correct("merge", lambda s: edits.merge_entities(s, keep.id, other.id))

    @precondition(
        lambda self: any(isinstance(f, Entity) and len(f.mentions) > 1 for f in self._facts())
    )
    @rule(data=st.data())
    def split(self, data: st.DataObject) -> None:
        names = [f for f in self._facts() if isinstance(f, Entity) and len(f.mentions) > 1]
        entity = data.draw(st.sampled_from(names))
        index = data.draw(st.integers(0, len(entity.mentions) - 1))
        self._correct("split", lambda s: edits.split_mention(s, entity.id, index))

    # -- history -------------------------------------------------------------------------

    @rule()
    def undo(self) -> None:
        self.session.undo()

    @rule()
    def redo(self) -> None:
        self.session.redo()

    @rule()
    def undo_everything_then_redo_everything(self) -> None:
        while self.session.undo():
            pass
        assert snapshot(self.session) == self.first
        while self.session.redo():
            pass
        assert snapshot(self.session) == self.last

    # -- disk ------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.session.text.strip()))
    @rule()
    def save(self) -> None:
        before = self.session.story
        saving = self.session.sheet_for_saving().to_dict()
        info = self.session.save(self.store, editor="anna", message="")
        slug = self.session.story
        assert slug is not None
        if before is None:
            assert slug not in self.story_of, "a new story saved over an old one"
            self.story_of[slug] = self.current_story
        assert self.story_of[slug] == self.current_story, "saved under another story"
        assert self.store.load_version(slug, info.number).to_dict() == saving

    @precondition(lambda self: bool(self.story_of))
    @rule(data=st.data())
    def open_saved(self, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(self.story_of)))
        numbers = [v.number for v in self.store.versions(slug)]
        number = data.draw(st.sampled_from(numbers))
        self.session.open_version(self.store, slug, number)
        self.current_story = self.story_of[slug]
        assert self.session.sheet == self.store.load_version(slug, number)

    # -- what always holds ---------------------------------------------------------------

    def _touched(self) -> set[str]:
        return {f.id for f in self._facts() if f.is_touched()}

    def _still_there(self, touched: set[str]) -> None:
        sheet = self.session.sheet
        present = {f.id for f in sheet.facts()} if sheet is not None else set()
        assert touched <= present, f"the editor's facts {touched - present} were dropped"

    @invariant()
    def spans_slice_their_own_words(self) -> None:
        sheet: FactSheet | None = self.session.sheet
        if sheet is None:
            return
        text = sheet.article.text
        for fact in sheet.facts():
            if isinstance(fact, Entity):
                for mention in fact.mentions:
                    if mention.end > mention.start:
                        assert text[mention.start : mention.end] == mention.text
                continue
            if fact.end > fact.start:
                assert text[fact.start : fact.end] == fact.text, fact
            if isinstance(fact, Figure) and fact.sentence is not None and fact.end > fact.start:
                start, end = fact.sentence
                assert 0 <= start <= fact.start and fact.end <= end <= len(text), fact

    @invariant()
    def remember_the_ends_of_the_history(self) -> None:
        history = self.session.history
        if history.position == 0:
            self.first = snapshot(self.session)
        if history.position == len(history.steps):
            self.last = snapshot(self.session)


SessionMachine.TestCase.settings = settings(
    max_examples=2000 if SOAK else 25,
    stateful_step_count=40 if SOAK else 20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestSessionStates = SessionMachine.TestCase
