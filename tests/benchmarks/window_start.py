"""Window start to first facts: the window as ``newsdesk`` starts it, a story pasted at once.

The process loads the pipeline as the command line does (begun before Qt is
imported), builds and shows the window, pastes a short story, and exits when
its facts are shown; the caller times the whole process. Its floor is
:mod:`tests.benchmarks.floor` (import spaCy, load, parse the same story).

Each run has a home of its own (no database, settings or draft of an earlier
run) but the cache folder every start shares (the gazetteer's place names,
built by the first start of all): the folder of the caller's ``NEWSDESK_HOME``,
else the user's. ``--first`` times that first start instead, with an empty
cache folder.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.window_start FILE [--first]
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
    if "--first" not in args:
        from newsdesk.paths import default_paths

        cache = default_paths().cache_dir  # where the caller's starts keep it
        cache.mkdir(parents=True, exist_ok=True)
        os.symlink(cache, Path(home) / "cache", target_is_directory=True)
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
