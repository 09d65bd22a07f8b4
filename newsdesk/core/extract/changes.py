"""Whether a figure is an amount of change, and which way: "rose 3%" is up, "fell by
200" down, "a 12% increase" up, "up 3%" up (see :mod:`.motion` for the words read).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract.motion import motion_after, motion_of
from newsdesk.core.extract.phrase import Phrase
from newsdesk.core.extract.rules import Rule, fires, spares

BY_VERB = Rule(
    "change.verb",
    "change",
    'A verb of change before the number makes it an amount of change ("rose 3%", "fell by '
    '200", "raised rates by 25 basis points").',
    says="change: {words}",
    examples=(
        fires("Prices rose 3% in May.", "3%", change="up"),
        fires("The toll fell by 200 overnight.", "200", change="down"),
        spares("Prices were 3% in May.", "3%", change=None),
    ),
)
BY_WORD = Rule(
    "change.word",
    "change",
    '"up" or "down" right before the number ("up 3%", "down 0.4%").',
    says="change: {words}",
    examples=(
        fires("Shares closed at 145 pence, up 3%.", "3%", change="up"),
        spares("Shares closed at 145 pence.", "145 pence", change=None),
    ),
)
BY_NOUN = Rule(
    "change.noun",
    "change",
    'A noun of change names the figure\'s size: "a 12% increase", "a reduction of 34%" '
    '(but "12 cuts" counts cuts).',
    says="change: {words}",
    examples=(
        fires("The firm reported a 12% increase.", "12%", change="up"),
        fires("It promised a reduction of 34%.", "34%", change="down"),
        spares("The firm announced 12 cuts.", "12", change=None),
    ),
)
FOR_A_CAUSE = Rule(
    "change.for-a-cause",
    "change",
    'A verb that moves something else ("raise", "cut", "lower") has its amount of change only '
    'after "by": "raised $10 million" was raised for a cause.',
    says="no change: '{words}' is what was raised",
    examples=(
        fires("The charity raised $10 million for schools.", "$10 million", change=None),
        spares("The bank raised rates by 25 basis points.", "25 basis points", change="up"),
    ),
)
LEVEL_REACHED = Rule(
    "change.level-reached",
    "change",
    'The level a change reaches ("fell to 2.9 billion", "rose from 10 to 20") takes the '
    "change's direction.",
    says="change: {words}",
    examples=(
        fires("Net debt fell to 2.9 billion.", "2.9 billion", change="down"),
        spares("Net debt stood at 2.9 billion.", "2.9 billion", change=None),
    ),
)
UP_FROM = Rule(
    "change.up-from",
    "change",
    '"68.2%, up from 63.5%": the figure before "up from" or "down from" moved that way.',
    says="change: {words}",
    examples=(
        fires("Turnout was 68.2%, up from 63.5%.", "68.2%", change="up"),
        spares("Turnout was 68.2% this time.", "68.2%", change=None),
    ),
)
RULES = (BY_VERB, BY_WORD, BY_NOUN, FOR_A_CAUSE, LEVEL_REACHED, UP_FROM)
_BEFORE = {"verb": BY_VERB, "word": BY_WORD, "noun": BY_NOUN, "level": LEVEL_REACHED}
_AFTER = {"noun": BY_NOUN, "up-from": UP_FROM}


def read_change(doc: Doc, phrase: Phrase) -> str | None:
    """``up``, ``down`` or ``None`` for the figure phrase read so far, noting the rule."""
    direction, how = motion_of(doc, phrase.phrase_start)
    if how == "cause":
        phrase.note(FOR_A_CAUSE, doc[phrase.phrase_start : phrase.end].text)
    if direction is not None:
        phrase.note(_BEFORE[how], direction)
        return direction
    direction, how = motion_after(doc, phrase.end)
    if direction is not None:
        phrase.note(_AFTER[how], direction)
    return direction
