"""The one resolver for files shipped in ``resources/``.

The top-level ``resources/`` folder is installed as the package
``newsdesk_resources`` (see pyproject.toml), so the same code finds it in a
wheel, an editable install or a source checkout.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

PACKAGE = "newsdesk_resources"


def resource(*parts: str) -> Traversable:
    """A shipped file, e.g. ``resource("samples", "palmyra.txt")``."""
    node = resources.files(PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def sample_names() -> list[str]:
    """The sample articles, by file name, sorted."""
    folder = resource("samples")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
