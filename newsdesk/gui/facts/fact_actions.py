"""Adding, deleting, merging, splitting and re-anchoring facts: actions, menus, keys.

:class:`FactActions` makes the correction actions, the "Add as Fact" menu of
kinds (Ctrl+Shift+A pops it up at the caret, keyboard-navigable), the undo
history dock and the article editor's context menu entries. Each action calls
the :class:`~newsdesk.gui.facts.corrections.CorrectionController`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu

from newsdesk.core.sheet.model import Entity
from newsdesk.core.work.session import StorySession
from newsdesk.gui.action_factory import Keys, make_action
from newsdesk.gui.article.article_editor import ArticleEditor
from newsdesk.gui.article.offsets import OffsetMap
from newsdesk.gui.facts.corrections import CorrectionController
from newsdesk.gui.facts.facts_panel import FactsPanel
from newsdesk.gui.facts.undo_view import UndoHistoryDock
from newsdesk.gui.facts.verification import VerificationPass

Key = QKeySequence.StandardKey

_KIND_TEXTS = {
    "person": "&Person",
    "organisation": "&Organisation",
    "place": "P&lace",
    "group": "&Group",
    "figure": "&Figure",
    "date": "&Date",
    "quote": "&Quote",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FactActions", text)


class FactActions:
    """The correction actions of one window.

    ``choose_name(names) -> str | None`` asks which name a merge keeps;
    scripts and tests may replace it. ``editing`` are the actions the editor's
    context menu offers first (undo, redo).
    """

    def __init__(
        self,
        host: QMainWindow,
        session: StorySession,
        corrections: CorrectionController,
        facts_panel: FactsPanel,
        editor: ArticleEditor,
        verification: VerificationPass,
        editing: Sequence[QAction] = (),
    ) -> None:
        self._host = host
        self._session = session
        self._corrections = corrections
        self._panel = facts_panel
        self._editor = editor
        self._verification = verification
        self._editing = list(editing)
        view = facts_panel.view
        self.choose_name: Callable[[list[str]], str | None] = self._choose_name

        def make(name: str, text: str, slot: Callable[[], object], keys: Keys = None,
                 *, scoped: bool = False) -> QAction:  # fmt: skip
            return make_action(host, name, text, slot, keys, scope=view if scoped else None)

        self.kinds_menu = QMenu(_tr("&Add as Fact"), host)
        self.kinds_menu.setObjectName("addFactMenu")
        self.add_kind: dict[str, QAction] = {}
        for kind, text in _KIND_TEXTS.items():
            action = self.kinds_menu.addAction(_tr(text))
            action.setObjectName(f"actionAdd_{kind}")
            action.triggered.connect(lambda _=False, k=kind: corrections.add_from_selection(k))
            self.add_kind[kind] = action
        self.add = make("actionAddFact", _tr("&Add Fact from Selection…"), self.popup_kinds,
                        "Ctrl+Shift+A")  # fmt: skip
        self.reanchor = make(
            "actionReanchor", _tr("&Re-anchor Fact to Selection"), self.reanchor_current,
            "Ctrl+Shift+R",
        )  # fmt: skip
        # Del alone: the platform's Delete key list can hold Ctrl+D, another action's key.
        self.delete = make("actionDeleteFact", _tr("De&lete Fact"), self.delete_current,
                           "Del", scoped=True)  # fmt: skip
        self.merge = make("actionMergeFacts", _tr("&Merge Names…"), self.merge_selected, "M",
                          scoped=True)  # fmt: skip
        self.split = make("actionSplitMention", _tr("&Split Mention Out"), self.split_current,
                          "S", scoped=True)  # fmt: skip
        self.undo_dock = UndoHistoryDock(session, host)
        self.history = self.undo_dock.toggleViewAction()
        self.history.setObjectName("actionUndoHistory")
        self.history.setText(_tr("Undo &History"))
        self.history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        host.addAction(self.history)
        editor.context_menu_requested.connect(self._editor_menu)

    @property
    def menu_actions(self) -> list[QAction]:
        """The corrections in the order the Facts menu lists them (after the kinds menu)."""
        return [self.add, self.reanchor, self.delete, self.merge, self.split]

    # -- handlers -----------------------------------------------------------------------------

    def popup_kinds(self) -> None:
        editor = self._editor
        if not editor.textCursor().hasSelection():
            self._corrections.refuse(_tr("Select the words of the fact in the text first."))
            return
        point = editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft())
        self.kinds_menu.popup(point)

    def reanchor_current(self) -> bool:
        fact_id = self._panel.current_fact_id()
        if fact_id is None:
            self._corrections.refuse(_tr("Choose the fact to re-anchor in the list first."))
            return False
        return self._corrections.reanchor_to_selection(fact_id)

    def delete_current(self) -> bool:
        fact_id = self._panel.current_fact_id()
        if fact_id is None:
            return False
        following = self._verification.reading_order()
        done = self._corrections.delete(fact_id)
        if done and fact_id in following:
            rest = following[following.index(fact_id) + 1 :]
            if rest:
                self._panel.select_fact(rest[0])
        return done

    def merge_selected(self) -> bool:
        ids = self._panel.selected_fact_ids()
        names = [fact for i in ids if isinstance(fact := self._session.find(i), Entity)]
        if len(names) != 2 or len(ids) != 2:
            self._corrections.refuse(
                _tr("Select two names to merge (Shift or Ctrl with the arrows or a click).")
            )
            return False
        keep, other = names
        name = self.choose_name([keep.name, other.name])
        if name is None:
            return False
        return self._corrections.merge(keep.id, other.id, name)

    def split_current(self) -> str | None:
        fact_id = self._panel.current_fact_id()
        if fact_id is None:
            return None
        created = self._corrections.split_at_caret(fact_id)
        if created:
            self._panel.select_fact(created)
        return created

    def _choose_name(self, names: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(
            self._host, _tr("Merge names"), _tr("Keep the name:"), names, 0, True
        )
        return name if ok and name.strip() else None

    @Slot(QMenu, int)
    def _editor_menu(self, menu: QMenu, position: int) -> None:
        if menu.actions() and self._editing:
            first = menu.actions()[0]
            menu.insertActions(first, self._editing)
            menu.insertSeparator(first)
        menu.addSeparator()
        self.kinds_menu.setEnabled(self._editor.textCursor().hasSelection())
        menu.addMenu(self.kinds_menu)
        menu.addAction(self.reanchor)
        span = self._editor.highlighter.span_at(position)
        if span is not None:
            split = menu.addAction(_tr("Split This Mention Out"))
            split.triggered.connect(lambda: self._split_at(span.fact_id, position))

    def _split_at(self, fact_id: str, position: int) -> None:
        corrections = self._corrections
        index = OffsetMap(self._editor.toPlainText()).to_python(position)
        mention = corrections.mention_at(fact_id, index)
        if mention is None:
            corrections.refuse(_tr("Only a name's mentions can be split off."))
            return
        created = corrections.split(fact_id, mention)
        if created:
            self._panel.select_fact(created)
