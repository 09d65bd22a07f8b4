"""The token attributes the pipeline sets after the parser, set for less: the
attribute ruler's patterns looked up for each token instead of tried at every
token, and the lemmatizer's answers kept. The parse is the same.

spaCy's ``attribute_ruler`` sets each token's coarse part of speech, morphology
and a few lemmas from its tag, words and dependency label. It finds them with a
``Matcher`` that tries every one of its ~180 patterns at every token, many
through Python predicates ("LOWER IN [...]"): about 15% of the English small
pipeline's time on an ordinary story, more than the tagger and lemmatizer
together. :func:`index_attribute_rules` gives the ruler :class:`IndexedMatcher`,
which finds the same matches by looking each token's tag, lower-case form,
dependency label and "is space" up in tables built from the same patterns; the
ruler then sets the attributes as before. A pipeline whose patterns ask
anything else keeps spaCy's matcher.

The rule lemmatizer keeps its answer for a word only when it got it from its
tables, so base forms (most nouns and verbs in news copy) are worked out again
at every token; :func:`keep_lemmas` keeps every answer (:class:`KeptLemmas`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

# The columns a token is read by, in this order: what the patterns may ask.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_STRINGS = ("TAG", "LOWER", "DEP")  # the columns held as strings (hashes)
# The first-token answers kept between stories (a few MB at most), cleared past this.
CACHE_SIZE = 20_000

Row = tuple[int, int, int, int]  # one token's columns
Test = Callable[[Row], bool]


class Unsupported(ValueError):
    """A pattern asks something :class:`IndexedMatcher` does not read."""


def _value_test(column: int, value: Any, strings: Any) -> tuple[Test, frozenset[int] | None]:
    """One column's condition as a test of a row, and the values it accepts when it
    lists them (None: the test must be run)."""
    name = COLUMNS[column]
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        flag = int(value)
        return (lambda row: row[column] == flag), frozenset({flag})
    if isinstance(value, str):
        key = get_string_id(value)
        return (lambda row: row[column] == key), frozenset({key})
    if not isinstance(value, dict) or len(value) != 1:
        raise Unsupported(f"{name} {value!r}")
    ((operator, argument),) = value.items()
    if operator in ("IN", "NOT_IN"):
        if not isinstance(argument, list) or not all(isinstance(v, str) for v in argument):
            raise Unsupported(f"{name} {operator} {argument!r}")
        keys = frozenset(get_string_id(v) for v in argument)
        if operator == "IN":
            return (lambda row: row[column] in keys), keys
        return (lambda row: row[column] not in keys), None
    if operator == "REGEX" and isinstance(argument, str):
        pattern = re.compile(argument)
        return (lambda row: pattern.search(strings[row[column]]) is not None), None
    raise Unsupported(f"{name} {operator}")


class _TokenPattern:
    """One token of a pattern: every condition of it, and the values it is indexed by."""

    def __init__(self, spec: dict[Any, Any], strings: Any) -> None:
        self.tests: list[Test] = []
        # The narrowest listed condition: (column, values) the token must have.
        self.index: tuple[int, frozenset[int]] | None = None
        for key, value in spec.items():
            name = key.upper() if isinstance(key, str) else key
            if name not in COLUMNS:
                raise Unsupported(f"pattern key {key!r}")
            column = COLUMNS.index(name)
            test, accepted = _value_test(column, value, strings)
            self.tests.append(test)
            if accepted is not None and (self.index is None or len(accepted) < len(self.index[1])):
                self.index = (column, accepted)

    def __call__(self, row: Row) -> bool:
        return all(test(row) for test in self.tests)


class _Pattern:
    """One pattern of the ruler: its match key and its tokens."""

    def __init__(self, key: int, specs: list[dict[Any, Any]], strings: Any) -> None:
        if not specs:
            raise Unsupported("an empty pattern")
        self.key = key
        self.tokens = [_TokenPattern(spec, strings) for spec in specs]

    def rest_matches(self, rows: list[Row], start: int) -> bool:
        """Whether the tokens after the first match the rows from ``start``."""
        if start + len(self.tokens) > len(rows):
            return False
        return all(token(rows[start + k]) for k, token in enumerate(self.tokens[1:], start=1))


class IndexedMatcher:
    """spaCy's ``Matcher`` for the attribute ruler's patterns, by table look-up.

    Called as the ruler calls its matcher, it returns the same ``(key, start,
    end)`` matches; anything else (``get``, ``len``) is the wrapped matcher's.
    The patterns' first tokens are indexed by a value they require; for each
    distinct row of columns the patterns whose first token it satisfies are
    kept, so an ordinary story's tokens are mostly one dictionary look-up each.
    """

    def __init__(
        self, matcher: Matcher, vocab: Vocab, patterns: Iterable[tuple[int, list[Any]]]
    ) -> None:
        self.matcher: Any = matcher
        self._strings = vocab.strings
        self._patterns = [
            _Pattern(key, specs, self._strings)
            for key, alternatives in patterns
            for specs in alternatives
        ]
        self._indexed: list[dict[int, list[_Pattern]]] = [{} for _ in COLUMNS]
        self._anywhere: list[_Pattern] = []
        for pattern in self._patterns:
            first = pattern.tokens[0].index
            if first is None:
                self._anywhere.append(pattern)
                continue
            column, values = first
            for value in values:
                self._indexed[column].setdefault(value, []).append(pattern)
        self._first: dict[Row, list[_Pattern]] = {}

    def __getattr__(self, name: str) -> Any:
        if name == "matcher":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self.matcher, name)

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(
        self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False, **kwargs: Any
    ) -> Any:
        if as_spans or kwargs or not allow_missing:
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        rows: list[Row] = [tuple(row) for row in doc.to_array(_ATTRS).tolist()]
        first = self._first
        if len(first) > CACHE_SIZE:
            first.clear()
        found: set[tuple[int, int, int]] = set()
        for start, row in enumerate(rows):
            candidates = first.get(row)
            if candidates is None:
                candidates = first[row] = self._starting(row)
            for pattern in candidates:
                if len(pattern.tokens) == 1 or pattern.rest_matches(rows, start):
                    found.add((pattern.key, start, start + len(pattern.tokens)))
        return list(found)

    def _starting(self, row: Row) -> list[_Pattern]:
        """The patterns whose first token ``row`` satisfies."""
        candidates = {id(p): p for p in self._anywhere}
        for column, table in enumerate(self._indexed):
            for pattern in table.get(row[column], ()):
                candidates[id(pattern)] = pattern
        return [p for p in candidates.values() if p.tokens[0](row)]


def index_attribute_rules(nlp: Language) -> None:
    """Give ``nlp``'s attribute ruler an :class:`IndexedMatcher` (once; a pipeline
    without a ruler, or whose patterns ask what it does not read, is left as it is)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    matcher = getattr(ruler, "matcher", None)
    if matcher is None or isinstance(matcher, IndexedMatcher):
        return
    vocab: Vocab = nlp.vocab
    try:
        patterns = [
            (vocab.strings[str(n)], matcher.get(str(n))[1]) for n in range(len(ruler.attrs))
        ]
        ruler.matcher = IndexedMatcher(matcher, vocab, patterns)
    except (Unsupported, KeyError) as error:
        log.info("the attribute ruler keeps spaCy's matcher: %s", error)


class KeptLemmas:
    """A lemmatizer's ``lemmatize`` that keeps its answer for each distinct text, part
    of speech and morphology: what a rule or lookup lemmatizer's answer depends on.
    Answers for tokens without a part of speech are not kept (spaCy warns of them
    each time)."""

    def __init__(self, lemmatize: Callable[[Token], list[str]]) -> None:
        self.lemmatize = lemmatize
        self._kept: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        lemmas = self._kept.get(key)
        if lemmas is None:
            lemmas = self.lemmatize(token)
            if token.pos:
                if len(self._kept) > CACHE_SIZE:
                    self._kept.clear()
                self._kept[key] = lemmas
        return lemmas


def keep_lemmas(nlp: Language) -> None:
    """Give ``nlp``'s rule or lookup lemmatizer a :class:`KeptLemmas` (once; another
    lemmatizer is left as it is)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    lemmatize = getattr(lemmatizer, "lemmatize", None)
    if getattr(lemmatizer, "mode", None) not in ("rule", "lookup") or lemmatize is None:
        return
    if not isinstance(lemmatize, KeptLemmas):
        lemmatizer.lemmatize = KeptLemmas(lemmatize)
