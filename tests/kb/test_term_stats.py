"""Passage counts per token, kept with every write, always equal a full recount of the store."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.integration

FILES = ["laws_regulations/anquan-shengchan-xukezheng-tiaoli-2014.md", "hazard_criteria/yanhua-baozhu-zhongda-yinhuan-panding-2017.md",
         "work_plans/001_6081a029a38b96ac.txt"]


def counts(kb) -> dict[int, int]:
    rows = kb.catalog._conn.execute("SELECT token, df FROM term_df").fetchall()  # noqa: SLF001
    return {r["token"]: r["df"] for r in rows}


def recount(kb) -> dict[int, int]:
    from kb.catalog import TermDelta

    return dict(TermDelta.of(kb.store.sparse_tokens()))


def test_counts_follow_adds_edits_and_deletes(tmp_path):
    from ingest.pipeline import Ingestor
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    corpus = tmp_path / "corpus"
    for f in FILES:
        (corpus / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f, corpus / f)
    with KnowledgeBase(make_settings(tmp_path / "data", corpus_dir=corpus, embedder="none")) as kb:
        Ingestor(kb, corpus_dir=corpus).ingest([corpus], progress=False)
        assert counts(kb) == recount(kb) and counts(kb)
        r = Retriever(kb)
        n_before, df_before = r.passage_count(), r.doc_freq("许可证")
        assert df_before > 0 and n_before == kb.store.count()
        # an edited file replaces its passages: the old ones stop counting
        path = corpus / FILES[0]
        path.write_text(path.read_text(encoding="utf-8").replace("安全生产许可证", "安全许可"), encoding="utf-8")
        Ingestor(kb, corpus_dir=corpus).ingest([corpus], progress=False)
        assert counts(kb) == recount(kb)
        assert r.doc_freq("许可证") < df_before  # the cache follows the catalog generation
        kb.delete_document("yanhua-baozhu-zhongda-yinhuan-panding-2017")
        assert counts(kb) == recount(kb)
        assert r.passage_count() == kb.store.count() < n_before


def test_an_older_catalog_gets_its_counts_on_open(tmp_path):
    from ingest.pipeline import Ingestor
    from kb.service import KnowledgeBase

    settings = make_settings(tmp_path / "data", embedder="none")
    with KnowledgeBase(settings) as kb:
        Ingestor(kb).ingest([CORPUS / FILES[1]], progress=False)
        expected = counts(kb)
        kb.catalog._conn.execute("DELETE FROM term_df")  # noqa: SLF001 - as written by emkb before this table
    with KnowledgeBase(settings) as kb:
        assert counts(kb) == expected
