"""The fact-sheet schema: what an imported file, a draft or a stored version must be.

Every refusal is a :class:`SheetError` whose message names the field and never
quotes the article; a sheet that breaks the contract is never stored.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from newsdesk.core.article.reading import read_sheet_file
from newsdesk.core.sheet.model import DateBasis, Figure
from newsdesk.core.sheet.schema import MAX_FACTS, json_schema, parse_sheet, sheet_json
from newsdesk.errors import InputError, SheetError
from newsdesk.storage import Store
from tests.test_render import make_sheet

SECRET = "UNPUBLISHED-COPY"


def sheet_dict() -> dict[str, Any]:
    data = make_sheet().to_dict()
    data["article"]["text"] += f" {SECRET}"
    return data


def broken(change: str) -> str:
    """The sample sheet as JSON with one thing broken (``change`` is Python on ``data``)."""
    data = sheet_dict()
    exec(change, {"data": data, "math": math})
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "not a fact sheet"),
        ("null", "not a fact sheet"),
        ("{", "not JSON"),
        ('{"article": {"text": "x"}, "deep": ' + "[" * 3000 + "]" * 3000 + "}", "not JSON"),
        (broken("del data['article']"), "article: field required"),
        (broken("data['figures'][0]['start'] = '5'"), "figures[0].start: input should be"),
        (broken("data['figures'][0]['start'] = -1"), "figures[0].start: input should be greater"),
        (broken("data['figures'][0]['end'] = 10**6"), "figures[0].end: 1000000 is past the end"),
        (broken("data['figures'][0]['start'] = data['figures'][0]['end'] + 1"), "is after its end"),
        (broken("data['figures'][0]['value'] = math.nan"), "figures[0].value: input should be a"),
        (broken("data['figures'][0]['value'] = 10**400"), "figures[0].value: input should be a"),
        (broken("data['figures'][0]['status'] = 'approved'"), "figures[0].status: input should"),
        (broken("data['entities'][0]['status'] = 1"), "entities[0].status"),
        (broken("data['figures'][0]['source'] = 'e99'"), "'e99' is not an entity of this sheet"),
        (broken("data['quotes'][0]['speaker'] = 'f1'"), "'f1' is not an entity of this sheet"),
        (broken("data['dates'][0]['id'] = 'f1'"), "dates[0].id: 'f1' is the id of another fact"),
        (broken("data['entities'][0]['mentions'][0]['end'] = 10**6"), "mentions[0].end"),
        (broken("data['figures'][0]['sentence'] = [0, 10**6]"), "figures[0].sentence.end"),
        (broken("data['figures'][0]['qualifier'] = None"), "figures[0].qualifier"),
        (broken("data['figures'] = {}"), "figures: input should be a valid array"),
        (broken("data['article']['text'] = 'x' * 1_000_001"), "article.text: string should have"),
        (broken("data['figures'] = data['figures'] * 20_001"), "figures: list should have at most"),
        (broken("data['schema'] = 'newsdesk.factsheet/2'"), "schema: input should be"),
    ],
)
def test_a_sheet_that_breaks_the_contract_is_refused_by_field(text: str, message: str) -> None:
    with pytest.raises(SheetError) as refused:
        parse_sheet(text)

    assert message in str(refused.value)
    assert SECRET not in str(refused.value)


def test_numbers_that_are_not_finite_are_refused_however_written() -> None:
    for literal in ("NaN", "Infinity", "-Infinity", "1e999"):
        text = broken("data['figures'][0]['value'] = 0")
        text = text.replace('"value": 0', f'"value": {literal}')
        with pytest.raises(SheetError):
            parse_sheet(text)


def test_a_valid_sheet_reads_back_exactly_and_newer_keys_load() -> None:
    sheet = make_sheet()
    data = sheet.to_dict()
    data["regions"] = [{"id": "r1", "name": "north"}]  # a field a newer newsdesk may add
    data["article"]["date_basis"] = {"date": "2015-09-25", "from": "dateline"}
    data["figures"][0]["source_basis"] = "named"
    data["figures"][0]["source_text"] = "the monitor"
    data["quotes"][0]["speaker_basis"] = "pronoun"

    assert parse_sheet(sheet.to_json()) == sheet
    newer = parse_sheet(json.dumps(data))  # "regions" is unknown here: allowed, left out
    assert newer.article.date_basis == DateBasis("2015-09-25", "dateline")
    assert (newer.figures[0].source_basis, newer.figures[0].source_text) == (
        "named",
        "the monitor",
    )
    assert newer.quotes[0].speaker_basis == "pronoun"
    newer.article.date_basis = sheet.article.date_basis
    newer.figures[0].source_basis, newer.figures[0].source_text = "none", None
    newer.quotes[0].speaker_basis = sheet.quotes[0].speaker_basis
    assert newer == sheet


def test_the_known_additive_fields_are_checked_too() -> None:
    for change, field in (
        ("data['checks'] = [{'id': 'c1', 'kind': 'two_values', 'status': 'maybe'}]",
         "checks[0].status"),
        ("data['checks'] = [{'id': 'c1', 'kind': 'x', 'spans': [{'start': 0, 'end': 10**7, "
         "'text': ''}]}]", "checks[0].spans[0].end"),
        ("data['quotes'][0]['speaker_basis'] = 'guessed'", "quotes[0].speaker_basis"),
        ("data['figures'][0]['source_basis'] = 3", "figures[0].source_basis"),
        ("data['article']['date_basis'] = {'date': '2015-09-25', 'from': 'psychic'}",
         "article.date_basis.from"),
    ):  # fmt: skip
        with pytest.raises(SheetError) as refused:
            parse_sheet(broken(change))
        assert field in str(refused.value)


def test_sheets_without_later_optional_fields_still_load() -> None:
    data = make_sheet().to_dict()
    for fact in [*data["entities"], *data["figures"], *data["dates"], *data["quotes"]]:
        for key in ("recheck", "extracted", "anchor_lost", "checked_by", "checked_at", "origin"):
            fact.pop(key, None)
    del data["schema"]

    assert parse_sheet(json.dumps(data)).figures[0].value == make_sheet().figures[0].value


def test_the_schema_is_offered_as_json_schema() -> None:
    schema = json_schema()

    assert schema["properties"]["schema"]["const"] == "newsdesk.factsheet/1"
    assert schema["$defs"]["FigureModel"]["properties"]["status"]["enum"][0] == "unverified"
    assert schema["properties"]["figures"]["maxItems"] == MAX_FACTS


def test_a_sheet_that_breaks_the_contract_is_never_stored(tmp_path: Path) -> None:
    sheet = make_sheet()
    sheet.figures.append(Figure("f9", "25", 0, 10**6, value=math.inf, source="e42"))

    with Store(tmp_path / "newsdesk.db") as store:
        with pytest.raises(SheetError, match="not finite"):
            store.save("strikes", sheet)
        sheet.figures[-1].value = 25
        with pytest.raises(SheetError, match="figures"):
            store.save("strikes", sheet)

        assert store.versions("strikes") == []
    with pytest.raises(SheetError):
        sheet_json(sheet)


def test_import_reads_a_file_and_names_what_is_wrong(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_bytes(b"\xef\xbb\xbf" + make_sheet().to_json().encode("utf-8"))
    bad.write_text(broken("data['figures'][0]['end'] = 'x'"), encoding="utf-8")

    assert read_sheet_file(good) == make_sheet()
    with pytest.raises(InputError, match=r"“bad.json” is not a newsdesk fact sheet: figures\[0\]"):
        read_sheet_file(bad)
