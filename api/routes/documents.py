"""Documents, tasks and clauses: the structured records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from api.deps import Services, services
from api.schemas import DocumentsResponse, TasksResponse
from kb.textnorm import normalize

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=DocumentsResponse, summary="List documents with metadata")
def list_documents(
    svc: Annotated[Services, Depends(services)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    docs, total = svc.kb.catalog.documents(limit, offset)
    return {"documents": docs, "total": total}


@router.get("/documents/{doc_id}", summary="One document: metadata, outline, text")
def get_document(doc_id: str, svc: Annotated[Services, Depends(services)]) -> dict:
    doc = svc.kb.catalog.document(doc_id)
    if doc is None:
        raise HTTPException(404, detail=f"no document {doc_id!r}; GET /documents lists them")
    doc["units"] = svc.kb.catalog.units(doc_id)
    doc["tasks"] = [t.to_dict() for t in svc.kb.catalog.tasks(doc_id)]
    return doc


@router.get("/tasks", response_model=TasksResponse, summary="Work-plan tasks, filterable by owner")
def list_tasks(
    svc: Annotated[Services, Depends(services)],
    owner: str | None = None,
    q: str | None = None,
    doc_id: str | None = None,
    deadline: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    tasks = svc.kb.catalog.tasks(doc_id)
    if owner:
        tasks = [t for t in tasks if any(owner in o for o in t.owners)]
    if deadline:
        tasks = [t for t in tasks if deadline in t.deadline]
    if q:
        nq = normalize(q)
        tasks = [t for t in tasks if nq in normalize(t.text)]
    return {"tasks": [t.to_dict() for t in tasks[offset : offset + limit]], "total": len(tasks)}


@router.get("/clauses/{doc_id}/{locator}", summary="One article or item by its locator")
def get_clause(doc_id: str, locator: str, svc: Annotated[Services, Depends(services)]) -> dict:
    doc = svc.kb.catalog.document(doc_id)
    if doc is None:
        raise HTTPException(404, detail=f"no document {doc_id!r}; GET /documents lists them")
    units = svc.kb.catalog.units(doc_id, locator)
    if not units:
        raise HTTPException(404, detail=f"{doc['meta']['title']} has no {locator!r}; see GET /documents/{doc_id} for its outline")
    u = units[0]
    return {
        "doc_id": doc_id,
        "title": doc["meta"]["title"],
        "validity": doc["meta"].get("validity", ""),
        "locator": locator,
        "section": u["section"],
        "kind": u["kind"],
        "page": u["page"],
        "start": u["start"],
        "end": u["end"],
        "text": doc["text"][u["start"] : u["end"]],
    }
