"""Hedges read after the number or in its context: "25 or more", "300 or so", "more
than 5000 or equal (to it)", and "over two years" that spans a time instead of
exceeding it. The hedge written before the number is read with the phrase's
opening (:mod:`.opening`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.periods import TIME_UNITS
from newsdesk.core.extract.phrase import Phrase
from newsdesk.core.extract.rules import Rule, fires, spares

OVER_A_TIME = Rule(
    "hedge.over-a-time",
    "hedge",
    '"over" a length of time after a change spans it ("rose 40% over two years"); after '
    '"for", "took", "aged" … it exceeds it ("jailed for over two years").',
    says="no hedge: 'over' spans the time",
    examples=(
        fires("Prices rose 40% over two years.", "two years", qualifier="exact"),
        spares("He was jailed for over two years.", "over two years", qualifier="more_than"),
    ),
)
INCLUSIVE = Rule(
    "hedge.inclusive",
    "hedge",
    '"more than 5000 or equal (to it)": the bound includes its value.',
    says="hedge: '{words}'",
    examples=(
        fires(
            "The fund takes bids of more than 5000 or equal.",
            "more than 5000 or equal",
            qualifier="at_least",
        ),
        spares("The fund takes bids of more than 5000.", "more than 5000", qualifier="more_than"),
    ),
)
AFTER = Rule(
    "hedge.after",
    "hedge",
    'A hedge written after the number ("25 or more", "300 or so", "200 plus", "50 or fewer").',
    says="hedge: '{words}'",
    examples=(
        fires("We expect 25 or more boats.", "25 or more", qualifier="at_least"),
        fires("About 300 or so came.", "About 300 or so", qualifier="about"),
        spares("We expect 25 or 26 boats.", "25", qualifier="exact"),
    ),
)
RULES = (OVER_A_TIME, INCLUSIVE, AFTER)


def settle_qualifier(doc: Doc, phrase: Phrase) -> None:
    """Hedges that read differently in context: "over two years" (during them),
    "more than 5000 or equal", "about 500 or more"."""
    start = phrase.phrase_start
    if (
        phrase.qualifier == "more_than"
        and phrase.unit in TIME_UNITS
        and doc[start].lower_ == "over"
        and not (start and doc[start - 1].lower_ in lexicon.MORE_THAN_BEFORE)
    ):
        # "rose 40% over two years" spans the time; "jailed for over two years" exceeds it
        phrase.qualifier, phrase.phrase_start = None, start + 1
        phrase.note(OVER_A_TIME)
    inclusive = inclusive_bound(doc, phrase.end, phrase.qualifier)
    if inclusive is not None:
        phrase.note(INCLUSIVE, doc[phrase.phrase_start : inclusive[0]].text)
        phrase.end, phrase.qualifier = inclusive
    trailing = trailing_qualifier(doc, phrase.end)
    if trailing is not None and phrase.qualifier in (None, "about", "exact"):
        # "about five hundred or more" is at least five hundred.
        phrase.note(AFTER, doc[phrase.end : trailing[0]].text)
        phrase.end, phrase.qualifier = trailing


def trailing_qualifier(doc: Doc, end: int) -> tuple[int, str] | None:
    for phrase, name in lexicon.TRAILING_QUALIFIERS.items():
        n = len(phrase)
        if tuple(t.lower_ for t in doc[end : end + n]) == phrase:
            if end + n < len(doc) and doc[end + n].lower_ == "than":
                if end + n + 1 < len(doc) and doc[end + n + 1].like_num:
                    return None  # "5000 or less than 6000": a second comparison
                return end + n + 1, name  # "200 or greater than" (it)
            return end + n, name
    return None


def inclusive_bound(doc: Doc, end: int, qualifier: str | None) -> tuple[int, str] | None:
    """ "more than 5000 or equal (to it)": the bound includes its value."""
    if qualifier not in ("more_than", "less_than"):
        return None
    words = [t.lower_ for t in doc[end : end + 3]]
    if words[:2] == ["or", "equal"]:
        stop = end + (3 if words[2:3] == ["to"] else 2)
        return stop, "at_least" if qualifier == "more_than" else "at_most"
    return None
