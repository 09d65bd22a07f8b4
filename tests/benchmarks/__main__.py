"""Extraction overhead benchmark.

Measures what newsdesk's rules add on top of the bare spaCy pipeline call for
the same article, as a ratio computed in the same process with interleaved
runs (so machine noise hits both sides alike). Articles: the shipped samples,
plus GUM news texts when ``--data`` points at the outside evaluation data.

    python -m tests.benchmarks [--data ../shared/evaldata] [--repeat 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from newsdesk.core.extract import Extractor
from newsdesk.resources import read_text, sample_names


def _articles(data: Path | None) -> list[tuple[str, str]]:
    articles = [(name, read_text("samples", name)) for name in sample_names()]
    gum = data / "gum_news" / "gum_news_docs.jsonl" if data else None
    if gum and gum.exists():
        for number, line in enumerate(gum.read_text(encoding="utf-8").splitlines()):
            articles.append((f"gum-{number}", json.loads(line)["text"]))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="outside evaluation data folder")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    extractor = Extractor.load()
    nlp = extractor.nlp
    articles = _articles(args.data)
    prepared = [extractor.prepare(text) for _, text in articles]
    for article in prepared[:3]:  # warm caches
        extractor.build_sheet(extractor.parse(article.text), article)

    bare: list[float] = []
    full: list[float] = []
    for _ in range(args.repeat):
        for article in prepared:
            start = time.perf_counter()
            nlp(article.text)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            extractor.build_sheet(extractor.parse(article.text), article)
            full.append(time.perf_counter() - start)
    words = sum(len(a.text.split()) for a in prepared)
    total_bare, total_full = sum(bare), sum(full)
    print(
        f"pipeline: {extractor.model_name}; {len(prepared)} articles, {words:,} words, "
        f"{args.repeat} rounds"
    )
    print(f"bare nlp(text):        median {statistics.median(bare) * 1e3:7.1f} ms/article")
    print(f"newsdesk extraction:   median {statistics.median(full) * 1e3:7.1f} ms/article")
    print(
        f"overhead ratio (extraction / bare, all runs): {total_full / total_bare:.3f}  "
        f"(target <= 1.15)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
