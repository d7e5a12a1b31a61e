"""Write endpoints: upload and delete documents. All need the admin key."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile

from api.deps import Services, services
from api.security import require_admin
from ingest.errors import IngestError

router = APIRouter(tags=["admin"], dependencies=[Depends(require_admin)])


@router.post("/documents", status_code=201, summary="Upload a document into the live knowledge base")
async def upload(
    svc: Annotated[Services, Depends(services)],
    file: Annotated[UploadFile, File(description="txt, md, pdf, docx or html")],
) -> dict:
    limit = svc.kb.settings.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, detail=f"{file.filename}: file over the {limit}-byte limit (EMKB_MAX_UPLOAD_BYTES)")
    return await asyncio.to_thread(_ingest, svc, data, file.filename or "")


def _ingest(svc: Services, data: bytes, filename: str) -> dict:
    from ingest.pipeline import Ingestor

    with svc.write_lock:
        ingestor = Ingestor(svc.kb)
        try:
            doc_id, status, summary = ingestor.ingest_bytes(data, filename, svc.kb.data_dir / "uploads")
        except IngestError as e:
            raise HTTPException(e.http_status, detail=str(e)) from e
        superseded = svc.kb.supersede_older_editions(doc_id) if status != "unchanged" else []
    return {"doc_id": doc_id, "status": status, "summary": summary, "superseded": superseded}


@router.delete("/documents/{doc_id}", summary="Remove a document and its chunks")
def delete(doc_id: str, svc: Annotated[Services, Depends(services)]) -> dict:
    with svc.write_lock:
        if not svc.kb.delete_document(doc_id):
            raise HTTPException(404, detail=f"no document {doc_id!r}; GET /documents lists them")
    return {"doc_id": doc_id, "status": "deleted"}
