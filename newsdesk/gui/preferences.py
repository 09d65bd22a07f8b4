"""The editor's preferences, kept with ``QSettings`` in newsdesk's config folder.

For now one thing: the editor's name, shown with every check ("verified by
anna"). It is asked once, the first time the editor checks a fact, and kept
in ``<config>/newsdesk.ini``; tests and scripts set it beforehand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from newsdesk.files import create_private_file, make_private_dir

SETTINGS_FILE = "newsdesk.ini"
_EDITOR_NAME = "editor/name"


class Preferences:
    """Reads and writes the settings file at ``path`` (``None``: kept in memory only)."""

    def __init__(self, path: Path | None) -> None:
        self._settings: QSettings | None = None
        self._memory: dict[str, str] = {}
        if path is not None:
            make_private_dir(path.parent)
            create_private_file(path)  # QSettings keeps the mode of the file it rewrites
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def in_folder(cls, config_dir: Path) -> Preferences:
        return cls(config_dir / SETTINGS_FILE)

    @property
    def editor_name(self) -> str:
        """The editor's name, ``""`` until it has been given."""
        return self._get(_EDITOR_NAME)

    def set_editor_name(self, name: str) -> None:
        self._set(_EDITOR_NAME, name.strip())

    def _get(self, key: str) -> str:
        if self._settings is None:
            return self._memory.get(key, "")
        value = self._settings.value(key, "")
        return str(value) if value is not None else ""

    def _set(self, key: str, value: str) -> None:
        if self._settings is None:
            self._memory[key] = value
            return
        self._settings.setValue(key, value)
        self._settings.sync()
