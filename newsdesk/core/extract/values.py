"""The value of a figure phrase: its number, or the floor of a vague one.

"1.2 million" is 1,200,000; "dozens" and "several hundred" are open ranges
from their floor (24, 300); "2,5%" has a decimal comma; "40C" and "$2.174T"
carry their unit or scale on the number. Settling then applies what the words
around the number say: a minus sign on a line of its own, a scale shared by
both ends of a range ("$5-7 million"), a ratio ("one in five" is a fifth) and
cents ("13 dollars and 45 cents").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.codes import SCORE_OR_PHONE, score_or_phone
from newsdesk.core.extract.numbers import NEGATIVE_WORDS, number_rules, vague_lower_bound
from newsdesk.core.extract.numerals import (
    bare,
    is_numeric,
    number_end,
    ratio_after,
    shared_scale,
    value_of,
    value_of_text,
)
from newsdesk.core.extract.phrase import Phrase
from newsdesk.core.extract.rules import Rule, fires, spares
from newsdesk.core.extract.units import (
    GLUED,
    LETTER_SCALES,
    METRES,
    Measure,
    glued_length,
    glued_measure,
)

VAGUE = Rule(
    "value.vague",
    "value",
    '"dozens", "thousands", "tens of millions": an amount the copy gives no number for, '
    "shown as written, with the floor it implies kept for sorting.",
    says="vague: '{words}'",
    examples=(
        fires("Dozens were injured in the blast.", "Dozens", value=None, low=24),
        fires(
            "Tens of millions of people watched.", "Tens of millions", value=None, low=20_000_000
        ),
        spares("Two dozen were injured in the blast.", "Two dozen", value=24),
    ),
)
FEW = Rule(
    "value.few",
    "value",
    '"several hundred", "a few thousand": a vague amount of a scale word.',
    says="vague: '{words}'",
    examples=(
        fires("Several hundred people gathered.", "Several hundred", value=None, low=300),
        spares("Three hundred people gathered.", "Three hundred", value=300),
    ),
)
DECIMAL_COMMA = Rule(
    "value.decimal-comma",
    "value",
    'A percent written with a decimal comma ("2,5%").',
    examples=(
        fires("Inflation was 2,5% in May.", "2,5%", value=2.5),
        spares("Inflation was 2.5% in May.", "2.5%", value=2.5),
    ),
)
SHARED_SCALE = Rule(
    "range.shared-scale",
    "range",
    'A scale written once after the top of a range is shared by its bottom ("$5-7 million").',
    examples=(
        fires("The deal is worth $5-7 million.", "$5-7 million", low=5e6, high=7e6),
        spares("Tickets cost $5-7.", "$5-7", low=5, high=7),
    ),
)
RATIO = Rule(
    "value.ratio",
    "value",
    '"one in five", "three out of ten": a share (not "5 in 10 days", a count and a period).',
    says="share: '{words}'",
    examples=(
        fires("One in five children is obese.", "One in five", value=0.2),
        spares("They held 5 meetings in 10 days.", "5", value=5),
    ),
)
CENTS = Rule(
    "value.cents",
    "value",
    '"13 dollars and 45 cents", "15 dollars 50": the cents are part of the amount.',
    examples=(
        fires("It cost 13 dollars and 45 cents.", "13 dollars and 45 cents", value=13.45),
        spares("It cost 15 dollars and 15 people came.", "15 dollars", value=15),
    ),
)
RULES = (VAGUE, FEW, DECIMAL_COMMA, SHARED_SCALE, RATIO, CENTS)

# Scale words "several", "a few" and "a couple of" go before: "several hundred" is 300 up.
_FEW_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1e9, "dozen": 12}


def read_value(doc: Doc, phrase: Phrase) -> bool:
    """The number's value, or the floor of a vague one; ``False`` when it has neither."""
    value_tokens = [
        t
        for t in doc[phrase.number_start : phrase.low_end]
        if t.lower_ not in lexicon.CURRENCY_SYMBOLS
        and not (phrase.scale_after and bare(t) in LETTER_SCALES)  # the "T" of "$2.174T"
    ]
    value_text = " ".join(
        [*(t.text for t in value_tokens if t.text != "%"), phrase.scale_after]
    ).strip()
    start = phrase.phrase_start
    if (
        value_text.lower() in ("thousands", "millions", "billions")
        and start == phrase.number_start
        and start >= 2
        and doc[start - 2].lower_ in ("tens", "hundreds")
        and doc[start - 1].lower_ == "of"
    ):
        phrase.phrase_start = phrase.number_start = start - 2
        value_text = f"{doc[start - 2].lower_} of {value_text}"
    vague = vague_lower_bound(value_text)
    if vague is not None:
        phrase.note(VAGUE, doc[phrase.number_start : phrase.low_end].text)
    start = phrase.phrase_start
    fewness = _few_before(doc, start) if start == phrase.number_start else None
    if fewness is not None and value_text.lower() in _FEW_SCALES:
        # "several hundred", "a few thousand": an open range, at least n hundred
        count, phrase.phrase_start = fewness
        vague = count * _FEW_SCALES[value_text.lower()]
        phrase.note(FEW, doc[phrase.phrase_start : phrase.low_end].text)
    last = phrase.low_end - 1
    length = glued_length(doc, last, doc[last].text, phrase.currency)
    value = None if vague is not None or length else value_of_text(value_text)
    if value is not None:
        for rule in number_rules(value_text):
            phrase.note(rule)
    if value is None and phrase.percent and re.fullmatch(r"\d+,\d{1,2}", value_text):
        value = float(value_text.replace(",", "."))  # "2,5%": a decimal comma
        phrase.note(DECIMAL_COMMA)
    if value is None and value_text.lower() in ("a", "an"):
        value = 1.0  # "a dollar", "a gallon"
    if value_text.lower() == "a couple" and phrase.qualifier is None:
        phrase.qualifier = "about"  # "a couple of weeks" is two or so
    if value is None and vague is None:
        onto = Measure(phrase.end, phrase.currency, phrase.unit, phrase.percent)
        sign, glued_text = _sign_word(value_text)
        before = doc[phrase.number_start - 1] if phrase.number_start else None
        after_a_name = before is not None and before.is_title and not before.is_sent_start
        value = glued_measure(glued_text, onto, after_a_name=after_a_name)  # "40C", "50p"
        phrase.currency, phrase.unit, phrase.percent = onto.currency, onto.unit, onto.percent
        if value is not None:
            value *= sign
            phrase.note(METRES if length else GLUED, glued_text)
    phrase.value, phrase.vague = value, vague
    return value is not None or vague is not None


def settle_value(doc: Doc, phrase: Phrase, taken: set[int]) -> bool:
    """Signs, shared scales and ratios; ``False`` for a score or a phone number."""
    value, high = phrase.value, phrase.high_value
    end = phrase.end
    if value is not None and not phrase.is_range and _spaced_minus(doc, phrase.phrase_start, end):
        value, phrase.phrase_start = -value, phrase.phrase_start - 1  # "- 10 k" on its own line
    if phrase.descending and value is not None and high is not None:
        value, high = high, value
    if phrase.is_range and value is not None and high is not None:
        scale = shared_scale(doc[phrase.number_start : phrase.low_end], doc[phrase.low_end : end])
        if value * scale <= high and scale != 1.0:
            value *= scale  # "$5-7 million" runs from 5 million
            phrase.note(SHARED_SCALE)
    ratio = ratio_after(doc, end) if value is not None and not phrase.is_range else None
    if ratio is not None and value is not None and value < ratio[0]:
        denominator, phrase.end = ratio
        value = value / denominator  # "one in five" is a fifth
        phrase.note(RATIO, doc[phrase.phrase_start : phrase.end].text)
    phrase.value, phrase.high_value = value, high
    if (
        phrase.is_range
        and value is not None
        and high is not None
        and (high < value or score_or_phone(doc, phrase.number_start, phrase.end))
    ):
        taken.update(range(phrase.number_start, phrase.end))
        phrase.note(SCORE_OR_PHONE, doc[phrase.number_start : phrase.end].text)
        return False  # "won 3-1" is a score, "555-1234" a phone number
    return True


def cents_after(doc: Doc, end: int) -> tuple[float, int] | None:
    """ "… dollars and 45 cents", "… dollars 50": the cents of an amount."""
    i = end
    if i < len(doc) and doc[i].lower_ == "and":
        i += 1
    if i >= len(doc) or not is_numeric(doc[i]):
        return None
    j = number_end(doc, i, i + 1)
    value = value_of(doc[i:j])
    if value is None or not 0 < value < 100 or not float(value).is_integer():
        return None
    if j < len(doc) and doc[j].lower_ in ("cent", "cents", "pence", "p"):
        return value, j + 1
    if j < len(doc) and (doc[j].is_alpha and doc[j].lower_ not in ("and", "or")):
        return None  # "15 dollars and 15 people" counts people
    if doc[end - 1].lower_ in lexicon.CURRENCY_WORDS or doc[end - 1].lower_ in (
        lexicon.CURRENCY_CODES
    ):
        return value, j  # "15 dollars 50", "17 USD 25"
    return None


def _sign_word(text: str) -> tuple[float, str]:
    """ "minus 31C" is -1 and "31C"; text without a sign word is itself."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in NEGATIVE_WORDS:
        rest = [w for w in words[1:] if w != "-"]
        return -1.0, " ".join(rest)
    return 1.0, text


def _few_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """ "several" (3), "a few" (2), "a couple of" (2) right before a scale word."""
    if start >= 1 and doc[start - 1].lower_ == "several":
        return 3, start - 1
    if start >= 2 and doc[start - 2].lower_ == "a" and doc[start - 1].lower_ == "few":
        return 2, start - 2
    if start >= 3 and [t.lower_ for t in doc[start - 3 : start]] == ["a", "couple", "of"]:
        return 2, start - 3
    return None


def _spaced_minus(doc: Doc, start: int, end: int) -> bool:
    """A minus sign set apart from a number that is all its line says ("- 1,200,000");
    in running text a dash there is a bullet or an aside, never a sign."""
    if start == 0 or doc[start - 1].text not in ("-", "−"):
        return False
    sent = doc[start].sent
    return sent.start == start - 1 and all(t.is_punct or t.is_space for t in doc[end : sent.end])
