"""The editor's preferences, kept with ``QSettings`` in newsdesk's config folder.

The editor's name, shown with every check ("verified by anna"): asked once, the
first time the editor checks a fact. The folder file dialogs last used and the
files opened lately (File › Open Recent). The interface language (Edit ›
Interface Language). All in ``<config>/newsdesk.ini``;
tests and scripts set them beforehand.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from newsdesk.files import create_private_file, make_private_dir

SETTINGS_FILE = "newsdesk.ini"
_EDITOR_NAME = "editor/name"
_LAST_FOLDER = "files/last_folder"
_RECENT = "files/recent"
_LANGUAGE = "interface/language"
RECENT_LIMIT = 8


class Preferences:
    """Reads and writes the settings file at ``path`` (``None``: kept in memory only)."""

    def __init__(self, path: Path | None) -> None:
        self._settings: QSettings | None = None
        self._memory: dict[str, str] = {}
        # The preferences folder, where other lists of the editor's live too.
        self.folder: Path | None = path.parent if path is not None else None
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

    def start_folder(self) -> Path:
        """Where a file dialog opens: the folder last used, else Documents, else home.

        Only a folder that exists: a missing one makes the dialog type its name
        into the file name box.
        """
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        for candidate in (self._get(_LAST_FOLDER), documents):
            if candidate and Path(candidate).is_dir():
                return Path(candidate)
        return Path.home()

    def remember_folder(self, chosen: Path | str) -> None:
        """The folder of a file the editor chose, for the next dialog."""
        path = Path(chosen)
        self._set(_LAST_FOLDER, str(path if path.is_dir() else path.parent))

    @property
    def recent_files(self) -> list[Path]:
        """Article files opened lately, newest first."""
        try:
            names = json.loads(self._get(_RECENT) or "[]")
        except ValueError:
            return []
        return [Path(name) for name in names if isinstance(name, str)][:RECENT_LIMIT]

    def add_recent_file(self, path: Path | str) -> None:
        chosen = str(Path(path).resolve())
        names = [chosen, *(str(p) for p in self.recent_files if str(p) != chosen)]
        self._set(_RECENT, json.dumps(names[:RECENT_LIMIT]))
        self.remember_folder(chosen)

    def forget_recent_file(self, path: Path | str) -> None:
        names = [str(p) for p in self.recent_files if str(p) != str(path)]
        self._set(_RECENT, json.dumps(names))

    @property
    def language(self) -> str:
        """The interface language chosen (``"de"``, ``"en"``), ``""`` for the system's."""
        return self._get(_LANGUAGE)

    def set_language(self, code: str) -> None:
        self._set(_LANGUAGE, code)

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
