"""Which fact of one sheet is which fact of another: the pairing under diffs and write-throughs.

Fact ids are only stable while the article text is: an editor's corrections keep
them, but a re-analysis of a changed text (a wire "UPDATE 1") numbers the facts
afresh. :func:`match_facts` therefore pairs facts in three passes, per kind:

1. the same id, when the two sheets describe the same text or the facts read alike;
2. the same wording (normalised name or text), in text order;
3. for figures and quotes only, a changed fact in the same place: a figure that
   counts the same thing in the same words around it ("killed 12 people" →
   "killed 25 people"), or a quote that is mostly the same words.

Whatever stays unpaired was added or removed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from newsdesk.core.sheet.kinds import KINDS, FactKind, KindKey
from newsdesk.core.sheet.model import Fact, FactSheet, Figure, Quote

# Words either side of a figure compared to tell "the same figure, new number" apart.
_CONTEXT_WORDS = 8
# How alike the words around two figures (or two quotes) must be to pair them.
FIGURE_CONTEXT_MIN = 0.6
QUOTE_TEXT_MIN = 0.75

_SPACES = re.compile(r"\s+")
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Pair:
    """One fact in the old sheet, the new sheet, or both (``how`` says how they paired)."""

    kind: KindKey
    old: Fact | None
    new: Fact | None
    how: Literal["id", "text", "context", "none"] = "none"


def normalise(text: str) -> str:
    """Case, spacing and curly quotes folded away: the key two wordings match on."""
    return _SPACES.sub(" ", text.translate(_QUOTE_MARKS)).strip().casefold()


def wording(fact: Fact) -> str:
    """The normalised words of a fact: an entity's name, otherwise its text."""
    return normalise(fact.title)


def context_words(sheet: FactSheet, figure: Figure) -> list[str]:
    """The words around ``figure`` (not the figure itself), lowercased."""
    text = sheet.article.text
    start, end = max(0, min(figure.start, len(text))), max(0, min(figure.end, len(text)))
    before = _WORD.findall(text[max(0, start - 80) : start].casefold())[-_CONTEXT_WORDS:]
    after = _WORD.findall(text[end : end + 80].casefold())[:_CONTEXT_WORDS]
    return [*before, "#", *after]


def similarity(left: Sequence[str], right: Sequence[str]) -> float:
    """0.0 (nothing alike) to 1.0 (the same) for two word or character sequences."""
    if not left and not right:
        return 1.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def match_facts(old: FactSheet, new: FactSheet) -> list[Pair]:
    """Pair every fact of ``old`` with its counterpart in ``new`` (see the module docs).

    Pairs come kind by kind (entities, figures, dates, quotes), in ``new``'s order,
    with each removed fact placed after the new fact that preceded it in ``old``.
    """
    same_text = old.article.text == new.article.text
    pairs: list[Pair] = []
    for kind in KINDS:
        pairs.extend(_match_kind(kind, old, new, same_text=same_text))
    return pairs


def _match_kind(kind: FactKind, old: FactSheet, new: FactSheet, *, same_text: bool) -> list[Pair]:
    old_facts = list(old.facts_of(kind))
    new_facts = list(new.facts_of(kind))
    partner: dict[int, int] = {}  # new index -> old index
    how: dict[int, Literal["id", "text", "context"]] = {}
    taken: set[int] = set()

    # 1. Ids: trustworthy on the same text; otherwise only when the wording agrees too.
    old_by_id = {fact.id: i for i, fact in enumerate(old_facts)}
    for j, fact in enumerate(new_facts):
        i = old_by_id.get(fact.id)
        if i is None or i in taken:
            continue
        if same_text or wording(old_facts[i]) == wording(fact):
            partner[j], how[j] = i, "id"
            taken.add(i)

    # 2. The same wording, the n-th unpaired "26" with the n-th unpaired "26".
    waiting: dict[str, list[int]] = defaultdict(list)
    for i, fact in enumerate(old_facts):
        if i not in taken:
            waiting[wording(fact)].append(i)
    for j, fact in enumerate(new_facts):
        if j in partner:
            continue
        queue = waiting.get(wording(fact))
        if queue:
            i = queue.pop(0)
            partner[j], how[j] = i, "text"
            taken.add(i)

    # 3. Changed figures and quotes: the best-scoring remaining pairs first.
    if kind.key in ("figure", "quote"):
        scored: list[tuple[float, int, int]] = []
        for j, fact in enumerate(new_facts):
            if j in partner:
                continue
            for i, candidate in enumerate(old_facts):
                if i in taken:
                    continue
                score = _change_score(candidate, old, fact, new)
                if score is not None:
                    scored.append((score, -j, -i))
        for _score, neg_j, neg_i in sorted(scored, reverse=True):
            j, i = -neg_j, -neg_i
            if j in partner or i in taken:
                continue
            partner[j], how[j] = i, "context"
            taken.add(i)

    # Assemble in new order; a removed fact follows the paired fact that preceded it.
    old_to_new = {i: j for j, i in partner.items()}
    removed_after: dict[int, list[int]] = defaultdict(list)  # new index (-1: start) -> old
    last_new = -1
    for i in range(len(old_facts)):
        if i in old_to_new:
            last_new = old_to_new[i]
        else:
            removed_after[last_new].append(i)
    key = kind.key
    pairs = [Pair(key, old_facts[i], None) for i in removed_after.get(-1, [])]
    for j, fact in enumerate(new_facts):
        i_old = partner.get(j)
        pairs.append(
            Pair(key, old_facts[i_old] if i_old is not None else None, fact, how.get(j, "none"))
        )
        pairs.extend(Pair(key, old_facts[i], None) for i in removed_after.get(j, []))
    return pairs


def _change_score(old_fact: Fact, old: FactSheet, new_fact: Fact, new: FactSheet) -> float | None:
    """How likely ``new_fact`` is ``old_fact`` reworded; ``None`` when it cannot be."""
    if isinstance(old_fact, Figure) and isinstance(new_fact, Figure):
        if old_fact.kind != new_fact.kind or old_fact.unit != new_fact.unit:
            return None
        same_counted = old_fact.counted is not None and old_fact.counted == new_fact.counted
        if old_fact.counted and new_fact.counted and not same_counted:
            return None
        score = similarity(context_words(old, old_fact), context_words(new, new_fact))
        if score < FIGURE_CONTEXT_MIN and not (same_counted and score >= FIGURE_CONTEXT_MIN / 2):
            return None
        return score + (0.5 if same_counted else 0.0)
    if isinstance(old_fact, Quote) and isinstance(new_fact, Quote):
        score = similarity(normalise(old_fact.text).split(), normalise(new_fact.text).split())
        return score if score >= QUOTE_TEXT_MIN else None
    return None
