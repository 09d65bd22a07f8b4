"""Versioned fact sheets in one SQLite file (through ``sqlite_utils``); no Qt here.

``Store`` is the one entry point: stories, each with an append-only list of
saved versions, plus one ``facts`` row per fact for queries in Datasette or the
``sqlite-utils`` command line, full-text search over article texts and facts,
and consistent backups (``VACUUM INTO``).
"""

from __future__ import annotations

from newsdesk.storage.records import SaveOutcome, SearchHit, StoryInfo, VersionInfo
from newsdesk.storage.slugs import slugify
from newsdesk.storage.store import Store

__all__ = ["SaveOutcome", "SearchHit", "Store", "StoryInfo", "VersionInfo", "slugify"]
