"""The desk's words to weigh: the editor adds words and switches shipped ones off.

:class:`EditorWordsFile` keeps the editor's list in ``words_to_weigh.txt`` in
the preferences folder (in memory when there is none), the same file
``newsdesk check`` reads. :class:`WordsDialog` edits it: the editor's own
words (one a line, ``word = advice``) and the shipped words to leave alone,
beside newsdesk's own list for reference.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from newsdesk.core.checks import EDITOR_FILE, EditorWords, read_editor_words
from newsdesk.core.checks.words import parse_editor_words, shipped_words
from newsdesk.errors import NewsdeskError

log = logging.getLogger(__name__)


class EditorWordsFile:
    """The editor's list in ``folder`` (``None``: kept in memory only)."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / EDITOR_FILE if folder is not None else None
        self._memory = EditorWords()

    def read(self) -> EditorWords:
        return read_editor_words(self.path) if self.path is not None else self._memory

    def write(self, words: EditorWords) -> None:
        """Keep ``words``; :class:`NewsdeskError` in words when the file cannot be written."""
        if self.path is None:
            self._memory = words
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(
                "# Words to weigh: yours added to newsdesk's; '- word' switches one off.\n"
                + words.to_text(),
                encoding="utf-8",
            )
        except OSError as error:
            raise NewsdeskError(
                f"Could not keep your words to weigh in {self.path}: {error.strerror or error}."
            ) from error


class WordsDialog(QDialog):
    """Edit the editor's words to weigh; :meth:`words` is the list as edited."""

    def __init__(self, words: EditorWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordsDialog")
        self.setWindowTitle(self.tr("Words to weigh"))
        self.added = QPlainTextEdit("\n".join(words.added), self)
        self.added.setObjectName("wordsAdded")
        self.added.setAccessibleName(self.tr("Your words to weigh"))
        self.added.setPlaceholderText(self.tr("hooligans = say what they did"))
        self.ignored = QPlainTextEdit("\n".join(words.ignored), self)
        self.ignored.setObjectName("wordsIgnored")
        self.ignored.setAccessibleName(self.tr("newsdesk's words not to flag"))
        shipped = QPlainTextEdit(
            "\n".join(f"{w.words} = {w.advice}" if w.advice else w.words for w in shipped_words()),
            self,
        )
        shipped.setReadOnly(True)
        shipped.setAccessibleName(self.tr("newsdesk's words to weigh"))
        note = QLabel(
            self.tr(
                "Every use of these words in a story is a check. One word or phrase a line; "
                "after “ = ”, what the desk advises instead."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("&Your words"), self.added)
        form.addRow(self.tr("&Not to flag"), self.ignored)
        form.addRow(self.tr("newsdesk's list"), shipped)
        form.addRow(buttons)
        self.resize(560, 520)

    def words(self) -> EditorWords:
        """The lists as edited (blank lines and comments left out)."""
        ignored = "\n".join(
            f"- {line}" for line in self.ignored.toPlainText().splitlines() if line.strip()
        )
        return parse_editor_words(self.added.toPlainText() + "\n" + ignored)
