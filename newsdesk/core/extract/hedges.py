"""Hedges read after the number or in its context: "25 or more", "300 or so", "more
than 5000 or equal (to it)", and "over two years" that spans a time instead of
exceeding it. The hedge written before the number is read with the phrase's
opening (:mod:`.opening`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.numerals import phrases_by_word
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
        fires("The firm will invest $5bn over three years.", "three years", qualifier="exact"),
        fires("He scored 40 goals over five seasons.", "five", qualifier="exact"),
        spares("He was jailed for over two years.", "over two years", qualifier="more_than"),
        spares("He has played over 300 matches.", "over 300", qualifier="more_than"),
        spares("He is over thirty years old.", "over thirty years", qualifier="more_than"),
    ),
)
OVER_THINGS = Rule(
    "hedge.over-things",
    "hedge",
    '"over" that a verb governs as its preposition, before things counted, places or spans '
    'them ("the fire spread over two floors", "they fought over two cows"); before a '
    'measure ("stretches over 12 miles") or as the number\'s own modifier ("killed over 200 '
    'people") it is more than.',
    says="no hedge: 'over' places the things counted",
    examples=(
        fires("The fire spread over two floors of the block.", "two", qualifier="exact"),
        spares("The storm killed over 200 people.", "over 200", qualifier="more_than"),
        spares("The trail stretches over 12 miles.", "over 12 miles", qualifier="more_than"),
    ),
)
PAST_A_LEVEL = Rule(
    "hedge.past",
    "hedge",
    '"past" is a hedge (more than) only after a verb, for a level crossed ("weakened past '
    '155", "climbed just past 40,000"); "the past 2 games" and "half past 10" are no hedge.',
    says="no hedge: 'past' after '{words}'",
    examples=(
        fires("The team won in the past 2 games.", "2", qualifier="exact"),
        spares("The yen weakened past 155 per dollar.", "past 155", qualifier="more_than"),
        spares("The index climbed past 40,000.", "past 40,000", qualifier="more_than"),
    ),
)
NEAR_A_PLACE = Rule(
    "hedge.near-a-place",
    "hedge",
    '"near" is the hedge about only before a measure (money, a percentage, a unit: "traded '
    'near $64,000", "near 32 degrees"); before things counted it places ("near 3 lakes") '
    'unless the things counted are what the clause is about: "near 100 people died".',
    says="no hedge: 'near' places",
    examples=(
        fires("The town lies near 3 lakes.", "3", qualifier="exact", counted="lakes"),
        fires("Near 3 lakes, the town hosts a festival.", "3", qualifier="exact"),
        spares("Near 100 villagers have died in the fighting.", "Near 100", qualifier="about"),
        spares("Officials said near 2,000 homes were destroyed.", "near 2,000", qualifier="about"),
        spares("Bitcoin traded near $64,000.", "near $64,000", qualifier="about"),
        spares("Temperatures near 32 degrees are expected.", "near 32 degrees", qualifier="about"),
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
UP_TO_A_LEVEL = Rule(
    "hedge.up-to-a-level",
    "hedge",
    '"up to" after a verb of creeping motion, or after "back", is the particle of the verb '
    'and the level reached, no hedge ("inching back up to 4.8%", "revised up to 2.4%").',
    says="no hedge: 'up to' goes with '{words}'",
    examples=(
        fires("Unemployment is inching back up to 4.8%.", "4.8%", qualifier="exact"),
        fires("The bank revised its forecast up to 2.4%.", "2.4%", qualifier="exact"),
        spares("Winds gusting up to 90mph hit the coast.", "up to 90mph", qualifier="at_most"),
    ),
)
RULES = (OVER_A_TIME, OVER_THINGS, PAST_A_LEVEL, NEAR_A_PLACE, INCLUSIVE, AFTER, UP_TO_A_LEVEL)


def settle_qualifier(doc: Doc, phrase: Phrase) -> None:
    """Hedges that read differently in context: "over two years" (during them),
    "more than 5000 or equal", "about 500 or more"."""
    start = phrase.phrase_start
    if (
        phrase.qualifier == "more_than"
        and (phrase.unit in TIME_UNITS or phrase.counted in lexicon.SPANS_OF_TIME)
        and doc[start].lower_ == "over"
        and not (start and doc[start - 1].lower_ in lexicon.MORE_THAN_BEFORE)
        and not (phrase.end < len(doc) and doc[phrase.end].lower_ == "old")  # an age
    ):
        # "rose 40% over two years" spans the time; "jailed for over two years" exceeds it
        phrase.qualifier, phrase.phrase_start = None, start + 1
        phrase.note(OVER_A_TIME)
    elif phrase.qualifier == "more_than" and _over_things(doc, phrase):
        phrase.qualifier, phrase.phrase_start = None, start + 1
        phrase.note(OVER_THINGS)
    hedge = phrase.hedge.lower()
    if hedge in ("past", "just past") and doc[start].lower_ in ("past", "just"):
        before = doc[start - 1] if start else None
        if before is None or before.pos_ not in ("VERB", "AUX"):
            # "the past 2 games", "half past 10": a time, no level crossed
            _no_hedge(phrase, PAST_A_LEVEL, before.text if before is not None else "")
    if (
        hedge == "near"
        and doc[start].lower_ == "near"
        and phrase.currency is None
        and not phrase.percent
        and phrase.unit is None
        and _near_places(doc, start)
    ):
        _no_hedge(phrase, NEAR_A_PLACE)  # "near 3 lakes": a place
    verb = _verb_of_up_to(doc, phrase) if phrase.qualifier == "at_most" else None
    if verb is not None:
        _no_hedge(phrase, UP_TO_A_LEVEL, verb)
    inclusive = inclusive_bound(doc, phrase.end, phrase.qualifier)
    if inclusive is not None:
        phrase.note(INCLUSIVE, doc[phrase.phrase_start : inclusive[0]].text)
        phrase.end, phrase.qualifier = inclusive
    trailing = trailing_qualifier(doc, phrase.end)
    if trailing is not None and phrase.qualifier in (None, "about", "exact"):
        # "about five hundred or more" is at least five hundred.
        phrase.note(AFTER, doc[phrase.end : trailing[0]].text)
        phrase.end, phrase.qualifier = trailing


def _over_things(doc: Doc, phrase: Phrase) -> bool:
    """Whether "over" opening ``phrase`` is a verb's preposition whose object is the
    things counted ("spread over two floors"), not a bound on a measure."""
    over = doc[phrase.phrase_start]
    if (
        over.lower_ != "over"
        or over.dep_ != "prep"
        or over.head.pos_ != "VERB"
        or phrase.unit is not None
        or phrase.currency is not None
        or phrase.percent
        or phrase.counted is None
    ):
        return False
    number = doc[phrase.number_start]
    return number.head.dep_ == "pobj" and number.head.head.i == over.i


def _near_places(doc: Doc, start: int) -> bool:
    """Whether "near" at ``start`` is a preposition of place rather than the hedge about.

    Only a preposition places ("lies near 3 lakes"); "Near 100 villagers have died"
    parses it as a modifier. Things counted that a verb follows are the subject of a
    clause ("said near 2,000 homes were destroyed", however the parser attached "near"),
    and no place is the subject of a clause.
    """
    if doc[start].dep_ != "prep":
        return False
    after = start + 1
    while after < len(doc) and doc[after].pos_ in ("NUM", "ADJ", "NOUN", "PROPN", "PUNCT"):
        if doc[after].pos_ == "PUNCT" and doc[after].text != "-":
            break
        after += 1
    return not (after < len(doc) and doc[after].pos_ in ("AUX", "VERB"))


def _no_hedge(phrase: Phrase, rule: Rule, words: str = "") -> None:
    """The words read as a hedge before the number are no hedge here (``rule`` says why)."""
    phrase.qualifier, phrase.hedge = None, ""
    phrase.phrase_start = phrase.number_start
    phrase.note(rule, words)


def _verb_of_up_to(doc: Doc, phrase: Phrase) -> str | None:
    """The verb whose particle the "up to" before the number is, if it is one."""
    start = phrase.phrase_start
    if [t.lower_ for t in doc[start : start + 2]] != ["up", "to"] or start == 0:
        return None
    before = doc[start - 1]
    if before.lower_ == "back":
        return "back"  # "rose back up to 4.8%"
    if before.pos_ in ("NOUN", "PROPN", "PRON") and start >= 2:
        before = doc[start - 2]  # "revised its forecast up to": the verb before the object
        if before.pos_ in ("DET", "PRON") and start >= 3:
            before = doc[start - 3]
    if before.pos_ in ("VERB", "AUX") and before.lemma_.lower() in lexicon.UP_TO_VERBS:
        return before.text
    return None


def trailing_qualifier(doc: Doc, end: int) -> tuple[int, str] | None:
    if end >= len(doc):
        return None
    for phrase in phrases_by_word(lexicon.TRAILING_QUALIFIERS, 0).get(doc[end].lower_, ()):
        name, n = lexicon.TRAILING_QUALIFIERS[phrase], len(phrase)
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
