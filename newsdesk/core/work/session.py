"""The story session: the one owner of the story open in the window.

A :class:`StorySession` holds the article text, its fact sheet, which story and
version it is on disk, the undo history and whether there is unsaved work —
and announces every change through :class:`SessionEvents`. The window and
each panel subscribe; nothing else keeps a copy of this state. It is plain
Python (no Qt), so the rules below are tested without a window:

- the text changes by the editor's keys (:meth:`edit_text`) or by the session
  itself (undo, redo, opening a story), which then says so through
  ``text_replaced`` for the editor widget to follow;
- a fresh analysis lands with the text revision it was made of; a stale one is
  dropped, a current one is merged with the editor's corrections
  (:func:`~newsdesk.core.work.reconcile.reconcile`);
- every correction is a patch on the sheet and a step of the history; undoing a
  text edit puts back the very sheet that stood before it, so every check,
  speaker and source the editor set comes back exactly;
- saving and opening go through a :class:`VersionStore` (the storage layer's
  ``Store`` fits it), so a story's versions never mix with another's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsdesk.core.article.wire import split_article
from newsdesk.core.sheet.model import Fact, FactSheet
from newsdesk.core.work.anchors import common_prefix, common_suffix
from newsdesk.core.work.events import Event
from newsdesk.core.work.history import (
    AnalysisStep,
    FactStep,
    History,
    Step,
    TextStep,
    text_edit_kind,
)
from newsdesk.core.work.patches import Patch, apply_patch
from newsdesk.core.work.reconcile import Reconciled, rebase, reconcile
from newsdesk.core.work.values import EditError
from newsdesk.core.work.versions import SavedVersion, VersionStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SessionEvents:
    """What a session announces; connect callbacks to the ones a view needs.

    - ``text_replaced(start, end, inserted)``: the session changed the text
      itself (undo, redo, a story opened): Python indices ``[start, end)`` of the
      previous text now read ``inserted``. The editor widget applies it.
    - ``text_changed()``: the text changed, by any route.
    - ``sheet_replaced()``: a different sheet (or none) is current: redraw all.
    - ``facts_changed(ids)``: the facts ``ids`` changed inside the current sheet.
    - ``story_changed()``: the story on disk, its version or version list changed.
    - ``story_started()``: other work took the place of the last (new, opened,
      recovered): its history starts afresh.
    - ``dirty_changed(dirty)``: whether there is unsaved work changed.
    - ``saved(version)``: a version was stored.
    - ``history_changed()``: the undo history changed.
    - ``undone(steps)`` / ``redone(steps)``: these steps of the history were
      taken back or made again (a correction's recorder follows them).
    """

    text_replaced: Event = field(default_factory=lambda: Event("text_replaced"))
    text_changed: Event = field(default_factory=lambda: Event("text_changed"))
    sheet_replaced: Event = field(default_factory=lambda: Event("sheet_replaced"))
    facts_changed: Event = field(default_factory=lambda: Event("facts_changed"))
    story_changed: Event = field(default_factory=lambda: Event("story_changed"))
    story_started: Event = field(default_factory=lambda: Event("story_started"))
    dirty_changed: Event = field(default_factory=lambda: Event("dirty_changed"))
    saved: Event = field(default_factory=lambda: Event("saved"))
    history_changed: Event = field(default_factory=lambda: Event("history_changed"))
    undone: Event = field(default_factory=lambda: Event("undone"))
    redone: Event = field(default_factory=lambda: Event("redone"))


Edit = Callable[[FactSheet], Patch]


class StorySession:
    """The open story: text, sheet, story on disk, history and unsaved state."""

    def __init__(self, *, history_limit: int | None = None) -> None:
        self.events = SessionEvents()
        self.history = History() if history_limit is None else History(history_limit)
        self._text = ""
        self._sheet: FactSheet | None = None
        self._revision = 0
        self._sheet_revision = 0  # the revision the sheet is the analysis of (-1: none)
        self._story: str | None = None
        self._version: SavedVersion | None = None
        self._versions: list[SavedVersion] = []
        self._dirty = False
        self._shown: tuple[FactSheet, int, FactSheet] | None = None

    # -- state -----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The article text as the editor has it now."""
        return self._text

    @property
    def sheet(self) -> FactSheet | None:
        """The current fact sheet (while the editor types, it may describe an earlier text)."""
        return self._sheet

    @property
    def revision(self) -> int:
        """A number that changes with every change of the text."""
        return self._revision

    @property
    def in_sync(self) -> bool:
        """Whether the sheet is the analysis of exactly the current text."""
        return self._sheet_revision == self._revision

    @property
    def story(self) -> str | None:
        """The slug of the story on disk this work belongs to (``None``: never saved)."""
        return self._story

    @property
    def version(self) -> SavedVersion | None:
        """The saved version the work started from or was last saved as."""
        return self._version

    @property
    def versions(self) -> list[SavedVersion]:
        """Every saved version of the story, oldest first."""
        return list(self._versions)

    @property
    def dirty(self) -> bool:
        """Whether there is work that is not saved."""
        return self._dirty

    def find(self, fact_id: str) -> Fact | None:
        """The fact with ``fact_id`` in the current sheet, or ``None``."""
        return self._sheet.find(fact_id) if self._sheet is not None else None

    def shown_sheet(self) -> FactSheet | None:
        """The sheet as the editor sees it: moved onto the text as it is now.

        While the editor types (or after undoing to such a moment) the sheet may
        still describe an earlier text; what is shown, selected and saved is that
        sheet moved onto the text (computed, never stored: the history keeps the
        sheets exactly as they were).
        """
        sheet = self._sheet
        if sheet is None or sheet.article.text == self._text:
            return sheet
        if self._shown is None or self._shown[0] is not sheet or self._shown[1] != self._revision:
            self._shown = (sheet, self._revision, rebase(sheet, self._text))
        return self._shown[2]

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.events.dirty_changed.emit(dirty)

    # -- the text ----------------------------------------------------------------------------

    def edit_text(self, text: str) -> None:
        """The editor changed the text to ``text`` (a key, a paste, a cut): one history step.

        Calling it with the text the session already has does nothing, so the
        editor widget may report every change, including the ones it was told
        to make through ``text_replaced``.
        """
        old = self._text
        if text == old:
            return
        start, removed, inserted = _splice(old, text)
        analysed = self.in_sync
        self._text = text
        self._revision += 1
        last = self.history.last()
        if not (isinstance(last, TextStep) and last.merge(start, removed, inserted)):
            if isinstance(last, TextStep):
                last.open = False
            kind = text_edit_kind(removed, inserted)
            self.history.push(
                TextStep(
                    kind,
                    start,
                    removed,
                    inserted,
                    analysed_before=analysed,
                    open=kind in ("typing", "deletion") and "\n" not in inserted,
                )
            )
        self.set_dirty(bool(text.strip()) or self._story is not None)
        self.events.text_changed.emit()
        self.events.history_changed.emit()

    def replace_text(self, text: str) -> None:
        """Replace the whole text in this story as one undoable step (a script's paste)."""
        old = self._text
        if text == old:
            return
        self._say_text(0, len(old), text)
        # The widget reports the change back; make sure the step exists even without one.
        self.edit_text(text)

    # -- analysis ----------------------------------------------------------------------------

    def analysis_landed(self, fresh: FactSheet | None, revision: int) -> Reconciled | None:
        """A fresh analysis of text revision ``revision``; merged when it is still current.

        Returns what happened to the editor's facts, or ``None`` when the result
        was stale (the text changed since) and dropped. Taken in after a step of
        the editor's, it joins the history (undone and redone with that step).
        """
        if revision != self._revision:
            log.debug("dropping the analysis of revision %d (now %d)", revision, self._revision)
            return None
        merged = reconcile(self._sheet, fresh) if fresh is not None else None
        sheet = merged.sheet if merged is not None else None
        if self.history.position > 0:
            self.history.push(AnalysisStep(self._sheet, self.in_sync, sheet))
            self.events.history_changed.emit()
        else:
            self.history.truncate()  # the story's first sheet: nothing undone stays redoable
        self._sheet = sheet
        self._sheet_revision = revision
        self.events.sheet_replaced.emit()
        return merged

    # -- corrections -------------------------------------------------------------------------

    def correct(self, title: str, edit: Edit) -> Patch:
        """Make one correction (``edit`` on the current sheet) as one undoable step.

        A sheet that still describes an earlier text (the editor typed, the
        analysis has not landed) is first moved onto the text as it is — the
        sheet the editor sees — and the step keeps the one before the move.
        Raises :class:`~newsdesk.core.work.values.EditError` (nothing changed)
        when the edit is refused or there are no facts yet.
        """
        sheet = self._sheet
        if sheet is None:
            raise EditError("There are no facts to correct until the story is analysed.")
        moved_from = None
        if sheet.article.text != self._text:
            moved_from, sheet = sheet, rebase(sheet, self._text)
        patch = edit(sheet)
        if not patch.changes_anything:
            return patch  # nothing to do (the moved copy is simply dropped)
        last = self.history.last()
        if isinstance(last, TextStep):
            last.open = False
        self.history.push(FactStep(title, patch, moved_from=moved_from))
        self._sheet = sheet
        self.set_dirty(True)
        if moved_from is not None:
            self.events.sheet_replaced.emit()
        else:
            self.events.facts_changed.emit(patch.changed_ids)
        self.events.history_changed.emit()
        return patch

    # -- undo ------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.history.can_redo

    def undo(self) -> bool:
        """Take back the editor's newest step (and the analyses after it); whether there was one."""
        group = self.history.back()
        for step in group:
            self._undo(step)
        if group:
            self.set_dirty(True)
            self.events.history_changed.emit()
            self.events.undone.emit(list(group))
        return bool(group)

    def redo(self) -> bool:
        """Make the editor's newest undone step again (and the analyses after it)."""
        group = self.history.forward()
        for step in group:
            self._redo(step)
        if group:
            self.set_dirty(True)
            self.events.history_changed.emit()
            self.events.redone.emit(list(group))
        return bool(group)

    def _undo(self, step: Step) -> None:
        if isinstance(step, AnalysisStep):
            self._show(step.sheet_before, analysed=step.analysed_before)
        elif isinstance(step, TextStep):
            self._move_text(step.start, step.start + len(step.inserted), step.removed,
                            analysed=step.analysed_before)  # fmt: skip
        elif step.moved_from is not None:
            step.moved_to = self._sheet  # for redo: the moved sheet with the correction
            self._show(step.moved_from, analysed=False)
        else:
            self._patch(step.patch, undo=True)

    def _redo(self, step: Step) -> None:
        if isinstance(step, AnalysisStep):
            self._show(step.sheet_after, analysed=True)
        elif isinstance(step, TextStep):
            self._move_text(step.start, step.start + len(step.removed), step.inserted,
                            analysed=False)  # fmt: skip
        elif step.moved_from is not None:
            self._show(step.moved_to, analysed=False)
        else:
            self._patch(step.patch, undo=False)

    def _patch(self, patch: Patch, *, undo: bool) -> None:
        if self._sheet is None:  # a correction is never in the history without its sheet
            log.warning("no sheet to apply a correction to")
            return
        apply_patch(self._sheet, patch, undo=undo)
        self.events.facts_changed.emit(patch.changed_ids)

    def _show(self, sheet: FactSheet | None, *, analysed: bool) -> None:
        """Make ``sheet`` current, exactly as it was; ``analysed``: it is the text's analysis."""
        self._sheet = sheet
        self._sheet_revision = self._revision if analysed else -1
        self.events.sheet_replaced.emit()

    # -- stories ---------------------------------------------------------------------------------

    def new_story(self, text: str = "") -> None:
        """Start a story of its own (never saved yet) with ``text``; the history starts afresh."""
        self._reset(text, None, analysed=False, story=None, version=None, versions=[])
        self.set_dirty(bool(text.strip()))

    def open_version(
        self, store: VersionStore, slug: str, number: int | None = None
    ) -> SavedVersion:
        """Open version ``number`` (the newest by default) of story ``slug``, as saved.

        Raises the store's errors (``StorageError``, ``LookupError``) with nothing changed.
        """
        sheet = store.load_version(slug, number)
        versions = list(store.versions(slug))
        wanted = number if number is not None else max(v.number for v in versions)
        version = next(v for v in versions if v.number == wanted)
        # The saved sheet describes this very text: no analysis, no lost statuses.
        self._reset(
            sheet.article.text, sheet, analysed=True, story=slug, version=version, versions=versions
        )
        self.set_dirty(False)
        return version

    def restore_work(
        self,
        text: str,
        sheet: FactSheet | None,
        story: str | None,
        versions: Sequence[SavedVersion] = (),
    ) -> None:
        """Put recovered or imported unsaved work back: its story (if saved), text and facts."""
        latest = max(versions, key=lambda v: v.number) if versions else None
        analysed = sheet is not None and sheet.article.text == text
        self._reset(
            text,
            sheet,
            analysed=analysed,
            story=story if versions else None,
            version=latest,
            versions=list(versions),
        )
        self.set_dirty(True)

    def save(self, store: VersionStore, *, editor: str, message: str = "") -> SavedVersion:
        """Store the work as the next version of its story (the first save creates the story).

        The sheet saved is the analysis of the text when there is one, else the
        sheet moved onto the text (no analysis available), else the text alone.
        Raises the store's errors with nothing changed.
        """
        sheet = self.sheet_for_saving()
        slug = self._story or store.new_slug(sheet.article.headline or "story")
        based_on = self._version.number if self._version is not None else None
        info = store.save_version(slug, sheet, editor=editor, message=message, parent=based_on)
        self._versions = list(store.versions(slug))
        self._story, self._version = slug, info
        self.set_dirty(False)
        self.events.story_changed.emit()
        self.events.saved.emit(info)
        return info

    def sheet_for_saving(self) -> FactSheet:
        """The sheet a save would store now."""
        shown = self.shown_sheet()
        return shown if shown is not None else FactSheet(article=split_article(self._text))

    # -- inside ------------------------------------------------------------------------------------

    def _reset(
        self,
        text: str,
        sheet: FactSheet | None,
        *,
        analysed: bool,
        story: str | None,
        version: SavedVersion | None,
        versions: list[SavedVersion],
    ) -> None:
        """Other work takes the open story's place: its text, sheet and history start here."""
        self.history.clear()
        self._story, self._version, self._versions = story, version, versions
        self.events.story_started.emit()
        old = self._text
        self._text = text
        self._revision += 1
        # The sheet is in place before anyone hears of the text, so an analysed one
        # is known to be (no analysis is started for it).
        self._sheet = sheet
        self._sheet_revision = self._revision if analysed else -1
        if text != old:
            self._say_text(0, len(old), text)
        self.events.text_changed.emit()
        self.events.sheet_replaced.emit()
        self.events.story_changed.emit()
        self.events.history_changed.emit()

    def _move_text(self, start: int, end: int, inserted: str, *, analysed: bool) -> None:
        """The session changes the text itself (undo, redo): the editor widget follows.

        The sheet stays; ``analysed`` says whether it is the new text's analysis.
        """
        self._text = self._text[:start] + inserted + self._text[end:]
        self._revision += 1
        self._sheet_revision = self._revision if analysed else -1
        self._say_text(start, end, inserted)
        self.events.text_changed.emit()
        self.events.sheet_replaced.emit()  # shown moved onto the text it now describes

    def _say_text(self, start: int, end: int, inserted: str) -> None:
        self.events.text_replaced.emit(start, end, inserted)


def _splice(old: str, new: str) -> tuple[int, str, str]:
    """Where ``new`` differs from ``old``: ``(start, removed, inserted)``."""
    limit = min(len(old), len(new))
    start = common_prefix(old, new, limit)
    tail = common_suffix(old, new, limit - start)
    return start, old[start : len(old) - tail], new[start : len(new) - tail]
