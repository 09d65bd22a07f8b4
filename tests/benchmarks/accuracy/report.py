"""Result rows and the two table formats (plain text and Markdown).

Every row has newsdesk's cell and bare spaCy's; the figure rows also have the
libraries measured on the same texts (quantulum3, text2num), blank elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.benchmarks.accuracy.scoring import Accuracy, Counts

HEADER = ("task", "data set", "gold", "metric", "newsdesk", "bare spaCy", "quantulum3", "text2num")


@dataclass
class Row:
    task: str
    dataset: str
    gold: str
    metric: str
    newsdesk: str
    bare: str
    quantulum3: str = ""
    text2num: str = ""

    def cells(self) -> tuple[str, ...]:
        return (self.task, self.dataset, self.gold, self.metric, self.newsdesk, self.bare,
                self.quantulum3, self.text2num)  # fmt: skip


@dataclass
class TaskResult:
    """One task's rows, the notes that say how its gold was read, and timings."""

    task: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def prf(
        self, dataset: str, metric: str, ours: Counts, bare: Counts, *libraries: Counts | None
    ) -> None:
        """A P / R / F1 row; ``libraries`` fill the quantulum3 and text2num cells, in order."""
        extra = [prf(counts) if counts is not None else "n/a" for counts in libraries]
        self.rows.append(
            Row(self.task, dataset, str(ours.gold), metric, prf(ours), prf(bare), *extra)
        )

    def accuracy(
        self,
        dataset: str,
        metric: str,
        ours: Accuracy,
        bare: Accuracy | None,
        gold: str = "",
        libraries: tuple[Accuracy | None, ...] = (),
    ) -> None:
        extra = [acc(counts) if counts is not None else "n/a" for counts in libraries]
        self.rows.append(
            Row(self.task, dataset, gold, metric, acc(ours), acc(bare) if bare else "n/a", *extra)
        )


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def prf(counts: Counts) -> str:
    """``P / R / F1`` to three places."""
    return f"{num(counts.precision)} / {num(counts.recall)} / {num(counts.f1)}"


def acc(accuracy: Accuracy) -> str:
    return f"{num(accuracy.value)} (n={accuracy.total})"


def plain_table(rows: list[Row]) -> str:
    """Aligned columns; the task name only on its first row, a blank line between tasks."""
    body: list[tuple[str, ...]] = []
    previous = None
    for r in rows:
        if previous is not None and r.task != previous:
            body.append(("",) * len(HEADER))
        body.append((r.task if r.task != previous else "", *r.cells()[1:]))
        previous = r.task
    widths = [max(len(row[i]) for row in (HEADER, *body)) for i in range(len(HEADER))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    return "\n".join([line(HEADER), line(tuple("-" * w for w in widths)), *map(line, body)])


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|---|---|--:|---|---|---|---|---|",
    ]
    previous = ""
    for r in rows:
        task = r.task if r.task != previous else ""
        previous = r.task
        dataset = r.dataset.replace("|", "\\|")
        cells = (task, dataset, *r.cells()[2:])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
