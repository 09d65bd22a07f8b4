"""Every rule of the figure pipeline, in the order of its stages: the one list to read.

The rules live beside the code that applies them (each stage module has its
``RULES``); this room gathers them with the number parser's rules and the
sources', so the pipeline can be read from outside (``newsdesk rules`` prints
it) and ``tests/test_rules.py`` can test every rule on its own examples.
"""

from __future__ import annotations

from newsdesk.core.extract import figures, numbers, sources
from newsdesk.core.extract.rules import STAGE_NAMES, Rule

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (*figures.RULES, *numbers.RULES, *sources.RULES),
        key=lambda rule: STAGE_NAMES.index(rule.stage),
    )
)
_BY_ID = {rule.id: rule for rule in RULES}


def rule(rule_id: str) -> Rule | None:
    """The rule with ``rule_id``, or ``None``."""
    return _BY_ID.get(rule_id)
