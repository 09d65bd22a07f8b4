"""File › Export… (HTML, Markdown, CSV, JSON) and File › Import JSON….

The dialog-free halves, :func:`export_sheet` and :func:`import_sheet`, are
what scripts and tests drive; the ``choose_*`` handlers add the file dialogs.
An imported sheet is shown exactly as saved (statuses, notes, offsets) as
unsaved work in a new story.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from newsdesk.core.article.reading import read_sheet_file
from newsdesk.core.output.exports import export_bytes
from newsdesk.core.output.render import RenderOptions
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.session import StorySession
from newsdesk.errors import NewsdeskError
from newsdesk.files import write_atomic
from newsdesk.gui.notices import Notices
from newsdesk.gui.preferences import Preferences
from newsdesk.gui.stories import StoryFlow

# File dialog filters by format, in menu order.
FILTERS: dict[str, str] = {
    "html": "HTML page (*.html)",
    "md": "Markdown (*.md)",
    "csv": "CSV spreadsheet (*.csv)",
    "json": "newsdesk JSON (*.json)",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportActions", text)


def export_sheet(
    session: StorySession,
    path: Path | str,
    fmt: str,
    options: RenderOptions | None = None,
    *,
    protect: Iterable[Path] = (),
) -> Path:
    """Write the session's sheet to ``path`` as ``fmt``, whole or not at all, never over
    a database in ``protect``; raises :class:`NewsdeskError`."""
    sheet = session.sheet
    if sheet is None:
        raise NewsdeskError("There is no fact sheet to export yet.")
    version = None if session.dirty else session.version
    data = export_bytes(
        sheet,
        fmt,
        version=version.number if version else None,
        saved_by=(version.editor or None) if version else None,
        saved_at=version.created_at if version else None,
        options=options,
    )
    return write_atomic(Path(path), data, protect=protect)


def import_sheet(stories: StoryFlow, path: Path | str) -> FactSheet:
    """Read a fact sheet JSON file and show it as unsaved work in a new story.

    The file is checked against the fact-sheet schema first: one that fails
    raises :class:`NewsdeskError` naming the field, and the window is left as it was.
    """
    sheet = read_sheet_file(path)
    show_imported(stories, sheet)
    return sheet


def show_imported(stories: StoryFlow, sheet: FactSheet) -> None:
    stories.restore_work(sheet.article.text, sheet, None)


def choose_export(
    parent: QWidget,
    session: StorySession,
    notices: Notices,
    preferences: Preferences,
    protect: Iterable[Path] = (),
) -> None:
    """Ask where and in which format, then export the session's sheet."""
    if session.sheet is None:
        return
    base = preferences.start_folder() / (session.story or "fact-sheet")
    filters = {_tr(text): fmt for fmt, text in FILTERS.items()}
    path, chosen = QFileDialog.getSaveFileName(
        parent, _tr("Export fact sheet"), str(base.with_suffix(".html")), ";;".join(filters)
    )
    if not path:
        return
    preferences.remember_folder(path)
    fmt = filters.get(chosen) or Path(path).suffix.lstrip(".").lower()
    if fmt not in FILTERS:
        fmt = "html"
    target = Path(path) if Path(path).suffix else Path(f"{path}.{fmt}")
    try:
        export_sheet(session, target, fmt, protect=protect)
    except NewsdeskError as error:
        notices.warn(_tr("Not exported"), str(error))
        return
    notices.status(_tr("Exported %s") % target, 6000)


def choose_import(
    parent: QWidget, stories: StoryFlow, notices: Notices, preferences: Preferences
) -> None:
    """Ask for a fact sheet JSON file and show it."""
    if not stories.maybe_discard():
        return
    path, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Import fact sheet"),
        str(preferences.start_folder()),
        _tr("newsdesk JSON (*.json);;All files (*)"),
    )
    if not path:
        return
    preferences.remember_folder(path)
    stories.read_in_background(
        lambda: read_sheet_file(path),
        lambda sheet: show_imported(stories, sheet),
        _tr("Not imported"),
    )
