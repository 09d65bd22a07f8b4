"""The window follows the desktop's colour scheme while it runs.

When the desktop switches between light and dark, Qt emits
``QStyleHints.colorSchemeChanged``; the highlight formats and the legend's
swatches are rebuilt for the new ground (a wash needs more strength on dark,
a dark underline would vanish) and the views repaint their status icons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QWidget

from newsdesk.gui.kinds import system_is_dark

log = logging.getLogger(__name__)


class ColourScheme(QObject):
    """Tells ``listeners`` ``dark`` (a bool) each time the desktop's scheme changes.

    Signal: ``changed(bool)``, whether the scheme is now dark.
    """

    changed = Signal(bool)

    def __init__(
        self, listeners: Iterable[Callable[[bool], object]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.dark = system_is_dark()
        self._listeners = list(listeners)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        dark = scheme == Qt.ColorScheme.Dark if scheme != Qt.ColorScheme.Unknown else None
        self.dark = system_is_dark() if dark is None else dark
        log.info("colour scheme now %s", "dark" if self.dark else "light")
        for listener in self._listeners:
            listener(self.dark)
        self.changed.emit(self.dark)


def repaint_views(root: QWidget) -> Callable[[bool], None]:
    """A listener repainting every item view under ``root`` (their icons are drawn
    when painted, so a repaint draws them for the new scheme)."""

    def repaint(_dark: bool) -> None:
        for view in root.findChildren(QAbstractItemView):
            view.viewport().update()

    return repaint
