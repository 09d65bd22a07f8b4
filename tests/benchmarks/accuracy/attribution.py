"""Attribution: who said each quote and who says so for each figure, beside textacy.

Gold: ``data/attribution_stories.jsonl``, stories written for newsdesk (no
copied news): each quote is named by a few of its words with its speaker (a
name, a description such as "nurse", or ``null`` when the story does not say
who — a banner, a chant, "one of them said") and the words at the
attribution; each figure by its words with its source (``null`` for the
reporter's own). Every pattern the attribution rules read is in it: "said X",
"X said:", pronouns with other names about, participles and passives, a
quote carried on in the same or the next paragraph, credit lines, e-mails
and letters, titles ("the minister"), and hard negatives.

Scoring, per gold quote that a system found (its words inside the quote):

* right — gold has a speaker and the system's speaker (the entity's name, or
  the words at the attribution) holds its last word ("Quill"); or gold has
  none and the system gives none;
* no speaker — gold has one, the system none (an unresolved "he" is none);
* wrong — the system gives someone else, or anyone where gold has none.

Figure sources the same way, over the gold figures newsdesk found (the words
at the same place): the source entity's name or the attribution's words hold
the gold source's last word, or both are none.

Baseline ("bare" column): textacy's ``direct_quotations`` on the bare spaCy
parse of the same text, its speaker tokens scored like newsdesk's words at the
attribution (a pronoun counts right when gold's attribution is that pronoun,
which favours the baseline). For figures, the naive rule: the subject of the
first "say"-like verb in the figure's sentence, or the object of "according
to". When textacy is not installed (``pip install -e .[bench]``), its column
says n/a.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.benchmarks.accuracy.report import TaskResult
from tests.benchmarks.accuracy.scoring import Accuracy
from tests.benchmarks.accuracy.systems import Errors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsdesk.core.extract import Extractor
    from newsdesk.core.sheet.model import FactSheet

DATA = Path(__file__).resolve().parent / "data" / "attribution_stories.jsonl"
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_NAIVE_VERBS = frozenset({"say", "tell", "add", "report", "state", "announce", "estimate"})


@dataclass
class Tally:
    """Speaker outcomes of one system: right, none where gold has one, wrong."""

    found: Accuracy = field(default_factory=Accuracy)  # gold quotes the system found
    right: Accuracy = field(default_factory=Accuracy)
    none: Accuracy = field(default_factory=Accuracy)
    wrong: Accuracy = field(default_factory=Accuracy)

    def count(self, outcome: str) -> None:
        self.right.count(outcome == "right")
        self.none.count(outcome == "none")
        self.wrong.count(outcome == "wrong")


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower().replace("’", "'"))


def outcome(gold: str | None, candidates: list[str | None], given: bool) -> str:
    """``right``, ``none`` or ``wrong`` for one speaker or source (see the module docstring)."""
    if gold is None:
        return "right" if not given else "wrong"
    if not given:
        return "none"
    last = words(gold)[-1]
    return "right" if any(last in words(c) for c in candidates) else "wrong"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _quote_outcomes(sheet: FactSheet, story: dict[str, Any], tally: Tally) -> None:
    text = sheet.article.text
    for gold in story["quotes"]:
        at = text.find(gold["quote"])
        quote = next((q for q in sheet.quotes if q.start <= at < q.end), None)
        tally.found.count(quote is not None)
        if quote is None:
            continue
        entity = sheet.entity(quote.speaker)
        mention = quote.speaker_mention.text if quote.speaker_mention else None
        unresolved = entity is None and (mention or "").lower() in _PRONOUNS
        given = entity is not None or (bool(mention) and not unresolved)
        name = entity.name if entity is not None else None
        tally.count(outcome(gold["speaker"], [name, mention], given))


def _textacy_outcomes(doc: Doc, story: dict[str, Any], tally: Tally) -> None:
    from textacy.extract.triples import direct_quotations

    try:
        found = list(direct_quotations(doc))
    except ValueError:
        found = []  # textacy gives up on an odd number of quotation marks: it found none
    for gold in story["quotes"]:
        at = doc.text.find(gold["quote"])
        triple = next(
            (t for t in found if t.content.start_char <= at < t.content.end_char + 1), None
        )
        tally.found.count(triple is not None)
        if triple is None:
            continue
        said = " ".join(t.text for t in triple.speaker)
        if said.lower() in _PRONOUNS and (gold.get("mention") or "").lower() == said.lower():
            tally.count("right" if gold["speaker"] else "wrong")
            continue
        tally.count(outcome(gold["speaker"], [said], bool(said)))


def _figure_places(text: str, story: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Where each gold figure stands: its words, in story order, as whole words."""
    places, position = [], 0
    for gold in story["figures"]:
        pattern = re.compile(r"(?<![\w$.,])" + re.escape(gold["figure"]) + r"(?!\w)")
        found = pattern.search(text, position) or pattern.search(text)
        if found is None:
            raise ValueError(f"figure {gold['figure']!r} not in {story['id']}")
        places.append((found.start(), gold))
        position = found.end()
    return places


def _naive_source(doc: Doc, at: int) -> str | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return " ".join(t.text for t in objects[0].subtree)
    for token in sent:
        if token.lemma_.lower() in _NAIVE_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return " ".join(t.text for t in subjects[0].subtree)
    return None


def evaluate(extractor: Extractor, errors: Errors, path: Path = DATA) -> TaskResult:
    result = TaskResult("attribution (bare = textacy / naive)")
    stories = load(path)
    ours, theirs = Tally(), Tally()
    sources, naive = Accuracy(), Accuracy()
    located = Accuracy()
    try:
        import textacy  # noqa: F401

        have_textacy = True
    except ImportError:
        have_textacy = False
    from newsdesk.core.extract.tokens import shipped_tokenizer

    for story in stories:
        try:
            sheet = extractor.extract(story["text"])
            text = sheet.article.text
            _quote_outcomes(sheet, story, ours)
            nlp = extractor.nlp
            mine = [name for name in nlp.pipe_names if name.startswith("newsdesk")]
            with nlp.select_pipes(disable=mine), shipped_tokenizer(nlp):
                doc = nlp(text)  # the bare pipeline, as shipped
            if have_textacy:
                _textacy_outcomes(doc, story, theirs)
            for at, gold in _figure_places(text, story):
                figure = next((f for f in sheet.figures if f.start <= at < f.end), None)
                located.count(figure is not None)
                if figure is None:
                    continue
                entity = sheet.entity(figure.source)
                name = entity.name if entity is not None else None
                words_given = getattr(figure, "source_text", None)  # older sheets: none
                given = figure.source is not None or bool(words_given)
                sources.count(outcome(gold["source"], [name, words_given], given) == "right")
                guess = _naive_source(doc, at)
                naive.count(outcome(gold["source"], [guess], guess is not None) == "right")
        except Exception as error:  # one bad story must not stop the run
            errors.add("attribution", "scoring", story["id"], error)
    label = f"own stories ({len(stories)})"
    gold_quotes = sum(len(s["quotes"]) for s in stories)
    bare = theirs if have_textacy else None
    found = bare.found if bare else None
    result.accuracy(label, "quotes found", ours.found, found, str(gold_quotes))
    result.accuracy(label, "speaker accuracy", ours.right, bare.right if bare else None)
    result.accuracy(label, '"no speaker" rate', ours.none, bare.none if bare else None)
    result.accuracy(label, "wrong-speaker rate", ours.wrong, bare.wrong if bare else None)
    gold_figures = sum(len(s["figures"]) for s in stories)
    result.accuracy(label, "figures found", located, None, str(gold_figures))
    result.accuracy(label, "figure-source accuracy", sources, naive)
    result.notes.append(
        "gold written for newsdesk (tests/benchmarks/accuracy/data); speaker rates over the "
        "gold quotes each system found; bare column = textacy direct_quotations "
        + ("" if have_textacy else "(not installed: pip install -e .[bench]) ")
        + "for speakers, the first say-verb's subject for figure sources"
    )
    result.notes.append(
        "a baseline pronoun speaker counts right when gold's attribution is that pronoun; "
        "newsdesk must name the person (GUM news has no speaker layer, so speakers are scored "
        "on these stories and the textacy cases)"
    )
    return result
