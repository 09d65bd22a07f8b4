"""The words around a figure: what it counts, its unit, a trailing hedge.

"at least 25 air strikes" counts "air strikes"; "35 miles" has a unit; "300
or so" is hedged after the number.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.doctext import doc_text
from newsdesk.core.extract.numerals import bare
from newsdesk.core.extract.phrase import Phrase
from newsdesk.core.extract.rules import Rule, fires, spares
from newsdesk.core.extract.units import rate_after, whole_unit

UNIT_WORD = Rule(
    "unit.word",
    "counted",
    'A unit written after the number ("35 miles", "40 square miles", "150 km/h", "12 degrees '
    'Celsius", "-18 °C", "a 10-km walk").',
    says="unit: '{words}'",
    examples=(
        fires("The convoy drove 35 miles overnight.", "35 miles", unit="miles"),
        fires("It was 12 degrees Celsius at noon.", "12 degrees Celsius", unit="degrees Celsius"),
        spares("The convoy carried 35 people overnight.", "35", unit=None),
    ),
)
UNIT_BEFORE = Rule(
    "unit.before",
    "counted",
    'A unit written before the number, from the table ("a magnitude 7.1 quake").',
    says="unit: '{words}'",
    examples=(
        fires("A magnitude 7.1 quake struck the coast.", "magnitude 7.1", unit="magnitude"),
        fires("A magnitude-6.2 quake struck off the coast.", "magnitude-6.2", unit="magnitude"),
        spares("A 7.1 percent rise followed.", "7.1 percent", unit="%"),
        spares("The quake's magnitude was put at 6.2.", "6.2", unit=None),
    ),
)
AGE = Rule(
    "unit.age",
    "counted",
    'An age, in the wire\'s ways of giving one: "a 34-year-old man", "Tobin Kale, 45,", "aged 12".',
    says="age: '{words}'",
    examples=(
        fires("A 34-year-old man was held.", "34-year-old", unit="years old", counted="man"),
        fires("Tobin Kale, 45, was arrested.", "45", unit="years old", counted="Tobin Kale"),
        spares("Police held 45 people.", "45", unit=None),
    ),
)
COUNTED = Rule(
    "counted.noun",
    "counted",
    'The noun the number counts, with the words between them ("25 air strikes", "26 people").',
    says="counted: '{words}'",
    examples=(
        fires("At least 25 air strikes hit the town.", "At least 25", counted="air strikes"),
        fires("The firm sold 1.4 million 9-litre cases.", "1.4 million", counted="cases"),
        spares("The plan costs $1.2bn in aid.", "$1.2bn", counted=None),
    ),
)
COUNTED_OF = Rule(
    "counted.of",
    "counted",
    'What "of" names after the number ("dozens of people", "25 of the fighters").',
    says="counted: '{words}'",
    examples=(
        fires("Dozens of people were hurt.", "Dozens", counted="people"),
        spares("Twelve of them were fighters.", "Twelve", counted=None),
    ),
)
STRONG = Rule(
    "counted.strong",
    "counted",
    '"a 5,000-strong crowd" counts the crowd.',
    says="counted: '{words}'",
    examples=(
        fires("A 5,000-strong crowd gathered.", "5,000", counted="crowd"),
        spares("A 5,000-seat arena opened.", "5,000", counted="seat"),
    ),
)
RATE = Rule(
    "unit.rate",
    "counted",
    'A rate after the number: "4.1 per 1,000 children", "1,800 cases per 100,000 people".',
    says="rate: '{words}'",
    examples=(
        fires(
            "Deaths fell to 4.1 per 1,000 children.",
            "4.1 per 1,000 children",
            unit="per 1,000 children",
        ),
        spares("Deaths fell to 4.1 in May.", "4.1", unit=None),
    ),
)
STATE = Rule(
    "counted.state",
    "counted",
    'A word for the state of those counted right after the number counts them ("more than '
    '5,400 injured", "about 270,000 displaced"), from the table.',
    says="counted: '{words}'",
    examples=(
        fires(
            "More than 5,400 injured were taken to hospital.", "More than 5,400", counted="injured"
        ),
        fires("About 270,000 displaced are in camps.", "About 270,000", counted="displaced"),
        fires("Some 5,400 were injured in the blast.", "Some 5,400", counted="injured"),
        fires("More than 200 have been killed.", "More than 200", counted="killed"),
        spares("About 270,000 fled the city.", "About 270,000", counted=None),
        spares("Some 5,400 were taken to hospital.", "Some 5,400", counted=None),
        spares("Some 5,400 were not injured.", "Some 5,400", counted=None),
    ),
)
TOLL = Rule(
    "counted.toll",
    "counted",
    'A figure a toll rose, fell or stood at counts what the toll counts ("the death toll rose '
    'from 870 to 1,214": deaths), and "the number of X" rising to it counts X.',
    says="counted: '{words}' (the toll)",
    examples=(
        fires("The death toll rose from 870 to 1,214.", "1,214", counted="deaths"),
        fires("The death toll rose from 870 to 1,214.", "870", counted="deaths"),
        fires("The number of patients rose to 312.", "312", counted="patients"),
        spares("The toll road costs 4 dollars.", "4 dollars", counted=None),
    ),
)
RULES = (UNIT_WORD, UNIT_BEFORE, AGE, COUNTED, COUNTED_OF, STRONG, STATE, TOLL, RATE)


def number_head(doc: Doc, start: int, end: int) -> Token:
    """The token of the number phrase that attaches it to the sentence."""
    tokens = [t for t in doc[start:end] if not t.is_punct] or list(doc[start:end])
    for token in reversed(tokens):
        if not (start <= token.head.i < end) or token.head == token:
            return token
    return tokens[-1]


def unit_after(doc: Doc, end: int, head: Token) -> Token | None:
    """A measurement unit right after the number ("35 miles", "40C")."""
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 1  # "a two-year term", "a 10-km walk"
    if end < len(doc):
        token = doc[end]
        if token.lower_ in lexicon.UNIT_OPENERS:  # "sq m", "light years": with the unit after
            following = bare(doc[end + 1]).lower() if end + 1 < len(doc) else ""  # "sq m."
            return token if following in lexicon.UNIT_WORDS else None
        if token.lower_ in lexicon.UNIT_WORDS and (
            token.ent_type_ == "QUANTITY"
            or token.lower_ not in ("m", "l", "g", "c", "f", "sq")
            or (token.text == "g" and doc[end - 1].like_num)  # "2.0 g" of a drug
        ):
            return token
    return None


def counted_noun(doc: Doc, head: Token, end: int, is_money: bool) -> tuple[str, Rule] | None:
    """The noun phrase the number counts, from the dependency parse, and the rule that
    found it."""
    noun: Token | None = None
    rule = COUNTED
    if head.dep_ in ("nummod", "quantmod", "amod", "compound") and head.head.i >= end:
        candidate = head.head
        if candidate.pos_ in ("NOUN", "PROPN") and candidate.lower_ not in lexicon.DATE_WORDS:
            noun = candidate
    if noun is None:
        # "25 of the fighters", "dozens of people", "half of the homes"
        for child in head.children:
            if child.lower_ == "of" and child.i >= end - 1:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                    noun, rule = objects[0], COUNTED_OF
                    end = child.i + 1
                break
    if noun is None or (is_money and noun.pos_ != "NOUN"):
        return None
    if "\n" in doc_text(doc)[head.idx : noun.idx]:
        return None  # a headline's number does not count the dateline under it
    if is_money:
        return None  # "$1.2bn in aid": money has a purpose, not a counted noun
    if noun.lower_ in lexicon.UNIT_WORDS or noun.lower_ in lexicon.CURRENCY_WORDS:
        return None
    # Take the noun with the modifiers between the number and it.
    first = noun.i
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        if child.i < end or child.i != first - 1 or _measured(child):
            break
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and not child.like_num:
            first = child.i
            continue
        break
    # Keep multi-token modifiers that chain through their own compounds.
    while (
        first > end
        and doc[first - 1].dep_ == "compound"
        and doc[first - 1].head.i >= first
        and not _measured(doc[first - 1])
    ):
        first -= 1
    words = doc[max(first, end) : noun.i + 1]
    text = words.text.strip()
    return (text, rule) if text else None


def _measured(token: Token) -> bool:
    """A modifier with a number of its own ("9-litre" in "1.4 million 9-litre cases"):
    a figure apart, not part of what the number before it counts."""
    i = token.i
    glued = i >= 2 and token.doc[i - 1].text == "-" and token.doc[i - 2].like_num
    return glued or any(child.like_num for child in token.lefts)


def _passive_state(head: Token, end: int) -> Token | None:
    """The state word a number is the passive subject of ("5,400 were injured", "200 have
    been killed"), with only auxiliaries and adverbs between them; not when negated."""
    verb = head.head
    if head.dep_ != "nsubjpass" or verb.i < end or verb.lower_ not in lexicon.COUNTED_STATES:
        return None
    between = head.doc[end : verb.i]
    if not all(t.dep_ in ("aux", "auxpass", "advmod") for t in between):
        return None
    if any(child.dep_ == "neg" for child in verb.children):
        return None  # "5,400 were not injured"
    return verb


def read_unit_and_counted(doc: Doc, phrase: Phrase) -> None:
    """A unit after the number ("35 miles", "a 34-year-old man"), an age, or else the
    noun the number counts ("26 people", "a 5,000-strong crowd")."""
    age_of: str | None = None
    head = number_head(doc, phrase.number_start, phrase.end)
    if not phrase.percent and phrase.currency is None:
        unit_token = unit_after(doc, phrase.end, head)
        if unit_token is not None:
            phrase.unit, end, age_of = whole_unit(doc, unit_token)
            phrase.note(AGE if age_of is not None else UNIT_WORD, doc[phrase.end : end].text)
            phrase.end = end
    before = phrase.number_start - 1
    if before > 0 and doc[before].text == "-" and not doc[before].whitespace_:
        before -= 1  # "a magnitude-6.2 earthquake"
    if (
        phrase.unit is None
        and phrase.currency is None
        and not phrase.percent
        and phrase.phrase_start == phrase.number_start
        and before >= 0
        and doc[before].lower_ in lexicon.UNITS_BEFORE
    ):
        phrase.unit, phrase.phrase_start = doc[before].lower_, before
        phrase.note(UNIT_BEFORE, doc[before : phrase.end].text)
    if (
        phrase.unit is None
        and phrase.currency is None
        and not phrase.percent
        and phrase.value is not None
    ):
        age = _age_of(doc, phrase.phrase_start, phrase.end, phrase.value)
        if age is not None:
            phrase.unit, age_of = "years old", age or None  # "Tobin Kale, 45,", "aged 12"
            phrase.note(AGE, doc[phrase.number_start : phrase.end].text)
    counted: str | None = None
    end = phrase.end
    if phrase.unit is None or phrase.unit in ("%", "percentage points", "points"):
        found = counted_noun(doc, head, end, phrase.currency is not None or phrase.percent)
        if found is not None:
            counted = found[0]
            phrase.note(found[1], counted)
    if (
        counted is None
        and [t.lower_ for t in doc[end : end + 2]] == ["-", "strong"]
        and end + 2 < len(doc)
        and doc[end + 2].pos_ == "NOUN"
    ):
        counted = doc[end + 2].text  # "a 5,000-strong crowd"
        phrase.note(STRONG, counted)
    if counted is None and phrase.unit is None and phrase.currency is None:
        state = doc[end] if end < len(doc) else None
        if state is None or state.lower_ not in lexicon.COUNTED_STATES:
            state = _passive_state(head, end)  # "5,400 were injured"
        if state is not None:
            counted = state.text  # "more than 5,400 injured"
            phrase.note(STATE, counted)
        elif not phrase.percent:
            counted = _toll_counts(head)
            if counted is not None:
                phrase.note(TOLL, counted)
    phrase.counted = counted or age_of
    # A rate: "4.1 per 1,000 children", "1,800 cases per 100,000 people a month".
    skip = 1 if counted is not None and end < len(doc) and doc[end].text == counted else 0
    rate = rate_after(doc, end + skip)
    if rate is not None:
        phrase.end = rate[1]
        phrase.note(RATE, rate[0])
        if phrase.currency is None:  # money keeps its currency as its unit: "$5 per 1,000 words"
            phrase.unit = rate[0]


def _toll_counts(head: Token) -> str | None:
    """What the toll or "number of" a figure is the level of counts: "the death toll rose
    from 870 to 1,214" (deaths), "the number of patients rose to 312" (patients)."""
    verb = head.head
    if verb.dep_ == "prep" and verb.lower_ in ("to", "from", "at", "of"):
        verb = verb.head  # "rose to 1,214", "stood at 312"
    if verb.dep_ == "prep" and verb.lower_ in ("to", "from"):
        verb = verb.head  # "from 870 to 1,214" parsed as a chain
    if verb.pos_ not in ("VERB", "AUX") or verb == head:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lemma_.lower() == "toll":
        for child in subject.children:
            if child.dep_ in ("compound", "amod") and child.lemma_.lower() in lexicon.TOLLS:
                return lexicon.TOLLS[child.lemma_.lower()]
        return None
    if subject.lemma_.lower() == "number":
        for child in subject.children:
            if child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ == "NOUN":
                    return objects[0].text
    return None


def _age_of(doc: Doc, start: int, end: int, value: float) -> str | None:
    """Whose age a bare number is, in the wire's ways of giving one: "aged 12" ("")
    and "Tobin Kale, 45," or "the defendant, 29," (the person). ``None`` when no age."""
    if not (float(value).is_integer() and 0 < value < 120) or start == 0:
        return None
    if doc[start - 1].lower_ == "aged":
        return _person_before(doc, start - 1) or ""
    closed = end == len(doc) or doc[end].text in (",", ".", ";", ")")
    return _person_before(doc, start) if closed else None


def _person_before(doc: Doc, i: int) -> str | None:
    """The person named right before the comma at ``i - 1``: "Maria Lopez, …"."""
    if i < 2 or doc[i - 1].text != ",":
        return None
    person = doc[i - 2]
    if person.ent_type_ == "PERSON":
        # The entity holding the token, read from its IOB tags, not a scan of doc.ents.
        first, last = person.i, person.i + 1
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        return doc[first:last].text
    return person.text if person.lower_ in lexicon.PERSON_NOUNS else None
