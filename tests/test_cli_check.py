"""``newsdesk check`` and the checks in ``extract`` and ``save``, as a desk script uses them.

Exit 0 when no check is open, 5 when some are; the story's verdicts come from
its saved version; the editor's own words to weigh (in the preferences
folder) count on the command line as in the window.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk import cli
from newsdesk.cli.common import EXIT_INPUT, EXIT_OK, EXIT_OPEN_CHECKS
from newsdesk.core.checks import EDITOR_FILE
from newsdesk.core.extract import Extractor
from newsdesk.core.work import edits
from newsdesk.paths import default_paths
from newsdesk.storage import Store

pytestmark = pytest.mark.model

PLANTED = (
    "Air Strikes Kill 30 Near El Obeid, Monitor Says\n\n"
    "KHARTOUM, June 14 (Newsdesk Wire) - Warplanes killed 26 people in villages outside El "
    "Obeid on Friday, the Sudan Conflict Monitor said. The strikes wounded 14 people, including "
    "20 children, the monitor said.\n\n"
    "Police arrested John Harlow, 34, after the attack, police said. Thugs looted shops."
)
CLEAN = (
    "Army Carries Out at Least 25 Airstrikes Near Tadmur, Monitor Says\n\n"
    "BEIRUT, March 8 (Newsdesk Wire) - Government warplanes carried out at least 25 air "
    "strikes around the desert town of Tadmur on Friday, a war monitoring group said."
)


@pytest.fixture
def desk(tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(
        Extractor, "load", classmethod(lambda cls, model=None, register=None: extractor)
    )
    (tmp_path / "planted.txt").write_text(PLANTED, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def newsdesk(capsys: pytest.CaptureFixture[str], desk: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(desk / "newsdesk.db"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_story_with_planted_problems_exits_5_and_lists_them(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = newsdesk(capsys, desk, "check", str(desk / "planted.txt"))

    assert code == EXIT_OPEN_CHECKS == 5
    lines = out.splitlines()
    assert lines == [
        f"{desk / 'planted.txt'}: 4 open checks",
        "  High   Headline against the body (headline): Headline says “30” dead but the body "
        "says “26”.",
        "  High   Parts and totals (par. 1): The parts “20 children” come to 20, more than the "
        "total “14 people”.",
        "  High   Named suspect (par. 2): John Harlow is named as a suspect without “alleged”, "
        "“accused” or “charged” — say what they are suspected of, on whose word.",
        "  Medium Word to weigh (par. 2): “Thugs” is on the desk's list of words to weigh: say "
        "what the people are accused of doing.",
    ]


def test_a_clean_story_exits_0(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = newsdesk(capsys, desk, "check", str(desk / "clean.txt"))
    assert (code, out) == (EXIT_OK, f"{desk / 'clean.txt'}: 0 open checks\n")


def test_a_saved_story_is_checked_with_the_desks_verdicts(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = newsdesk(capsys, desk, "save", str(desk / "planted.txt"), "--story", "strikes")
    assert code == 0 and out.endswith("· 4 open checks)\n")
    with Store(desk / "newsdesk.db") as store:
        sheet = store.load_version("strikes")
        for check in sheet.checks:
            edits.set_check_verdict(sheet, check.id, "dismissed", "wire's words", editor="amira")
        store.save("strikes", sheet, editor="amira", message="answered", parent=1)

    code, out, _ = newsdesk(capsys, desk, "check", "--story", "strikes")
    assert (code, out) == (EXIT_OK, "strikes, version 2: 0 open checks, 4 resolved or dismissed\n")
    code, out, _ = newsdesk(capsys, desk, "check", "--story", "strikes", "--version", "1")
    assert code == EXIT_OPEN_CHECKS and out.startswith("strikes, version 1: 4 open checks")
    code, out, _ = newsdesk(capsys, desk, "check", "--story", "strikes", "--all")
    assert "[dismissed by amira: wire's words]" in out


def test_json_lines_carry_the_contracts_check_objects(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = newsdesk(capsys, desk, "check", str(desk / "planted.txt"), "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OPEN_CHECKS and len(rows) == 4
    assert set(rows[0]) >= {"id", "kind", "severity", "message", "spans", "status", "note"}
    assert rows[0]["kind"] == "headline_figure" and rows[0]["status"] == "open"


def test_extract_writes_the_checks_into_the_contract(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = newsdesk(capsys, desk, "extract", str(desk / "planted.txt"))
    assert code == 0
    kinds = [c["kind"] for c in json.loads(out)["checks"]]
    assert kinds == ["headline_figure", "parts_total", "suspect_named", "prejudicial_word"]


def test_the_editors_own_words_count_on_the_command_line(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = default_paths().config_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EDITOR_FILE).write_text("- thugs\nlooted = say what was taken\n", encoding="utf-8")

    _, out, _ = newsdesk(capsys, desk, "check", str(desk / "planted.txt"))

    assert "“Thugs”" not in out
    assert "“looted” is on the desk's list of words to weigh: say what was taken." in out


def test_a_file_and_a_story_at_once_or_neither_is_refused(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert newsdesk(capsys, desk, "check")[0] == EXIT_INPUT
    code, _, err = newsdesk(capsys, desk, "check", str(desk / "clean.txt"), "--story", "x")
    assert code == EXIT_INPUT and "one of them" in err
    code, _, err = newsdesk(capsys, desk, "check", "--story", "nothing-here")
    assert code == EXIT_INPUT and err
