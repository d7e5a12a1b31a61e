"""Export a knowledge base to a folder, and import it into any backend.

This is how an embedded store moves into a Qdrant server or cluster (or back):

    emkb export /srv/emkb-export                       # from the embedded store
    QDRANT_URL=http://qdrant-1:6333 emkb import /srv/emkb-export

The export holds the catalog (SQLite) and every point: dense vector, sparse vector
and payload, in compressed NumPy files of BATCH points. Nothing is re-embedded on
import, so the answers are the same; the target's index settings (HNSW,
quantization, shards, replicas) are its own, from its settings.

An import marks every document pending before it loads a point and clears the
marks only when all points are stored and counted, so an interrupted import is
rolled back by the next open (KnowledgeBase.reconcile), like an interrupted ingest.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from kb.sparse import SparseVec
from kb.store import StorePoint, StoreUnavailableError

logger = logging.getLogger(__name__)

FORMAT = 1
BATCH = 10_000
MANIFEST = "emkb-export.json"


class TransferError(Exception):
    """An export or import that cannot be done as asked."""


def export_kb(kb, dest: Path, *, progress=None) -> dict:
    """Write ``kb`` (opened) to ``dest``, a new or empty folder. Returns the manifest."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise TransferError(f"{dest} is not empty; export into a new folder")
    dest.mkdir(parents=True, exist_ok=True)
    kb.catalog.backup_to(dest / "catalog.sqlite3")
    files, total, dim = [], 0, 0
    for i, points in enumerate(_batches(kb.store.iter_points(1000), BATCH)):
        name = f"points-{i:05d}.npz"
        dim = max(dim, _write_batch(dest / name, points))
        files.append(name)
        total += len(points)
        if progress:
            progress(total)
    manifest = {
        "format": FORMAT,
        "embedder": kb.embedder_name,
        "sparse_format": kb.catalog.get_setting("sparse_format") or "",
        "dim": dim,
        "documents": len(kb.catalog.doc_ids()),
        "points": total,
        "files": files,
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def read_manifest(src: Path) -> dict:
    path = Path(src) / MANIFEST
    if not path.exists():
        raise TransferError(f"{src} is not an emkb export (no {MANIFEST})")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise TransferError(f"{src} has export format {manifest.get('format')!r}; this emkb reads format {FORMAT}")
    return manifest


def import_kb(kb, src: Path, *, replace: bool = False, progress=None) -> dict:
    """Load an export into ``kb`` (opened with ``check_index=False``). The target must be empty
    unless ``replace``; its embedder must be the export's (questions are embedded with it)."""
    src = Path(src)
    manifest = read_manifest(src)
    if manifest["embedder"] != kb.embedder_name:
        raise TransferError(
            f"the export was built with the embedder {manifest['embedder']!r} but EMKB_EMBEDDER selects "
            f"{kb.embedder_name!r}; set EMKB_EMBEDDER to match (questions must be embedded the same way)"
        )
    if kb.catalog.doc_ids() or kb.store.count():
        if not replace:
            raise TransferError(
                f"the target already holds {len(kb.catalog.doc_ids())} documents; import into an empty store, "
                "or pass --replace to delete them first"
            )
        kb.reset()
    kb.catalog.restore_from(src / "catalog.sqlite3")
    doc_ids = sorted(kb.catalog.doc_ids())
    for doc_id in doc_ids:  # rolled back by reconcile() if the import stops half way
        kb.catalog.mark_pending(doc_id)
    kb.store.ensure_collection(int(manifest["dim"]))
    kb.catalog.set_setting("embedder", manifest["embedder"])
    kb.catalog.set_setting("sparse_format", manifest["sparse_format"])
    loaded = 0
    for name in manifest["files"]:
        points = _read_batch(src / name)
        for i in range(0, len(points), 1000):
            kb.store.upsert(points[i : i + 1000])
        loaded += len(points)
        if progress:
            progress(loaded)
    kb.store.flush()
    kb.store.optimize()
    stored = kb.store.count()
    if stored != manifest["points"]:
        raise StoreUnavailableError(
            f"imported {manifest['points']} points but the store counts {stored}; run the import again with --replace"
        )
    for doc_id in doc_ids:
        kb.catalog.clear_pending(doc_id)
    kb.rebuild_term_stats()
    return {**manifest, "imported": loaded}


# -- the point files ---------------------------------------------------------------
def _batches(it: Iterator[list[StorePoint]], size: int) -> Iterator[list[StorePoint]]:
    buf: list[StorePoint] = []
    for batch in it:
        buf.extend(batch)
        while len(buf) >= size:
            yield buf[:size]
            buf = buf[size:]
    if buf:
        yield buf


def _write_batch(path: Path, points: list[StorePoint]) -> int:
    dims = {len(p.dense) for p in points if p.dense is not None}
    if len(dims) > 1:
        raise TransferError(f"points with dense vectors of different sizes {sorted(dims)}")
    dim = dims.pop() if dims else 0
    dense = np.zeros((len(points), dim), dtype=np.float32)
    has_dense = np.zeros(len(points), dtype=bool)
    for i, p in enumerate(points):
        if p.dense is not None:
            dense[i] = p.dense
            has_dense[i] = True
    lengths = [len(p.sparse.indices) for p in points]
    tmp = path.with_suffix(".part.npz")
    np.savez_compressed(
        tmp,
        ids=np.array([p.id for p in points]),
        dense=dense,
        has_dense=has_dense,
        sparse_ptr=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        sparse_idx=np.array([i for p in points for i in p.sparse.indices], dtype=np.uint32),
        sparse_val=np.array([v for p in points for v in p.sparse.values], dtype=np.float32),
        payload=np.array([json.dumps(p.payload, ensure_ascii=False) for p in points]),
    )
    shutil.move(tmp, path)
    return dim


def _read_batch(path: Path) -> list[StorePoint]:
    if not path.exists():
        raise TransferError(f"{path} is missing from the export")
    # each member of an npz decompresses again on every z[name]; read each one once (indexing
    # z["dense"][i] per point made an import quadratic: 260 s for the bundled corpus)
    with np.load(path, allow_pickle=False) as z:
        ids, dense, has_dense, payload = z["ids"], z["dense"], z["has_dense"], z["payload"]
        ptr, idx, val = z["sparse_ptr"], z["sparse_idx"], z["sparse_val"]
    out = []
    for i, pid in enumerate(ids):
        a, b = int(ptr[i]), int(ptr[i + 1])
        out.append(StorePoint(
            id=str(pid),
            dense=dense[i].tolist() if has_dense[i] else None,
            sparse=SparseVec(idx[a:b].astype(int).tolist(), val[a:b].astype(float).tolist()),
            payload=json.loads(str(payload[i])),
        ))
    return out
