"""Reading numbers written in digits, words or both.

``parse_number("1.2bn") == 1_200_000_000``, ``parse_number("two and a half
million") == 2_500_000``, ``parse_number("a dozen") == 12``. Vague plurals
("dozens", "hundreds") are open ranges: :func:`vague_lower_bound` gives their
floor. Everything here works on plain strings so it can be tested alone, and
its rules (:data:`RULES`) are tested on the parser directly, without the model.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsdesk.core.extract.rules import Rule, fires, spares

UNITS = {
    "zero": 0, "nil": 0, "none": 0, "nought": 0, "naught": 0, "one": 1, "a": 1, "an": 1,
    "single": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "lakh": 100_000, "lac": 100_000,
    "lkh": 100_000, "koti": 10_000_000, "krore": 10_000_000,
    "million": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "m": 1_000_000,
    "mil": 1_000_000, "mm": 1_000_000, "crore": 10_000_000, "cr": 10_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "bln": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
    "tln": 1_000_000_000_000,
}  # fmt: skip
# Plural scales after a number multiply like the singular: "three billions".
PLURAL_SCALES = {
    "hundreds": 100, "thousands": 1_000, "lakhs": 100_000, "lacs": 100_000, "lkhs": 100_000,
    "krores": 10_000_000,
    "millions": 1_000_000, "crores": 10_000_000, "billions": 1_000_000_000,
    "trillions": 1_000_000_000_000,
}  # fmt: skip
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
    "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7, "eighth": 0.125,
    "eighths": 0.125, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 0.1, "tenths": 0.1,
    "hundredth": 0.01, "hundredths": 0.01, "thousandth": 0.001, "thousandths": 0.001,
    "twentieth": 1 / 20, "twentieths": 1 / 20, "thirtieth": 1 / 30, "thirtieths": 1 / 30,
    "fortieth": 1 / 40, "fortieths": 1 / 40, "fiftieth": 1 / 50, "fiftieths": 1 / 50,
    "millionth": 1e-6, "millionths": 1e-6, "billionth": 1e-9, "billionths": 1e-9,
    "trillionth": 1e-12, "trillionths": 1e-12,
}  # fmt: skip
FRACTION_WORDS = frozenset(FRACTIONS)  # "half", "thirds", … as a set of words
UNICODE_FRACTIONS = {
    "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅛": "1/8",
    "⅙": "1/6", "⅖": "2/5", "⅗": "3/5", "⅘": "4/5", "⅚": "5/6", "⅜": "3/8", "⅝": "5/8",
    "⅞": "7/8",
}  # fmt: skip
DOZEN = {
    "dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12, "score": 20,
    "couple": 2, "pair": 2,
}  # fmt: skip
# Plurals that state an open range: "dozens" is at least two dozen.
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "millions": 2_000_000,
    "tens of millions": 20_000_000, "hundreds of millions": 200_000_000,
    "billions": 2_000_000_000,
}  # fmt: skip
NEGATIVE_WORDS = frozenset({"minus", "negative"})

NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(DOZEN)
_DIGITS = re.compile(
    r"^(?P<sign>[-−+])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>[a-z]+)?$",
    re.IGNORECASE,
)
_SCIENTIFIC = re.compile(r"^[-−+]?\d+(?:\.\d+)?e[-+]?\d+$")
_TIMES_TEN = re.compile(r"(?<=\d)\s*[x×]\s*10\s*(?:\^\s*|(?=[-−+]\d+$))(?=[-−+]?\d+$)")
# European style, a decimal comma after thousands grouped with dots ("1.111,11"). A
# bare "1,2" stays unread: in English copy it is as likely a list as a decimal.
_DECIMAL_COMMA = re.compile(r"^(?P<whole>\d{1,3}(?:\.\d{3})+),(?P<decimals>\d+)$")
_POWER = re.compile(
    r"^(?:(?P<times>\d+(?:\.\d+)?)[x×])?(?P<base>-?\d+(?:\.\d+)?)\^(?P<exponent>[-+]?\d+)$"
)
# One token of scientific or power notation: "1.3x10^6", "2.48×10−5", "9.83e-3", "10^6".
SCIENTIFIC_TOKEN = re.compile(
    r"^[-−+]?\d+(?:\.\d+)?(?:[x×]10(?:\^[-−+]?|[-−+])\d+|e[-−+]?\d+|(?:[x×]\d+)?\^[-−+]?\d+)$"
)
_SLASH_FRACTION = re.compile(r"^(?P<sign>[-−])?(?P<top>\d+)/(?P<bottom>\d+)$")
# A sign is part of the number it opens ("-5", "−12"), so it is read with it.
_TOKEN = re.compile(
    r"[-−+]?\d+(?:\.\d+)?e[-+]?\d+|[-−]?\d+/\d+|[-−+]?\d[\d,]*(?:\.\d+)?[a-z]*|[-−+]?\.\d+|[a-z]+|[-−+]",
    re.IGNORECASE,
)
# A hyphen after a word or digit joins ("twenty-five", "10-20"); one that
# starts a number is its minus sign and stays attached.
_JOINING_HYPHEN = re.compile(r"(?<=[\w.])-")
# "25 000": thousands grouped with spaces (clean_text turns the no-break and
# thin spaces such copy uses into plain ones) are one number, not 25 + 0.
# Plain digits only: "𝟏 𝟏𝟐𝟑" in mathematical digits is styling, not a grouped number.
_SPACE_GROUPED = re.compile(r"(?<![\d.,])[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![\d,/])")


DIGITS = Rule(
    "number.digits",
    "number",
    'Digits with thousands separators and decimals ("1,200", "1,234,567.5", ".5"), or grouped '
    'in lakhs ("12,34,567").',
    examples=(
        fires("1,234,567.5", value=1_234_567.5),
        fires("12,34,567", value=1_234_567),
        spares("twenty", value=20),
    ),
)
SCALE = Rule(
    "number.scale",
    "number",
    'A scale written as a word or a suffix multiplies ("1.2 million", "1.2bn", "10k", '
    '"5 lakh", "3 crore", "three billions").',
    examples=(
        fires("1.2bn", value=1.2e9),
        fires("5 lakh", value=500_000),
        spares("1.2", value=1.2),
    ),
)
WORDS = Rule(
    "number.words",
    "number",
    'Number words, alone or with digits ("twenty-five", "two hundred and five", "a dozen", '
    '"3 hundred and 21"); words that make no one number are none ("five five").',
    examples=(
        fires("two hundred and five", value=205),
        fires("3 hundred and 21", value=321),
        spares("205", value=205),
        fires("five five", value=None),
    ),
)
FRACTION = Rule(
    "number.fraction",
    "number",
    'Fractions in words, digits or signs ("three quarters", "3/4", "2 1/2", "½", "one and a '
    'half"); an ordinal is no fraction ("one hundred fifth").',
    examples=(
        fires("three quarters", value=0.75),
        fires("2 1/2", value=2.5),
        fires("one and a half", value=1.5),
        spares("one hundred", value=100),
    ),
)
SPACE_GROUPED = Rule(
    "number.space-grouped",
    "number",
    'Thousands grouped with spaces are one number ("40 000", "1 234 567").',
    examples=(
        fires("40 000", value=40_000),
        spares("40,000", value=40_000),
    ),
)
DECIMAL_COMMA = Rule(
    "number.decimal-comma",
    "number",
    'A decimal comma after thousands grouped with dots ("1.111,11"); a bare "1,2" stays '
    "unread (in English copy it is as likely a list).",
    examples=(
        fires("1.111,11", value=1111.11),
        spares("1,2", value=None),
    ),
)
SCIENTIFIC = Rule(
    "number.scientific",
    "number",
    'Scientific and power notation ("1.3x10^6", "9.83e-3", "10^6").',
    examples=(
        fires("1.3x10^6", value=1.3e6),
        fires("9.83e-3", value=9.83e-3),
        spares("1.3", value=1.3),
    ),
)
SIGN = Rule(
    "number.sign",
    "number",
    'A sign opens the number ("-5", "−12", "minus five").',
    examples=(
        fires("-5", value=-5),
        fires("minus five", value=-5),
        spares("5", value=5),
    ),
)
POINT = Rule(
    "number.point",
    "number",
    '"point" between number words is a decimal point ("two point five", "nine point nought four").',
    examples=(
        fires("two point five", value=2.5),
        fires("nine point nought four", value=9.04),
        spares("two", value=2),
    ),
)
NOT_FINITE = Rule(
    "number.finite",
    "number",
    'A number past what a float holds is no number ("1e999", a 400-digit number).',
    examples=(
        fires("1e999", value=None),
        spares("1e9", value=1e9),
    ),
)
RULES = (
    DIGITS,
    SCALE,
    WORDS,
    FRACTION,
    SPACE_GROUPED,
    DECIMAL_COMMA,
    SCIENTIFIC,
    SIGN,
    POINT,
    NOT_FINITE,
)


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or ``None`` if it is not one (or not finite:
    "1e999", a 400-digit number, "1,000,000,…" with no end are no figures).

    Accepts digits with separators and scale suffixes ("1,200", "1.2bn",
    "$5m" without its symbol), words ("twenty-five", "two and a half
    million", "a dozen", "half", "a third", "three quarters", "two point
    five", "three billions", "five lakh"), fractions ("3/4", "2 1/2", "½"),
    signs in words ("minus five") and mixtures ("4.5 million"). Filler
    ("and", "a", "of") is allowed only between number words.
    """
    value = _parse_number(text)
    return value if value is None or math.isfinite(value) else None


_WORD = re.compile(r"[a-z]+")
# Scales written as letters after digits, not as words: "1.2bn", "10k", "5m".
_SCALE_SUFFIXES = frozenset(
    {"a", "an", "k", "m", "mn", "mln", "mil", "mm", "b", "bn", "bln", "tn", "trn", "tln", "cr"}
)


def number_rules(text: str) -> tuple[Rule, ...]:
    """The parser's rules that read ``text`` (what the trail of a figure records)."""
    lower = text.lower().strip()
    words = set(_WORD.findall(lower))
    scientific = _TIMES_TEN.sub("e", lower).replace("−", "-")
    found: list[Rule] = []
    if any(ch.isdigit() for ch in lower):
        found.append(DIGITS)
    if words & (NUMBER_WORDS | set(PLURAL_SCALES) | set(FRACTIONS)) - _SCALE_SUFFIXES:
        found.append(WORDS)
    if words & (set(SCALES) | set(PLURAL_SCALES)) or re.search(r"\d(?:bn|mn|m|k|tn)\b", lower):
        found.append(SCALE)
    if (
        words & set(FRACTIONS)
        or re.search(r"\d/\d", lower)
        or any(ch in lower for ch in UNICODE_FRACTIONS)
    ):
        found.append(FRACTION)
    if _SPACE_GROUPED.search(lower):
        found.append(SPACE_GROUPED)
    if _DECIMAL_COMMA.match(lower):
        found.append(DECIMAL_COMMA)
    if _SCIENTIFIC.match(scientific) or _POWER.match(scientific):
        found.append(SCIENTIFIC)
    if lower[:1] in ("-", "−", "+") or words & NEGATIVE_WORDS:
        found.append(SIGN)
    if "point" in words:
        found.append(POINT)
    value = _parse_number(text)
    if value is not None and not math.isfinite(value):
        found.append(NOT_FINITE)
    return tuple(found)


def _parse_number(text: str) -> float | None:
    lower = text.lower().strip()
    scientific = _TIMES_TEN.sub("e", lower).replace("−", "-")  # "1.3x10^6" is 1.3e6
    if _SCIENTIFIC.match(scientific):
        return float(scientific)
    comma = _DECIMAL_COMMA.match(lower)
    if comma:  # "1.111,11": a decimal comma
        return float(comma["whole"].replace(".", "") + "." + comma["decimals"])
    power = _POWER.match(scientific)
    if power:  # "10^6", "2.5^-1"
        try:
            times = float(power["times"] or 1)  # "8x2^10"
            return float(times * float(power["base"]) ** float(power["exponent"]))
        except (OverflowError, ZeroDivisionError):
            return None
    for char, fraction in UNICODE_FRACTIONS.items():
        lower = lower.replace(char, f" {fraction}")
    lower = _SPACE_GROUPED.sub(lambda m: re.sub(r"\D", "", m[0]), lower)
    # Splitting every hyphen used to drop the sign of "-5" and read it as 5.
    words = [w for w in _TOKEN.findall(_JOINING_HYPHEN.sub(" - ", lower)) if w != "-"]
    mixed = _mixed_number(words)
    if mixed is not None:
        return mixed
    if "over" in words:  # "one over three", "2000 over 3"
        at = words.index("over")
        top, bottom = parse_number(" ".join(words[:at])), parse_number(" ".join(words[at + 1 :]))
        return top / bottom if top is not None and bottom else None
    words = [w for w in words if w not in ("and", "of", "&")]
    sign = 1.0
    while words and words[0] in NEGATIVE_WORDS:
        sign, words = -sign, words[1:]
    if not words or (len(words) == 1 and words[0] in ("a", "an")):
        return None
    if "point" in words:
        at = words.index("point")
        tail = words[at + 1 :]
        scale = 1.0
        while tail and tail[-1] in SCALES and tail[-1] != "hundred":
            scale *= SCALES[tail.pop()]  # "two point two million"
        whole = parse_number(" ".join(words[:at])) if at else 0.0
        decimals = _decimal_part(tail)
        if whole is None or decimals is None:
            return None
        number = whole + decimals if whole >= 0 else whole - decimals
        return sign * number * scale
    if len(words) == 1 and _SCIENTIFIC.match(words[0]):
        return sign * float(words[0].replace("−", "-"))
    value = _read_words(words)
    return None if value is None else sign * value


def _mixed_number(words: list[str]) -> float | None:
    """ "three and one fourth", "twenty and three fifths": a whole number and a
    fraction after the last "and" (a scale's share, "a million and a half", is
    read by :func:`_read_words`)."""
    if "and" not in words or words[-1] not in FRACTIONS:
        return None
    at = len(words) - 1 - words[::-1].index("and")
    left, right = words[:at], words[at + 1 :]
    if not left or not right or left[-1] in SCALES or right[0] not in (*UNITS, *TENS):
        return None
    whole, part = parse_number(" ".join(left)), parse_number(" ".join(right))
    if whole is None or part is None or not float(whole).is_integer() or not 0 < part < 1:
        return None
    return whole - part if whole < 0 else whole + part


def _decimal_part(words: list[str]) -> float | None:
    """ "point seven one" and "point seventy-one" are both .71."""
    if not words:
        return None
    if all(w in UNITS and UNITS[w] < 10 and w not in ("a", "an") for w in words):
        return float("0." + "".join(str(UNITS[w]) for w in words))
    if len(words) == 1 and words[0].isdigit():
        return float("0." + words[0])
    value = _read_words(words)
    if value is None or not float(value).is_integer():
        return None
    return float(value) / 10.0 ** len(str(int(value)))


def _read_words(words: list[str]) -> float | None:
    """The value of number words and digits read one by one ("two hundred and
    five", "3 hundred and 21", "half a million"), or ``None`` if they are not one
    number."""
    read = _WordSum()
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in ("a", "an") and following in FRACTIONS:
            # "a half" is a half; "two and a half" adds a half to two.
            share = FRACTIONS[following]
            read.current = read.current + share if read.current else share
            words[index + 1] = "\0"
            read.previous = following
            continue
        if word == "\0" or (word in ("a", "an") and read.current is not None):
            continue  # "half a million": the article is filler
        if not read.add(word):
            return None
        read.previous = word
    return read.value()


@dataclass
class _WordSum:
    """A number while its words are read: the scaled total so far and the group after it.

    Each ``add_…`` method takes one kind of word and returns ``False`` when the
    word cannot go on the number read so far.
    """

    total: float = 0.0  # the groups closed by a scale: "two million" of "two million five"
    current: float | None = None  # the group being read
    last_scale: float = 1.0
    last_added: float = 0.0  # the units or tens last added: the numerator of "and three quarters"
    hundreds: bool = False
    previous: str = ""

    def value(self) -> float:
        current, total = self.current, self.total
        if current is not None and total and 0 < current < 1 and self.last_scale >= 1000:
            # "3 million and a half", "six million and two thirds": a share of the scale.
            return total + current * self.last_scale
        return total + (current or 0)

    def add(self, word: str) -> bool:
        fraction = _SLASH_FRACTION.match(word)
        if fraction:
            return self.add_slash_fraction(fraction)
        digits = _DIGITS.match(word)
        if digits:
            return self.add_digits(digits)
        if word in UNITS or word in TENS:
            return self.add_small(UNITS[word] if word in UNITS else TENS[word])
        if word in DOZEN and (word != "dozens" or self.current is not None):
            return self.add_dozen(DOZEN[word])
        if word in FRACTIONS:
            return self.add_fraction(word)
        if word in SCALES or (word in PLURAL_SCALES and (self.current is not None or self.total)):
            return self.add_scale(SCALES.get(word) or PLURAL_SCALES[word])
        return False

    def add_slash_fraction(self, fraction: re.Match[str]) -> bool:
        bottom = int(fraction["bottom"])
        if bottom == 0:
            return False
        part = int(fraction["top"]) / bottom * (-1 if fraction["sign"] else 1)
        if self.current is not None and not (float(self.current).is_integer() and 0 < part < 1):
            return False
        self.current = (self.current or 0) + part  # "2 1/2"
        return True

    def add_digits(self, digits: re.Match[str]) -> bool:
        value = float(digits.group("num").replace(",", ""))
        suffix = (digits.group("suffix") or "").lower()
        if suffix:
            if suffix not in SCALES:
                return False
            value *= SCALES[suffix]
        if digits.group("sign") in ("-", "−"):
            value = -value
        if self.current is None:
            self.current = value
            return True
        if self.previous in SCALES and _adds_to(self.current, value):
            self.current += value  # "3 hundred and 21"
            return True
        return False  # "1 2", "1,000 2,000": two numbers, not their sum

    def add_small(self, value: float) -> bool:
        """ "five", "twenty": units and tens."""
        if not _adds_to(self.current, value):
            return False  # "five five", "nineteen eighty": not one number
        self.current = (self.current or 0) + value
        small = UNITS | TENS
        self.last_added = value if self.previous not in small else self.last_added + value
        return True

    def add_dozen(self, size: float) -> bool:
        current, last_added = self.current, self.last_added
        if current is not None and last_added and current > last_added:
            # "three hundred and two dozen": two dozen, plus three hundred
            self.current = current - last_added + last_added * size
        else:
            self.current = (current if current is not None else 1) * size
        return True

    def add_fraction(self, word: str) -> bool:
        """ "half" alone is 0.5; "two and a half" adds a half to two; "three
        quarters" is three times a quarter."""
        share, current, last_added = FRACTIONS[word], self.current, self.last_added
        if current is None and self.total and word.endswith("s"):
            self.total *= share  # "a hundred thousand trillionths"
        elif current is not None and word.endswith("s"):
            if last_added and current > last_added:
                # "one hundred and three quarters": three quarters, plus a hundred
                self.current = current - last_added + last_added * share
            else:
                self.current = current * share
        elif current == 1 and self.previous == "one":
            self.current = share  # "one eighth", "two million and one half"
        elif current is not None and word == "half":
            self.current = current + share  # "one and half"
        elif current is not None:
            return False  # "one hundred fifth" is an ordinal
        else:
            self.current = share
        return True

    def add_scale(self, scale: float) -> bool:
        current = self.current
        if current is None and self.total and self.previous in SCALES | PLURAL_SCALES:
            self.total *= scale  # "three thousand millions", "three lakh crore"
        elif scale == 100:
            if self.hundreds:
                return False  # "3 hundred and 2 hundred" is two numbers
            self.hundreds = True  # "fifteen hundred", "322 hundred"
            self.current = (current if current is not None else 1.0) * 100
        else:
            self.total += (current if current is not None else 1.0) * scale
            self.current, self.hundreds = None, False
        self.last_added = 0.0  # "two hundred dozen" is two hundred times twelve
        self.last_scale = max(self.last_scale, scale) if scale != 100 else self.last_scale
        return True


def _adds_to(current: float | None, addend: float) -> bool:
    """Whether ``addend`` continues ``current`` as one number.

    "twenty" + "five" and "one hundred" + "twenty" fill an empty lower place;
    "five five" or "nineteen eighty" would otherwise be summed into a number
    nobody wrote.
    """
    if current is None:
        return True
    if current == 0 or not float(current).is_integer():
        return False
    place = 1
    while int(current) % (place * 10) == 0:
        place *= 10
    return addend < place


def vague_lower_bound(text: str) -> float | None:
    """The floor of a vague plural such as "dozens" or "tens of thousands"."""
    key = " ".join(text.lower().split())
    return float(VAGUE[key]) if key in VAGUE else None


def is_number_word(word: str) -> bool:
    """Whether ``word`` can be part of a spelled-out number."""
    lower = word.lower()
    return lower in NUMBER_WORDS or lower in FRACTIONS or lower in VAGUE or lower in PLURAL_SCALES
