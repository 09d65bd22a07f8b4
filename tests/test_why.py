"""Why this reading: every figure keeps the rules that made it, and says so.

The trail goes from the reader into the sheet (``why``), through the schema and
the database unchanged, to the window's tooltip and ``newsdesk extract
--explain``; ``newsdesk rules`` lists the whole pipeline.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from newsdesk.core.extract import Extractor
from newsdesk.core.output.wording import figure_why
from newsdesk.core.sheet.model import Equivalent, FactSheet, Reason
from newsdesk.core.sheet.schema import parse_sheet, sheet_json
from newsdesk.errors import SheetError
from newsdesk.gui.facts.facts_model import Column, FactsModel
from tests.test_render import make_sheet

STORY = "The Syrian Observatory said at least 25 air strikes hit the town on Friday."


def _why_sheet() -> FactSheet:
    sheet = make_sheet()
    sheet.figures[0].why = [
        Reason("candidate.number"),
        Reason("hedge.before", "hedge: 'at least'"),
        Reason("counted.noun", "counted: 'air strikes'"),
    ]
    return sheet


@pytest.mark.model
def test_a_figure_keeps_the_rules_that_made_it(extractor: Extractor) -> None:
    [figure] = extractor.extract(STORY).figures
    rules = [reason.rule for reason in figure.why]
    assert rules.index("hedge.before") < rules.index("counted.noun") < rules.index("source.named")
    assert figure_why(figure) == (
        "hedge: 'at least' · counted: 'air strikes' · source: The Syrian Observatory "
        "(same sentence)"
    )


@pytest.mark.model
def test_numbers_read_as_no_figure_say_which_rule_dropped_them(extractor: Extractor) -> None:
    _, dropped = extractor.explain("Passengers on Flight 302 from Madrid waited for hours.")
    [flight] = [number for number in dropped if number.text == "302"]
    assert flight.trail[-1].rule == "names.label"


def test_the_reasons_go_through_the_schema_and_back() -> None:
    sheet = _why_sheet()
    back = parse_sheet(sheet_json(sheet))
    assert back.figures[0].why == sheet.figures[0].why
    assert figure_why(back.figures[0]) == "hedge: 'at least' · counted: 'air strikes'"


def test_a_sheet_without_reasons_is_written_as_before() -> None:
    data = make_sheet().to_dict()
    assert "why" not in data["figures"][0]  # older readers see the sheet they always saw
    assert parse_sheet(json.dumps(data)).figures[0].why == []


def test_levels_and_conversions_go_through_the_schema_and_back() -> None:
    """The additive fields of a level reached and a conversion are kept, an earlier level
    of 0 included, and a figure without them is written as before."""
    sheet = make_sheet()
    sheet.figures[0].earlier = 0.0
    sheet.figures[0].approximate = True
    sheet.figures[0].equivalent = Equivalent("224 kW", 224, None, 224, "less_than", "kW", True)
    back = parse_sheet(sheet_json(sheet))
    assert back.figures[0].earlier == 0
    assert back.figures[0].approximate is True
    assert back.figures[0].equivalent == sheet.figures[0].equivalent
    plain = make_sheet().to_dict()["figures"][0]
    assert not {"earlier", "equivalent", "approximate"} & set(plain)


def test_the_classes_of_issue_14_read_through_extract_explain(extractor: Extractor) -> None:
    """The examples the issue gives, as an editor sees them through --explain."""
    cases = {
        "The S&P 500 rose 1% to 5,210.": ("1%", "up"),
        "Revenue fell 7% to $2.3 billion.": ("$2.3 billion", None),
        "The death toll rose from 870 to 1,214.": ("1,214", None),
    }
    for text, (words, change) in cases.items():
        sheet, _ = extractor.explain(text)
        [figure] = [f for f in sheet.figures if f.text == words]
        assert figure.change == change, (text, figure.why)
    sheet, _ = extractor.explain("The death toll rose from 870 to 1,214.")
    [toll] = [f for f in sheet.figures if f.text == "1,214"]
    assert (toll.earlier, toll.counted) == (870, "deaths")
    sheet, _ = extractor.explain("The engine makes just under 296 hp (224 kW).")
    [engine] = sheet.figures
    assert engine.equivalent is not None and engine.equivalent.qualifier == "less_than"
    assert "500" in [d.text for d in extractor.explain("The S&P 500 rose 1%.")[1]]


def test_a_reason_without_a_rule_is_refused() -> None:
    data = _why_sheet().to_dict()
    data["figures"][0]["why"][0]["rule"] = ""
    with pytest.raises(SheetError, match=r"figures\[0\]\.why\[0\]\.rule"):
        parse_sheet(json.dumps(data))


def test_the_figure_tooltip_says_why_it_reads_so(qtbot: QtBot) -> None:
    model = FactsModel()
    model.set_sheet(_why_sheet())
    tooltip = model.index_of("f1", Column.FACT).data(Qt.ItemDataRole.ToolTipRole)
    # The tooltip is escaped plain text (never markup); unescaped it reads:
    assert "Why this reading: hedge: 'at least' · counted: 'air strikes'" in html.unescape(tooltip)
    plain = make_sheet()
    model.set_sheet(plain)  # a figure the editor added, or read before reasons were kept
    tooltip = model.index_of("f1", Column.FACT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Why this reading" not in (tooltip or "")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.model
def test_extract_explain_prints_why_each_figure_reads_so(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY + " Passengers on Flight 302 from Madrid waited.\n", encoding="utf-8")
    result = _run("extract", "--explain", str(story))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "f1   at least 25  →  ≥ 25 air strikes" in out
    assert "hedge: 'at least' · counted: 'air strikes' · source: The Syrian Observatory" in out
    assert "rules: candidate.number → hedge.before" in out
    assert "[302]" in out and "names.label" in out


def test_rules_lists_the_pipeline_stage_by_stage() -> None:
    result = _run("rules")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("1. candidates") < out.index("hedge.before") < out.index("12. source")
    assert "source.named" in out
