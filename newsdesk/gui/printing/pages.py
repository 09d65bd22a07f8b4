"""Printing and PDF export of fact sheets.

The sheet's layout comes from :func:`newsdesk.core.output.render.sheet_to_html`; a
``QTextDocument`` lays it out page by page and :func:`paint_sheet` draws each
page itself with a footer ("Page i of n", story, version, text hash), since
``QTextDocument`` has no running footers. :func:`export_pdf` writes a PDF
without any dialog (the command line and tests use it); :func:`print_preview`
opens the print preview for the desk printer.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QFileDevice, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

import newsdesk
from newsdesk.core.output.render import RenderOptions, footer_text, page_label, sheet_to_html
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.work.versions import SavedVersion
from newsdesk.errors import NewsdeskError, OutputError
from newsdesk.files import atomic_target

log = logging.getLogger(__name__)

Version = SavedVersion | int | None
PDF_RESOLUTION = 1200
# Qt lays a document out in fixed-point device pixels; past about 33 million it
# overflows (tens of thousands of facts at 1200 dpi) and crashes the process.
# Sheets are printed up to this many facts; bigger ones are exported as CSV or HTML.
PRINT_MAX_FACTS = 5_000
PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}


@dataclass(frozen=True)
class _Saved:
    number: int | None
    editor: str | None
    at: datetime | None


def _saved(version: Version) -> _Saved:
    if version is None or isinstance(version, int):
        return _Saved(version, None, None)
    return _Saved(version.number, version.editor or None, version.created_at)


def sheet_document(
    sheet: FactSheet, version: Version = None, options: RenderOptions | None = None
) -> QTextDocument:
    """The sheet as a ``QTextDocument`` ready to lay out (``version``: number or info)."""
    saved = _saved(version)
    html = sheet_to_html(
        sheet, version=saved.number, saved_by=saved.editor, saved_at=saved.at, options=options
    )
    document = QTextDocument()
    document.setHtml(html)
    return document


def _configure(printer: QPrinter | QPdfWriter, page_size: str = "a4") -> None:
    layout = QPageLayout(
        QPageSize(PAGE_SIZES[page_size.lower()]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(16, 14, 16, 12),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def paint_sheet(
    device: QPrinter | QPdfWriter,
    sheet: FactSheet,
    version: Version = None,
    options: RenderOptions | None = None,
) -> int:
    """Lay the sheet out on ``device``'s pages with a footer on each; the page count."""
    check_printable(sheet)
    document = sheet_document(sheet, version, options)
    painter = QPainter()
    if not painter.begin(device):
        raise NewsdeskError("Could not start printing the fact sheet; check the printer or file.")
    try:
        pages = _paint(painter, device, document, footer_text(sheet, _saved(version).number))
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise OutputError("The fact sheet could not be finished; check the printer or file.")
    return pages


def check_printable(sheet: FactSheet) -> None:
    """Refuse, in words, a sheet too big to print (:data:`PRINT_MAX_FACTS`)."""
    count = sheet.fact_count()
    if count > PRINT_MAX_FACTS:
        raise OutputError(
            f"This fact sheet has {count:,} facts; newsdesk prints and writes PDFs of up to "
            f"{PRINT_MAX_FACTS:,}. Export it as CSV or HTML instead."
        )


def _paint(
    painter: QPainter, device: QPrinter | QPdfWriter, document: QTextDocument, story: str
) -> int:
    paint_rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(paint_rect.width()), float(paint_rect.height())
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    metrics = QFontMetricsF(font, device)
    body_height = height - metrics.height() * 2.2
    # Lay out in device pixels so points in the CSS become real points on paper.
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setTextWidth(width)
    slices = page_slices(document, body_height)
    pages = len(slices)
    first, last = 1, pages
    if isinstance(device, QPrinter) and device.fromPage() > 0:  # the print dialog's range
        first, last = device.fromPage(), min(device.toPage() or pages, pages)
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(device.resolution() / 200)
    for page in range(first, last + 1):
        if page > first:
            device.newPage()
        top, bottom = slices[page - 1]
        painter.save()
        painter.translate(0, -top)
        # drawContents draws every line that touches its rect: stop a pixel short, so the
        # first line of the next page's first row is neither drawn nor written here.
        painter.setClipRect(QRectF(0, top, width, bottom - top))
        document.drawContents(painter, QRectF(0, top, width, max(bottom - top - 1, 1)))
        painter.restore()
        painter.save()
        painter.setFont(font)
        painter.setPen(pen)
        rule = height - metrics.height() * 1.5
        painter.drawLine(0, round(rule), round(width), round(rule))
        line = QRectF(0, height - metrics.height() * 1.2, width, metrics.height() * 1.2)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, story)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            page_label(page, pages),
        )
        painter.restore()
    return pages


@dataclass
class _Unit:
    """A stretch of the laid-out document that should stay on one page."""

    top: float
    bottom: float
    forced: bool = False  # "page-break-before: always"
    keep_with_next: bool = False  # a heading stays with what it heads


def _units(document: QTextDocument) -> list[_Unit]:
    """The document's keep-together units: one per table row, one per other block."""
    layout = document.documentLayout()
    units: list[_Unit] = []
    last_key: tuple[int, int] | None = None
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        key = (table.firstPosition(), table.cellAt(cursor).row()) if table else None
        if key is not None and key == last_key:
            units[-1].top = min(units[-1].top, rect.top())
            units[-1].bottom = max(units[-1].bottom, rect.bottom())
        else:
            policy = block.blockFormat().pageBreakPolicy()
            units.append(
                _Unit(
                    rect.top(),
                    rect.bottom(),
                    forced=bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore),
                    keep_with_next=block.blockFormat().headingLevel() > 0,
                )
            )
        last_key = key
        block = block.next()
    return units


def page_slices(document: QTextDocument, page_height: float) -> list[tuple[float, float]]:
    """Where each page starts and ends in the laid-out document (``setTextWidth`` first).

    Pages break between fact rows, never inside one (``QTextDocument`` ignores
    ``page-break-inside``), keep a heading with its first row and honour
    ``page-break-before: always``. Only a row taller than a page is cut.
    """
    end = document.size().height()
    starts = [0.0]
    units = _units(document)
    for index, unit in enumerate(units):
        start = unit.top
        bottom = unit.bottom
        if unit.keep_with_next and index + 1 < len(units):
            bottom = max(bottom, units[index + 1].bottom)
        if unit.forced and start > starts[-1]:
            starts.append(start)
        elif bottom - starts[-1] > page_height and start > starts[-1]:
            if index > 0 and units[index - 1].keep_with_next and units[index - 1].top > starts[-1]:
                start = units[index - 1].top  # already placed: move the heading along
            starts.append(start)
        while unit.bottom - starts[-1] > page_height:  # taller than a page: cut it
            starts.append(starts[-1] + page_height)
    starts = sorted(set(starts))
    return [(top, bottom) for top, bottom in zip(starts, [*starts[1:], end], strict=True)]


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (offscreen when there is no display)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["newsdesk"])


def export_pdf(
    sheet: FactSheet,
    path: Path | str,
    version: Version = None,
    options: RenderOptions | None = None,
    *,
    page_size: str = "a4",
    author: str | None = None,
    protect: Iterable[Path] = (),
) -> Path:
    """Write ``sheet`` as a PDF to ``path`` and return the path.

    The PDF's title is the headline and its author the editor who saved the
    version (or ``author``). It is written whole or not at all
    (:func:`newsdesk.files.atomic_target`): a full disk or a failing writer
    leaves the previous file as it was. ``protect`` names databases the
    target must not be. Raises :class:`~newsdesk.errors.NewsdeskError` with a
    message for the editor when the file cannot be written.
    """
    target = Path(path)
    with atomic_target(target, protect=protect) as temporary:
        # Our own device, so its errors can be read: QPdfWriter only warns.
        device = QFile(str(temporary))
        if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
            raise OutputError(f"Could not write {target}: {device.errorString()}.")
        writer = QPdfWriter(device)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(sheet.article.headline or "newsdesk fact sheet")
        writer.setAuthor(author or _saved(version).editor or "")
        writer.setCreator(f"newsdesk {newsdesk.__version__}")
        _configure(writer, page_size)
        try:
            pages = paint_sheet(writer, sheet, version, options)
        finally:
            del writer  # ends the PDF: its last bytes go to the device now
            device.flush()
            failed = device.error() != QFileDevice.FileError.NoError
            problem = device.errorString()
            device.close()
        if failed:
            raise OutputError(
                f"Could not write {target}: {problem}. Nothing was changed there; "
                "choose another folder or free some space."
            )
    log.info("exported a fact sheet (%d pages)", pages)
    log.debug("exported to %s", target)  # the file is often named after the story
    return target


def print_preview(
    parent: QWidget,
    sheet: FactSheet,
    version: Version = None,
    options: RenderOptions | None = None,
) -> None:
    """Open the print preview of ``sheet``; the user prints from there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(sheet.article.headline or "newsdesk fact sheet")
    _configure(printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintActions", "Print fact sheet"))
    dialog.paintRequested.connect(lambda target: paint_sheet(target, sheet, version, options))
    dialog.exec()
