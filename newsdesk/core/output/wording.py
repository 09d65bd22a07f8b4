"""Facts in the editor's words: titles, values, sources, contexts, numbers, groups.

What a fact *says* once it is worded for a person: "≥ 25 air strikes", an ISO
date, "3 mentions", who says so, the short sentence around it, its tick box.
The window's facts tree, the printed sheet, the exports and the diff all word
facts here, so "≥ 25 air strikes" reads the same on screen and on paper. How a
whole sheet is laid out is :mod:`newsdesk.core.output.render`.
"""

from __future__ import annotations

from datetime import date

from newsdesk.core.article.sentences import sentence_at, words_start
from newsdesk.core.sheet.kinds import KINDS, group_of
from newsdesk.core.sheet.labels import GROUP_TITLES, GROUPS, entity_group
from newsdesk.core.sheet.model import DateFact, Entity, Fact, FactSheet, Figure, Quote

_QUALIFIER_SIGNS: dict[str, str] = {
    "exact": "",
    "about": "≈ ",
    "at_least": "≥ ",
    "more_than": "> ",
    "at_most": "≤ ",
    "less_than": "< ",
}
_CHANGE_SIGNS: dict[str, str] = {"up": "↑ ", "down": "↓ "}
# Fractions wire copy writes in words ("nearly half of the victims").
_FRACTIONS: dict[float, str] = {
    0.25: "a quarter of",
    1 / 3: "a third of",
    0.5: "half of",
    2 / 3: "two thirds of",
    0.75: "three quarters of",
}
_STATUS_BOXES: dict[str, str] = {
    "unverified": "☐",
    "verified": "☑",
    "disputed": "✗",
    "corrected": "✎",
}
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "exactly",
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
    "range": "between",
}
_CONTEXT_CHARS = 70  # characters kept either side of a figure in its printed sentence


def grouped_facts(sheet: FactSheet) -> dict[str, list[Fact]]:
    """Every fact of ``sheet`` by group key (all keys present), in text order."""
    groups: dict[str, list[Fact]] = {key: [] for key in GROUPS}
    for fact in sheet.facts():
        groups[group_of(fact)].append(fact)
    for items in groups.values():
        items.sort(key=lambda fact: fact.first_offset())
    return groups


def fact_heading(fact: Fact) -> str:
    """The fact as a list shows it: its title, a quote's in quotation marks."""
    return f"“{fact.title}”" if isinstance(fact, Quote) else fact.title


def note_text(fact: Fact) -> str:
    """The note as sheets print it: a re-check flag's sentence first, then the editor's note.

    ``"Changed from 12 to 25 — re-check. Police figure"``: the words printed and
    exported sheets showed when the flag was kept in the note itself.
    """
    if fact.recheck is None:
        return fact.note
    return f"{fact.recheck.line(fact.recheck_words())} {fact.note}".strip()


def fact_value(fact: Fact) -> str:
    """The normalised value: "≥ 25 air strikes", an ISO date, "3 mentions"."""
    if isinstance(fact, Figure):
        return figure_value(fact)
    if isinstance(fact, DateFact):
        return fact.value or ""
    if isinstance(fact, Entity):
        count = len(fact.mentions)
        return f"{count} mention" if count == 1 else f"{count} mentions"
    return ""  # a quote is its own value; who said it is its source


def fact_source(fact: Fact, sheet: FactSheet) -> str:
    """Who says so: a figure's attributed source or a quote's speaker."""
    if isinstance(fact, Figure):
        source = sheet.entity(fact.source)
        return source.name if source else ""
    if isinstance(fact, Quote):
        speaker = sheet.entity(fact.speaker)
        if speaker:
            return speaker.name
        return fact.speaker_mention.text if fact.speaker_mention else ""
    return ""


def source_display(fact: Fact, sheet: FactSheet) -> str:
    """Who says so, and how newsdesk knows: "he → John Kerry", "John Kerry (continues
    the quote above)", "speaker unknown".

    A speaker or source the editor chose is shown as it is; a figure with no
    source shows nothing (most figures are the reporter's own).
    """
    if not isinstance(fact, Figure | Quote):
        return ""
    who = fact_source(fact, sheet)
    field = "source" if isinstance(fact, Figure) else "speaker"
    if isinstance(fact, Figure) and not who:
        who = fact.source_text or ""
    if _chosen_by_editor(fact, field):
        return who
    basis = fact.source_basis if isinstance(fact, Figure) else fact.speaker_basis
    if isinstance(fact, Quote) and (basis == "none" or not who):
        return "speaker unknown" if not fact.speaker else who
    if not who:
        return ""
    if basis == "pronoun" and isinstance(fact, Quote) and fact.speaker_mention is not None:
        mention = fact.speaker_mention.text
        return f"{mention} → {who}" if mention.lower() != who.lower() else who
    if basis == "continuation":
        above = (
            "continues the quote above" if isinstance(fact, Quote) else "from the sentence before"
        )
        return f"{who} ({above})"
    if basis == "inferred":
        return f"{who} (inferred — check)"
    return who


def needs_first_check(fact: Fact) -> bool:
    """A speaker or source newsdesk inferred from the story around it, not read from words."""
    if isinstance(fact, Quote):
        return fact.speaker_basis == "inferred" and not _chosen_by_editor(fact, "speaker")
    if isinstance(fact, Figure):
        return fact.source_basis == "inferred" and not _chosen_by_editor(fact, "source")
    return False


def speaker_unknown(fact: Fact) -> bool:
    """A quote nobody is known to have said."""
    return (
        isinstance(fact, Quote)
        and fact.speaker is None
        and not _chosen_by_editor(fact, "speaker")
        and (fact.speaker_basis == "none" or fact.speaker_mention is None)
    )


def _chosen_by_editor(fact: Fact, field: str) -> bool:
    return fact.origin == "added" or field in (fact.extracted or {})


def story_date_line(sheet: FactSheet) -> str:
    """ "Dates relative to Fri 25 Sep 2015 — from the dateline", or what is missing."""
    basis = sheet.article.date_basis
    if basis is None:
        return ""
    try:
        when = date.fromisoformat(basis.date)
        day = f"{when:%a} {when.day} {when:%b %Y}"
    except ValueError:
        day = basis.date
    if basis.from_ == "today":
        return f"Dates relative to the day of analysis ({day}) — the copy gives no story date"
    where = {"dateline": "the dateline", "text": "the date line", "editor": "the editor"}
    return f"Dates relative to {day} — from {where[basis.from_]}"


def figure_value(figure: Figure, *, with_words: bool = True) -> str:
    """A figure's value with its hedge and what it counts.

    ``at least 25`` → "≥ 25 air strikes"; ``between 10 and 20`` → "10–20 houses";
    ``$1.2bn`` → "$1.2bn → 1,200,000,000 USD"; ``nearly half`` → "≈ half of victims".
    Unknown parts are left out rather than guessed. ``with_words=False`` leaves out
    the words of money (a list that shows them beside it: "↑ 1,200,000,000 USD").
    """
    change = _CHANGE_SIGNS.get(figure.change or "", "")
    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        amount = f"{format_number(figure.low)}–{format_number(figure.high)}"
        if figure.approximate:
            amount = _QUALIFIER_SIGNS["about"] + amount  # "about 2,000-2,500": ≈ 2,000–2,500
    else:
        number = figure.value
        sign = _QUALIFIER_SIGNS.get(figure.qualifier, "")
        if number is None:
            # "dozens", "thousands": no stated value, so shown as the copy says it, never
            # as the bound the reader keeps for sorting ("≥ 2,000" was a number invented).
            if figure.low is None and figure.high is None:
                return ""
            words = " ".join(figure.text.split()).lower()
            amount = words + (" of" if figure.counted and words.endswith("s") else "")
        else:
            fraction = _fraction_words(number) if figure.kind in ("count", "number") else None
            if fraction is not None and not figure.counted:
                fraction = fraction.removesuffix(" of")  # "fell by half": ↓ half
            amount = sign + (fraction or format_number(number))
    if figure.kind == "percent":
        unit = "%" if figure.unit in (None, "%") else f" {figure.unit}"
        worded = f"{change}{amount}{unit}"
    elif figure.kind == "money":
        currency = f" {figure.unit}" if figure.unit else ""
        stated = f"{figure.text} → " if with_words else ""
        worded = f"{stated}{change}{amount}{currency}"
    else:
        parts = [f"{change}{amount}", figure.unit or "", figure.counted or ""]
        worded = " ".join(part for part in parts if part)
    return worded + _level_and_equivalent(figure)


def _level_and_equivalent(figure: Figure) -> str:
    """ " (from 240)" for a level reached from an earlier one, " = $16.4 million" for a
    conversion in brackets; empty for a figure with neither."""
    extra = f" (from {format_number(figure.earlier)})" if figure.earlier is not None else ""
    if figure.equivalent is not None:
        extra += f" = {figure.equivalent.text}"
    return extra


def figure_why(figure: Figure) -> str:
    """Why the figure reads as it does, for an editor: what the rules behind it say
    ("hedge: 'at least' · counted: 'air strikes' · source: the Observatory (same
    sentence)"); empty for a figure the editor added or one read before newsdesk kept
    its reasons."""
    return " · ".join(figure.reasons())


def format_number(value: float) -> str:
    """``25.0`` → "25", ``1200000000`` → "1,200,000,000", ``3.5`` → "3.5"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _fraction_words(value: float) -> str | None:
    for fraction, words in _FRACTIONS.items():
        if abs(value - fraction) < 1e-9:
            return words
    return None


def figure_context(
    sheet: FactSheet, figure: Figure, reach: int = _CONTEXT_CHARS
) -> tuple[str, str, str]:
    """The figure's sentence around it, shortened: ``(before, figure text, after)``.

    Whole when it fits, else cut to about ``reach`` characters either side at
    a word boundary, with "…" where words were left out.
    """
    text = sheet.article.text
    start, end = figure.sentence or (figure.start, figure.end)
    start, end = min(start, figure.start), max(end, figure.end)
    start = min(words_start(text, start, figure.start), figure.start)  # not the dateline
    # Never across a paragraph: a headline is not part of the first sentence.
    before = text[start : figure.start].rsplit("\n", 1)[-1]
    after = text[figure.end : end].split("\n", 1)[0]
    if len(before) > reach:
        cut = before[-reach - 1 :]  # one more: a word starting right at the cut stays whole
        words = cut[cut.find(" ") + 1 :] if " " in cut else ""
        before = "…" + words.lstrip()
    if len(after) > reach:
        cut = after[: reach + 1]
        words = cut[: cut.rfind(" ")] if " " in cut else ""
        after = words.rstrip(" ,;:") + "…"
    return before.lstrip(), text[figure.start : figure.end], after.rstrip()


def status_box(status: str) -> str:
    """A tick box for the printed sheet: ☐ unverified, ☑ verified, ✗ disputed, ✎ corrected."""
    return _STATUS_BOXES.get(status, "☐")


def sheet_counts(sheet: FactSheet) -> str:
    """ "10 entities · 8 figures · 5 dates · 1 quote"."""

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return " · ".join(count(len(sheet.facts_of(k)), k.key, k.collection) for k in KINDS)


def plain_kind(entity: Entity) -> str:
    """What a name names, as the desk says it: People, Organisations, Places, Groups, Other."""
    return GROUP_TITLES[entity_group(entity.label)]


def checked_line(fact: Fact) -> str:
    """ "verified by Sam Desk" — who set the status; nothing while a fact is unverified.

    A merge or an added fact records who did it, but only a status is a check:
    an unverified fact is never printed as "checked by" anyone.
    """
    if fact.status == "unverified" or not fact.checked_by:
        return ""
    return f"{fact.status} by {fact.checked_by}"


_FOUND: dict[str, str] = {
    "named": "named with it",
    "pronoun": "read from a pronoun",
    "continuation": "carried from the sentence before",
    "inferred": "inferred from the story — check",
    "none": "",
}


def how_found(fact: Figure | Quote) -> str:
    """How newsdesk found a figure's source or a quote's speaker, in the desk's words."""
    field = "source" if isinstance(fact, Figure) else "speaker"
    if _chosen_by_editor(fact, field):
        return "set by the editor"
    basis = fact.source_basis if isinstance(fact, Figure) else fact.speaker_basis
    if isinstance(fact, Quote) and basis == "continuation":
        return "continues the quote before"
    return _FOUND.get(basis, "")


def hedge_words(figure: Figure) -> str:
    """A figure's hedge in the desk's words: "at least", "between", and "about, between"
    for a range with a hedge ("about 2,000-2,500 calories", the ``approximate`` flag)."""
    words = QUALIFIER_WORDS.get(figure.qualifier, figure.qualifier)
    if figure.approximate and figure.qualifier == "range":
        return f"{QUALIFIER_WORDS['about']}, {words}"
    return words


def figure_parts(figure: Figure) -> list[str]:
    """The parts of a figure the desk checks: hedge, what it counts, unit, change."""
    parts = []
    if figure.qualifier != "exact":
        parts.append(f"hedge: {hedge_words(figure)}")
    if figure.counted:
        parts.append(f"counts: {figure.counted}")
    if figure.unit and figure.kind not in ("money", "percent"):
        parts.append(f"unit: {figure.unit}")
    elif figure.kind == "money" and figure.unit:
        parts.append(f"currency: {figure.unit}")
    if figure.change:
        parts.append("change: up" if figure.change == "up" else "change: down")
    return parts


def fact_details(fact: Fact, sheet: FactSheet) -> list[str]:
    """The smaller print under a fact: hedge, counted noun, source or speaker, kind of name."""
    details: list[str] = []
    if isinstance(fact, Figure):
        if fact.qualifier != "exact":
            details.append(hedge_words(fact))
        if fact.counted:
            details.append(f"counts {fact.counted}")
        source = source_display(fact, sheet)
        details.append(f"source: {source}" if source else "source: not attributed")
    elif isinstance(fact, Quote):
        speaker = source_display(fact, sheet)
        details.append(speaker if speaker == "speaker unknown" else f"speaker: {speaker}")
    elif isinstance(fact, Entity):
        details.append(plain_kind(fact))
    checked = checked_line(fact)
    if checked:
        details.append(checked)
    return details


def fact_context(
    sheet: FactSheet, fact: Fact, reach: int = _CONTEXT_CHARS
) -> tuple[str, str, str] | None:
    """The short source sentence around a fact: ``(before, fact text, after)``.

    Figures use their sentence; entities their first mention; dates the
    sentence they sit in (read past abbreviations: "On Friday, U.S. officials
    said …" is one sentence). A quote is its own sentence, so it has none.
    """
    if isinstance(fact, Figure):
        return figure_context(sheet, fact, reach)
    if isinstance(fact, Quote):
        return None
    spans = [span for span in fact.spans() if span[1] > span[0]] or fact.spans()
    if not spans:
        return None
    start, end = min(spans)
    text = sheet.article.text
    if not 0 <= start <= end <= len(text):
        return None
    probe = Figure("", text[start:end], start, end, sentence=sentence_at(text, start, end))
    return figure_context(sheet, probe, reach)
