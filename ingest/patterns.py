"""Line patterns of Chinese government documents, shared by the cleaner and the parser."""

from __future__ import annotations

import re

CN_NUM = "零〇一二两三四五六七八九十百千"

RE_MD_HEADING = re.compile(r"^#{1,6}\s*")
RE_PART = re.compile(rf"^第[{CN_NUM}\d]+编\s*\S*")
RE_CHAPTER = re.compile(rf"^第([{CN_NUM}\d]+)章\s*(.*)$")
RE_SECTION = re.compile(rf"^第([{CN_NUM}\d]+)节\s*(.*)$")
RE_ARTICLE = re.compile(rf"^第([{CN_NUM}\d]+)条(?:\s+|(?=[^\s款项条]))")
RE_H1 = re.compile(rf"^([{CN_NUM}]+)\s*[、．.]\s*")
RE_H2 = re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*")
RE_H3 = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*")
RE_H4 = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*")
RE_OWNER_LINE = re.compile(
    r"^(?:责任单位|责任科室|责任处室|责任部门|牵头单位|牵头科室|牵头处室|配合单位|配合科室|配合处室)[^：:\n]{0,8}[：:]"
)
RE_DEADLINE_LINE = re.compile(r"^(?:完成时限|时间节点|完成时间|办结时限)[：:]")
RE_DATE_LINE = re.compile(r"^\s*(\d{4}|[二〇一三四五六七八九零]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$")

SENTENCE_FINAL = "。！？；!?;…"


def is_structural_start(line: str) -> bool:
    """True when ``line`` opens a new unit: a heading, an article, an item, an owner/deadline line."""
    s = line.lstrip()
    return bool(
        RE_MD_HEADING.match(s) and s.startswith("#")
        or RE_PART.match(s)
        or RE_CHAPTER.match(s)
        or RE_SECTION.match(s)
        or RE_ARTICLE.match(s)
        or RE_H1.match(s)
        or RE_H2.match(s)
        or RE_H3.match(s)
        or RE_H4.match(s)
        or RE_OWNER_LINE.match(s)
        or RE_DEADLINE_LINE.match(s)
        or RE_DATE_LINE.match(s)
    )


def is_heading_like(line: str) -> bool:
    """A short structural line without a full stop: a heading, never a wrapped sentence."""
    s = line.strip()
    return len(s) <= 40 and "。" not in s and (
        s.startswith("#") or bool(RE_CHAPTER.match(s) or RE_SECTION.match(s) or RE_PART.match(s))
        or (bool(RE_H1.match(s) or RE_H2.match(s)) and len(s) <= 30 and "，" not in s)
    )
