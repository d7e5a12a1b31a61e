"""HTTP request and response models: the API contract clients depend on.

Later versions add fields; they never remove or rename the ones here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Citation(BaseModel):
    doc_id: str = Field(description="document id, as used by /documents/{id}")
    title: str
    source: str = Field(description="path relative to corpus/, e.g. work_plans/001_6081a029a38b96ac.txt")
    section: str = Field(description="heading path, outermost first, joined with ' > '")
    locator: str = Field(description="task number, article or item: 任务9, 第二十一条, 一（一）6, p.12")
    text: str = Field(description="the verbatim passage as stored, at most 800 characters")
    score: float
    doc_number: str = ""
    validity: str = Field("", description="现行有效 / 已修订 / 已废止 / 被替代")
    category: str = ""
    kind: str = Field("", description="task / article / item / paragraph")
    locators: list[str] = Field(default_factory=list, description="every locator the passage covers")
    page: int | None = None
    start: int | None = Field(None, description="offset of the passage in the document's cleaned text")
    end: int | None = None
    chunk_id: str = ""
    highlight: list[int] | None = Field(None, description="[start, end) within text of the answering sentence (other citations: the sentence closest to the question)")


class SearchResponse(BaseModel):
    hits: list[Citation]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, description="the question, in Chinese")
    top_k: int = Field(5, ge=1, le=50, description="number of citations")
    doc_id: str | None = Field(None, description="only this document")
    category: str | None = Field(None, description="only this category, e.g. laws_regulations")
    validity: str | None = Field(None, description="only documents of this validity, e.g. 现行有效")
    year_from: int | None = Field(None, ge=1900, le=2100)
    year_to: int | None = Field(None, ge=1900, le=2100)


class TaskOut(BaseModel):
    doc_id: str
    source: str
    number: str
    title: str
    text: str
    owners: list[str]
    lead_owners: list[str] = Field(default_factory=list)
    co_owners: list[str] = Field(default_factory=list)
    deadline: str
    section: str
    start: int
    end: int


class AskResponse(BaseModel):
    answer: str
    abstained: bool
    owners: list[str] | None
    deadline: str | None
    citations: list[Citation]
    kind: str = Field("passage", description="task / task_list / clause / passage / abstain")
    notices: list[str] = Field(default_factory=list, description="validity warnings about cited documents")
    related: list[Citation] = Field(default_factory=list, description="when abstained: nearest passages, not an answer")
    tasks: list[TaskOut] = Field(default_factory=list)


class DocumentsResponse(BaseModel):
    documents: list[dict]
    total: int


class TasksResponse(BaseModel):
    tasks: list[TaskOut]
    total: int


class Health(BaseModel):
    status: str
    documents: int
    chunks: int
    embedder: str
    backend: str
    hnsw_ef: int  # HNSW candidates per dense search now in use (EMKB_HNSW_EF, or by store size)
