"""The services one app instance owns, and request-level helpers."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from fastapi import HTTPException, Request

from kb.answer import Answerer
from kb.retrieval import Retriever
from kb.service import KnowledgeBase


@dataclass
class Services:
    kb: KnowledgeBase
    retriever: Retriever
    answerer: Answerer
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def services(request: Request) -> Services:
    return request.app.state.services


_MEANINGFUL = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def check_filters(kb: KnowledgeBase, *, doc_id: str | None = None, category: str | None = None,
                  validity: str | None = None, year_from: int | None = None, year_to: int | None = None) -> None:
    """A 422 naming the filter no stored document can match (a misspelt category would otherwise
    read as "the corpus does not say"), or a year range that ends before it starts."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise HTTPException(422, detail=f"year_from ({year_from}) is after year_to ({year_to})")
    for key, value in (("category", category), ("validity", validity)):
        if value:
            known = kb.catalog.field_values(key)
            if value not in known:
                raise HTTPException(422, detail=f"no stored document has {key} {value!r}; stored values: "
                                                + (", ".join(sorted(known)) or "none (the knowledge base is empty)"))
    if doc_id and kb.catalog.meta(doc_id) is None:
        raise HTTPException(422, detail=f"no stored document has doc_id {doc_id!r}; GET /documents lists them")


def check_question(text: str, max_chars: int, what: str = "question") -> str:
    """A usable question, or a 422 that says what is wrong with it."""
    text = text.strip()
    if not text:
        raise HTTPException(422, detail=f"{what} is empty; type a question in Chinese")
    if len(text) > max_chars:
        raise HTTPException(422, detail=f"{what} is {len(text)} characters long; the limit is {max_chars}")
    if not _MEANINGFUL.search(text):
        raise HTTPException(422, detail=f"{what} has no words (only punctuation, symbols or emoji); type a question")
    return text
