"""The ingest pipeline: files in, chunks and records in the knowledge base out.

``Ingestor`` builds one Haystack pipeline and feeds it a few files at a time
with a progress bar. A file whose bytes are unchanged since it was last
ingested is skipped (idempotent); an edited file replaces its old chunks, and so
does an unchanged file that an older ``PARSER_VERSION`` cleaned and chunked.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from haystack import Pipeline

from ingest import PARSER_VERSION
from ingest.components import (
    DenseEmbedder,
    FileParser,
    KnowledgeBaseWriter,
    SparseEmbedder,
    StructuralSplitter,
    default_doc_id,
)
from ingest.errors import IngestError, UnsupportedFormatError
from ingest.loaders import SUPPORTED_SUFFIXES as SUFFIXES
from kb.service import KnowledgeBase

logger = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    chunks: int = 0
    # wall seconds per stage: prepare (parse, chunk, sparse; in a thread, overlapped with the
    # rest), embed (dense vectors), write (store and catalog), optimize (index build)
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def discover(paths: list[Path]) -> tuple[list[Path], list[dict]]:
    """Files under ``paths`` with a supported suffix; missing paths are failures."""
    files: list[Path] = []
    failures: list[dict] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.is_file():
            files.append(p)
        else:
            failures.append({"source": str(p), "error": f"{p}: no such file or folder", "status": 404})
    return files, failures


def build_pipelines(kb: KnowledgeBase, parser: FileParser) -> tuple[Pipeline, Pipeline]:
    """Two Haystack pipelines, run overlapped by ``Ingestor``: ``prepare`` (parse, chunk, sparse
    vectors: Python, one core) and ``finish`` (dense vectors, write: the embedder's native code,
    which releases the GIL and uses both cores)."""
    s = kb.settings
    prepare = Pipeline()
    prepare.add_component("parser", parser)
    prepare.add_component("splitter", StructuralSplitter(s.chunk_min_chars, s.chunk_max_chars))
    prepare.add_component("sparse", SparseEmbedder(kb.sparse))
    prepare.connect("parser.parsed", "splitter.parsed")
    prepare.connect("splitter.documents", "sparse.documents")
    finish = Pipeline()
    finish.add_component("dense", DenseEmbedder(kb.embedder, s.embed_batch_size))
    finish.add_component("writer", KnowledgeBaseWriter(kb))
    finish.connect("dense.documents", "writer.documents")
    return prepare, finish


class Ingestor:
    def __init__(self, kb: KnowledgeBase, *, corpus_dir: Path | None = None, batch_files: int = 4) -> None:
        from ingest.metadata import load_manifest

        self.kb = kb
        corpus = Path(corpus_dir) if corpus_dir is not None else Path(kb.settings.corpus_dir)
        manifest = load_manifest(corpus) if (corpus / "manifest.json").exists() else {}
        self.parser = FileParser(corpus, manifest, kb.settings.max_upload_bytes, self._doc_id_for)
        self.prepare, self.finish = build_pipelines(kb, self.parser)
        self.batch_files = batch_files

    def _doc_id_for(self, source: str) -> str:
        doc_id = default_doc_id(source)
        existing = self.kb.catalog.source_of(doc_id)
        if existing is not None and existing != source:
            doc_id = f"{doc_id}-{hashlib.sha1(source.encode('utf-8')).hexdigest()[:6]}"
        return doc_id

    def ingest(self, paths: list[Path], *, progress: bool = True) -> IngestReport:
        report = IngestReport()
        files, report.failed = discover(paths)
        todo: list[Path] = []
        for f in files:
            source = self.parser.source_of(f)
            known = self.kb.catalog.find_by_source(source)
            if (
                known is not None and known["parser"] >= PARSER_VERSION
                and known["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()
            ):
                report.unchanged.append(known["doc_id"])
            else:
                todo.append(f)
        if todo:
            self.kb.warm_up()
        bar = _progress(len(todo), progress)
        known = self.kb.catalog.doc_ids()
        dense, writer = self.finish.get_component("dense"), self.finish.get_component("writer")
        dense.seconds = writer.seconds = self._prepare_seconds = 0.0
        for batch, prepared in self._prepared(todo):
            report.failed.extend(prepared["parser"]["failures"])
            documents = prepared["sparse"]["documents"]
            report.chunks += len(documents)
            result = self.finish.run({"dense": {"documents": documents}, "writer": {"parsed": prepared["parser"]["parsed"]}})
            for doc_id in result["writer"]["written"]:
                (report.updated if doc_id in known else report.added).append(doc_id)
                known.add(doc_id)
            bar.update(len(batch))
        bar.close()
        t = time.perf_counter()
        if report.added or report.updated or self.kb.store.needs_index():
            # build the index once, after the load, not per point; also when an earlier ingest
            # was stopped after its last write but before its index build had finished
            self.kb.store.optimize()
        report.seconds = {
            "prepare": round(self._prepare_seconds, 3), "embed": round(dense.seconds, 3),
            "write": round(writer.seconds, 3), "optimize": round(time.perf_counter() - t, 3),
        }
        return report

    def _prepared(self, todo: list[Path]):
        """Batches of files, parsed, chunked and sparse-encoded one batch ahead, in a thread, while
        the caller embeds and writes the previous one. Each document is committed whole (see
        KnowledgeBase.write_documents), so an interrupted ingest resumes where it stopped: the
        next run skips the files already committed."""
        batches = [todo[i : i + self.batch_files] for i in range(0, len(todo), self.batch_files)]
        ready: queue.Queue = queue.Queue(maxsize=2)
        stop = threading.Event()

        def produce() -> None:
            try:
                for batch in batches:
                    if stop.is_set():
                        return
                    t = time.perf_counter()
                    out = self.prepare.run({"parser": {"sources": batch}}, include_outputs_from={"parser", "sparse"})
                    self._prepare_seconds += time.perf_counter() - t
                    ready.put((batch, out))
            except BaseException as e:  # noqa: BLE001 - handed to the consumer, raised there
                ready.put(e)
                return
            ready.put(None)

        worker = threading.Thread(target=produce, name="emkb-prepare", daemon=True)
        worker.start()
        try:
            while (item := ready.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            while worker.is_alive():  # let the producer finish its batch and exit
                try:
                    ready.get(timeout=0.1)
                except queue.Empty:
                    pass

    def ingest_bytes(self, data: bytes, filename: str, upload_dir: Path) -> tuple[str, str, dict]:
        """Ingest one uploaded file. Returns (doc_id, status, summary); raises IngestError.

        The file is validated in memory first, so a bad upload stores nothing.
        """
        from ingest.loaders import load_bytes

        name = safe_filename(filename)
        if Path(name).suffix.lower() not in SUFFIXES:
            raise UnsupportedFormatError(f"{name}: unsupported file type; upload one of {', '.join(SUFFIXES)}")
        loaded = load_bytes(data, name, max_bytes=self.kb.settings.max_upload_bytes)
        same = self.kb.catalog.find_by_sha(loaded.sha256)
        if same is not None:
            return same, "unchanged", {}
        parsed = self.parser.parse_loaded(loaded, "uploads/" + name)
        if not parsed.units:
            raise IngestError(f"{name}: no text could be read from the file")
        upload_dir.mkdir(parents=True, exist_ok=True)
        path = upload_dir / name
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
        before = self.kb.catalog.doc_ids()
        report = self.ingest([path], progress=False)
        if report.failed:
            raise IngestError(report.failed[0]["error"])
        doc_id = (report.added + report.updated + report.unchanged)[0]
        status = "updated" if doc_id in before else "added"
        summary = {
            "title": parsed.meta.title,
            "chunks": report.chunks,
            "tasks": len(parsed.tasks),
            "units": len(parsed.units),
            "warnings": parsed.warnings,
        }
        return doc_id, status, summary


def safe_filename(filename: str) -> str:
    """The base name without path parts or control characters; refuses names that end up empty."""
    name = Path(filename.replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '/\\:*?"<>|').strip(" .")
    if not name or not Path(name).suffix:
        raise UnsupportedFormatError(f"{filename!r}: not a usable file name; give the file a name with an extension")
    return name[:200]


class _NoBar:
    def update(self, n: int) -> None: ...

    def close(self) -> None: ...


def _progress(total: int, enabled: bool):
    if not enabled or total == 0:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="ingest")
