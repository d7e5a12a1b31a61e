"""Keys, security headers, CORS, request-size limits and a per-client rate limit."""

from __future__ import annotations

import hmac
import threading
import time
from collections import OrderedDict

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse, Response

from kb.settings import Settings

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_admin(request: Request) -> None:
    """Dependency of every write endpoint."""
    settings: Settings = request.app.state.settings
    if not settings.writes_enabled:
        raise HTTPException(403, detail="writes are disabled on this server; set EMKB_ADMIN_API_KEY and restart")
    if settings.admin_api_key is None:  # allow_unauthenticated_writes, local use
        return
    if not _same(_bearer(request), settings.admin_api_key):
        raise HTTPException(
            401, detail="this needs the admin key: send Authorization: Bearer <EMKB_ADMIN_API_KEY>",
            headers={"WWW-Authenticate": "Bearer"},
        )


class GuardMiddleware(BaseHTTPMiddleware):
    """Read key, size limit, rate limit, security headers: one pass over every request."""

    OPEN_PATHS = ("/healthz",)

    def __init__(self, app, settings: Settings) -> None:
        super().__init__(app)
        self.settings = settings
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def _allow(self, client: str) -> bool:
        rate = self.settings.rate_limit_per_minute
        if rate <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(rate), now))
            tokens = min(float(rate), tokens + (now - last) * rate / 60.0)
            ok = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if ok else tokens, now)
            while len(self._buckets) > 10_000:
                self._buckets.popitem(last=False)
        return ok

    async def dispatch(self, request: Request, call_next) -> Response:
        s = self.settings
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > s.max_request_bytes:
            return self._headers(JSONResponse({"detail": f"request body over {s.max_request_bytes} bytes"}, 413))
        client = request.client.host if request.client else "unknown"
        if not self._allow(client):
            return self._headers(
                JSONResponse({"detail": "too many requests; slow down"}, 429, headers={"Retry-After": "5"})
            )
        path = request.url.path
        is_page = path == "/" or path.startswith("/static") or path in ("/docs", "/openapi.json", "/favicon.ico")
        if s.read_api_key and not is_page and path not in self.OPEN_PATHS:
            token = _bearer(request) or request.headers.get("x-api-key")
            if not (_same(token, s.read_api_key) or (s.admin_api_key and _same(token, s.admin_api_key))):
                return self._headers(
                    JSONResponse({"detail": "this server needs a read key: Authorization: Bearer <key>"}, 401)
                )
        return self._headers(await call_next(request))

    @staticmethod
    def _headers(response: Response) -> Response:
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response
