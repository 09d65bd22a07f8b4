"""The article in: files read, pasted copy cleaned, headline, dateline, source and sentences found.

Everything here works on plain text and returns text or
:class:`~newsdesk.core.sheet.model.Article`; offsets stay valid because
splitting never changes the text. May import :mod:`newsdesk.core.sheet`.
"""
