"""The shape of a story's history once editors share it: where each version came from.

A story saved on one machine is a line: every version follows the one before.
Through a desk server two editors can save from the same version apart, and
the history forks; a restore settles it (:meth:`Store.restore
<newsdesk.storage.store.Store.restore>`). :class:`HistoryShape` tells, for the
history list (the window's History panel and ``newsdesk history``), which
versions are the open ends of a fork, which version each one follows when
that is not simply the one before, and which fork ends a version settles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.storage.desk import open_heads
from newsdesk.storage.records import VersionInfo


@dataclass(frozen=True)
class HistoryShape:
    """Fork ends and parents of one story's versions, by version number."""

    fork_ends: tuple[int, ...]  # the open ends when there are two or more; else empty
    numbers: dict[str, int]  # version id -> its number in this file

    @classmethod
    def of(cls, versions: Sequence[VersionInfo]) -> HistoryShape:
        heads = open_heads(versions)
        ends = tuple(v.number for v in heads) if len(heads) > 1 else ()
        return cls(ends, {v.uid: v.number for v in versions if v.uid})

    @property
    def forked(self) -> bool:
        return bool(self.fork_ends)

    def parent_number(self, version: VersionInfo) -> int | None:
        """The number of the version ``version`` follows here (``None``: first, or not here)."""
        return self.numbers.get(version.parent_uid or "")

    def marks(self, version: VersionInfo) -> list[str]:
        """Short words for the history list: "fork", "from v3", "settles v5"."""
        marks = []
        if version.number in self.fork_ends:
            marks.append("fork")
        if version.parent_uid:
            parent = self.parent_number(version)
            if parent is None:
                marks.append("from a version not here")
            elif parent != version.number - 1:
                marks.append(f"from v{parent}")
        settled = [self.numbers[uid] for uid in version.resolves if uid in self.numbers]
        if settled:
            marks.append("settles " + ", ".join(f"v{n}" for n in sorted(settled)))
        return marks
