"""Fact highlighting in the article editor, without touching the document.

:class:`FactHighlighter` is a ``QSyntaxHighlighter`` over a sorted list of
:class:`FactSpan` s in Qt positions: formats live in the layout, never in the
text, so undo, copy and the saved article stay clean. When the editor's text
changes, spans after the edit move with it and spans the edit touched are
dropped, so the marks stay on the right words until the next analysis lands.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from newsdesk.core.article.wire import is_furniture
from newsdesk.core.sheet.kinds import group_of
from newsdesk.core.sheet.model import Fact, FactSheet
from newsdesk.gui import kinds
from newsdesk.gui.article.offsets import OffsetMap

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FactSpan:
    """One highlighted stretch of text: Qt positions ``[start, end)`` of one fact."""

    start: int
    end: int
    fact_id: str
    group: str


def sheet_spans(
    sheet: FactSheet, ids: Collection[str] | None = None, offsets: OffsetMap | None = None
) -> list[FactSpan]:
    """Every mention of every fact in ``sheet`` (or of the facts ``ids``), in Qt positions."""
    offsets = offsets or OffsetMap(sheet.article.text)
    facts: list[Fact] = [*sheet.entities, *sheet.figures, *sheet.dates, *sheet.quotes]
    spans = [
        FactSpan(offsets.to_qt(start), offsets.to_qt(end), fact.id, group_of(fact))
        for fact in facts
        if ids is None or fact.id in ids
        for start, end in fact.spans()
        if end > start
    ]
    spans.sort(key=lambda span: (span.start, span.end))
    return spans


class FactHighlighter(QSyntaxHighlighter):
    """Paints fact spans over a document (see the module docstring)."""

    def __init__(self, document: QTextDocument, parent: QObject) -> None:
        super().__init__(parent)
        self._spans: list[FactSpan] = []
        self._starts: list[int] = []
        self._longest = 0
        self._hidden: frozenset[str] = frozenset()
        self._formats = {key: kinds.char_format(key) for key in kinds.STYLES}
        self._furniture = kinds.furniture_format()
        # Connected before setDocument() so spans move before Qt re-highlights
        # the edited block (slots run in connection order).
        document.contentsChange.connect(self._shift)
        self.setDocument(document)

    def set_dark(self, dark: bool) -> None:
        """Rebuild the highlight formats for a light or dark colour scheme and repaint."""
        self._formats = {key: kinds.char_format(key, dark) for key in kinds.STYLES}
        self.rehighlight()

    # -- the spans -------------------------------------------------------------

    @property
    def spans(self) -> list[FactSpan]:
        """The current spans, sorted by position (a copy)."""
        return list(self._spans)

    def set_spans(self, spans: list[FactSpan]) -> None:
        """Replace every span; repaint only the blocks whose spans changed.

        A fresh analysis of a long story mostly returns the spans already shown;
        re-highlighting every block would re-lay out the whole document.
        """
        old = self._spans
        self._store(sorted(spans, key=lambda span: (span.start, span.end)))
        if not old:
            self.rehighlight()
        else:
            self._repaint(list(set(old) ^ set(self._spans)))

    def clear(self) -> None:
        self.set_spans([])

    def replace_facts(self, ids: Collection[str], spans: list[FactSpan]) -> None:
        """Replace the spans of the facts ``ids`` by ``spans``; repaint only where they were."""
        ids = set(ids)
        old = [span for span in self._spans if span.fact_id in ids]
        kept = [span for span in self._spans if span.fact_id not in ids]
        self._store(sorted([*kept, *spans], key=lambda span: (span.start, span.end)))
        self._repaint([*old, *spans])

    @property
    def hidden_groups(self) -> frozenset[str]:
        """The groups not painted (switched off in the legend)."""
        return self._hidden

    def set_hidden_groups(self, groups: Collection[str]) -> None:
        """Paint every group but ``groups``."""
        hidden = frozenset(groups)
        if hidden != self._hidden:
            changed = hidden ^ self._hidden
            self._hidden = hidden
            self._repaint([span for span in self._spans if span.group in changed])

    def _repaint(self, spans: list[FactSpan]) -> None:
        document = self.document()
        if document is None:
            return
        blocks: set[int] = set()
        for span in spans:
            block = document.findBlock(span.start)
            last = document.findBlock(max(span.start, span.end - 1)).blockNumber()
            while block.isValid() and block.blockNumber() <= last:
                if block.blockNumber() not in blocks:
                    blocks.add(block.blockNumber())
                    self.rehighlightBlock(block)
                block = block.next()

    def span_at(self, position: int) -> FactSpan | None:
        """The innermost span at Qt ``position`` (touching its end counts)."""
        lo = bisect_left(self._starts, position - self._longest)
        hits = [
            span
            for span in self._spans[lo : bisect_left(self._starts, position + 1)]
            if span.start <= position <= span.end
        ]
        return min(hits, key=lambda span: span.end - span.start) if hits else None

    def spans_of(self, fact_id: str) -> list[FactSpan]:
        """Every span of one fact, in text order."""
        return [span for span in self._spans if span.fact_id == fact_id]

    def _store(self, spans: list[FactSpan]) -> None:
        self._spans = spans
        self._starts = [span.start for span in spans]
        self._longest = max((span.end - span.start for span in spans), default=0)

    @Slot(int, int, int)
    def _shift(self, position: int, removed: int, added: int) -> None:
        """Keep spans on their words while the text is edited."""
        if not self._spans or removed == added == 0:
            return
        delta = added - removed
        kept: list[FactSpan] = []
        for span in self._spans:
            if span.end <= position:
                kept.append(span)
            elif span.start >= position + removed:
                kept.append(replace(span, start=span.start + delta, end=span.end + delta))
            # A span the edit cut into no longer shows its fact: drop it.
        self._store(kept)

    # -- painting --------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        if is_furniture(text):
            # A caption, credit or "follow live" line: shown greyed, never analysed.
            self.setFormat(0, len(text), self._furniture)
            return
        if not self._spans:
            return
        block = self.currentBlock()
        first = block.position()
        last = first + block.length() - 1  # UTF-16 units, without the separator
        lo = bisect_left(self._starts, first - self._longest)
        hi = bisect_left(self._starts, last)
        hits = [
            span
            for span in self._spans[lo:hi]
            if span.end > first and span.group not in self._hidden
        ]
        # Quotes first, then the names and figures inside them on top.
        hits.sort(key=lambda span: (kinds.PAINT_ORDER.get(span.group, 1), span.start))
        for span in hits:
            start = max(span.start, first) - first
            end = min(span.end, last) - first
            if end <= start:
                continue
            fmt = QTextCharFormat(self.format(start))
            fmt.merge(self._formats[span.group])
            self.setFormat(start, end - start, fmt)
