"""SIGKILL in the middle of a batch: the store opens, no half documents, a re-run completes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kb.service import KnowledgeBase
from kb.store import SearchFilter
from tests.conftest import CORPUS, ROOT, make_settings

pytestmark = pytest.mark.integration


def _committed(db) -> int:
    """Documents whose write finished: their records committed and their pending mark cleared (a kill
    between the two leaves a mark, and the next open rolls the document back)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents WHERE 'pending:' || doc_id NOT IN "
                                "(SELECT key FROM settings)").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_leaves_whole_documents(tmp_path):
    data = tmp_path / "data"
    # the fast embedder: what is tested is the store and the catalog, and with the default one the
    # 35 laws took 160 s to embed
    env = {**os.environ, "EMKB_DATA_DIR": str(data), "EMKB_PROGRESS": "false", "EMKB_EMBEDDER": "use"}
    target = CORPUS / "laws_regulations"
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "ingest", str(target)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    db = data / "catalog.sqlite3"
    deadline = time.time() + 240
    while time.time() < deadline and _committed(db) < 5 and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; the test needs a larger batch"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = _committed(db)
    assert 5 <= before < 35

    settings = make_settings(data, embedder="use")
    with KnowledgeBase(settings) as kb:
        docs = kb.catalog.chunk_counts()
        for doc_id, n in docs.items():  # every document wholly present ...
            assert kb.store.count(SearchFilter({"doc_id": doc_id})) == n, doc_id
        assert kb.store.count() == sum(docs.values())  # ... and nothing else
        assert kb.catalog.pending() == []

    out = subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(target)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    # resumed, not restarted: what was committed before the kill is not parsed or embedded again
    summary = out.stdout + out.stderr
    assert f"unchanged {before}," in summary, summary
    assert f"added {35 - before}," in summary, summary
    with KnowledgeBase(settings) as kb:
        assert len(kb.catalog.doc_ids()) == 35
        assert kb.store.count() == sum(kb.catalog.chunk_counts().values())


def test_an_interrupted_index_build_is_finished_by_the_next_ingest(tmp_path):
    """Stopped after its last write but before its index build, an ingest leaves every document
    committed; the next one has nothing to add and still builds the index."""
    from ingest.pipeline import Ingestor

    settings = make_settings(tmp_path / "data", embedder="use")
    target = CORPUS / "hazard_criteria"

    def stopped() -> None:
        raise KeyboardInterrupt

    with KnowledgeBase(settings) as kb:
        kb.store.optimize = stopped
        with pytest.raises(KeyboardInterrupt):
            Ingestor(kb).ingest([target], progress=False)
    with KnowledgeBase(settings) as kb:
        assert kb.store.needs_index()
        report = Ingestor(kb).ingest([target], progress=False)
        assert report.added == [] and len(report.unchanged) == len(list(target.iterdir()))
        assert not kb.store.needs_index()
        hits = kb.store.search(dense=kb.embedder.embed_query("锁气卸灰").tolist(), sparse=None, limit=3, mode="dense")
        assert len(hits) == 3
