"""Entities: P/R/F1 on GUM news; tune on train+dev, the headline is test.

Gold: GUM mentions with a Wikipedia ``identity`` and a proper noun
(``has_propn``) of type person, organization or place ("all types" adds
event, object and abstract). Both sides are compared after dropping a leading
"the " and a trailing possessive ("the United States", "Warhol's"); titles
GUM keeps inside the mention ("U.S. Senator John Cornyn") are not removed, so
the strict match is hard for both systems alike.

Predictions: newsdesk = every mention of every entity on the sheet, with the
entity's label; bare spaCy = ``doc.ents``. Labels map to GUM types: PERSON →
person, ORG → organization, GPE/LOC/FAC → place; for all types also EVENT →
event, PRODUCT/WORK_OF_ART → object or abstract, LAW/LANGUAGE → abstract.
NORP may match a person or organization mention ("Rohingya"); an unmatched
NORP is not counted (GUM does not mark nationality adjectives). A prediction
whose span equals a GUM proper-name mention outside the gold (a person with
no Wikipedia page, "Albert Jaquier") is not counted either: it names
something real that GUM just did not link.

Strict = same span and compatible type; lenient = overlapping spans and
compatible type (one to one, best overlap first). Both systems analyse the raw
GUM text (cleaning leaves it unchanged), newsdesk with the story date.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.benchmarks.accuracy import gum
from tests.benchmarks.accuracy.report import TaskResult
from tests.benchmarks.accuracy.scoring import Counts, match_greedy, overlap, trim_entity
from tests.benchmarks.accuracy.systems import Errors, PredEntity

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor

CORE_TYPES = frozenset({"person", "organization", "place"})
ALL_TYPES = CORE_TYPES | {"event", "object", "abstract"}
CORE_LABELS: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"person"}),
    "ORG": frozenset({"organization"}),
    "GPE": frozenset({"place"}),
    "LOC": frozenset({"place"}),
    "FAC": frozenset({"place"}),
    "NORP": frozenset({"person", "organization"}),
}
ALL_LABELS = {
    **CORE_LABELS,
    "EVENT": frozenset({"event"}),
    "PRODUCT": frozenset({"object", "abstract"}),
    "WORK_OF_ART": frozenset({"object", "abstract"}),
    "LAW": frozenset({"abstract"}),
    "LANGUAGE": frozenset({"abstract"}),
}
SOFT_LABELS = frozenset({"NORP"})


def gold_mentions(
    text: str, mentions: Sequence[dict[str, Any]], types: frozenset[str]
) -> tuple[list[tuple[tuple[int, int], str]], set[tuple[int, int]]]:
    """``(gold (span, type) list, spans of proper-name mentions outside the gold)``."""
    gold: dict[tuple[tuple[int, int], str], None] = {}
    names: set[tuple[int, int]] = set()
    for m in mentions:
        span = trim_entity(text, int(m["start"]), int(m["end"]))
        if m.get("identity") and m.get("has_propn") and m.get("etype") in types:
            gold[span, m["etype"]] = None
        elif m.get("has_propn"):
            names.add(span)
    gold_spans = {span for span, _ in gold}
    return list(gold), names - gold_spans


def score_doc(
    text: str,
    mentions: Sequence[dict[str, Any]],
    preds: Sequence[PredEntity],
    *,
    types: frozenset[str] = CORE_TYPES,
    labels: dict[str, frozenset[str]] = CORE_LABELS,
    strict: bool = True,
) -> tuple[Counts, int]:
    """Counts for one article, and how many predictions were not counted."""
    gold, names = gold_mentions(text, mentions, types)
    seen: dict[tuple[tuple[int, int], str], None] = {}
    for p in preds:
        if p.label in labels:
            seen[trim_entity(text, p.start, p.end), p.label] = None
    predicted = list(seen)

    def score(p: tuple[tuple[int, int], str], g: tuple[tuple[int, int], str]) -> float | None:
        if g[1] not in labels[p[1]]:
            return None
        if strict:
            return 1.0 if p[0] == g[0] else None
        shared = overlap(p[0], g[0])
        return shared or None

    pairs = match_greedy(predicted, gold, score)
    matched = {i for i, _ in pairs}
    counted = sum(
        1
        for i, (span, label) in enumerate(predicted)
        if i in matched or (label not in SOFT_LABELS and span not in names)
    )
    return Counts(len(pairs), counted, len(pairs), len(gold)), len(predicted) - counted


VARIANTS = (
    ("person/org/place, strict", CORE_TYPES, CORE_LABELS, True),
    ("person/org/place, lenient", CORE_TYPES, CORE_LABELS, False),
    ("all types, strict", ALL_TYPES, ALL_LABELS, True),
)


def evaluate(extractor: Extractor, root: Path, errors: Errors) -> TaskResult:
    result = TaskResult("entities")
    try:
        run = gum.run(extractor, root, errors)
    except Exception as error:
        errors.add("entities", "gold", "gum_news", error)
        return result
    ignored = {"newsdesk": 0, "bare spaCy": 0}
    for split in ("train+dev", "test", "all"):
        docs = [
            (d, a, b)
            for d, a, b in zip(run.docs, run.ours, run.bare, strict=True)
            if split in (d.split, "all")
        ]
        # The overall row repeats only the strict person/org/place score.
        for name, types, labels, strict in VARIANTS[:1] if split == "all" else VARIANTS:
            ours, bare = Counts(), Counts()
            for doc, a, b in docs:
                systems = (("newsdesk", ours, a.entities), ("bare spaCy", bare, b.entities))
                for system, counts, preds in systems:
                    try:
                        found, skipped = score_doc(
                            doc.text, doc.mentions, preds, types=types, labels=labels, strict=strict
                        )
                    except Exception as error:
                        errors.add("entities", "scoring", f"{doc.doc_id} ({system})", error)
                        continue
                    counts.add(found)
                    if split == "all":
                        ignored[system] += skipped
            result.prf(f"GUM news {split} ({len(docs)} docs)", name, ours, bare)
    result.notes.append(
        "GUM news: gold = mentions with a Wikipedia identity and a proper noun; "
        "'the' and possessives trimmed on both sides; headline = test, strict"
    )
    result.notes.append(
        "predictions not counted (unmatched NORP, or the span of an unlinked GUM name), "
        f"person/org/place strict, all docs: newsdesk {ignored['newsdesk']}, "
        f"bare spaCy {ignored['bare spaCy']}"
    )
    return result
