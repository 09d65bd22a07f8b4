"""GUI responsiveness benchmark: edit → repainted highlight, and GUI-thread stalls.

On a 5,000-word story composed from the shipped samples, with the real
pipeline on its worker thread, it reports (never asserts):

- the time from a fact correction to the repainted highlight (the edit, the
  model update, the re-highlighted blocks and a synchronous viewport repaint),
  median and 95th percentile, for a status change and for a correction that
  moves a highlight (re-anchor);
- the longest GUI-thread stall while the story is analysed (a 1 ms timer's
  largest gap, result applied and reconciled included), idle and while typing.
  The timer runs on for :data:`SETTLE_MS` after the result is applied, so the
  gap that holds taking the result in, and the paint that shows it, is counted.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.gui [--words 5000] [--edits 60]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.resources import read_text, sample_names


def compose_story(words: int) -> str:
    """Sample bodies repeated (headline once) until the story has ``words`` words."""
    bodies = [read_text("samples", name).split("\n", 1)[1].strip() for name in sample_names()]
    parts = ["Desk benchmark story"]
    count = 0
    while count < words:
        for body in bodies:
            parts.append(body)
            count += len(body.split())
    return "\n\n".join(parts)


# How long the stall meter runs on after an analysis was applied (the window repaints).
SETTLE_MS = 300


def settle(ms: int = SETTLE_MS) -> None:
    """Run the event loop for ``ms`` (timers tick, the window repaints)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal: object, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


class StallMeter:
    """The largest gap between ticks of a 1 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now


def timed(action: Callable[[], object], repaint: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    repaint()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    results: dict[str, float] = {}
    # With --json the figures go out as one object, and nothing else.
    say: Callable[..., None] = (lambda *_, **__: None) if args.json else print

    home = tempfile.mkdtemp(prefix="newsdesk-bench-")
    os.environ["NEWSDESK_HOME"] = home
    app = QApplication.instance() or QApplication(sys.argv)
    from newsdesk.app import build_main_window
    from newsdesk.core.extract import Extractor
    from newsdesk.gui.preferences import Preferences
    from newsdesk.paths import default_paths

    Preferences.in_folder(default_paths().config_dir).set_editor_name("bench")
    extractor = Extractor.load_for_window()  # as the window's own start loads it
    window = build_main_window(Path(home) / "bench.db", extractor_loader=lambda: extractor)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    window.resize(1280, 800)
    window.show()
    if not window.analysis.ready:
        wait_for(window.analysis.model_loaded)
    story = compose_story(args.words)
    meter = StallMeter()

    # 1. Analysis of the whole story, the GUI idle.
    window.set_article_text(story)
    meter.start()
    started = time.perf_counter()
    window.analyse_now()
    wait_for(window.analysis_finished)
    analysis_s = time.perf_counter() - started
    settle()
    idle_stall = meter.stop()
    started = time.perf_counter()
    extractor.nlp(story)  # the same story in one bare call: what the GUI thread would stall
    results["bare_call_ms"] = (time.perf_counter() - started) * 1e3
    results["stall_idle_ms"] = idle_stall * 1e3
    results["analysis_ms"] = analysis_s * 1e3
    sheet = window.current_sheet
    assert sheet is not None
    say(
        f"story: {len(story.split()):,} words; {sheet.fact_count()} facts; "
        f"analysis {analysis_s:.2f} s wall; pipeline {extractor.model_name}"
    )
    say(f"longest GUI stall during analysis (idle):   {idle_stall * 1e3:6.1f} ms")

    # 2. Typing while the story is analysed again: a key every 30 ms.
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    key_times: list[float] = []

    def type_key() -> None:
        key_times.append(timed(lambda: editor.insertPlainText("x"), lambda: None))

    typist = QTimer()
    typist.setInterval(30)
    typist.timeout.connect(type_key)
    meter.start()
    window.analyse_now()
    typist.start()
    QTimer.singleShot(1500, typist.stop)
    pause = QEventLoop()
    QTimer.singleShot(1600, pause.quit)
    pause.exec()  # type for 1.5 s, then let the last analysis land
    window.analyse_now()
    wait_for(window.analysis_finished)
    settle()
    typing_stall = meter.stop()
    results["stall_typing_ms"] = typing_stall * 1e3
    say(f"longest GUI stall during analysis (typing): {typing_stall * 1e3:6.1f} ms")
    say(
        f"keystroke handling: median {statistics.median(key_times) * 1e3:.2f} ms, "
        f"max {max(key_times) * 1e3:.2f} ms over {len(key_times)} keys"
    )

    # 3. Edit → repainted highlight.
    sheet = window.current_sheet
    assert sheet is not None
    viewport = editor.viewport()
    figures = [f for f in sheet.figures if f.end > f.start][: args.edits]
    status_times = []
    for n, figure in enumerate(figures):
        window.facts_panel.select_fact(figure.id)  # scrolls it into view
        app.processEvents()
        status = "verified" if n % 2 == 0 else "disputed"
        status_times.append(
            timed(
                lambda f=figure, s=status: window.corrections.set_status(f.id, s), viewport.repaint
            )
        )
    anchor_times = []
    text = editor.toPlainText()
    for figure in figures:
        # Re-anchor to the figure's words minus their last character, then back (undo).
        start, end = figure.start, figure.end - 1
        if end <= start or text[start:end].strip() == "":
            continue
        cursor = editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        app.processEvents()
        anchor_times.append(
            timed(lambda f=figure: window.corrections.reanchor_to_selection(f.id), viewport.repaint)
        )
        window.session.undo()

    def report(name: str, times: list[float]) -> None:
        if not times:
            return
        results[f"repaint_{name}_ms"] = statistics.median(times) * 1e3
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        say(
            f"edit → repaint ({name}): median {statistics.median(times) * 1e3:5.2f} ms, "
            f"p95 {p95 * 1e3:5.2f} ms over {len(times)} edits (target median < 16 ms)"
        )

    report("status", status_times)
    report("re-anchor", anchor_times)
    window.shutdown()
    window.close()
    if args.json:
        sys.stdout.write(json.dumps(results) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
