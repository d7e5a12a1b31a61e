"""Text normalisation used to compare evidence with citations (shared/EVAL_SCHEMA.md).

Remove all whitespace, collapse a run of the same punctuation character to one,
map full-width ASCII (U+FF01..U+FF5E) and the ideographic space to half-width.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def _half_width(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P") or unicodedata.category(ch).startswith("S")


def normalize(text: str) -> str:
    """Normalise ``text`` for evidence matching."""
    text = "".join(_half_width(c) for c in text)
    text = _WS.sub("", text)
    out: list[str] = []
    for ch in text:
        if out and ch == out[-1] and _is_punct(ch):
            continue
        out.append(ch)
    return "".join(out)


def contains(haystack: str, needle: str) -> bool:
    """True when normalised ``needle`` occurs in normalised ``haystack``."""
    return normalize(needle) in normalize(haystack)
