"""The verbs and nouns of change around a number: "rose 3%", "fell by 200", "a 12%
increase", "68.2%, up from 63.5%", "rose from 10 to 20".

Shared by the range stage (a change and the level it reaches are two figures,
not a range) and the change stage (which of them is an amount of change).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.numbers import FRACTIONS
from newsdesk.core.extract.numerals import match_before


def change_of(doc: Doc, start: int) -> str | None:
    """``up``/``down`` when the figure is a change: "rose 3%", "fell by 200"."""
    return motion_of(doc, start)[0]


def motion_of(doc: Doc, start: int) -> tuple[str | None, str]:
    """The direction the words before token ``start`` give the figure, and how they give
    it: ``verb`` ("rose 3%", "fell by 200"), ``word`` ("up 3%"), ``noun`` ("a reduction
    of 34%"), ``level`` (the level after "rose to", "rose from 10 to") or ``cause`` (no
    change: "raised $10 million"); ``(None, "")`` when they give none."""
    for words in lexicon.AVERAGES:  # "lowered it by an average of 8 mmHg"
        n = len(words)
        if start >= n and tuple(t.lower_ for t in doc[start - n : start]) == words:
            start -= n
            break
    i = start - 1
    by = i >= 0 and doc[i].lower_ == "by"
    if by:
        i -= 1
    if i < 0:
        return None, ""
    token = doc[i]
    if by and token.pos_ in ("NOUN", "PROPN") and token.head.pos_ == "VERB":
        token = token.head  # "raised rates by 25 basis points"
    elif (
        by
        and token.lower_ not in ("up", "down")  # "gone up by 5%": the particle says which way
        and doc[i + 1].head.pos_ == "VERB"
        and doc[i + 1].head.i < i + 1
    ):
        token = doc[i + 1].head  # "lowered the risk of heart attack by 20%"
    if token.lower_ == "to" and i >= 2:
        moved = _moved_from(doc, i)
        if moved is not None:
            return moved, "level"  # "rose from 1,200 to 1,950": the new level
    if token.lower_ in ("to", "of") and token.head.i < token.i:
        # "net debt fell to 2.9 billion", "rose 6% to 4,950": the level it moved to;
        # "a reduction of 34%": the size of the change the noun names.
        lemma = token.head.lemma_.lower()
        verb = token.head.pos_ in ("VERB", "AUX") and token.lower_ == "to"
        kind = "level" if verb else "noun"
        if lemma in (lexicon.UP_VERBS if verb else lexicon.UP_NOUNS):
            return "up", kind
        if lemma in (lexicon.DOWN_VERBS if verb else lexicon.DOWN_NOUNS):
            return "down", kind
        return None, ""
    if token.lower_ in ("up", "down"):
        if token.dep_ == "prt" and token.head.lemma_.lower() not in lexicon.PARTICLE_MOTION_VERBS:
            return None, ""  # "blew up two temples": the particle belongs to the verb
        return token.lower_, "word"
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        levels = start < len(doc) and doc[start].lower_ in ("from", "to")  # "raised from 10"
        if token.lemma_.lower() in lexicon.CHANGED_BY and not by and not levels:
            return None, "cause"  # "raised $10 million" for a cause; "raised rates by 25" moves
        if token.lemma_.lower() in lexicon.UP_VERBS:
            return "up", "verb"
        if token.lemma_.lower() in lexicon.DOWN_VERBS:
            return "down", "verb"
    return None, ""


def share_of_change(doc: Doc, i: int) -> tuple[int, str] | None:
    """Where the share at token ``i`` starts (its article and hedge) and which way it
    moves, when it is the amount of a change: "fell by half", "cut spending by a third",
    "risen by nearly a quarter" (not "half a million", "a third of the vote")."""
    if doc[i].lower_ not in FRACTIONS:
        return None
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if following in ("a", "an", "of") or following in FRACTIONS:
        return None  # "by half a million", "by a quarter of a million": numbers of their own
    start = i - 1 if i and doc[i - 1].lower_ in ("a", "one") else i
    hedge = match_before(doc, start, lexicon.QUALIFIER_PHRASES)
    if hedge is not None:
        start = hedge[0]
    if start == 0 or doc[start - 1].lower_ != "by":
        return None
    direction, how = motion_of(doc, start)
    return (start, direction) if direction is not None and how == "verb" else None


def change_after(doc: Doc, end: int) -> str | None:
    """``up``/``down`` when a change noun follows the figure: "a 12% increase" (but
    "12 cuts" counts cuts), or "up from"/"down from" an earlier level ("68.2%, up from
    63.5%")."""
    return motion_after(doc, end)[0]


def motion_after(doc: Doc, end: int) -> tuple[str | None, str]:
    """The direction the words after the figure give it, and how: ``noun`` ("a 12%
    increase"), ``up-from`` ("68.2%, up from 63.5%") or ``comparative`` ("closed 0.2%
    higher"); ``(None, "")`` when none."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if i + 1 < len(doc) and doc[i].lower_ in ("up", "down") and doc[i + 1].lower_ == "from":
        return doc[i].lower_, "up-from"
    if end < len(doc) and doc[end].lower_ in ("higher", "lower"):
        return ("up" if doc[end].lower_ == "higher" else "down"), "comparative"
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ == "NN":
        lemma = doc[end].lemma_.lower()
        if lemma in lexicon.UP_NOUNS:
            return "up", "noun"
        if lemma in lexicon.DOWN_NOUNS:
            return "down", "noun"
    return None, ""


def _moved_from(doc: Doc, to: int) -> str | None:
    """The direction of "<verb> from X to": the verb before the "from" a few words back."""
    for k in range(to - 1, max(to - 7, 0), -1):
        if doc[k].lower_ == "from":
            return change_of(doc, k) if k > 0 else None
        if doc[k].is_punct and doc[k].text not in (",", ".", "$", "%"):
            return None
    return None


def moves_from(doc: Doc, start: int) -> bool:
    """ "rose from 10 to 20": an old level and a new one, not a range."""
    return start > 0 and doc[start - 1].lower_ == "from" and change_of(doc, start - 1) is not None
