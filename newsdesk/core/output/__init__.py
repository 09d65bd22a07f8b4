"""Fact sheets as editors read them: fact wording, the printed layout, exports, the diff.

Plain Python (no Qt): the window's facts tree, the printed and exported sheets
and the command line all word facts through these modules. May import every
other room of :mod:`newsdesk.core`.
"""
