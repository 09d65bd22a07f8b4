"""What the story session needs of saved versions and of the place that keeps them.

Protocols, so the work layer never imports storage: the storage layer's
``Store`` and ``VersionInfo`` fit them as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from newsdesk.core.sheet.model import FactSheet


class SavedVersion(Protocol):
    """What the session needs to know of a saved version (``storage.VersionInfo`` fits)."""

    @property
    def number(self) -> int: ...

    @property
    def editor(self) -> str: ...

    @property
    def created_at(self) -> datetime: ...


class VersionStore(Protocol):
    """Where versions are kept (``storage.Store`` fits)."""

    def new_slug(self, headline: str) -> str: ...

    def save_version(
        self,
        slug: str,
        sheet: FactSheet,
        *,
        editor: str = "",
        message: str = "",
        headline: str | None = None,
        parent: int | None = None,
    ) -> SavedVersion: ...

    def versions(self, slug: str) -> Sequence[SavedVersion]: ...

    def load_version(self, slug: str, number: int | None = None) -> FactSheet: ...
