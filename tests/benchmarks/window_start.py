"""Window start to first facts: the window as ``newsdesk`` starts it, a story pasted at once.

The process loads the pipeline as the command line does (begun before Qt is
imported), builds and shows the window, pastes a short story, and exits when
its facts are shown; the caller times the whole process. Its floor is
:mod:`tests.benchmarks.floor` (import spaCy, load, parse the same story).

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.window_start FILE
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    story = Path(args[0]).read_text(encoding="utf-8")
    home = tempfile.mkdtemp(prefix="newsdesk-bench-")
    os.environ["NEWSDESK_HOME"] = home
    from newsdesk.cli import _preload

    preloaded = _preload(None)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from newsdesk.app import build_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    window = build_main_window(Path(home) / "bench.db", preloaded=preloaded)
    window.show()
    app.processEvents()
    loop = QEventLoop()
    window.analysis_finished.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    window.set_article_text(story)
    window.analyse_now()
    loop.exec()
    found = window.current_sheet is not None
    window.shutdown()
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
