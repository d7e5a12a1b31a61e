"""KnowledgeBase: the store, the catalog, the embedders and the lock, opened together.

Construction loads nothing; ``open()`` takes the data-directory lock, opens the
catalog and the store and repairs anything a crash left half-written;
``warm_up()`` loads the embedding model and the jieba dictionary.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kb.catalog import Catalog, TermDelta
from kb.embedders import Embedder, make_embedder
from kb.lock import DataDirLock
from kb.query import Thesaurus
from kb.models import VALIDITY_IN_FORCE, VALIDITY_SUPERSEDED, DocMeta, ParsedDocument
from kb.settings import Settings
from kb.sparse import SparseEncoder
from kb.store import SearchFilter, StorePoint, StoreUnavailableError, VectorStore

logger = logging.getLogger(__name__)


class EmbedderMismatchError(StoreUnavailableError):
    """The store was built with another embedder than the one configured."""


class IndexFormatError(StoreUnavailableError):
    """The store was built by an emkb that indexed passages differently."""


# How sparse vectors are made; a store built another way must be rebuilt (``emkb reindex``).
SPARSE_FORMAT = "jieba-bm25+title-section"


def make_store(settings: Settings) -> VectorStore:
    if settings.backend == "qdrant":
        from kb.store_qdrant import QdrantClientStore

        return QdrantClientStore(
            url=settings.qdrant_url,
            api_key=settings.qdrant_api_key,
            path=None if settings.qdrant_url else (settings.qdrant_path or settings.data_dir / "qdrant-local"),
            collection=settings.collection,
            config=settings.index_config(),
        )
    from kb.store_edge import EdgeStore

    return EdgeStore(settings.data_dir / "qdrant-edge", settings.index_config())


class KnowledgeBase:
    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None | str = "settings",
        store: VectorStore | None = None,
    ) -> None:
        self.settings = settings
        self.data_dir = Path(settings.data_dir)
        self.embedder: Embedder | None = make_embedder(settings.embedder) if embedder == "settings" else embedder  # type: ignore[assignment]
        self.sparse = SparseEncoder()
        self.thesaurus = Thesaurus(words=self.sparse.tokenizer.words)
        self._store = store
        self.store: VectorStore | None = None
        self.catalog: Catalog | None = None
        self._lock = DataDirLock(self.data_dir)
        self._warm = False
        self._collection_ready = False  # per open store: reset by reset(), restore()

    @property
    def embedder_name(self) -> str:
        return self.embedder.name if self.embedder is not None else "none"

    # -- lifecycle ---------------------------------------------------------
    def open(self, *, check_index: bool = True) -> "KnowledgeBase":
        """Take the lock and open the records and the store; ``check_index=False`` opens a store
        built by another embedder or emkb version (for ``emkb reindex``)."""
        if self.catalog is not None:
            return self
        self._lock.acquire()
        try:
            self.catalog = Catalog(self.data_dir / "catalog.sqlite3")
            self.store = self._store if self._store is not None else make_store(self.settings)
            if check_index:
                self._check_embedder()
            repaired = self.reconcile()
            if repaired or (self.catalog.doc_ids() and not self.catalog.has_term_stats()):
                self.rebuild_term_stats()  # an older catalog, or counts a crash left wrong
        except BaseException:
            self.close()
            raise
        return self

    def warm_up(self) -> None:
        if self._warm:
            return
        if self.embedder is not None:
            self.embedder.warm_up()
        self.sparse.warm_up()
        self.thesaurus.warm_up()
        self._warm = True

    def close(self) -> None:
        self._collection_ready = False
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.catalog is not None:
            self.catalog.close()
            self.catalog = None
        self._lock.release()

    def __enter__(self) -> "KnowledgeBase":
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_embedder(self) -> None:
        if not self.catalog.doc_ids():
            return
        built_with = self.catalog.get_setting("embedder")
        if built_with is not None and built_with != self.embedder_name:
            raise EmbedderMismatchError(
                f"the store in {self.data_dir} was built with the embedder {built_with!r} but "
                f"EMKB_EMBEDDER selects {self.embedder_name!r}; set EMKB_EMBEDDER back, or rebuild with "
                "`emkb reindex`"
            )
        sparse = self.catalog.get_setting("sparse_format") or "jieba-bm25"
        if sparse != SPARSE_FORMAT:
            raise IndexFormatError(
                f"the store in {self.data_dir} was built by an older emkb (sparse vectors {sparse!r}, now "
                f"{SPARSE_FORMAT!r}); rebuild it with `emkb reindex` (the documents are re-read from their sources)"
            )

    def _ensure_collection(self) -> None:
        if self._collection_ready:
            return
        if self.embedder is not None:
            self.embedder.warm_up()
        dim = self.embedder.dim if self.embedder is not None else 0
        self.store.ensure_collection(dim)
        self.catalog.set_setting("embedder", self.embedder_name)
        self.catalog.set_setting("sparse_format", SPARSE_FORMAT)
        self._collection_ready = True

    # -- crash repair ------------------------------------------------------
    def reconcile(self) -> list[str]:
        """Remove documents a crash left half-written; returns their ids."""
        repaired = []
        for doc_id in self.catalog.pending():
            logger.warning("document %s was half-written when the last run stopped; removing it", doc_id)
            self._drop(doc_id)
            repaired.append(doc_id)
        for doc_id, expected in self.catalog.chunk_counts().items():
            if self.store.count(SearchFilter({"doc_id": doc_id})) != expected:
                logger.warning("document %s has missing chunks in the store; removing it", doc_id)
                self._drop(doc_id)
                repaired.append(doc_id)
        return repaired

    def _drop(self, doc_id: str) -> None:
        removed = TermDelta()
        try:
            removed.removed = TermDelta.of(self.store.sparse_tokens(SearchFilter({"doc_id": doc_id})))
            self.store.delete_by_doc(doc_id)
        except StoreUnavailableError:
            logger.debug("no store yet while dropping %s", doc_id)
        self.catalog.delete_document(doc_id, removed if doc_id in self.catalog.doc_ids() else None)
        self.catalog.clear_pending(doc_id)
        self.store.flush()

    def rebuild_term_stats(self) -> int:
        """Count every stored passage's tokens again (one pass over the sparse vectors)."""
        counts = TermDelta.of(self.store.sparse_tokens()) if self.catalog.doc_ids() else {}
        self.catalog.rebuild_term_stats(dict(counts))
        logger.info("term statistics rebuilt: %d tokens", len(counts))
        return len(counts)

    # -- writes ------------------------------------------------------------
    def write_document(self, parsed: ParsedDocument, points: list[StorePoint]) -> None:
        """Replace a document atomically: either all its chunks and records are stored, or none."""
        self.write_documents([(parsed, points)])

    def write_documents(self, items: list[tuple[ParsedDocument, list[StorePoint]]]) -> None:
        """Replace several documents, each wholly or not at all: they are marked pending, their
        points written and flushed once, then their records committed in one transaction. A
        crash before the commit leaves pending marks that the next open() rolls back."""
        if not items:
            return
        self._ensure_collection()
        known = self.catalog.doc_ids()
        commits = []
        for parsed, points in items:
            doc_id = parsed.meta.doc_id
            terms = TermDelta(added=TermDelta.of(p.sparse.indices for p in points))
            if doc_id in known:  # a new version: its old passages stop counting
                terms.removed = TermDelta.of(self.store.sparse_tokens(SearchFilter({"doc_id": doc_id})))
            commits.append((parsed, [p.id for p in points], terms))
        doc_ids = [parsed.meta.doc_id for parsed, _ in items]
        self.catalog.mark_pending(*doc_ids)
        for doc_id in doc_ids:
            if doc_id in known:
                self.store.delete_by_doc(doc_id)
        self.store.upsert([p for _, points in items for p in points])
        self.store.flush()
        self.catalog.commit_documents(commits)
        self.catalog.clear_pending(*doc_ids)

    def delete_document(self, doc_id: str) -> bool:
        if doc_id not in self.catalog.doc_ids():
            return False
        self.catalog.mark_pending(doc_id)
        self._drop(doc_id)
        return True

    def supersede_older_editions(self, doc_id: str) -> list[str]:
        """Mark stored documents with the same doc number or title as superseded by ``doc_id``."""
        doc = self.catalog.document(doc_id)
        if doc is None:
            return []
        new = DocMeta(**doc["meta"])
        marked = []
        for old in self.catalog.all_meta():
            if old.doc_id == new.doc_id or old.sha256 == new.sha256:
                continue
            same = (new.doc_number and old.doc_number == new.doc_number) or (new.title and old.title == new.title)
            if same and old.validity in (VALIDITY_IN_FORCE, ""):
                self.catalog.update_meta(old.doc_id, validity=VALIDITY_SUPERSEDED, superseded_by=f"《{new.title}》")
                self.store.set_payload_by_doc(old.doc_id, {"validity": VALIDITY_SUPERSEDED})
                marked.append(old.doc_id)
        return marked

    def sources(self) -> list[tuple[str, Path]]:
        """(doc_id, file) of every stored document: bundled files under the corpus folder,
        uploads under ``<data_dir>/uploads``."""
        out = []
        for meta in self.catalog.all_meta():
            if meta.source.startswith("uploads/"):
                path = self.data_dir / "uploads" / meta.source.split("/", 1)[1]
            else:
                path = Path(self.settings.corpus_dir) / meta.source
            out.append((meta.doc_id, path))
        return out

    def reset(self) -> None:
        """Delete every document and the collection itself (the source files stay)."""
        self._collection_ready = False
        self.store.drop()
        for doc_id in self.catalog.doc_ids():
            self.catalog.delete_document(doc_id)
        for key in ("embedder", "sparse_format"):
            self.catalog.set_setting(key, "")

    # -- backups -----------------------------------------------------------
    def backup(self, dest: Path) -> dict:
        """Copy the catalog and the embedded store to ``dest`` (a new or empty folder)."""
        import json
        import shutil

        from kb.store_edge import EdgeStore

        dest = Path(dest)
        if dest.exists() and any(dest.iterdir()):
            raise FileExistsError(f"{dest} is not empty; back up into a new folder")
        if not isinstance(self.store, EdgeStore):
            raise StoreUnavailableError(
                "backup copies the embedded store only; for a Qdrant server use its snapshot API "
                "(the catalog can still be copied with `sqlite3 catalog.sqlite3 .backup`)"
            )
        dest.mkdir(parents=True, exist_ok=True)
        self.catalog.backup_to(dest / "catalog.sqlite3")
        self.store.close()  # flushes; reopened lazily on next use
        shutil.copytree(self.store.path, dest / "qdrant-edge")
        info = {"documents": len(self.catalog.doc_ids()), "chunks": self.store.count(), "embedder": self.embedder_name}
        (dest / "emkb-backup.json").write_text(json.dumps(info, ensure_ascii=False))
        return info

    def restore(self, src: Path) -> dict:
        """Replace this data directory's catalog and store with a backup made by ``backup``."""
        import json
        import shutil

        src = Path(src)
        if not (src / "emkb-backup.json").exists():
            raise FileNotFoundError(f"{src} is not an emkb backup (no emkb-backup.json)")
        info = json.loads((src / "emkb-backup.json").read_text())
        self.store.close()
        self.catalog.close()
        for name in ("catalog.sqlite3", "catalog.sqlite3-wal", "catalog.sqlite3-shm"):
            (self.data_dir / name).unlink(missing_ok=True)
        shutil.rmtree(self.data_dir / "qdrant-edge", ignore_errors=True)
        shutil.copy2(src / "catalog.sqlite3", self.data_dir / "catalog.sqlite3")
        shutil.copytree(src / "qdrant-edge", self.data_dir / "qdrant-edge")
        self.catalog = Catalog(self.data_dir / "catalog.sqlite3")
        self.store = make_store(self.settings)
        self._collection_ready = False
        self.reconcile()
        return info
