"""Regenerate the README screenshot: the real window with a sample story analysed.

Run ``QT_QPA_PLATFORM=offscreen python packaging/screenshot.py``.
It uses a throw-away database and the installed language model.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.resources import read_text

log = logging.getLogger(__name__)


def take_screenshot(target: Path, sample: str = "conflict_airstrikes.txt") -> Path:
    """Render the window with ``sample`` analysed and one version saved to ``target``."""
    from newsdesk.app import build_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        window = build_main_window(Path(folder) / "screenshot.db")
        window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        try:
            window.show()
            loop = QEventLoop()
            window.analysis_finished.connect(loop.quit)
            window.analysis.model_failed.connect(loop.quit)
            QTimer.singleShot(60_000, loop.quit)
            window.set_article_text(read_text("samples", sample))
            loop.exec()
            window.save("first read")
            sheet = window.current_sheet
            figure = sheet.figures[0] if sheet is not None and sheet.figures else None
            if figure is not None:
                window.facts_panel.select_fact(figure.id)
                window.show_fact(figure.id)
            app.processEvents()
            target.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(target)):
                raise OSError(f"could not write {target}")
        finally:
            window.close()
            window.shutdown()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, nargs="?", default=Path("packaging/screenshot.png"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    take_screenshot(args.target)
    log.warning("wrote %s", args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
