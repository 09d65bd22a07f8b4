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

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QTextCharFormat

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


def line_colour(key: str) -> QColor:
    """The group's underline colour."""
    style = STYLES[key]
    return QColor(style.underline_colour or style.colour)


def char_format(key: str) -> QTextCharFormat:
    """The highlight format of the group: translucent background and underline."""
    style = STYLES[key]
    fmt = QTextCharFormat()
    background = QColor(style.colour)
    background.setAlpha(style.background_alpha)
    fmt.setBackground(background)
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(line_colour(key))
    if style.italic:
        fmt.setFontItalic(True)
    if style.bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


def swatch(key: str, size: int = 14) -> QPixmap:
    """A small square showing the group's highlight: its wash and its underline."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    style = STYLES[key]
    painter = QPainter(pixmap)
    try:
        wash = QColor(style.colour)
        wash.setAlpha(min(255, max(style.background_alpha * 2, 110)))
        painter.fillRect(QRect(0, 0, size, size), wash)
        pen = QPen(line_colour(key))
        pen.setWidth(2)
        pen.setStyle(_PEN_STYLES.get(style.underline, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        painter.drawLine(0, size - 1, size, size - 1)
        painter.setPen(QPen(line_colour(key), 1))
        painter.drawRect(QRect(0, 0, size - 1, size - 1))
    finally:
        painter.end()
    return pixmap


def swatch_icon(key: str) -> QIcon:
    return QIcon(swatch(key))


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
    """A tick box for ``status``: empty, ticked, crossed or with a pen stroke."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on 2x screens too
    pixmap.setDevicePixelRatio(2.0)
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
    return QIcon(pixmap)


def furniture_format() -> QTextCharFormat:
    """How lines that are no story (captions, credits) look: greyed and italic."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#8a8a8a"))  # mid grey: recedes on light and dark themes
    fmt.setFontItalic(True)
    return fmt
