"""Quotes: content P/R/F1 on GUM news and the textacy cases; speaker accuracy on textacy.

Content spans are compared without quote marks, edge whitespace and trailing
,.;: on both sides; a prediction matches a gold quote when they overlap by at
least half the longer span (one to one, best overlap first).

* GUM news: gold = ``xml_spans`` tagged ``quote`` (``q`` marks scare quotes
  and titles, not speech, and is not used). GUM cuts a quote into sentence
  spans inside one paragraph; spans separated by nothing but whitespace are
  joined back into one quote. No GUM quote crosses a paragraph break: of a
  quote that runs over several paragraphs only the first paragraph is tagged,
  so its later paragraphs (which newsdesk reports, one quote a paragraph)
  count as false positives. GUM has no speakers.
  Extra rows score only the documents with a quote layer: those with at
  least one ``quote`` or ``q`` tag, or with no double quotation marks at all.
  A document that has quotation marks but neither tag was not annotated for
  this layer (GUM_news_warhol has 40 marks and no tag, though most of them
  open what people said), so every quote found there counts as a false
  positive against an empty gold list. The rows over every document stay.
* textacy (``textacy_quotes/textacy_direct_quotation_cases.json``): cases with
  ``expected`` give content, speaker and cue per quote (and negatives with no
  quote); speaker accuracy is over content-matched quotes: right when the
  predicted speaker mention equals the gold speaker tokens (case-insensitive)
  or the mention or the speaker entity's name ends with them. Cases with only
  ``expected_speaker_tokens_flat`` (every quote's speaker tokens, flattened)
  are scored per case: right when the predicted quotes' speakers, in order,
  spell that list (each quote's mention, or the end of its entity's name; a
  quote with no speaker adds nothing).

Bare baseline: spaCy has no quote component, so the baseline is a naive
regex — text between paired straight or curly double quotes, no speaker.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.benchmarks.accuracy import gum
from tests.benchmarks.accuracy.report import TaskResult
from tests.benchmarks.accuracy.scoring import (
    Accuracy,
    Counts,
    match_greedy,
    naive_quotes,
    quote_score,
    trim_quote,
)
from tests.benchmarks.accuracy.systems import Errors, Input, PredQuote, run_newsdesk

if TYPE_CHECKING:
    from newsdesk.core.extract import Extractor

BASELINE = "naive regex"
SPLITS = ("train+dev", "test", "all")


def gum_quotes(text: str, spans: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """GUM ``quote`` spans, paragraphs of one quote joined, marks trimmed."""
    raw = sorted((int(s["start"]), int(s["end"])) for s in spans if s.get("tag") == "quote")
    joined: list[tuple[int, int]] = []
    for start, end in raw:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    trimmed = [trim_quote(text, s, e) for s, e in joined]
    return [span for span in trimmed if span[1] > span[0]]


def has_quote_layer(text: str, spans: Sequence[dict[str, Any]]) -> bool:
    """Whether the quotation marks of a GUM article were annotated (see the module docstring)."""
    tagged = any(s.get("tag") in ("quote", "q") for s in spans)
    return tagged or not any(mark in text for mark in '"“”')


def content_counts(
    text: str, gold: Sequence[tuple[int, int]], preds: Sequence[tuple[int, int]]
) -> tuple[Counts, list[tuple[int, int]]]:
    """Counts and the matched ``(pred index, gold index)`` pairs."""
    spans = [trim_quote(text, s, e) for s, e in preds]
    pairs = match_greedy(spans, gold, quote_score)
    return Counts(len(pairs), len(spans), len(pairs), len(gold)), pairs


def speaker_ok(gold_tokens: Sequence[str], mention: str | None, name: str | None) -> bool:
    """Whether a predicted speaker is the gold one (see the module docstring)."""
    gold = [t.lower() for t in gold_tokens]
    if not gold:
        return False
    for candidate in (mention, name):
        words = (candidate or "").lower().split()
        if words and words[-len(gold) :] == gold:
            return True
    return False


def flat_speakers_ok(expected: Sequence[str], quotes: Sequence[PredQuote]) -> bool:
    """Whether the quotes' speakers, in order, spell the flattened gold token list."""
    target = tuple(t.lower() for t in expected)
    options: list[set[tuple[str, ...]]] = []
    for quote in quotes:
        choices: set[tuple[str, ...]] = {()} if not quote.speaker_mention else set()
        for candidate in (quote.speaker_mention, quote.speaker_name):
            words = tuple((candidate or "").lower().split())
            choices.update(words[k:] for k in range(len(words)) if words)
        options.append(choices)

    @cache
    def fits(q: int, at: int) -> bool:
        if q == len(options):
            return at == len(target)
        return any(target[at : at + len(c)] == c and fits(q + 1, at + len(c)) for c in options[q])

    return fits(0, 0)


def _textacy_cases(root: Path) -> list[dict[str, Any]]:
    path = root / "textacy_quotes" / "textacy_direct_quotation_cases.json"
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cases


def _gold_textacy(case: dict[str, Any]) -> list[tuple[tuple[int, int], list[str]]]:
    text, at, out = case["text"], 0, []
    for quote in case.get("expected", []):
        content = quote["content"]
        start = text.find(content, at)
        if start == -1:
            raise ValueError(f"content {content!r} not in the text")
        at = start + len(content)
        out.append((trim_quote(text, start, at), list(quote.get("speaker_tokens", []))))
    return out


def _gum(extractor: Extractor, root: Path, errors: Errors, result: TaskResult) -> list[Counts]:
    """GUM rows per split; returns the all-articles counts for both systems."""
    run = gum.run(extractor, root, errors)
    splits: dict[str, list[Any]] = {}
    for doc, ours in zip(run.docs, run.ours, strict=True):
        try:
            gold = gum_quotes(doc.text, doc.xml_spans)
            a, _ = content_counts(doc.text, gold, [(q.start, q.end) for q in ours.quotes])
            b, _ = content_counts(doc.text, gold, naive_quotes(doc.text))
        except Exception as error:
            errors.add("quotes", "scoring", doc.doc_id, error)
            continue
        keys = [doc.split, "all"]
        if has_quote_layer(doc.text, doc.xml_spans):
            keys += [f"{doc.split}, with a quote layer", "all, with a quote layer"]
        for key in keys:
            row = splits.setdefault(key, [Counts(), Counts(), 0])
            row[0].add(a)
            row[1].add(b)
            row[2] += 1
    for key in (*SPLITS, *(f"{k}, with a quote layer" for k in SPLITS)):
        if key in splits:
            a, b, n = splits[key]
            result.prf(
                f"GUM news {key} ({n} doc{'s' if n != 1 else ''})", "content P / R / F1", a, b
            )
    return list(splits["all"][:2]) if "all" in splits else [Counts(), Counts()]


def _textacy(
    extractor: Extractor, root: Path, errors: Errors, result: TaskResult
) -> tuple[list[Counts], list[Accuracy]]:
    """textacy rows; returns content counts and speaker tallies for both systems."""
    cases = _textacy_cases(root)
    inputs = [Input(f"textacy#{n}", c["text"]) for n, c in enumerate(cases)]
    predicted = run_newsdesk(extractor, inputs, "quotes", errors)
    content = [Counts(), Counts()]
    speakers = [Accuracy(), Accuracy()]
    flat = [Accuracy(), Accuracy()]
    for case, item, preds in zip(cases, inputs, predicted, strict=True):
        text = case["text"]
        naive = naive_quotes(text)
        systems = (
            ([(q.start, q.end) for q in preds.quotes], preds.quotes),
            (naive, [PredQuote(s, e) for s, e in naive]),
        )
        try:
            if "expected" in case:
                expected = _gold_textacy(case)
                for k, (spans, found) in enumerate(systems):
                    counts, pairs = content_counts(text, [g for g, _ in expected], spans)
                    content[k].add(counts)
                    for i, j in pairs:
                        q = found[i]
                        speakers[k].count(
                            speaker_ok(expected[j][1], q.speaker_mention, q.speaker_name)
                        )
            else:
                tokens = case.get("expected_speaker_tokens_flat", [])
                for k, (_, found) in enumerate(systems):
                    flat[k].count(flat_speakers_ok(tokens, found))
        except Exception as error:
            errors.add("quotes", "scoring", item.case, error)
    direct = sum(1 for c in cases if "expected" in c)
    result.prf(
        f"textacy ({direct} cases with content)", "content P / R / F1", content[0], content[1]
    )
    result.accuracy("textacy (content-matched)", "speaker accuracy", speakers[0], speakers[1])
    result.accuracy(
        f"textacy ({len(cases) - direct} speaker-only cases)",
        "speaker list right (per case)",
        flat[0],
        flat[1],
    )
    for k in range(2):
        speakers[k].add(flat[k])
    return content, speakers


def evaluate(extractor: Extractor, root: Path, errors: Errors) -> TaskResult:
    result = TaskResult("quotes (bare = naive regex)")
    totals = [Counts(), Counts()]
    speakers = [Accuracy(), Accuracy()]
    try:
        for k, counts in enumerate(_gum(extractor, root, errors, result)):
            totals[k].add(counts)
    except Exception as error:  # a missing or changed gold file: report, go on
        errors.add("quotes", "gold", "gum_news", error)
    try:
        content, speakers = _textacy(extractor, root, errors, result)
        for k in range(2):
            totals[k].add(content[k])
    except Exception as error:
        errors.add("quotes", "gold", "textacy", error)
    result.prf("overall (micro)", "content P / R / F1", totals[0], totals[1])
    result.accuracy(
        "textacy overall", "speaker accuracy (quotes + cases)", speakers[0], speakers[1]
    )
    result.notes.append(
        f"bare spaCy column = {BASELINE} baseline (paired double quotes, no speaker); "
        "GUM sentence spans of one quote joined (GUM tags only the first paragraph of a quote "
        "over several); textacy speaker-only cases count one each"
    )
    result.notes.append(
        "GUM rows 'with a quote layer' keep only articles with a <quote> or <q> tag or no "
        "double quotation marks: an article with quotation marks and neither tag was not "
        "annotated for quotes (warhol, hackers, warming, ie9, flag; nasa in test), so the real "
        "quotes found there would count as false positives"
    )
    return result
