"""The undo history of one story: corrections and text edits in the order they were made.

Two kinds of step share one list. A :class:`FactStep` holds the
:class:`~newsdesk.core.work.edits.Patch` of one correction. A :class:`TextStep`
holds one edit of the article text (where, what was removed, what was inserted)
and the fact sheet as it stood just before it, so undoing the edit puts back
that very sheet — every correction exactly as it was — rather than analysing
the old text again. The sheet after the edit is taken when the step is undone
(by then the analysis of the new text may have landed), so redo returns to it
exactly too. Typing merges into one step per run of keys, as in a word processor.

The history only stores steps; :class:`~newsdesk.core.work.session.StorySession`
applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.patches import Patch

DEFAULT_LIMIT = 300  # steps kept; each text step may hold a whole sheet
TextEditKind = Literal["typing", "deletion", "paste", "replace"]


@dataclass
class FactStep:
    """One correction of the facts (its title is in the editor's words).

    A correction made while the sheet still described an earlier text (the
    editor typed, the analysis had not landed) was made on the sheet moved onto
    the text as it is: ``moved_from`` keeps the sheet before the move, and
    ``moved_to`` the moved sheet with the correction, taken when the step is
    undone, so redo returns to it exactly.
    """

    title: str
    patch: Patch
    moved_from: FactSheet | None = None
    moved_to: FactSheet | None = None


@dataclass
class TextStep:
    """One edit of the article text.

    ``start`` and ``removed`` are in the text before the edit; the text after
    it is ``before[:start] + inserted + before[start + len(removed):]``. The
    sheet is left as it was (it describes the earlier text until the analysis
    lands); ``analysed_before`` says whether it was the analysis of the text
    before, so undoing the edit puts back an analysed story, not a stale one.
    """

    kind: TextEditKind
    start: int
    removed: str
    inserted: str
    analysed_before: bool
    open: bool = True  # whether the next key may still merge into this step

    @property
    def title(self) -> str:
        """The kind of edit; the window words it in the editor's language."""
        return self.kind

    def apply(self, text: str) -> str:
        """``text`` (the text before) with this edit made."""
        return text[: self.start] + self.inserted + text[self.start + len(self.removed) :]

    def revert(self, text: str) -> str:
        """``text`` (the text after) with this edit taken back."""
        return text[: self.start] + self.removed + text[self.start + len(self.inserted) :]

    def merge(self, start: int, removed: str, inserted: str) -> bool:
        """Take the next key into this step when it continues it; whether it did.

        Typing continues where the last character went in; Backspace and Delete
        continue from where the last one took a character out. A new line or a
        paste always starts a step of its own.
        """
        if not self.open:
            return False
        typed = not removed and len(inserted) == 1 and inserted != "\n"
        if self.kind == "typing" and typed and start == self.start + len(self.inserted):
            self.inserted += inserted
            return True
        if self.kind == "deletion" and not inserted and len(removed) == 1:
            if start + 1 == self.start:  # Backspace: the character before
                self.start, self.removed = start, removed + self.removed
                return True
            if start == self.start:  # Delete: the character after
                self.removed += removed
                return True
        return False


@dataclass
class AnalysisStep:
    """A fresh analysis taken into the story after a step of the editor's.

    Not an entry of its own in the list the editor sees: it is undone and redone
    with the step before it, so every sheet the story had comes back exactly.
    """

    sheet_before: FactSheet | None
    analysed_before: bool
    sheet_after: FactSheet | None

    @property
    def title(self) -> str:
        return "analysis"


Step: TypeAlias = FactStep | TextStep | AnalysisStep


def text_edit_kind(removed: str, inserted: str) -> TextEditKind:
    """What kind of edit replacing ``removed`` by ``inserted`` is."""
    if len(inserted) == 1:
        return "typing"
    if not inserted:
        return "deletion"
    return "paste" if not removed else "replace"


class History:
    """A bounded list of steps and how many of them are applied (``position``).

    The editor undoes and redoes one of their own steps at a time, together
    with the analyses that landed after it (:meth:`back`, :meth:`forward`); the
    list never starts with an analysis.
    """

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self.steps: list[Step] = []
        self.position = 0

    @property
    def can_undo(self) -> bool:
        return self.position > 0

    @property
    def can_redo(self) -> bool:
        return self.position < len(self.steps)

    @property
    def applied(self) -> list[Step]:
        """The steps in effect now, oldest first."""
        return self.steps[: self.position]

    @property
    def visible(self) -> list[FactStep | TextStep]:
        """The editor's own steps (no analyses), oldest first."""
        return [step for step in self.steps if not isinstance(step, AnalysisStep)]

    @property
    def visible_position(self) -> int:
        """How many of the editor's own steps are applied."""
        return sum(1 for step in self.applied if not isinstance(step, AnalysisStep))

    def last(self) -> Step | None:
        """The newest applied step, when nothing has been undone since (else ``None``)."""
        if self.position == 0 or self.can_redo:
            return None
        return self.steps[-1]

    def push(self, step: Step) -> None:
        """Add ``step`` as the newest; steps undone before it are gone for good."""
        self.truncate()
        self.steps.append(step)
        if len(self.steps) > self.limit:
            del self.steps[: len(self.steps) - self.limit]
            while self.steps and isinstance(self.steps[0], AnalysisStep):
                del self.steps[0]  # its step went: so does the analysis taken after it
        self.position = len(self.steps)

    def truncate(self) -> None:
        """Forget the steps undone (nothing can be redone any more)."""
        del self.steps[self.position :]

    def back(self) -> list[Step]:
        """The steps one undo takes back, newest first (analyses, then the editor's step)."""
        group: list[Step] = []
        while self.position > 0:
            self.position -= 1
            step = self.steps[self.position]
            group.append(step)
            if not isinstance(step, AnalysisStep):
                break
        return group

    def forward(self) -> list[Step]:
        """The steps one redo makes again, oldest first (the editor's step, then analyses)."""
        group: list[Step] = []
        if self.can_redo:
            group.append(self.steps[self.position])
            self.position += 1
            while self.can_redo and isinstance(self.steps[self.position], AnalysisStep):
                group.append(self.steps[self.position])
                self.position += 1
        return group

    def clear(self) -> None:
        self.steps.clear()
        self.position = 0
