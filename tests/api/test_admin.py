"""Uploads, deletes, keys and hardening against a real server with writes enabled."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import httpx
import pytest

from tests.conftest import ROOT, free_port, serving_copy

pytestmark = pytest.mark.integration

KEY = "test-admin-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}
NOTICE = (
    "关于开展2026年冬季森林防火专项检查的通知\n市应急发〔2026〕9号\n"
    "各县区应急管理局：\n一、检查重点。重点检查林区野外用火管控、防火隔离带建设和扑火物资储备情况。\n"
    "二、时间安排。专项检查于2026年12月31日前完成，由森林防火科牵头。\n市应急管理局\n2026年11月20日\n"
)


@pytest.fixture(scope="module")
def admin_server(ingested_dir, tmp_path_factory):
    env = {"EMKB_ADMIN_API_KEY": KEY, "EMKB_MAX_UPLOAD_BYTES": "200000"}
    with serving_copy(ingested_dir, tmp_path_factory.mktemp("admin") / "data", env) as url:
        yield url


@pytest.fixture()
def client(admin_server):
    with httpx.Client(base_url=admin_server, timeout=120) as c:
        yield c


def _upload(client, name, data, headers=AUTH):
    return client.post("/documents", files={"file": (name, io.BytesIO(data))}, headers=headers)


def test_writes_need_the_admin_key(client):
    assert _upload(client, "a.txt", NOTICE.encode(), headers={}).status_code == 401
    assert _upload(client, "a.txt", NOTICE.encode(), headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.delete("/documents/anquan-shengchan-fa-2021").status_code == 401
    health = client.get("/healthz").json()
    assert health["documents"] == 60
    assert health["hnsw_ef"] == 512  # EMKB_HNSW_EF unset: the bundled corpus is far below 200k chunks


def test_upload_answer_and_delete(client):
    r = _upload(client, "森林防火检查通知.txt", NOTICE.encode("gb18030"))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "added" and body["summary"]["chunks"] >= 1
    doc_id = body["doc_id"]
    assert client.get("/healthz").json()["documents"] == 61
    again = _upload(client, "copy.txt", NOTICE.encode("gb18030"))
    assert again.json()["status"] == "unchanged" and again.json()["doc_id"] == doc_id
    ans = client.post("/ask", json={"question": "冬季森林防火专项检查什么时候之前完成？"}).json()
    assert any(c["doc_id"] == doc_id for c in ans["citations"])
    assert client.delete(f"/documents/{doc_id}", headers=AUTH).json()["status"] == "deleted"
    assert client.delete(f"/documents/{doc_id}", headers=AUTH).status_code == 404
    assert client.get("/healthz").json()["documents"] == 60


def test_new_edition_supersedes_the_old(client):
    first = _upload(client, "edition-1.txt", NOTICE.encode()).json()
    second = _upload(client, "edition-2.txt", NOTICE.replace("12月31日", "12月25日").encode()).json()
    assert second["superseded"] == [first["doc_id"]]
    old = client.get(f"/documents/{first['doc_id']}").json()["meta"]
    assert old["validity"] == "被替代"
    for d in (first["doc_id"], second["doc_id"]):
        client.delete(f"/documents/{d}", headers=AUTH)


def _pdf(encrypted=False, blank=False) -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    if encrypted:
        w.encrypt("secret")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "name, data, status",
    [
        ("empty.txt", b"", 422),
        ("binary.txt", bytes(range(256)) * 20, 415),
        ("corrupt.pdf", b"%PDF-1.4\n garbage", 422),
        ("encrypted.pdf", "encrypted", 422),
        ("scanned.pdf", "blank", 422),
        ("big.txt", "安".encode() * 100_000, 413),
        ("notes.exe", b"MZ\x90\x00", 415),
        ("noext", b"hello", 415),
    ],
)
def test_bad_uploads_are_refused_and_store_nothing(client, name, data, status):
    if data == "encrypted":
        data = _pdf(encrypted=True)
    elif data == "blank":
        data = _pdf(blank=True)
    r = _upload(client, name, data)
    assert r.status_code == status, r.text
    assert name.split(".")[0] in r.json()["detail"] or status == 413
    assert client.get("/healthz").json()["documents"] == 60


def test_path_traversal_names_are_made_safe(client, admin_server):
    r = _upload(client, "../../etc/破坏\x07.txt", NOTICE.replace("森林防火", "防汛").encode())
    assert r.status_code == 201, r.text
    doc = client.get(f"/documents/{r.json()['doc_id']}").json()["meta"]
    assert doc["source"].startswith("uploads/") and ".." not in doc["source"] and "\x07" not in doc["source"]
    client.delete(f"/documents/{r.json()['doc_id']}", headers=AUTH)


def test_security_headers_and_closed_cors(client):
    r = client.get("/healthz", headers={"Origin": "http://evil.example"})
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "access-control-allow-origin" not in r.headers


def test_server_refuses_to_start_with_writes_and_no_key(tmp_path):
    env = {**os.environ, "EMKB_DATA_DIR": str(tmp_path), "EMKB_WRITES": "on"}
    env.pop("EMKB_ADMIN_API_KEY", None)
    out = subprocess.run(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(free_port())],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 2
    assert "EMKB_ADMIN_API_KEY" in out.stderr


def test_writes_are_off_without_a_key(live_server):
    r = httpx.post(live_server + "/documents", files={"file": ("a.txt", b"x")})
    assert r.status_code == 403 and "EMKB_ADMIN_API_KEY" in r.json()["detail"]
