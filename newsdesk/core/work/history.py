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
    """One correction of the facts (its title is in the editor's words)."""

    title: str
    patch: Patch


@dataclass
class TextStep:
    """One edit of the article text, with the sheet before it (and after it, once undone).

    ``start`` and ``removed`` are in the text before the edit; the text after
    it is ``before[:start] + inserted + before[start + len(removed):]``.
    """

    kind: TextEditKind
    start: int
    removed: str
    inserted: str
    sheet_before: FactSheet | None
    analysed_before: bool  # whether sheet_before was the analysis of the text before
    sheet_after: FactSheet | None = None
    analysed_after: bool = False
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


Step: TypeAlias = FactStep | TextStep


def text_edit_kind(removed: str, inserted: str) -> TextEditKind:
    """What kind of edit replacing ``removed`` by ``inserted`` is."""
    if len(inserted) == 1:
        return "typing"
    if not inserted:
        return "deletion"
    return "paste" if not removed else "replace"


class History:
    """A bounded list of steps and how many of them are applied (``position``)."""

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

    def last(self) -> Step | None:
        """The newest applied step, when nothing has been undone since (else ``None``)."""
        if self.position == 0 or self.can_redo:
            return None
        return self.steps[-1]

    def push(self, step: Step) -> None:
        """Add ``step`` as the newest; steps undone before it are gone for good."""
        del self.steps[self.position :]
        self.steps.append(step)
        if len(self.steps) > self.limit:
            del self.steps[: len(self.steps) - self.limit]
        self.position = len(self.steps)

    def back(self) -> Step | None:
        """The step to undo (and move before it), or ``None``."""
        if not self.can_undo:
            return None
        self.position -= 1
        return self.steps[self.position]

    def forward(self) -> Step | None:
        """The step to redo (and move after it), or ``None``."""
        if not self.can_redo:
            return None
        self.position += 1
        return self.steps[self.position - 1]

    def clear(self) -> None:
        self.steps.clear()
        self.position = 0

    def holds_before(self, sheet: FactSheet) -> bool:
        """Whether an applied text step keeps ``sheet`` as the sheet before it.

        Such a sheet must not be changed in place by a new correction, or
        undoing the text edit would no longer give it back as it was.
        """
        return any(
            isinstance(step, TextStep) and step.sheet_before is sheet for step in self.applied
        )
