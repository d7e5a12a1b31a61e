"""Records shared by ingest, store, retrieval and API.

Plain dataclasses so that every layer (parsers, store backends, HTTP schemas)
speaks the same vocabulary without importing each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

VALIDITY_IN_FORCE = "现行有效"
VALIDITY_REVISED = "已修订"
VALIDITY_REPEALED = "已废止"
VALIDITY_SUPERSEDED = "被替代"
VALIDITIES = (VALIDITY_IN_FORCE, VALIDITY_REVISED, VALIDITY_REPEALED, VALIDITY_SUPERSEDED)


@dataclass
class DocMeta:
    """Metadata of one source document."""

    doc_id: str
    source: str  # path relative to corpus/ (or the file name for uploads)
    title: str
    issuer: str = ""
    doc_number: str = ""
    date: str = ""  # issue date as written: "2023", "2023-02-16"
    effective_date: str = ""
    category: str = ""
    validity: str = VALIDITY_IN_FORCE
    superseded_by: str = ""  # title of the replacing document, when known
    validity_note: str = ""
    sha256: str = ""  # of the file bytes
    chars: int = 0  # length of the cleaned text
    pages: int = 0  # PDFs only
    parser: int = 1  # ingest.PARSER_VERSION that cleaned and chunked it; older documents are re-read

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Unit:
    """A structural leaf of a document: a task, an article, an item, a paragraph.

    ``start``/``end`` are character offsets into the cleaned text of the
    document; ``text`` == cleaned_text[start:end].
    """

    kind: str  # "task" | "article" | "item" | "paragraph" | "heading"
    locator: str  # "任务9", "第二十一条", "一（一）6", "（三十五）", "" for plain paragraphs
    section: list[str]  # heading path, outermost first
    text: str
    start: int
    end: int
    page: int | None = None  # 1-based PDF page of ``start``


@dataclass
class Task:
    """A numbered task of a work plan."""

    doc_id: str
    source: str
    number: str  # as written: "9", "（三十五）"
    title: str
    text: str
    owners: list[str] = field(default_factory=list)  # every unit named (lead + co)
    lead_owners: list[str] = field(default_factory=list)  # 牵头单位, when stated
    co_owners: list[str] = field(default_factory=list)  # 配合单位, when stated
    deadline: str = ""
    section: str = ""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OutlineEntry:
    level: int
    title: str
    start: int
    locator: str = ""


@dataclass
class ParsedDocument:
    """Everything the parser learned about one file."""

    meta: DocMeta
    text: str  # cleaned text
    units: list[Unit]
    tasks: list[Task] = field(default_factory=list)
    outline: list[OutlineEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __deepcopy__(self, memo: dict) -> "ParsedDocument":
        # Read-only once the parser returns it; Haystack copies every component input, which
        # for a whole parsed document (text, units, tasks) is pure waste.
        return self


@dataclass
class Chunk:
    """A retrievable passage: what the store holds and what citations quote."""

    chunk_id: str
    doc_id: str
    text: str
    section: str  # heading path joined with " > "
    locator: str  # the first (or only) locator covered: "任务9", "第二十一条", "p.12"
    locators: list[str]  # every locator covered
    start: int
    end: int
    kind: str = "paragraph"
    page: int | None = None
    position: int = 0  # order within the document
    spans: list[list] = field(default_factory=list)  # [start, end, locator] of each unit covered

    def payload(self, meta: DocMeta) -> dict[str, Any]:
        """Payload stored beside the vectors: chunk fields plus document metadata."""
        data = asdict(self)
        data.update(
            title=meta.title,
            source=meta.source,
            issuer=meta.issuer,
            doc_number=meta.doc_number,
            date=meta.date,
            year=_year(meta.date),
            category=meta.category,
            validity=meta.validity,
        )
        return data


def _year(date: str) -> int | None:
    digits = date[:4]
    return int(digits) if len(digits) == 4 and digits.isdigit() else None
