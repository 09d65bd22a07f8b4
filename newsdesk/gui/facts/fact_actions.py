"""Adding, deleting, merging, splitting and re-anchoring facts: actions, menus, keys.

:class:`FactActions` builds the window's Facts menu (the verification keys,
then these corrections, then the undo history), the "Add as Fact" menu of
kinds (Ctrl+Shift+A pops it up at the caret, keyboard-navigable), and the
editor's context menu entries. Each action calls the window's
:class:`~newsdesk.gui.facts.corrections.CorrectionController`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from newsdesk.core.sheet.model import Entity
from newsdesk.gui.article.offsets import OffsetMap
from newsdesk.gui.facts.undo_view import UndoHistoryDock
from newsdesk.gui.shortcut_card import ShortcutCard

if TYPE_CHECKING:
    from newsdesk.gui.main_window import MainWindow

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
    """The correction actions of one window and the menus that hold them.

    ``choose_name(names) -> str | None`` asks which name a merge keeps;
    scripts and tests may replace it.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        corrections = window.corrections
        view = window.facts_panel.view
        self.choose_name: Callable[[list[str]], str | None] = self._choose_name

        def make(name: str, text: str, slot: Callable[[], object], keys: object = None,
                 *, scoped: bool = False) -> QAction:  # fmt: skip
            action = QAction(text, window)
            action.setObjectName(name)
            if isinstance(keys, Key):
                action.setShortcuts(keys)
            elif isinstance(keys, str):
                action.setShortcut(QKeySequence(keys))
            if scoped:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                view.addAction(action)
            else:
                window.addAction(action)
            action.triggered.connect(slot)
            return action

        self.kinds_menu = QMenu(_tr("&Add as Fact"), window)
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
        self.delete = make("actionDeleteFact", _tr("De&lete Fact"), self.delete_current,
                           Key.Delete, scoped=True)  # fmt: skip
        self.merge = make("actionMergeFacts", _tr("&Merge Names…"), self.merge_selected, "M",
                          scoped=True)  # fmt: skip
        self.split = make("actionSplitMention", _tr("&Split Mention Out"), self.split_current,
                          "S", scoped=True)  # fmt: skip
        self.undo_dock = UndoHistoryDock(corrections.undo_stack, window)
        self.history = self.undo_dock.toggleViewAction()
        self.history.setObjectName("actionUndoHistory")
        self.history.setText(_tr("Undo &History"))
        self.history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        window.addAction(self.history)
        self.card: ShortcutCard | None = None
        self.shortcuts = make("actionShortcuts", _tr("&Keyboard Shortcuts"), self.show_card,
                              Key.HelpContents)  # fmt: skip
        window.editor.context_menu_requested.connect(self._editor_menu)

    def build_menus(self) -> None:
        """Put the Facts menu before Help, the history under Edit, the card under Help."""
        window = self.window
        bar = window.menuBar()
        menus = [menu for a in bar.actions() if isinstance(menu := a.menu(), QMenu)]
        edit_menu, help_menu = menus[1], menus[-1]
        facts = QMenu(_tr("Fa&cts"), window)
        facts.setObjectName("factsMenu")
        facts.addActions(window.verification.actions)
        facts.addSeparator()
        facts.addMenu(self.kinds_menu)
        facts.addActions([self.add, self.reanchor, self.delete, self.merge, self.split])
        bar.insertMenu(help_menu.menuAction(), facts)
        edit_menu.addSeparator()
        edit_menu.addAction(self.history)
        help_menu.insertAction(help_menu.actions()[0], self.shortcuts)

    # -- handlers -----------------------------------------------------------------------------

    def popup_kinds(self) -> None:
        editor = self.window.editor
        if not editor.textCursor().hasSelection():
            self.window.corrections.refuse(_tr("Select the words of the fact in the text first."))
            return
        point = editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft())
        self.kinds_menu.popup(point)

    def reanchor_current(self) -> bool:
        fact_id = self.window.facts_panel.current_fact_id()
        if fact_id is None:
            self.window.corrections.refuse(_tr("Choose the fact to re-anchor in the list first."))
            return False
        return self.window.corrections.reanchor_to_selection(fact_id)

    def delete_current(self) -> bool:
        panel = self.window.facts_panel
        fact_id = panel.current_fact_id()
        if fact_id is None:
            return False
        following = self.window.verification.reading_order()
        done = self.window.corrections.delete(fact_id)
        if done and fact_id in following:
            rest = following[following.index(fact_id) + 1 :]
            if rest:
                panel.select_fact(rest[0])
        return done

    def merge_selected(self) -> bool:
        window = self.window
        sheet = window.current_sheet
        ids = window.facts_panel.selected_fact_ids()
        entities = [sheet.find(i) for i in ids] if sheet is not None else []
        names = [e for e in entities if isinstance(e, Entity)]
        if len(names) != 2 or len(ids) != 2:
            window.corrections.refuse(
                _tr("Select two names to merge (Shift or Ctrl with the arrows or a click).")
            )
            return False
        keep, other = names
        name = self.choose_name([keep.name, other.name])
        if name is None:
            return False
        return window.corrections.merge(keep.id, other.id, name)

    def split_current(self) -> str | None:
        fact_id = self.window.facts_panel.current_fact_id()
        if fact_id is None:
            return None
        created = self.window.corrections.split_at_caret(fact_id)
        if created:
            self.window.facts_panel.select_fact(created)
        return created

    def show_card(self) -> ShortcutCard:
        if self.card is None:
            self.card = ShortcutCard(self.window)
        self.card.refresh()
        self.card.show()
        return self.card

    def _choose_name(self, names: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(
            self.window, _tr("Merge names"), _tr("Keep the name:"), names, 0, True
        )
        return name if ok and name.strip() else None

    @Slot(QMenu, int)
    def _editor_menu(self, menu: QMenu, position: int) -> None:
        window = self.window
        if menu.actions():
            first = menu.actions()[0]
            menu.insertActions(first, [window.actions_.undo, window.actions_.redo])
            menu.insertSeparator(first)
        menu.addSeparator()
        self.kinds_menu.setEnabled(window.editor.textCursor().hasSelection())
        menu.addMenu(self.kinds_menu)
        menu.addAction(self.reanchor)
        span = window.editor.highlighter.span_at(position)
        if span is not None:
            split = menu.addAction(_tr("Split This Mention Out"))
            split.triggered.connect(lambda: self._split_at(span.fact_id, position))

    def _split_at(self, fact_id: str, position: int) -> None:
        corrections = self.window.corrections
        index = OffsetMap(self.window.editor.toPlainText()).to_python(position)
        mention = corrections.mention_at(fact_id, index)
        if mention is None:
            corrections.refuse(_tr("Only a name's mentions can be split off."))
            return
        created = corrections.split(fact_id, mention)
        if created:
            self.window.facts_panel.select_fact(created)
