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
