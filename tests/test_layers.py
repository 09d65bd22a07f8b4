"""core and storage stay free of Qt: they import and run without PySide6."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_storage_import_without_pyside6() -> None:
    code = (
        "import sys\n"
        "import newsdesk.core.extract, newsdesk.core.model, newsdesk.core.wire\n"
        "import newsdesk.core.reading, newsdesk.core.render, newsdesk.core.nlp\n"
        "import newsdesk.storage, newsdesk.paths, newsdesk.errors, newsdesk.cli\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"Qt imported by core/storage: {result.stdout}"


def test_core_does_not_import_storage() -> None:
    code = (
        "import sys\n"
        "import newsdesk.core.extract, newsdesk.core.model, newsdesk.core.wire\n"
        "print('newsdesk.storage' in sys.modules, 'sqlite_utils' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "False"]
