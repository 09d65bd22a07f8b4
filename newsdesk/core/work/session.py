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
  (:func:`~newsdesk.core.work.reconcile.reconcile`). The merge and its checks may
  run on another thread (:meth:`StorySession.merge`, which only reads the
  session); the merged sheet is taken in on the session's own thread
  (:meth:`StorySession.take`) only if the text and the sheet are still the ones
  it was merged with — the :attr:`StorySession.sheet_generation` changes with
  every change of the sheet, so work read from a sheet that changed meanwhile is
  never taken;
- every correction is a patch on the sheet and a step of the history; undoing a
  text edit puts back the very sheet that stood before it, so every check,
  speaker and source the editor set comes back exactly;
- saving and opening go through a :class:`VersionStore` (the storage layer's
  ``Store`` fits it), so a story's versions never mix with another's;
- the desk checks (:mod:`newsdesk.core.checks`) run again whenever the sheet
  changes, keeping the editor's verdicts by each check's key; a correction's
  patch holds the checks before and after it, so undo brings back every
  verdict exactly.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsdesk.core.article.wire import split_article
from newsdesk.core.checks import CheckSettings, refresh_checks, sees_change
from newsdesk.core.sheet.model import Fact, FactSheet
from newsdesk.core.work.anchors import changed_part
from newsdesk.core.work.events import SessionEvents
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


Edit = Callable[[FactSheet], Patch]


@dataclass(frozen=True)
class Landing:
    """A fresh analysis merged with the editor's work, waiting to be taken in.

    ``revision`` is the text revision analysed; ``base`` the sheet generation it
    was merged with; ``merged`` is ``None`` for an empty text (no sheet), or
    when the sheet changed while it was being read (it is merged again).
    """

    fresh: FactSheet | None
    revision: int
    base: int
    merged: Reconciled | None


@dataclass(frozen=True)
class Moving:
    """The session's sheet to be moved onto its text as it is (see ``shown_sheet``).

    Taken on the session's thread; :meth:`run` may run on any thread: it reads
    ``sheet`` and changes nothing, and :meth:`StorySession.keep_moved` keeps the
    result only if the text (``revision``) and the sheet (``base``) are the same.
    """

    sheet: FactSheet
    text: str
    revision: int
    base: int
    settings: CheckSettings

    def run(self) -> FactSheet:
        """The sheet moved onto the text, its checks run with the verdicts it had."""
        moved = rebase(self.sheet, self.text)
        moved.checks = refresh_checks(moved, self.sheet.checks, self.settings)
        return moved


class StorySession:
    """The open story: text, sheet, story on disk, history and unsaved state."""

    def __init__(
        self, *, history_limit: int | None = None, check_settings: CheckSettings | None = None
    ) -> None:
        self.events = SessionEvents()
        self._check_settings = check_settings or CheckSettings()
        self.history = History() if history_limit is None else History(history_limit)
        self._text = ""
        self._sheet: FactSheet | None = None
        self._revision = 0
        self._sheet_revision = 0  # the revision the sheet is the analysis of (-1: none)
        self._generation = 0  # changes with every change of the sheet, in place or replaced
        self._story: str | None = None
        self._version: SavedVersion | None = None
        self._versions: list[SavedVersion] = []
        self._dirty = False
        # The sheet shown while it describes an earlier text: (generation, revision, moved).
        self._shown: tuple[int, int, FactSheet] | None = None

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
    def sheet_generation(self) -> int:
        """A number that changes with every change of the sheet (replaced or corrected).

        Work done on another thread from the sheet is only taken when this has
        not moved since it began: reading an int is safe across threads.
        """
        return self._generation

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
        sheets exactly as they were). :meth:`moving` lets another thread compute it.
        """
        sheet = self._sheet
        if sheet is None or sheet.article.text == self._text:
            return sheet
        if not self._knows_shown():
            self._shown = (self._generation, self._revision, self._moving(sheet).run())
        assert self._shown is not None
        return self._shown[2]

    def moving(self) -> Moving | None:
        """The work of :meth:`shown_sheet`, to run on another thread, or ``None`` when
        there is none (the sheet describes the text, or its move is known)."""
        sheet = self._sheet
        if sheet is None or sheet.article.text == self._text or self._knows_shown():
            return None
        return self._moving(sheet)

    def keep_moved(self, moving: Moving, moved: FactSheet) -> bool:
        """Keep ``moved`` (``moving.run()``'s result) as the sheet shown, if neither the
        text nor the sheet changed since ``moving`` was taken; whether it was kept."""
        if not self.is_current(moving):
            return False
        self._shown = (moving.base, moving.revision, moved)
        return True

    def is_current(self, moving: Moving) -> bool:
        """Whether neither the text nor the sheet changed since ``moving`` was taken."""
        return (moving.revision, moving.base) == (self._revision, self._generation)

    def _moving(self, sheet: FactSheet) -> Moving:
        return Moving(sheet, self._text, self._revision, self._generation, self._check_settings)

    def _knows_shown(self) -> bool:
        shown = self._shown
        return shown is not None and shown[:2] == (self._generation, self._revision)

    @property
    def check_settings(self) -> CheckSettings:
        """What the desk set for its checks (the words to weigh)."""
        return self._check_settings

    def set_check_settings(self, settings: CheckSettings) -> None:
        """Run the checks again with ``settings`` (the editor changed the words to weigh)."""
        self._check_settings = settings
        self._generation += 1  # the checks are set again (even when they come out the same)
        if self._sheet is not None and self._recheck(self._sheet):
            self._shown = None
            self.events.checks_changed.emit()

    def _recheck(self, sheet: FactSheet, carried: FactSheet | None = None) -> bool:
        """Run the checks of ``sheet`` again, verdicts from ``carried`` (default: its own).

        Returns whether its checks changed.
        """
        before = sheet.checks
        source = carried if carried is not None else sheet
        sheet.checks = refresh_checks(sheet, source.checks, self._check_settings)
        return sheet.checks != before

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
        start, removed, inserted = changed_part(old, text)
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
        The merge runs here; the window runs it on its worker (:meth:`merge`,
        then :meth:`take`).
        """
        if revision != self._revision:
            log.debug("dropping the analysis of revision %d (now %d)", revision, self._revision)
            return None
        return self.take(self.merge(fresh, revision))

    def merge(self, fresh: FactSheet | None, revision: int) -> Landing:
        """``fresh`` merged with the editor's work and its checks run, ready for :meth:`take`.

        It only reads the session, so it may run on another thread while the
        session's own thread goes on: a sheet corrected meanwhile makes the
        landing's ``base`` out of date, and :meth:`take` merges it again
        rather than take it. (Reading a sheet while it changes may also fail;
        then ``merged`` is ``None``.)
        """
        base = self._generation  # read before the sheet: a change after it is seen later
        old = self._sheet
        if fresh is None:
            return Landing(None, revision, base, None)
        try:
            merged = reconcile(old, fresh)
            self._recheck(merged.sheet, carried=old)  # the merged sheet is still ours alone
        except Exception:
            if self._generation == base:
                raise  # a real failure, not a sheet changed under the merge
            log.debug("the sheet changed while it was merged; merging again")
            return Landing(fresh, revision, base, None)
        return Landing(fresh, revision, base, merged)

    def is_stale(self, landing: Landing) -> bool:
        """Whether the text changed since ``landing``'s analysis (it is dropped)."""
        return landing.revision != self._revision

    def needs_merge(self, landing: Landing) -> bool:
        """Whether the sheet changed since ``landing`` was merged (merge it again)."""
        return landing.base != self._generation or (
            landing.merged is None and landing.fresh is not None
        )

    def take(self, landing: Landing) -> Reconciled | None:
        """Make the merged analysis of :meth:`merge` the sheet, on the session's thread.

        A stale one (the text changed since) is dropped: ``None``. One merged
        with a sheet that has changed since is merged again here first.
        """
        if self.is_stale(landing):
            log.debug(
                "dropping the analysis of revision %d (now %d)", landing.revision, self._revision
            )
            return None
        if self.needs_merge(landing):
            landing = self.merge(landing.fresh, landing.revision)
        merged = landing.merged
        sheet = merged.sheet if merged is not None else None
        if self.history.position > 0:
            self.history.push(AnalysisStep(self._sheet, self.in_sync, sheet))
            self.events.history_changed.emit()
        else:
            self.history.truncate()  # the story's first sheet: nothing undone stays redoable
        self._set_sheet(sheet)
        self._sheet_revision = landing.revision
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
            self._recheck(sheet, carried=moved_from)
        checks_before = tuple(copy.deepcopy(sheet.checks))
        self._generation += 1  # the edit may change the sheet in place
        patch = edit(sheet)
        if not patch.changes_anything:
            return patch  # nothing to do (the moved copy is simply dropped)
        if patch.checks is not None:
            checks_before = patch.checks[0]
        if moved_from is not None or _checks_may_change(patch):
            self._recheck(sheet)
        checks_after = tuple(copy.deepcopy(sheet.checks))
        if checks_after != checks_before:
            patch = replace(patch, checks=(checks_before, checks_after))
        last = self.history.last()
        if isinstance(last, TextStep):
            last.open = False
        self.history.push(FactStep(title, patch, moved_from=moved_from))
        self._set_sheet(sheet)
        self.set_dirty(True)
        if moved_from is not None:
            self.events.sheet_replaced.emit()
        else:
            self.events.facts_changed.emit(patch.changed_ids)
            if patch.checks is not None:
                self.events.checks_changed.emit()
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
        self._generation += 1
        apply_patch(self._sheet, patch, undo=undo)
        # The checks the patch put back, run again on the text the sheet describes now
        # (the same ones unless the desk's words to weigh changed since); a status or a
        # note taken back or made again leaves them as they are.
        changed = False
        if patch.checks is not None or _checks_may_change(patch):
            changed = self._recheck(self._sheet)
        self.events.facts_changed.emit(patch.changed_ids)
        if patch.checks is not None or changed:
            self.events.checks_changed.emit()

    def _show(self, sheet: FactSheet | None, *, analysed: bool) -> None:
        """Make ``sheet`` current, exactly as it was; ``analysed``: it is the text's analysis."""
        self._generation += 1
        if sheet is not None:
            self._recheck(sheet)  # as it was, unless the desk's words changed since
        self._set_sheet(sheet)
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

    def refresh_versions(self, store: VersionStore) -> bool:
        """Take in versions of the open story saved elsewhere (a desk sync); whether any came.

        The open version and the work on it stay as they are; only the history grows.
        """
        if self._story is None:
            return False
        versions = list(store.versions(self._story))
        if len(versions) == len(self._versions):
            return False
        self._versions = versions
        self.events.story_changed.emit()
        return True

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
        # is known to be (no analysis is started for it). Its checks are run again:
        # a sheet saved before checks existed has none, and the desk's words may differ.
        self._generation += 1
        if sheet is not None:
            self._recheck(sheet)
        self._set_sheet(sheet)
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

    def _set_sheet(self, sheet: FactSheet | None) -> None:
        self._generation += 1
        self._sheet = sheet

    def _say_text(self, start: int, end: int, inserted: str) -> None:
        self.events.text_replaced.emit(start, end, inserted)


def _checks_may_change(patch: Patch) -> bool:
    """Whether a correction could change the desk checks (a status or a note cannot)."""
    if patch.story_date is not None or patch.dismissed:
        return True
    for fact_id in patch.changed_ids:
        old, new = patch.before.get(fact_id), patch.after.get(fact_id)
        if sees_change(old.fact if old else None, new.fact if new else None):
            return True
    return False
