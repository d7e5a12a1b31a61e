"""Haystack components of the ingest pipeline, one job each.

FileParser -> StructuralSplitter -> DenseEmbedder -> SparseEmbedder -> KnowledgeBaseWriter

Settings are checked in ``__init__``; heavy things (models, jieba) load in
``warm_up()``; data flows through typed ``run()`` methods.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from haystack import Document, component
from haystack.dataclasses import SparseEmbedding

from ingest.errors import IngestError
from kb.embedders import Embedder
from kb.models import ParsedDocument
from kb.sparse import SparseEncoder, SparseVec, context_of
from kb.store import StorePoint

logger = logging.getLogger(__name__)


class Passage(Document):
    """A chunk on its way through the ingest pipelines.

    Haystack deep-copies every component's inputs. The components here never change a Document
    they receive (they make new ones with ``dataclasses.replace``), so a passage is handed on as
    it is: at 10k chunks the copies were a third of the ingest time (eval/bench_scale.py).
    """

    def __deepcopy__(self, memo: dict) -> "Passage":
        return self


def default_doc_id(source: str) -> str:
    """A readable, URL-safe id from a source path: the file stem, or a hash for non-ASCII names."""
    import hashlib

    stem = Path(source).stem
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    if not safe or safe != stem:
        safe = (safe[:40] + "-" if safe else "doc-") + hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
    return safe


@component
class FileParser:
    """Load, clean and parse files into ParsedDocuments; failures are reported per file."""

    def __init__(
        self,
        corpus_dir: Path | None = None,
        manifest: dict[str, dict] | None = None,
        max_bytes: int | None = None,
        doc_id_for: Callable[[str], str] = default_doc_id,
    ) -> None:
        if max_bytes is not None and max_bytes <= 0:
            raise ValueError("FileParser: max_bytes must be positive (EMKB_MAX_UPLOAD_BYTES)")
        self.corpus_dir = Path(corpus_dir).resolve() if corpus_dir is not None else None
        self.manifest = manifest or {}
        self.max_bytes = max_bytes
        self.doc_id_for = doc_id_for

    def source_of(self, path: Path) -> str:
        """Path relative to corpus/ for bundled files, "uploads/<name>" for uploads, else the name."""
        path = Path(path).resolve()
        if self.corpus_dir is not None and path.is_relative_to(self.corpus_dir):
            return path.relative_to(self.corpus_dir).as_posix()
        if path.parent.name == "uploads":
            return "uploads/" + path.name
        return path.name

    @component.output_types(parsed=list[ParsedDocument], failures=list[dict])
    def run(self, sources: list[Path]) -> dict[str, Any]:
        from ingest.loaders import load_file

        parsed: list[ParsedDocument] = []
        failures: list[dict] = []
        for path in sources:
            source = self.source_of(path)
            try:
                loaded = load_file(Path(path), max_bytes=self.max_bytes)
                parsed.append(self.parse_loaded(loaded, source))
            except IngestError as e:
                logger.warning("%s", e)
                failures.append({"source": source, "error": str(e), "status": e.http_status})
        return {"parsed": parsed, "failures": failures}

    def parse_loaded(self, loaded: Any, source: str) -> ParsedDocument:
        from ingest.cleaner import clean
        from ingest.metadata import build_meta
        from ingest.structure import parse_document

        cleaned = clean(loaded)
        meta = build_meta(
            cleaned.text,
            doc_id=self.doc_id_for(source),
            source=source,
            sha256=loaded.sha256,
            manifest_entry=self.manifest.get(source),
            pages=len(loaded.pages) if loaded.format == "pdf" else 0,
        )
        doc = parse_document(cleaned, meta)
        if cleaned.removed:
            doc.warnings.append(f"{len(cleaned.removed)} lines of page chrome, captions or footers removed")
        return doc


@component
class StructuralSplitter:
    """Chunk each parsed document on its own structure (tasks, articles, items, paragraphs)."""

    def __init__(self, min_chars: int = 150, max_chars: int = 600) -> None:
        if not 0 < min_chars < max_chars <= 800:
            raise ValueError("StructuralSplitter needs 0 < min_chars < max_chars <= 800 (EMKB_CHUNK_*_CHARS)")
        self.min_chars, self.max_chars = min_chars, max_chars

    @component.output_types(documents=list[Document])
    def run(self, parsed: list[ParsedDocument]) -> dict[str, Any]:
        from ingest.splitter import split_document

        documents: list[Document] = []
        for doc in parsed:
            for chunk in split_document(doc, min_chars=self.min_chars, max_chars=self.max_chars):
                documents.append(Passage(id=chunk.chunk_id, content=chunk.text, meta=chunk.payload(doc.meta)))
        return {"documents": documents}


@component
class DenseEmbedder:
    """Dense vectors with the configured offline embedder (skipped when there is none)."""

    def __init__(self, embedder: Embedder | None, batch_size: int = 64) -> None:
        if batch_size <= 0:
            raise ValueError("DenseEmbedder: batch_size must be positive (EMKB_EMBED_BATCH_SIZE)")
        self.embedder, self.batch_size = embedder, batch_size
        self.seconds = 0.0  # time spent embedding (IngestReport.seconds)

    def warm_up(self) -> None:
        if self.embedder is not None:
            self.embedder.warm_up()

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        if self.embedder is None or not documents:
            return {"documents": documents}
        self.warm_up()
        t = time.perf_counter()
        out: list[Document] = []
        for i in range(0, len(documents), self.batch_size):
            batch = documents[i : i + self.batch_size]
            vectors = self.embedder.embed_documents([d.content or "" for d in batch])
            out.extend(replace(d, embedding=v.tolist()) for d, v in zip(batch, vectors))
        self.seconds += time.perf_counter() - t
        return {"documents": out}


@component
class SparseEmbedder:
    """jieba-token BM25 weights; Qdrant adds the IDF. With ``with_context`` the document title and
    section path count towards each chunk's terms (the stored text stays verbatim)."""

    def __init__(self, encoder: SparseEncoder, with_context: bool = True) -> None:
        self.encoder = encoder
        self.with_context = with_context

    def warm_up(self) -> None:
        self.encoder.warm_up()

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        self.warm_up()
        out: list[Document] = []
        for d in documents:
            context = context_of(d.meta.get("title", ""), d.meta.get("section", "")) if self.with_context else ""
            vec = self.encoder.encode_document(d.content or "", context)
            out.append(replace(d, sparse_embedding=SparseEmbedding(indices=vec.indices, values=vec.values)))
        return {"documents": out}


@component
class KnowledgeBaseWriter:
    """Write each document's chunks and records atomically (see KnowledgeBase.write_document)."""

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self.seconds = 0.0  # time spent writing (IngestReport.seconds)

    @component.output_types(written=list[str])
    def run(self, documents: list[Document], parsed: list[ParsedDocument]) -> dict[str, Any]:
        t = time.perf_counter()
        by_doc: dict[str, list[StorePoint]] = {p.meta.doc_id: [] for p in parsed}
        for d in documents:
            sparse = d.sparse_embedding
            by_doc[d.meta["doc_id"]].append(
                StorePoint(
                    id=d.id,
                    dense=d.embedding,
                    sparse=SparseVec(list(sparse.indices), list(sparse.values)) if sparse else SparseVec([], []),
                    payload=dict(d.meta),
                )
            )
        self.kb.write_documents([(p, by_doc[p.meta.doc_id]) for p in parsed])  # one flush, one commit
        self.seconds += time.perf_counter() - t
        return {"written": [p.meta.doc_id for p in parsed]}
