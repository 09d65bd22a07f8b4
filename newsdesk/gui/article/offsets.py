"""The one conversion between Python string indices and Qt text positions.

Python indexes a ``str`` by code point; Qt's ``QTextDocument`` counts UTF-16
code units, so every character outside the Basic Multilingual Plane (most
emoji, some CJK and historic scripts) takes two Qt positions but one Python
index. Fact offsets are Python indices (see DESIGN.md); everything that talks
to a Qt text widget converts through :class:`OffsetMap` and nowhere else.

Line ends need no conversion: the editor holds cleaned text, whose only line
break is ``\\n``, and ``QPlainTextEdit.toPlainText()`` returns exactly that.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Converts indices into one text between Python and Qt (UTF-16) counting.

    Built once per text (cheap: one pass, and nothing stored for text without
    astral characters); both directions are ``O(log n)``.
    """

    __slots__ = ("_astral", "_length", "_qt_starts")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Python index of each astral character, and its Qt position: the index
        # plus one extra unit for every astral character before it.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._qt_starts = [index + rank for rank, index in enumerate(self._astral)]

    @property
    def python_length(self) -> int:
        return self._length

    @property
    def qt_length(self) -> int:
        return self._length + len(self._astral)

    def to_qt(self, index: int) -> int:
        """The Qt position of Python index ``index`` (clamped to the text)."""
        index = max(0, min(index, self._length))
        return index + bisect_left(self._astral, index)

    def to_python(self, position: int) -> int:
        """The Python index of Qt position ``position`` (clamped to the text).

        A position between the two halves of a surrogate pair maps to the
        start of that character, so a span never splits an emoji.
        """
        position = max(0, min(position, self.qt_length))
        # Astral characters starting before ``position`` (including one it splits).
        return position - bisect_right(self._qt_starts, position - 1)
