"""Checks 4 and 5: who says so, and counted from when.

- Figures of kinds a desk wants sourced — the dead, wounded and missing,
  money, percentages and polls — with no source in the copy (headline and
  standfirst figures are held against the body instead; a figure inside a
  quote is the speaker's; market prices are their own record).
- Quotes with no speaker, or only one newsdesk inferred from the story around them.
- Relative dates ("on Friday", "last week") when the copy gives no story date
  to count them from.
"""

from __future__ import annotations

import re

from newsdesk.core.checks.findings import Finding, quoted
from newsdesk.core.checks.story import CASUALTIES, Story
from newsdesk.core.sheet.model import Figure

_MARKETS = re.compile(
    r"\b(?:shares?|stocks?|index|indices|traded|trading|futures|bonds?|yields?|"
    r"currency|exchange rate|dollar|euro|yen|sterling|crude|brent|gold)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|"
    r"yesterday|tomorrow|ago|last|next|this|earlier|later|coming|past)\b",
    re.IGNORECASE,
)
# An attribution in the figure's own sentence, whether or not extraction tied it to the figure.
_SAYS = re.compile(
    r"\b(?:said|says|told|according to|reported|reports|estimated|estimates|announced|"
    r"put the (?:toll|figure|number|total|cost) at|puts the (?:toll|figure|number|total|cost) at|"
    r"in a statement|statement said|figures (?:from|released by)|data (?:from|released by)|"
    r"showed|shows|found)\b",
    re.IGNORECASE,
)
# Who acts is who knows: "Police arrested 35 people", "The union wants 6 percent".
_ACTORS = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:police|army|military|troops|soldiers|navy|coast ?guard|ministry|government|agency|"
    r"department|office|council|court|tribunal|commission|union|company|firm|bank|hospital|"
    r"hospitals|authorities|officials|rescuers|firefighters|organisers|organizers|board|"
    r"committee|parliament|lawmakers|regulator|airline|operator|club|school|university|"
    r"budget|plan|bill|report|survey|study|census)\s+"
    r"(?:also\s+|now\s+|still\s+)?(?:has\s+|have\s+|had\s+|will\s+|would\s+)?"
    r"(?:offered|offers|offer|wants|want|demanded|demands|proposed|proposes|asked for|asks for|"
    r"sought|seeks|pledged|pledges|promised|promises|plans|planned|approved|approves|"
    r"unveiled|unveils|announced|announces|introduced|introduces|includes|included|"
    r"earmarked|allocated|forecast|forecasts|predicted|predicts|expects|expected|"
    r"treated|treats|arrested|arrests|detained|rescued|rescues|evacuated|recorded|records|"
    r"counted|registered|set|sets|raised|raises|cut|cuts|kept|keeps|paid|pays|charged|fined)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "him", "her", "them"})
_MIN_QUOTE_WORDS = 4  # shorter quoted words are mostly terms in quotation marks


def check_sources(story: Story) -> list[Finding]:
    """Casualty, money and percentage figures the copy attributes to nobody."""
    findings: list[Finding] = []
    said: dict[int, bool] = {}
    attributed_sentences = {
        story.sentence_of(f.start).start for f in story.figures if story.attributed(f)
    }
    for figure in story.figures:
        if story.in_top(figure.start) or story.attributed(figure):
            continue
        sentence = story.sentence_of(figure.start)
        if sentence.start in attributed_sentences:
            continue  # the sentence's attribution covers every figure in it
        why = _why_sourced(story, figure)
        if why is None or _sourced_in_sentence(story, figure, said):
            continue
        findings.append(
            Finding(
                "unsourced_figure",
                f"No source for {quoted(figure.text)}: {why}.",
                ((figure.start, figure.end),),
                (figure.id,),
            )
        )
    return findings


def _why_sourced(story: Story, figure: Figure) -> str | None:
    """Why the figure needs a source (``None``: it is not a kind that does)."""
    if figure.kind in ("money", "percent"):
        if _MARKETS.search(story.sentence_of(figure.start).lower):
            return None  # market prices are their own record
        return (
            "money figures need one"
            if figure.kind == "money"
            else ("percentages and polls need one")
        )
    if figure.kind in ("count", "number") and story.measure(figure) in CASUALTIES:
        return "casualty figures need one"
    return None


def _sourced_in_sentence(story: Story, figure: Figure, said: dict[int, bool]) -> bool:
    """The figure's sentence says who gives it, outside any quotation (``said``: by sentence)."""
    sentence = story.sentence_of(figure.start)
    if sentence.start not in said:
        said[sentence.start] = _says(story, sentence.start, sentence.end)
    if said[sentence.start]:
        return True
    lead = story.text[max(sentence.start, story.body_start(sentence)) : figure.start]
    return bool(_ACTORS.search(lead.strip()))


def _says(story: Story, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has an attribution outside the quotations in it."""
    text = story.text
    words = text[start:end]
    for a, b in story.quote_spans:  # a say verb inside a quote attributes nothing
        if start <= a and b <= end:
            words = words.replace(text[a:b], " ")
    return bool(_SAYS.search(words))


def check_quotes(story: Story) -> list[Finding]:
    """Quotes nobody is named as saying, and speakers only inferred."""
    findings: list[Finding] = []
    for quote in story.quotes:
        chosen = quote.origin == "added" or "speaker" in (quote.extracted or {})
        if chosen or len(quote.text.split()) < _MIN_QUOTE_WORDS:
            continue
        if quote.speaker is None and _named_in_sentence(story, quote.start, quote.end):
            continue  # "X called it “a day of joy”": a partial quote of a name in its sentence
        shown = quoted(quote.text, 50)
        mention = quote.speaker_mention.text if quote.speaker_mention else ""
        if quote.speaker is None and quote.speaker_basis in ("none", "pronoun"):
            if mention.lower() in _PRONOUNS:
                message = f"Who said {shown}? The copy only says “{mention}”."
            elif mention:
                continue  # a speaker named in words that are not a name in the list
            else:
                message = f"No speaker for {shown}."
            findings.append(
                Finding("quote_speaker", message, ((quote.start, quote.end),), (quote.id,))
            )
        elif quote.speaker_basis == "pronoun" and not _a_person(story, quote.speaker):
            findings.append(
                Finding(
                    "quote_speaker",
                    f"Who said {shown}? The copy only says “{mention or 'he'}”.",
                    ((quote.start, quote.end),),
                    (quote.id,),
                )
            )
        elif quote.speaker_basis == "inferred":
            speaker = story.sheet.entity(quote.speaker)
            who = speaker.name if speaker is not None else mention
            findings.append(
                Finding(
                    "quote_speaker",
                    f"The speaker of {shown} is inferred as {who} — confirm who said it.",
                    ((quote.start, quote.end),),
                    (quote.id,),
                    severity="low",
                )
            )
    return findings


def _named_in_sentence(story: Story, start: int, end: int) -> bool:
    """A person named in the quote's sentence, outside the quote."""
    sentence = story.sentence_of(start, end)
    return any(
        sentence.start <= m.start < sentence.end and not (start <= m.start < end)
        for person in story.people
        for m in person.mentions
    )


def _a_person(story: Story, entity_id: str | None) -> bool:
    """Whether ``entity_id`` names a person ("he" read as a club or a town is not a speaker)."""
    entity = story.sheet.entity(entity_id)
    return entity is not None and entity.label == "PERSON"


def check_story_date(story: Story) -> list[Finding]:
    """Relative dates counted from the day of analysis, since the copy gives no story date."""
    basis = story.sheet.article.date_basis
    if basis is not None and basis.from_ != "today":
        return []
    relative = [
        d
        for d in story.dates
        if _RELATIVE.search(d.text) and d.origin != "added" and "value" not in (d.extracted or {})
    ]
    if not relative:
        return []
    named = ", ".join(quoted(d.text) for d in relative[:3]) + (" …" if len(relative) > 3 else "")
    verb = "is" if len(relative) == 1 else "are"
    return [
        Finding(
            "relative_date",
            f"The copy gives no story date, so {named} {verb} counted from the day of analysis: "
            "set the story date.",
            tuple((d.start, d.end) for d in relative),
            tuple(d.id for d in relative),
            key_words=("story date",),
        )
    ]
