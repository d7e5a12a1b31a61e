"""Quality gate: a fast subset of the benchmark through the real pipeline.

Thresholds sit a little under the measured figures (see eval/thresholds-ci.json),
so that a regression trips them while noise does not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.harness import check_thresholds, load_questions, run, score
from tests.conftest import make_settings

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_subset_meets_the_gate(kb_dir):
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    questions = load_questions(sorted((ROOT / "eval" / "questions").glob("*.jsonl")))
    subset = questions[::2]  # every other question: all types, half the time
    thresholds = json.loads((ROOT / "eval" / "thresholds-ci.json").read_text())
    with KnowledgeBase(make_settings(kb_dir)) as kb:
        retriever = Retriever(kb)
        retriever.warm_up()
        answerer = Answerer(retriever)
        report = score(run(subset, lambda q, k: answerer.ask(q, k).to_dict(), 10))
    failed = check_thresholds(report, thresholds)
    summary = {k: report[k] for k in ("n", "hit@1", "hit@5", "mrr@10", "owner_exact", "abstain_recall", "false_abstain")}
    assert not failed, f"{failed}; {summary}"
