"""Versioned fact sheets in one SQLite file (through ``sqlite_utils``); no Qt here.

``Store`` is the one entry point: stories, each with an append-only list of
saved versions, plus one ``facts`` row per fact for queries in Datasette or the
``sqlite-utils`` command line.
"""

from __future__ import annotations

from newsdesk.storage.records import StoryInfo, VersionInfo
from newsdesk.storage.slugs import slugify
from newsdesk.storage.store import Store

__all__ = ["Store", "StoryInfo", "VersionInfo", "slugify"]
