"""The floor of any start: import spaCy, load the pipeline, parse one story, nothing else.

python -m tests.benchmarks.floor FILE
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    import spacy

    from newsdesk.core.extract.nlp import installed_models

    nlp = spacy.load(installed_models()[0])
    with open(args[0], encoding="utf-8") as story:
        nlp(story.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
