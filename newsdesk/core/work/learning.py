"""What the house register learns from an editor's correction of a name.

:func:`lessons` reads one correction's patch (the facts before and after) and
says which register entries it teaches:

- a label changed ("Pfizer": person → organisation): *Pfizer is an organisation*;
- two names merged ("ISIS" into "Islamic State"): *ISIS is another name for
  Islamic State*;
- a name added over words newsdesk missed: *those words are a name* of that label;
- a name moved onto other words ("Moon Jae" → "Moon Jae-in"): *Moon Jae-in is a person*;
- an extracted name deleted ("Slideshow"): *Slideshow is not a name*.

The register learns names, not words: what an editor marked in one story
but is no name elsewhere — a lone title ("President"), words that open in
lower case ("a stateless minority …"), a phrase with a comma, more than six
words — teaches nothing. Nor does a story's reading of a place the gazetteer
knows: "Canada" deleted, or made an organisation where it meant the team or
the government, is that story's word, not the desk's (that a town is a place
is learned); deleting a place only says the story does not need it; and an
acronym is no person. Facts of other kinds, notes, statuses and splits
teach nothing either. The entries
carry who made the correction, when, and the story it was made in; the
window's recorder keeps them (``gui/register``).
"""

from __future__ import annotations

from typing import Literal

from newsdesk.core.sheet.model import Entity
from newsdesk.core.sheet.register import RegisterEntry, Rule
from newsdesk.core.work.edits import now_iso
from newsdesk.core.work.patches import Patch

Correction = Literal["label", "merge", "added", "reanchored", "rejected"]


def lessons(
    correction: Correction,
    patch: Patch,
    *,
    editor: str = "",
    story: str | None = None,
    when: str | None = None,
) -> list[RegisterEntry]:
    """The register entries one correction of names teaches (see the module docstring)."""
    before = {i: p.fact for i, p in patch.before.items() if p and isinstance(p.fact, Entity)}
    after = {i: p.fact for i, p in patch.after.items() if p and isinstance(p.fact, Entity)}
    at = when or now_iso()

    def entry(
        rule: Rule, words: str, label: str | None, source: str, target: str | None = None
    ) -> RegisterEntry:
        return RegisterEntry(
            rule, words, label, target, source=source, added_by=editor, added_at=at, story=story
        )

    found: list[RegisterEntry] = []
    if correction == "label":
        for fact_id, now in after.items():
            was = before.get(fact_id)
            if was is not None and was.label != now.label:
                found.append(entry("name", now.name, now.label, "label"))
    elif correction == "merge":
        for fact_id, was in before.items():
            if fact_id in after:
                continue
            kept = next(iter(after.values()), None)
            if kept is None:
                continue
            for words in _words_of(was):
                if words.casefold() != kept.name.casefold():
                    found.append(entry("alias", words, kept.label, "merge", target=kept.name))
    elif correction == "added":
        made = after.get(patch.created or "")
        if made is not None:
            found.append(entry("name", made.name, made.label, "added"))
    elif correction == "reanchored":
        for fact_id, now in after.items():
            was = before.get(fact_id)
            old_words = {m.text for m in was.mentions} if was is not None else set()
            for mention in now.mentions:
                if mention.text not in old_words and mention.text.strip():
                    found.append(entry("name", mention.text, now.label, "added"))
    elif correction == "rejected":
        for fact_id, was in before.items():
            # A place is a name: deleting one says the story does not need it.
            kept_place = was.label in _PLACE_LABELS
            if fact_id not in after and was.origin != "added" and not kept_place:
                found += [entry("not_name", words, None, "rejected") for words in _words_of(was)]
    return _unique(
        [e for e in found if is_name_like(e.name) and not _unplaces(e) and not _acronym_person(e)]
    )


def _acronym_person(entry: RegisterEntry) -> bool:
    """Whether an entry would make an acronym a person ("US" in "US President …"): people
    do not go by acronyms in running text."""
    return entry.label == "PERSON" and entry.name.isupper() and " " not in entry.name


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _unplaces(entry: RegisterEntry) -> bool:
    """Whether an entry would make a known place no name, or no place."""
    if entry.label in _PLACE_LABELS:
        return False
    # Imported when a correction is read: the extraction package imports spaCy, which
    # the window leaves to the thread that loads the pipeline while it builds itself.
    from newsdesk.core.extract.gazetteer import gazetteer

    return gazetteer().is_place(entry.name)


def is_name_like(words: str) -> bool:
    """Whether words can stand for a name in any story (see the module docstring)."""
    parts = words.split()
    if not parts or len(parts) > 6 or (not parts[0][:1].isupper() and not parts[0][:1].isdigit()):
        return False
    if any(mark in words for mark in (",", ";", ":", "(", ")", "\n", '"', "“", "”")):
        return False
    from newsdesk.core.extract import lexicon  # see _unplaces

    return not (len(parts) == 1 and parts[0].lower().strip(".") in lexicon.TITLE_WORDS)


def _words_of(entity: Entity) -> list[str]:
    """The name and the distinct words of its mentions, without a leading "the"."""
    words = [entity.name]
    for mention in entity.mentions:
        text = " ".join(mention.text.split())
        if text[:4].lower() == "the ":
            text = text[4:]
        if text and text not in words and not text.isspace():
            words.append(text)
    return words


def _unique(entries: list[RegisterEntry]) -> list[RegisterEntry]:
    seen: set[tuple[str, str]] = set()
    result = []
    for entry in entries:
        if entry.key() not in seen:
            seen.add(entry.key())
            result.append(entry)
    return result
