"""Security middleware in-process (fast unit tests with a tiny app)."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from api.security import GuardMiddleware, require_admin
from kb.settings import Settings


def _app(**overrides) -> TestClient:
    settings = Settings(**{"data_dir": "/nonexistent", **overrides})
    app = FastAPI()
    app.state.settings = settings
    app.add_middleware(GuardMiddleware, settings=settings)

    @app.get("/healthz")
    def health():
        return {"ok": True}

    @app.get("/search")
    def search():
        return {"hits": []}

    @app.post("/documents", dependencies=[Depends(require_admin)])
    def upload():
        return {"ok": True}

    return TestClient(app)


def test_rate_limit_per_client():
    c = _app(rate_limit_per_minute=5)
    codes = [c.get("/search").status_code for _ in range(8)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429] * 3
    r = c.get("/search")
    assert r.headers["retry-after"] == "5" and "slow down" in r.json()["detail"]


def test_read_key_guards_reading_but_not_health():
    c = _app(read_api_key="r-key")
    assert c.get("/healthz").status_code == 200
    assert c.get("/search").status_code == 401
    assert c.get("/search", headers={"Authorization": "Bearer r-key"}).status_code == 200


def test_admin_key_in_constant_time_and_writes_off_without_key():
    assert _app().post("/documents").status_code == 403
    c = _app(admin_api_key="a-key")
    assert c.post("/documents").status_code == 401
    assert c.post("/documents", headers={"Authorization": "Bearer a-key "}).status_code == 200
    assert c.post("/documents", headers={"Authorization": "Basic a-key"}).status_code == 401


def test_request_size_limit():
    c = _app(max_request_bytes=100)
    r = c.post("/documents", content=b"x" * 1000)
    assert r.status_code == 413


def test_unsafe_configuration_is_refused():
    import pytest

    with pytest.raises(ValueError, match="EMKB_ADMIN_API_KEY"):
        Settings(writes="on").check_security()
    Settings(writes="on", allow_unauthenticated_writes=True).check_security()
