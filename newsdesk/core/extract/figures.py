"""Figures: numbers with their hedge, bounds, unit, counted noun and change.

Seeds (:mod:`.seeds`) are runs of number tokens the NER may or may not have
marked. Each seed is read as a :class:`~.phrase.Phrase` in stages, each a
module that only the reader here calls: its opening (:mod:`.opening`: the hedge
and currency sign before it, trailing scales), a range partner (:mod:`.ranges`),
the unit or currency after it (:mod:`.units`), its value (:mod:`.values`),
whether it is a name, date, code or score instead (:mod:`.exclusions`), the
noun it counts (:mod:`.context`), hedges after it (:mod:`.hedges`) and whether
it is an amount of change (:mod:`.changes`); finished readings are joined where
the copy states one figure twice or in parts (:mod:`.merges`). The result is a
:class:`~.phrase.FigureReading`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.core.extract import (
    changes,
    codes,
    context,
    exclusions,
    hedges,
    merges,
    opening,
    ranges,
    seeds,
    units,
    values,
)
from newsdesk.core.extract.changes import link_levels, read_change
from newsdesk.core.extract.codes import PHONE_AHEAD, PHONE_NUMBER
from newsdesk.core.extract.context import read_unit_and_counted
from newsdesk.core.extract.doctext import doc_text, sentence_of
from newsdesk.core.extract.exclusions import NumberedNames, blocked_tokens, exclusion
from newsdesk.core.extract.hedges import settle_qualifier
from newsdesk.core.extract.merges import drop_restatements, join_conversions, merge_bounds
from newsdesk.core.extract.numerals import bare
from newsdesk.core.extract.opening import read_opening, take_trailing_scales, trim_seed
from newsdesk.core.extract.periods import has_digits
from newsdesk.core.extract.phrase import Dropped, FigureReading, Phrase
from newsdesk.core.extract.ranges import find_range, find_range_with_units
from newsdesk.core.extract.rules import Rule
from newsdesk.core.extract.seeds import seed_spans
from newsdesk.core.extract.units import length_unit_at, measure_after
from newsdesk.core.extract.values import CENTS, cents_after, read_value, settle_value

# Every rule of the figure reader, stage by stage in the order it runs them.
RULES: tuple[Rule, ...] = (
    *seeds.RULES,
    *opening.RULES,
    *ranges.RULES,
    *units.RULES,
    *values.RULES,
    *codes.RULES,
    *exclusions.RULES,
    *context.RULES,
    *hedges.RULES,
    *changes.RULES,
    *merges.RULES,
)


def find_figures(
    doc: Doc, names: NumberedNames | None = None, dropped: list[Dropped] | None = None
) -> list[FigureReading]:
    """Every figure in ``doc``, in text order, without overlaps; each records the rules
    that made it. ``names`` finds the names with numbers in them (the pattern table);
    numbers read as no figure go to ``dropped``, when given, with the rule that said so."""
    blocked = blocked_tokens(doc, names)
    seeds = seed_spans(doc, blocked)
    readings: list[FigureReading] = []
    taken: set[int] = set()
    for start, end, rules in seeds:
        if any(i in taken for i in range(start, end)):
            continue
        phrase = _read(doc, start, end, rules, blocked, taken)
        if isinstance(phrase, FigureReading):
            readings.append(phrase)
        elif phrase is not None and dropped is not None:
            dropped.append(_dropped(doc, phrase))
    if dropped is not None:
        dropped.extend(_named_numbers(doc, blocked))
        dropped.sort(key=lambda d: d.start)
    readings.sort(key=lambda r: r.start)
    text = doc_text(doc)
    readings = merge_bounds(join_conversions(drop_restatements(readings, text), text), text)
    link_levels(readings, text)
    return readings


def _read(
    doc: Doc,
    start: int,
    end: int,
    rules: tuple[Rule, ...],
    blocked: dict[int, Rule],
    taken: set[int],
) -> FigureReading | Phrase | None:
    """Grow a seed into a whole figure phrase and read it: the reading, or the phrase a
    rule of the names stage dropped (``None`` when there was no number to read)."""
    trimmed = trim_seed(doc, start, end)
    if trimmed is None:
        return None
    phrase = read_opening(doc, *trimmed, blocked)
    phrase.trail[:0] = [rule.step() for rule in rules]
    # "1.5mm", "37m (121ft)": a glued "m" that is a length, never the scale million.
    length_at = next(
        (
            i
            for i in range(phrase.number_start + 1, min(phrase.end + 1, len(doc)))
            if length_unit_at(doc, i, phrase.currency)
        ),
        None,
    )
    if length_at is None:
        take_trailing_scales(doc, phrase, blocked)
    else:
        phrase.end = length_at
    phone = PHONE_AHEAD.match(doc_text(doc), doc[phrase.number_start].idx)
    if phone:  # never a figure; swallow every piece of it
        # Tokens run in text order: those starting inside the match are the ones up to
        # the first that starts past it (no walk to the document's end).
        last = phrase.number_start
        while last + 1 < len(doc) and doc[last + 1].idx < phone.end():
            last += 1
        taken.update(range(phrase.number_start, last + 1))
        phrase.note(PHONE_NUMBER, phone.group())
        phrase.end = last + 1
        return phrase
    phrase.core_end = phrase.low_end = phrase.end
    find_range(doc, phrase, blocked)

    # Units and currencies written after the number.
    measure = measure_after(doc, phrase.end, phrase.currency, is_range=phrase.is_range)
    if measure.rule is not None:
        phrase.note(measure.rule, doc[phrase.end : measure.end].text)
    phrase.end, phrase.currency = measure.end, measure.currency
    phrase.unit, phrase.percent = measure.unit, measure.percent
    phrase.scale_after = phrase.scale_after or measure.scale
    if length_at is not None and phrase.end == length_at and not phrase.is_range:
        phrase.unit, phrase.end = bare(doc[length_at]).lower(), length_at + 1
        phrase.note(units.METRES, doc[phrase.number_start : phrase.end].text)
    cents = cents_after(doc, phrase.end) if phrase.currency and not phrase.is_range else None
    if cents is not None:
        phrase.end = cents[1]  # "13 dollars and 45 cents" is 13.45
        phrase.note(CENTS)
    if any(t.lower_ in ("%", "percent", "pct") for t in doc[phrase.number_start : phrase.end]):
        phrase.percent, phrase.unit = True, phrase.unit or "%"

    if not read_value(doc, phrase):
        return None
    if cents is not None and phrase.value is not None:
        phrase.value += cents[0] / 100
    if not settle_value(doc, phrase, taken):
        return phrase

    # Only the number itself must be free: a currency code or unit word next to
    # it may carry a stray entity label ("EUR" as ORG, "Euros" as PRODUCT).
    qualifier = phrase.qualifier
    named = next(
        (blocked[i] for i in range(phrase.number_start, phrase.core_end) if i in blocked), None
    )
    veto = named or exclusion(
        doc,
        phrase.number_start,
        phrase.end,
        amount=phrase.currency is not None or (qualifier is not None and qualifier != "about"),
    )
    if veto is not None:
        phrase.note(veto, doc[phrase.number_start : phrase.core_end].text)
        return phrase
    read_unit_and_counted(doc, phrase)
    find_range_with_units(doc, phrase, blocked)
    settle_qualifier(doc, phrase)
    taken.update(range(phrase.phrase_start, phrase.end))
    return _reading(doc, phrase)


def _dropped(doc: Doc, phrase: Phrase) -> Dropped:
    """A phrase a rule dropped, as its number's words and the trail that dropped it."""
    end = max(phrase.core_end, phrase.number_start + 1, min(phrase.end, len(doc)))
    span = doc[phrase.number_start : end]
    return Dropped(span.start_char, span.end_char, span.text, phrase.trail)


def _named_numbers(doc: Doc, blocked: dict[int, Rule]) -> list[Dropped]:
    """The numbers inside names and dates the tagger marks, each as dropped by its rule."""
    return [
        Dropped(token.idx, token.idx + len(token.text), token.text, [rule.step(token.text)])
        for i, rule in blocked.items()
        if (token := doc[i]).like_num or has_digits(token)
    ]


def _reading(doc: Doc, phrase: Phrase) -> FigureReading:
    """The finished figure: bounds from its qualifier, its kind and its sentence."""
    value, unit, currency = phrase.value, phrase.unit, phrase.currency
    if phrase.is_range:
        low, high, qualifier = value, phrase.high_value, "range"
    elif phrase.vague is not None:
        low, high, qualifier = phrase.vague, None, phrase.qualifier or "at_least"
    else:
        qualifier = phrase.qualifier or "exact"
        low, high = _bounds(qualifier, value)
    if currency is not None:
        kind = "money"
        unit = unit or currency
    elif phrase.percent:
        kind = "percent"
    elif unit is not None and unit != "points":
        kind = "quantity"
    elif phrase.vague is not None or (
        phrase.counted is not None and value is not None and value >= 1
    ):
        kind = "count"  # "nearly half of the victims" is a share, not a count
    else:
        kind = "number"
    sent = sentence_of(doc, phrase.number_start)  # (by bisection: Token.sent walks it)
    start_char = doc[phrase.phrase_start].idx
    end_char = doc[phrase.end - 1].idx + len(bare(doc[phrase.end - 1]))
    return FigureReading(
        start=start_char,
        end=end_char,
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        change=read_change(doc, phrase),
        unit=unit,
        counted=phrase.counted,
        sentence=(sent.start_char, sent.end_char),
        trail=phrase.trail,
        # "about 2,000-2,500 calories": the range keeps that the copy hedged it
        approximate=phrase.is_range and phrase.qualifier == "about",
    )


def _bounds(qualifier: str, value: float | None) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    return {
        "exact": (value, value),
        "at_least": (value, None),
        "more_than": (value, None),
        "at_most": (None, value),
        "less_than": (None, value),
    }.get(qualifier, (None, None))
