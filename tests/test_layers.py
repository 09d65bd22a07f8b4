"""core, storage and sync stay free of Qt: they import and run without PySide6.

Every module of the two packages is imported (found by walking them), so a
module added later is covered without touching this test.
"""

from __future__ import annotations

import subprocess
import sys

_IMPORT_ALL = (
    "import importlib, pkgutil, sys\n"
    "for name in {packages}:\n"
    "    package = importlib.import_module(name)\n"
    "    for found in pkgutil.walk_packages(package.__path__, name + '.'):\n"
    "        importlib.import_module(found.name)\n"
)


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout


def test_core_storage_and_sync_import_without_pyside6() -> None:
    code = _IMPORT_ALL.format(packages=["newsdesk.core", "newsdesk.storage", "newsdesk.sync"]) + (
        "import newsdesk.paths, newsdesk.errors, newsdesk.cli\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(leaked))\n"
    )
    leaked = _run(code)
    assert leaked.strip() == "", f"Qt imported by core/storage/sync: {leaked}"


def test_the_local_file_works_without_the_desk_servers_driver() -> None:
    """Opening and saving never load psycopg: only a sync does."""
    code = _IMPORT_ALL.format(packages=["newsdesk.core", "newsdesk.storage"]) + (
        "print('psycopg' in sys.modules)\n"
    )
    assert _run(code).split() == ["False"]


def test_core_does_not_import_storage() -> None:
    code = _IMPORT_ALL.format(packages=["newsdesk.core"]) + (
        "print('newsdesk.storage' in sys.modules, 'sqlite_utils' in sys.modules)\n"
    )
    assert _run(code).split() == ["False", "False"]


def test_the_window_contract_covers_every_helper_of_the_window() -> None:
    """A module added to the GUI later is held to "helpers never import the window" too."""
    import pkgutil
    import tomllib
    from pathlib import Path

    import newsdesk.gui

    config = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    contract = next(
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"] == "no helper of the window imports the window"
    )
    covered = set(contract["source_modules"])
    helpers = {
        f"newsdesk.gui.{found.name}"
        for found in pkgutil.iter_modules(newsdesk.gui.__path__)
        if found.name != "main_window"
    }
    assert helpers == covered
