"""The wheel as a user installs it: built, installed into a fresh venv with its
dependencies, and run — the CLI on a shipped sample and the window offscreen, each
finding its resources (samples, icons, the German catalogue) inside the installed package.

Slow (a fresh venv; the dependencies come from the package index or pip's cache), so the
tests are marked ``wheel``: ``make test`` leaves them out, ``make wheel-check`` (and so
``.ci/run``) runs them on the wheel ``make wheel`` built (``NEWSDESK_WHEEL``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.wheel

WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from newsdesk.app import build_main_window
from newsdesk.gui.desktop import APP_ID, present_application
from newsdesk.gui.language import install_translators
present_application(app, "newsdesk")
translators = install_translators(app, "de")
window = build_main_window(Path(sys.argv[1]))  # loads the installed pipeline
window.show()
app.processEvents()
menus = [action.text() for action in window.menuBar().actions()]
print("menus:", ", ".join(menus))
print("icon sizes:", len(app.windowIcon().availableSizes()))
print("desktop id:", app.desktopFileName())
print("newsdesk from:", sys.modules["newsdesk"].__file__)
window.shutdown()
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("NEWSDESK_WHEEL")
    if given:
        return Path(given)
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(["make", "-C", str(REPO), "translations"], check=True, capture_output=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), "."],
        cwd=REPO,
        check=True,
    )
    return next(folder.glob("newsdesk-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel and its dependencies installed; its bin folder."""
    where = tmp_path_factory.mktemp("fresh") / "venv"
    venv.create(where, with_pip=True)
    subprocess.run(
        [str(where / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
    )
    return where / "bin"


def test_wheel_holds_every_package_and_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {
        str(init.parent.relative_to(REPO))
        for init in (REPO / "newsdesk").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = {package for package in packages if f"{package}/__init__.py" not in names}
    assert missing == set()
    for shipped in (
        "newsdesk_resources/translations/newsdesk_de.qm",
        "newsdesk_resources/icons/newsdesk.svg",
        "newsdesk_resources/icons/hicolor/256x256/apps/org.newsdesk.newsdesk.png",
        "newsdesk_resources/samples/flood_relief.txt",
    ):
        assert shipped in names
    assert not any(name.endswith(".ts") for name in names)  # sources stay in the repo


def _run(bin_: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{bin_}:/usr/bin:/bin",
        "HOME": str(cwd),
        "NEWSDESK_HOME": str(cwd / "home"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [*args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300, check=False
    )


def test_installed_cli_extracts_a_shipped_sample(installed: Path, tmp_path: Path) -> None:
    version = _run(installed, str(installed / "newsdesk"), "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("newsdesk ")
    sample = _run(
        installed,
        str(installed / "python"),
        "-c",
        "from newsdesk.resources import resource; print(resource('samples', 'flood_relief.txt'))",
        cwd=tmp_path,
    )
    path = sample.stdout.strip()
    assert str(installed.parent) in path  # the installed copy, not the checkout
    result = _run(installed, str(installed / "newsdesk"), "extract", path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"entities"' in result.stdout and '"figures"' in result.stdout


def test_installed_window_opens_in_german_with_its_icon(installed: Path, tmp_path: Path) -> None:
    result = _run(
        installed, str(installed / "python"), "-c", WINDOW, str(tmp_path / "a.db"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "menus: &Datei, &Bearbeiten, &Analyse, Fa&kten, &Hilfe" in result.stdout
    assert "icon sizes: 8" in result.stdout
    assert "desktop id: org.newsdesk.newsdesk" in result.stdout
    assert str(installed.parent) in result.stdout  # the installed package ran
