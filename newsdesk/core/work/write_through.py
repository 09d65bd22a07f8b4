"""One fact's write-through: the desk's work on a fact carried onto its fresh counterpart.

When a story is analysed again, :func:`~newsdesk.core.work.reconcile.reconcile`
pairs each fact the editor worked on with what the fresh analysis found in its
place; :func:`carry_fact` then copies the work across:

- a fact that did not change keeps its status, note, flag and who checked it,
  and an edited fact keeps the editor's corrections (name, label, value…);
- a figure whose number changed ("12 killed" → "25 killed") and a quote whose
  words changed are flagged for re-checking: status back to ``unverified``, who
  checked it cleared, and ``recheck`` set to the wording it changed from
  (``Recheck("12")``; the editor's note stays as it was). A fact flagged before
  keeps its first earlier wording; changed back to it, it is flagged no more.

Facts the editor deleted stay deleted: :func:`drop_dismissed` moves each
deletion record onto the new text and leaves out the fresh fact it names.
"""

from __future__ import annotations

from newsdesk.core.sheet.kinds import kind_of
from newsdesk.core.sheet.model import Dismissed, Fact, FactSheet, Figure, Quote, Recheck
from newsdesk.core.work.anchors import TextShift, move_dismissed
from newsdesk.core.work.matching import normalise, wording


def carry_fact(before: Fact, after: Fact) -> None:
    """Copy the editor's work on ``before`` onto its fresh counterpart ``after`` (in place).

    A changed figure or quote is flagged for re-checking instead; otherwise
    status, note, flag, checker and corrections carry.
    """
    if isinstance(before, Figure) and isinstance(after, Figure) and _figure_changed(before, after):
        _flag(before, after)
        return
    if isinstance(before, Quote) and isinstance(after, Quote) and _words(before) != _words(after):
        _flag(before, after)
        return
    after.status, after.note, after.recheck = before.status, before.note, before.recheck
    after.checked_by, after.checked_at = before.checked_by, before.checked_at
    if before.origin in ("edited", "added"):
        for name in kind_of(before).corrected:
            setattr(after, name, getattr(before, name))
        after.origin = before.origin
        after.extracted = before.extracted


def _flag(before: Figure | Quote, after: Figure | Quote) -> None:
    # A fact flagged before keeps the wording it first changed from, so repeated
    # re-analyses (the editor still typing) never stack flags.
    was = before.recheck.was if before.recheck is not None else before.recheck_words()
    # Whoever checked the old wording did not check this one; the note stays the editor's.
    after.status, after.checked_by, after.checked_at = "unverified", None, None
    after.note = before.note
    after.recheck = None if was == after.recheck_words() else Recheck(was)


def _figure_changed(before: Figure, after: Figure) -> bool:
    """Whether the number itself changed (not just where it stands)."""
    if before.origin == "edited":
        # The editor corrected the value by hand; only a new wording is a change.
        return _words(before) != _words(after)
    stated = (before.value, before.low, before.high, before.qualifier)
    return stated != (after.value, after.low, after.high, after.qualifier) or (
        _words(before) != _words(after) and before.value is None
    )


def _words(fact: Figure | Quote) -> str:
    return " ".join(fact.text.split()).casefold()


def drop_dismissed(old: FactSheet, new: FactSheet) -> int:
    """Carry ``old``'s deletions onto ``new`` (in place) and leave out the facts they name.

    Each record moves with its words to the new text; a fresh fact of the same
    kind and words at that place is removed from ``new``. Returns how many were.
    """
    shift = TextShift(old.article.text, new.article.text)
    records = [move_dismissed(r, shift, old.article.text, new.article.text) for r in old.dismissed]
    new.dismissed = records
    if not records:
        return 0
    before = new.fact_count()
    gone = {e.id for e in new.entities if is_dismissed(e, records)}
    for figure in new.figures:  # who said it is unknown now, not a deleted name
        figure.source = None if figure.source in gone else figure.source
    for quote in new.quotes:
        quote.speaker = None if quote.speaker in gone else quote.speaker
    # New lists, not changed ones: a caller may still hold the fresh sheet's lists.
    new.entities = [f for f in new.entities if not is_dismissed(f, records)]
    new.figures = [f for f in new.figures if not is_dismissed(f, records)]
    new.dates = [f for f in new.dates if not is_dismissed(f, records)]
    new.quotes = [f for f in new.quotes if not is_dismissed(f, records)]
    return before - new.fact_count()


def is_dismissed(fact: Fact, records: list[Dismissed]) -> bool:
    """Whether ``fact`` is one the editor deleted: same kind and words, in the same place."""
    kind, words, spans = kind_of(fact).key, wording(fact), set(fact.spans())
    return any(
        r.kind == kind
        and r.end > r.start
        and (r.start, r.end) in spans
        and normalise(r.text) == words
        for r in records
    )
