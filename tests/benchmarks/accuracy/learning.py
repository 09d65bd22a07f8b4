"""Learning: does the house register save an editor corrections as it fills?

The GUM news articles are read one after another, as a desk would read a
day's stories. After each, a simulated editor corrects its names to the gold
(person, organisation and place mentions, strict spans, as the entities task
scores them) with the window's own edits (:mod:`newsdesk.core.work.edits`):

- a name with no gold mention is deleted (an unlinked real name GUM marks
  but did not link is left alone, as the entities task does);
- a name whose label is not the gold type gets the gold's label;
- two names of one gold identity are merged;
- a gold mention nobody found is added, or the mention at its place moved
  onto its words (one correction each).

What each correction teaches (:func:`newsdesk.core.work.learning.lessons`)
goes into a house register in a real SQLite file, and the next article is
read with it. The same articles are read without a register in the same run,
and by the bare pipeline. Reported: corrections per story with and without
the register (in thirds of the sequence), and entity F1 on the later half.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.sheet.register import RegisterEntry
from newsdesk.core.work import edits
from newsdesk.core.work.learning import lessons
from newsdesk.core.work.values import EditError
from newsdesk.storage import Store
from tests.benchmarks.accuracy import gum
from tests.benchmarks.accuracy.entities import CORE_LABELS, CORE_TYPES, score_doc
from tests.benchmarks.accuracy.scoring import Counts, trim_entity
from tests.benchmarks.accuracy.systems import Errors, Input, PredEntity, run_bare

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor

LABEL_OF_TYPE = {"person": "PERSON", "organization": "ORG", "place": "GPE"}


@dataclass
class Gold:
    type: str
    identity: str


@dataclass
class LearningRun:
    """Per story: corrections without and with the register, entries learned, predictions."""

    doc_ids: list[str] = field(default_factory=list)
    without: list[int] = field(default_factory=list)
    with_register: list[int] = field(default_factory=list)
    learned: list[int] = field(default_factory=list)
    preds_without: list[list[PredEntity]] = field(default_factory=list)
    preds_with: list[list[PredEntity]] = field(default_factory=list)
    preds_bare: list[list[PredEntity]] = field(default_factory=list)


def gold_of(
    text: str, mentions: Sequence[dict[str, Any]]
) -> tuple[dict[tuple[int, int], Gold], set[tuple[int, int]]]:
    """Gold person/org/place mentions by trimmed span, and unlinked proper-name spans."""
    gold: dict[tuple[int, int], Gold] = {}
    names: set[tuple[int, int]] = set()
    for m in mentions:
        span = trim_entity(text, int(m["start"]), int(m["end"]))
        if m.get("identity") and m.get("has_propn") and m.get("etype") in CORE_TYPES:
            gold.setdefault(span, Gold(m["etype"], m["identity"]))
        elif m.get("has_propn"):
            names.add(span)
    return gold, names - set(gold)


def correct_to_gold(
    sheet: FactSheet,
    gold: dict[tuple[int, int], Gold],
    names: set[tuple[int, int]],
    editor: str,
) -> tuple[int, list[RegisterEntry]]:
    """Correct ``sheet``'s names to the gold; (corrections made, entries they teach)."""
    text = sheet.article.text
    made = 0
    taught: list[RegisterEntry] = []

    def trimmed(start: int, end: int) -> tuple[int, int]:
        return trim_entity(text, start, end)

    def teach(kind: str, patch: Any) -> None:
        nonlocal made
        made += 1
        taught.extend(lessons(kind, patch, editor=editor))  # type: ignore[arg-type]

    # Mentions at the wrong words are moved onto the gold's first.
    for (start, end), _g in gold.items():
        for entity in sheet.entities:
            at = next(
                (
                    i
                    for i, m in enumerate(entity.mentions)
                    if m.start < end
                    and start < m.end
                    and trimmed(m.start, m.end) not in gold
                    and trimmed(m.start, m.end) != (start, end)
                ),
                None,
            )
            if at is not None:
                teach("reanchored", edits.reanchor(sheet, entity.id, start, end, mention_index=at))
                break
    # Deletions and labels.
    for entity in list(sheet.entities):
        if entity.label not in CORE_LABELS or entity.label == "NORP":
            continue
        spans = [trimmed(m.start, m.end) for m in entity.mentions]
        found = [gold[s] for s in spans if s in gold]
        if not found:
            if any(s not in names for s in spans):
                teach("rejected", edits.delete_fact(sheet, entity.id))
            continue
        want = Counter(g.type for g in found).most_common(1)[0][0]
        if want not in CORE_LABELS[entity.label]:
            teach("label", edits.set_fields(sheet, entity.id, {"label": LABEL_OF_TYPE[want]}))
        made += sum(1 for s in spans if s not in gold and s not in names)  # stray mentions
    # Merges: one fact per gold identity.
    owners: dict[str, list[str]] = defaultdict(list)
    for entity in sheet.entities:
        for mention in entity.mentions:
            g = gold.get(trimmed(mention.start, mention.end))
            if g is not None and entity.id not in owners[g.identity]:
                owners[g.identity].append(entity.id)
    for found_ids in owners.values():
        ids = [i for i in found_ids if sheet.entity(i) is not None]
        if len(ids) < 2:
            continue
        keep = max(ids, key=lambda i: len(sheet.entity(i).mentions))  # type: ignore[union-attr]
        for other in ids:
            if other != keep and sheet.entity(other) is not None:
                try:
                    teach("merge", edits.merge_entities(sheet, keep, other, editor=editor))
                except EditError:
                    continue
    # Misses: moved onto the gold's words, or added.
    covered = {trimmed(m.start, m.end) for e in sheet.entities for m in e.mentions}
    for (start, end), g in gold.items():
        if (start, end) in covered:
            continue
        at = next(
            (
                (e.id, i)
                for e in sheet.entities
                for i, m in enumerate(e.mentions)
                if m.start < end and start < m.end and trimmed(m.start, m.end) not in gold
            ),
            None,
        )
        try:
            if at is not None:
                teach("reanchored", edits.reanchor(sheet, at[0], start, end, mention_index=at[1]))
            else:
                label = LABEL_OF_TYPE[g.type]
                teach("added", edits.add_fact(sheet, "entity", start, end, label=label))
        except EditError:
            continue
        covered.add((start, end))
    return made, taught


def _preds(sheet: FactSheet) -> list[PredEntity]:
    return [PredEntity(m.start, m.end, e.label) for e in sheet.entities for m in e.mentions]


def run(extractor: Extractor, root: Path, errors: Errors, passes: int = 2) -> list[LearningRun]:
    """Read the articles in order without and with a learning register (see the docstring),
    ``passes`` times over with the same register: one run per pass."""
    from newsdesk.core.extract import Extractor as _Extractor

    docs = gum.read_docs(root)
    plain = _Extractor(extractor.nlp)
    learning = _Extractor(extractor.nlp)
    runs = [LearningRun() for _ in range(passes)]
    bare = run_bare(extractor, [Input(d.doc_id, d.text) for d in docs], "learning", errors)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "desk.db") as store:
        for result in runs:
            _read_in_order(docs, bare, plain, learning, store, result, errors)
    return runs


def _read_in_order(
    docs: list[gum.GumDoc],
    bare: list[Any],
    plain: Extractor,
    learning: Extractor,
    store: Store,
    result: LearningRun,
    errors: Errors,
) -> None:
    """One reading of the articles, the register learning as it goes."""
    for doc, bare_preds in zip(docs, bare, strict=True):
        gold, names = gold_of(doc.text, doc.mentions)
        result.doc_ids.append(doc.doc_id)
        result.preds_bare.append(bare_preds.entities)
        learning.set_register(store.register.load())
        for extractor_, corrections, preds in (
            (plain, result.without, result.preds_without),
            (learning, result.with_register, result.preds_with),
        ):
            try:
                sheet = extractor_.extract(doc.text, published=doc.published)
            except Exception as error:
                errors.add("learning", "newsdesk", doc.doc_id, error)
                corrections.append(0)
                preds.append([])
                continue
            preds.append(_preds(sheet))
            made, taught = correct_to_gold(sheet, gold, names, editor="Desk")
            corrections.append(made)
            if extractor_ is learning:
                before = len(store.register.entries())
                for entry in taught:
                    store.register.add(entry, editor="Desk")
                result.learned.append(len(store.register.entries()) - before)


def thirds(n: int) -> list[tuple[int, int]]:
    size = -(-n // 3)
    return [(i, min(i + size, n)) for i in range(0, n, size)]


def report(extractor: Extractor, root: Path, errors: Errors) -> str:
    """The learning table: corrections per story in thirds of the sequence, and later F1."""
    try:
        outcome, again = run(extractor, root, errors)
    except Exception as error:
        errors.add("learning", "gold", "gum_news", error)
        return "learning: not run (see the errors)"
    docs = gum.read_docs(root)
    n = len(outcome.doc_ids)
    lines = [
        f"Learning: the {n} GUM news articles in order, each corrected to the gold by a "
        "simulated editor; the register learns from every correction and the next article is "
        "read with it.",
        "",
        f"{'stories':<16}{'corrections/story, no register':>32}{'with the register':>20}"
        f"{'entries learned':>17}",
    ]
    for start, end in thirds(n):
        count = end - start
        plain = sum(outcome.without[start:end]) / count
        learned = sum(outcome.with_register[start:end]) / count
        entries = sum(outcome.learned[start:end])
        lines.append(f"{f'{start + 1}–{end}':<16}{plain:>32.1f}{learned:>20.1f}{entries:>17}")
    total_plain, total_learned = sum(outcome.without), sum(outcome.with_register)
    lines.append(
        f"{'all':<16}{total_plain / n:>32.1f}{total_learned / n:>20.1f}{sum(outcome.learned):>17}"
    )
    lines.append(
        f"{'again, all':<16}{sum(again.without) / n:>32.1f}{sum(again.with_register) / n:>20.1f}"
        f"{sum(again.learned):>17}"
    )
    lines.append(
        "  ('again': the same articles read a second time with the register the first reading "
        "left — names the desk has met before)"
    )
    half = n // 2
    lines += ["", f"Entity P / R / F1 (person/org/place, strict) on stories {half + 1}–{n}:"]
    for name, preds in (
        ("bare spaCy", outcome.preds_bare),
        ("newsdesk, no register", outcome.preds_without),
        ("newsdesk + register", outcome.preds_with),
    ):
        counts = Counts()
        for doc, predicted in zip(docs[half:], preds[half:], strict=True):
            found, _ = score_doc(doc.text, doc.mentions, predicted)
            counts.add(found)
        p, r, f = counts.precision or 0.0, counts.recall or 0.0, counts.f1 or 0.0
        lines.append(f"  {name:<24}{p:.3f} / {r:.3f} / {f:.3f}")
    lines.append(
        "  (corrections: deletions, label changes, merges, additions and moved mentions; "
        "a stray mention of a right fact counts one)"
    )
    return "\n".join(lines)
