"""Clean raw text: one logical paragraph per line.

- re-join hard-wrapped lines (a sentence broken by a newline, or by a blank line)
  without gluing paragraphs or headings together;
- collapse runs of repeated punctuation (",,,," "。。。。");
- remove web-page chrome (breadcrumbs, 浏览次数, 【字号, 【本文地址】, ICP footers)
  and photo captions (（资料照片）);
- full-width digits and Latin letters to ASCII; spaces between CJK characters
  removed; PDF private-use glyphs and page footers (—９１—) handled, with the
  offset where each page starts kept for "p.12" citations.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.loaders import LoadedFile
from ingest.patterns import (
    RE_MD_HEADING,
    RE_OWNER_LINE,
    SENTENCE_FINAL,
    is_heading_like,
    is_structural_start,
)

CHROME = re.compile(
    r"(您所在的位置|当前位置[:：]|浏览次数|【字号|【本文地址】|【打印|【关闭|打印本页|关闭窗口|ICP备|ICP证|版权所有|"
    r"CopyRight|Copyright|技术支持[:：]|^今日新闻$|^推荐新闻$|^相关新闻$|^分享到|^扫一扫|来源[:：].*\|\s*查看[:：]|"
    r"^发布日期[:：]|^信息来源[:：]|^发布时间[:：]|^【\s*$)"
)
CAPTION = re.compile(r"[（(](?:资料照片|图为[^）)]{0,40}|摄影[^）)]{0,20}|记者[^）)]{0,10}摄)[）)]")
PAGE_FOOTER = re.compile(r"^[\s—–\-－~·]*\d{1,4}[\s—–\-－~·]*$")
DASHED_FOOTER = re.compile(r"^[—–\-－~·]+\s*\d{1,4}\s*[—–\-－~·]+$")
PUNCT_RUN = re.compile(r"([,，、。！？；;:：!?])\1+")
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}])[ \t\u3000]+(?=[{CJK}])")
SPACE_CJK_DIGIT = re.compile(rf"(?<=[{CJK}])[ \t\u3000]+(?=\d)|(?<=\d)[ \t\u3000]+(?=[{CJK}])")
INNER_PUNCT = re.compile(r"[，、；：“”（）,()]")
PUA_DECIMAL = "\U001001b0"
TITLE_END = re.compile(r"(通知|通报|办法|意见|决定|要点|方案|规定|条例|细则|标准|公告|批复|报告|展望|初探|解读[一二三四五六七八九十]*)$")


@dataclass
class CleanText:
    text: str  # logical paragraphs separated by exactly one "\n"
    page_starts: list[int]  # offset where page i+1 starts; [0] for non-paginated text
    removed: list[str] = field(default_factory=list)


def normalize_chars(text: str) -> str:
    """Full-width digits/letters to ASCII, PDF glyph quirks, runs of punctuation."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            out.append(chr(code - 0xFEE0))
        elif ch == PUA_DECIMAL:
            out.append(".")
        elif 0xE000 <= code <= 0xF8FF or code >= 0xF0000 or ch in "\u200b\u200c\u200d\ufeff\u00ad":
            continue
        elif ch == "\u00a0":
            out.append(" ")
        else:
            out.append(ch)
    text = "".join(out)
    return PUNCT_RUN.sub(r"\1", text)


RE_NUMBERED_HEAD = re.compile(r"^\s*(第[零〇一二两三四五六七八九十百千\d]+[条章节编])[ \t\u3000]+")


def _tidy_line(line: str) -> str:
    head = ""
    m = RE_NUMBERED_HEAD.match(line)
    if m:  # "第二十一条 生产经营单位…", "第一章 总则": keep the one space after the number
        head, line = m.group(1) + " ", line[m.end():]
    line = SPACE_IN_CJK.sub("", line)
    line = SPACE_CJK_DIGIT.sub("", line)
    return (head + re.sub(r"[ \t\u3000]{2,}", " ", line)).strip()


def _wrap_width(lines: list[str]) -> float | None:
    """The width a hard-wrapped text is wrapped at, or None when lines are paragraphs."""
    lengths = [len(line) for line in lines if len(line) >= 8]
    if len(lengths) < 8:
        return None
    mode = Counter(lengths).most_common(1)[0][0]
    near = sum(1 for n in lengths if abs(n - mode) <= 2)
    # hard-wrapped: many lines share one width (000 wraps at ~15, PDFs at ~40)
    return float(max(n for n in lengths if abs(n - mode) <= 2)) if mode <= 60 and near >= 0.35 * len(lengths) else None


def _joins(line: str, nxt: str, width: float | None) -> bool:
    """Does ``nxt`` continue the sentence that ``line`` started?"""
    if not line or not nxt:
        return False
    if line[-1] in SENTENCE_FINAL or line.endswith(("。”", "。）", "！”", "？”")):
        return False
    if RE_OWNER_LINE.match(line) and len(nxt) <= 16 and "：" not in nxt and ":" not in nxt and not is_structural_start(nxt):
        return True  # an owner list wrapped onto the next line
    if is_structural_start(nxt) or is_heading_like(line) or line.endswith(("：", ":")) or TITLE_END.search(line):
        return False
    if width is not None:  # hard-wrapped text: a full-width line continues
        return len(line) >= width - 3
    return bool(INNER_PUNCT.search(line)) or len(line) >= 30


# a table row's serial number at the start of a line: "1022甲醇木醇；木精67-56-1", "1019 2-甲苯硫酚…",
# or "1011" alone when the row's cells wrap; never "2019年", "3.", "2-甲基", "10%"
ROW_NUMBER = re.compile(r"^(\d{1,5})(?![\d.．、,，:：)）%\-/年月日号个项条次万亿元吨米])")
ROW_CELL_MAX = 40  # a wrapped cell of a table row is short; a longer line is prose after the table


def row_starts(lines: list[str]) -> set[int]:
    """Indices of lines that open a numbered table row (the 危险化学品目录's "序号 品名 别名 CAS号"):
    a line starting with N where a nearby line starts with N-1 or N+1, so a run of serial numbers,
    never a lone figure at the start of a wrapped sentence."""
    numbered = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := ROW_NUMBER.match(line))]
    starts: set[int] = set()
    for k, (i, n) in enumerate(numbered):
        prev_ok = k > 0 and numbered[k - 1][1] == n - 1 and i - numbered[k - 1][0] <= 8
        next_ok = k + 1 < len(numbered) and numbered[k + 1][1] == n + 1 and numbered[k + 1][0] - i <= 8
        if prev_ok or next_ok:
            starts.add(i)
    return starts


def _join_lines(lines: list[str], width: float | None) -> list[str]:
    """Re-join wrapped lines. A numbered table row is one line: its wrapped cells are joined to it,
    and the next row never is (pypdf gives each row, or each cell, a line of its own)."""
    rows = row_starts(lines)
    out: list[str] = []
    in_row = False
    for i, line in enumerate(lines):
        if i in rows:
            out.append(line)
            in_row = True
        elif in_row and out and len(line) <= ROW_CELL_MAX and not is_structural_start(line) and not is_heading_like(line):
            out[-1] += line
        elif out and _joins(out[-1], line, width):
            in_row = False
            out[-1] += line
        else:
            in_row = False
            out.append(line)
    return out


def _clean_block(raw: str, removed: list[str], fmt: str) -> list[str]:
    lines = []
    raw_lines = normalize_chars(raw).split("\n")
    if fmt == "md":
        raw_lines = ["" if re.fullmatch(r"\s*[-*_=]{3,}\s*", x) else RE_MD_HEADING.sub("", x.lstrip()) for x in raw_lines]
    raw_lines = [_tidy_line(x) for x in raw_lines]
    nonempty = [i for i, x in enumerate(raw_lines) if x]
    edges = {nonempty[0], nonempty[-1]} if nonempty else set()
    for idx, line in enumerate(raw_lines):
        if not line:
            continue
        # page numbers: a dashed footer anywhere, a bare number only as a page's first or last line
        if CHROME.search(line) or DASHED_FOOTER.match(line) or (fmt == "pdf" and idx in edges and PAGE_FOOTER.match(line)):
            removed.append(line)
            continue
        if CAPTION.search(line):
            removed.append(CAPTION.search(line).group(0))
            line = CAPTION.sub("", line).strip()
            if len(line) <= 20 and line[-1:] not in SENTENCE_FINAL:
                removed.append(line)  # the caption line of a photo
                continue
        lines.append(line)
    return lines


def _drop_repeated_title(lines: list[str], removed: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for i, line in enumerate(lines):
        if i < 12 and line in seen and len(line) > 8:
            removed.append(line)
            continue
        seen.add(line)
        out.append(line)
    return out


def _drop_running_headers(pages: list[list[str]], removed: list[str]) -> list[list[str]]:
    """A table header repeated at the top of most pages ("序号 品名 别名 CAS号 备注") is kept where
    it first appears and removed from every later page: a repeat is chrome, and left in place it
    became a chunk of its own, or sat in the middle of the rows it does not belong to."""
    counts = Counter(line for lines in pages for line in set(lines[:3]))
    repeated = {
        line for line, n in counts.items()
        if n >= 3 and n >= 0.3 * len(pages) and len(line) >= 8 and line[-1] not in SENTENCE_FINAL
    }
    seen: set[str] = set()
    out = []
    for lines in pages:
        kept = []
        for i, line in enumerate(lines):
            if i < 3 and line in repeated and line in seen:
                removed.append(line)
                continue
            seen.add(line)
            kept.append(line)
        out.append(kept)
    return out


def clean(loaded: LoadedFile) -> CleanText:
    removed: list[str] = []
    if loaded.format == "pdf":
        # hard-wrap width is measured over the whole document, then each page is joined on its own
        page_lines = _drop_running_headers([_clean_block(p, removed, "pdf") for p in loaded.pages], removed)
        width = _wrap_width([line for lines in page_lines for line in lines])
        paragraphs_by_page = [_join_lines(lines, width) for lines in page_lines]
        parts: list[str] = []
        page_starts: list[int] = []
        offset = 0
        for paras in paragraphs_by_page:
            page_starts.append(offset)
            if paras:
                block = "\n".join(paras)
                parts.append(block)
                offset += len(block) + 1
        return CleanText("\n".join(parts), page_starts, removed)
    lines = _drop_repeated_title(_clean_block("\n".join(loaded.pages), removed, loaded.format), removed)
    text = "\n".join(_join_lines(lines, _wrap_width(lines)))
    return CleanText(text, [0], removed)


def page_of(clean_text: CleanText, offset: int) -> int | None:
    """1-based page of ``offset`` for PDFs, None for other formats."""
    if len(clean_text.page_starts) <= 1 and clean_text.page_starts == [0]:
        return None
    page = 1
    for i, start in enumerate(clean_text.page_starts):
        if start <= offset:
            page = i + 1
        else:
            break
    return page
