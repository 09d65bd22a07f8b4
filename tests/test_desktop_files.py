"""Desktop integration as a user's desktop sees it: the entry, the AppStream metadata,
the icon at every size, and the id and icon the running window reports."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from newsdesk.gui.desktop import APP_ID, ICON_SIZES, app_icon, present_application
from tests.conftest import REPO

LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = REPO / "resources" / "icons" / "hicolor"


def _validator(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install {package}; .ci/run does)")
    return found


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _validator("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _validator("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_entry_metainfo_and_icon_share_the_reverse_dns_id() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"] == "newsdesk %f"  # a file given by the desktop reaches the window
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "newsdesk"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_hicolor_png_has_its_size_and_is_drawn(size: int) -> None:
    image = QImage(str(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() > 0  # not an empty square


def test_running_app_reports_desktop_id_and_an_icon_at_every_size(qtbot: QtBot) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    present_application(app, "newsdesk")
    assert app.desktopFileName() == APP_ID
    icon = app.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes
    assert not app_icon().pixmap(40, 40).isNull()  # a size in between comes from the SVG


def test_icons_script_writes_windows_ico_and_macos_icns(tmp_path: Path) -> None:
    ico, icns = tmp_path / "newsdesk.ico", tmp_path / "newsdesk.icns"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "icons.py"),
            "--no-png",
            "--ico",
            str(ico),
            "--icns",
            str(icns),
        ],
        check=True,
        capture_output=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    header = ico.read_bytes()[:6]
    assert header[:4] == b"\0\0\1\0" and int.from_bytes(header[4:6], "little") == 6
    assert icns.read_bytes()[:4] == b"icns"
