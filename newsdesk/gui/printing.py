"""Printing and PDF export of fact sheets.

The sheet is rendered to HTML by :func:`newsdesk.core.render.sheet_to_html`
and laid out by a ``QTextDocument``; :func:`export_pdf` writes a PDF without
any dialog (the command line and tests use it), :func:`print_preview` opens
the print preview for the desk printer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from newsdesk.core.model import FactSheet
from newsdesk.core.render import sheet_to_html
from newsdesk.errors import NewsdeskError
from newsdesk.storage import VersionInfo

log = logging.getLogger(__name__)

Version = VersionInfo | int | None


def sheet_document(sheet: FactSheet, version: Version = None) -> QTextDocument:
    """The sheet as a ``QTextDocument`` ready to print (``version``: number or info)."""
    if isinstance(version, VersionInfo):
        html = sheet_to_html(
            sheet,
            version=version.number,
            saved_by=version.editor or None,
            saved_at=version.created_at,
        )
    else:
        html = sheet_to_html(sheet, version=version)
    document = QTextDocument()
    document.setHtml(html)
    return document


def _configure(printer: QPrinter) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(18, 16, 18, 16),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def export_pdf(sheet: FactSheet, path: Path | str, version: Version = None) -> Path:
    """Write ``sheet`` as a PDF to ``path`` and return the path.

    Raises :class:`~newsdesk.errors.NewsdeskError` with a message for the
    editor when the file cannot be written.
    """
    target = Path(path)
    try:
        # Qt only warns when it cannot open the file; find out first, in words.
        with target.open("wb"):
            pass
    except OSError as error:
        raise NewsdeskError(
            f"Could not write {target}: {error.strerror or error}. "
            "Choose another folder or file name."
        ) from error
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setDocName(sheet.article.headline or "newsdesk fact sheet")
    printer.setCreator("newsdesk")
    _configure(printer)
    sheet_document(sheet, version).print_(printer)
    log.info("exported fact sheet to %s", target)
    return target


def print_preview(parent: QWidget, sheet: FactSheet, version: Version = None) -> None:
    """Open the print preview of ``sheet``; the user prints from there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure(printer)
    document = sheet_document(sheet, version)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(parent.tr("Print fact sheet"))
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
