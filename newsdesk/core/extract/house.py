"""The house register applied to a story: patterns around the NER, an alias table for grouping.

:class:`HouseRules` compiles a :class:`~newsdesk.core.sheet.register.HouseRegister`
for one pipeline, once per change of the register: its names, aliases and
rejected words become spaCy ``PhraseMatcher`` patterns, matched as written
(case and all) on the parsed story.

- :meth:`HouseRules.settle` reads the tagger's names with them: what is no
  name ("Slideshow") goes, a register name replaces what the tagger read over
  its words ("Pfizer" a person → an organisation; "Moon Jae" → "Moon Jae-in"),
  unless it is part of a longer name the tagger found ("Church" of "the Church
  of Scientology": setting the register's names before the NER split such
  names, so they are applied to its output);
- grouping reads :meth:`HouseRules.aliases` and :meth:`HouseRules.labels`
  (an alias joins its name's fact; a register label is final);
- :meth:`HouseRules.note_for` says which entry decided a fact, for its detail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsdesk.core.extract.groups import EntityGroup, name_key
from newsdesk.core.sheet.register import HouseRegister, RegisterEntry, RegisterNote

if TYPE_CHECKING:
    from spacy.language import Language


class HouseRules:
    """One register, compiled for one pipeline's tokenizer (see the module docstring)."""

    def __init__(self, register: HouseRegister, nlp: Language) -> None:
        self.register = register
        self._names = register.names()
        self._aliases = register.aliases()
        self._rejected = register.rejected()
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entries: dict[str, RegisterEntry] = {}
        for words, entry in (*self._names.items(), *self._aliases.items(), *self._rejected.items()):
            key = f"{entry.rule}:{words}"
            self._entries[key] = entry
            self._matcher.add(key, [nlp.make_doc(words)])
        # What grouping reads, worked out once per register, not once per story.
        self._by_key = {name_key(words): entry for words, entry in self._names.items()}
        self._alias_table = {w: e.target for w, e in self._aliases.items() if e.target}
        self._labels = {key: e.label for key, e in self._by_key.items() if e.label}
        for entry in self._aliases.values():
            label = self._label_of(entry)
            if label and entry.target:
                self._labels.setdefault(name_key(entry.target), label)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def _label_of(self, entry: RegisterEntry) -> str | None:
        if entry.rule == "name":
            return entry.label
        if entry.rule == "alias" and entry.target:
            target = self._names.get(entry.target)
            return entry.label or (target.label if target else None)
        return None

    def _matches(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """The register's names and aliases (labelled) and its rejected words, in ``doc``."""
        labelled, blocked = [], []
        for match_id, start, end in self._matcher(doc):
            entry = self._entries[doc.vocab.strings[match_id]]
            if entry.rule == "not_name":
                blocked.append(Span(doc, start, end))
                continue
            label = self._label_of(entry)
            if label:
                labelled.append(Span(doc, start, end, label=label))
        return filter_spans(labelled), filter_spans(blocked)

    def settle(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The tagger's name spans (fixed by the rules) read with the register.

        Words that are no name go, or are cut from the edge of a span that ran
        into them ("Slideshow Pfizer"). A register name replaces what the tagger
        read over its words, unless it is part of a longer name the tagger
        found ("Church" of "the Church of Scientology").
        """
        labelled, blocked = self._matches(doc)
        kept: list[Span] = []
        for span in spans:
            trimmed = _without(span, blocked)
            if trimmed is not None:
                kept.append(trimmed)
        for name in labelled:
            if any(
                s.start <= name.start and name.end <= s.end and len(s) > len(name) for s in kept
            ):
                continue
            kept = [s for s in kept if not (s.start < name.end and name.start < s.end)]
            kept.append(name)
        return sorted(kept, key=lambda s: s.start)

    def aliases(self) -> dict[str, str]:
        """Alias words → the name they stand for (for grouping)."""
        return dict(self._alias_table)

    def labels(self) -> dict[str, str]:
        """Name key → the register's label, final for grouping."""
        return dict(self._labels)

    def note_for(self, group: EntityGroup, text: str) -> RegisterNote | None:
        """The entry that decided this thing's fact: a name entry for its words, or an
        alias that joined it."""
        words = {text[s:e] for s, e in group.mentions} | {group.name}
        for key in sorted({name_key(w) for w in words}):
            if key in self._by_key:
                return RegisterNote.of(self._by_key[key])
        for word in sorted(words):
            if word in self._aliases:
                return RegisterNote.of(self._aliases[word])
        return None


def _without(span: Span, blocked: list[Span]) -> Span | None:
    """``span`` without words that are no name at its edges; ``None`` if nothing is left."""
    start, end = span.start, span.end
    changed = True
    while changed and start < end:
        changed = False
        for words in blocked:
            if words.start == start and words.end <= end:
                start, changed = words.end, True
            elif words.end == end and words.start >= start:
                end, changed = words.start, True
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_)
