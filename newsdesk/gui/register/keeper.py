"""The window's link to the house register: it records, follows undo, and feeds the extractor.

:class:`RegisterKeeper` holds the register as stored. What a correction of a
name teaches (:func:`~newsdesk.core.work.learning.lessons`) is kept in the
database with the editor's name, said in the status bar, and handed to the
extractor, so the next story is read with it; undoing the correction switches
an entry it made off again, and redoing it switches it back on. Before each
analysis the keeper checks the stored register's stamp, so entries another
window or ``newsdesk register`` changed are read too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from newsdesk.core.sheet.register import HouseRegister
from newsdesk.core.work.history import FactStep, Step
from newsdesk.core.work.learning import Correction, lessons
from newsdesk.core.work.patches import Patch
from newsdesk.core.work.session import StorySession
from newsdesk.errors import StorageError
from newsdesk.gui.action_factory import make_action
from newsdesk.gui.notices import Notices
from newsdesk.storage.register import RegisterTable

if TYPE_CHECKING:
    from newsdesk.gui.register.register_dialog import RegisterDialog

log = logging.getLogger(__name__)


class RegisterKeeper(QObject):
    """Keeps the house register for one window (see the module docstring).

    ``apply(register)`` hands a register to the extractor (the analysis
    controller's ``set_register``); ``action`` (Facts › House Register…)
    opens the register's dialog over ``host``. Signal ``changed()``: the
    register changed.
    """

    changed = Signal()

    def __init__(
        self,
        table: RegisterTable,
        session: StorySession,
        editor_name: Callable[[], str],
        notices: Notices,
        apply: Callable[[HouseRegister], None],
        host: QWidget,
    ) -> None:
        super().__init__(host)
        self.table = table
        self._host = host
        self._session = session
        self._editor_name = editor_name
        self._notices = notices
        self._apply = apply
        self._register = HouseRegister()
        # Entries a correction made, by the correction's patch: undo switches them off.
        self._made: dict[int, list[int]] = {}
        session.events.undone.connect(self._undone)
        session.events.redone.connect(self._redone)
        self.action = make_action(
            host, "actionHouseRegister", self.tr("House &Register…"), self.open_dialog
        )
        self.reload()

    def open_dialog(self) -> RegisterDialog:
        """Show the House Register dialog; its changes are read at once."""
        # Imported when first opened, not as the window opens.
        from newsdesk.gui.register.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.table, self._editor_name, self._host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.register_changed.connect(self.reload)
        dialog.open()
        return dialog

    @property
    def register(self) -> HouseRegister:
        """The register as last read from the database."""
        return self._register

    def reload(self) -> None:
        """Read the register again and hand it to the extractor."""
        try:
            self._register = self.table.load()
        except StorageError as error:
            log.warning("cannot read the house register: %s", error)
            return
        self._apply(self._register)
        self.changed.emit()

    def refresh(self) -> None:
        """Read the register again if it changed in the database since it was read."""
        try:
            changed = self.table.stamp() != self._register.stamp
        except StorageError as error:
            log.warning("cannot read the house register: %s", error)
            return
        if changed:
            self.reload()

    def record(self, correction: Correction, patch: Patch) -> None:
        """Keep what one correction of a name teaches (the correction is made already)."""
        entries = lessons(correction, patch, editor=self._editor_name(), story=self._session.story)
        if not entries:
            return
        made: list[int] = []
        try:
            for entry in entries:
                kept = self.table.add(entry, editor=self._editor_name())
                if kept.revision == 1 and kept.id is not None:
                    made.append(kept.id)
        except StorageError as error:
            self._notices.warn(self.tr("House register not updated"), str(error))
            return
        self._made[id(patch)] = made
        said = "; ".join(e.says() for e in entries)
        self._notices.status(self.tr("House register: %s") % said, 8000)
        self.reload()

    def _undone(self, steps: list[Step]) -> None:
        self._switch(steps, active=False)

    def _redone(self, steps: list[Step]) -> None:
        self._switch(steps, active=True)

    def _switch(self, steps: list[Step], *, active: bool) -> None:
        ids = [i for s in steps if isinstance(s, FactStep) for i in self._made.get(id(s.patch), [])]
        if not ids:
            return
        try:
            for entry_id in ids:
                self.table.set_active(entry_id, active, editor=self._editor_name())
        except (StorageError, LookupError) as error:
            log.warning("house register entry not switched: %s", error)
        self.reload()
