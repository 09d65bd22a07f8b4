"""Helpers shared by the window tests (not a test module)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from newsdesk.app import build_main_window
from newsdesk.core.article.wire import split_article
from newsdesk.core.sheet.model import Entity, FactSheet, Figure, Mention
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.preferences import Preferences
from newsdesk.paths import default_paths

EDITOR = "Test Editor"

STORY = (
    "Floods cut roads near Lagos\n"
    "\n"
    "LAGOS (Newsdesk Wire) - Floods cut off at least 12 villages, Alice Smith said.\n"
    "\n"
    "Bob Jones said 300 families fled. Alice Smith said help came late."
)
NAMES = ("Alice Smith", "Bob Jones", "Carol King")
_FIGURE = re.compile(r"(?:at least )?\d[\d,]*")


class FakeExtractor:
    """Finds ``NAMES`` and numbers; ``gate`` (if set) holds each call until it opens."""

    model_name = "fake-model 1.0"

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.calls: list[str] = []

    def extract(
        self,
        text: str,
        *,
        clean: bool = True,
        sheet_id: str | None = None,
        published: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> FactSheet:
        self.calls.append(text)
        paragraphs = max(1, text.count("\n\n") + 1)
        for done in range(1, paragraphs + 1):  # one paragraph group each, like the real one
            if progress is not None:
                progress(done, paragraphs)
        if self.gate is not None:
            self.gate.wait(10)
        entities = []
        for name in NAMES:
            mentions = [
                Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)
            ]
            if mentions:
                entities.append(Entity(f"e{len(entities) + 1}", "PERSON", name, mentions))
        figures = []
        for match in _FIGURE.finditer(text):
            value = float(match.group().removeprefix("at least ").replace(",", ""))
            hedged = match.group().startswith("at least")
            figures.append(
                Figure(
                    f"f{len(figures) + 1}",
                    match.group(),
                    match.start(),
                    match.end(),
                    kind="count",
                    value=value,
                    low=value,
                    high=None if hedged else value,
                    qualifier="at_least" if hedged else "exact",
                )
            )
        return FactSheet(article=split_article(text), entities=entities, figures=figures)


def set_editor_name(name: str = EDITOR) -> None:
    """Pre-set the editor's name, so no test ever waits on the "your name" question."""
    Preferences.in_folder(default_paths().config_dir).set_editor_name(name)


def find_fact_in_tree(view, fact_id: str, column: int = 0):  # type: ignore[no-untyped-def]
    """The proxy index of ``fact_id``'s cell in the facts view."""
    panel = view.parent()
    while not hasattr(panel, "proxy"):
        panel = panel.parent()
    source = panel.model.index_of(fact_id, column)
    return panel.proxy.mapFromSource(source)


def open_window(qtbot: Any, db: Path, windows: list[MainWindow], login: str) -> MainWindow:
    """A shown window on ``db`` with the fake extractor, dropping unsaved work when asked."""
    fake = FakeExtractor()
    window = build_main_window(db, extractor_loader=lambda: fake)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.signature.login_name = login
    qtbot.addWidget(window)
    window.show()
    windows.append(window)
    return window
