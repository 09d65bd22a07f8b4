"""The house register applied to a story: patterns around the NER, an alias table for grouping.

:class:`HouseRules` compiles a :class:`~newsdesk.core.sheet.register.HouseRegister`
for one pipeline, once per change of the register:

- before the NER, :meth:`HouseRules.preset` marks the register's names and
  aliases as entities with their labels and blocks the words that are no
  name ("Slideshow"), so the tagger reads the rest of the sentence around
  them (spaCy's NER keeps entities already set);
- after the parse, :meth:`HouseRules.settle` puts the register's words back
  where a span fix cut or relabelled them, and drops what is no name;
- grouping reads :meth:`HouseRules.aliases` and :meth:`HouseRules.labels`
  (an alias joins its name's fact; a register label is final);
- :meth:`HouseRules.note_for` says which entry decided a fact, for its detail.

Names match as written (case and all), as whole tokens.
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

    def preset(self, doc: Doc) -> Doc:
        """Mark the register's names on a tokenised ``doc`` before the NER reads it."""
        labelled, blocked = self._matches(doc)
        blocked = [
            b for b in blocked if not any(s.start < b.end and b.start < s.end for s in labelled)
        ]
        if labelled or blocked:
            doc.set_ents(labelled, blocked=blocked, default="missing")
        return doc

    def settle(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The name spans with the register's words as it has them and its rejections gone."""
        labelled, blocked = self._matches(doc)
        rejected = set(self._rejected)
        kept = [
            s
            for s in spans
            if s.text not in rejected
            and not any(b.start <= s.start and s.end <= b.end for b in blocked)
            and not any(r.start < s.end and s.start < r.end for r in labelled)
        ]
        return sorted([*kept, *labelled], key=lambda s: s.start)

    def aliases(self) -> dict[str, str]:
        """Alias words → the name they stand for (for grouping)."""
        return {words: entry.target for words, entry in self._aliases.items() if entry.target}

    def labels(self) -> dict[str, str]:
        """Name key → the register's label, final for grouping."""
        found = {name_key(words): e.label for words, e in self._names.items() if e.label}
        for entry in self._aliases.values():
            label = self._label_of(entry)
            if label and entry.target:
                found.setdefault(name_key(entry.target), label)
        return found

    def note_for(self, group: EntityGroup, text: str) -> RegisterNote | None:
        """The entry that decided this thing's fact: a name entry for its words, or an
        alias that joined it."""
        words = {text[s:e] for s, e in group.mentions} | {group.name}
        keys = {name_key(w) for w in words}
        for words_, entry in self._names.items():
            if words_ in words or name_key(words_) in keys:
                return RegisterNote.of(entry)
        for words_, entry in self._aliases.items():
            if words_ in words:
                return RegisterNote.of(entry)
        return None
