"""Re-analysis that keeps the editor's work.

When the article text changes, the extractor produces a fresh sheet.
:func:`reconcile` merges it with the sheet the editor has been correcting:

- facts the editor deleted stay deleted (:func:`~newsdesk.core.work.carry_over.drop_dismissed`);
- facts the editor touched (checked, corrected, added, noted) are kept as the
  editor left them and moved onto their words in the new text;
- when a touched fact's words are gone but a fresh fact is its counterpart
  (:func:`~newsdesk.core.work.matching.match_facts`: the same counted noun, the same
  words around it — "12 killed" became "25 killed"), the fresh fact takes its
  place and id, with the editor's work carried over as
  :func:`~newsdesk.core.work.carry_over.carry_fact` does: a changed figure or quote
  goes back to ``unverified``, flagged ``recheck`` with the words it changed from;
- a touched fact with no counterpart is kept and flagged (``anchor_lost``);
- a fresh fact over the words of a kept fact is not taken (the editor's
  version wins); a fresh entity's other mentions join the kept entity;
- every other fresh fact is taken, keeping the id of the untouched fact it
  replaces, so undo history and selections still find it.

:func:`rebase` moves a sheet onto a changed text without any fresh extraction,
for edits made while the analysis of the new text is still pending.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace

from newsdesk.core.article.wire import split_article
from newsdesk.core.sheet.kinds import KINDS, kind_of, new_id
from newsdesk.core.sheet.model import Entity, Fact, FactSheet, Figure, Quote
from newsdesk.core.work.anchors import TextShift, anchor_fact, move_dismissed
from newsdesk.core.work.carry_over import CarryOverReport, carry_fact, drop_dismissed
from newsdesk.core.work.matching import match_facts


@dataclass
class Reconciled:
    """The merged sheet and what happened to the editor's facts."""

    sheet: FactSheet
    kept: int = 0  # touched facts carried over (flagged ones included)
    flagged: int = 0  # touched facts whose words are gone
    shadowed: int = 0  # fresh facts not taken because the editor's fact covers their words
    rechecked: int = 0  # touched facts whose figure or quote changed: flagged to re-check
    dismissed: int = 0  # fresh facts left out because the editor had deleted them


def reconcile(old: FactSheet | None, fresh: FactSheet) -> Reconciled:
    """``fresh`` with the editor's work from ``old`` carried over (see the module docstring)."""
    if old is None:
        return Reconciled(fresh)
    old_text, new_text = old.article.text, fresh.article.text
    shift = TextShift(old_text, new_text)
    fresh = replace(fresh)  # drop_dismissed sets new lists, leaving the caller's sheet alone
    dismissed = drop_dismissed(old, fresh)
    result = Reconciled(
        FactSheet(article=fresh.article, id=old.id or fresh.id, dismissed=fresh.dismissed),
        dismissed=dismissed,
    )
    kept: list[Fact] = []
    lost: list[Fact] = []  # the originals of touched facts whose words are gone
    for fact in old.facts():
        if fact.is_touched():
            moved = copy.deepcopy(fact)
            if not anchor_fact(moved, shift, old_text, new_text):
                lost.append(fact)
            kept.append(moved)
    result.kept = len(kept)
    replacing = _write_through(old, fresh, kept, lost)
    replaced = {f.id for f in replacing.values()}
    kept = [f for f in kept if f.id not in replaced]
    result.flagged = len(lost) - len(replacing)
    result.rechecked = sum(1 for f in replacing.values() if f.recheck is not None)

    # Where each untouched old fact's words are now, to give its successor its id.
    successors: dict[tuple[str, int, int], str] = {}
    for fact in old.facts():
        if fact.is_touched():
            continue
        for start, end in _spans(fact):
            spot = shift.span(start, end)
            if spot is not None:
                successors.setdefault((kind_of(fact).key, *spot), fact.id)

    taken = {f.id for f in old.facts()} | {f.id for f in fresh.facts()}
    used = {f.id for f in kept} | replaced
    renamed: dict[str, str] = {}  # fresh entity id → its id in the merged sheet
    taken_facts: list[Fact] = []
    for fact in fresh.facts():
        kind = kind_of(fact)
        successor = replacing.get(fact.id)
        if successor is not None:  # a changed fact takes the place of the editor's
            renamed[fact.id] = successor.id
            taken_facts.append(successor)
            continue
        cover = _covering(kept, fact)
        if cover is not None:
            result.shadowed += 1
            renamed[fact.id] = cover.id
            if isinstance(fact, Entity) and isinstance(cover, Entity):
                _join_mentions(cover, fact, kept)
            continue
        final = next(
            (
                successors[(kind.key, s, e)]
                for s, e in _spans(fact)
                if successors.get((kind.key, s, e)) not in (None, *used)
            ),
            None,
        )
        if final is None:
            final = new_id(kind, taken)
        used.add(final)
        renamed[fact.id] = final
        fact = copy.copy(fact)
        fact.id = final
        taken_facts.append(fact)

    # Attributions: fresh facts name fresh ids; kept facts name old ids.
    names = {f.id: f for f in [*kept, *taken_facts] if isinstance(f, Entity)}
    by_name = {e.name.casefold(): e.id for e in names.values()}
    old_names = {e.id: e.name.casefold() for e in old.entities}
    for fact in taken_facts:
        _rename_refs(fact, lambda ref: renamed.get(ref) if ref else None)
    for fact in kept:
        _rename_refs(
            fact,
            lambda ref: ref if ref in names else by_name.get(old_names.get(ref or "", "")),
        )

    for fact in [*kept, *taken_facts]:
        result.sheet.facts_of(kind_of(fact)).append(fact)
    _sort(result.sheet)
    return result


def rebase(sheet: FactSheet, text: str) -> FactSheet:
    """``sheet`` moved onto ``text``: untouched facts hit by the change are left out.

    The editor's facts are kept (re-anchored or flagged) as in :func:`reconcile`.
    """
    old_text = sheet.article.text
    article = split_article(text)
    article = replace(
        sheet.article, text=article.text, headline=article.headline or sheet.article.headline
    )
    shift = TextShift(old_text, text)
    dismissed = [move_dismissed(r, shift, old_text, text) for r in sheet.dismissed]
    moved = FactSheet(article=article, id=sheet.id, dismissed=dismissed)
    for fact in sheet.facts():
        copied = copy.deepcopy(fact)
        if fact.is_touched():
            anchor_fact(copied, shift, old_text, text)
        elif not _moves_cleanly(copied, shift):
            continue
        moved.facts_of(kind_of(copied)).append(copied)
    return moved


# -- helpers ---------------------------------------------------------------------------


def _write_through(
    old: FactSheet, fresh: FactSheet, kept: list[Fact], lost: list[Fact]
) -> dict[str, Fact]:
    """Fresh id → the fresh fact that takes the place of a lost touched fact, work carried."""
    if not lost:
        return {}
    lost_ids = {f.id for f in lost}
    anchored = [f for f in kept if f.id not in lost_ids]
    partners = {
        pair.old.id: pair.new
        for pair in match_facts(old, fresh)
        if pair.old is not None and pair.new is not None and pair.old.id in lost_ids
    }
    report = CarryOverReport()
    replacing: dict[str, Fact] = {}
    for before in lost:
        partner = partners.get(before.id)
        if partner is None or partner.id in replacing or _covering(anchored, partner) is not None:
            continue
        after = copy.deepcopy(partner)
        carry_fact(before, after, report)
        after.id = before.id  # undo history and selections still find it
        replacing[partner.id] = after
    return replacing


def _spans(fact: Fact) -> list[tuple[int, int]]:
    """Where ``fact`` still stands: its spans that are not lost (zero-width)."""
    return [(start, end) for start, end in fact.spans() if end > start]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covering(kept: list[Fact], fresh: Fact) -> Fact | None:
    """The kept fact of the same kind that overlaps ``fresh`` most."""
    kind = kind_of(fresh)
    spans = _spans(fresh)
    best, best_hits = None, 0
    for fact in kept:
        if kind_of(fact) is not kind:
            continue
        hits = sum(1 for a in _spans(fact) for b in spans if _overlaps(a, b))
        if hits > best_hits:
            best, best_hits = fact, hits
    return best


def _join_mentions(cover: Entity, fresh: Entity, kept: list[Fact]) -> None:
    """Fresh mentions that no kept entity holds yet join ``cover``."""
    held = [s for f in kept if isinstance(f, Entity) for s in _spans(f)]
    extra = [
        copy.copy(m)
        for m in fresh.mentions
        if not any(_overlaps((m.start, m.end), span) for span in held)
    ]
    if extra:
        cover.mentions = sorted([*cover.mentions, *extra], key=lambda m: m.start)


def _rename_refs(fact: Fact, rename: Callable[[str | None], str | None]) -> None:
    """Point a figure's source or a quote's speaker at the entity's id in the merged sheet."""
    field = kind_of(fact).attribution
    if field is not None and getattr(fact, field) is not None:
        setattr(fact, field, rename(getattr(fact, field)))


def _moves_cleanly(fact: Fact, shift: TextShift) -> bool:
    if isinstance(fact, Entity):
        spots = [shift.span(m.start, m.end) for m in fact.mentions]
        fact.mentions = [
            replace(m, start=s[0], end=s[1]) for m, s in zip(fact.mentions, spots, strict=True) if s
        ]
        return bool(fact.mentions)
    spot = shift.span(fact.start, fact.end)
    if spot is None:
        return False
    fact.start, fact.end = spot
    if isinstance(fact, Figure) and fact.sentence is not None:
        fact.sentence = shift.span(*fact.sentence)
    if isinstance(fact, Quote) and fact.speaker_mention is not None:
        m = fact.speaker_mention
        moved = shift.span(m.start, m.end)
        fact.speaker_mention = replace(m, start=moved[0], end=moved[1]) if moved else None
    return True


def _sort(sheet: FactSheet) -> None:
    for kind in KINDS:
        sheet.facts_of(kind).sort(key=lambda fact: fact.first_offset())
