"""The child process of ``test_draft``: real window, unsaved corrections, then killed.

Run as ``python -m tests.draft_child DB``. It analyses the test story with the
fake extractor, verifies one figure and corrects another, prints ``DRAFT``
once a draft holding that work is on disk, and waits to be killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from newsdesk.app import build_main_window
from tests.gui_helpers import (
    STORY,
    FakeExtractor,
    set_editor_name,
)


def main(db: str) -> int:
    app = QApplication(sys.argv)
    set_editor_name()
    window = build_main_window(db, extractor_loader=FakeExtractor)
    window.drafts.set_interval(50)
    window.show()

    def loaded() -> None:
        window.set_article_text(STORY)
        window.analyse_now()

    def analysed() -> None:
        window.analysis_finished.disconnect(analysed)
        window.corrections.set_status("f1", "verified")
        window.corrections.edit_fields("f2", {"value": "350"})
        window.drafts.draft_written.connect(written)

    def written(path: str) -> None:
        sys.stdout.write("DRAFT\n")
        sys.stdout.flush()

    window.analysis.model_loaded.connect(loaded)
    window.analysis_finished.connect(analysed)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
