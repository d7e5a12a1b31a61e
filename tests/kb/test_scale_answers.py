"""Answers over a generated scale corpus (eval.scale, real parser, real embedded store, sparse
only to stay fast): an office with more tasks than an answer lists gets the total and the
newest ones, each cited."""

from __future__ import annotations

import pytest

from eval.scale.generate import generate
from ingest.pipeline import Ingestor
from kb.answer import TASK_LIST_MAX, Answerer
from kb.retrieval import Retriever
from kb.service import KnowledgeBase
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


def test_an_office_with_hundreds_of_tasks_gets_the_total_and_the_newest(tmp_path):
    corpus = tmp_path / "corpus"
    generate(3000, 5, corpus, progress=False)
    with KnowledgeBase(make_settings(tmp_path / "data", corpus_dir=corpus, embedder="none")) as kb:
        Ingestor(kb, corpus_dir=corpus).ingest([corpus], progress=False)
        total, _ = kb.catalog.tasks_of("执法支队")
        assert total > TASK_LIST_MAX  # else the corpus is too small to test the cap
        ans = Answerer(Retriever(kb)).ask("执法支队负责哪些任务？", 5)
        assert ans.kind == "task_list" and ans.owners == ["执法支队"]
        assert f"执法支队负责（含牵头与配合）{total}项任务，以下是最新文件中的{TASK_LIST_MAX}项" in ans.answer
        assert len(ans.tasks) == TASK_LIST_MAX
        assert all("执法支队" in t["owners"] for t in ans.tasks)
        dates = [kb.catalog.meta(t["doc_id"]).date for t in ans.tasks]
        assert dates == sorted(dates, reverse=True)
        assert len(ans.citations) >= TASK_LIST_MAX - 2  # each listed task quoted from its passage
        titles = {t["title"].rstrip("。") for t in ans.tasks}
        for c in ans.citations:
            assert c["kind"] == "task" and any(title in c["text"] for title in titles)
