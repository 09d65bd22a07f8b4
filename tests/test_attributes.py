"""The attribute ruler's patterns looked up and the lemmatizer's answers kept: the same
parts of speech, morphology and lemmas as spaCy's own pipeline gives, on made-up
patterns and on the pinned pipeline."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from newsdesk.core.extract import Extractor
from newsdesk.core.extract.attributes import (
    IndexedMatcher,
    KeptLemmas,
    index_attribute_rules,
    keep_lemmas,
)
from tests.conftest import sample_text

# Every kind of condition the pinned pipeline's ruler asks, and one it does not read.
PATTERNS: list[list[dict[str, Any]]] = [
    [{"TAG": "NN"}],
    [{"TAG": "DT", "LOWER": "the"}],
    [{"TAG": "IN", "LOWER": {"IN": ["that", "if", "because"]}}],
    [{"LOWER": "i", "DEP": "nsubj"}],
    [{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}],
    [{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}],
    [{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are", "was"]}}],
    [{"LOWER": "gon"}, {"LOWER": "na"}],
    [{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}],
    [{"LOWER": {"REGEX": "^n[ou]thin'$"}}],
    [{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}],
    [{"IS_SPACE": True}],
    [{"TAG": "_SP", "IS_SPACE": False}],
]

# Word, tag and dependency label of each token of a made-up parse.
TOKENS = [
    ("I", "PRP", "nsubj"), ("think", "VBP", "ROOT"), ("that", "IN", "mark"),
    ("the", "DT", "det"), ("man", "NN", "nsubj"), ("is", "VBZ", "aux"),
    ("gon", "VBG", "ccomp"), ("na", "TO", "aux"), ("see", "VB", "xcomp"),
    ("y'", "PRP", "nsubj"), ("all", "DT", "det"), ("there", "RB", "advmod"),
    (",", ",", "punct"), ("which", "WDT", "nsubj"), ("nothin'", "NN", "nsubj"),
    ("was", "VBD", "expl"), (" ", "_SP", "dep"), ("!", ".", "punct"),
    ("Y", "PRP", ""), ("all", "DT", "dobj"), ("\n", "_SP", ""),
]  # fmt: skip


def _matches(matcher: Any, doc: Doc) -> set[tuple[int, int, int]]:
    return set(matcher(doc, allow_missing=True, as_spans=False))


def test_the_indexed_matcher_finds_what_spacys_matcher_finds() -> None:
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(PATTERNS):
        matcher.add(str(n), [pattern])
    indexed = IndexedMatcher(
        matcher, nlp.vocab, [(nlp.vocab.strings[str(n)], [p]) for n, p in enumerate(PATTERNS)]
    )
    words, tags, deps = (list(column) for column in zip(*TOKENS, strict=True))
    heads = [min(i + 1, len(words) - 1) for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)

    expected = _matches(matcher, doc)
    assert len(expected) > 10  # most patterns are met somewhere
    assert _matches(indexed, doc) == expected
    assert _matches(indexed, doc) == expected  # and again, from its tables
    assert _matches(indexed, Doc(nlp.vocab, words=[])) == set()


def test_the_pinned_pipeline_parses_as_spacy_ships_it(extractor: Extractor) -> None:
    shipped = spacy.load(extractor.nlp.meta["lang"] + "_" + extractor.nlp.meta["name"])
    ruler: Any = extractor.nlp.get_pipe("attribute_ruler")
    lemmatizer: Any = extractor.nlp.get_pipe("lemmatizer")
    assert isinstance(ruler.matcher, IndexedMatcher)
    assert isinstance(lemmatizer.lemmatize, KeptLemmas)
    text = sample_text("palmyra_strikes.txt") + (
        "\n\nI'm gonna do it, y'all. Y' all ain't seen nothin' yet, he said. Let's go. "
        "There are 5 men. It gets hard; it got worse. I'd have gone. He can't, won't. "
        "Did he? He did, and had been there. Anyone could, because nobody did.\n\n \t\n"
    )
    tokens = extractor.nlp.tokenizer(text)  # newsdesk's tokens, through both pipelines
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]

    def reading(nlp: Any) -> list[tuple[str, ...]]:
        doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    ours = reading(extractor.nlp)
    assert ours == reading(shipped)
    assert reading(extractor.nlp) == ours  # again, from the kept lemmas
    index_attribute_rules(extractor.nlp)  # a second call changes nothing
    keep_lemmas(extractor.nlp)
    assert ruler.matcher.matcher.__class__ is Matcher
    assert not isinstance(lemmatizer.lemmatize.lemmatize, KeptLemmas)
