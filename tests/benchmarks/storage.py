"""Storage benchmark: save, history, search and library speed, and file growth per version.

Every figure is a median of repeated runs in this process, printed beside a
baseline measured the same way, so machine noise (laptops, 2-core CI boxes)
hits both sides alike:

- save: ``Store.save`` of a realistic sheet (one transaction, ``synchronous=FULL``,
  facts rows, search index) against a bare ``sqlite3`` INSERT of the same JSON in
  its own FULL-synchronous WAL transaction;
- history: ``Store.versions`` of a story with 1,000 versions;
- search and library over a generated library of 10,000 stories;
- growth: bytes the file grows per saved version (a status change, and a text update).

The library is generated with ``synchronous=OFF`` to build it quickly; the timed
saves run with newsdesk's real settings. Targets (DESIGN/issue 5): save ≤ 10 ms,
history of 1,000 versions ≤ 50 ms, search over 10,000 stories ≤ 50 ms.

    python -m tests.benchmarks.storage [--stories 10000] [--versions 1000] [--repeat 50]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsdesk.core.sheet.model import Article, DateFact, Entity, FactSheet, Figure, Mention, Quote
from newsdesk.storage import Store

PLACES = ["Palmyra", "Aleppo", "Homs", "Lagos", "Accra", "Khartoum", "Kabul", "Gaza", "Kyiv"]
PEOPLE = ["John Kerry", "Amina Yusuf", "Rami Abdulrahman", "Hamid Osman", "Maria Lopez"]
WORDS = (  # noqa: SIM905 - a sentence reads better than a list
    "officials said the attack on the market killed people including children and fighters "
    "according to the observatory which monitors the war through a network of sources on the "
    "ground while the government denied the report and aid agencies called for a ceasefire"
).split()


def make_sheet(chance: random.Random, paragraphs: int = 12) -> FactSheet:
    """A wire story of about 600 words with ~40 facts at real offsets."""
    place, person = chance.choice(PLACES), chance.choice(PEOPLE)
    parts = [f"Fighting near {place} kills {chance.randint(3, 90)}", ""]
    entities: dict[str, Entity] = {}
    figures: list[Figure] = []
    dates: list[DateFact] = []
    quotes: list[Quote] = []
    text = "\n".join(parts) + "\n"
    for number in range(paragraphs):
        count = chance.randint(2, 400)
        who = chance.choice([person, *PEOPLE])
        filler = " ".join(chance.choice(WORDS) for _ in range(30))
        sentence = (
            f"{who} said at least {count} people were killed in {place} on Friday, {filler}. "
            f'"We saw {count} bodies," {who} told reporters. '
        )
        base = len(text)
        for name in (who, place):
            start = base + sentence.index(name)
            entity = entities.setdefault(
                name, Entity(f"e{len(entities) + 1}", "PERSON" if name != place else "GPE", name)
            )
            entity.mentions.append(Mention(start, start + len(name), name))
        hedge = f"at least {count}"
        start = base + sentence.index(hedge)
        figures.append(
            Figure(
                f"f{number + 1}",
                hedge,
                start,
                start + len(hedge),
                kind="count",
                value=count,
                low=count,
                qualifier="at_least",
                counted="people",
            )
        )
        friday = base + sentence.index("Friday")
        dates.append(DateFact(f"d{number + 1}", "Friday", friday, friday + 6, "2015-09-25"))
        quote = f'"We saw {count} bodies,"'
        start = base + sentence.index(quote)
        quotes.append(Quote(f"q{number + 1}", quote, start, start + len(quote), cue="told"))
        text += sentence + "\n"
    return FactSheet(
        article=Article(text=text, headline=parts[0], source="Reuters"),
        entities=list(entities.values()),
        figures=figures,
        dates=dates,
        quotes=quotes,
    )


def median_ms(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_save(folder: Path, repeat: int) -> tuple[float, float]:
    """Median ms of ``Store.save`` and of a bare INSERT of the same JSON, interleaved."""
    chance = random.Random(1)
    sheet = make_sheet(chance)
    bare = sqlite3.connect(str(folder / "bare.db"), isolation_level=None)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE versions (id INTEGER PRIMARY KEY, story TEXT, sheet_json TEXT)")
    store_times, bare_times = [], []
    with Store(folder / "save.db") as store:
        for turn in range(repeat):
            sheet.figures[0].note = f"checked {turn}"  # a real change each time
            start = time.perf_counter()
            store.save("bench", sheet, editor="bench")
            store_times.append((time.perf_counter() - start) * 1000)
            payload = sheet.to_json(indent=None)
            start = time.perf_counter()
            bare.execute("BEGIN IMMEDIATE")
            bare.execute("INSERT INTO versions (story, sheet_json) VALUES (?, ?)", ["b", payload])
            bare.execute("COMMIT")
            bare_times.append((time.perf_counter() - start) * 1000)
    bare.close()
    return statistics.median(store_times), statistics.median(bare_times)


def fast_store(path: Path) -> Store:
    store = Store(path)
    store._db.execute("PRAGMA synchronous = OFF")  # generation only; never in newsdesk
    return store


def bench_history(folder: Path, versions: int, repeat: int) -> tuple[float, float, float]:
    """Median ms to list a 1,000-version history; bytes per version (status edit, update)."""
    chance = random.Random(2)
    path = folder / "history.db"
    sheet = make_sheet(chance)
    with fast_store(path) as store:
        store.save("long-story", sheet)
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_before = path.stat().st_size
        for turn in range(1, versions):
            sheet.figures[turn % len(sheet.figures)].status = "verified"
            sheet.figures[turn % len(sheet.figures)].note = f"checked at {turn}"
            store.save("long-story", sheet, parent=turn)
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        per_edit = (path.stat().st_size - size_before) / (versions - 1)
        history_ms = median_ms(lambda: store.versions("long-story"), repeat)
        # A wire update: new text and fresh facts each time.
        size_before = path.stat().st_size
        for _ in range(100):
            store.save("updated-story", make_sheet(chance))
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        per_update = (path.stat().st_size - size_before) / 100
    return history_ms, per_edit, per_update


def bench_library(folder: Path, stories: int, repeat: int) -> dict[str, float]:
    chance = random.Random(3)
    path = folder / "library.db"
    templates = [make_sheet(chance) for _ in range(50)]
    with fast_store(path) as store:
        for number in range(stories):
            sheet = templates[number % len(templates)]
            sheet.figures[0].note = f"story {number}"
            sheet.entities[0].status = "disputed" if number % 17 == 0 else "verified"
            store.save(f"story-{number}", sheet)
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    results: dict[str, float] = {"file MB": path.stat().st_size / 1e6}
    with Store(path) as store:
        # "people" is in every story's text and a dozen of its facts: the most hits.
        words_searched = ("Palmyra", "Kerry", "people", "at least 25", '"at least 25 people"')
        for words in (*words_searched, "nothing-here"):
            results[f"search {words}"] = median_ms(lambda w=words: store.search(w), repeat)  # type: ignore[misc]
        results["search Kerry, disputed only"] = median_ms(
            lambda: store.search("Kerry", status="disputed"), repeat
        )
        results["library (newest 500)"] = median_ms(lambda: store.library(limit=500), repeat)
        results["library (all)"] = median_ms(store.library, max(3, repeat // 5))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--versions", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as name:
        folder = Path(name)
        store_ms, bare_ms = bench_save(folder, max(args.repeat, 20))
        print("storage benchmark (medians; lower is better)")
        print(f"  save one version         {store_ms:7.2f} ms   (target ≤ 10 ms)")
        print(
            f"  bare sqlite3 INSERT      {bare_ms:7.2f} ms   "
            f"(same JSON, same fsync; newsdesk/bare = {store_ms / bare_ms:.2f}×)"
        )
        history_ms, per_edit, per_update = bench_history(folder, args.versions, args.repeat)
        print(f"  history, {args.versions} versions   {history_ms:7.2f} ms   (target ≤ 50 ms)")
        print(f"  growth per version: {per_edit / 1024:.1f} KiB (status edit), ", end="")
        print(f"{per_update / 1024:.1f} KiB (wire update with new text)")
        results = bench_library(folder, args.stories, args.repeat)
        print(f"  library of {args.stories} stories: {results.pop('file MB'):.0f} MB file")
        for label, value in results.items():
            target = "   (target ≤ 50 ms)" if label.startswith("search") else ""
            print(f"  {label:<30} {value:7.2f} ms{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
