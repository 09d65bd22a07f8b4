"""The fact-sheet contract: what is saved is what comes back, in the documented JSON shape.

Sheets are built by hand with every kind of fact and every optional field both
set and empty, then sent through ``to_dict``/``from_dict`` and through JSON text.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from newsdesk.core.sheet.model import (
    SCHEMA,
    Article,
    DateBasis,
    DateFact,
    Entity,
    FactSheet,
    Figure,
    Mention,
    Quote,
    Recheck,
)

TEXT = (
    "BEIRUT, Sept 25 (Reuters) - Russian jets carried out at least 25 air strikes in Syria "
    "on Friday, killing about 1.5 million 😀 chickens, Rami Abdulrahman said. "
    '"The strikes hit two markets," he said.'
)


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def mention(part: str) -> Mention:
    return Mention(*span(part), part)


def make_sheet() -> FactSheet:
    """A sheet with every kind of fact, optional fields both filled and empty."""
    rami = mention("Rami Abdulrahman")
    quote_text = "The strikes hit two markets,"
    return FactSheet(
        id="sheet-1",
        article=Article(
            text=TEXT,
            headline="Russian jets strike Syria",
            source="Reuters",
            dateline="BEIRUT",
            published="2015-09-25",
        ),
        entities=[
            Entity(
                id="e1",
                label="GPE",
                name="Syria",
                mentions=[mention("Syria"), mention("BEIRUT")],
            ),
            Entity(
                id="e2",
                label="PERSON",
                name="Rami Abdulrahman",
                mentions=[rami],
                status="verified",
                origin="edited",
                note="Director of the Syrian Observatory",
            ),
        ],
        figures=[
            Figure(
                id="f1",
                text="at least 25",
                start=span("at least 25")[0],
                end=span("at least 25")[1],
                kind="count",
                value=25,
                low=25,
                high=None,
                qualifier="at_least",
                counted="air strikes",
                sentence=(span("Russian jets")[0], span("said.")[1]),
                source="e2",
            ),
            Figure(
                id="f2",
                text="about 1.5 million",
                start=span("about 1.5 million")[0],
                end=span("about 1.5 million")[1],
                kind="count",
                value=1_500_000.0,
                low=None,
                high=None,
                qualifier="about",
                change="down",
                unit=None,
                counted=None,
                sentence=None,
                source=None,
                status="disputed",
                origin="added",
                note="",
            ),
            Figure(
                id="f3", text="0.25", start=0, end=4, kind="number", value=0.25, low=0.25, high=0.25
            ),
        ],
        dates=[
            DateFact(id="d1", text="Friday", start=span("Friday")[0], end=span("Friday")[1]),
            DateFact(
                id="d2",
                text="Sept 25",
                start=span("Sept 25")[0],
                end=span("Sept 25")[1],
                value="2015-09-25",
                status="corrected",
                origin="edited",
                note="dateline",
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text=quote_text,
                start=span(quote_text)[0],
                end=span(quote_text)[1],
                speaker="e2",
                speaker_mention=rami,
                cue="said",
            ),
            Quote(id="q2", text="orphan", start=0, end=6),
        ],
    )


def test_the_sheet_offsets_point_at_their_text() -> None:
    """Guard for the fixture itself: offsets are into ``article.text`` (f3, q2 are stubs)."""
    sheet = make_sheet()
    for fact in [*sheet.figures[:2], *sheet.dates, *sheet.quotes[:1]]:
        assert TEXT[fact.start : fact.end] == fact.text
    for entity in sheet.entities:
        for m in entity.mentions:
            assert TEXT[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "round_trip",
    [
        pytest.param(lambda s: FactSheet.from_dict(s.to_dict()), id="dict"),
        pytest.param(lambda s: FactSheet.from_json(s.to_json()), id="json"),
        pytest.param(lambda s: FactSheet.from_json(s.to_json(indent=None)), id="compact-json"),
        pytest.param(
            lambda s: FactSheet.from_dict(json.loads(json.dumps(s.to_dict()))), id="ascii-json"
        ),
    ],
)
def test_a_sheet_survives_the_round_trip(round_trip: Any) -> None:
    sheet = make_sheet()
    restored = round_trip(sheet)
    assert restored == sheet
    assert restored.figures[0].sentence == sheet.figures[0].sentence
    assert isinstance(restored.figures[0].sentence, tuple)
    assert restored.figures[1].sentence is None
    assert restored.quotes[0].speaker_mention == mention("Rami Abdulrahman")
    assert restored.quotes[1].speaker_mention is None
    assert restored.dates[0].value is None
    assert restored.article.text == TEXT  # emoji and quotes intact
    assert restored.to_dict() == sheet.to_dict()


def test_an_empty_sheet_survives_the_round_trip() -> None:
    sheet = FactSheet(article=Article(text=""))
    assert FactSheet.from_json(sheet.to_json()) == sheet


def test_to_dict_has_the_documented_shape() -> None:
    data = make_sheet().to_dict()
    assert data["schema"] == SCHEMA == "newsdesk.factsheet/1"
    assert data["id"] == "sheet-1"
    assert data["article"] == {
        "text": TEXT,
        "headline": "Russian jets strike Syria",
        "source": "Reuters",
        "dateline": "BEIRUT",
        "published": "2015-09-25",
        "date_basis": None,
    }
    assert data["entities"][1]["mentions"] == [
        {"start": TEXT.index("Rami"), "end": TEXT.index("Rami") + 16, "text": "Rami Abdulrahman"}
    ]
    assert data["figures"][0]["sentence"] == [TEXT.index("Russian jets"), TEXT.index("said.") + 5]
    assert data["figures"][1]["sentence"] is None
    assert data["quotes"][0]["speaker_mention"]["text"] == "Rami Abdulrahman"
    assert data["quotes"][1]["speaker_mention"] is None


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (25, "25"),
        (25.0, "25"),
        (1_500_000.0, "1500000"),
        (0.0, "0"),
        (-5.0, "-5"),
        (0.25, "0.25"),
        (1.5, "1.5"),
        (None, "null"),
    ],
)
def test_whole_numbers_are_written_without_a_decimal_point(
    value: float | None, written: str
) -> None:
    figure = Figure(id="f", text="x", start=0, end=1, value=value, low=value, high=value)
    sheet = FactSheet(article=Article(text="x"), figures=[figure])
    text = sheet.to_json(indent=None)
    assert f'"value": {written},' in text
    assert f'"low": {written},' in text
    assert f'"high": {written},' in text


def test_to_json_writes_non_ascii_text_as_is() -> None:
    """Exports are read by people: "Montréal 😀", not "Montr\\u00e9al \\ud83d\\ude00"."""
    sheet = FactSheet(article=Article(text="Montréal 😀", headline="“Quoted”"))
    text = sheet.to_json()
    assert "Montréal 😀" in text
    assert "“Quoted”" in text


def with_extra_keys(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as a newer newsdesk might write it: extra keys at every level."""
    data = copy.deepcopy(data)
    data["exported_by"] = "newsdesk 9.0"
    data["article"]["language"] = "en"
    for group in ("entities", "figures", "dates", "quotes"):
        for row in data[group]:
            row["confidence"] = 0.9
    for entity in data["entities"]:
        for m in entity["mentions"]:
            m["sentence_index"] = 2
    data["quotes"][0]["speaker_mention"]["sentence_index"] = 3
    return data


def test_unknown_keys_in_a_newer_file_are_ignored() -> None:
    sheet = make_sheet()
    assert FactSheet.from_dict(with_extra_keys(sheet.to_dict())) == sheet


def test_unknown_keys_survive_json_text_too() -> None:
    sheet = make_sheet()
    text = json.dumps(with_extra_keys(json.loads(sheet.to_json())))
    assert FactSheet.from_json(text) == sheet


@pytest.mark.parametrize("schema", ["newsdesk.factsheet/2", "newsdesk.factsheet/0", "", None, 1])
def test_a_different_schema_is_refused(schema: object) -> None:
    data = make_sheet().to_dict()
    data["schema"] = schema
    with pytest.raises(ValueError, match="unsupported fact-sheet schema"):
        FactSheet.from_dict(data)


def test_a_dict_without_schema_is_read_as_the_current_one() -> None:
    data = make_sheet().to_dict()
    del data["schema"]
    assert FactSheet.from_dict(data) == make_sheet()


def test_missing_optional_fields_take_their_defaults() -> None:
    data = {
        "article": {"text": "Copy."},
        "entities": [{"id": "e1", "label": "ORG", "name": "UN"}],
        "figures": [{"id": "f1", "text": "5", "start": 0, "end": 1}],
        "dates": [{"id": "d1", "text": "today", "start": 0, "end": 5}],
        "quotes": [{"id": "q1", "text": "Hi", "start": 0, "end": 2}],
    }
    sheet = FactSheet.from_dict(data)
    assert sheet.id is None
    assert sheet.article == Article(text="Copy.")
    assert sheet.entities == [Entity(id="e1", label="ORG", name="UN")]
    assert sheet.figures == [Figure(id="f1", text="5", start=0, end=1)]
    assert sheet.figures[0].qualifier == "exact"
    assert sheet.figures[0].status == "unverified"
    assert sheet.dates == [DateFact(id="d1", text="today", start=0, end=5)]
    assert sheet.quotes == [Quote(id="q1", text="Hi", start=0, end=2)]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (Article(text="Copy."), Article(text="Copy."), True),
        (Article(text="Copy.", headline="A"), Article(text="Copy.", headline="B"), True),
        (Article(text="Copy.", source="AP"), Article(text="Copy.", published="2015-01-01"), True),
        (Article(text="Copy."), Article(text="Copy!"), False),
        (Article(text="Copy."), Article(text="Copy. "), False),
        (Article(text="café"), Article(text="cafe\u0301"), False),
        (Article(text="a\nb"), Article(text="a\r\nb"), False),
        (Article(text=""), Article(text=" "), False),
    ],
)
def test_text_hash_depends_on_the_text_only(first: Article, second: Article, same: bool) -> None:
    assert (first.text_hash == second.text_hash) is same


def test_text_hash_is_stable_across_runs() -> None:
    """Stored sheets are matched to their article by this hash, so it must never change."""
    assert Article(text="").text_hash == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert Article(text="😀").text_hash == Article(text="😀", headline="x").text_hash


def test_entity_lookup_and_fact_count() -> None:
    sheet = make_sheet()
    rami = sheet.entity("e2")
    assert rami is not None
    assert rami.name == "Rami Abdulrahman"
    assert sheet.entity("nope") is None
    assert sheet.entity(None) is None
    assert sheet.fact_count() == 2 + 3 + 2 + 2


# -- the re-check flag ------------------------------------------------------------------------


def test_every_fact_writes_its_recheck_flag() -> None:
    sheet = make_sheet()
    sheet.figures[0].recheck = Recheck("12")
    data = sheet.to_dict()
    assert data["figures"][0]["recheck"] == {"was": "12"}
    others = [row for group in ("entities", "figures", "dates", "quotes") for row in data[group]]
    others.remove(data["figures"][0])
    assert [row["recheck"] for row in others] == [None] * len(others)
    assert FactSheet.from_json(sheet.to_json()) == sheet


def test_an_older_sheet_reads_its_re_check_sentence_as_the_flag() -> None:
    """Saved versions from before the field keep their flag, and the editor's note."""
    data = make_sheet().to_dict()
    for group in ("entities", "figures", "dates", "quotes"):
        for row in data[group]:
            del row["recheck"]
    data["figures"][1]["text"] = "up to 300"
    data["figures"][1]["note"] = "Changed from up to 12 to up to 300 — re-check. Police figure"
    data["quotes"][0]["text"] = '"We will fight"'
    data["quotes"][0]["note"] = "Changed from “Go to them” to “We will fight” — re-check."

    sheet = FactSheet.from_dict(data)

    assert (sheet.figures[1].recheck, sheet.figures[1].note) == (
        Recheck("up to 12"),
        "Police figure",
    )
    assert (sheet.quotes[0].recheck, sheet.quotes[0].note) == (Recheck("“Go to them”"), "")
    assert sheet.figures[0].recheck is None


def test_a_note_typed_like_the_old_sentence_stays_a_note_in_a_newer_sheet() -> None:
    data = make_sheet().to_dict()
    data["figures"][0]["note"] = "Changed from 12 to 25 — re-check. Police figure"
    sheet = FactSheet.from_dict(data)
    assert sheet.figures[0].recheck is None
    assert sheet.figures[0].note == "Changed from 12 to 25 — re-check. Police figure"


def test_how_a_speaker_or_source_was_found_is_always_written_and_read_back() -> None:
    sheet = make_sheet()
    sheet.article.date_basis = DateBasis("2015-09-25", "dateline")
    sheet.quotes[0].speaker_basis = "pronoun"
    sheet.figures[0].source_text = "the Syrian Observatory for Human Rights"
    sheet.figures[0].source_basis = "named"
    data = sheet.to_dict()
    assert data["article"]["date_basis"] == {"date": "2015-09-25", "from": "dateline"}
    assert [q["speaker_basis"] for q in data["quotes"]] == ["pronoun", "none"]
    assert data["figures"][0]["source_text"] == "the Syrian Observatory for Human Rights"
    assert all("source_basis" in f and "source_text" in f for f in data["figures"])
    again = FactSheet.from_json(sheet.to_json())
    assert again.article.date_basis == DateBasis("2015-09-25", "dateline")
    assert again.quotes[0].speaker_basis == "pronoun"
    assert again.figures[0].source_basis == "named"


def test_sheets_saved_before_the_bases_existed_still_load() -> None:
    data = make_sheet().to_dict()
    del data["article"]["date_basis"]
    for row in [*data["quotes"], *data["figures"]]:
        row.pop("speaker_basis", None)
        row.pop("source_basis", None)
        row.pop("source_text", None)
    data["quotes"][1]["speaker_mention"] = {"start": 0, "end": 2, "text": "he"}
    sheet = FactSheet.from_dict(data)
    assert sheet.article.date_basis is None
    assert [q.speaker_basis for q in sheet.quotes] == ["named", "pronoun"]
    assert sheet.figures[0].source_basis == ("named" if sheet.figures[0].source else "none")
    assert sheet.figures[0].source_text is None
    # An unreadable basis is no basis, not an error.
    data["article"]["date_basis"] = {"date": "2015-09-25", "from": "the moon"}
    assert FactSheet.from_dict(data).article.date_basis is None
