"""Fact sheets as editors read them: fact wording, the printed layouts, exports, the diff.

Plain Python (no Qt): the window's facts tree, the printed and exported sheets
and the command line all word facts through these modules. Two printed
layouts: the desk sheet (``desk``, the default) and the full sheet
(``render``), sharing ``layout``. May import every other room of
:mod:`newsdesk.core`.
"""
