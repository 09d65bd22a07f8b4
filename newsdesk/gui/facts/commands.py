"""The undo commands: fact corrections and text edits on the window's one ``QUndoStack``.

:class:`FactCommand` wraps a :class:`~newsdesk.core.work.patches.Patch` (the facts
before and after one correction); its target puts either side back into the
current sheet and repaints. :class:`TextEditCommand` stands for one step of the
article document's own undo history, so text edits and fact corrections are
undone in the order the editor made them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QTextDocument, QUndoCommand

from newsdesk.core.work.patches import Patch


class PatchTarget(Protocol):
    """Whoever applies patches to the window's current sheet."""

    def apply(self, patch: Patch, *, undo: bool) -> None: ...


class FactCommand(QUndoCommand):
    """One correction of the facts; pushed after it has been made (the first redo is a no-op)."""

    def __init__(self, text: str, patch: Patch, target: PatchTarget) -> None:
        super().__init__(text)
        self.patch = patch
        self._target = target
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # QUndoStack.push calls redo; the edit is already made
            return
        self._target.apply(self.patch, undo=False)

    def undo(self) -> None:
        self._target.apply(self.patch, undo=True)


class TextEditCommand(QUndoCommand):
    """One undo step of the article document (typing, paste, replacing the text)."""

    def __init__(self, text: str, document: QTextDocument) -> None:
        super().__init__(text)
        self._document = document
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the document made this edit itself
            return
        self._document.redo()

    def undo(self) -> None:
        self._document.undo()
