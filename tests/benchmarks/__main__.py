"""One table of every performance figure, each beside its baseline measured in the same run.

Baselines are what newsdesk cannot beat: the bare spaCy call on the same text,
bare ``nlp.pipe`` on the same batch, a process that only imports spaCy, loads
the pipeline and parses (the floor of a start), a bare SQLite insert. Runs are
interleaved and the median is kept, so machine noise hits both columns; the
ratio is the figure to compare across machines. Nothing is asserted.

    python -m tests.benchmarks [--data ../shared/evaldata] [--sizes 300,1000,5000,40000]
        [--stories 160] [--jobs N] [--repeat 3] [--quick]

``--sizes`` grows one story (the samples and GUM news texts in turn) to each
size; add 100000 and 200000 for the long end (minutes each).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.cli.batch import cores
from newsdesk.core.extract import Extractor
from newsdesk.core.extract.nlp import REANALYSIS_GROUPS
from newsdesk.resources import read_text, sample_names
from tests.benchmarks import storage

if TYPE_CHECKING:
    from spacy.language import Language

Row = tuple[str, str, str, str]  # figure, newsdesk, baseline, ratio


def shipped_pipeline(extractor: Extractor) -> Language:
    """The extractor's pipeline as spaCy loads it, untouched by newsdesk (no figure
    rules in its tokenizer, spaCy's own attribute ruler): the bare call's pipeline,
    as the batch and start floors load it."""
    import spacy

    meta = extractor.nlp.meta
    return spacy.load(f"{meta['lang']}_{meta['name']}")


def _texts(data: Path | None) -> list[str]:
    texts = [read_text("samples", name) for name in sample_names()]
    gum = data / "gum_news" / "gum_news_docs.jsonl" if data else None
    if gum and gum.exists():
        texts += [json.loads(line)["text"] for line in gum.read_text("utf-8").splitlines()]
    return texts


def grow_story(texts: list[str], words: int) -> str:
    """The texts in turn, as paragraphs of one story, cut at ``words`` words."""
    parts: list[str] = []
    count = 0
    while count < words:
        text = texts[len(parts) % len(texts)]
        room = words - count
        if len(text.split()) > room:
            text = " ".join(text.split(" ")[:room])
        parts.append(text)
        count += len(text.split())
    return "\n\n".join(parts)


def _median_pair(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Medians of ``first`` and ``second`` in seconds, interleaved, and of their ratios."""
    a, b = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        first()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        second()
        b.append(time.perf_counter() - start)
    return (
        statistics.median(a),
        statistics.median(b),
        statistics.median(x / y for x, y in zip(a, b, strict=True)),
    )


def _process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run of ``command``.

    A small launcher starts it: a child forked from this large process would
    inherit its peak memory figure.
    """
    launcher = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(code, wall, peak)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", launcher, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    code, wall, peak = done.stdout.split()
    if int(code) not in (0, 3):  # 3: a batch with bad lines, still timed
        raise RuntimeError(f"{' '.join(command)} exited {code}")
    return float(wall), int(peak) / 1024


def _processes(
    first: list[str], second: list[str], repeat: int, env: dict[str, str]
) -> tuple[float, float, float, float, float]:
    """Interleaved runs: medians of wall seconds, their ratio, and each side's peak MiB."""
    a, b, peaks_a, peaks_b = [], [], [], []
    for _ in range(repeat):
        wall, peak = _process(first, env)
        a.append(wall)
        peaks_a.append(peak)
        wall, peak = _process(second, env)
        b.append(wall)
        peaks_b.append(peak)
    ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
    return statistics.median(a), statistics.median(b), ratio, max(peaks_a), max(peaks_b)


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1e3:.0f} ms"


def extraction_rows(
    extractor: Extractor,
    texts: list[str],
    sizes: list[int],
    repeat: int,
    shipped: Language | None = None,
) -> list[Row]:
    rows: list[Row] = []
    nlp = shipped or shipped_pipeline(extractor)
    per_thousand: list[tuple[int, float]] = []
    for words in sizes:
        story = grow_story(texts, words)
        rounds = repeat if words <= 5_000 else 1
        rules: list[float] = []

        def full(story: str = story, rules: list[float] = rules) -> None:
            prepared = extractor.prepare(story)
            doc = extractor.parse(prepared.tagger_text)
            start = time.perf_counter()
            extractor.build_sheet(doc, prepared)
            rules.append(time.perf_counter() - start)

        ours, bare, ratio = _median_pair(full, lambda s=story: nlp(s), rounds)
        rows.append(
            (f"analysis, {words:,} words", _s(ours), f"{_s(bare)} bare nlp(text)", f"{ratio:.2f}×")
        )
        per_thousand.append((words, statistics.median(rules) / words * 1e6))
    first = per_thousand[0][1]
    for words, ms in per_thousand:
        rows.append(
            (
                f"rules per 1,000 words, at {words:,}",
                f"{ms:.1f} ms",
                f"{first:.1f} ms at {sizes[0]:,}",
                f"{ms / first:.2f}×",
            )
        )
    return rows


def ordinary_rows(
    extractor: Extractor, texts: list[str], repeat: int, shipped: Language | None = None
) -> list[Row]:
    """Every ordinary story (the samples and GUM news) analysed whole, against the bare call."""
    nlp = shipped or shipped_pipeline(extractor)
    prepared = [extractor.prepare(text) for text in texts]
    ours = bare = 0.0
    for _ in range(repeat):
        for article in prepared:
            start = time.perf_counter()
            nlp(article.text)
            bare += time.perf_counter() - start
            start = time.perf_counter()
            extractor.build_sheet(extractor.parse(article.tagger_text), article)
            ours += time.perf_counter() - start
    words = sum(len(text.split()) for text in texts) // len(texts)
    return [
        (
            f"ordinary stories ({len(texts)}, ~{words} words)",
            _s(ours / repeat / len(texts)),
            f"{_s(bare / repeat / len(texts))} bare",
            f"{ours / bare:.2f}×",
        )
    ]


def reanalysis_rows(extractor: Extractor, texts: list[str], repeat: int) -> list[Row]:
    """A one-word edit in the middle of a 5,000-word story, analysed again."""
    story = grow_story(texts, 5_000)
    cached = Extractor(extractor.nlp, parse_cache=REANALYSIS_GROUPS)
    middle = story.index(" ", len(story) // 2)
    edits = [story[:middle] + f" edit{n}" + story[middle:] for n in range(repeat + 1)]
    cached.extract(edits[0], clean=False)
    turns = iter(edits[1:])

    def again() -> None:
        cached.extract(next(turns), clean=False)

    ours, full, ratio = _median_pair(
        again, lambda: extractor.extract(edits[0], clean=False), repeat
    )
    return [
        (
            "re-analysis after a one-word edit, 5,000 words",
            _s(ours),
            f"{_s(full)} whole story",
            f"{ratio:.2f}×",
        )
    ]


def batch_rows(
    folder: Path, texts: list[str], stories: int, jobs: int, env: dict[str, str]
) -> list[Row]:
    source = folder / "batch.jsonl"
    pieces = [paragraph for text in texts for paragraph in _stories_of(text)]
    with source.open("w", encoding="utf-8") as out:
        for n in range(stories):
            out.write(json.dumps({"id": f"s{n}", "text": pieces[n % len(pieces)]}) + "\n")
    newsdesk = [sys.executable, "-m", "newsdesk", "extract", "--jsonl", str(source), "--jobs"]
    bare = [sys.executable, "-m", "tests.benchmarks.bare_pipe", str(source)]
    one, bare_one, ratio_one, peak_one, peak_bare = _processes(
        [*newsdesk, "1"], [*bare, "1"], 1, env
    )
    many, bare_many, ratio_many, peak_many, _ = _processes(
        [*newsdesk, str(jobs)], [*bare, str(jobs)], 1, env
    )
    return [
        (
            f"batch of {stories} stories, --jobs 1",
            _s(one),
            f"{_s(bare_one)} bare nlp.pipe",
            f"{ratio_one:.2f}×",
        ),
        (
            f"batch, --jobs {jobs}",
            _s(many),
            f"{_s(bare_many)} bare n_process={jobs}",
            f"{ratio_many:.2f}×",
        ),
        (
            f"batch speed-up, --jobs {jobs} over --jobs 1",
            f"{one / many:.2f}×",
            f"{bare_one / bare_many:.2f}× bare",
            f"{(one / many) / (bare_one / bare_many):.2f}×",
        ),
        (
            "peak memory, batch --jobs 1",
            f"{peak_one:.0f} MiB",
            f"{peak_bare:.0f} MiB bare",
            f"{peak_one / peak_bare:.2f}×",
        ),
        (
            f"peak memory per process, --jobs {jobs}",
            f"{peak_many:.0f} MiB",
            f"{peak_bare:.0f} MiB bare",
            f"{peak_many / peak_bare:.2f}×",
        ),
    ]


def _stories_of(text: str, words: int = 350) -> list[str]:
    """A long text as stories of about ``words`` words, cut at paragraphs."""
    stories, part = [], []
    for paragraph in text.split("\n\n"):
        part.append(paragraph)
        if sum(len(p.split()) for p in part) > words:
            stories.append("\n\n".join(part))
            part = []
    return [*stories, "\n\n".join(part)] if part else stories


def start_rows(folder: Path, repeat: int, env: dict[str, str]) -> list[Row]:
    short = folder / "short.txt"
    short.write_text(read_text("samples", sample_names()[0]), encoding="utf-8")
    floor = [sys.executable, "-m", "tests.benchmarks.floor", str(short)]
    cli = [sys.executable, "-m", "newsdesk", "extract", str(short)]
    window = [sys.executable, "-m", "tests.benchmarks.window_start", str(short)]
    ours, base, ratio, peak, peak_floor = _processes(cli, floor, repeat, env)
    shown, base_w, ratio_w, peak_w, _ = _processes(window, floor, repeat, env)
    # The first start of all builds the gazetteer's copy in the cache folder.
    first, base_f, ratio_f, _, _ = _processes([*window, "--first"], floor, repeat, env)
    return [
        ("command line start to sheet", _s(ours), f"{_s(base)} floor", f"{ratio:.2f}×"),
        ("window start to first facts", _s(shown), f"{_s(base_w)} floor", f"{ratio_w:.2f}×"),
        (
            "window's first start ever (builds the cache)",
            _s(first),
            f"{_s(base_f)} floor",
            f"{ratio_f:.2f}×",
        ),
        (
            "peak memory, command line",
            f"{peak:.0f} MiB",
            f"{peak_floor:.0f} MiB floor",
            f"{peak / peak_floor:.2f}×",
        ),
        (
            "peak memory, window",
            f"{peak_w:.0f} MiB",
            f"{peak_floor:.0f} MiB floor",
            f"{peak_w / peak_floor:.2f}×",
        ),
    ]


def gui_rows(env: dict[str, str]) -> list[Row]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.gui", "--json"],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen")},
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    bare = figures["bare_call_ms"]
    rows = [
        (
            "longest GUI stall, analysing 5,000 words",
            f"{figures['stall_idle_ms']:.0f} ms",
            f"{bare:.0f} ms one bare call",
            f"{figures['stall_idle_ms'] / bare:.2f}×",
        ),
        (
            "longest GUI stall, typing meanwhile",
            f"{figures['stall_typing_ms']:.0f} ms",
            f"{bare:.0f} ms one bare call",
            f"{figures['stall_typing_ms'] / bare:.2f}×",
        ),
    ]
    for name in ("status", "re-anchor"):
        if f"repaint_{name}_ms" in figures:
            value = figures[f"repaint_{name}_ms"]
            rows.append(
                (
                    f"edit → repaint ({name})",
                    f"{value:.1f} ms",
                    "16.7 ms one frame",
                    f"{value / 16.7:.2f}×",
                )
            )
    return rows


def storage_rows(folder: Path, quick: bool) -> list[Row]:
    save_ms, bare_ms = storage.bench_save(folder, 20)
    versions, stories = (200, 1_000) if quick else (1_000, 10_000)
    history_ms, per_edit, per_update = storage.bench_history(folder, versions, 20)
    sheet_bytes = len(
        storage.make_sheet(__import__("random").Random(2)).to_json(indent=None).encode()
    )
    results = storage.bench_library(folder, stories, 20)
    search = max(v for k, v in results.items() if k.startswith("search"))
    return [
        (
            "save one version",
            f"{save_ms:.1f} ms",
            f"{bare_ms:.1f} ms bare INSERT",
            f"{save_ms / bare_ms:.2f}×",
        ),
        (
            f"history of {versions:,} versions",
            f"{history_ms:.1f} ms",
            "50 ms target",
            f"{history_ms / 50:.2f}×",
        ),
        (
            f"search of {stories:,} stories (slowest query)",
            f"{search:.1f} ms",
            "50 ms target",
            f"{search / 50:.2f}×",
        ),
        (
            "bytes per status-only version",
            f"{per_edit / 1024:.1f} KiB",
            f"{sheet_bytes / 1024:.1f} KiB its sheet's JSON",
            f"{per_edit / sheet_bytes:.2f}×",
        ),
        (
            "bytes per version with a new text",
            f"{per_update / 1024:.1f} KiB",
            f"{sheet_bytes / 1024:.1f} KiB its sheet's JSON",
            f"{per_update / sheet_bytes:.2f}×",
        ),
    ]


def machine(extractor: Extractor) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy
    from PySide6 import __version__ as pyside

    return (
        f"{cpu}; {cores()} cores; Python {platform.python_version()}; spaCy {spacy.__version__} "
        f"({extractor.model_name}); PySide6 {pyside}; SQLite {sqlite3.sqlite_version}"
    )


def print_table(rows: list[Row], title: str) -> None:
    widths = [
        max(len(row[n]) for row in [("figure", "newsdesk", "baseline (same run)", "ratio"), *rows])
        for n in range(4)
    ]
    header = ("figure", "newsdesk", "baseline (same run)", "ratio")
    print(title)
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")


def byte_compile() -> None:
    """Compile newsdesk's modules to bytecode, as installing the wheel does.

    spaCy's modules were compiled when pip installed them; a checkout run under
    ``PYTHONDONTWRITEBYTECODE`` has none of newsdesk's, and each process would
    compile the 80 to 180 it imports again (about 0.2 s of a window start), which
    no installed newsdesk does. The floor imports newsdesk's extraction package and
    gains the same way.
    """
    import compileall

    import newsdesk

    compileall.compile_dir(Path(newsdesk.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="outside evaluation data folder")
    parser.add_argument("--sizes", default="300,1000,5000,40000", help="story sizes in words")
    parser.add_argument("--stories", type=int, default=160, help="stories in the batch")
    parser.add_argument("--jobs", type=int, default=cores(), help="processes for the batch")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="smaller storage and batch")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    byte_compile()
    extractor = Extractor.load()
    extractor.extract("Warm up: 12 people died in Paris, Anna Smith said.")
    texts = _texts(args.data)
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as name:
        folder = Path(name)
        env = {**os.environ, "NEWSDESK_HOME": str(folder / "home")}
        shipped = shipped_pipeline(extractor)
        shipped("Warm up: 12 people died in Paris, Anna Smith said.")
        rows = extraction_rows(extractor, texts, sizes, args.repeat, shipped)
        rows += ordinary_rows(extractor, texts, args.repeat, shipped)
        rows += reanalysis_rows(extractor, texts, args.repeat)
        rows += batch_rows(folder, texts, 48 if args.quick else args.stories, args.jobs, env)
        rows += start_rows(folder, args.repeat, env)
        rows += gui_rows(env)
        rows += storage_rows(folder, args.quick)
    print_table(rows, f"newsdesk performance — {machine(extractor)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
