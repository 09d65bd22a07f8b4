"""How each group of facts looks: its translated name, colour and underline.

The groups themselves (People, Organisations, … Quotes) come from
``newsdesk.core.sheet.labels``; this module adds what only the window needs. Colours
are the Okabe–Ito palette, readable by colour-blind editors; they are drawn as
translucent backgrounds plus a solid underline, so the text keeps the palette's
own colour and stays legible on light and dark themes alike. Each group also
has its own underline style, so the marks differ even without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextCharFormat,
)

from newsdesk.core.sheet.labels import GROUPS

_UNDERLINE = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class KindStyle:
    """The look of one group: wash colour and strength, underline style and colour."""

    colour: str
    underline: QTextCharFormat.UnderlineStyle
    background_alpha: int
    underline_colour: str | None = None  # when the wash colour is too pale for a line
    italic: bool = False
    bold: bool = False


STYLES: dict[str, KindStyle] = {
    "people": KindStyle("#0072B2", _UNDERLINE.SingleUnderline, 64),
    "organisations": KindStyle("#CC79A7", _UNDERLINE.DashUnderline, 72),
    "places": KindStyle("#009E73", _UNDERLINE.DotLine, 60),
    "groups": KindStyle("#E69F00", _UNDERLINE.DashDotLine, 72),
    "other": KindStyle("#56B4E9", _UNDERLINE.DashDotDotLine, 64),
    "figures": KindStyle("#D55E00", _UNDERLINE.SingleUnderline, 84, bold=True),
    "dates": KindStyle("#F0E442", _UNDERLINE.WaveUnderline, 130, underline_colour="#9A8C00"),
    # Quotes are long: a faint grey wash and italics, no underline competing
    # with the names and figures inside them.
    "quotes": KindStyle("#999999", _UNDERLINE.NoUnderline, 44, italic=True),
}

# Inner facts are drawn over quotes: a lower number is painted first.
PAINT_ORDER: dict[str, int] = {key: (0 if key == "quotes" else 1) for key in GROUPS}


def group_title(key: str) -> str:
    """The group's name in the user's language ("People", "Figures", …)."""
    titles = {
        "people": QCoreApplication.translate("kinds", "People"),
        "organisations": QCoreApplication.translate("kinds", "Organisations"),
        "places": QCoreApplication.translate("kinds", "Places"),
        "groups": QCoreApplication.translate("kinds", "Groups"),
        "other": QCoreApplication.translate("kinds", "Other"),
        "figures": QCoreApplication.translate("kinds", "Figures"),
        "dates": QCoreApplication.translate("kinds", "Dates"),
        "quotes": QCoreApplication.translate("kinds", "Quotes"),
    }
    return titles[key]


def system_is_dark() -> bool:
    """Whether the desktop's colour scheme is dark (by the window colour when unknown)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    scheme = app.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


# On a dark ground a wash needs more strength to show, and a dark underline vanishes.
DARK_ALPHA_FACTOR = 1.5


def line_colour(key: str, dark: bool = False) -> QColor:
    """The group's underline colour (on a dark scheme the palette colour itself)."""
    style = STYLES[key]
    if dark:
        return QColor(style.colour)
    return QColor(style.underline_colour or style.colour)


def wash_alpha(key: str, dark: bool = False) -> int:
    """How strong the group's background wash is."""
    alpha = STYLES[key].background_alpha
    return min(255, round(alpha * DARK_ALPHA_FACTOR)) if dark else alpha


def char_format(key: str, dark: bool | None = None) -> QTextCharFormat:
    """The highlight format of the group: translucent background and underline.

    ``dark`` follows the system's colour scheme unless given.
    """
    if dark is None:
        dark = system_is_dark()
    style = STYLES[key]
    fmt = QTextCharFormat()
    background = QColor(style.colour)
    background.setAlpha(wash_alpha(key, dark))
    fmt.setBackground(background)
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(line_colour(key, dark))
    if style.italic:
        fmt.setFontItalic(True)
    if style.bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


def swatch(key: str, size: int = 14, ratio: float = 1.0, dark: bool | None = None) -> QPixmap:
    """A small square showing the group's highlight: its wash and its underline.

    Drawn at ``size`` × ``ratio`` device pixels (``ratio`` 2 on a 2× screen), so
    it stays sharp at any scale; its logical size is ``size``.
    """
    if dark is None:
        dark = system_is_dark()
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    style = STYLES[key]
    painter = QPainter(pixmap)
    try:
        wash = QColor(style.colour)
        wash.setAlpha(min(255, max(wash_alpha(key, dark) * 2, 110)))
        painter.fillRect(QRectF(0, 0, size, size), wash)
        pen = QPen(line_colour(key, dark))
        pen.setWidthF(2.0)
        pen.setStyle(_PEN_STYLES.get(style.underline, Qt.PenStyle.SolidLine))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(0, size - 1), QPointF(size, size - 1))
        border = QPen(line_colour(key, dark))
        border.setWidthF(1.0)
        painter.setPen(border)
        painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    finally:
        painter.end()
    return pixmap


def swatch_icon(key: str, size: int = 14, dark: bool | None = None) -> QIcon:
    """The swatch at 1× and 2×: Qt takes the one for the screen's scale."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(swatch(key, size, ratio, dark))
    return icon


_PEN_STYLES: dict[QTextCharFormat.UnderlineStyle, Qt.PenStyle] = {
    _UNDERLINE.DashUnderline: Qt.PenStyle.DashLine,
    _UNDERLINE.DotLine: Qt.PenStyle.DotLine,
    _UNDERLINE.DashDotLine: Qt.PenStyle.DashDotLine,
    _UNDERLINE.DashDotDotLine: Qt.PenStyle.DashDotDotLine,
    _UNDERLINE.NoUnderline: Qt.PenStyle.NoPen,
}


# How each status is drawn in the facts list: a box with a mark, in the status's colour.
_STATUS_MARKS = {"unverified": "", "verified": "tick", "disputed": "cross", "corrected": "pen"}


def status_icon(status: str, colour: QColor, size: int = 16) -> QIcon:
    """A tick box for ``status``: empty, ticked, crossed or with a pen stroke, at 1× and 2×."""
    return _status_icon(status, colour.rgba(), size)


# Drawn once per look: the facts list asks for a row's icon every time it paints the row,
# and drawing two antialiased pixmaps each time made a repaint of a long story slow.
@lru_cache(maxsize=64)
def _status_icon(status: str, rgba: int, size: int) -> QIcon:
    colour = QColor.fromRgba(rgba)
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(_status_pixmap(status, colour, size, ratio))
    return icon


def _status_pixmap(status: str, colour: QColor, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour)
        pen.setWidthF(1.6)
        painter.setPen(pen)
        box = QRect(2, 2, size - 5, size - 5)
        painter.drawRoundedRect(box, 2, 2)
        mark = _STATUS_MARKS.get(status, "")
        left, top, right, bottom = box.left() + 3, box.top() + 3, box.right() - 3, box.bottom() - 3
        if mark == "tick":
            middle = (left + (right - left) * 0.4, bottom)
            painter.drawLine(left, (top + bottom) // 2, round(middle[0]), middle[1])
            painter.drawLine(round(middle[0]), middle[1], right, top)
        elif mark == "cross":
            painter.drawLine(left, top, right, bottom)
            painter.drawLine(left, bottom, right, top)
        elif mark == "pen":
            painter.drawLine(left, bottom, right, top)
            painter.drawLine(left, bottom, left + 2, bottom)
    finally:
        painter.end()
    return pixmap


def furniture_format() -> QTextCharFormat:
    """How lines that are no story (captions, credits) look: greyed and italic."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#8a8a8a"))  # mid grey: recedes on light and dark themes
    fmt.setFontItalic(True)
    return fmt
