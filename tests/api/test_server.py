"""The API contract against a real uvicorn server over the ingested bundled corpus."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.integration

OWNERS_9 = ["综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队"]
CITATION_KEYS = {"doc_id", "title", "source", "section", "locator", "text", "score"}


@pytest.fixture(scope="module")
def client(live_server):
    with httpx.Client(base_url=live_server, timeout=30) as c:
        yield c


def test_healthz(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["documents"] == 60
    assert body["chunks"] > 1000
    assert body["embedder"] == "multilingual-e5-small"


def test_owner_question_returns_exact_owners_and_cites_task_9(client):
    r = client.post("/ask", json={"question": "重大隐患动态清零行动由哪个科室负责？"})
    assert r.status_code == 200
    body = r.json()
    assert body["abstained"] is False
    assert body["owners"] == OWNERS_9
    assert body["deadline"] == "2023年底"
    top = body["citations"][0]
    assert CITATION_KEYS <= set(top)
    assert top["source"] == "work_plans/001_6081a029a38b96ac.txt"
    assert top["locator"] == "任务9"
    assert "重大隐患动态清零" in top["text"] and "执法支队" in top["text"]
    assert len(top["text"]) <= 800


def test_search_contract(client):
    r = client.get("/search", params={"q": "除尘系统 锁气卸灰", "top_k": 3})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert 1 <= len(hits) <= 3
    assert all(CITATION_KEYS <= set(h) for h in hits)
    assert any("锁气卸灰" in h["text"] for h in hits)


def test_search_reranks_by_coverage_unless_asked_not_to(client):
    q = {"q": "干式除尘系统 锁气卸灰 重大事故隐患", "top_k": 5}
    ranked = client.get("/search", params=q).json()["hits"]
    fused = client.get("/search", params={**q, "rerank": "false"}).json()["hits"]
    assert len(ranked) == len(fused) == 5
    assert "锁气卸灰" in ranked[0]["text"]  # the item that says all of it comes first
    assert {h["text"] for h in ranked} <= {h["text"] for h in client.get("/search", params={**q, "top_k": 20, "rerank": "false"}).json()["hits"]}
    r = client.get("/search", params={**q, "rerank": "sometimes"})
    assert r.status_code == 422 and "rerank" in r.text


def test_clause_reference(client):
    body = client.post("/ask", json={"question": "安全生产法第二十一条"}).json()
    assert body["abstained"] is False
    top = body["citations"][0]
    assert "安全生产法" in top["title"]
    assert "第二十一条" in top["locators"] or top["locator"].startswith("第二十一条")
    assert "第二十一条" in top["text"]


def test_unanswerable_abstains(client):
    body = client.post("/ask", json={"question": "中卫市应急管理局局长张建国的手机号码是多少？"}).json()
    assert body["abstained"] is True
    assert body["citations"] == []


@pytest.mark.parametrize(
    "payload, status, fragment",
    [
        ({"question": ""}, 422, ""),
        ({"question": "   "}, 422, "empty"),
        ({"question": "？？！！……"}, 422, "no words"),
        ({"question": "😀😀😀"}, 422, "no words"),
        ({"question": "安全" * 400}, 422, "limit"),
        ({"question": "安全生产", "top_k": -1}, 422, ""),
        ({"question": "安全生产", "top_k": 10_000}, 422, ""),
        ({"question": 12}, 422, ""),
        ({"q": "x"}, 422, ""),
    ],
)
def test_bad_questions_get_a_clear_4xx(client, payload, status, fragment):
    r = client.post("/ask", json=payload)
    assert r.status_code == status
    assert fragment in str(r.json()["detail"])


@pytest.mark.parametrize(
    "filters, fragment",
    [
        ({"category": "no_such_category"}, "category"),
        ({"validity": "永远有效"}, "validity"),
        ({"doc_id": "no-such-doc"}, "doc_id"),
        ({"year_from": 2024, "year_to": 2020}, "year_from"),
    ],
)
def test_a_filter_no_document_can_match_is_a_clear_4xx(client, filters, fragment):
    """A misspelt filter must not read as "the corpus does not say"."""
    r = client.post("/ask", json={"question": "安全生产责任制", **filters})
    assert r.status_code == 422 and fragment in r.json()["detail"], r.text
    r = client.get("/search", params={"q": "安全生产责任制", **filters})
    assert r.status_code == 422 and fragment in r.json()["detail"], r.text


def test_a_stored_filter_value_is_accepted_and_applied(client):
    doc = client.get("/documents").json()["documents"][0]
    r = client.post("/ask", json={"question": "安全生产", "category": doc["category"], "validity": doc["validity"]})
    assert r.status_code == 200
    hits = client.get("/search", params={"q": "安全生产", "doc_id": doc["doc_id"]}).json()["hits"]
    assert hits and {h["doc_id"] for h in hits} == {doc["doc_id"]}
    # the rejected category lists the stored ones, so the user can correct it
    assert doc["category"] in client.post("/ask", json={"question": "安全生产", "category": "x"}).json()["detail"]


def test_malformed_json_is_a_4xx(client):
    r = client.post("/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_openapi_documents_the_contract(client):
    spec = client.get("/openapi.json").json()
    assert "/ask" in spec["paths"] and "/search" in spec["paths"]
    cit = spec["components"]["schemas"]["Citation"]["properties"]
    assert CITATION_KEYS <= set(cit)


def test_ingest_beside_the_server_fails_at_once_naming_the_fix(live_server, server_dir):
    env = {**os.environ, "EMKB_DATA_DIR": str(server_dir), "EMKB_PROGRESS": "false"}
    out = subprocess.run(
        [sys.executable, "-m", "api.cli", "ingest", str(CORPUS / "hazard_criteria")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 2
    assert "in use by emkb pid" in out.stderr and "POST /documents" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    # and the server still answers with everything it had
    assert httpx.get(live_server + "/healthz").json()["documents"] == 60
