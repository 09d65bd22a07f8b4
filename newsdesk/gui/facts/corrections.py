"""Every correction the editor makes to the facts, undoable on one ``QUndoStack``.

:class:`CorrectionController` is the window's only way to change a fact. Each
public method (status, fields, add, delete, merge, split, re-anchor) runs the
matching pure function of :mod:`newsdesk.core.work.edits` on the current sheet,
pushes a :class:`~newsdesk.gui.facts.commands.FactCommand` holding its patch, and
repaints only what changed: the facts' rows and the blocks of text their
highlights cover. A refused edit changes nothing and says why, under the facts
tree and in the status bar.

The same stack also holds the article's text edits (one
:class:`~newsdesk.gui.facts.commands.TextEditCommand` per step of the document's
own undo history), so Undo walks back through both in the order they happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from newsdesk.core.output.wording import fact_value, sheet_counts
from newsdesk.core.sheet.kinds import group_of
from newsdesk.core.sheet.model import Entity, FactSheet
from newsdesk.core.work import edits
from newsdesk.core.work.patches import Patch, apply_patch
from newsdesk.core.work.reconcile import rebase
from newsdesk.core.work.values import EditError
from newsdesk.gui import kinds
from newsdesk.gui.article.highlighter import sheet_spans
from newsdesk.gui.article.offsets import OffsetMap
from newsdesk.gui.facts.commands import FactCommand, TextEditCommand
from newsdesk.gui.facts.facts_model import status_text
from newsdesk.gui.preferences import Preferences

if TYPE_CHECKING:
    from newsdesk.gui.main_window import MainWindow

log = logging.getLogger(__name__)

# The kinds of fact the editor can add from a selection: (kind, entity label).
ADD_KINDS: dict[str, tuple[str, str]] = {
    "person": ("entity", "PERSON"),
    "organisation": ("entity", "ORG"),
    "place": ("entity", "GPE"),
    "group": ("entity", "NORP"),
    "figure": ("figure", ""),
    "date": ("date", ""),
    "quote": ("quote", ""),
}


class CorrectionController(QObject):
    """Makes, undoes and redoes the editor's corrections (see the module docstring).

    ``ask_editor_name(default) -> str | None`` is asked once, the first time a
    check needs a name and the preferences have none; scripts may replace it.

    Signals: ``edit_refused(str)`` — an edit was refused, with the reason;
    ``facts_changed(frozenset)`` — the ids of facts an edit, undo or redo changed.
    """

    edit_refused = Signal(str)
    facts_changed = Signal(frozenset)

    def __init__(self, window: MainWindow, preferences: Preferences) -> None:
        super().__init__(window)
        self.window = window
        self.preferences = preferences
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.ask_editor_name: Callable[[str], str | None] = self._ask_editor_name
        self._asked = False
        self._offsets: tuple[str, OffsetMap] | None = None
        editor = window.editor
        editor.document().undoCommandAdded.connect(self._text_edited)
        editor.undo_requested.connect(self.undo_stack.undo)
        editor.redo_requested.connect(self.undo_stack.redo)
        editor.describe_fact = self.describe
        window.facts_panel.model.edit_handler = self._cell_edited
        if preferences.editor_name:
            window.editor_name = preferences.editor_name

    # -- who ------------------------------------------------------------------------------

    def editor_name(self) -> str:
        """The name checks are signed with (asked once when the preferences have none)."""
        name = self.preferences.editor_name
        if not name and not self._asked:
            self._asked = True
            answer = self.ask_editor_name(self.window.editor_name)
            if answer and answer.strip():
                self.preferences.set_editor_name(answer)
                name = answer.strip()
        name = name or self.window.editor_name
        self.window.editor_name = name
        return name

    def _ask_editor_name(self, default: str) -> str | None:
        focused = QApplication.focusWidget()
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("Your name"),
            self.tr("Your name, shown with the facts you check:"),
            QLineEdit.EchoMode.Normal,
            default,
        )
        # Give the keyboard back to where the editor was working (the facts list
        # in a verification pass), so the next key lands there.
        self.window.activateWindow()
        if focused is not None:
            focused.setFocus()
        return name if ok else None

    # -- the corrections ------------------------------------------------------------------

    def set_status(self, fact_id: str, status: str) -> bool:
        """Mark one fact unverified, verified, disputed or corrected."""
        title = self.tr("Mark %s %s") % (self._name(fact_id), status_text(status))
        return self._perform(
            title,
            lambda sheet: edits.set_status(sheet, fact_id, status, editor=self.editor_name()),
        )

    def edit_fields(self, fact_id: str, values: dict[str, object]) -> bool:
        """Set fields of one fact from what the editor typed; refused values change nothing."""
        if not values:
            return True
        fields = ", ".join(values)
        return self._perform(
            self.tr("Edit %s of %s") % (fields, self._name(fact_id)),
            lambda sheet: edits.set_fields(sheet, fact_id, values, editor=self.editor_name()),
        )

    def delete(self, fact_id: str) -> bool:
        return self._perform(
            self.tr("Delete %s") % self._name(fact_id),
            lambda sheet: edits.delete_fact(sheet, fact_id),
        )

    def add(self, kind: str, start: int, end: int) -> str | None:
        """Add a fact of ``kind`` (see :data:`ADD_KINDS`) over Python indices of the text."""
        fact_kind, label = ADD_KINDS[kind]
        patch = self._perform_patch(
            self.tr("Add %s") % kind,
            lambda sheet: edits.add_fact(
                sheet, fact_kind, start, end, label=label or "PERSON", editor=self.editor_name()
            ),
            needs_text=True,
        )
        return patch.created if patch else None

    def add_from_selection(self, kind: str) -> str | None:
        """Add a fact of ``kind`` over the words selected in the text, and select it."""
        selection = self.window.editor.python_selection()
        if selection is None:
            self.refuse(self.tr("Select the words of the fact in the text first."))
            return None
        created = self.add(kind, *selection)
        if created:
            self.window.facts_panel.select_fact(created)
        return created

    def merge(self, keep_id: str, other_id: str, name: str | None = None) -> bool:
        """Merge entity ``other_id`` into ``keep_id`` (mentions join), called ``name``."""
        return self._perform(
            self.tr("Merge %s into %s") % (self._name(other_id), self._name(keep_id)),
            lambda sheet: edits.merge_entities(
                sheet, keep_id, other_id, name=name, editor=self.editor_name()
            ),
        )

    def split(self, entity_id: str, mention_index: int) -> str | None:
        """Take one mention of an entity out into a new entity; its id."""
        patch = self._perform_patch(
            self.tr("Split a mention out of %s") % self._name(entity_id),
            lambda sheet: edits.split_mention(
                sheet, entity_id, mention_index, editor=self.editor_name()
            ),
            needs_text=True,
        )
        return patch.created if patch else None

    def split_at_caret(self, entity_id: str) -> str | None:
        """Split off the mention of ``entity_id`` the caret is on."""
        index = self.mention_at(entity_id, self.window.editor.python_caret())
        if index is None:
            self.refuse(self.tr("Put the caret on the mention to split off first."))
            return None
        return self.split(entity_id, index)

    def reanchor_to_selection(self, fact_id: str) -> bool:
        """Point a fact (or the lost or nearest mention of a name) at the selected words."""
        selection = self.window.editor.python_selection()
        if selection is None:
            self.refuse(self.tr("Select the fact's words in the text first."))
            return False
        return self._perform(
            self.tr("Re-anchor %s") % self._name(fact_id),
            lambda sheet: edits.reanchor(sheet, fact_id, *selection, editor=self.editor_name()),
            needs_text=True,
        )

    def mention_at(self, entity_id: str, index: int) -> int | None:
        """Which mention of ``entity_id`` covers Python ``index`` of the text, if any."""
        sheet = self._sheet(needs_text=True)
        fact = sheet.find(entity_id) if sheet is not None else None
        if not isinstance(fact, Entity):
            return None
        return next(
            (
                i
                for i, m in enumerate(fact.mentions)
                if m.start <= index <= m.end and m.end > m.start
            ),
            None,
        )

    def reset(self) -> None:
        """A new story: forget the undo history."""
        self.undo_stack.clear()

    def refuse(self, message: str) -> None:
        """Say why an edit was not made (under the tree and in the status bar)."""
        self.window.facts_panel.show_message(message)
        self.window.statusBar().showMessage(message, 8000)
        self.edit_refused.emit(message)

    def describe(self, fact_id: str) -> str:
        """What hovering a highlight shows: the fact's kind, value and status."""
        sheet = self.window.current_sheet
        fact = sheet.find(fact_id) if sheet is not None else None
        if fact is None:
            return ""
        value = fact_value(fact) if not isinstance(fact, Entity) else fact.label
        parts = [kinds.group_title(group_of(fact)), fact.title]
        parts += [value] if value and value != fact.title else []
        parts.append(status_text(fact.status))
        return " · ".join(parts)

    # -- applying --------------------------------------------------------------------------

    def apply(self, patch: Patch, *, undo: bool) -> None:
        """Put one side of ``patch`` into the current sheet and repaint (undo and redo)."""
        sheet = self.window.current_sheet
        if sheet is None:
            return
        apply_patch(sheet, patch, undo=undo)
        self._refresh(patch)

    def _perform(
        self, title: str, edit: Callable[[FactSheet], Patch], *, needs_text: bool = False
    ) -> bool:
        return self._perform_patch(title, edit, needs_text=needs_text) is not None

    def _perform_patch(
        self, title: str, edit: Callable[[FactSheet], Patch], *, needs_text: bool = False
    ) -> Patch | None:
        sheet = self._sheet(needs_text=needs_text)
        if sheet is None:
            self.refuse(self.tr("There are no facts to correct until the story is analysed."))
            return None
        try:
            patch = edit(sheet)
        except EditError as error:
            self.refuse(str(error))
            return None
        self.window.facts_panel.show_message("")
        if patch.changed_ids:
            self.undo_stack.push(FactCommand(title, patch, self))
            self._refresh(patch)
        return patch

    def _sheet(self, *, needs_text: bool) -> FactSheet | None:
        """The current sheet; when offsets matter, first moved onto the text as it is now."""
        sheet = self.window.current_sheet
        if sheet is None or not needs_text:
            return sheet
        text = self.window.editor.toPlainText()
        if sheet.article.text != text:
            sheet = rebase(sheet, text)
            self.window.replace_sheet(sheet)
        return sheet

    def _refresh(self, patch: Patch) -> None:
        window = self.window
        sheet = window.current_sheet
        if sheet is None:
            return
        text = window.editor.toPlainText()
        ids = patch.changed_ids
        if sheet.article.text != text:
            window.replace_sheet(rebase(sheet, text))
        else:
            window.facts_panel.refresh_facts(ids)
            spans = sheet_spans(sheet, ids, self._offset_map(text))
            window.editor.highlighter.replace_facts(ids, spans)
            window.counts_label.setText(sheet_counts(sheet))
        window.set_modified(True)
        window.actions_.update(window)
        self.facts_changed.emit(ids)

    def _offset_map(self, text: str) -> OffsetMap:
        if self._offsets is None or self._offsets[0] != text:
            self._offsets = (text, OffsetMap(text))
        return self._offsets[1]

    def _name(self, fact_id: str) -> str:
        sheet = self.window.current_sheet
        fact = sheet.find(fact_id) if sheet is not None else None
        if fact is None:
            return fact_id
        title = fact.title
        return f"“{title[:40]}…”" if len(title) > 40 else f"“{title}”"

    # -- the model's cells and the document ---------------------------------------------------

    def _cell_edited(self, fact_id: str, field: str, value: object) -> bool:
        if field == "status":
            return self.set_status(fact_id, str(value))
        return self.edit_fields(fact_id, {field: value})

    @Slot()
    def _text_edited(self) -> None:
        self.undo_stack.push(TextEditCommand(self.tr("Edit text"), self.window.editor.document()))
