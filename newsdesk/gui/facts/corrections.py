"""Every correction the editor makes to the facts, as one undoable step of the story session.

:class:`CorrectionController` is the window's only way to change a fact. Each
public method (status, fields, add, delete, merge, split, re-anchor) hands the
matching pure function of :mod:`newsdesk.core.work.edits` to
:meth:`StorySession.correct <newsdesk.core.work.session.StorySession.correct>`,
which makes it one step of the history and announces which facts changed; the
window repaints from that announcement. A refused edit changes nothing and says
why, under the facts tree and in the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from newsdesk.core.output.wording import fact_value
from newsdesk.core.sheet.kinds import group_of
from newsdesk.core.sheet.model import Entity, FactSheet
from newsdesk.core.work import edits
from newsdesk.core.work.learning import Correction
from newsdesk.core.work.patches import Patch
from newsdesk.core.work.session import StorySession
from newsdesk.core.work.values import EditError
from newsdesk.gui import kinds
from newsdesk.gui.article.article_editor import ArticleEditor
from newsdesk.gui.facts.facts_model import status_text
from newsdesk.gui.facts.facts_panel import FactsPanel
from newsdesk.gui.notices import Notices
from newsdesk.gui.signature import Signature

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
    """Makes the editor's corrections on the session (see the module docstring).

    Signals: ``edit_refused(str)`` — an edit was refused, with the reason.
    """

    edit_refused = Signal(str)

    def __init__(
        self,
        session: StorySession,
        editor: ArticleEditor,
        facts_panel: FactsPanel,
        signature: Signature,
        notices: Notices,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.signature = signature
        self._editor = editor
        self._panel = facts_panel
        self._notices = notices
        editor.describe_fact = self.describe
        facts_panel.model.edit_handler = self._cell_edited
        # Told of every correction of a name that the house register can learn from:
        # (correction, patch); the window wires the register's recorder here.
        self.recorder: Callable[[Correction, Patch], None] | None = None

    # -- the corrections ------------------------------------------------------------------

    def set_status(self, fact_id: str, status: str) -> bool:
        """Mark one fact unverified, verified, disputed or corrected."""
        title = self.tr("Mark %s %s") % (self._name(fact_id), status_text(status))
        return self._perform(
            title,
            lambda sheet: edits.set_status(sheet, fact_id, status, editor=self.signature.name()),
        )

    def edit_fields(self, fact_id: str, values: dict[str, object]) -> bool:
        """Set fields of one fact from what the editor typed; refused values change nothing."""
        if not values:
            return True
        fields = ", ".join(values)
        patch = self._perform_patch(
            self.tr("Edit %s of %s") % (fields, self._name(fact_id)),
            lambda sheet: edits.set_fields(sheet, fact_id, values, editor=self.signature.name()),
        )
        return self._learn("label", patch) if "label" in values else patch is not None

    def delete(self, fact_id: str) -> bool:
        patch = self._perform_patch(
            self.tr("Delete %s") % self._name(fact_id),
            lambda sheet: edits.delete_fact(sheet, fact_id),
        )
        return self._learn("rejected", patch)

    def add(self, kind: str, start: int, end: int) -> str | None:
        """Add a fact of ``kind`` (see :data:`ADD_KINDS`) over Python indices of the text."""
        fact_kind, label = ADD_KINDS[kind]
        patch = self._perform_patch(
            self.tr("Add %s") % kind,
            lambda sheet: edits.add_fact(
                sheet, fact_kind, start, end, label=label or "PERSON", editor=self.signature.name()
            ),
        )
        self._learn("added", patch)
        return patch.created if patch else None

    def add_from_selection(self, kind: str) -> str | None:
        """Add a fact of ``kind`` over the words selected in the text, and select it."""
        selection = self._editor.python_selection()
        if selection is None:
            self.refuse(self.tr("Select the words of the fact in the text first."))
            return None
        created = self.add(kind, *selection)
        if created:
            self._panel.select_fact(created)
        return created

    def merge(self, keep_id: str, other_id: str, name: str | None = None) -> bool:
        """Merge entity ``other_id`` into ``keep_id`` (mentions join), called ``name``."""
        patch = self._perform_patch(
            self.tr("Merge %s into %s") % (self._name(other_id), self._name(keep_id)),
            lambda sheet: edits.merge_entities(
                sheet, keep_id, other_id, name=name, editor=self.signature.name()
            ),
        )
        return self._learn("merge", patch)

    def split(self, entity_id: str, mention_index: int) -> str | None:
        """Take one mention of an entity out into a new entity; its id."""
        patch = self._perform_patch(
            self.tr("Split a mention out of %s") % self._name(entity_id),
            lambda sheet: edits.split_mention(
                sheet, entity_id, mention_index, editor=self.signature.name()
            ),
        )
        return patch.created if patch else None

    def split_at_caret(self, entity_id: str) -> str | None:
        """Split off the mention of ``entity_id`` the caret is on."""
        index = self.mention_at(entity_id, self._editor.python_caret())
        if index is None:
            self.refuse(self.tr("Put the caret on the mention to split off first."))
            return None
        return self.split(entity_id, index)

    def reanchor_to_selection(self, fact_id: str) -> bool:
        """Point a fact (or the lost or nearest mention of a name) at the selected words."""
        selection = self._editor.python_selection()
        if selection is None:
            self.refuse(self.tr("Select the fact's words in the text first."))
            return False
        patch = self._perform_patch(
            self.tr("Re-anchor %s") % self._name(fact_id),
            lambda sheet: edits.reanchor(sheet, fact_id, *selection, editor=self.signature.name()),
        )
        return self._learn("reanchored", patch)

    def mention_at(self, entity_id: str, index: int) -> int | None:
        """Which mention of ``entity_id`` covers Python ``index`` of the text, if any."""
        shown = self.session.shown_sheet()  # offsets of the text as it is now
        fact = shown.find(entity_id) if shown is not None else None
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

    def refuse(self, message: str) -> None:
        """Say why an edit was not made (under the tree and in the status bar)."""
        self._panel.show_message(message)
        self._notices.status(message, 8000)
        self.edit_refused.emit(message)

    def describe(self, fact_id: str) -> str:
        """What hovering a highlight shows: the fact's kind, value and status."""
        fact = self.session.find(fact_id)
        if fact is None:
            return ""
        value = fact_value(fact) if not isinstance(fact, Entity) else fact.label
        parts = [kinds.group_title(group_of(fact)), fact.title]
        parts += [value] if value and value != fact.title else []
        parts.append(status_text(fact.status))
        if isinstance(fact, Entity) and fact.register is not None:
            parts.append(fact.register.reason())
        return " · ".join(parts)

    # -- making them -------------------------------------------------------------------------

    def _learn(self, correction: Correction, patch: Patch | None) -> bool:
        """Tell the recorder of a correction made; whether it was made."""
        if patch is not None and patch.changes_anything and self.recorder is not None:
            self.recorder(correction, patch)
        return patch is not None

    def _perform(self, title: str, edit: Callable[[FactSheet], Patch]) -> bool:
        return self._perform_patch(title, edit) is not None

    def _perform_patch(self, title: str, edit: Callable[[FactSheet], Patch]) -> Patch | None:
        try:
            patch = self.session.correct(title, edit)
        except EditError as error:
            self.refuse(str(error))
            return None
        self._panel.show_message("")
        return patch

    def _name(self, fact_id: str) -> str:
        fact = self.session.find(fact_id)
        if fact is None:
            return fact_id
        title = fact.title
        return f"“{title[:40]}…”" if len(title) > 40 else f"“{title}”"

    def _cell_edited(self, fact_id: str, field: str, value: object) -> bool:
        if field == "status":
            return self.set_status(fact_id, str(value))
        return self.edit_fields(fact_id, {field: value})
