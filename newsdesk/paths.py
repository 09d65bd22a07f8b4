"""Where newsdesk keeps its files.

Everything comes from here: the database, the log folder, the settings
folder and the cache folder. ``NEWSDESK_HOME`` moves all of them under one folder (tests, portable
installs); ``--db`` on the command line overrides just the database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "newsdesk"
HOME_ENV = "NEWSDESK_HOME"
DB_FILENAME = "newsdesk.db"


@dataclass(frozen=True)
class Paths:
    """The folders and files newsdesk uses on this machine."""

    data_dir: Path
    log_dir: Path
    config_dir: Path
    db_path: Path
    cache_dir: Path  # what can be built again at any time (the gazetteer's place names)

    @property
    def log_file(self) -> Path:
        return self.log_dir / "newsdesk.log"


def default_paths(db_path: Path | str | None = None) -> Paths:
    """Resolve the paths, honouring ``NEWSDESK_HOME`` and an explicit database."""
    home = os.environ.get(HOME_ENV)
    if home:
        base = Path(home).expanduser()
        data_dir, log_dir, config_dir = base, base / "logs", base / "config"
        cache_dir = base / "cache"
    else:
        data_dir = platformdirs.user_data_path(APP_NAME, appauthor=False)
        log_dir = platformdirs.user_log_path(APP_NAME, appauthor=False)
        config_dir = platformdirs.user_config_path(APP_NAME, appauthor=False)
        cache_dir = platformdirs.user_cache_path(APP_NAME, appauthor=False)
    db = Path(db_path).expanduser() if db_path else data_dir / DB_FILENAME
    return Paths(
        data_dir=data_dir, log_dir=log_dir, config_dir=config_dir, db_path=db, cache_dir=cache_dir
    )
