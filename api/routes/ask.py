"""POST /ask and GET /search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.deps import Services, check_filters, check_question, services
from api.schemas import AskRequest, AskResponse, SearchResponse
from kb.answer import citation
from kb.retrieval import payload_filter

router = APIRouter(tags=["questions"])


@router.post("/ask", response_model=AskResponse, summary="Answer a question with citations")
def ask(body: AskRequest, svc: Annotated[Services, Depends(services)]) -> dict:
    """Answer from the corpus: owners and deadline from task records, clauses by reference,
    otherwise the best sentences of the best passages; `abstained` when the corpus does not say."""
    question = check_question(body.question, svc.kb.settings.max_question_chars)
    check_filters(svc.kb, doc_id=body.doc_id, category=body.category, validity=body.validity,
                  year_from=body.year_from, year_to=body.year_to)
    flt = payload_filter(
        doc_id=body.doc_id, category=body.category, validity=body.validity, year_from=body.year_from, year_to=body.year_to
    )
    return svc.answerer.ask(question, body.top_k, flt).to_dict()


@router.get("/search", response_model=SearchResponse, summary="Hybrid search over passages")
def search(
    svc: Annotated[Services, Depends(services)],
    q: Annotated[str, Query(min_length=1, description="keywords or a question")],
    top_k: Annotated[int, Query(ge=1, le=50)] = 10,
    doc_id: str | None = None,
    category: str | None = None,
    validity: str | None = None,
    year_from: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    year_to: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    mode: Annotated[str, Query(pattern="^(hybrid|dense|sparse)$")] = "hybrid",
    rerank: Annotated[bool, Query(description="re-order the first fused hits by how much of the query each "
                                              "passage covers, as /ask does (false: the fused order)")] = True,
) -> dict:
    query = check_question(q, svc.kb.settings.max_question_chars, "q")
    check_filters(svc.kb, doc_id=doc_id, category=category, validity=validity, year_from=year_from, year_to=year_to)
    flt = payload_filter(doc_id=doc_id, category=category, validity=validity, year_from=year_from, year_to=year_to)
    mode = mode if svc.kb.embedder is not None else "sparse"
    depth = svc.kb.settings.rerank_depth if rerank else 0
    hits = svc.retriever.search(query, max(top_k, depth), flt, mode=mode)
    hits = svc.answerer.rerank(query, hits, depth)[:top_k]
    return {"hits": [citation(h) for h in hits]}
