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

import copy
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsdesk.core.article.wire import split_article
from newsdesk.core.sheet.model import Fact, FactSheet
from newsdesk.core.work.anchors import common_prefix, common_suffix
from newsdesk.core.work.events import Event
from newsdesk.core.work.history import FactStep, History, TextStep, text_edit_kind
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

    def sheet_on_text(self) -> FactSheet | None:
        """The current sheet, first moved onto the text as it is now if it describes an earlier one.

        While the editor types, the sheet keeps the offsets of the text it was
        made from; whatever reads offsets of the text as it is (a selection, the
        caret) asks for this first.
        """
        if self._sheet is not None and self._sheet.article.text != self._text:
            self._sheet = rebase(self._sheet, self._text)
            self.events.sheet_replaced.emit()
        return self._sheet

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
                    sheet_before=self._sheet,
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
        was stale (the text changed since) and dropped.
        """
        if revision != self._revision:
            log.debug("dropping the analysis of revision %d (now %d)", revision, self._revision)
            return None
        merged = reconcile(self._sheet, fresh) if fresh is not None else None
        self._sheet = merged.sheet if merged is not None else None
        self._sheet_revision = revision
        self.events.sheet_replaced.emit()
        return merged

    # -- corrections -------------------------------------------------------------------------

    def correct(self, title: str, edit: Edit, *, needs_text: bool = False) -> Patch:
        """Make one correction (``edit`` on the current sheet) as one undoable step.

        ``needs_text``: the edit reads offsets of the text as it is now, so a
        sheet that still describes an earlier text is moved onto it first.
        Raises :class:`~newsdesk.core.work.edits.EditError` (nothing changed)
        when the edit is refused or there are no facts yet.
        """
        sheet = self._sheet
        if sheet is None:
            raise EditError("There are no facts to correct until the story is analysed.")
        replaced = False
        if needs_text and sheet.article.text != self._text:
            sheet, replaced = rebase(sheet, self._text), True
        elif self.history.holds_before(sheet):
            # Undoing the text edit must give this sheet back untouched: edit a copy.
            sheet, replaced = copy.deepcopy(sheet), True
        patch = edit(sheet)
        if replaced:
            self._sheet = sheet
        if not patch.changes_anything:
            if replaced:
                self.events.sheet_replaced.emit()
            return patch
        last = self.history.last()
        if isinstance(last, TextStep):
            last.open = False
        self.history.push(FactStep(title, patch))
        self._patched(patch, replaced=replaced)
        return patch

    # -- undo ------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.history.can_redo

    def undo(self) -> bool:
        """Take back the newest step; whether there was one."""
        step = self.history.back()
        if step is None:
            return False
        if isinstance(step, FactStep):
            self._apply(step.patch, undo=True)
        else:
            step.sheet_after, step.analysed_after = self._sheet, self.in_sync
            end = step.start + len(step.inserted)
            self._move_text(step.start, end, step.removed)
            self._install(step.sheet_before, analysed=step.analysed_before)
        self.events.history_changed.emit()
        return True

    def redo(self) -> bool:
        """Make the newest undone step again; whether there was one."""
        step = self.history.forward()
        if step is None:
            return False
        if isinstance(step, FactStep):
            self._apply(step.patch, undo=False)
        else:
            self._move_text(step.start, step.start + len(step.removed), step.inserted)
            self._install(step.sheet_after, analysed=step.analysed_after)
        self.events.history_changed.emit()
        return True

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
        if self._sheet is not None and self.in_sync:
            return self._sheet
        if self._sheet is not None:
            return rebase(self._sheet, self._text)
        return FactSheet(article=split_article(self._text))

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
        self.history.clear()
        self._story, self._version, self._versions = story, version, versions
        self.events.story_started.emit()
        if text != self._text:
            self._move_text(0, len(self._text), text)
        else:
            self._revision += 1
            self.events.text_changed.emit()
        self._install(sheet, analysed=analysed)
        self.events.story_changed.emit()
        self.events.history_changed.emit()

    def _move_text(self, start: int, end: int, inserted: str) -> None:
        """The session changes the text itself: tell the editor widget, then everyone."""
        self._text = self._text[:start] + inserted + self._text[end:]
        self._revision += 1
        self._say_text(start, end, inserted)
        self.events.text_changed.emit()

    def _say_text(self, start: int, end: int, inserted: str) -> None:
        self.events.text_replaced.emit(start, end, inserted)

    def _install(self, sheet: FactSheet | None, *, analysed: bool) -> None:
        """Make ``sheet`` current; one describing another text is moved onto this one."""
        if sheet is not None and sheet.article.text != self._text:
            sheet, analysed = rebase(sheet, self._text), False
        self._sheet = sheet
        self._sheet_revision = self._revision if analysed else -1
        self.events.sheet_replaced.emit()

    def _apply(self, patch: Patch, *, undo: bool) -> None:
        sheet = self._sheet
        if sheet is None:  # the history never holds a correction without a sheet before it
            log.warning("no sheet to apply a correction to")
            return
        apply_patch(sheet, patch, undo=undo)
        self._patched(patch, replaced=False)

    def _patched(self, patch: Patch, *, replaced: bool) -> None:
        """Announce a correction; a sheet still describing an earlier text is moved first."""
        sheet = self._sheet
        assert sheet is not None
        if sheet.article.text != self._text:
            self._sheet = rebase(sheet, self._text)
            replaced = True
        self.set_dirty(True)
        if replaced:
            self.events.sheet_replaced.emit()
        else:
            self.events.facts_changed.emit(patch.changed_ids)
        self.events.history_changed.emit()


def _splice(old: str, new: str) -> tuple[int, str, str]:
    """Where ``new`` differs from ``old``: ``(start, removed, inserted)``."""
    limit = min(len(old), len(new))
    start = common_prefix(old, new, limit)
    tail = common_suffix(old, new, limit - start)
    return start, old[start : len(old) - tail], new[start : len(new) - tail]
