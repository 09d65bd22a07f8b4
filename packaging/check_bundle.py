"""Run the built bundle as a new user would, headless, and say what held.

    python packaging/check_bundle.py dist/newsdesk/newsdesk     # or: make package-check

Everything runs in a throw-away home (``NEWSDESK_HOME``) with ``QT_QPA_PLATFORM=offscreen``
and only the bundle's own files: ``--version``; ``extract`` on a shipped sample (the English
pipeline's data and metadata must be in the bundle, else spaCy stops with E050/E052);
``check``; ``save`` and ``history`` (the database); ``export`` to PDF (Qt's printing) and
HTML; then the window: a first launch opens it offscreen and a second launch on the same
database hands it the saved story and exits 0, which happens only once the window's event
loop runs. Exit status 0 when every step held.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "flood_relief.txt"
WINDOW_WAIT_S = 120


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    app = Path(argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="newsdesk-bundle-") as folder:
        home = Path(folder)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "NEWSDESK_HOME": str(home / "newsdesk"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": os.environ.get("LANG", "C.UTF-8"),
        }
        db = str(home / "desk.db")
        failures = 0

        def step(name: str, *args: str, want: str = "") -> str:
            nonlocal failures
            started = time.monotonic()
            result = subprocess.run(
                [str(app), *args], capture_output=True, text=True, env=env, timeout=300
            )
            took = time.monotonic() - started
            ok = result.returncode == 0 and want in result.stdout + result.stderr
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name} ({took:.1f} s)")
            if not ok:
                print(result.stdout[-2000:], result.stderr[-2000:], sep="\n")
            return result.stdout

        step("--version", "--version", want="newsdesk ")
        sheet = step("extract a sample", "--db", db, "extract", str(SAMPLE))
        try:
            facts = json.loads(sheet)
            entities = len(facts.get("entities", []))
        except ValueError:
            entities = 0
        if entities == 0:
            failures += 1
            print("FAIL the extracted sheet has no names")
        else:
            print(f"     {entities} names found by the bundled pipeline")
        step("check a sample", "--db", db, "check", str(SAMPLE))
        step("save a version", "--db", db, "save", str(SAMPLE), "--story", "floods")
        step("history", "--db", db, "history", "floods", want="1")
        pdf, html = home / "floods.pdf", home / "floods.html"
        step("export PDF", "--db", db, "export", "floods", "--format", "pdf", "-o", str(pdf))
        step("export HTML", "--db", db, "export", "floods", "--format", "html", "-o", str(html))
        for path, magic in ((pdf, b"%PDF"), (html, b"<")):
            if not path.exists() or not path.read_bytes().lstrip().startswith(magic):
                failures += 1
                print(f"FAIL {path.name} is missing or not a {path.suffix} file")
        failures += not window_opens(app, db, env)
    print("bundle check:", "passed" if not failures else f"{failures} failed")
    return 1 if failures else 0


def window_opens(app: Path, db: str, env: dict[str, str]) -> bool:
    """A first launch opens the window; a second hands it the story and exits 0."""
    from PySide6.QtCore import QDir

    from newsdesk.gui.single_instance import server_name

    socket = Path(QDir.temp().filePath(server_name(Path(db))))
    started = time.monotonic()
    window = subprocess.Popen(
        [str(app), "--db", db], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        while not socket.exists():
            if window.poll() is not None or time.monotonic() - started > WINDOW_WAIT_S:
                print(f"FAIL the window did not start (exit {window.poll()})")
                return False
            time.sleep(0.2)
        try:
            second = subprocess.run(
                [str(app), "--db", db, "--story", "floods"],
                env=env,
                capture_output=True,
                timeout=WINDOW_WAIT_S,
            )
        except subprocess.TimeoutExpired:
            print("FAIL a second launch opened a window of its own")
            return False
        took = time.monotonic() - started
        ok = second.returncode == 0 and window.poll() is None
        verdict = "ok  " if ok else "FAIL"
        print(f"{verdict} window opened offscreen, took a second launch ({took:.1f} s)")
        return ok
    finally:
        window.send_signal(signal.SIGTERM)
        try:
            window.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            window.kill()
            window.communicate()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
