"""How newsdesk presents itself to the desktop: its id, names and icon.

The reverse-DNS id ``org.newsdesk.newsdesk`` names the desktop entry and the
AppStream metadata (``packaging/linux/``) and is the desktop file name Qt
reports to the window manager (Wayland's app id), so the dock groups the
window under the installed entry and shows its icon.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

import newsdesk
from newsdesk.resources import resource

APP_ID = "org.newsdesk.newsdesk"
DISPLAY_NAME = "newsdesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The app icon: the rendered PNGs for exact sizes, the SVG for any other."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png))
    svg = resource("icons", "newsdesk.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def present_application(app: QGuiApplication, name: str) -> None:
    """Name, version, desktop file name and window icon of the running app."""
    app.setApplicationName(name)
    app.setOrganizationName(name)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(newsdesk.__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
