"""The names of the export formats and printed layouts, apart from the code that writes
them, so the command line's parser can offer them without importing it."""

from __future__ import annotations

TEXT_FORMATS: tuple[str, ...] = ("html", "md", "csv", "json")
FORMATS: tuple[str, ...] = ("pdf", *TEXT_FORMATS)
LAYOUTS: tuple[str, ...] = ("desk", "full")
