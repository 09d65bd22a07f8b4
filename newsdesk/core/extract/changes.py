"""Whether a figure is an amount of change, and which way, or a level.

"rose 3%" is up, "fell by 200" down, "a 12% increase" up, "up 3%" up, "+0.2%"
up and "closed 0.7% lower" down: amounts of change. The level a change
reaches is no change: in "fell 7% to $2.3 billion" the $2.3 billion is where
revenue stands, and in "fell below $60,000" the level it crossed. A level
reached from an earlier one keeps that earlier figure: "rose from 240 to 273"
is the level 273 with ``earlier`` 240 (and 240 its own figure, a level too);
so are "6.8%, up from 6.6%" and "fell to 61,300 in May from 62,500". A figure
restating a change ("lost 190 points, or 0.6%") is that change too. See
:mod:`.motion` for the words read.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.motion import motion_after, motion_of
from newsdesk.core.extract.phrase import FigureReading, Phrase
from newsdesk.core.extract.rules import Rule, fires, spares

BY_VERB = Rule(
    "change.verb",
    "change",
    'A verb of change before the number makes it an amount of change ("rose 3%", "fell by '
    '200", "raised rates by 25 basis points", "added 1.6%").',
    says="change: {words}",
    examples=(
        fires("Prices rose 3% in May.", "3%", change="up"),
        fires("The toll fell by 200 overnight.", "200", change="down"),
        fires("The drug lowered the risk of stroke by 20%.", "20%", change="down"),
        fires("The drug cut blood pressure by an average of 8 points.", "8 points", change="down"),
        spares("Prices were 3% in May.", "3%", change=None),
        spares("Patients waited an average of 4.5 hours.", "4.5 hours", change=None),
    ),
)
BY_WORD = Rule(
    "change.word",
    "change",
    '"up" or "down" right before the number ("up 3%", "ended down 1.2%", "went up 3%"); not '
    'the particle of another verb ("blew up two temples", "shut down 12 schools").',
    says="change: {words}",
    examples=(
        fires("Shares closed at 145 pence, up 3%.", "3%", change="up"),
        fires("Prices have gone up by 5% since May.", "5%", change="up"),
        fires("Brent crude settled down 94 cents a barrel.", "94 cents", change="down"),
        spares("Shares closed at 145 pence.", "145 pence", change=None),
        spares("Fighters blew up two temples at the site.", "two", change=None),
        spares("Police rounded up 40 people on Friday.", "40", change=None),
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
RESULT = Rule(
    "change.result",
    "change",
    'Money after "a loss of" or "a gain of" is the result, no change ("swung to a loss of '
    'A$82.6 million"); "a loss of 3%" is still a change.',
    says="no change: a {words}",
    examples=(
        fires("The miner swung to a loss of A$82.6 million.", "A$82.6 million", change=None),
        spares("The shares suffered a loss of 3% in value.", "3%", change="down"),
    ),
)
SIGNED = Rule(
    "change.signed",
    "change",
    "A percentage or points written with a sign, as market copy lists moves, is a change "
    '("Nasdaq +0.2%, Dax -1.3%").',
    says="change: {words}",
    examples=(
        fires("Markets at a glance: Nasdaq +0.2%, Dax -1.3%.", "+0.2%", change="up", value=0.2),
        fires("Markets at a glance: Nasdaq +0.2%, Dax -1.3%.", "-1.3%", change="down"),
        spares("It was -5 °C at dawn.", "-5 °C", change=None, value=-5),
    ),
)
COMPARATIVE = Rule(
    "change.comparative",
    "change",
    '"higher" or "lower" after the figure ("closed 0.2% higher", "ended 0.7% lower").',
    says="change: {words}",
    examples=(
        fires("The index closed 0.2% higher.", "0.2%", change="up"),
        fires("The index ended 0.7% lower at 22,150.", "0.7%", change="down"),
        spares("Rainfall was 35% below average.", "35%", change=None),
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
GOT_BACK = Rule(
    "change.got-back",
    "change",
    '"recover", "regain": straight after the verb, things or money are what was got back '
    '("rescuers recovered 12 bodies"); only a percentage, points or a price\'s cents are a '
    'move ("shares recovered 2%").',
    says="no change: '{words}' is what was got back",
    examples=(
        fires("Divers recovered 12 bodies from the lake.", "12", change=None),
        fires("The council has recovered about $640,000.", "about $640,000", change=None),
        spares("Shares recovered 2% on Monday.", "2%", change="up"),
        spares("The euro recovered 1.2 cents against the dollar.", "1.2 cents", change="up"),
    ),
)
LEVEL_REACHED = Rule(
    "change.level-reached",
    "change",
    'The level a change reaches is no change: in "fell 7% to $2.3 billion" the 7% is the '
    'change, the $2.3 billion where it stands; so are "rose from 240 to 273" and "fell to 11.9%".',
    says="level: reached after '{words}'",
    examples=(
        fires("Revenue fell 7% to $2.3 billion.", "$2.3 billion", change=None),
        fires("Smoking rates fell to 11.9% last year.", "11.9%", change=None),
        spares("Revenue fell 7% to $2.3 billion.", "7%", change="down"),
    ),
)
LEVEL_CROSSED = Rule(
    "change.level-crossed",
    "change",
    'A level a change crossed is no change: "fell below $60,000", "rose above 5%" (but "fell '
    'more than 3%" is the change).',
    says="level: crossed after '{words}'",
    examples=(
        fires("Bitcoin fell below $60,000 on Friday.", "below $60,000", change=None),
        spares("The index fell more than 3% on Friday.", "more than 3%", change="down"),
    ),
)
UP_FROM = Rule(
    "change.up-from",
    "change",
    '"6.8%, up from 6.6%": the figure before "up from" or "down from" is a level, and the one '
    "after it its earlier level.",
    says="level: {words} from an earlier figure",
    examples=(
        fires("Turnout was 68.2%, up from 63.5%.", "68.2%", change=None, earlier=63.5),
        spares("Turnout was 68.2% this time.", "68.2%", change=None, earlier=None),
    ),
)
EARLIER = Rule(
    "change.earlier",
    "change",
    'A level reached from an earlier level keeps it ("rose from 240 to 273": 273, earlier 240; '
    '"fell to 61,300 in May from 62,500").',
    says="earlier level: {words}",
    examples=(
        fires("Membership rose from 240 to 273.", "273", earlier=240, change=None),
        fires("Approvals fell to 61,300 in May from 62,500 in April.", "61,300", earlier=62_500),
        spares("Membership rose from 240 to 273.", "240", earlier=None, change=None),
    ),
)
RESTATED = Rule(
    "change.restated",
    "change",
    'A figure restating a change after "or" is that change too ("lost 190 points, or 0.6%").',
    says="change: {words}, as the figure before",
    examples=(
        fires("The Dow lost 190 points, or 0.6%, on Friday.", "0.6%", change="down"),
        spares("The Dow closed at 33,120, or so traders said.", "33,120", change=None),
    ),
)
RULES = (
    BY_VERB,
    BY_WORD,
    BY_NOUN,
    RESULT,
    SIGNED,
    COMPARATIVE,
    FOR_A_CAUSE,
    GOT_BACK,
    LEVEL_REACHED,
    LEVEL_CROSSED,
    UP_FROM,
    EARLIER,
    RESTATED,
)
_BEFORE = {"verb": BY_VERB, "word": BY_WORD, "noun": BY_NOUN}
_AFTER = {"noun": BY_NOUN, "comparative": COMPARATIVE}
_SIGNED_UNITS = frozenset({"%", "points", "percentage points", "basis points"})


def read_change(doc: Doc, phrase: Phrase) -> str | None:
    """``up``, ``down`` or ``None`` (a level, or no change) for the figure phrase read so
    far, noting the rule that decided."""
    start = phrase.phrase_start
    direction, how = motion_of(doc, start)
    if how == "cause":
        phrase.note(FOR_A_CAUSE, doc[start : phrase.end].text)
    if how == "level":
        phrase.note(LEVEL_REACHED, _verb_before(doc, start))
        return None
    if how == "noun" and phrase.currency is not None and _noun_before(doc, start) is not None:
        phrase.note(RESULT, _noun_before(doc, start) or "")
        return None
    if direction is not None and phrase.hedge.lower() in lexicon.LEVEL_HEDGES:
        phrase.note(LEVEL_CROSSED, _verb_before(doc, start))
        return None
    if direction is not None and how == "verb" and _got_back(doc, phrase):
        phrase.note(GOT_BACK, doc[phrase.phrase_start : phrase.end].text)
        return None
    if direction is not None:
        phrase.note(_BEFORE[how], direction)
        return direction
    sign = doc[phrase.number_start].text[:1]
    if sign in ("+", "-", "−") and (phrase.percent or phrase.unit in _SIGNED_UNITS):
        direction = "up" if sign == "+" else "down"
        phrase.note(SIGNED, direction)
        return direction
    direction, how = motion_after(doc, phrase.end)
    if how == "up-from" and direction is not None:
        phrase.note(UP_FROM, f"{direction} from")
        return None
    if direction is not None:
        phrase.note(_AFTER[how], direction)
    return direction


def _got_back(doc: Doc, phrase: Phrase) -> bool:
    """Whether the figure straight after "recovered" is what was got back, not a move."""
    start = phrase.phrase_start
    verb = doc[start - 1] if start else None
    return (
        verb is not None
        and verb.lemma_.lower() in lexicon.GOT_BACK_VERBS
        and not phrase.percent
        and phrase.unit not in _SIGNED_UNITS
        and (phrase.unit or "").lower() not in lexicon.SUBUNITS
    )


def _noun_before(doc: Doc, start: int) -> str | None:
    """The result noun of "a loss of" right before token ``start``, if there is one."""
    of = doc[start - 1] if start else None
    if of is None or of.lower_ != "of" or of.head.i >= of.i:
        return None
    noun = of.head.lemma_.lower()
    return noun if noun in lexicon.RESULT_NOUNS else None


def _verb_before(doc: Doc, start: int) -> str:
    """The verb of change a few words before token ``start`` ("fell" of "fell 7% to")."""
    for token in reversed(doc[max(0, start - 8) : start]):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in (
            lexicon.UP_VERBS | lexicon.DOWN_VERBS
        ):
            return token.text
    return doc[start - 1].text if start else ""


# Words between two figures that make the second the earlier level of the first:
# "6.8%, up from 6.6%", "61,300 in May from 62,500".
_EARLIER_AFTER = re.compile(r"^,?\s*(?:(?:up|down)\s+)?(?:[a-z]+\s+){0,3}from\s+$", re.I)
_OR = re.compile(r"^,?\s*or\s+$", re.I)


def link_levels(readings: list[FigureReading], text: str) -> None:
    """Give levels reached their earlier level, and restatements of a change its direction
    (see the module docstring); ``readings`` are in text order."""
    for first, second in pairwise(readings):
        between = text[first.end : second.start]
        if "\n" in between or first.sentence != second.sentence:
            continue
        if _OR.match(between) and first.change and second.change is None:
            second.change = first.change
            second.note(RESTATED, first.change)
        elif not _comparable(first, second) or first.earlier is not None:
            continue
        elif between.strip().lower() == "to" and text[: first.start].rstrip().lower().endswith(
            "from"
        ):
            second.earlier = first.value  # "from 240 to 273"
            second.note(EARLIER, text[first.start : first.end])
        elif _EARLIER_AFTER.match(between) and _level_before(first, text):
            first.earlier = second.value  # "6.8%, up from 6.6%", "to 61,300 in May from 62,500"
            first.note(EARLIER, text[second.start : second.end])


def _comparable(first: FigureReading, second: FigureReading) -> bool:
    return (
        first.value is not None
        and second.value is not None
        # "from 10 to 20 dollars": a bare first figure shares the second's unit
        and (first.kind == second.kind or (first.kind == "number" and first.unit is None))
        and first.qualifier != "range"
        and second.qualifier != "range"
    )


def _level_before(reading: FigureReading, text: str) -> bool:
    """A level: read as one by the change stage, or after "to" or "at"."""
    if any(step.rule in (UP_FROM.id, LEVEL_REACHED.id) for step in reading.trail):
        return True
    return text[: reading.start].rstrip().lower().endswith((" to", " at"))
