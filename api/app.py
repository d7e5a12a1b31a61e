"""The FastAPI application: JSON API, the chat page and the inspector view."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api.deps import Services
from api.routes import admin, ask, documents
from api.security import GuardMiddleware
from api.schemas import Health
from kb.answer import Answerer
from kb.retrieval import Retriever
from kb.service import KnowledgeBase
from kb.settings import Settings, get_settings
from kb.store import StoreError, StoreUnavailableError

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None, kb: KnowledgeBase | None = None) -> FastAPI:
    settings = settings if settings is not None else get_settings()
    settings.check_security()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        base = kb if kb is not None else KnowledgeBase(settings)
        base.open()
        retriever = Retriever(base)
        retriever.warm_up()
        app.state.services = Services(base, retriever, Answerer(retriever))
        try:
            yield
        finally:
            base.close()

    app = FastAPI(
        title="emkb",
        version="0.1.0",
        description="应急管理法规知识库 — cited answers over laws, hazard-judgment standards and work plans.",
        lifespan=lifespan,
    )

    @app.exception_handler(StoreUnavailableError)
    async def _store_down(request: Request, exc: StoreUnavailableError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.get("/healthz", response_model=Health, tags=["ops"])
    def healthz(request: Request) -> dict:
        svc: Services = request.app.state.services
        return {
            "status": "ok",
            "documents": len(svc.kb.catalog.doc_ids()),
            "chunks": svc.kb.store.count(),
            "embedder": svc.kb.embedder_name,
            "backend": settings.backend,
            "hnsw_ef": svc.kb.store.search_ef(),  # the configured ef, or the one the store's size picks
        }

    app.state.settings = settings
    app.add_middleware(GuardMiddleware, settings=settings)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )

    app.include_router(ask.router)
    app.include_router(documents.router)
    app.include_router(admin.router)

    if (STATIC / "index.html").exists():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(STATIC / "index.html")

    return app
