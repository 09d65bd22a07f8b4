"""Tokenizer rules for how wire copy writes figures.

spaCy's English tokenizer splits "10-20" but leaves "1000–5000", "10-$20",
"5k-20k", "3.5–4.0", "20~100" and "Rs20" whole and cuts "1.3x10^6" apart, so the figure reader never
sees their parts. :func:`split_figures` adds the few extra rules; the
pipeline's own behaviour elsewhere is unchanged. :func:`shipped_tokenizer`
undoes them for a while (the benchmark's bare-spaCy column).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

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
)
# A currency code or symbol written onto the number: "Rs20", "USD50", "~2".
_PREFIXES = (
    r"(?:USD|EUR|GBP|JPY|INR|AUD|CAD|CHF|CNY|NZD|HKD|SGD|MYR|UAH|RMB|Rs\.?|RM|\$US)(?=[0-9])",
    r"R(?=[0-9]{3,}|[0-9]+(?:\.[0-9]+)?(?:bn|m)\b)",  # South African rand: "R500", "R2bn"
    r"~(?=[0-9])",
)
# "100元", "10¢"; a hyphen left hanging after a number ("8- to 16-metre").
_SUFFIXES = (
    r"(?<=[0-9])(?:元|¢)",
    r"(?<=[¢元])[.,;:!?]",
    r"(?<=[0-9])-",
    r"(?<=[0-9][kKmM])[$€£]",  # "10k$"
)

_MARK = "newsdesk_figure_rules"


def split_figures(nlp: Language) -> None:
    """Add the figure rules to ``nlp``'s tokenizer (once; later calls do nothing)."""
    tokenizer: Any = nlp.tokenizer
    if getattr(tokenizer, "prefix_search", None) is None or _MARK in nlp.meta:
        return
    defaults = nlp.Defaults
    nlp.meta[_MARK] = True
    tokenizer.infix_finditer = compile_infix_regex((*_INFIXES, *(defaults.infixes or ()))).finditer
    tokenizer.prefix_search = compile_prefix_regex((*_PREFIXES, *(defaults.prefixes or ()))).search
    tokenizer.suffix_search = compile_suffix_regex((*_SUFFIXES, *(defaults.suffixes or ()))).search
    tokenizer.token_match = SCIENTIFIC_TOKEN.match  # "1.3x10^6" stays one token


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
