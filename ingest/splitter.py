"""Chunk a parsed document on its own structure.

- one chunk per work-plan task, title to 完成时限 (up to 800 characters; a longer
  task is cut at sentence ends and its owner/deadline lines stay in the last piece);
- a heading is merged into the chunk that follows it;
- short consecutive units of one section are merged until the chunk reaches
  ``min_chars`` (never past ``max_chars``, never across sections or tasks);
- a unit longer than ``max_chars`` is cut at sentence ends (。！？；), and a
  sentence longer than that at a jieba word boundary;
- every chunk's text is the exact slice ``parsed.text[start:end]``; chunk ids
  are uuid5 of document, position and text, so re-ingesting is a no-op;
- a passage repeated word for word in one document is kept once, with the
  locators of every copy (PDF manuals repeat rows and headers on many pages).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field

from ingest.patterns import RE_DEADLINE_LINE, RE_OWNER_LINE
from ingest.structure import sub_locators
from kb.models import Chunk, ParsedDocument, Unit

TASK_MAX = 800
TAIL_MIN = 40  # a cut that would leave fewer characters than this as a last piece is not made
SENTENCE_END = re.compile(r"[。！？；!?;]|\n")


@dataclass
class _Draft:
    start: int
    end: int
    units: list[Unit] = field(default_factory=list)
    locators: list[str] = field(default_factory=list)
    kind: str = "paragraph"

    @property
    def size(self) -> int:
        return self.end - self.start


def _cut_points(text: str, base: int, max_chars: int, word_cut=None) -> list[tuple[int, int]]:
    """Split text (at offset ``base``) into spans of at most max_chars at sentence ends; a sentence
    longer than that is cut at ``word_cut(text, start, limit)`` (default: a jieba word boundary)."""
    word_cut = word_cut or _word_boundary
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    last_ok = None
    for e in ends:
        if e - start <= max_chars:
            last_ok = e
            continue
        if last_ok is not None and last_ok > start:
            spans.append((start, last_ok))
            start = last_ok
        while e - start > max_chars:  # one sentence longer than max_chars
            cut = word_cut(text, start, start + max_chars)
            spans.append((start, cut))
            start = cut
        last_ok = e
    if start < len(text):
        spans.append((start, len(text)))
    if len(spans) > 1 and len(text[spans[-1][0] : spans[-1][1]].strip()) < TAIL_MIN and spans[-1][1] - spans[-2][0] <= TASK_MAX:
        spans[-2:] = [(spans[-2][0], spans[-1][1])]  # a few words left over join the piece before
    out = []
    for s, e in spans:
        while s < e and text[s] in "\n ":
            s += 1
        while e > s and text[e - 1] in "\n ":
            e -= 1
        if e > s:
            out.append((base + s, base + e))
    return out


def _word_boundary(text: str, start: int, limit: int) -> int:
    import jieba

    best = limit
    pos = start
    for word in jieba.cut(text[start:limit + 10], HMM=False):
        if pos + len(word) > limit:
            break
        pos += len(word)
        best = pos
    return best if best > start else limit


def _chunk(parsed: ParsedDocument, draft: _Draft, position: int) -> Chunk:
    text = parsed.text[draft.start : draft.end]
    first = next((u for u in draft.units if u.kind != "heading"), draft.units[0])
    locators = [loc for loc in dict.fromkeys(draft.locators) if loc]
    page = first.page
    if not locators and page is not None:
        locators = [f"p.{page}"]
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    spans = [
        [max(u.start, draft.start), min(u.end, draft.end), u.locator]
        for u in draft.units
        if u.locator and u.start < draft.end and u.end > draft.start
    ]
    return Chunk(
        chunk_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{parsed.meta.doc_id}|{position}|{digest}")),
        doc_id=parsed.meta.doc_id,
        text=text,
        section=" > ".join(first.section),
        locator=locators[0] if locators else "",
        locators=locators,
        start=draft.start,
        end=draft.end,
        kind=draft.kind,
        page=page,
        position=position,
        spans=spans,
    )


def _split_task(parsed: ParsedDocument, unit: Unit, max_chars: int) -> list[_Draft]:
    if unit.end - unit.start <= TASK_MAX:
        return [_Draft(unit.start, unit.end, [unit], [unit.locator], "task")]
    # keep the 责任单位/完成时限 lines with the last piece
    lines = unit.text.split("\n")
    tail = 0
    for line in reversed(lines):
        if RE_OWNER_LINE.match(line) or RE_DEADLINE_LINE.match(line):
            tail += len(line) + 1
        else:
            break
    body_end = unit.end - tail
    spans = _cut_points(parsed.text[unit.start : body_end], unit.start, max_chars)
    drafts = [_Draft(s, e, [unit], [unit.locator], "task") for s, e in spans]
    drafts[-1].end = unit.end
    return drafts


def _split_long(parsed: ParsedDocument, unit: Unit, max_chars: int, lead: _Draft | None = None) -> list[_Draft]:
    """Cut a long unit at sentence ends; ``lead`` (short paragraphs just before it, such as the first
    rows of a table above a long one) is cut together with it, so it opens the first piece."""
    subs = sub_locators(unit)
    begin = lead.start if lead is not None else unit.start
    drafts = []
    for s, e in _cut_points(parsed.text[begin : unit.end], begin, max_chars):
        units = [unit]
        locs = [unit.locator] + [loc for (a, b, loc) in subs if a < e and b > s and loc != unit.locator]
        if lead is not None and s < lead.end:
            units = [u for u in lead.units if u.start < e] + ([unit] if e > unit.start else [])
            locs = list(lead.locators) + (locs if e > unit.start else [])
        drafts.append(_Draft(s, e, units, locs, unit.kind if e > unit.start else lead.kind))
    return drafts


def split_document(parsed: ParsedDocument, *, min_chars: int = 150, max_chars: int = 600) -> list[Chunk]:
    if not 0 < min_chars < max_chars:
        raise ValueError("split_document needs 0 < min_chars < max_chars")
    drafts: list[_Draft] = []
    heading: Unit | None = None
    current: _Draft | None = None

    def flush() -> None:
        nonlocal current
        if current is None:
            return
        prev = drafts[-1] if drafts else None
        if (
            prev is not None and current.size < TAIL_MIN and prev.kind == current.kind == "paragraph"
            and prev.units[-1].section == current.units[0].section and current.end - prev.start <= max_chars
        ):  # a line left over at the end of a section (a sentence running onto the next page)
            prev.end = current.end
            prev.units.extend(current.units)
            prev.locators.extend(current.locators)
        else:
            drafts.append(current)
        current = None

    for unit in parsed.units:
        if unit.kind == "heading":
            flush()
            heading = unit if heading is None or heading.end + 1 < unit.start else heading
            heading = unit if heading is None else heading
            if heading is not unit:  # consecutive headings: keep the whole run
                heading = Unit(heading.kind, "", unit.section, parsed.text[heading.start : unit.end], heading.start, unit.end, heading.page)
            continue
        if unit.kind == "task":
            flush()
            pieces = _split_task(parsed, unit, max_chars)
            if heading is not None and pieces[0].end - heading.start <= TASK_MAX:
                pieces[0].start = heading.start
                pieces[0].units.insert(0, heading)
            heading = None
            drafts.extend(pieces)
            continue
        size = unit.end - unit.start
        if size > max_chars:
            lead = None
            if current is not None and current.size < min_chars and current.kind != "item" and unit.kind != "item" \
                    and current.units[-1].section == unit.section:
                lead, current = current, None  # a short paragraph before a long one is not left alone
            flush()
            pieces = _split_long(parsed, unit, max_chars, lead)
            if heading is not None and pieces[0].end - heading.start <= max_chars:
                pieces[0].start = heading.start
                pieces[0].units.insert(0, heading)
            heading = None
            drafts.extend(pieces)
            continue
        same_section = current is not None and current.units[-1].section == unit.section
        # hazard items stay one per chunk: inspectors cite them one by one
        mergeable = unit.kind != "item" and current is not None and current.kind != "item"
        if current is not None and same_section and mergeable and current.size < min_chars and unit.end - current.start <= max_chars:
            current.end = unit.end
            current.units.append(unit)
            current.locators.append(unit.locator)
            continue
        flush()
        start = heading.start if heading is not None and unit.end - heading.start <= max_chars else unit.start
        current = _Draft(start, unit.end, ([heading] if start != unit.start else []) + [unit], [unit.locator], unit.kind)
        heading = None
    flush()
    if heading is not None:  # a trailing heading with nothing after it
        drafts.append(_Draft(heading.start, heading.end, [heading], [], "heading"))
    return _merge_repeats([_chunk(parsed, d, i) for i, d in enumerate(drafts)])


def _merge_repeats(chunks: list[Chunk]) -> list[Chunk]:
    """A passage that repeats word for word within one document (PDF manuals repeat table
    rows and headers page after page) is stored once, with every place it appears in its
    locators: one result instead of a page of identical ones, and no ties between copies."""
    first: dict[str, Chunk] = {}
    out: list[Chunk] = []
    for c in chunks:
        key = re.sub(r"\s+", "", c.text)
        kept = first.get(key)
        if kept is None:
            first[key] = c
            out.append(c)
        else:
            kept.locators.extend(loc for loc in c.locators if loc not in kept.locators)
    return out
