"""Typed settings: environment variables with the ``EMKB_`` prefix, or a ``.env`` file.

Built by :func:`get_settings` (cached), never at import.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EMKB_", env_file=".env", extra="ignore")

    data_dir: Path = Path("./data")
    corpus_dir: Path = REPO_ROOT / "corpus"

    # Dense embedder: "e5" (multilingual-e5-small, default: measured best on paraphrased
    # questions), "use" (USE-multilingual-v3: ~10x faster ingest, weaker), "none" (sparse
    # only) or "st:/path/to/sentence-transformers-model". Changing it needs `emkb reindex`.
    embedder: str = "e5"
    embed_batch_size: int = 64

    # Store backend: "edge" (embedded qdrant-edge, default) or "qdrant" (qdrant-client).
    # Setting QDRANT_URL selects the qdrant backend against that server.
    store: Literal["edge", "qdrant"] = "edge"
    qdrant_url: str | None = Field(default=None, validation_alias=AliasChoices("QDRANT_URL", "EMKB_QDRANT_URL"))
    qdrant_api_key: str | None = Field(
        default=None, validation_alias=AliasChoices("QDRANT_API_KEY", "EMKB_QDRANT_API_KEY")
    )
    qdrant_path: Path | None = None  # qdrant-client local mode folder (tests, small deployments)
    collection: str = "emkb"

    # Index at scale (applied when the collection is created; see kb/store.py IndexConfig)
    hnsw_m: int = Field(16, ge=4, le=128)
    hnsw_ef_construct: int = Field(100, ge=8, le=1000)
    # 0 = by the size of the largest HNSW graph (kb/store.py auto_ef: 512 up to 200k chunks, 1024 to 500k,
    # 2048 beyond; the embedded engine's segments hold at most segment_chunks); measured on one graph:
    # ef 512 gives recall@10 0.99 at 100k chunks (~2 ms) but 0.90 at 1M, where 2048 gives 0.975 (~8 ms)
    hnsw_ef: int = Field(0, ge=0, le=4096)
    full_scan_threshold_kb: int = Field(10_000, ge=0)
    quantization: Literal["none", "int8"] = "none"
    oversampling: float = Field(2.0, ge=1.0, le=10.0)
    vectors_on_disk: bool = False
    payload_on_disk: bool = False
    # embedded engine: the most chunks in one index segment (set when the store is created); a bulk
    # load builds the index every this many chunks, which bounds the build's memory at 1M chunks
    segment_chunks: int = Field(200_000, ge=1_000)
    exact_search: bool = False
    # Qdrant cluster (qdrant backend): shards, replicas per shard, replicas that must confirm a write
    qdrant_shards: int = Field(1, ge=1)
    qdrant_replicas: int = Field(1, ge=1)
    qdrant_write_consistency: int = Field(1, ge=1)
    qdrant_read_consistency: str = "majority"

    # Retrieval
    fusion: Literal["rrf", "dbsf"] = "dbsf"  # measured: DBSF beat RRF (k=2..60) on the benchmark
    rrf_k: int = 60
    dense_weight: float = 1.0
    sparse_weight: float = 1.0
    prefetch_limit: int = 50
    expansion_weight: float = 0.5  # weight of thesaurus terms (kb/data/synonyms.txt) in the sparse query; 0 turns it off
    default_top_k: int = 5
    max_top_k: int = 50
    # below this share of the question's known, weighted words found in the passages, emkb
    # abstains (kb/abstain.py has the other, explicit reasons)
    abstain_threshold: float = 0.15
    # Passage answers: the first rerank_depth fused hits are re-ordered by how much of the question
    # each covers (the abstention coverage), less rerank_rank_penalty per fused rank; 0 turns it off
    rerank_depth: int = Field(20, ge=0, le=100)  # measured: benchmark+dev hit@5 0.90 -> 0.94 (BM25, USE)
    rerank_rank_penalty: float = Field(0.02, ge=0.0, le=1.0)
    # "多少天 / 几个人 / 多远" questions: abstain when no sentence giving a figure in that unit covers at
    # least this share of the question (氢气储罐…每半年检查 does not answer how often health checks are),
    # or none of what it asks about besides its unit and bound (尾矿库安全超高 vs 排气管高于屋顶4米); 0: off
    figure_min_coverage: float = Field(0.2, ge=0.0, lt=1.0)  # measured on the dev sets: 0.2 (0.25 costs answers)
    task_match_threshold: float = 0.3  # the same, for picking the task an owner/deadline question means

    # Limits
    max_question_chars: int = 500
    max_upload_bytes: int = 50 * 1024 * 1024

    # Chunking
    chunk_min_chars: int = 150
    chunk_max_chars: int = 600

    progress: bool = True

    # Access control (api/security.py). Secrets come from the environment only.
    admin_api_key: str | None = None  # EMKB_ADMIN_API_KEY: needed for uploads, deletes, re-index
    read_api_key: str | None = None  # EMKB_READ_API_KEY: when set, reading needs it too
    writes: Literal["auto", "on", "off"] = "auto"  # auto: on when an admin key is set
    allow_unauthenticated_writes: bool = False  # local use only: writes without a key
    cors_origins: list[str] = []  # closed by default
    rate_limit_per_minute: int = 600  # per client address; 0 turns it off
    max_request_bytes: int = 52 * 1024 * 1024

    @field_validator("embedder")
    @classmethod
    def _check_embedder(cls, value: str) -> str:
        if value in ("use", "e5", "none") or value.startswith("st:"):
            return value
        raise ValueError(
            f"EMKB_EMBEDDER={value!r} is not known; use 'use', 'e5', 'none' or 'st:/path/to/model'"
        )

    @property
    def writes_enabled(self) -> bool:
        if self.writes == "off":
            return False
        if self.writes == "on":
            return True
        return bool(self.admin_api_key) or self.allow_unauthenticated_writes

    def check_security(self) -> None:
        """Refuse a configuration that would let anyone change the knowledge base."""
        if self.writes_enabled and not self.admin_api_key and not self.allow_unauthenticated_writes:
            raise ValueError(
                "write endpoints are on (EMKB_WRITES=on) but EMKB_ADMIN_API_KEY is not set; set a key, "
                "or EMKB_ALLOW_UNAUTHENTICATED_WRITES=true for local use only"
            )

    @field_validator("hnsw_ef")
    @classmethod
    def _check_hnsw_ef(cls, value: int) -> int:
        if value == 0 or value >= 8:
            return value
        raise ValueError("EMKB_HNSW_EF must be 0 (by store size) or at least 8")

    @field_validator("qdrant_read_consistency")
    @classmethod
    def _check_read_consistency(cls, value: str) -> str:
        if value in ("all", "majority", "quorum") or value.isdigit():
            return value
        raise ValueError("EMKB_QDRANT_READ_CONSISTENCY must be all, majority, quorum or a number of replicas")

    def index_config(self):
        from kb.store import IndexConfig

        if self.qdrant_write_consistency > self.qdrant_replicas:
            raise ValueError(
                f"EMKB_QDRANT_WRITE_CONSISTENCY={self.qdrant_write_consistency} is more than "
                f"EMKB_QDRANT_REPLICAS={self.qdrant_replicas}: no write could ever be confirmed"
            )
        return IndexConfig(
            hnsw_m=self.hnsw_m, hnsw_ef_construct=self.hnsw_ef_construct, hnsw_ef=self.hnsw_ef,
            full_scan_threshold_kb=self.full_scan_threshold_kb, quantization=self.quantization,
            oversampling=self.oversampling, vectors_on_disk=self.vectors_on_disk, payload_on_disk=self.payload_on_disk,
            segment_chunks=self.segment_chunks, exact=self.exact_search, shards=self.qdrant_shards, replicas=self.qdrant_replicas,
            write_consistency=self.qdrant_write_consistency, read_consistency=self.qdrant_read_consistency,
        )

    @property
    def backend(self) -> str:
        return "qdrant" if (self.qdrant_url or self.qdrant_path or self.store == "qdrant") else "edge"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
