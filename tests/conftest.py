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


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL cluster for the whole run (skipped where PostgreSQL is absent)."""
    from tests.pg_cluster import Cluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "no PostgreSQL server programs here (initdb, pg_ctl, postgres under "
            "/usr/lib/postgresql/*/bin or on PATH): install the distribution's 'postgresql' "
            "package, as .ci/run does, to run the desk server tests"
        )
    cluster = Cluster(bin_dir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def desk(pg_cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A fresh desk on the cluster; editors' passwords in a pgpass file (``PGPASSFILE``)."""
    from tests.desk_helpers import make_desk

    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    return make_desk(pg_cluster, pgpass)
