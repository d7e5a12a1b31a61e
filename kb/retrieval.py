"""Hybrid retrieval: dense + jieba-sparse prefetches fused inside Qdrant.

Also answers what the corpus knows about a word (passages containing it, titles,
offices), cached per catalog generation, for answer scoring and abstention.
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Any

from kb.service import KnowledgeBase
from kb.sparse import token_id
from kb.store import Hit, Mode, SearchFilter
from kb.titles import TitleIndex

logger = logging.getLogger(__name__)

QUERY_CACHE_SIZE = 256  # question vectors kept (one question is searched several times per answer)
TEXT_SCAN_LIMIT = 5_000_000  # characters of stored text kept for substring checks (bundled corpus: 0.75M; a scan of 5M takes ~4 ms)


class Retriever:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._df_cache: dict[int, int] = {}
        self._df_key: int | None = None
        self._n = 0
        self._n_key: int | None = None
        self._lock = threading.Lock()
        self._titles: list[str] = []
        self._titles_joined = ""
        self._title_index = TitleIndex([])
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
                while len(self._query_vectors) > QUERY_CACHE_SIZE:
                    self._query_vectors.pop(next(iter(self._query_vectors)))
        return cached

    def warm_up(self) -> None:
        """Load models now rather than on the first question."""
        self.kb.warm_up()

    # -- document frequencies ------------------------------------------------
    # Passages per token come from the catalog (kept with every write, kb/catalog.py), keyed by
    # the same token ids as the sparse vectors: what Qdrant's IDF counts.
    def idf(self, token: str) -> float:
        return math.log(1 + (self.passage_count() + 1) / (self.doc_freq(token) + 0.5))

    def doc_freq(self, token: str) -> int:
        """How many stored passages contain ``token`` (a jieba token; title and section count)."""
        gen = self.kb.catalog.generation
        if self._df_key != gen:
            self._df_cache, self._df_key = {}, gen
        tid = token_id(token.lower())
        df = self._df_cache.get(tid)
        if df is None:
            df = self._df_cache[tid] = self.kb.catalog.term_df(tid)
            if len(self._df_cache) > 100_000:
                self._df_cache.clear()
        return df

    def passage_count(self) -> int:
        gen = self.kb.catalog.generation
        if self._n_key != gen:
            self._n, self._n_key = self.kb.catalog.passage_count(), gen
        return self._n

    def titles(self) -> list[str]:
        self._refresh_titles()
        return self._titles

    def title_index(self) -> TitleIndex:
        self._refresh_titles()
        return self._title_index

    def _refresh_titles(self) -> None:
        key = self.kb.catalog.generation
        if self._titles_key != key:
            metas = self.kb.catalog.all_meta()
            self._titles = [m.title for m in metas]
            # document numbers too (国务院令第446号): metadata, so known at any corpus size
            self._titles_joined = "\n".join(self._titles + [m.doc_number for m in metas if m.doc_number])
            self._title_index = TitleIndex(metas)
            self._titles_key = key

    def offices(self) -> set[str]:
        """Every owner the stored task records name (科室, 支队, 中心)."""
        key = self.kb.catalog.generation
        if self._offices_key != key:
            self._offices = self.kb.catalog.owners()
            self._offices_key = key
        return self._offices

    def corpus_has(self, word: str) -> bool:
        """Whether the stored corpus uses ``word`` anywhere: as a token, in a title or in the text.

        The text itself is searched (for words jieba cut differently, 危险化学品安全法 ->
        危险化学品 + 安全法) only while all stored text fits in TEXT_SCAN_LIMIT characters;
        past that, tokens and titles decide."""
        self._refresh_titles()
        if self.doc_freq(word) > 0 or word in self._titles_joined:
            return True
        key = self.kb.catalog.generation
        if self._text_key != key:
            total = self.kb.catalog.text_chars()
            self._text = "\n".join(d["text"] for d in self.kb.catalog.all_texts()) if total <= TEXT_SCAN_LIMIT else ""
            self._text_key = key
        return word in self._text


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
