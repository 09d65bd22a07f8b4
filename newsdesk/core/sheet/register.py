"""The house register: names the desk knows, learned from its editors' corrections.

An editor who corrects a name once — its label, two facts that are one, a
name newsdesk missed, words that are no name — should not have to again. Each
correction becomes a :class:`RegisterEntry`; every later story is read with
the entries in force (:class:`HouseRegister`), and a fact an entry decided
says so (:class:`RegisterNote`: "house register: Pfizer is an organisation,
added by Sam, 3 Dec").

Three rules:

- ``name``: these words are a name with this label ("Pfizer" is an
  organisation) — found wherever they stand, labelled so;
- ``alias``: these words are another name of a name ("ISIS" is Islamic State) —
  their mentions join its fact;
- ``not_name``: these words are no name ("Slideshow") — never a fact.

Entries are plain data: the storage layer keeps them versioned, the
extraction applies them, the window and the command line edit them. CSV is the
form a desk shares its list in (:func:`entries_to_csv`, :func:`entries_from_csv`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from newsdesk.core.sheet.labels import ENTITY_LABELS

Rule = Literal["name", "alias", "not_name"]
RULES: tuple[str, ...] = ("name", "alias", "not_name")

# How an entry came to be; shown with it.
SOURCES: tuple[str, ...] = (
    "label",  # an editor changed a name's label
    "merge",  # an editor merged two names
    "added",  # an editor added a name newsdesk missed
    "rejected",  # an editor deleted a name: not a name
    "typed",  # typed into the register (window or command line)
    "imported",  # read from a CSV file
)

# What editors call each label, in the register's sentences.
LABEL_WORDS: dict[str, str] = {
    "PERSON": "a person",
    "ORG": "an organisation",
    "GPE": "a place",
    "LOC": "a place",
    "FAC": "a place",
    "NORP": "a group",
    "EVENT": "an event",
    "PRODUCT": "a product",
    "WORK_OF_ART": "a work",
    "LAW": "a law",
    "LANGUAGE": "a language",
}

CSV_COLUMNS = ("rule", "name", "label", "target", "active", "note", "added_by", "added_at")


class RegisterError(ValueError):
    """An entry that cannot be: no words, an unknown rule or label, an alias of itself."""


@dataclass(frozen=True)
class RegisterEntry:
    """One thing the desk knows about a name (see the module docstring).

    ``id`` is ``None`` until the store keeps it; ``revision`` counts its
    versions there. ``target`` is the name an alias stands for; ``label`` the
    label of a name (and, optionally, of an alias's name).
    """

    rule: Rule
    name: str
    label: str | None = None
    target: str | None = None
    active: bool = True
    note: str = ""
    source: str = "typed"
    added_by: str = ""
    added_at: str = ""  # ISO 8601, UTC
    story: str | None = None  # the story it was learned from, if any
    id: int | None = None
    revision: int = 1

    def checked(self) -> RegisterEntry:
        """The entry with its words tidied, or :class:`RegisterError` saying what is wrong."""
        name = " ".join(self.name.split())
        target = " ".join(self.target.split()) if self.target else None
        label = self.label or None
        if not name:
            raise RegisterError("An entry needs the words of a name.")
        if self.rule not in RULES:
            raise RegisterError(f"“{self.rule}” is not a register rule (name, alias, not_name).")
        if label is not None and label not in ENTITY_LABELS:
            raise RegisterError(f"“{label}” is not a kind of name newsdesk knows.")
        if self.rule == "name" and label is None:
            raise RegisterError(f"Say what “{name}” is: a person, an organisation, a place…")
        if self.rule == "alias":
            if not target:
                raise RegisterError(f"Say which name “{name}” is another name of.")
            if target.casefold() == name.casefold():
                raise RegisterError(f"“{name}” cannot be another name of itself.")
        if self.rule == "not_name":
            label, target = None, None
        elif self.rule == "name":
            target = None
        return replace(self, name=name, target=target, label=label)

    def says(self) -> str:
        """The entry as a sentence: "Pfizer is an organisation"."""
        if self.rule == "name":
            return f"{self.name} is {LABEL_WORDS.get(self.label or '', 'a name')}"
        if self.rule == "alias":
            return f"{self.name} is another name for {self.target}"
        return f"{self.name} is not a name"

    def key(self) -> tuple[str, str]:
        """What makes two entries the same: the rule and the words, case and all."""
        return (self.rule, self.name)


@dataclass(frozen=True)
class RegisterNote:
    """Why a fact reads as it does: the register entry that decided it."""

    entry: int | None
    says: str
    by: str = ""
    at: str = ""  # ISO 8601

    def reason(self) -> str:
        """ "house register: Pfizer is an organisation, added by Sam, 3 Dec"."""
        parts = [f"house register: {self.says}"]
        if self.by:
            parts.append(f"added by {self.by}")
        day = short_day(self.at)
        if day:
            parts.append(day)
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {"entry": self.entry, "says": self.says, "by": self.by, "at": self.at}

    @classmethod
    def from_dict(cls, data: object) -> RegisterNote | None:
        if not isinstance(data, dict) or not isinstance(data.get("says"), str):
            return None
        entry = data.get("entry")
        return cls(
            entry if isinstance(entry, int) else None,
            data["says"],
            str(data.get("by") or ""),
            str(data.get("at") or ""),
        )

    @classmethod
    def of(cls, entry: RegisterEntry) -> RegisterNote:
        return cls(entry.id, entry.says(), entry.added_by, entry.added_at)


def short_day(iso: str) -> str:
    """ "3 Dec" for an ISO time (local reading of the day is the editor's concern)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    return f"{moment.day} {moment.strftime('%b')}"


class HouseRegister:
    """The entries in force, as extraction reads them. Immutable: a change makes a new one.

    ``stamp`` tells one state of the stored register from another, so a
    reader can see that it is out of date.
    """

    def __init__(self, entries: Iterable[RegisterEntry] = (), stamp: object = None) -> None:
        self.entries: tuple[RegisterEntry, ...] = tuple(entries)
        self.stamp = stamp
        active = [e for e in self.entries if e.active]
        # Newer entries win over older ones about the same words.
        active.sort(key=lambda e: (e.added_at, e.id or 0))
        self._names = {e.name: e for e in active if e.rule == "name"}
        self._aliases = {e.name: e for e in active if e.rule == "alias"}
        self._rejected = {e.name: e for e in active if e.rule == "not_name"}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[RegisterEntry]:
        return iter(self.entries)

    def __bool__(self) -> bool:
        return bool(self._names or self._aliases or self._rejected)

    def names(self) -> dict[str, RegisterEntry]:
        """Active ``name`` entries by their words."""
        return dict(self._names)

    def aliases(self) -> dict[str, RegisterEntry]:
        """Active ``alias`` entries by their words."""
        return dict(self._aliases)

    def rejected(self) -> dict[str, RegisterEntry]:
        """Active ``not_name`` entries by their words."""
        return dict(self._rejected)

    def find(self, words: str) -> RegisterEntry | None:
        """The active entry about exactly these words, if any (a name, an alias, a rejection)."""
        return self._names.get(words) or self._aliases.get(words) or self._rejected.get(words)


# -- CSV -------------------------------------------------------------------------------


def entries_to_csv(entries: Iterable[RegisterEntry]) -> str:
    """The entries as CSV with a header (:data:`CSV_COLUMNS`), for a desk to share."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow(
            [e.rule, e.name, e.label or "", e.target or "", "yes" if e.active else "no",
             e.note, e.added_by, e.added_at]
        )  # fmt: skip
    return out.getvalue()


def entries_from_csv(text: str) -> list[RegisterEntry]:
    """Entries read from CSV with a header naming at least ``rule`` and ``name``.

    Raises :class:`RegisterError` naming the line of the first bad row; nothing
    is read then.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = set(reader.fieldnames or ())
    if not {"rule", "name"} <= fields:
        raise RegisterError("The CSV needs a header with at least the columns rule and name.")
    entries = []
    for row in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in row.values()):
            continue
        active = (row.get("active") or "yes").strip().lower() not in ("no", "false", "0", "off")
        entry = RegisterEntry(
            rule=(row.get("rule") or "").strip(),  # type: ignore[arg-type]
            name=row.get("name") or "",
            label=(row.get("label") or "").strip() or None,
            target=(row.get("target") or "").strip() or None,
            active=active,
            note=(row.get("note") or "").strip(),
            source="imported",
            added_by=(row.get("added_by") or "").strip(),
            added_at=(row.get("added_at") or "").strip(),
        )
        try:
            entries.append(entry.checked())
        except RegisterError as problem:
            raise RegisterError(f"Line {line}: {problem}") from None
    return entries
