"""Desk server benchmark: sync of N versions, and a search on the server beside the local one.

Starts a throwaway PostgreSQL cluster (``tests/pg_cluster.py``, fsync on, as a
real server runs) and an editor's file of ``--versions`` versions over
``--stories`` stories (generated with ``synchronous=OFF`` to build it quickly;
the sync itself runs with newsdesk's real settings). Reported:

- push: the first sync of that file (every version sent, read back, fingerprinted);
- pull: a second editor's empty file taking all of them in;
- again: a sync with nothing to do (what a background sync costs);
- search: the median of ``--repeat`` searches on the server (``remote.search``)
  beside the same words in the local file (``Store.search``), and the story list.

    python -m tests.benchmarks.desk [--versions 10000] [--stories 1000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from newsdesk.storage import Store
from newsdesk.sync import remote
from newsdesk.sync.engine import sync
from tests.benchmarks.storage import fast_store, make_sheet, median_ms
from tests.desk_helpers import make_desk
from tests.pg_cluster import Cluster, find_bin_dir


def fill(path: Path, versions: int, stories: int) -> float:
    """An editor's file of ``versions`` versions over ``stories`` stories; seconds taken."""
    chance = random.Random(7)
    started = time.perf_counter()
    sheets = [make_sheet(chance) for _ in range(stories)]
    with fast_store(path) as store:
        for number in range(versions):
            sheet = sheets[number % stories]
            sheet.figures[0].note = f"checked {number}"  # a real change each time
            store.save(f"story-{number % stories}", sheet, editor="anna")
    return time.perf_counter() - started


def timed(function: object) -> float:
    started = time.perf_counter()
    function()  # type: ignore[operator]
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("desk benchmark skipped: no PostgreSQL server programs (apt-get install postgresql)")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-desk-bench-"))
    cluster = Cluster(bin_dir, fsync=True)
    try:
        cluster.start()
        os.environ["PGPASSFILE"] = str(folder / "pgpass")
        desk = make_desk(cluster, folder / "pgpass")
        built = fill(folder / "anna.db", args.versions, args.stories)
        print(f"desk sync of {args.versions:,} versions over {args.stories:,} stories")
        print(f"  (file generated in {built:.1f} s)")
        with Store(folder / "anna.db") as anna:
            push = sync(anna, desk.server("anna"))
            again = sync(anna, desk.server("anna"))
        with Store(folder / "ben.db") as ben:
            pull = sync(ben, desk.server("ben"))
        rate = args.versions / push.seconds
        print(f"  push  {push.seconds:8.1f} s  ({push.sent:,} sent, {rate:,.0f} versions/s)")
        rate = args.versions / pull.seconds
        print(
            f"  pull  {pull.seconds:8.1f} s  ({pull.received:,} received, {rate:,.0f} versions/s)"
        )
        print(f"  again {again.seconds * 1000:8.0f} ms (nothing to do)")
        words = "Palmyra observatory"
        with Store(folder / "anna.db") as anna:
            local = median_ms(lambda: anna.search(words), args.repeat)
            listed_local = median_ms(lambda: anna.library(limit=200), args.repeat)
        server = desk.server("ben")
        desk_search = median_ms(lambda: remote.search(server, words), args.repeat)
        desk_list = median_ms(lambda: remote.stories(server), args.repeat)
        print(f"search '{words}' over {args.stories:,} stories (median of {args.repeat})")
        line = "  local file {:8.1f} ms   desk server {:8.1f} ms (with connect)"
        print(line.format(local, desk_search))
        print("story list, 200 newest")
        print(line.format(listed_local, desk_list))
    finally:
        cluster.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
