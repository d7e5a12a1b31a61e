"""Parse cleaned text into structure: headings, tasks, articles, items, paragraphs.

Four families, decided per document:

- **work plans**: numbered tasks ("9.大力实施…" with 责任单位/完成时限 lines, or
  "(三十五)…" items) become ``Task`` records and ``task`` units, locator
  ``任务9`` / ``任务(三十五)`` (the number exactly as written);
- **laws and regulations**: 编/章/节 headings and ``第N条`` articles, locator
  ``第二十一条`` (numerals normalised to Chinese), the article's 款 and 项 inside;
- **hazard-judgment standards** without articles: items addressed by their
  heading numbers, ``一（一）6`` (H1 + H2 + H3 as written, full-width brackets),
  or ``一`` for a flat list of 一、二、三、 items;
- everything else: paragraphs, with 一、/（一） headings as sections.

Every unit's text is the exact slice ``text[start:end]`` of the cleaned text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ingest.cleaner import CleanText, page_of
from ingest.numerals import cn_to_int, int_to_cn
from ingest.patterns import (
    RE_ARTICLE,
    RE_CHAPTER,
    RE_DEADLINE_LINE,
    RE_H1,
    RE_H2,
    RE_H3,
    RE_H4,
    RE_OWNER_LINE,
    RE_PART,
    RE_SECTION,
)
from kb.models import DocMeta, OutlineEntry, ParsedDocument, Task, Unit

logger = logging.getLogger(__name__)

HEADING_MAX = 40  # a numbered line this short (or shorter) is a heading, not an item


@dataclass
class Line:
    text: str
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw:
            out.append(Line(raw, pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


def article_locator(numeral: str) -> str:
    return f"第{int_to_cn(cn_to_int(numeral))}条"


def article_number(locator: str) -> int:
    m = re.match(r"第(.+?)条", locator)
    if not m:
        raise ValueError(f"not an article locator: {locator!r}")
    return cn_to_int(m.group(1))


def _first_sentence(text: str) -> str:
    m = re.search(r"[。；;]", text)
    return text[: m.end()] if m else text[:60]


def _split_owners(line: str) -> list[str]:
    value = re.split(r"[：:]", line, maxsplit=1)[1]
    return [o.strip() for o in re.split(r"[、，,；;]", value) if o.strip()]


class _Builder:
    def __init__(self, clean: CleanText, meta: DocMeta) -> None:
        self.clean = clean
        self.meta = meta
        self.text = clean.text
        self.units: list[Unit] = []
        self.tasks: list[Task] = []
        self.outline: list[OutlineEntry] = []
        self.warnings: list[str] = []
        self.path: list[tuple[int, str]] = []  # (level, title)

    def section(self) -> list[str]:
        return [t for _, t in self.path]

    def heading(self, line: Line, level: int, locator: str = "") -> None:
        self.path = [(lv, t) for lv, t in self.path if lv < level] + [(level, line.text)]
        self.outline.append(OutlineEntry(level, line.text, line.start, locator))
        self.unit("heading", "", line.start, line.end, section=self.section()[:-1])

    def unit(self, kind: str, locator: str, start: int, end: int, section: list[str] | None = None) -> Unit:
        u = Unit(
            kind=kind,
            locator=locator,
            section=list(section if section is not None else self.section()),
            text=self.text[start:end],
            start=start,
            end=end,
            page=page_of(self.clean, start),
        )
        self.units.append(u)
        return u

    def result(self) -> ParsedDocument:
        return ParsedDocument(self.meta, self.text, self.units, self.tasks, self.outline, self.warnings)


def _is_heading(line: str) -> bool:
    return len(line) <= HEADING_MAX and not re.search(r"[；;]", line)


# -- work plans -------------------------------------------------------------
def _parse_work_plan(b: _Builder, lines: list[Line]) -> None:
    numbered = sum(1 for ln in lines if RE_H3.match(ln.text))
    owner_lines = sum(1 for ln in lines if RE_OWNER_LINE.match(ln.text))
    task_marker = RE_H3 if numbered and owner_lines else RE_H2
    i = 0
    while i < len(lines):
        ln = lines[i]
        t = ln.text
        if RE_H1.match(t) and _is_heading(t):
            b.heading(ln, 1)
        elif task_marker is RE_H3 and RE_H2.match(t) and _is_heading(t):
            b.heading(ln, 2)
        elif task_marker.match(t) and not (task_marker is RE_H2 and _is_heading(t) and not t.endswith("。")):
            j = i + 1
            while j < len(lines) and not _starts_new(lines[j].text, task_marker):
                j += 1
            _add_task(b, lines[i:j], task_marker)
            i = j
            continue
        else:
            b.unit("paragraph", "", ln.start, ln.end)
        i += 1


def _starts_new(text: str, task_marker: re.Pattern) -> bool:
    if task_marker.match(text):
        return True
    return bool((RE_H1.match(text) and _is_heading(text)) or (task_marker is RE_H3 and RE_H2.match(text) and _is_heading(text)))


def _add_task(b: _Builder, lines: list[Line], marker: re.Pattern) -> None:
    first = lines[0]
    m = marker.match(first.text)
    number = first.text[: m.end()].strip()
    number = number.rstrip(".．、").strip() if marker is RE_H3 else number
    body = first.text[m.end():]
    owners, lead, co, deadline = [], [], [], ""
    for ln in lines[1:]:
        if RE_OWNER_LINE.match(ln.text):
            names = _split_owners(ln.text)
            if ln.text.startswith("牵头"):
                lead += names
            elif ln.text.startswith("配合"):
                co += names
            owners += [n for n in names if n not in owners]
        elif RE_DEADLINE_LINE.match(ln.text):
            deadline = re.sub(r"\s+", "", re.split(r"[：:]", ln.text, maxsplit=1)[1])
    start, end = first.start, lines[-1].end
    section = b.section()
    task = Task(
        doc_id=b.meta.doc_id, source=b.meta.source, number=number, title=_first_sentence(body).strip(),
        text=b.text[start:end], owners=owners, lead_owners=lead, co_owners=co, deadline=deadline,
        section=section[-1] if section else "", start=start, end=end,
    )
    if marker is RE_H3 and not deadline:
        b.warnings.append(f"task {number} has no 完成时限 line")
    b.tasks.append(task)
    b.unit("task", f"任务{number}", start, end)


# -- laws ---------------------------------------------------------------------
def _parse_law(b: _Builder, lines: list[Line]) -> None:
    i, last_no = 0, 0
    while i < len(lines):
        ln = lines[i]
        t = ln.text
        if RE_PART.match(t) and _is_heading(t):
            b.heading(ln, 1)
        elif RE_CHAPTER.match(t) and _is_heading(t):
            b.heading(ln, 2)
        elif RE_SECTION.match(t) and _is_heading(t):
            b.heading(ln, 3)
        elif m := RE_ARTICLE.match(t):
            j = i + 1
            while j < len(lines) and not _law_boundary(lines[j].text):
                j += 1
            locator = article_locator(m.group(1))
            no = cn_to_int(m.group(1))
            if last_no and no != last_no + 1:
                b.warnings.append(f"article numbering jumps from 第{int_to_cn(last_no)}条 to {locator}")
            last_no = no
            b.unit("article", locator, ln.start, lines[j - 1].end)
            i = j
            continue
        elif i == 0 and len(t) <= 80:
            b.heading(ln, 0)
        else:
            b.unit("paragraph", "", ln.start, ln.end)
        i += 1


def _law_boundary(text: str) -> bool:
    return bool(
        RE_ARTICLE.match(text)
        or (RE_CHAPTER.match(text) and _is_heading(text))
        or (RE_SECTION.match(text) and _is_heading(text))
        or (RE_PART.match(text) and _is_heading(text))
    )


def sub_locators(unit: Unit) -> list[tuple[int, int, str]]:
    """(start, end, locator) of each 款 and 项 line of an article unit, offsets in the document."""
    if unit.kind != "article":
        return []
    out: list[tuple[int, int, str]] = []
    lines = split_lines(unit.text)
    kuan_lines = [ln for ln in lines if not RE_H2.match(ln.text)]
    multi = len(kuan_lines) > 1
    kuan = 0
    for ln in lines:
        m = RE_H2.match(ln.text)
        if m and kuan:
            loc = f"{unit.locator}第{int_to_cn(kuan)}款第（{m.group(1)}）项" if multi else f"{unit.locator}第（{m.group(1)}）项"
        else:
            kuan += 1
            loc = f"{unit.locator}第{int_to_cn(kuan)}款" if multi else unit.locator
        out.append((unit.start + ln.start, unit.start + ln.end, loc))
    return out


# -- hazard standards ---------------------------------------------------------
def _parse_items(b: _Builder, lines: list[Line]) -> None:
    h1 = h2 = ""
    flat = not any(RE_H2.match(ln.text) or RE_H3.match(ln.text) for ln in lines)
    for i, ln in enumerate(lines):
        t = ln.text
        if i == 0 and not (RE_H1.match(t) or RE_H2.match(t) or RE_H3.match(t)) and len(t) <= 80:
            b.heading(ln, 0)
        elif m := RE_H1.match(t):
            h1, h2 = m.group(1), ""
            if flat:
                b.unit("item", h1, ln.start, ln.end)
            else:
                b.heading(ln, 1, h1)
        elif m := RE_H2.match(t):
            h2 = m.group(1)
            if _is_heading(t) and h1:
                b.heading(ln, 2, f"{h1}（{h2}）")
            else:
                b.unit("item", f"{h1}（{h2}）" if h1 else f"（{h2}）", ln.start, ln.end)
        elif m := RE_H3.match(t):
            loc = f"{h1}（{h2}）{m.group(1)}" if h2 else f"{h1}{m.group(1)}" if h1 else m.group(1)
            b.unit("item", loc, ln.start, ln.end)
        elif RE_H4.match(t) and b.units and b.units[-1].kind == "item":
            prev = b.units.pop()  # a sub-item belongs to its item
            b.unit("item", prev.locator, prev.start, ln.end, section=prev.section)
        elif h2 and b.units and b.units[-1].kind == "heading" and b.units[-1].text.startswith(("（", "(")):
            b.unit("item", f"{h1}（{h2}）", ln.start, ln.end)  # the one unnumbered item of a heading
        else:
            b.unit("paragraph", "", ln.start, ln.end)


# -- prose ----------------------------------------------------------------------
def _parse_prose(b: _Builder, lines: list[Line]) -> None:
    for i, ln in enumerate(lines):
        t = ln.text
        if RE_H1.match(t) and _is_heading(t):
            b.heading(ln, 1)
        elif RE_H2.match(t) and _is_heading(t):
            b.heading(ln, 2)
        elif i == 0 and len(t) <= 60 and not t.endswith("。"):
            b.heading(ln, 0)
        else:
            b.unit("paragraph", "", ln.start, ln.end)


def detect_family(meta: DocMeta, lines: list[Line]) -> str:
    articles = sum(1 for ln in lines if RE_ARTICLE.match(ln.text))
    if articles >= 3:
        return "law"
    if meta.category == "work_plans" or sum(1 for ln in lines if RE_OWNER_LINE.match(ln.text)) >= 2:
        return "work_plan"
    if meta.category == "hazard_criteria":
        return "items"
    return "prose"


def parse_document(clean: CleanText, meta: DocMeta) -> ParsedDocument:
    b = _Builder(clean, meta)
    lines = split_lines(clean.text)
    family = detect_family(meta, lines)
    {"law": _parse_law, "work_plan": _parse_work_plan, "items": _parse_items, "prose": _parse_prose}[family](b, lines)
    if family == "work_plan" and not b.tasks:
        b.warnings.append("a work plan without numbered tasks")
    return b.result()
