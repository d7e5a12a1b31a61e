"""`emkb eval --api` against real servers: a rate-limited one scores as an unlimited one."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, serving_copy

pytestmark = pytest.mark.integration

QUESTIONS = ROOT / "eval" / "questions" / "handwritten.jsonl"
N = 40


@pytest.fixture(scope="module")
def limited_server(ingested_dir, tmp_path_factory):
    env = {"EMKB_RATE_LIMIT_PER_MINUTE": "30"}
    with serving_copy(ingested_dir, tmp_path_factory.mktemp("limited") / "data", env) as url:
        yield url


def _eval(url, out):
    r = subprocess.run(
        [sys.executable, "-m", "api.cli", "eval", "--api", url, "--questions", str(QUESTIONS), "--limit", str(N),
         "--json", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return r, json.loads(r.stdout) if r.stdout.strip().startswith("{") else None


def test_rate_limit_refusals_are_waited_out_not_scored_as_misses(live_server, limited_server, tmp_path):
    free, free_rep = _eval(live_server, tmp_path / "free")
    limited, rep = _eval(limited_server, tmp_path / "limited")
    assert free.returncode == 0 and free_rep["refused"] == 0, free.stderr
    assert limited.returncode == 0, limited.stderr
    # 40 questions against a 30-per-minute bucket: some are refused, none is lost
    assert rep["refused"] >= 1 and rep["errors"] == 0
    assert "rate limit" in limited.stderr
    for key in ("hit@1", "hit@5", "owner_exact", "abstain_recall", "false_abstain"):
        assert rep[key] == free_rep[key], key
