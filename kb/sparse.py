"""Sparse vectors from jieba tokens.

Documents get BM25 term-frequency weights (saturated by k1, normalised by
length with b); queries get weight 1 per distinct term. The IDF half of BM25
is computed by Qdrant itself (sparse vector config with ``modifier=IDF``), so
the score of a passage is sum over shared terms of idf * tf_weight.
Token ids are CRC32 of the UTF-8 token, stable across processes and machines.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass

from kb.tokenizer import Tokenizer


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]

    def __bool__(self) -> bool:
        return bool(self.indices)


def context_of(title: str, section: str) -> str:
    """The document title and the section path below it, without the title twice."""
    parts = [p.strip() for p in section.split(">") if p.strip()]
    if parts and title and (parts[0] in title or title in parts[0]):
        parts = parts[1:]
    return " ".join([title, *parts]).strip()


def token_id(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & 0x7FFFFFFF


class SparseEncoder:
    def __init__(self, tokenizer: Tokenizer | None = None, k1: float = 1.2, b: float = 0.75, avg_len: float = 120.0):
        if k1 <= 0 or not 0 <= b <= 1 or avg_len <= 0:
            raise ValueError("SparseEncoder needs k1 > 0, 0 <= b <= 1 and avg_len > 0")
        self.tokenizer = tokenizer if tokenizer is not None else Tokenizer()
        self.k1, self.b, self.avg_len = k1, b, avg_len
        self._context_terms: dict[str, frozenset[int]] = {}  # a document's chunks share title and sections

    def warm_up(self) -> None:
        self.tokenizer.warm_up()

    def encode_document(self, text: str, context: str = "") -> SparseVec:
        """BM25 term weights of ``text``. Terms of ``context`` (the document title and section
        path) that the text lacks count as if they occurred once, so that "西安…要点里 X" finds
        X inside that document rather than its title page; the length norm is the text's own."""
        tokens = self.tokenizer.tokens(text)
        counts = Counter(tokens)
        norm = self.k1 * (1 - self.b + self.b * len(tokens) / self.avg_len)
        weights: dict[int, float] = {}
        for tok, tf in counts.items():
            idx = token_id(tok)
            weights[idx] = weights.get(idx, 0.0) + tf * (self.k1 + 1) / (tf + norm)
        if context:
            once = (self.k1 + 1) / (1 + norm)
            for idx in self._context_ids(context):
                weights.setdefault(idx, once)
        return _vec(weights)

    def _context_ids(self, context: str) -> frozenset[int]:
        ids = self._context_terms.get(context)
        if ids is None:
            if len(self._context_terms) >= 4096:
                self._context_terms.clear()
            ids = self._context_terms[context] = frozenset(token_id(t) for t in self.tokenizer.tokens(context))
        return ids

    def encode_query(self, text: str, expansions: list[str] | None = None, expansion_weight: float = 0.5) -> SparseVec:
        """Weight 1 per distinct term of ``text``; terms of ``expansions`` (thesaurus terms) get
        ``expansion_weight`` unless the question has them itself."""
        weights = {token_id(tok): 1.0 for tok in set(self.tokenizer.tokens(text))}
        for term in expansions or []:
            for tok in set(self.tokenizer.tokens(term)):
                weights.setdefault(token_id(tok), expansion_weight)
        return _vec(weights)


def _vec(weights: dict[int, float]) -> SparseVec:
    items = sorted(weights.items())
    return SparseVec([i for i, _ in items], [float(v) for _, v in items])
