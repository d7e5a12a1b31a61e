"""Hybrid retrieval: dense + jieba-sparse prefetches fused inside Qdrant.

Also keeps the document frequencies of tokens (for answer scoring and
abstention), computed once from the stored passages and refreshed after writes.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter
from typing import Any

from kb.service import KnowledgeBase
from kb.store import Hit, Mode, SearchFilter

logger = logging.getLogger(__name__)


class Retriever:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._df: Counter[str] | None = None
        self._n_docs = 0
        self._df_key: tuple | None = None
        self._refreshing = False
        self._lock = threading.Lock()
        self._titles: list[str] = []
        self._titles_key: tuple | None = None
        self._text = ""
        self._text_key: tuple | None = None
        self._offices: set[str] = set()
        self._query_vectors: dict[str, list[float]] = {}
        self._offices_key: tuple | None = None

    def search(
        self,
        query: str,
        top_k: int,
        flt: SearchFilter | None = None,
        mode: Mode | None = None,
    ) -> list[Hit]:
        s = self.kb.settings
        self.kb.warm_up()
        mode = mode or ("hybrid" if self.kb.embedder is not None else "sparse")
        dense = None
        if self.kb.embedder is not None and mode in ("hybrid", "dense"):
            dense = self._embed_query(query)
        sparse = None
        if mode in ("hybrid", "sparse"):
            expansions = self.kb.thesaurus.terms(query) if s.expansion_weight > 0 else []
            sparse = self.kb.sparse.encode_query(query, expansions, s.expansion_weight)
        return self.kb.store.search(
            dense=dense,
            sparse=sparse,
            limit=top_k,
            flt=flt,
            mode=mode,
            fusion=s.fusion,
            rrf_k=s.rrf_k,
            weights=(s.dense_weight, s.sparse_weight),
            prefetch_limit=s.prefetch_limit,
        )

    def _embed_query(self, query: str) -> list[float]:
        """One question is searched several times (tasks, then passages): embed it once."""
        with self._lock:
            cached = self._query_vectors.get(query)
        if cached is None:
            cached = self.kb.embedder.embed_query(query).tolist()
            with self._lock:
                self._query_vectors[query] = cached
                while len(self._query_vectors) > 256:
                    self._query_vectors.pop(next(iter(self._query_vectors)))
        return cached

    def warm_up(self) -> None:
        """Load models and term statistics now rather than on the first question."""
        self.kb.warm_up()
        if self.kb.catalog.doc_ids():
            self._doc_freqs()

    # -- document frequencies ------------------------------------------------
    def idf(self, token: str) -> float:
        df, n = self._doc_freqs()
        return math.log(1 + (n + 1) / (df.get(token, 0) + 0.5))

    def doc_freq(self, token: str) -> int:
        """How many stored passages contain ``token`` (a jieba search-mode token)."""
        return self._doc_freqs()[0].get(token.lower(), 0)

    def passage_count(self) -> int:
        return self._doc_freqs()[1]

    def titles(self) -> list[str]:
        key = self.kb.catalog.generation
        if self._titles_key != key:
            self._titles = [m.title for m in self.kb.catalog.all_meta()]
            self._titles_key = key
        return self._titles

    def offices(self) -> set[str]:
        """Every owner the stored task records name (科室, 支队, 中心)."""
        key = self.kb.catalog.generation
        if self._offices_key != key:
            self._offices = {o for t in self.kb.catalog.tasks(None) for o in t.owners}
            self._offices_key = key
        return self._offices

    def corpus_has(self, word: str) -> bool:
        """Whether the stored corpus uses ``word`` anywhere: as a token, in a title or in the text."""
        if self.doc_freq(word) > 0 or any(word in t for t in self.titles()):
            return True
        key = self.kb.catalog.generation
        if self._text_key != key:
            self._text = "\n".join(d["text"] for d in self.kb.catalog.all_texts())
            self._text_key = key
        return word in self._text

    def _doc_freqs(self) -> tuple[Counter[str], int]:
        """Token document frequencies over the stored passages.

        Built once at start; after a write the old figures keep serving while one
        background thread rebuilds them, so an upload never stalls the questions.
        """
        key = self.kb.catalog.generation
        if self._df is not None and (key == self._df_key or self._refreshing):
            return self._df, self._n_docs
        with self._lock:
            if self._df is None:
                self._rebuild(key)
            elif key != self._df_key and not self._refreshing:
                self._refreshing = True
                threading.Thread(target=self._rebuild, args=(key,), daemon=True).start()
            return self._df, self._n_docs

    def _rebuild(self, key: tuple) -> None:
        try:
            df: Counter[str] = Counter()
            hits = self.kb.store.scroll(limit=1_000_000)
            for h in hits:
                df.update(set(self.kb.sparse.tokenizer.tokens(h.payload.get("text", ""))))
            self._df, self._n_docs, self._df_key = df, len(hits), key
            logger.info("document frequencies from %d passages", len(hits))
        finally:
            self._refreshing = False


def payload_filter(
    *,
    doc_id: str | list[str] | None = None,
    category: str | list[str] | None = None,
    validity: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> SearchFilter | None:
    equals: dict[str, Any] = {}
    for key, value in (("doc_id", doc_id), ("category", category), ("validity", validity), ("kind", kind)):
        if value:
            equals[key] = value
    flt = SearchFilter(equals, year_from, year_to)
    return None if flt.is_empty() else flt
