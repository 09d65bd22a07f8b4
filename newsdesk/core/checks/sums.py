"""Check 2: parts against their totals, and sums the copy states.

- "26 people, including 30 fighters": parts brought in by "including",
  "among them", "of whom" … that come to more than the number before them;
- "26 people: 14 civilians and 10 fighters": a breakdown after a colon or
  dash that does not come to its total;
- "Of the 50 passengers, 30 … and 25 …": parts of a total named first;
- "12 men and 9 women, 25 people in all": a total stated after its parts;
- "40 percent … 35 percent … 30 percent" of one whole that comes to more than 100.
"""

from __future__ import annotations

import re
from itertools import pairwise

from newsdesk.core.checks.findings import Finding, quoted
from newsdesk.core.checks.numbers import format_sum, is_age, is_change, stated
from newsdesk.core.checks.story import PART_WORDS, Sentence, Story
from newsdesk.core.sheet.model import Figure

_COUNTS = ("count", "number", "quantity")
# What may stand between two parts: of a list after "including" (up to a new clause),
# of a breakdown ("14 civilians and 10 fighters").
_NEXT_PART = re.compile(r"(?![^;.]*(?:[;.]|\bwhile\b|\bbut\b))")
_NEXT_ITEM = re.compile(r"[^.;:]{0,40}(?:,|\band\b)")
_BREAKDOWN = re.compile(r"[^,;.]{0,60}(?::|—|–|\s-)\s*")
_OF_THE = re.compile(r"^(?:of|out of)\s+(?:the\s+|those\s+|these\s+)?$", re.IGNORECASE)
_IN_ALL = re.compile(r"\b(?:in all|in total|altogether|all told)\b", re.IGNORECASE)
_A_TOTAL = re.compile(r"\b(?:a total of|total of|totalling|totaling)\s*$", re.IGNORECASE)
_OUT_OF = re.compile(r"^\s*(?:out of|of)\s+(?:the\s+)?$", re.IGNORECASE)
# Words between percentages that make them a comparison, not shares of one whole.
_COMPARED = re.compile(
    r"\b(?:from|to|up|down|rose|risen|rise|fell|fall|fallen|compared|than|previous|"
    r"last|before|after|earlier|versus|vs|while in|in \d{4}|a year|ago|"
    r"increase|decrease|growth|grew|dropped|jumped|climbed)\b",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?([A-Za-z]+)")
_SHARE_CUES = re.compile(
    r"\b(?:voted?|voting|voters|backed|backing|support(?:ed|s)?|opposed|against|favou?r|"
    r"undecided|respondents|polled|surveyed|said|percent of|per cent of|% of|share|"
    r"approve[ds]?|disapprove[ds]?|don't know|no opinion)\b",
    re.IGNORECASE,
)


def check_sums(story: Story) -> list[Finding]:
    """Parts that exceed their totals and stated sums that do not add up."""
    findings: list[Finding] = []
    for sentence in story.sentences:
        figures = [
            f
            for f in story.sentence_figures(sentence)
            if not is_change(f) and not is_age(f) and stated(f) is not None
        ]
        if len(figures) < 2:
            continue
        counts = [f for f in figures if f.kind in _COUNTS]
        found = (
            _including(story, sentence, counts)
            or _breakdown(story, counts)
            or _of_the(story, sentence, counts)
            or _in_all(story, counts)
            or _out_of(story, counts)
            or _shares(story, sentence, [f for f in figures if f.kind == "percent"])
        )
        if found is not None:
            findings.append(found)
    return findings


def _including(story: Story, sentence: Sentence, counts: list[Figure]) -> Finding | None:
    """The number before "including …" and the parts after it, up to the next total."""
    for index, total in enumerate(counts[:-1]):
        after = counts[index + 1]
        if not PART_WORDS.search(story.text[total.end : after.start]):
            continue
        parts = _listed(story, counts[index + 1 :], _NEXT_PART)
        amount = sum(_least(p) for p in parts)
        if amount > _most_stated(total):
            return _finding(total, parts, amount, "more than")
    return None


def _listed(story: Story, figures: list[Figure], joined: re.Pattern[str]) -> list[Figure]:
    """The first figure and those that follow it while the words between match ``joined``."""
    parts = figures[:1]
    for later in figures[1:]:
        if not joined.match(story.text[parts[-1].end : later.start]):
            break
        parts.append(later)
    return parts


def _breakdown(story: Story, counts: list[Figure]) -> Finding | None:
    """ "26 people: 14 civilians and 10 fighters" — the parts name every one of the total."""
    for index, total in enumerate(counts[:-2]):
        first = counts[index + 1]
        if not _BREAKDOWN.fullmatch(story.text[total.end : first.start]):
            continue
        parts = _listed(story, counts[index + 1 :], _NEXT_ITEM)
        if len(parts) < 2:
            continue
        amount = sum(stated(p) or 0 for p in parts)
        goal = stated(total) or 0
        exact = all(p.qualifier == "exact" for p in [total, *parts])
        if (exact and amount != goal) or amount > _most_stated(total):
            return _finding(total, parts, amount, "not")
    return None


def _of_the(story: Story, sentence: Sentence, counts: list[Figure]) -> Finding | None:
    """ "Of the 50 passengers, 30 survived and 25 died." """
    if len(counts) < 2:
        return None
    total = counts[0]
    if not _OF_THE.match(story.text[story.body_start(sentence) : total.start].strip() + " "):
        return None
    parts = counts[1:]
    amount = sum(_least(p) for p in parts)
    if amount > _most_stated(total):
        return _finding(total, parts, amount, "more than")
    return None


def _in_all(story: Story, counts: list[Figure]) -> Finding | None:
    """ "12 men and 9 women, 25 people in all" / "a total of 25: 12 men and 9 women"."""
    for total in counts:
        before = story.text[max(0, total.start - 20) : total.start]
        after = story.text[total.end : total.end + 40]
        if not (_A_TOTAL.search(before) or _IN_ALL.search(after.split(".")[0])):
            continue
        parts = [f for f in counts if f is not total]
        if len(parts) < 2 or any(p.qualifier != "exact" for p in parts):
            continue
        amount = sum(stated(p) or 0 for p in parts)
        goal = stated(total) or 0
        if (total.qualifier == "exact" and amount != goal) or amount > _most_stated(total):
            return _finding(total, parts, amount, "not")
    return None


def _out_of(story: Story, counts: list[Figure]) -> Finding | None:
    """ "30 out of 26 schools" """
    for part, total in pairwise(counts):
        between = story.text[part.end : total.start].split(part.counted or "\0")[-1]
        if _OUT_OF.match(between) and _least(part) > _most_stated(total):
            return _finding(total, [part], _least(part), "more than")
    return None


def _shares(story: Story, sentence: Sentence, percents: list[Figure]) -> Finding | None:
    """Percentages of one whole ("40% backed it, 35% opposed, 30% undecided") over 100."""
    if len(percents) < 2 or not _SHARE_CUES.search(sentence.lower):
        return None
    for left, right in pairwise(percents):
        if _COMPARED.search(story.text[left.end : right.start]):
            return None
    wholes = {_WHOLE.match(story.text, p.end) for p in percents}
    if len({m.group(1).lower() for m in wholes if m is not None}) > 1:
        return None  # "60 percent of polling stations", "49.8 percent of the vote": two wholes
    amount = sum(_least(p) for p in percents)
    if amount <= 100.5:
        return None
    return Finding(
        "parts_total",
        f"The shares {', '.join(quoted(p.text) for p in percents)} come to "
        f"{format_sum(amount)}%, more than the whole.",
        tuple((p.start, p.end) for p in percents),
        tuple(p.id for p in percents),
    )


def _least(figure: Figure) -> float:
    """The least a part can be ("at least 12" → 12; "about 12" → 12 less a tenth)."""
    value = stated(figure) or 0.0
    if figure.qualifier in ("about",):
        return value * 0.9
    if figure.qualifier in ("at_most", "less_than"):
        return 0.0
    if figure.qualifier == "range" and figure.low is not None:
        return figure.low
    return value


def _most_stated(figure: Figure) -> float:
    """The most the total is stated to be ("at least 26" is taken at its word: 26)."""
    value = stated(figure) or 0.0
    if figure.qualifier == "about":
        return value * 1.1
    if figure.qualifier in ("more_than",):
        return value * 1.1  # "more than 40" may be a few more
    return value


def _finding(total: Figure, parts: list[Figure], amount: float, how: str) -> Finding:
    named = " and ".join(quoted(p.text + (f" {p.counted}" if p.counted else "")) for p in parts)
    whole = quoted(total.text + (f" {total.counted}" if total.counted else ""))
    if how == "more than":
        message = f"The parts {named} come to {format_sum(amount)}, more than the total {whole}."
    else:
        message = f"The parts {named} come to {format_sum(amount)}, not the total {whole}."
    return Finding(
        "parts_total",
        message,
        ((total.start, total.end), *((p.start, p.end) for p in parts)),
        (total.id, *(p.id for p in parts)),
    )
