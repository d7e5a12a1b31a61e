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


def token_id(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & 0x7FFFFFFF


class SparseEncoder:
    def __init__(self, tokenizer: Tokenizer | None = None, k1: float = 1.2, b: float = 0.75, avg_len: float = 120.0):
        if k1 <= 0 or not 0 <= b <= 1 or avg_len <= 0:
            raise ValueError("SparseEncoder needs k1 > 0, 0 <= b <= 1 and avg_len > 0")
        self.tokenizer = tokenizer if tokenizer is not None else Tokenizer()
        self.k1, self.b, self.avg_len = k1, b, avg_len

    def warm_up(self) -> None:
        self.tokenizer.warm_up()

    def encode_document(self, text: str) -> SparseVec:
        tokens = self.tokenizer.tokens(text)
        counts = Counter(tokens)
        norm = self.k1 * (1 - self.b + self.b * len(tokens) / self.avg_len)
        weights: dict[int, float] = {}
        for tok, tf in counts.items():
            idx = token_id(tok)
            weights[idx] = weights.get(idx, 0.0) + tf * (self.k1 + 1) / (tf + norm)
        return _vec(weights)

    def encode_query(self, text: str) -> SparseVec:
        return _vec({token_id(tok): 1.0 for tok in set(self.tokenizer.tokens(text))})


def _vec(weights: dict[int, float]) -> SparseVec:
    items = sorted(weights.items())
    return SparseVec([i for i, _ in items], [float(v) for _, v in items])
