"""All saved stories, or those a search found, as a table for ``libraryView``.

Rows are :class:`~newsdesk.storage.StoryInfo` (browsing) or
:class:`~newsdesk.storage.SearchHit` (searching): headline, versions, when last
saved, and the state of the newest version's facts — how many are checked,
disputed and still unverified. A search adds where the words were found.
Below them, stories only the desk server has (:class:`~newsdesk.sync.remote.RemoteStory`),
each marked "[desk]", with who saved it last: a sync brings them here.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette

from newsdesk.gui.plain import plain_tooltip
from newsdesk.gui.table_model import AnyIndex, FlatTableModel
from newsdesk.storage import SearchHit, StoryInfo
from newsdesk.sync.remote import RemoteStory

STORY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's StoryInfo
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2  # the version to open (the matching one)


class LibraryColumn(IntEnum):
    """The library table's columns."""

    STORY = 0
    VERSIONS = 1
    SAVED = 2
    CHECKED = 3
    DISPUTED = 4
    UNVERIFIED = 5
    FOUND = 6


class LibraryModel(FlatTableModel):
    """A read-only table of stories or search hits (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stories: list[StoryInfo] = []
        self._hits: list[SearchHit | None] = []
        self._remote: list[RemoteStory] = []

    def set_stories(self, stories: list[StoryInfo]) -> None:
        """Show ``stories`` in the order given (no search column text)."""
        self.beginResetModel()
        self._stories = list(stories)
        self._hits = [None] * len(stories)
        self._remote = []
        self.endResetModel()

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Show the stories a search found, with the words around each match."""
        self.beginResetModel()
        self._stories = [hit.story for hit in hits]
        self._hits = list(hits)
        self._remote = []
        self.endResetModel()

    def set_remote(self, stories: list[RemoteStory]) -> None:
        """Show, below the local rows, the desk's stories this file does not have."""
        here = {story.slug for story in self._stories}
        self.beginResetModel()
        self._remote = [story for story in stories if story.slug not in here]
        self.endResetModel()

    def story(self, row: int) -> StoryInfo | None:
        return self._stories[row] if 0 <= row < len(self._stories) else None

    def remote_story(self, row: int) -> RemoteStory | None:
        """The desk's story on ``row`` when it is one of the remote rows."""
        at = row - len(self._stories)
        return self._remote[at] if 0 <= at < len(self._remote) else None

    @property
    def remote_count(self) -> int:
        return len(self._remote)

    def version_to_open(self, row: int) -> int | None:
        """The matching version for a search hit that is not the newest; else ``None``."""
        hit = self._hits[row] if 0 <= row < len(self._hits) else None
        if hit is None or hit.in_latest:
            return None
        return hit.version

    def row_total(self) -> int:
        return len(self._stories) + len(self._remote)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Story"),
            self.tr("Versions"),
            self.tr("Last saved"),
            self.tr("Checked"),
            self.tr("Disputed"),
            self.tr("Unverified"),
            self.tr("Found"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        remote = self.remote_story(index.row()) if index.isValid() else None
        if remote is not None:
            return self._remote_data(remote, index.column(), role)
        story = self.story(index.row()) if index.isValid() else None
        if story is None:
            return None
        column = index.column()
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(story, hit, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == LibraryColumn.FOUND and hit is not None:
                return plain_tooltip(hit.snippet)
            return plain_tooltip(f"{story.headline}\n{story.slug}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
            LibraryColumn.STORY,
            LibraryColumn.FOUND,
            LibraryColumn.SAVED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == STORY_ROLE:
            return story
        if role == VERSION_ROLE:
            return self.version_to_open(index.row())
        return None

    def _remote_data(self, story: RemoteStory, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            counts = story.status_counts
            texts = {
                LibraryColumn.STORY: self.tr("[desk] %s") % (story.headline or story.slug),
                LibraryColumn.VERSIONS: str(story.version_count),
                LibraryColumn.SAVED: story.latest_at.astimezone().strftime("%d %b %Y %H:%M"),
                LibraryColumn.CHECKED: f"{counts['verified'] + counts['corrected']}/"
                f"{story.fact_count}",
                LibraryColumn.DISPUTED: str(counts["disputed"]) if counts["disputed"] else "",
                LibraryColumn.UNVERIFIED: str(counts["unverified"]),
                LibraryColumn.FOUND: story.snippet,
            }
            return texts[LibraryColumn(column)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                self.tr("On the desk server (%s), last saved by %s. Sync to open it here.")
                % (story.server, story.editor or "?")
                + f"\n{story.headline}\n{story.slug}"
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return QPalette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _text(self, story: StoryInfo, hit: SearchHit | None, column: int) -> str:
        if column == LibraryColumn.STORY:
            return story.headline or story.slug
        if column == LibraryColumn.VERSIONS:
            return str(story.version_count)
        if column == LibraryColumn.SAVED:
            return story.latest_at.astimezone().strftime("%d %b %Y %H:%M")
        if column == LibraryColumn.CHECKED:
            checked = story.verified_count + story.corrected_count
            return f"{checked}/{story.fact_count}"
        if column == LibraryColumn.DISPUTED:
            return str(story.disputed_count) if story.disputed_count else ""
        if column == LibraryColumn.UNVERIFIED:
            return str(story.unverified_count)
        if hit is None:
            return ""
        if hit.in_latest:
            return hit.snippet
        return self.tr("version %d: %s") % (hit.version, hit.snippet)
