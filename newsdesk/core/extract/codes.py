"""Numbers that are codes or tallies, not amounts: telephone numbers and match scores.

Read by the figure stages that would otherwise take them for a range ("555-1234",
"won 3-1") or an amount ("+44 20 7946 0958"); kept below them so they share it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.rules import Rule, fires, spares

SCORE_OR_PHONE = Rule(
    "names.score-or-phone",
    "names",
    'Two numbers joined by a dash that read as a phone number ("555-1234") or, in a sentence '
    'about a match, a score ("won 3-1"), are no figure.',
    says="no figure: '{words}' is a score or a phone number",
    examples=(
        fires("The home side won 3-1 in the final.", "3-1", figure=False),
        spares("Crowds of 300-500 gathered.", "300-500", qualifier="range"),
    ),
)
PHONE_NUMBER = Rule(
    "names.phone",
    "names",
    'A telephone number or similar code ("+44 20 7946 0958", "0800 555 111") is no figure.',
    says="no figure: '{words}' is a phone number",
    examples=(
        fires("Call +44 20 7946 0958 for tickets.", "+44 20 7946 0958", figure=False),
        spares("The hall seats 40 000 people.", "40 000", value=40_000),
    ),
)
RULES = (SCORE_OR_PHONE, PHONE_NUMBER)

# "555-1234" (a local number's exchange never starts with 0 or 1, so "100-1000" is a range).
PHONE = re.compile(r"^\+?[2-9]\d{2}[-. ]\d{4}$|^\+?\d{1,4}(?:[-. /]\d{2,4}){2,}$")

# A telephone number or similar code starting at a number: "+1-222-2222-2222".
# Spaced out, only when it opens with "+" or a trunk "0": "+44 20 7946 0958",
# "0800 555 111" ("40 000" is a number grouped in thousands).
PHONE_AHEAD = re.compile(
    r"\+?\d{1,4}(?:[-./]\d{2,4}){2,}(?![\d])|(?:\+\d{1,4}|0\d{2,4})(?: \d{2,4}){2,}(?![\d])"
    r"|[2-9]\d{2} \d{4}(?![\d])"  # "555 0199": four digits after a space are no thousands
)

_SCORE = re.compile(r"^\d{1,3}\s?[-–]\s?\d{1,3}$")


def score_or_phone(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` read as a phone number or, in a sentence about a
    match, a score ("555-1234", "won 3-1", "a nil-nil draw")."""
    text = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
    if "nil" in text.lower():
        return True
    return bool(PHONE.match(text)) or (
        bool(_SCORE.match(text)) and _talks_of_a_game(doc[start].sent)
    )


def _talks_of_a_game(sent: Span) -> bool:
    """Whether a sentence is about a match, so "2-2" is a score, not a range."""
    return any(token.lower_ in lexicon.GAME_WORDS for token in sent)
