"""Numbers in a parsed doc: which tokens are numbers and where one ends.

"twenty-five", "4.5 million", "3 hundred and 21", "40 000", "2 1/2" are one
number each; "1,000 2,000" is two; "one" is a number only before a noun, a
scale or the rest of a number; "3/4 cup" is a fraction, "9/11" is not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsdesk.core.extract import lexicon
from newsdesk.core.extract.doctext import TextTest
from newsdesk.core.extract.numbers import (
    FRACTIONS,
    NEGATIVE_WORDS,
    PLURAL_SCALES,
    SCALES,
    SCIENTIFIC_TOKEN,
    TENS,
    UNICODE_FRACTIONS,
    UNITS,
    is_number_word,
    parse_number,
)
from newsdesk.core.extract.periods import has_digits

SCALE_WORDS = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "lakh", "lac",
     "crore", "cr", "k", "lkh", "koti", "krore", "mln", "bln", "tln", "tn", "trn"}
)  # fmt: skip

PLURAL_SCALE_WORDS = frozenset(PLURAL_SCALES) | {"dozen", "dozens", "doz", "dozs", "dz", "dzs"}

NUMBER_NOUNS = frozenset(
    {"dozen", "dozens", "hundreds", "thousands", "millions", "billions", "scores", "lakh",
     "lakhs", "crore", "crores", "nought", "naught", "nil"}
)  # fmt: skip

# "no one", "every one": the pronoun, whatever follows.
PRONOUN_DETERMINERS = frozenset({"no", "any", "every", "some", "each", "the", "this", "that"})

ONE_CONTINUES = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "and", "point",
     "-", "half", "third", "quarter", "fifth", "sixth", "tenth"}
)  # fmt: skip

SLASH = re.compile(r"^[-−]?\d{1,3}/\d{1,4}$")

TIME = re.compile(r"^\d{1,2}:\d\d$")

CURRENCY_PREFIX = re.compile(
    r"^(?:(?:[A-Z]{1,3})?[$£€¥₹₦]|(?:USD|EUR|GBP|JPY|INR|AUD|CAD|CHF|CNY|NZD|HKD)(?=\d))",
    re.IGNORECASE,
)

# Scale words written after a number: "1.2 million", "$5bn", "30 lakh".
TRAILING_SCALES = frozenset(
    {"million", "billion", "trillion", "thousand", "bn", "mn", "m", "tn", "lakh", "lakhs",
     "crore", "crores", "mln", "bln"}
)  # fmt: skip

# A unit or currency written onto the number: "40C", "5km", "115USD", "50p".
GLUED_UNIT = re.compile(
    r"^(?P<num>[-−]?\d[\d,]*(?:\.\d+)?)(?P<unit>[a-z°/$元]+(?:\^?[23²³])?\.?)$", re.IGNORECASE
)


def bare(token: Token) -> str:
    """The token's text without a full stop the tokenizer left on it ("40C.", "m.")."""
    return _bare_text(token.text)


def _bare_text(text: str) -> str:
    return text[:-1] if len(text) > 1 and text.endswith(".") and text[-2] != "." else text


@functools.lru_cache(maxsize=1 << 16)
def _numeric_text(raw: str) -> tuple[str, bool]:
    """A token's text without a currency prefix, and whether a digit is left; kept per
    distinct text (asked of every token of every story)."""
    text = CURRENCY_PREFIX.sub("", raw)
    return text, any(ch.isdigit() for ch in text)


# Words whose reading as a number depends on the words around them (below).
_READ_IN_CONTEXT = frozenset({"one", "half", "quarter", "third", "scores", "couple", "pair"})


def _may_be_number(text: str) -> bool:
    """Whether a token with this text may be (part of) a number, wherever it stands."""
    stripped, digits = _numeric_text(_bare_text(text))
    lower = text.lower()
    return (
        digits
        or stripped in UNICODE_FRACTIONS
        or lower in _READ_IN_CONTEXT
        or is_number_word(lower)
    )


_MAY_BE_NUMBER = TextTest(_may_be_number)


def number_candidates(doc: Doc) -> list[int]:
    """The tokens that may be (part of) a number by their text alone, in order:
    :func:`is_numeric` is False for every other token."""
    return _MAY_BE_NUMBER.tokens(doc)


@functools.lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


def tokens_among(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lower-case form is one of ``words``, in order, read from the doc's
    array of lower-case forms."""
    wanted = _hashes(words)
    return [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in wanted]


def is_numeric(token: Token) -> bool:
    """Whether a token can be (part of) a number."""
    text, digits = _numeric_text(bare(token))
    if text in UNICODE_FRACTIONS:
        return True
    if digits:
        if SLASH.match(text):
            return fraction_in_use(token)
        if SCIENTIFIC_TOKEN.match(text):
            return True  # "1.3e6", "1.3x10^6"
        glued = re.match(r"^[-−+]?[\d.,]+([a-zA-Z]*)(?:\^?[23²³])?$", text)
        return (
            glued is not None
            # up to three letters ("5km", "40mAh"), or a longer unit ("5.8Gbps", "40Mbps")
            and (len(glued[1]) <= 3 or glued[1].lower() in lexicon.UNIT_WORDS)
            and not TIME.match(text)
        )
    lower = token.lower_
    if lower not in _READ_IN_CONTEXT and not is_number_word(lower):
        return False  # the common case, decided without the words around it
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if lower == "one":
        # "one" is a number before a noun, a scale or the rest of a number
        # ("one million", "one and a half", "one in five"), and a pronoun elsewhere.
        previous = token.doc[token.i - 1].lower_ if token.i else ""
        if previous in ("at", "some", "any", "that") and following == "point":
            return False  # "at one point"
        if following == "-" and not _number_or_unit_after_hyphen(token.doc, token.i + 2):
            return False  # "a one-time mistake", "a one-off payment"
        return (
            token.dep_ == "nummod"
            or following in ONE_CONTINUES
            or (
                (following in UNITS or following in TENS)
                and following not in ("a", "an")
                and not _compound_ahead(token.doc, token.i + 1)  # "one twenty-year-old"
            )
            or (
                following == ","
                and previous not in PRONOUN_DETERMINERS
                and _counting_on(token.doc, token.i + 2)
            )
            or previous in NEGATIVE_WORDS
            or ratio_after(token.doc, token.i + 1) is not None
            or over_fraction(token.doc, token.i + 1)
        )
    if lower in ("half", "quarter", "third"):
        return following in SCALE_WORDS  # "half a million" is read from "a"
    if lower == "scores":
        return following == "of"  # "scores of people", not "she scores"
    if lower in ("couple", "pair"):
        # "a couple of weeks", "a pair of shoes" — not "a couple from Ohio"
        previous = token.doc[token.i - 1].lower_ if token.i else ""
        return previous == "a" and following in ("of", "", ".", ",", ";")
    if lower in ("a", "an", "second", "a.m.", "p.m."):
        return False
    return is_number_word(lower) and (
        token.like_num or token.pos_ == "NUM" or lower in NUMBER_NOUNS
    )


def fraction_in_use(token: Token) -> bool:
    """ "3/4 cup", "2 1/2 miles", "1/2 of": a fraction, not a date like "9/11"."""
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    previous = doc[token.i - 1] if token.i else None
    top, bottom = (int(part) for part in token.text.lstrip("-−").split("/"))
    alone = all(t.is_punct or t.i == token.i for t in token.sent)
    return (
        following in lexicon.UNIT_WORDS
        or following in ("of", "inch", "inches", "cup", "cups", "mile", "miles")
        or (previous is not None and previous.text.isdigit() and bool(previous.whitespace_))
        or match_before(doc, token.i, lexicon.QUALIFIER_PHRASES) is not None
        or (alone and 0 < top < bottom)  # "3/4" on its own line
        or (0 < top < bottom and bottom > 31)  # "20/100" can be no month or day
    )


def phrases_by_word(
    phrases: Collection[tuple[str, ...]], at: int
) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` filed by their word at index ``at`` (-1: the last, 0: the first), each
    list in the order given; built once per list (rebuilt if the list changes)."""
    key = (id(phrases), at)
    kept = _BY_WORD.get(key)
    if kept is None or kept[0] is not phrases or kept[1] != len(phrases):
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:
                index.setdefault(phrase[at], []).append(phrase)
        kept = _BY_WORD[key] = (phrases, len(phrases), index)
    return kept[2]


_BY_WORD: dict[
    tuple[int, int],
    tuple[Collection[tuple[str, ...]], int, dict[str, list[tuple[str, ...]]]],
] = {}


def match_before(doc: Doc, start: int, phrases: list[tuple[str, ...]]) -> tuple[int, str] | None:
    """The longest of ``phrases`` ending right before token ``start``, and where it begins."""
    if start < 1:
        return None
    for phrase in phrases_by_word(phrases, -1).get(doc[start - 1].lower_, ()):
        n = len(phrase)
        if start - n < 0:
            continue
        if n == 1 or tuple(t.lower_ for t in doc[start - n : start]) == phrase:
            return start - n, " ".join(phrase)
    return None


def continues_number(doc: Doc, start: int, j: int) -> int:
    """How many tokens from ``j`` on belong to the number that began at ``start``
    (0 when it has ended)."""
    token, previous = doc[j], doc[j - 1]
    following = doc[j + 1] if j + 1 < len(doc) else None
    glued = not previous.whitespace_ and not token.whitespace_
    if token.text == "-" and following is not None and (glued or compound_hyphen(doc, j)):
        return 2 if compound_hyphen(doc, j) else 0
    if token.lower_ in UNITS and (previous.lower_ in TENS or previous.lower_ == "and"):
        return 1  # "thirty one", "a hundred and one"
    if over_fraction(doc, j):
        return 1  # "1 over 3"
    if (
        token.lower_ in ("x", "×")
        and has_digits(previous)
        and following is not None
        and re.fullmatch(r"10\^[-−+]?\d+", following.text)
    ):
        return 2  # "2.5 x 10^5"
    if is_numeric(token):
        if (
            has_digits(token)
            and not has_digits(previous)
            and following is not None
            and following.text == "-"
            and not token.whitespace_
            and j + 2 < len(doc)
            and doc[j + 2].is_alpha
            and not is_number_word(doc[j + 2].lower_)
        ):
            return 0  # "2.9 million 9-litre cases": the "9-litre" is a figure of its own
        if has_digits(token) and has_digits(previous):
            # "1,000 2,000" are two numbers; "2 1/2" and "40 000" are one.
            if SLASH.match(token.text) and previous.text.isdigit():
                return 1
            return 1 if space_grouped(previous, token) else 0
        return 1
    lower = token.lower_
    if lower in FRACTIONS and is_number_word(previous.lower_) and not has_digits(previous):
        return 1  # "two thirds", "three quarters"
    if bare(token).lower() in SCALE_WORDS | PLURAL_SCALE_WORDS and (
        is_numeric(previous) or previous.lower_ in SCALE_WORDS
    ):
        return 1  # "five lakh", "three billions", "thousand millions"
    if (
        lower == "point"
        and following is not None
        and (is_number_word(following.lower_) or following.text.isdigit())
        and not (j >= 2 and doc[j - 2].lower_ in ("at", "some", "any", "that"))
    ):
        return 1  # "two point five", "1 point 1" — not "at one point five people died"
    if lower in UNITS and any(t.lower_ == "point" for t in doc[start:j]):
        return 1  # the decimals of "nine point nought four"
    if (
        lower == "of"
        and previous.lower_ in ("tens", "hundreds")
        and following is not None
        and following.lower_ in ("thousands", "millions", "billions")
    ):
        return 1  # "hundreds of thousands" is one vague number
    if (
        lower == "of"
        and previous.lower_ in FRACTIONS
        and following is not None
        and following.lower_ in ("a", "an")
        and j + 2 < len(doc)
        and doc[j + 2].lower_ in SCALE_WORDS
    ):
        return 3  # "two thirds of a million"
    if lower == "and" and following is not None:
        return _continues_after_and(doc, j)
    return 0


def _continues_after_and(doc: Doc, j: int) -> int:
    """How many tokens from the "and" at ``j`` (with a token after it) go on with
    the number before it (0 when the number ended before the "and")."""
    previous, following = doc[j - 1], doc[j + 1]
    after = doc[j + 2] if j + 2 < len(doc) else None
    if following.lower_ in ("a", "an", "one") and after is not None and after.lower_ in FRACTIONS:
        return 3  # "and a half", "and one half"
    if (
        previous.lower_ == "hundred"
        and (is_number_word(following.lower_) or following.text.isdigit())
        and not (after is not None and after.lower_ == "hundred")
    ):
        return 1  # "one hundred and five", "3 hundred and 21", not "3 hundred and 2 hundred"
    if is_number_word(previous.lower_) and _fraction_follows(doc, j + 1):
        return 1  # "twenty and three fifths", "two and fifty-four hundredths"
    if (
        previous.lower_ in SCALE_WORDS
        and not has_digits(following)
        and is_number_word(following.lower_)
        and following.lower_ not in ("a", "an")
    ):
        return 1  # "three million and two thirds"
    return 0


def _fraction_follows(doc: Doc, i: int) -> bool:
    """Whether spelled number words from ``i`` end in a fraction ("three fifths")."""
    k = i
    while k < len(doc) and (doc[k].lower_ in UNITS or doc[k].lower_ in TENS or doc[k].text == "-"):
        k += 1
    return i < k < len(doc) and doc[k].lower_ in FRACTIONS and doc[i].lower_ not in ("a", "an")


def is_share(token: Token) -> bool:
    """ "a fifth", "one and a fourth", "three and one fourth" on their own: a share,
    not the ordinal of "a fifth day" or "the fourth"."""
    doc, i = token.doc, token.i
    if token.lower_ not in FRACTIONS:
        return False
    if all(t.is_punct or t.i == i for t in token.sent):
        return True  # "Half." on a line of its own
    if i == 0:
        return False
    if doc[i - 1].lower_ not in ("a", "an", "one"):
        return False  # "three fourths" is read whole from its "three"
    following = doc[i + 1] if i + 1 < len(doc) else None
    if _one_more(token):
        return False  # "Three builders were jailed. A fourth, Colin Dray, was cleared."
    mixed = i >= 2 and doc[i - 2].lower_ == "and"  # "one and a fourth inches"
    return (
        following is None
        or following.is_punct
        or following.lower_ in ("of", "and", "or")
        or (mixed and following.lower_ in lexicon.UNIT_WORDS)
    )


def _one_more(token: Token) -> bool:
    """ "A fourth, Colin Dray, …", "A third, a 19-year-old, …": opening its sentence and
    named by what follows its comma, the fraction word is one more of those counted."""
    doc, i = token.doc, token.i
    if i < 1 or doc[i - 1].i != doc[i - 1].sent.start or i + 2 >= len(doc):
        return False
    after = doc[i + 2]
    return doc[i + 1].text == "," and (after.pos_ == "PROPN" or after.lower_ in ("a", "an", "the"))


def _number_or_unit_after_hyphen(doc: Doc, i: int) -> bool:
    """ "one-half", "one-year", "a one-yen bid": the word after "one-" keeps it a number."""
    if i >= len(doc):
        return False
    lower = doc[i].lower_
    return is_number_word(lower) or lower in lexicon.UNIT_WORDS or lower in lexicon.CURRENCY_WORDS


def _compound_ahead(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_


def _counting_on(doc: Doc, i: int) -> bool:
    """ "one, two, three": another spelled-out number follows the comma, and the
    list goes on or ends there (not "one, two days later")."""
    if i >= len(doc) or doc[i].lower_ not in UNITS | TENS or doc[i].lower_ in ("a", "an"):
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.is_punct or after.lower_ in ("and", "or")


def number_end(doc: Doc, start: int, at: int, blocked: Collection[int] = ()) -> int:
    """Where the number that began at token ``start`` ends, reading on from ``at``
    (never into ``blocked`` tokens)."""
    while at < len(doc) and at not in blocked and (step := continues_number(doc, start, at)):
        at += step
    return at


def over_fraction(doc: Doc, i: int) -> bool:
    """ "1 over 3", "one over twenty" said as a fraction: "over" between two bare
    numbers with nothing counted after them ("$2000 over 3 years" is a hedge, "won
    3 over 2" a score)."""
    if i == 0 or i + 1 >= len(doc) or doc[i].lower_ != "over":
        return False
    before = doc[i - 1]
    if not (has_digits(before) or before.lower_ in UNITS or before.lower_ in TENS):
        return False
    if i >= 2 and doc[i - 2].pos_ == "VERB":
        return False  # "won 3 over 2", "was 5 over par"
    k = i + 1
    while k < len(doc) and (
        has_digits(doc[k]) or is_number_word(doc[k].lower_) or doc[k].lower_ in ("-", "and")
    ):
        k += 1
    return k > i + 1 and (k == len(doc) or doc[k].is_punct)


def ratio_after(doc: Doc, i: int) -> tuple[float, int] | None:
    """ "in five" / "out of ten" after a number: its denominator and where it ends."""
    if i + 1 >= len(doc):
        return None
    if doc[i].lower_ == "in":
        j = i + 1
    elif doc[i].lower_ == "out" and doc[i + 1].lower_ == "of":
        j = i + 2
    else:
        return None
    if j >= len(doc) or not (has_digits(doc[j]) or doc[j].lower_ in UNITS | TENS):
        return None
    k = number_end(doc, j, j + 1)
    if k < len(doc) and (doc[k].lower_ in lexicon.UNIT_WORDS or doc[k].ent_type_ == "DATE"):
        return None  # "5 in 10 days" is a count and a period, not a ratio
    if doc[j].ent_type_ == "DATE":
        return None
    denominator = value_of(doc[j:k])
    if not denominator or denominator < 2:
        return None
    return denominator, k


def compound_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside one spelled number ("twenty-one", "one-half", and spaced out,
    "fifty - two"), not a range."""
    if i == 0 or i + 1 >= len(doc) or doc[i].text != "-":
        return False
    previous, following = doc[i - 1].lower_, doc[i + 1].lower_
    return (
        (previous in TENS and following in UNITS and following not in ("a", "an"))
        or (is_number_word(previous) and following in FRACTIONS)
        or (previous in UNITS | TENS and following in ("hundred", "thousand", "million"))
    )  # "twenty-one", "one-half", "a twenty-thousand-pound debt"


def space_grouped(previous: Token, token: Token) -> bool:
    """ "40 000", "1 234 567": thousands grouped with a space (European copy)."""
    return (
        previous.whitespace_ == " "
        and bool(re.fullmatch(r"[0-9]{1,3}", previous.text))
        and bool(re.fullmatch(r"[0-9]{3}(?:\.[0-9]+)?", token.text))
    )


def value_of(tokens: Span) -> float | None:
    return value_of_text(
        " ".join(t.text for t in tokens if t.lower_ not in lexicon.CURRENCY_SYMBOLS)
    )


def value_of_text(text: str) -> float | None:
    cleaned = CURRENCY_PREFIX.sub("", text.replace("%", "").strip())
    if not cleaned:
        return None
    return parse_number(cleaned)


def next_is(doc: Doc, i: int, *words: str) -> bool:
    """Whether token ``i`` exists and is one of ``words`` (lower case)."""
    return i < len(doc) and doc[i].lower_ in words


def one_unit(doc: Doc, i: int) -> bool:
    """ "a dollar", "a kilogram": one of a currency or measure — not the "a gallon"
    of "$3 a gallon" or "per a gallon", which is a rate."""
    if (
        doc[i].lower_ not in ("a", "an")
        or i + 1 >= len(doc)
        or doc[i + 1].lower_ not in lexicon.ONE_OF_UNITS
    ):
        return False
    if i + 2 < len(doc) and doc[i + 2].text == "-" and not doc[i + 1].whitespace_:
        return False  # "a dollar-store chain"
    if i and doc[i - 1].lower_ == "by" and (i + 2 >= len(doc) or doc[i + 2].is_punct):
        return False  # "won by a mile": a way of speaking
    if _priced(doc[i + 1]):
        return False  # "A tonne of cocoa costs $8,000": the basis of a price
    previous = doc[i - 1] if i else None
    return previous is None or not (
        previous.lower_ == "per"
        or previous.like_num
        or previous.text == "%"
        or previous.lower_ in lexicon.UNIT_WORDS
        or previous.lower_ in lexicon.CURRENCY_WORDS
        or previous.lower_ in lexicon.CURRENCY_SYMBOLS
        or bool(GLUED_UNIT.match(previous.text))
    )


def _priced(unit: Token) -> bool:
    """Whether the unit of "a tonne of cocoa costs $8,000" is the subject of a clause that
    prices it: one of the unit is the basis of the price, not a figure of the story."""
    if unit.dep_ not in ("nsubj", "nsubjpass"):
        return False
    own = {t.i for t in unit.subtree}
    return any(
        t.i not in own
        and (t.text in lexicon.CURRENCY_SYMBOLS or t.lower_ in lexicon.CURRENCY_WORDS)
        for t in unit.head.subtree
    )


_SCALED = re.compile(r"^\d[\d,.]*(?P<suffix>bn|mn|m|k|tn)$", re.IGNORECASE)


def _scale_of(token: Token) -> float:
    """The scale a token writes: "million" or the "bn" of "3bn" (1 when none)."""
    text = bare(token).lower()
    glued = _SCALED.match(text)
    word = glued["suffix"].lower() if glued else text
    return SCALES[word] if word in SCALES and (glued or word in TRAILING_SCALES) else 1.0


def shared_scale(low: Span, rest: Span) -> float:
    """ "$5-7 million", "£2-3bn": a scale written once, after the top of a range,
    that the bare bottom shares (1 when the bottom has its own or there is none)."""
    if any(_scale_of(t) != 1.0 for t in low):
        return 1.0
    return next((scale for t in reversed(rest) if (scale := _scale_of(t)) != 1.0), 1.0)
