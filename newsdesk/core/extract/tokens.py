"""Tokenizer rules for how wire copy writes figures.

spaCy's English tokenizer splits "10-20" but leaves "1000–5000", "10-$20",
"5k-20k", "3.5–4.0", "20~100" and "Rs20" whole and cuts "1.3x10^6" apart, so the figure reader never
sees their parts. :func:`split_figures` adds the few extra rules; the
pipeline's own behaviour elsewhere is unchanged, except that very long
stretches without spaces are tokenized in pieces (:class:`LinearTokenizer`),
so no input takes quadratic time. :data:`FIGURE_TOKENIZER` names the same
tokenizer to ``spacy.load``, so a pipeline is read with the rules already in
place. :func:`shipped_tokenizer` undoes them for a while (the benchmark's
bare-spaCy column).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import srsly
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

from newsdesk.core.extract.numbers import SCIENTIFIC_TOKEN

if TYPE_CHECKING:
    from spacy.language import Language

_DASHES = "[-–—~]"
_OPENS = r"(?=[-−]?[0-9$£€¥₹~.])"
# A dash between two numbers: after a digit, or after a digit and a short scale
# or unit ("5k-20k", "3km-5km", "10%-15%").
_INFIXES = (
    rf"(?<=[0-9])[–—~]{_OPENS}",
    r"(?<=[0-9])-(?=[$£€¥₹~])",
    r"(?<=[0-9a-zA-Z]-)[$£€¥₹](?=[0-9])",  # the "$" of "5m-$7m" on its own
    rf"(?<=[0-9][kKmMbBgG%°]){_DASHES}{_OPENS}",
    rf"(?<=[0-9][kKmMbB]){_DASHES}(?=[$£€¥₹])",
    rf"(?<=[0-9](?:km|kg|bn|mn|mg|ml|cm|mm|lb|ft|mi)){_DASHES}{_OPENS}",
    rf"(?<=[0-9](?:lbs)){_DASHES}{_OPENS}",
    # A list written without spaces, "22,24,26,31": commas between groups too short
    # to be thousands ("12,34,567" grouped in lakhs stays whole).
    r"(?<=[0-9]),(?=[0-9]{1,2},[0-9]{1,2}(?![0-9]))",
    r"(?<=,[0-9]{2}),(?=[0-9]{1,2}(?![0-9]))",
    r"(?<=,[0-9]),(?=[0-9]{1,2}(?![0-9]))",
    # "sub-300 sq m", "minus-260 degrees": the hedge or sign apart from its number.
    r"(?<=[Ss]ub)-(?=[0-9])",
    r"(?<=[Mm]inus)-(?=[0-9])",
    # "a magnitude-6.2 quake": the unit written before the number apart from it.
    r"(?<=[Mm]agnitude)-(?=[0-9])",
)
# A currency code or symbol written onto the number: "Rs20", "USD50", "~2".
_PREFIXES = (
    r"(?:USD|EUR|GBP|JPY|INR|AUD|CAD|CHF|CNY|NZD|HKD|SGD|MYR|UAH|RMB|Rs\.?|RM|\$US)(?=[0-9])",
    r"R(?=[0-9]{3,}|[0-9]+(?:\.[0-9]+)?(?:bn|m)\b)",  # South African rand: "R500", "R2bn"
    r"~(?=[0-9])",
)
# A number word whose hyphen hangs for a later noun: "four-, five- and six-cylinder". The
# hyphen is matched first and the word looked for behind it, words of one length together
# (a look-behind has one width): the suffix rules are searched at every position of
# every token, and most positions are no hyphen.
_HANGING_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred",
)  # fmt: skip
_HANGING = tuple(
    r"-(?<=\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _HANGING_WORDS if len(w) == size)
    + r")-)"
    for size in sorted({len(w) for w in _HANGING_WORDS})
)
# "100元", "10¢"; a hyphen left hanging after a number ("8- to 16-metre", "four-,").
_SUFFIXES = (
    *_HANGING,
    r"(?<=[0-9])(?:元|¢)",
    r"(?<=[¢元])[.,;:!?]",
    r"(?<=[0-9])-",
    r"(?<=[0-9][kKmM])[$€£]",  # "10k$"
)

_MARK = "newsdesk_figure_rules"


# spaCy strips prefixes and suffixes off a stretch without spaces one at a time,
# searching the rest each time: a run of symbols ("$$$$…", emoji) costs the square
# of its length (16 KB of "$" took 54 s). Runs longer than LONG_RUN characters are
# cut into pieces of at most PIECE characters, each tokenized alone.
LONG_RUN = 200
PIECE = 50
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")


class LinearTokenizer:
    """spaCy's tokenizer in linear time on any input (see :data:`LONG_RUN`).

    Text without such a run goes to the wrapped tokenizer as it is, so
    ordinary copy is tokenized exactly as before. Attributes (the rules
    :func:`split_figures` sets) are the wrapped tokenizer's.
    """

    # Whether the wrapped tokenizer was read with the figure rules (see figure_tokenizer).
    figures = False

    def __init__(self, inner: Any) -> None:
        object.__setattr__(self, "inner", inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.inner, name, value)

    def __call__(self, text: str) -> Doc:
        if _LONG.search(text) is None:
            return cast("Doc", self.inner(text))
        words: list[str] = []
        spaces: list[bool] = []
        at = 0
        for run in _LONG.finditer(text):
            self._add(text[at : run.start()], words, spaces)
            for piece in _pieces(text, run.start(), run.end()):
                self._add(piece, words, spaces)
            at = run.end()
            if text.startswith(" ", at):  # one space after a token is its own, as spaCy has it
                spaces[-1] = True
                at += 1
        self._add(text[at:], words, spaces)
        return Doc(self.inner.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def _add(self, text: str, words: list[str], spaces: list[bool]) -> None:
        if not text:
            return
        for token in self.inner(text):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))


def _pieces(text: str, start: int, end: int) -> Iterator[str]:
    """``text[start:end]`` in pieces of at most :data:`PIECE` characters, cut between
    two characters that are not both letters or digits where the piece allows."""
    while start < end:
        cut = min(start + PIECE, end)
        if cut < end:
            for k in range(cut, start + PIECE // 2, -1):
                if not (text[k - 1].isalnum() and text[k].isalnum()):
                    cut = k
                    break
        yield text[start:cut]
        start = cut


def split_figures(nlp: Language) -> None:
    """Add the figure rules to ``nlp``'s tokenizer (once; later calls do nothing), and
    make it linear in time (:class:`LinearTokenizer`)."""
    tokenizer: Any = nlp.tokenizer
    if isinstance(tokenizer, LinearTokenizer) and tokenizer.figures:  # read with them
        nlp.meta[_MARK] = True
    if getattr(tokenizer, "prefix_search", None) is None or _MARK in nlp.meta:
        return
    nlp.meta[_MARK] = True
    if not isinstance(tokenizer, LinearTokenizer):
        nlp.tokenizer = LinearTokenizer(tokenizer)
    # spaCy reloads all ~8,000 special cases each time a prefix, suffix, infix or
    # token-match rule is set: they are set aside while the four rules are set and
    # loaded once after (the tokenizer ends up the same).
    rules = getattr(tokenizer, "rules", None)
    if rules:
        tokenizer.rules = {}
    try:
        _set_figure_rules(tokenizer, nlp.Defaults)
    finally:
        if rules:
            tokenizer.rules = rules


def _set_figure_rules(tokenizer: Any, defaults: Any) -> None:
    """The language's prefixes, suffixes and infixes with the figure rules, and the
    figure token match. Each one set reloads the special cases: set them while there
    are none."""
    infixes = compile_infix_regex((*_INFIXES, *(defaults.infixes or ())))
    tokenizer.infix_finditer = infixes.finditer
    prefixes = compile_prefix_regex((*_PREFIXES, *(defaults.prefixes or ())))
    tokenizer.prefix_search = prefixes.search
    suffixes = compile_suffix_regex((*_SUFFIXES, *(defaults.suffixes or ())))
    tokenizer.suffix_search = suffixes.search
    tokenizer.token_match = SCIENTIFIC_TOKEN.match  # "1.3x10^6" stays one token


# The tokenizer ``spacy.load`` builds in place of the pipeline's own ``spacy.Tokenizer.v1``
# (config ``[nlp.tokenizer] @tokenizers``), for the pipelines that use that one.
FIGURE_TOKENIZER = "newsdesk.FigureTokenizer.v1"

# The fields of the pipeline's tokenizer file the figure rules replace (as
# split_figures does): the language's own, with the figure rules, are set instead.
_FIGURE_RULE_FIELDS = ("prefix_search", "suffix_search", "infix_finditer", "token_match")


def figure_tokenizer() -> Callable[[Language], LinearTokenizer]:
    """spaCy's tokenizer as :func:`split_figures` leaves it, made so the pipeline is
    read with the figure rules in place.

    ``spacy.load`` builds the tokenizer from the language's defaults, special cases
    and all, then reads the pipeline's own over them; setting the figure rules after
    that loads the ~1,300 special cases a third time (0.15 s of a start between the
    three). This one is built empty and reads the file with the figure rules set
    before the special cases: they are loaded once, and the tokenizer is the same.
    """

    def make(nlp: Language) -> LinearTokenizer:
        return _Reading(Tokenizer(nlp.vocab), nlp.Defaults)

    return make


registry.tokenizers.register(FIGURE_TOKENIZER, func=figure_tokenizer)


class _Reading(LinearTokenizer):
    """A :class:`LinearTokenizer` that reads the pipeline's tokenizer file with the
    figure rules set first (see :func:`figure_tokenizer`)."""

    def __init__(self, inner: Any, defaults: Any) -> None:
        super().__init__(inner)
        object.__setattr__(self, "defaults", defaults)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> _Reading:
        data = Path(path).read_bytes()
        # Without the special cases: setting the rules below reloads none.
        self.inner.from_bytes(data, exclude=[*exclude, *_FIGURE_RULE_FIELDS, "exceptions"])
        _set_figure_rules(self.inner, self.defaults)
        if "exceptions" not in exclude:
            self.inner.rules = srsly.msgpack_loads(data).get("exceptions", {})
        object.__setattr__(self, "figures", True)
        return self


@contextlib.contextmanager
def shipped_tokenizer(nlp: Language) -> Iterator[None]:
    """The tokenizer as the pipeline ships it, for the duration of the block."""
    tokenizer: Any = nlp.tokenizer
    names = ("infix_finditer", "prefix_search", "suffix_search", "token_match")
    saved = [getattr(tokenizer, name) for name in names]
    defaults = nlp.Defaults
    try:
        if _MARK in nlp.meta:
            tokenizer.infix_finditer = compile_infix_regex(defaults.infixes or ()).finditer
            tokenizer.prefix_search = compile_prefix_regex(defaults.prefixes or ()).search
            tokenizer.suffix_search = compile_suffix_regex(defaults.suffixes or ()).search
            tokenizer.token_match = defaults.token_match
        yield
    finally:
        for name, value in zip(names, saved, strict=True):
            setattr(tokenizer, name, value)
