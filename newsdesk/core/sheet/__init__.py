"""The fact sheet and its contract (``newsdesk.factsheet/1``).

The dataclasses every other layer passes around, their JSON form, and the one
registry of fact kinds (entities, figures, dates, quotes) that rendering,
matching, anchoring, editing and export dispatch through. Imports nothing of
newsdesk but :mod:`newsdesk.errors`.
"""
