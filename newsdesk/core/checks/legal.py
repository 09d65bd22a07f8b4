"""Check 6: what a lawyer or the ethics code would stop.

- A named person under 18: an age the copy gives ("Maria Lopez, 12,",
  "12-year-old Maria Lopez") that belongs to a name in the story.
- A named suspect — arrested, detained, held, or called the suspect, the
  gunman — when no sentence naming them says "alleged", "accused" or
  "charged" (or "on suspicion of", "suspected of").
- Words to weigh (:mod:`newsdesk.core.checks.words`): the desk's list of words
  that prejudge or label people, wherever the copy uses them.
"""

from __future__ import annotations

import re

from newsdesk.core.checks.findings import Finding, quoted
from newsdesk.core.checks.numbers import is_age, stated
from newsdesk.core.checks.story import Story
from newsdesk.core.checks.words import WeighedWord, find_words
from newsdesk.core.sheet.model import Entity, Figure, Mention

ADULT = 18
_AGE_BEFORE = re.compile(r"\s*(?:,|\()\s*(?:aged\s+)?|\s+aged\s+")
_AGE_AFTER = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:boy|girl|son|daughter|pupil|student|schoolboy|schoolgirl|"
    r"teenager|teen|child|toddler|baby|player|footballer|gymnast|swimmer)\s*,?\s+)?"
)
# Who the copy makes a suspect: the verb or noun, then up to a few words, then the name.
_SUSPECT_BEFORE = re.compile(
    r"\b(?:arrested|arrest|detained|detain|held|holding|questioned|questioning|"
    r"apprehended|caught|seized|picked up|took into custody|taken into custody|"
    r"suspect|suspects|gunman|attacker|assailant|killer|robber|shooter|bomber|"
    r"perpetrator|hijacker|kidnapper|arsonist|burglar|thief|stabber|driver who|"
    r"named (?:him|her|the man|the woman|the suspect|the driver|the gunman) as|"
    r"identified (?:him|her|the man|the woman|the suspect|the driver|the gunman) as|"
    r"named locally as|identified as)\b[^.;:\"“”]{0,40}$",
    re.IGNORECASE,
)
_SUSPECT_AFTER = re.compile(
    r"^(?:,\s*\d{1,3},)?\s*(?:,\s*(?:a|the)\s+(?:\w+\s+){0,2}(?:suspect|gunman|attacker|"
    r"man suspected|woman suspected)|(?:was|were|has been|had been|is being|is)\s+"
    r"(?:arrested|detained|held|questioned|taken into custody|in custody|wanted))",
    re.IGNORECASE,
)
# Any word of the patterns above, for a quick look at a sentence first.
_CUES = re.compile(
    r"arrest|detain|held|hold|question|apprehend|caught|seiz|picked up|custody|suspect|"
    r"gunman|attacker|assailant|killer|robber|shooter|bomber|perpetrator|hijacker|kidnapper|"
    r"arsonist|burglar|thief|stabber|driver who|named|identified|wanted"
)
# Words that keep naming a suspect on the right side of the law.
_HEDGES = re.compile(
    r"\b(?:alleged|allegedly|allegation|allegations|accused|accuses|accusing|charged|"
    r"charges?|charging|on suspicion of|suspected of|indicted|denies|denied)\b",
    re.IGNORECASE,
)
# Titles of the people who arrest, prosecute, defend or speak — never the suspect.
_OFFICIALS = re.compile(
    r"\b(?:police|officer|detective|inspector|sergeant|sgt|chief|superintendent|"
    r"commissioner|sheriff|prosecutor|attorney|lawyer|judge|spokesman|spokeswoman|"
    r"spokesperson|minister|mayor|governor|president|constable|agent|director|"
    r"head|colonel|general|captain|commander|victim|witness)\.?\s*$",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|added|according)\b|\b(?:said|says|told|according to)\s*$",
    re.IGNORECASE,
)
_CONVICTED = re.compile(
    r"\b(?:convicted|sentenced|jailed for|found guilty|pleaded guilty|imprisoned)\b",
    re.IGNORECASE,
)


def check_minors(story: Story) -> list[Finding]:
    """People the copy names and gives an age under 18."""
    findings: list[Finding] = []
    for figure in story.figures:
        value = stated(figure)
        if value is None or value >= ADULT or not (is_age(figure) or _bare_age(story, figure)):
            continue
        found = _person_of_age(story, figure)
        if found is None:
            continue
        person, mention = found
        findings.append(
            Finding(
                "minor_named",
                f"{person.name} is {figure.text.replace('-year-old', '')} — a named minor. "
                "Check the law and the desk's policy before naming a child.",
                ((mention.start, mention.end), (figure.start, figure.end)),
                (person.id, figure.id),
                key_words=(person.name.lower(), figure.text.lower()),
            )
        )
    return findings


def _bare_age(story: Story, figure: Figure) -> bool:
    """A bare whole number straight after a name: "Chen Wei (15)", "Chen Wei, 15,"."""
    if figure.kind != "number" or figure.unit or figure.counted or figure.value is None:
        return False
    if not float(figure.value).is_integer():
        return False
    after = story.text[figure.end : figure.end + 1]
    before = story.text[max(0, figure.start - 2) : figure.start]
    bracketed = before.endswith("(") and after == ")"
    commas = before == ", " and after in (",", ")")
    return (bracketed or commas) and story.person_at(figure.start - 4, figure.start - 1) is not None


def _person_of_age(story: Story, age: Figure) -> tuple[Entity, Mention] | None:
    text = story.text
    for person in story.people:
        names = {person.name.lower(), *(m.text.lower() for m in person.mentions)}
        counted = (age.counted or "").lower()
        for mention in person.mentions:
            if counted and counted in names and abs(mention.start - age.start) < 80:
                return person, mention
            between_before = text[mention.end : age.start]
            if 0 <= age.start - mention.end <= 12 and _AGE_BEFORE.fullmatch(between_before):
                return person, mention
            between_after = text[age.end : mention.start]
            if 0 <= mention.start - age.end <= 30 and _AGE_AFTER.fullmatch(between_after):
                return person, mention
    return None


def check_suspects(story: Story) -> list[Finding]:
    """People the copy names as suspects without "alleged", "accused" or "charged"."""
    findings: list[Finding] = []
    cued: dict[int, bool] = {}  # by sentence: does it hold a telling word at all?
    for person in story.people:
        # Most sentences name nobody as a suspect: only those with a telling word are read.
        mentions = []
        for mention in person.mentions:
            sentence = story.sentence_of(mention.start)
            if sentence.start not in cued:
                cued[sentence.start] = bool(_CUES.search(sentence.lower))
            if cued[sentence.start]:
                mentions.append(mention)
        suspect_at = next((m for m in mentions if _named_as_suspect(story, m)), None)
        if suspect_at is None:
            continue
        sentences = {story.sentence_of(m.start) for m in person.mentions}
        if any(_HEDGES.search(s.lower) or _CONVICTED.search(s.lower) for s in sentences):
            continue
        findings.append(
            Finding(
                "suspect_named",
                f"{person.name} is named as a suspect without “alleged”, “accused” or "
                "“charged” — say what they are suspected of, on whose word.",
                ((suspect_at.start, suspect_at.end),),
                (person.id,),
                key_words=(person.name.lower(),),
            )
        )
    return findings


def _named_as_suspect(story: Story, mention: Mention) -> bool:
    text = story.text
    sentence = story.sentence_of(mention.start)
    before = text[sentence.start : mention.start]
    after = text[mention.end : sentence.end]
    if _OFFICIALS.search(before) or _SAID.search(before[-25:]) or _SAID.match(after):
        return False  # the officer, lawyer or speaker, not the suspect
    if story.in_quote(mention.start, mention.end):
        return False
    return bool(_SUSPECT_BEFORE.search(before) or _SUSPECT_AFTER.match(after))


def check_words(story: Story, words: tuple[WeighedWord, ...]) -> list[Finding]:
    """Every word of the desk's list the copy uses, one check per word."""
    uses: dict[str, list[tuple[int, int]]] = {}
    entries: dict[str, WeighedWord] = {}
    for entry, start, end in find_words(story.text, words):
        uses.setdefault(entry.key, []).append((start, end))
        entries[entry.key] = entry
    findings: list[Finding] = []
    for key, spans in uses.items():
        entry = entries[key]
        shown = quoted(story.text[spans[0][0] : spans[0][1]])
        times = f" ({len(spans)} times)" if len(spans) > 1 else ""
        advice = f": {entry.advice}" if entry.advice else ""
        findings.append(
            Finding(
                "prejudicial_word",
                f"{shown}{times} is on the desk's list of words to weigh{advice}.",
                tuple(spans),
                key_words=(entry.words,),
            )
        )
    return findings
