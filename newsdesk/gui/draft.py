"""Nothing lost: unsaved work is written to a draft file every few seconds.

:class:`DraftKeeper` writes the article text and the corrected fact sheet to
``<data>/draft.json`` while the window has unsaved changes (atomically: a
temporary file, then ``os.replace``, so a crash mid-write leaves the old
draft whole). A save or a clean close removes it. When newsdesk starts and
finds a draft newer than the last save of its story, it offers it back.

The file is not fsync'ed: it must survive the process being killed, which
the operating system's cache already guarantees, and a sync every few
seconds would stall typing on slow disks. For the same reason the timer's
drafts are made (the sheet turned into JSON, tens of milliseconds for a long
story) on a worker thread; the window's thread only writes the finished text,
and only if the sheet did not change while it was read — else the next turn
makes it again.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.core.article.reading import read_file_bytes
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.sheet.schema import MAX_TEXT_CHARS, SheetModel, describe, sheet_from_model
from newsdesk.core.work.session import StorySession
from newsdesk.errors import NewsdeskError, SheetError, StorageError
from newsdesk.files import make_private_dir
from newsdesk.gui.tasks import TaskRunner
from newsdesk.storage import Store
from newsdesk.storage.slugs import MAX_SLUG_LENGTH

# Puts recovered work back: (text, sheet, story slug).
Restore = Callable[[str, FactSheet | None, str | None], None]

log = logging.getLogger(__name__)

DRAFT_FILE = "draft.json"
DRAFT_SCHEMA = "newsdesk.draft/1"
AUTOSAVE_MS = 3000
DRAFT_MAX_BYTES = 64_000_000  # the article twice over (text and sheet), with room to spare


@dataclass(frozen=True)
class Draft:
    """Unsaved work found on disk."""

    written_at: datetime
    story: str | None  # the slug of the saved story it continues, if any
    text: str
    sheet: FactSheet | None


class DraftModel(BaseModel):
    """The draft file's schema; its sheet is the fact-sheet schema itself."""

    model_config = ConfigDict(extra="allow", strict=True)

    schema_: Literal["newsdesk.draft/1"] = Field(alias="schema")
    written_at: AwareDatetime
    story: Annotated[str, Field(max_length=MAX_SLUG_LENGTH)] | None = None
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
    sheet: SheetModel | None = None


def read_draft(path: Path) -> Draft:
    """The draft at ``path``, read bounded and checked; :class:`NewsdeskError` if unusable."""
    data = read_file_bytes(path, path.name, limit=DRAFT_MAX_BYTES)
    try:
        model = DraftModel.model_validate_json(data)
    except ValidationError as error:
        raise SheetError(describe(error)) from None
    return Draft(
        written_at=model.written_at,
        story=model.story,
        text=model.text,
        sheet=sheet_from_model(model.sheet) if model.sheet is not None else None,
    )


class DraftKeeper(QObject):
    """Autosaves the session's unsaved work and offers it back after a crash.

    ``ask_restore(draft) -> bool`` asks whether to restore; tests and scripts
    replace it before the event loop runs. ``restore(text, sheet, slug)`` puts
    recovered work back. Signals: ``draft_written(str)`` (the path), ``restored()``.
    """

    draft_written = Signal(str)
    restored = Signal()

    def __init__(
        self,
        session: StorySession,
        store: Store,
        folder: Path | None,
        restore: Restore,
        parent: QWidget,
        *,
        interval_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.path = folder / DRAFT_FILE if folder is not None else None
        self.ask_restore: Callable[[Draft], bool] = self._ask_restore
        self._session = session
        self._store = store
        self._restore = restore
        self._parent = parent
        self._changed = False
        self._making = False  # a draft is being made on the worker
        self._epoch = 0  # moves on when the draft is discarded: a draft made before is dropped
        self._worker = TaskRunner(self)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.autosave)
        session.events.text_changed.connect(self._mark_changed)
        session.events.facts_changed.connect(self._mark_changed)
        session.events.history_changed.connect(self._mark_changed)
        session.events.saved.connect(self.discard)
        if self.path is not None:
            self._timer.start()

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)

    @property
    def making(self) -> bool:
        """Whether a draft is being made on the worker."""
        return self._making

    # -- writing ------------------------------------------------------------------------

    @Slot()
    def write_if_changed(self) -> bool:
        """Write a draft if the window has unsaved changes made since the last one."""
        if not self._changed or not self._session.dirty:
            return False
        return self.write_now()

    def write_now(self) -> bool:
        """Write the draft now (atomically); ``False`` if there is nowhere or nothing to write."""
        if self.path is None:
            return False
        session = self._session
        self._epoch += 1  # a draft still being made is older than this one
        if not self._write(draft_json(session.text, session.story, session.sheet)):
            return False
        self._changed = False
        return True

    @Slot()
    def autosave(self) -> bool:
        """The timer's turn: make the draft on the worker if there are unsaved changes.

        Returns whether one was started; ``draft_written`` says when it is on disk.
        """
        session = self._session
        if self.path is None or self._making or not self._changed or not session.dirty:
            return False
        # The text and story are taken now; the sheet is read on the worker, and its
        # generation tells afterwards whether it changed meanwhile.
        text, story, sheet = session.text, session.story, session.sheet
        generation, epoch = session.sheet_generation, self._epoch
        self._changed = False  # a change from now on asks for the next draft
        self._making = True
        self._worker.run(
            lambda: draft_json(text, story, sheet),
            on_success=lambda data: self._made(data, generation, epoch),
            on_failure=lambda error: self._failed(error, generation),
        )
        return True

    def _made(self, data: str, generation: int, epoch: int) -> None:
        self._making = False
        if epoch != self._epoch:
            return  # saved or discarded meanwhile: this draft is not wanted
        if generation != self._session.sheet_generation:
            self._changed = True  # the sheet changed while it was read: the next turn
            return
        if not self._write(data):
            self._changed = True

    def _failed(self, error: BaseException, generation: int) -> None:
        self._making = False
        self._changed = True
        if generation == self._session.sheet_generation:  # not a sheet changed under it
            sys.excepthook(type(error), error, error.__traceback__)

    def _write(self, data: str) -> bool:
        assert self.path is not None
        try:
            make_private_dir(self.path.parent)
            handle, temporary = tempfile.mkstemp(
                prefix=".draft-", suffix=".tmp", dir=self.path.parent
            )
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(temporary, self.path)
        except OSError as error:
            log.warning("could not write the draft %s: %s", self.path, error)
            return False
        self.draft_written.emit(str(self.path))
        return True

    def discard(self, *_: object) -> None:
        """Forget the draft (after a save, or when the editor chose to drop the work)."""
        self._changed = False
        self._epoch += 1
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def stop(self) -> None:
        """No more drafts (the window closes): the timer stops, a draft being made is dropped."""
        self._timer.stop()
        self._worker.shutdown()

    # -- reading back ---------------------------------------------------------------------

    def pending(self) -> Draft | None:
        """The draft on disk if it is newer than the last save of its story.

        A draft that cannot be read or breaks the draft schema (whose sheet is
        the fact-sheet schema) is set aside beside it (``draft.json.bad-…``)
        with a line in the log, never raised.
        """
        if self.path is None or not self.path.exists():
            return None
        try:
            draft = read_draft(self.path)
        except NewsdeskError as error:
            self._set_aside(error)
            return None
        if draft.story:
            try:
                versions = self._store.versions(draft.story)
            except (StorageError, LookupError):
                versions = []
            if any(v.created_at >= draft.written_at for v in versions):
                log.info("the draft is older than its story's last save")
                return None
        return draft if draft.text.strip() else None

    def _set_aside(self, error: NewsdeskError) -> None:
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.bad-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as problem:
            log.warning("an unreadable draft could not be set aside (%s): %s", problem, error)
            return
        log.warning("set aside an unreadable draft as %s: %s", aside, error)

    def offer(self) -> None:
        """Once the event loop runs, offer a pending draft back (``ask_restore``)."""
        QTimer.singleShot(0, self._offer)

    @Slot()
    def _offer(self) -> None:
        draft = self.pending()
        if draft is None:
            return
        if self.ask_restore(draft):
            self.restore(draft)
        else:
            self.discard()

    def restore(self, draft: Draft) -> None:
        """Put the draft's text, facts and story back, as unsaved work."""
        self._restore(draft.text, draft.sheet, draft.story)
        self._changed = True
        self.restored.emit()

    def _ask_restore(self, draft: Draft) -> bool:
        when = draft.written_at.astimezone().strftime("%d %b %H:%M")
        answer = QMessageBox.question(
            self._parent,
            self.tr("Recover unsaved work?"),
            self.tr(
                "newsdesk closed without saving your work on a story (last kept at %s). Recover it?"
            )
            % when,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _mark_changed(self, *args: object) -> None:
        self._changed = True


def draft_json(text: str, story: str | None, sheet: FactSheet | None) -> str:
    """The draft file's text for unsaved work on ``text`` (with its ``sheet``, of ``story``)."""
    data: dict[str, Any] = {
        "schema": DRAFT_SCHEMA,
        "written_at": datetime.now(UTC).isoformat(),
        "story": story,
        "text": text,
        "sheet": sheet.to_dict() if sheet is not None else None,
    }
    # One string from the C encoder: json.dump streams through the pure-Python one,
    # several times slower on a long story.
    return json.dumps(data, ensure_ascii=False)
