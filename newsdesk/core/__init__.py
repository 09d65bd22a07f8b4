"""Domain and NLP: the fact sheet, reading and analysing articles, the editor's work, output.

Six rooms, each allowed to import only the rooms below it (an import-linter
contract in ``pyproject.toml`` keeps it so):

- :mod:`~newsdesk.core.output` — facts as editors read them: wording, the
  printed layout, exports and the diff between versions;
- :mod:`~newsdesk.core.work` — keeping the editor's work across text changes:
  edits as undoable patches, anchors, matching, reconcile, carry-over, and the
  story session that owns the open story;
- :mod:`~newsdesk.core.checks` — the checks a desk makes, the story held
  against itself (beside extraction, neither importing the other);
- :mod:`~newsdesk.core.extract` — article text in, fact sheet out (spaCy);
- :mod:`~newsdesk.core.article` — the article in: files read, copy cleaned,
  headline and dateline found, sentences read;
- :mod:`~newsdesk.core.sheet` — the fact sheet and its JSON contract.

Nothing here imports Qt or the storage layer.
"""
