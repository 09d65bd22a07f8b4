"""Result rows and the two table formats (plain text and Markdown)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.benchmarks.accuracy.scoring import Accuracy, Counts

HEADER = ("task", "data set", "gold", "metric", "newsdesk", "bare spaCy")


@dataclass
class Row:
    task: str
    dataset: str
    gold: str
    metric: str
    newsdesk: str
    bare: str


@dataclass
class TaskResult:
    """One task's rows, the notes that say how its gold was read, and timings."""

    task: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def prf(self, dataset: str, metric: str, ours: Counts, bare: Counts) -> None:
        self.rows.append(Row(self.task, dataset, str(ours.gold), metric, prf(ours), prf(bare)))

    def accuracy(
        self, dataset: str, metric: str, ours: Accuracy, bare: Accuracy | None, gold: str = ""
    ) -> None:
        self.rows.append(
            Row(self.task, dataset, gold, metric, acc(ours), acc(bare) if bare else "n/a")
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
        body.append((r.task if r.task != previous else "", r.dataset, r.gold, r.metric,
                     r.newsdesk, r.bare))  # fmt: skip
        previous = r.task
    widths = [max(len(row[i]) for row in (HEADER, *body)) for i in range(len(HEADER))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    return "\n".join([line(HEADER), line(tuple("-" * w for w in widths)), *map(line, body)])


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|---|---|--:|---|---|---|",
    ]
    previous = ""
    for r in rows:
        task = r.task if r.task != previous else ""
        previous = r.task
        dataset = r.dataset.replace("|", "\\|")
        lines.append(f"| {task} | {dataset} | {r.gold} | {r.metric} | {r.newsdesk} | {r.bare} |")
    return "\n".join(lines)
