"""The house register: entries, their versions in a real SQLite file, how stories are read
with them, what corrections teach, and the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsdesk.cli import main
from newsdesk.core.extract import Extractor
from newsdesk.core.sheet.model import FactSheet
from newsdesk.core.sheet.register import (
    HouseRegister,
    RegisterEntry,
    RegisterError,
    RegisterNote,
    entries_from_csv,
    entries_to_csv,
)
from newsdesk.core.work import edits
from newsdesk.core.work.learning import lessons
from newsdesk.storage import Store

STORY = (
    "Vaccine maker reports results\n\n"
    "Slideshow\n\n"
    "LONDON (Reuters) - Pfizer said on Monday its vaccine worked in older people. "
    "Pfizer rose 3%. Ted Baker cut its forecast. ISIS fighters left the town, and "
    "Islamic State said it would fight on. Daesh did not say where its fighters went."
)


# -- entries --------------------------------------------------------------------------------


def test_an_entry_says_what_it_means_and_a_note_gives_the_reason() -> None:
    entry = RegisterEntry(
        "name", " Pfizer ", "ORG", added_by="Sam", added_at="2026-12-03T10:00:00+00:00", id=4
    ).checked()
    assert entry.name == "Pfizer" and entry.says() == "Pfizer is an organisation"
    assert (
        RegisterNote.of(entry).reason()
        == "house register: Pfizer is an organisation, added by Sam, 3 Dec"
    )
    assert RegisterEntry("alias", "ISIS", target="Islamic State").says() == (
        "ISIS is another name for Islamic State"
    )
    assert RegisterEntry("not_name", "Slideshow").says() == "Slideshow is not a name"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (RegisterEntry("name", "  "), "words"),
        (RegisterEntry("name", "Pfizer"), "Say what"),
        (RegisterEntry("name", "Pfizer", "COMPANY"), "not a kind of name"),
        (RegisterEntry("alias", "ISIS"), "which name"),
        (RegisterEntry("alias", "ISIS", target="isis"), "itself"),
        (RegisterEntry("maybe", "ISIS"), "not a register rule"),  # type: ignore[arg-type]
    ],
)
def test_an_entry_that_cannot_be_is_refused_with_a_reason(
    entry: RegisterEntry, message: str
) -> None:
    with pytest.raises(RegisterError, match=message):
        entry.checked()


def test_csv_round_trip_and_a_bad_line_names_its_number() -> None:
    entries = [
        RegisterEntry("name", "Pfizer", "ORG", note="a company, not a person", added_by="Sam"),
        RegisterEntry("alias", "ISIS", "ORG", target="Islamic State", active=False),
        RegisterEntry("not_name", "Slideshow"),
    ]
    back = entries_from_csv(entries_to_csv(entries))
    assert [(e.rule, e.name, e.label, e.target, e.active, e.note) for e in back] == [
        ("name", "Pfizer", "ORG", None, True, "a company, not a person"),
        ("alias", "ISIS", "ORG", "Islamic State", False, ""),
        ("not_name", "Slideshow", None, None, True, ""),
    ]
    assert all(e.source == "imported" for e in back)
    with pytest.raises(RegisterError, match="Line 3"):
        entries_from_csv("rule,name,label\nname,Pfizer,ORG\nname,Sapporo,TOWN\n")
    with pytest.raises(RegisterError, match="header"):
        entries_from_csv("Pfizer,ORG\n")


# -- the database --------------------------------------------------------------------------


def test_entries_are_versioned_switchable_and_deleted_without_losing_history(
    tmp_path: Path,
) -> None:
    db = tmp_path / "desk.db"
    with Store(db) as store:
        table = store.register
        pfizer = table.add(RegisterEntry("name", "Pfizer", "PERSON", source="label"), editor="Sam")
        assert (pfizer.revision, pfizer.added_by) == (1, "Sam")
        again = table.add(RegisterEntry("name", "Pfizer", "ORG"), editor="Ann")
        assert again.id == pfizer.id and again.revision == 2 and again.label == "ORG"
        assert again.added_by == "Sam"  # who added it first
        off = table.set_active(pfizer.id or 0, False, editor="Bo")
        assert not off.active and table.entries(active_only=True) == []
        stamp = table.stamp()
        table.remove(pfizer.id or 0, editor="Bo")
        assert table.entries() == [] and table.stamp() != stamp
        history = table.history(pfizer.id or 0)
        assert [(h["revision"], h["editor"], h["deleted"]) for h in history] == [
            (1, "Sam", 0),
            (2, "Ann", 0),
            (3, "Bo", 0),
            (4, "Bo", 1),
        ]
        with pytest.raises(LookupError):
            table.entry(pfizer.id or 0)
    # Nothing rewrites a version, not even another program.
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE register_entries SET name = 'Moderna'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM register_entries")
    conn.close()


def test_a_newer_word_about_the_same_words_switches_the_contrary_entry_off(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "desk.db") as store:
        table = store.register
        rejected = table.add(RegisterEntry("not_name", "Jordan"), editor="Sam")
        table.add(RegisterEntry("name", "Jordan", "GPE"), editor="Ann")
        register = table.load()
        assert register.names()["Jordan"].label == "GPE"
        assert "Jordan" not in register.rejected()
        assert not table.entry(rejected.id or 0).active


def test_the_register_survives_reopening_and_an_import_is_one_transaction(
    tmp_path: Path,
) -> None:
    db = tmp_path / "desk.db"
    with Store(db) as store:
        changed = store.register.add_all(
            entries_from_csv("rule,name,label,target\nname,Sapporo,GPE,\nalias,ISIL,,ISIS\n"),
            editor="Sam",
        )
        assert changed == 2
    with Store(db) as store:
        register = store.register.load()
        assert set(register.names()) == {"Sapporo"} and set(register.aliases()) == {"ISIL"}
        assert register.stamp == store.register.stamp()


# -- reading stories with it ---------------------------------------------------------------------


def test_without_a_register_the_story_reads_as_the_model_and_rules_say(
    extractor: Extractor,
) -> None:
    sheet = extractor.extract(STORY)
    assert all(e.register is None for e in sheet.entities)
    assert all("register" not in row for row in sheet.to_dict()["entities"])


def test_a_register_labels_rejects_and_joins_names_and_says_why(tmp_path: Path) -> None:
    register = HouseRegister(
        [
            RegisterEntry(
                "name", "Pfizer", "ORG", added_by="Sam", added_at="2026-12-03T09:00:00+00:00", id=1
            ),
            RegisterEntry("name", "Ted Baker", "ORG", id=2),
            RegisterEntry("not_name", "Slideshow", id=3),
            RegisterEntry("alias", "ISIS", target="Islamic State", id=4),
            RegisterEntry("alias", "Daesh", target="Islamic State", id=5),
            RegisterEntry("name", "Moderna", "ORG", active=False, id=6),
        ]
    )
    extractor = Extractor.load(register=register)
    sheet = extractor.extract(STORY)
    names = {e.name: e for e in sheet.entities}
    assert names["Pfizer"].label == "ORG" and len(names["Pfizer"].mentions) == 2
    assert names["Pfizer"].register is not None
    assert names["Pfizer"].register.reason() == (
        "house register: Pfizer is an organisation, added by Sam, 3 Dec"
    )
    assert names["Ted Baker"].label == "ORG"
    assert "Slideshow" not in names
    state = names["Islamic State"]
    assert {m.text for m in state.mentions} == {"ISIS", "Islamic State", "Daesh"}
    # The reason survives saving and loading the sheet.
    again = FactSheet.from_json(sheet.to_json())
    assert again.entity(names["Pfizer"].id) == names["Pfizer"]
    # A register switched to empty leaves the tagger's reading.
    extractor.set_register(HouseRegister())
    assert all(e.register is None for e in extractor.extract(STORY).entities)


def test_the_register_reads_a_long_story_in_pieces_and_a_batch_alike() -> None:
    register = HouseRegister([RegisterEntry("name", "Pfizer", "ORG", id=1)])
    extractor = Extractor.load(register=register)
    paragraph = "Pfizer said on Monday the trial would go on in 40 cities. " * 8
    text = "Trial goes on\n\n" + "\n\n".join([paragraph] * 12)
    sheet = extractor.extract(text)
    pfizer = [e for e in sheet.entities if e.name == "Pfizer"]
    assert len(pfizer) == 1 and pfizer[0].label == "ORG"
    assert len(pfizer[0].mentions) == 8 * 12
    [(_, batch)] = list(extractor.extract_many([("a", STORY)]))
    assert isinstance(batch, FactSheet)
    assert {e.name: e.label for e in batch.entities}["Pfizer"] == "ORG"


# -- what corrections teach -----------------------------------------------------------------


def _sheet(extractor: Extractor) -> FactSheet:
    return extractor.extract(
        "Retailer warns\n\nLONDON (Reuters) - Ted Baker said on Monday profit would fall. "
        "Islamic State said it would fight on. Separately, ISIS claimed an attack in Syria. "
        "Daesh was quiet. Pfizer rose 3%."
    )


def test_corrections_of_names_teach_the_register(extractor: Extractor) -> None:
    sheet = _sheet(extractor)
    ids = {e.name: e.id for e in sheet.entities}
    label = edits.set_fields(sheet, ids["Ted Baker"], {"label": "ORG"}, editor="Sam")
    [learned] = lessons("label", label, editor="Sam", story="vaccine", when="2026-12-03T09:00")
    assert (learned.rule, learned.name, learned.label, learned.source) == (
        "name",
        "Ted Baker",
        "ORG",
        "label",
    )
    assert (learned.added_by, learned.story) == ("Sam", "vaccine")

    merge = edits.merge_entities(sheet, ids["Islamic State"], ids["ISIS"], editor="Sam")
    [alias] = lessons("merge", merge, editor="Sam")
    assert (alias.rule, alias.name, alias.target) == ("alias", "ISIS", "Islamic State")

    text = sheet.article.text
    at = text.index("Daesh")
    added = edits.add_fact(sheet, "entity", at, at + 5, label="ORG", editor="Sam")
    [name] = lessons("added", added, editor="Sam")
    assert (name.rule, name.name, name.label) == ("name", "Daesh", "ORG")

    deleted = edits.delete_fact(sheet, ids["Ted Baker"])
    assert [e.says() for e in lessons("rejected", deleted)] == ["Ted Baker is not a name"]
    # An added fact deleted again teaches nothing: it was the editor's own.
    gone = edits.delete_fact(sheet, added.created or "")
    assert lessons("rejected", gone) == []
    # A status or a note is no lesson about names.
    status = edits.set_status(sheet, sheet.entities[0].id, "verified", editor="Sam")
    assert lessons("label", status) == []


# -- the command line ----------------------------------------------------------------------------


def test_the_command_line_lists_adds_switches_removes_imports_and_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "register", "add", "Pfizer", "--label", "organisation",
                 "--editor", "Sam"]) == 0  # fmt: skip
    assert main(["--db", db, "register", "add", "ISIS", "--alias-of", "Islamic State"]) == 0
    assert main(["--db", db, "register", "add", "Slideshow", "--not-name"]) == 0
    assert main(["--db", db, "register", "add", "Sapporo", "--label", "town"]) == 1
    capsys.readouterr()
    assert main(["--db", db, "register", "list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["says"] for r in rows] == [
        "Pfizer is an organisation",
        "ISIS is another name for Islamic State",
        "Slideshow is not a name",
    ]
    assert rows[0]["added_by"] == "Sam"
    assert main(["--db", db, "register", "off", str(rows[2]["id"])]) == 0
    assert main(["--db", db, "register", "remove", str(rows[1]["id"])]) == 0
    assert main(["--db", db, "register", "remove", "999"]) == 1
    capsys.readouterr()
    assert main(["--db", db, "register", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Pfizer is an organisation" in listed and "ISIS" not in listed
    assert "Slideshow" not in listed  # switched off: only with --all
    exported = tmp_path / "house.csv"
    assert main(["--db", db, "register", "export", str(exported)]) == 0
    other = str(tmp_path / "other.db")
    assert main(["--db", other, "register", "import", str(exported)]) == 0
    capsys.readouterr()
    assert main(["--db", other, "register", "list", "--all"]) == 0
    out = capsys.readouterr().out
    assert "Pfizer is an organisation" in out and "Slideshow is not a name  (off)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("rule,name\nmaybe,Pfizer\n", encoding="utf-8")
    assert main(["--db", other, "register", "import", str(bad)]) == 1


def test_extract_reads_with_the_register_of_an_existing_database_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "none.db"
    assert main(["--db", str(missing), "extract", str(story)]) == 0
    assert not missing.exists()  # extracting never makes a database
    capsys.readouterr()
    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "register", "add", "Ted Baker", "--label", "ORG"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "extract", str(story)]) == 0
    sheet = FactSheet.from_json(capsys.readouterr().out)
    baker = next(e for e in sheet.entities if e.name == "Ted Baker")
    assert baker.label == "ORG" and baker.register is not None
    assert main(["--db", db, "extract", "--no-register", str(story)]) == 0
    plain = FactSheet.from_json(capsys.readouterr().out)
    assert all(e.register is None for e in plain.entities)


def test_the_register_learns_names_not_one_storys_reading() -> None:
    from newsdesk.core.article.wire import split_article
    from newsdesk.core.sheet.model import Entity, Mention

    text = "President Obama met Canada's team, the US squad and Sapporo officials in May."

    def entity(entity_id: str, label: str, words: str) -> Entity:
        start = text.index(words)
        return Entity(entity_id, label, words, [Mention(start, start + len(words), words)])

    sheet = FactSheet(
        article=split_article(text),
        entities=[
            entity("e1", "PERSON", "President"),
            entity("e2", "GPE", "Canada"),
            entity("e3", "GPE", "US"),
            entity("e4", "ORG", "Sapporo"),
        ],
    )
    # A lone title deleted, a place deleted: nothing learned.
    assert lessons("rejected", edits.delete_fact(sheet, "e1")) == []
    assert lessons("rejected", edits.delete_fact(sheet, "e2")) == []
    # An acronym made a person, a known place made an organisation: nothing learned.
    assert lessons("label", edits.set_fields(sheet, "e3", {"label": "PERSON"})) == []
    sheet.entities.append(entity("e5", "GPE", "Canada"))
    assert lessons("label", edits.set_fields(sheet, "e5", {"label": "ORG"})) == []
    # A town made a place is learned.
    [town] = lessons("label", edits.set_fields(sheet, "e4", {"label": "GPE"}))
    assert town.says() == "Sapporo is a place"
