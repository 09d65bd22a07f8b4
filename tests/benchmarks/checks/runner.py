"""Running the desk checks over the benchmark's cases, as the window would.

A story is analysed and checked; a case about versions analyses version 1,
marks every fact verified (the desk's work), analyses version 2 and carries
the desk's work over (:func:`~newsdesk.core.work.carry_over.carry_over`), then
checks version 2.
"""

from __future__ import annotations

from newsdesk.core.checks import run_checks
from newsdesk.core.extract import Extractor
from newsdesk.core.work.carry_over import carry_over
from tests.benchmarks.checks.cases import Case, Outcome, score


def run_case(extractor: Extractor, case: Case) -> Outcome:
    sheet = extractor.extract(case.text)
    if case.earlier is not None:
        earlier = extractor.extract(case.earlier)
        for fact in earlier.facts():
            fact.status, fact.checked_by = "verified", "desk"
        carry_over(earlier, sheet)
    return score(case, run_checks(sheet))


def run_cases(extractor: Extractor, cases: list[Case]) -> list[Outcome]:
    return [run_case(extractor, case) for case in cases]
