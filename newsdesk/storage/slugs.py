"""Story slugs: short, readable, URL-safe names such as ``syria-air-strikes-kill-26``."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG_LENGTH = 60
FALLBACK_SLUG = "story"

_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Letters NFKD does not decompose into an ASCII base letter.
_TRANSLITERATE = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ı": "i"}
)
_APOSTROPHES = re.compile(r"['’ʼ`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lowercase ASCII words of ``text`` joined by ``-``, at most 60 characters.

    Accents are dropped ("Zürich" → "zurich"), apostrophes vanish ("Assad's" →
    "assads") and a text with no Latin letters or digits becomes ``"story"``.
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", _APOSTROPHES.sub("", ascii_text)).strip("-")
    return truncate_slug(slug, MAX_SLUG_LENGTH) or FALLBACK_SLUG


def truncate_slug(slug: str, limit: int) -> str:
    """Cut ``slug`` to ``limit`` characters, at a word boundary when there is one."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    # Prefer dropping the last partial word over ending mid-word, unless that loses half.
    boundary = cut.rfind("-")
    if boundary >= limit // 2:
        cut = cut[:boundary]
    return cut[:limit].strip("-")


def is_slug(text: str) -> bool:
    """Whether ``text`` is already a well-formed slug (what :func:`slugify` produces)."""
    return len(text) <= MAX_SLUG_LENGTH and _SLUG_RE.fullmatch(text) is not None
