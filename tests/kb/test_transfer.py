"""emkb export / emkb import: the way an embedded store moves into a Qdrant cluster."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT, make_settings

pytestmark = pytest.mark.integration

FILES = ["laws_regulations/anquan-shengchan-xukezheng-tiaoli-2014.md", "work_plans/001_6081a029a38b96ac.txt"]
QUESTIONS = ["安全生产许可证的有效期是几年？", "重大隐患动态清零行动由哪个科室负责？", "驾驶证扣分怎么办？"]


def emkb(env_extra, *args):
    env = {**os.environ, "EMKB_PROGRESS": "false", **env_extra}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    base = tmp_path_factory.mktemp("transfer")
    corpus = base / "corpus"
    for f in FILES:
        (corpus / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f, corpus / f)
    shutil.copy(CORPUS / "manifest.json", corpus / "manifest.json")
    env = {"EMKB_DATA_DIR": str(base / "edge"), "EMKB_CORPUS_DIR": str(corpus), "EMKB_EMBEDDER": "use"}
    assert emkb(env, "ingest", str(corpus)).returncode == 0
    out = emkb(env, "export", str(base / "export"))
    assert out.returncode == 0, out.stderr
    assert "exported 2 documents" in out.stdout
    return base, env


def answers(env) -> list[dict]:
    out = []
    for q in QUESTIONS:
        r = emkb(env, "ask", q, "--json")
        assert r.returncode == 0, r.stderr
        body = json.loads(r.stdout)
        out.append({k: body[k] for k in ("answer", "abstained", "owners", "deadline")}
                   | {"cites": [(c["chunk_id"], round(c["score"], 4)) for c in body["citations"]]})
    return out


def test_import_into_qdrant_client_answers_the_same(source, tmp_path):
    base, env = source
    target = {"EMKB_DATA_DIR": str(tmp_path / "target"), "EMKB_QDRANT_PATH": str(tmp_path / "target" / "qdrant"),
              "EMKB_EMBEDDER": "use"}
    out = emkb(target, "import", str(base / "export"))
    assert out.returncode == 0, out.stderr
    assert "imported 2 documents" in out.stdout
    assert answers(target) == answers(env)


def test_import_refuses_a_store_that_holds_documents_and_another_embedder(source, tmp_path):
    base, env = source
    out = emkb(env, "import", str(base / "export"))  # the source itself is not empty
    assert out.returncode == 2 and "already holds 2 documents" in out.stderr and "--replace" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    other = {"EMKB_DATA_DIR": str(tmp_path / "t"), "EMKB_EMBEDDER": "none"}
    out = emkb(other, "import", str(base / "export"))
    assert out.returncode == 2 and "built with the embedder 'use-multilingual-v3'" in out.stderr
    out = emkb(other, "import", str(tmp_path))
    assert out.returncode == 2 and "is not an emkb export" in out.stderr
    out = emkb(env, "export", str(base / "export"))
    assert out.returncode == 2 and "not empty" in out.stderr


def test_an_interrupted_import_is_rolled_back_on_next_open(source, tmp_path):
    from kb.service import KnowledgeBase
    from kb.transfer import import_kb

    base, _ = source
    settings = make_settings(tmp_path / "t", embedder="use")
    kb = KnowledgeBase(settings).open(check_index=False)
    real = kb.store.upsert

    def dying_upsert(points):
        real(points[: len(points) // 2])
        raise KeyboardInterrupt  # the operator's Ctrl-C, half way through the points

    kb.store.upsert = dying_upsert
    with pytest.raises(KeyboardInterrupt):
        import_kb(kb, base / "export")
    kb.close()
    with KnowledgeBase(settings) as kb:  # the next start removes what the import half wrote
        assert kb.catalog.doc_ids() == set() and kb.store.count() == 0
