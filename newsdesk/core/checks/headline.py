"""Check 1: the headline and standfirst held against the body.

A figure at the top of the story must say what the body says: "25 killed"
over a body's "at least 25" drops the hedge; "Strikes kill 30" over "killed
26 people" changes the number. "at Least 25 Airstrikes" over "at least 25 air
strikes" is the same figure written in headline case, and is not flagged.
"""

from __future__ import annotations

from newsdesk.core.checks.findings import Finding, quoted
from newsdesk.core.checks.numbers import comparable, is_age, is_change, same_counted, stated, within
from newsdesk.core.checks.story import Story
from newsdesk.core.sheet.model import Figure


def check_headline(story: Story) -> list[Finding]:
    """Figures of the headline or standfirst that the body does not bear out."""
    figures = story.figures
    top = [f for f in figures if story.in_top(f.start) and not is_age(f)]
    body = [f for f in figures if not story.in_top(f.start)]
    if not body and not story.text[story.top_end :].strip():
        return []  # a headline without a story: nothing to hold it against
    findings: list[Finding] = []
    for figure in top:
        finding = _against_body(story, figure, body)
        if finding is not None:
            findings.append(finding)
    return findings


def _against_body(story: Story, figure: Figure, body: list[Figure]) -> Finding | None:
    where = "Headline" if story.in_headline(figure.start) else "Standfirst"
    value = stated(figure)
    if value is None:
        return None
    measure = story.measure(figure)
    same_value, same_thing = [], []
    for other in body:
        if not comparable(figure, other) or is_change(other) != is_change(figure):
            continue
        counted = same_counted(figure, other)
        if stated(other) == value and counted is not False:
            same_value.append(other)
        if counted or (counted is None and _same_measure(story, figure, other, measure)):
            same_thing.append(other)
    candidates = same_value + [f for f in same_thing if f not in same_value]
    if any(within(other, figure) for other in candidates):
        return None
    shown = quoted(figure.text)
    if same_value:
        other = same_value[0]
        return Finding(
            "headline_figure",
            f"{where} says {shown} but the body says {quoted(other.text)}: "
            "the hedge is not the same.",
            ((figure.start, figure.end), (other.start, other.end)),
            (figure.id, other.id),
        )
    if same_thing:
        other = same_thing[0]
        what = f" {figure.counted}" if figure.counted else _measure_words(measure)
        return Finding(
            "headline_figure",
            f"{where} says {shown}{what} but the body says {quoted(other.text)}.",
            ((figure.start, figure.end), (other.start, other.end)),
            (figure.id, other.id),
        )
    if any(
        stated(other) == value or within(other, figure)
        for other in body
        if comparable(figure, other) and same_counted(figure, other) is not False
    ):
        return None  # the same number (or one the top's allows) of something named otherwise
    if _share_borne_out(figure, body):
        return None  # "Cuts Harvest by a Third" over "fell to 12.5 million, from 18.6 million"
    return Finding(
        "headline_figure",
        f"{where} figure {shown} is not in the body.",
        ((figure.start, figure.end),),
        (figure.id,),
        severity="medium",
    )


def _same_measure(story: Story, figure: Figure, other: Figure, measure: str | None) -> bool:
    if figure.kind in ("money", "percent"):
        return figure.kind == other.kind
    return measure is not None and measure == story.measure(other) and not story.is_part(other)


def _measure_words(measure: str | None) -> str:
    return {
        "dead": " dead",
        "wounded": " wounded",
        "missing": " missing",
        "arrested": " arrested",
        "displaced": " displaced",
    }.get(measure or "", "")


def _share_borne_out(figure: Figure, body: list[Figure]) -> bool:
    """Whether a change the top gives as a share ("by a third", "by 20%") is what two
    levels of the same unit in the body come to (18.6 to 12.5 million is a third down)."""
    share = stated(figure)
    if figure.change is None or share is None:
        return False
    if figure.kind == "percent":
        share /= 100
    if not 0 < share <= 10:
        return False
    levels = [
        (value, other.unit)
        for other in body
        if other.change is None and (value := stated(other)) is not None and value > 0
    ]
    for at, (one, unit) in enumerate(levels):
        for two, other_unit in levels[at + 1 :]:
            if unit != other_unit:
                continue
            low, high = min(one, two), max(one, two)
            moved = (high - low) / high if figure.change == "down" else (high - low) / low
            if abs(moved - share) <= 0.05 * max(share, 0.2):
                return True
    return False
