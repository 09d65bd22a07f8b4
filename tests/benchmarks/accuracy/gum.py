"""Reading the GUM news articles (``gum_news/gum_news_docs.jsonl``) once for three tasks."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.benchmarks.accuracy.systems import Errors, Input, Predictions, run_bare, run_newsdesk

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor

TEST = ("GUM_news_nasa", "GUM_news_sensitive")
_STORY_DATE = re.compile(r"^[A-Z][a-z]+day, ([A-Z][a-z]+ \d{1,2}, \d{4})")


@dataclass
class GumDoc:
    doc_id: str
    partition: str
    text: str
    mentions: list[dict[str, Any]]
    xml_spans: list[dict[str, Any]]

    @property
    def split(self) -> str:
        """``test`` for the two held-out articles, ``train+dev`` for the rest."""
        return "test" if self.partition == "test" or self.doc_id in TEST else "train+dev"

    @property
    def published(self) -> str | None:
        return story_date(self.text)


def story_date(text: str) -> str | None:
    """The ISO story date on the article's second line ("Friday, July 21, 2017")."""
    lines = text.split("\n")
    if len(lines) < 2:
        return None
    match = _STORY_DATE.match(lines[1].strip())
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(1), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def read_docs(root: Path) -> list[GumDoc]:
    path = root / "gum_news" / "gum_news_docs.jsonl"
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs.append(
                GumDoc(d["doc_id"], d["partition"], d["text"], d["mentions"], d["xml_spans"])
            )
    return docs


def attrs(text: str) -> dict[str, str]:
    """``when="2017-07-21" rend="bold"`` as a dict."""
    return dict(re.findall(r'(\w+)="([^"]*)"', text or ""))


@dataclass
class GumRun:
    """The articles with both systems' predictions (one analysis serves three tasks)."""

    docs: list[GumDoc]
    ours: list[Predictions]
    bare: list[Predictions]


_RUNS: dict[tuple[int, Path], GumRun] = {}


def run(extractor: Extractor, root: Path, errors: Errors) -> GumRun:
    """Analyse the GUM articles once per extractor and data folder.

    newsdesk gets the story date from each article's second line as ``published``.
    """
    key = (id(extractor), root.resolve())
    if key not in _RUNS:
        docs = read_docs(root)
        inputs = [Input(d.doc_id, d.text, d.published) for d in docs]
        ours = run_newsdesk(extractor, inputs, "GUM", errors)
        bare = run_bare(extractor, inputs, "GUM", errors)
        _RUNS[key] = GumRun(docs, ours, bare)
    return _RUNS[key]
