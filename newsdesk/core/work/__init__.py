"""Keeping the editor's work: corrections, undo, and facts that follow their words.

Edits are plain functions returning undoable patches (``edits`` over
``values`` and ``patches``); facts move with the text (``anchors``), are paired
across analyses and versions (``matching``), and a fresh analysis is merged
with the editor's corrections by one algorithm (``reconcile``, one fact's
write-through in ``write_through``), which the window runs after each analysis
and ``newsdesk save`` through ``carry_over``. The session runs the desk checks
again whenever its sheet changes, keeping the editor's verdicts. May import
:mod:`newsdesk.core.sheet`, :mod:`newsdesk.core.article` and
:mod:`newsdesk.core.checks`, never extraction or output.
"""
