"""The story-date bar (objectName ``storyDateBar``): what relative dates count from.

One line near the headline says the date "on Friday" and "last week" were
resolved against and where it was read ("Dates relative to Fri 25 Sep 2015 —
from the dateline"), or that there was none ("Dates relative to today — set
the story date"). A date field and **Set** change it: one undoable
correction through the story session that resolves every date again and
keeps every check (:func:`~newsdesk.core.work.story_date.set_story_date`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from newsdesk.core.output.wording import story_date_line
from newsdesk.core.work.session import StorySession
from newsdesk.core.work.story_date import set_story_date
from newsdesk.core.work.values import EditError


class StoryDateBar(QWidget):
    """The story date and where it came from, with a way to set it (see the module docstring).

    Signal: ``refused(str)`` — the date could not be set (the message says why).
    """

    refused = Signal(str)

    def __init__(self, session: StorySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyDateBar")
        self.setAccessibleName(self.tr("Story date"))
        self._session = session
        self.label = QLabel(self)
        self.label.setObjectName("storyDateLabel")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("storyDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Story date"))
        self.set_button = QPushButton(self.tr("Set Story &Date"), self)
        self.set_button.setObjectName("storyDateSet")
        self.set_button.clicked.connect(self.apply)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.set_button)
        events = session.events
        events.sheet_replaced.connect(self.refresh)
        events.facts_changed.connect(lambda _ids: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show the current sheet's story date (nothing to set before an analysis)."""
        sheet = self._session.sheet
        basis = sheet.article.date_basis if sheet is not None else None
        has_sheet = basis is not None
        self.date_edit.setEnabled(has_sheet)
        self.set_button.setEnabled(has_sheet)
        if sheet is None or basis is None:
            self.label.setText(self.tr("Dates are resolved once the story is analysed."))
            return
        if basis.from_ == "today":
            self.label.setText(self.tr("Dates relative to today — set the story date"))
            self.label.setStyleSheet("color: #C77C02;")
        else:
            self.label.setText(story_date_line(sheet))
            self.label.setStyleSheet("")
        day = dt.date.fromisoformat(basis.date)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def apply(self) -> bool:
        """Make the date in the field the story date: one undoable correction."""
        chosen = self.date_edit.date()
        day = dt.date(chosen.year(), chosen.month(), chosen.day()).isoformat()
        try:
            self._session.correct(self.tr("Set story date"), lambda s: set_story_date(s, day))
        except EditError as error:
            self.refused.emit(str(error))
            return False
        self.refresh()
        return True
