"""Shared test set-up.

Qt runs offscreen, every test gets its own ``NEWSDESK_HOME`` so nothing touches
the user's real files, and the real pinned spaCy pipeline is loaded once per
session for the tests that need it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "resources" / "samples"


@pytest.fixture(autouse=True)
def newsdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every path newsdesk uses at a fresh temporary folder."""
    home = tmp_path / "newsdesk-home"
    home.mkdir()
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    """The real extractor on the pinned pipeline (loaded once per session)."""
    from newsdesk.core.extract import Extractor

    return Extractor.load()


def sample_text(name: str) -> str:
    """The text of a sample article shipped in ``resources/samples``."""
    return (SAMPLES / name).read_text(encoding="utf-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that drive Qt widgets so they can be selected or skipped."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
        if "extractor" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
