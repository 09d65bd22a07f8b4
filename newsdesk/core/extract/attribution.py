"""Who a sentence says its facts come from.

"…, the Observatory said", "according to police", "X told Reuters": the
attributed name as a character span, for figures to point at their source.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsdesk.core.extract import lexicon


def attribution(sent: Span) -> tuple[int, int] | None:
    """Who the sentence says the facts come from, as a character span.

    "…, the Observatory said", "according to police", "X told Reuters".
    """
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.nbor(1)
            if to.lower_ == "to":
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    return phrase_chars(objects[0])
    doc = sent.doc
    for token in sent:
        if token.lemma_.lower() not in lexicon.SAY_VERBS or token.pos_ != "VERB":
            continue
        # "…, the Observatory said." — the parser often hangs the closing
        # name on the wrong word, so read the words around the verb instead.
        before = doc[token.i - 1] if token.i > sent.start else None
        after = doc[token.i + 1] if token.i + 1 < sent.end else None
        at_end = after is None or after.is_punct
        if at_end and before is not None and before.pos_ in ("PROPN", "NOUN"):
            return phrase_chars(before)
        if (
            before is not None
            and before.is_punct
            and after is not None
            and ((after.pos_ in ("PROPN", "NOUN", "DET") and not after.is_stop) or after.ent_type_)
        ):
            # '…," said police spokesman John Smith.'
            head = after
            while head.i + 1 < sent.end and head.nbor(1).pos_ in ("PROPN", "NOUN"):
                head = head.nbor(1)
            return phrase_chars(head)
    for token in sent:
        if token.lemma_.lower() in lexicon.SAY_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            for subject in subjects:
                if subject.pos_ in ("PROPN", "NOUN") or subject.ent_type_:
                    return phrase_chars(subject)
    return None


def phrase_chars(
    token: Token, modifiers: tuple[str, ...] = ("compound", "amod")
) -> tuple[int, int]:
    """The characters of ``token``'s entity if it has one, else of the token with
    the ``modifiers`` right before it ("police spokesman", "the clown")."""
    doc = token.doc
    if token.ent_iob_ in ("B", "I"):
        # The entity's own tokens, found from the token's tags: looking through
        # every entity of the doc for each figure made long stories quadratic.
        first = token.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = token.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        return doc[first].idx, doc[last].idx + len(doc[last].text)
    left = token.i
    while left > 0 and doc[left - 1].dep_ in modifiers and doc[left - 1].head == token:
        left -= 1
    return doc[left].idx, token.idx + len(token.text)
