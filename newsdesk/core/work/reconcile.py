"""Re-analysis that keeps the editor's work: the one merge of a fresh analysis and a worked sheet.

When the article text changes (the editor typed, or a wire "UPDATE 1" came in),
the extractor produces a fresh sheet. :func:`reconcile` merges it with the
sheet the editor has been correcting; the window runs it after every analysis
and ``newsdesk save`` through :func:`~newsdesk.core.work.carry_over.carry_over`:

- facts the editor deleted stay deleted
  (:func:`~newsdesk.core.work.write_through.drop_dismissed`);
- facts the editor touched (checked, corrected, added, noted, flagged) are kept
  as the editor left them and moved onto their words in the new text;
- when a touched fact's words changed or are gone and a fresh fact is its
  counterpart (:func:`~newsdesk.core.work.matching.match_facts`: the same counted
  noun, the same words around it — "12 killed" became "25 killed"), the fresh
  fact takes its place and id, with the editor's work carried over as
  :func:`~newsdesk.core.work.write_through.carry_fact` does: a changed figure or
  quote goes back to ``unverified``, flagged ``recheck`` with the words it
  changed from. A figure or quote hit by the change asks for its counterpart
  before its old words are looked for elsewhere in the text; a name, which has
  no changed wording, looks for its words first;
- a touched fact with no counterpart whose words are gone is kept and flagged
  (``anchor_lost``), or, with ``keep_lost=False`` (a batch save nobody watches),
  left out and listed in :attr:`Reconciled.lost`;
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
from dataclasses import dataclass, field, replace

from newsdesk.core.article.wire import split_article
from newsdesk.core.sheet.kinds import KINDS, kind_of, new_id
from newsdesk.core.sheet.model import Entity, Fact, FactSheet, Figure, Quote, SpannedFact
from newsdesk.core.work.anchors import (
    TextShift,
    anchor_fact,
    move_dismissed,
    move_sentence,
    overlaps,
)
from newsdesk.core.work.matching import match_facts, wording
from newsdesk.core.work.story_date import with_story_date
from newsdesk.core.work.write_through import carry_fact, drop_dismissed


@dataclass
class Reconciled:
    """The merged sheet and what happened to the editor's facts."""

    sheet: FactSheet
    kept: int = 0  # touched facts carried over (flagged ones included)
    flagged: int = 0  # touched facts whose words are gone, kept with anchor_lost
    shadowed: int = 0  # fresh facts not taken because the editor's fact covers their words
    rechecked: int = 0  # touched facts whose figure or quote changed: flagged to re-check
    dismissed: int = 0  # fresh facts left out because the editor had deleted them
    to_recheck: list[Fact] = field(default_factory=list)  # those facts, as merged
    restored: list[Fact] = field(default_factory=list)  # hand-added facts kept on their words
    lost: list[Fact] = field(default_factory=list)  # touched facts whose words are gone (above)


@dataclass
class _Touched:
    """Where the editor's facts went: kept as they were, replaced by a fresh fact, or lost."""

    kept: list[Fact] = field(default_factory=list)  # moved copies, as the editor left them
    replacing: dict[str, Fact] = field(default_factory=dict)  # fresh id → fact with work carried
    lost: list[Fact] = field(default_factory=list)  # moved copies whose words are gone


def reconcile(old: FactSheet | None, fresh: FactSheet, *, keep_lost: bool = True) -> Reconciled:
    """``fresh`` with the editor's work from ``old`` carried over (see the module docstring)."""
    if old is None:
        return Reconciled(fresh)
    shift = TextShift(old.article.text, fresh.article.text)
    fresh = replace(fresh)  # drop_dismissed sets new lists, leaving the caller's sheet alone
    kept_date = old.article.date_basis
    if kept_date is not None and kept_date.from_ == "editor":
        # The story date the editor set outlives re-analysis.
        fresh = replace(fresh, article=replace(fresh.article), dates=copy.deepcopy(fresh.dates))
        with_story_date(fresh, kept_date)
    dismissed = drop_dismissed(old, fresh)
    result = Reconciled(
        FactSheet(article=fresh.article, id=old.id or fresh.id, dismissed=fresh.dismissed),
        dismissed=dismissed,
    )
    touched = _place_touched(old, fresh, shift)
    result.lost = touched.lost
    kept = touched.kept + touched.lost if keep_lost else touched.kept
    result.kept = len(kept) + len(touched.replacing)
    result.flagged = len(touched.lost) if keep_lost else 0
    result.to_recheck = [f for f in touched.replacing.values() if f.recheck is not None]
    result.rechecked = len(result.to_recheck)

    taken, renamed, covering = _take_fresh(old, fresh, shift, kept, touched.replacing, result)
    result.restored = [f for f in touched.kept if f.origin == "added" and f.id not in covering]
    _rename_attributions(old, kept, taken, renamed)
    for fact in [*kept, *taken]:
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
        elif not _moves_cleanly(copied, shift, text):
            continue
        moved.facts_of(kind_of(copied)).append(copied)
    return moved


# -- the editor's facts ------------------------------------------------------------------


def _place_touched(old: FactSheet, fresh: FactSheet, shift: TextShift) -> _Touched:
    """Move each fact the editor touched onto the new text, or find what took its place."""
    old_text, new_text = old.article.text, fresh.article.text
    placed = _Touched()
    waiting: list[tuple[Fact, Fact | None]] = []  # (original, its moved copy once placed)
    for fact in old.facts():
        if not fact.is_touched():
            continue
        moved = copy.deepcopy(fact)
        if isinstance(fact, SpannedFact) and shift.span(fact.start, fact.end) is None:
            waiting.append((fact, None))  # hit by the change: its counterpart is asked first
        elif anchor_fact(moved, shift, old_text, new_text):
            placed.kept.append(moved)
        else:
            placed.lost.append(moved)  # unless a counterpart takes its place
            waiting.append((fact, moved))
    reworded = _reworded(placed.kept, fresh)
    if not waiting and not reworded:
        return placed
    partners = {
        pair.old.id: pair.new
        for pair in match_facts(old, fresh)
        if pair.old is not None and pair.new is not None
    }
    originals = {fact.id: fact for fact in old.facts()}
    for kept in placed.kept:  # still on its words, but the fresh fact there reads otherwise
        partner = partners.get(kept.id)
        if partner is not None and partner.id in reworded.get(kept.id, ()):
            waiting.append((originals[kept.id], kept))
    order = {fact_id: n for n, fact_id in enumerate(originals)}
    for original, copied in sorted(waiting, key=lambda item: order[item[0].id]):
        if _replaced(placed, original, partners.get(original.id)) or copied is not None:
            continue  # replaced, or already kept or lost where it was
        again = copy.deepcopy(original)  # its old words, looked for elsewhere in the text
        if anchor_fact(again, shift, old_text, new_text):
            placed.kept.append(again)
        else:
            placed.lost.append(again)
    return placed


def _replaced(placed: _Touched, original: Fact, partner: Fact | None) -> bool:
    """Let ``partner`` take the place of the editor's ``original``, work carried, if it can.

    It cannot when it already replaces another fact, or when another kept fact
    of the editor's stands on its words (that one wins).
    """
    if partner is None or partner.id in placed.replacing:
        return False
    others = [f for f in placed.kept if f.id != original.id]
    if _covering(others, partner) is not None:
        return False
    after = copy.deepcopy(partner)
    carry_fact(original, after)
    after.id = original.id  # undo history and selections still find it
    placed.replacing[partner.id] = after
    placed.kept = others
    placed.lost = [f for f in placed.lost if f.id != original.id]
    return True


def _reworded(kept: list[Fact], fresh: FactSheet) -> dict[str, set[str]]:
    """Kept figures and quotes under fresh ones that read otherwise: kept id → fresh ids."""
    found: dict[str, set[str]] = {}
    for fact in kept:
        if not isinstance(fact, Figure | Quote):
            continue
        for other in fresh.facts_of(kind_of(fact)):
            under = any(overlaps(span, (fact.start, fact.end)) for span in _spans(other))
            if under and wording(other) != wording(fact):
                found.setdefault(fact.id, set()).add(other.id)
    return found


# -- the fresh facts ---------------------------------------------------------------------


def _take_fresh(
    old: FactSheet,
    fresh: FactSheet,
    shift: TextShift,
    kept: list[Fact],
    replacing: dict[str, Fact],
    result: Reconciled,
) -> tuple[list[Fact], dict[str, str], set[str]]:
    """The fresh facts the merged sheet takes, how fresh ids were renamed, kept ids covering any."""
    successors = _successors(old, shift)
    taken_ids = {f.id for f in old.facts()} | {f.id for f in fresh.facts()}
    used = {f.id for f in kept} | {f.id for f in replacing.values()}
    renamed: dict[str, str] = {}  # fresh entity id → its id in the merged sheet
    covering: set[str] = set()
    taken: list[Fact] = []
    for fact in fresh.facts():
        kind = kind_of(fact)
        successor = replacing.get(fact.id)
        if successor is not None:  # a changed fact takes the place of the editor's
            renamed[fact.id] = successor.id
            taken.append(successor)
            continue
        cover = _covering(kept, fact)
        if cover is not None:
            result.shadowed += 1
            renamed[fact.id] = cover.id
            covering.add(cover.id)
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
            final = new_id(kind, taken_ids)
        used.add(final)
        renamed[fact.id] = final
        fact = copy.copy(fact)
        fact.id = final
        taken.append(fact)
    return taken, renamed, covering


def _successors(old: FactSheet, shift: TextShift) -> dict[tuple[str, int, int], str]:
    """Where each untouched old fact's words are now, to give its successor its id."""
    successors: dict[tuple[str, int, int], str] = {}
    for fact in old.facts():
        if fact.is_touched():
            continue
        for start, end in _spans(fact):
            spot = shift.span(start, end)
            if spot is not None:
                successors.setdefault((kind_of(fact).key, *spot), fact.id)
    return successors


def _rename_attributions(
    old: FactSheet, kept: list[Fact], taken: list[Fact], renamed: dict[str, str]
) -> None:
    """Sources and speakers name entities of the merged sheet.

    Fresh facts name fresh ids (renamed as their entities were); kept facts name
    old ids, found again by the entity's name when that entity was not kept.
    """
    names = {f.id: f for f in [*kept, *taken] if isinstance(f, Entity)}
    by_name = {e.name.casefold(): e.id for e in names.values()}
    old_names = {e.id: e.name.casefold() for e in old.entities}
    for fact in taken:
        _rename_refs(fact, lambda ref: renamed.get(ref) if ref else None)
    for fact in kept:
        _rename_refs(
            fact,
            lambda ref: ref if ref in names else by_name.get(old_names.get(ref or "", "")),
        )


# -- helpers ---------------------------------------------------------------------------


def _spans(fact: Fact) -> list[tuple[int, int]]:
    """Where ``fact`` still stands: its spans that are not lost (zero-width)."""
    return [(start, end) for start, end in fact.spans() if end > start]


def _covering(kept: list[Fact], fresh: Fact) -> Fact | None:
    """The kept fact of the same kind that overlaps ``fresh`` most."""
    kind = kind_of(fresh)
    spans = _spans(fresh)
    best, best_hits = None, 0
    for fact in kept:
        if kind_of(fact) is not kind:
            continue
        hits = sum(1 for a in _spans(fact) for b in spans if overlaps(a, b))
        if hits > best_hits:
            best, best_hits = fact, hits
    return best


def _join_mentions(cover: Entity, fresh: Entity, kept: list[Fact]) -> None:
    """Fresh mentions that no kept entity holds yet join ``cover``."""
    held = [s for f in kept if isinstance(f, Entity) for s in _spans(f)]
    extra = [
        copy.copy(m)
        for m in fresh.mentions
        if not any(overlaps((m.start, m.end), span) for span in held)
    ]
    if extra:
        cover.mentions = sorted([*cover.mentions, *extra], key=lambda m: m.start)


def _rename_refs(fact: Fact, rename: Callable[[str | None], str | None]) -> None:
    """Point a figure's source or a quote's speaker at the entity's id in the merged sheet."""
    field = kind_of(fact).attribution
    if field is not None and getattr(fact, field) is not None:
        setattr(fact, field, rename(getattr(fact, field)))


def _moves_cleanly(fact: Fact, shift: TextShift, text: str) -> bool:
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
        fact.sentence = move_sentence(shift, fact.sentence, spot, text)
    if isinstance(fact, Quote) and fact.speaker_mention is not None:
        m = fact.speaker_mention
        moved = shift.span(m.start, m.end)
        fact.speaker_mention = replace(m, start=moved[0], end=moved[1]) if moved else None
    return True


def _sort(sheet: FactSheet) -> None:
    for kind in KINDS:
        sheet.facts_of(kind).sort(key=lambda fact: fact.first_offset())
