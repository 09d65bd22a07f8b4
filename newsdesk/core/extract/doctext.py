"""The text of a parsed ``Doc``, computed once.

spaCy builds ``Doc.text`` by joining every token each time it is read; the
rules read it often, so it is cached in the doc's ``user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsdesk.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
