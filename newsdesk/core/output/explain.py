"""Why each figure reads as it does, as ``newsdesk extract --explain`` prints it.

For every figure: its words, its value as the sheet words it, what the rules
behind it say to an editor ("hedge: 'at least' · counted: 'air strikes' ·
source: the Observatory (same sentence)") and, for a developer, the ids of
those rules in the order they fired. Then the numbers read as no figure, each
with the rule that said so, and the rule catalogue itself (``newsdesk rules``).
"""

from __future__ import annotations

from newsdesk.core.extract import Dropped
from newsdesk.core.extract.catalogue import RULES
from newsdesk.core.extract.rules import STAGES
from newsdesk.core.output.wording import figure_value, figure_why
from newsdesk.core.sheet.model import FactSheet

_CONTEXT = 30  # characters of the sentence shown either side of a dropped number


def explain_text(sheet: FactSheet, dropped: list[Dropped]) -> str:
    """The figures of ``sheet`` with why each reads as it does, then the numbers dropped."""
    lines = [f"Figures ({len(sheet.figures)}) — why each reads as it does", ""]
    for figure in sheet.figures:
        lines.append(f"{figure.id:<4} {figure.text}  →  {figure_value(figure, with_words=False)}")
        why = figure_why(figure)
        if why:
            lines.append(f"     {why}")
        rules = [reason.rule for reason in figure.why]
        if rules:
            lines.append(f"     rules: {' → '.join(rules)}")
    text = sheet.article.text
    lines += ["", f"Numbers read as no figure ({len(dropped)})", ""]
    for number in dropped:
        before = text[max(0, number.start - _CONTEXT) : number.start].split("\n")[-1]
        after = text[number.end : number.end + _CONTEXT].split("\n")[0]
        lines.append(f"     “…{before}[{number.text}]{after}…”")
        for step in number.trail[-1:]:
            lines.append(f"       {step.rule}: {step.says}" if step.says else f"       {step.rule}")
    return "\n".join(lines).rstrip() + "\n"


def rules_text() -> str:
    """The figure pipeline read from outside: its stages in order, each with its rules."""
    lines = ["The figure pipeline: stages in the order they run, and their rules", ""]
    for number, (stage, what) in enumerate(STAGES, start=1):
        rules = [rule for rule in RULES if rule.stage == stage]
        lines.append(f"{number:>2}. {stage} — {what}")
        for rule in rules:
            examples = len(rule.examples)
            lines.append(f"      {rule.id:<28} {rule.doc} ({examples} examples)")
        lines.append("")
    lines.append(f"{len(RULES)} rules, {sum(len(r.examples) for r in RULES)} examples.")
    return "\n".join(lines) + "\n"
