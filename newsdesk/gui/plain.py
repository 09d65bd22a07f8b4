"""A user's words on screen are words, never markup.

Qt guesses whether a label's or tooltip's text is rich text: an editor's name
or a fact written ``<img src=/path>`` would be drawn as HTML and make Qt open
a local file. :func:`plain_label` makes a label that never guesses, and
:func:`plain_tooltip` escapes a tooltip's text (tooltips have no plain-text
switch, so their text is escaped inside an explicit rich-text wrapper).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A ``QLabel`` that shows ``text`` (and whatever is set later) as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str | None) -> str:
    """``text`` as a tooltip shows it, character for character, on its lines."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
