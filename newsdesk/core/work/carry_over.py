"""Write-throughs: a new analysis of a story keeps what the editor already did.

When a story is analysed again — the editor changed the text, or pasted the
wire's "UPDATE 1" or "REFILE" over it — the extractor returns a fresh sheet that
knows nothing of the desk's work. :func:`carry_over` copies that work onto it:

- a fact that did not change keeps its status, note and who checked it, and an
  edited fact keeps the editor's corrections (name, label, value, qualifier…);
- a figure whose number changed ("12 killed" → "25 killed") and a quote whose
  words changed are flagged for re-checking: status back to ``unverified``, who
  checked it cleared, and ``recheck`` set to the wording it changed from
  (``Recheck("12")``; the editor's note stays as it was);
- a fact the editor added by hand is added again when its words are still in
  the text, and reported as lost otherwise;
- a fact the editor deleted (``FactSheet.dismissed``) stays deleted: the record
  moves onto the new text and a fresh fact of the same kind and words in the
  same place is left out (:func:`drop_dismissed`).

The window's re-analysis (:func:`newsdesk.core.work.reconcile.reconcile`) uses
:func:`carry_fact` and :func:`drop_dismissed` too, so both flag alike.

The flag is its own field (``"recheck": {"was": "12"}`` in the contract); sheets
saved when it was a sentence opening the note read as the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newsdesk.core.sheet.kinds import kind_of
from newsdesk.core.sheet.model import (
    Dismissed,
    Entity,
    Fact,
    FactSheet,
    Figure,
    Mention,
    Quote,
    Recheck,
)
from newsdesk.core.work.anchors import TextShift, move_dismissed
from newsdesk.core.work.matching import match_facts, normalise, wording

# "UPDATE 2-", "REFILE-", "CORRECTED-", "RPT-" and their stacks ("REFILE-UPDATE 1-").
_WIRE_TAGS = re.compile(
    r"^(?:\s*(?:UPDATE\s*\d*|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|WRAPUP\s*\d*|"
    r"RECASTS?|ADVISORY)\s*[-–—:]\s*)+"
)


@dataclass
class CarryOverReport:
    """What :func:`carry_over` did to the new sheet."""

    kept: int = 0  # facts that took the editor's status, note or corrections
    flagged: list[Figure | Quote] = field(default_factory=list)  # changed, to re-check
    restored: list[Fact] = field(default_factory=list)  # hand-added facts found again
    lost: list[Fact] = field(default_factory=list)  # hand-added facts whose words are gone
    dismissed: int = 0  # fresh facts left out because the editor had deleted them

    def summary(self) -> str:
        """``"12 facts kept their checks · 1 changed figure to re-check"``."""
        parts = []
        if self.kept:
            parts.append(f"{self.kept} {_plural(self.kept, 'fact')} kept their checks")
        if self.flagged:
            count = len(self.flagged)
            parts.append(f"{count} changed {_plural(count, 'fact')} to re-check")
        if self.restored:
            count = len(self.restored)
            parts.append(f"{count} hand-added {_plural(count, 'fact')} kept")
        if self.lost:
            count = len(self.lost)
            parts.append(f"{count} hand-added {_plural(count, 'fact')} no longer in the text")
        return " · ".join(parts)


def strip_wire_tags(headline: str) -> str:
    """The headline without wire version tags ("UPDATE 1-Kerry in Paris" → "Kerry in Paris")."""
    return _WIRE_TAGS.sub("", headline).strip() or headline.strip()


def carry_over(old: FactSheet | None, new: FactSheet) -> CarryOverReport:
    """Copy the editor's work from ``old`` onto the fresh sheet ``new`` (in place)."""
    report = CarryOverReport()
    if old is None:
        return report
    report.dismissed = drop_dismissed(old, new)
    for pair in match_facts(old, new):
        if pair.old is not None and pair.new is not None:
            carry_fact(pair.old, pair.new, report)
        elif pair.old is not None and pair.old.origin == "added":
            again = _relocate(pair.old, old, new)
            if again is None:
                report.lost.append(pair.old)
            else:
                _append(new, again)
                report.restored.append(again)
    return report


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


def carry_fact(before: Fact, after: Fact, report: CarryOverReport) -> None:
    """Copy the editor's work on ``before`` onto its fresh counterpart ``after`` (in place).

    A changed figure or quote is flagged for re-checking instead (it joins
    ``report.flagged``); otherwise status, note, checker and corrections carry.
    """
    if isinstance(before, Figure) and isinstance(after, Figure) and _figure_changed(before, after):
        _flag(before, after, report)
        return
    if isinstance(before, Quote) and isinstance(after, Quote) and _words(before) != _words(after):
        _flag(before, after, report)
        return
    touched = before.status != "unverified" or bool(before.note) or before.recheck is not None
    after.status, after.note, after.recheck = before.status, before.note, before.recheck
    after.checked_by, after.checked_at = before.checked_by, before.checked_at
    if before.origin in ("edited", "added"):
        for name in kind_of(before).corrected:
            setattr(after, name, getattr(before, name))
        after.origin = before.origin
        after.extracted = before.extracted
        touched = True
    if touched:
        report.kept += 1


def _flag(before: Figure | Quote, after: Figure | Quote, report: CarryOverReport) -> None:
    # A fact flagged before keeps the wording it first changed from, so repeated
    # re-analyses (the editor still typing) never stack flags.
    was = before.recheck.was if before.recheck is not None else before.recheck_words()
    # Whoever checked the old wording did not check this one; the note stays the editor's.
    after.status, after.checked_by, after.checked_at = "unverified", None, None
    after.note = before.note
    if was == after.recheck_words():  # changed back: nothing left to re-check
        after.recheck = None
        return
    after.recheck = Recheck(was)
    report.flagged.append(after)


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


def _relocate(fact: Fact, old: FactSheet, new: FactSheet) -> Fact | None:
    """A hand-added fact placed in the new text, or ``None`` when its words are gone."""
    text = new.article.text
    if isinstance(fact, Entity):
        words = {m.text for m in fact.mentions} | {fact.name}
        mentions = sorted(
            (
                Mention(start, end, text[start:end])
                for word in words
                for start, end in _find(text, word)
            ),
            key=lambda m: m.start,
        )
        if not mentions:
            return None
        return replace(fact, mentions=_unique_mentions(mentions))
    spots = _find(text, fact.text)
    if not spots:
        return None
    start, end = spots[0]
    if isinstance(fact, Figure):
        source = old.entity(fact.source)
        again = new_entity_named(new, source.name) if source else None
        return replace(
            fact, start=start, end=end, sentence=None, source=again.id if again else None
        )
    if isinstance(fact, Quote):
        speaker = old.entity(fact.speaker)
        again = new_entity_named(new, speaker.name) if speaker else None
        return replace(
            fact, start=start, end=end, speaker=again.id if again else None, speaker_mention=None
        )
    return replace(fact, start=start, end=end)


def new_entity_named(sheet: FactSheet, name: str) -> Entity | None:
    """The entity of ``sheet`` called ``name`` (case-insensitively), if any."""
    wanted = name.casefold()
    return next((e for e in sheet.entities if e.name.casefold() == wanted), None)


def _find(text: str, words: str) -> list[tuple[int, int]]:
    if not words.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _unique_mentions(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:  # "Kerry" inside "John Kerry"
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _append(sheet: FactSheet, fact: Fact) -> None:
    """Add ``fact`` to ``sheet`` under a fresh id of its kind."""
    kind = kind_of(fact)
    used = {f.id for f in sheet.facts()}
    number = 1
    while f"{kind.prefix}{number}" in used:
        number += 1
    fact.id = f"{kind.prefix}{number}"
    sheet.facts_of(kind).append(fact)


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
