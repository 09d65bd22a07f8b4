"""Python string indices and Qt (UTF-16) positions: the one conversion, and what it shows.

Fact offsets count code points; Qt counts UTF-16 units. An emoji before a
figure shifts Qt one position per emoji, so without the conversion the
highlight would sit one letter off. These tests check what the editor
actually paints and selects, with emoji, CRLF copy and right-to-left text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from newsdesk.core.sheet.model import Article, Entity, FactSheet, Figure, Mention
from newsdesk.gui.article.article_editor import ArticleEditor
from newsdesk.gui.article.highlighter import sheet_spans
from newsdesk.gui.article.offsets import OffsetMap

# The offscreen platform plugin warns on every shown top-level window; harmless.


# -- the conversion itself ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii",
        "café – “quotes” ünïcödé",  # BMP only: the same in both countings
        "😀",
        "a😀b",
        "👍🏽 thumbs with skin tone",
        "family 👨‍👩‍👧 joined by ZWJ",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 maths letters 𝟚𝟝",
        "שלום 😀 עולם",
    ],
)
def test_round_trip_matches_utf16(text: str) -> None:
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        utf16 = len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_qt(index) == utf16
        assert offsets.to_python(utf16) == index
    assert offsets.qt_length == len(text.encode("utf-16-le")) // 2


def test_a_position_inside_an_emoji_maps_to_its_start() -> None:
    offsets = OffsetMap("a😀b")
    assert offsets.to_python(2) == 1  # between the two surrogates of 😀


def test_out_of_range_values_are_clamped() -> None:
    offsets = OffsetMap("a😀")
    assert offsets.to_qt(-5) == 0
    assert offsets.to_qt(99) == 3
    assert offsets.to_python(99) == 2


# -- what the editor paints -----------------------------------------------------


def highlighted(editor: ArticleEditor) -> list[str]:
    """The text of every stretch the highlighter painted, in order."""
    found = []
    block = editor.document().firstBlock()
    while block.isValid():
        for rng in block.layout().formats():
            cursor = QTextCursor(editor.document())
            cursor.setPosition(block.position() + rng.start)
            cursor.setPosition(
                block.position() + rng.start + rng.length, QTextCursor.MoveMode.KeepAnchor
            )
            found.append(cursor.selectedText())
        block = block.next()
    return found


def sheet_for(text: str, names: list[str], figures: list[str]) -> FactSheet:
    """A sheet whose offsets are Python indices into ``text``, as the extractor's are."""
    entities = []
    for n, name in enumerate(names, start=1):
        start = text.index(name)
        entities.append(Entity(f"e{n}", "PERSON", name, [Mention(start, start + len(name), name)]))
    found = []
    for n, figure in enumerate(figures, start=1):
        start = text.index(figure)
        found.append(Figure(f"f{n}", figure, start, start + len(figure), value=1))
    return FactSheet(article=Article(text=text), entities=entities, figures=found)


@pytest.fixture
def editor(qtbot: QtBot) -> ArticleEditor:
    widget = ArticleEditor()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    return widget


def paste(editor: ArticleEditor, raw: str) -> None:
    mime = QMimeData()
    mime.setText(raw)
    editor.insertFromMimeData(mime)


def test_span_after_emoji_highlights_the_right_characters(editor: ArticleEditor) -> None:
    paste(editor, "Fans 😀😀 cheered as Bob scored 25 goals 👍🏽 for Ann.")
    text = editor.toPlainText()
    editor.highlighter.set_spans(sheet_spans(sheet_for(text, ["Bob", "Ann"], ["25"])))

    assert highlighted(editor) == ["Bob", "25", "Ann"]


def test_crlf_copy_is_cleaned_and_offsets_match_the_editor(editor: ArticleEditor) -> None:
    paste(editor, "Headline 📰\r\n\r\n\r\nBody by Bob\r\nwith 12 cats.\r\n")
    text = editor.toPlainText()

    assert text == "Headline 📰\n\nBody by Bob\nwith 12 cats."
    editor.highlighter.set_spans(sheet_spans(sheet_for(text, ["Bob"], ["12"])))
    assert highlighted(editor) == ["Bob", "12"]


@pytest.mark.parametrize(
    ("raw", "name", "figure"),
    [
        ("قال 😀 أحمد إن 25 شخصا قتلوا", "أحمد", "25"),
        ("אמר 👍🏽 דוד כי 40 בתים נהרסו", "דוד", "40"),
    ],
)
def test_right_to_left_text_after_emoji(
    editor: ArticleEditor, raw: str, name: str, figure: str
) -> None:
    paste(editor, raw)
    text = editor.toPlainText()
    editor.highlighter.set_spans(sheet_spans(sheet_for(text, [name], [figure])))

    assert highlighted(editor) == [name, figure]


def test_show_span_selects_python_indices_after_emoji(editor: ArticleEditor) -> None:
    paste(editor, "🎉🎉🎉 Ann met Bob")
    text = editor.toPlainText()
    start = text.index("Bob")

    editor.show_span(start, start + 3)

    assert editor.textCursor().selectedText() == "Bob"
