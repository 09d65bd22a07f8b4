"""The floor of a batch: bare ``nlp.pipe`` over the texts of a JSONL file, nothing else.

python -m tests.benchmarks.bare_pipe FILE PROCESSES
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    import spacy

    from newsdesk.core.extract.nlp import installed_models

    nlp = spacy.load(installed_models()[0])
    with open(args[0], encoding="utf-8") as lines:
        texts = (json.loads(line)["text"] for line in lines if line.strip())
        for _ in nlp.pipe(texts, batch_size=32, n_process=int(args[1])):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
