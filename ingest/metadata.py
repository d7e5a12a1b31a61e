"""Document metadata: from the corpus manifest where it has it, else from the text.

Validity (现行有效 / 已修订 / 已废止 / 被替代) comes from the manifest notes
("SUPERSEDED: replaced by …", "Repealed by …", "OUTDATED WORDING … amended by …")
or a file name containing "superseded".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ingest import PARSER_VERSION
from kb.models import (
    VALIDITY_IN_FORCE,
    VALIDITY_REPEALED,
    VALIDITY_REVISED,
    VALIDITY_SUPERSEDED,
    DocMeta,
)

RE_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,12}(?:发|字|函|办|规|令|总管[一二三四五六七八九十]*)?〔\d{4}〕\d+号"
    r"|[\u4e00-\u9fff]{2,20}令第[\d一二三四五六七八九十百零]+号"
    r"|法释〔\d{4}〕\d+号)"
)
RE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
RE_EFFECTIVE = re.compile(r"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日起(?:施行|实施|执行)")
RE_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:局|委员会|政府|办公室|厅|部|院|中心|委)$")
CATEGORIES = ("work_plans", "laws_regulations", "local_regulations", "hazard_criteria", "policy_articles", "pdf")


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    """Manifest entries keyed by path relative to the corpus folder."""
    path = Path(corpus_dir) / "manifest.json"
    if not path.exists():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    return {e["file"]: e for e in entries}


def _date(m: re.Match) -> str:
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _title_from_text(text: str) -> str:
    lines = [ln.strip() for ln in text.split("\n")[:15] if ln.strip()]
    for ln in lines:
        m = re.search(r"关于[^。\n]{2,60}?的(?:通知|意见|决定|通报|批复|报告)", ln)
        if m:
            return m.group(0)
    for ln in lines:
        if 4 <= len(ln) <= 60 and not RE_DOC_NUMBER.fullmatch(ln) and not RE_DATE.fullmatch(ln):
            return ln
    return lines[0][:60] if lines else ""


def _validity(entry: dict, source: str) -> tuple[str, str, str]:
    notes = (entry or {}).get("notes", "") or ""
    if notes.upper().startswith("SUPERSEDED") or "superseded" in Path(source).name:
        m = re.search(r"《[^》]+》(?:\s*[（(][^）)]*[）)])?", notes)
        return VALIDITY_SUPERSEDED, zh_dates(m.group(0)) if m else "", notes
    m = re.search(r"[Rr]epealed by\s+(.+?)(?:;|$)", notes)
    if m:
        return VALIDITY_REPEALED, zh_dates(m.group(1)), notes
    if notes.upper().startswith("OUTDATED") or "amended by" in notes:
        return VALIDITY_REVISED, "", notes
    return VALIDITY_IN_FORCE, "", ""


def zh_dates(text: str) -> str:
    """The manifest's "(应急管理部令第10号, in force 2023-05-15)" as a Chinese page says it, and
    "煤矿安全生产条例 (国务院令第774号) effective 2024-05-01" as "《煤矿安全生产条例》(国务院令第774号，
    2024-05-01起施行)"."""
    text = re.sub(r"\)\s*,?\s*(?:in force|effective)\s*(\d{4}-\d{2}-\d{2})", r", in force \1)", text.strip())
    text = re.sub(r",?\s*(?:in force|effective)\s*(\d{4}-\d{2}-\d{2})", r"，\1起施行", text)
    if "《" not in text:  # a bare title before its order number
        text = re.sub(r"^([\u4e00-\u9fff（）]{4,60}?)\s*(?=\(|（|，|$)", r"《\1》", text)
    return re.sub(r",\s*", "，", text)


def _category(source: str, entry: dict | None) -> str:
    if entry and entry.get("category"):
        return entry["category"]
    parts = Path(source).parts
    return parts[0] if len(parts) > 1 and parts[0] in CATEGORIES else ""


def build_meta(
    text: str,
    *,
    doc_id: str,
    source: str,
    sha256: str,
    manifest_entry: dict | None,
    pages: int = 0,
) -> DocMeta:
    entry = manifest_entry or {}
    head = text[:3000]
    tail = text[-1500:]
    number = entry.get("doc_number", "")
    if not number or "not verified" in number:
        m = RE_DOC_NUMBER.search(head)
        number = m.group(1) if m else ("" if not number or "not verified" in number else number)
    date = entry.get("date", "")
    if not date:
        dates = [_date(m) for m in RE_DATE.finditer(head + "\n" + tail)]
        date = dates[0] if dates else ""
    issuer = entry.get("issuer", "")
    if not issuer:
        lines = text.split("\n")
        for i, ln in enumerate(lines):
            if RE_DATE.fullmatch(ln.strip()) and i > 0 and RE_ISSUER.match(lines[i - 1].strip()):
                issuer = lines[i - 1].strip()
                break
    eff = RE_EFFECTIVE.search(text)
    validity, superseded_by, note = _validity(entry, source)
    return DocMeta(
        doc_id=doc_id,
        source=source,
        title=entry.get("title") or _title_from_text(text),
        issuer=issuer,
        doc_number=number,
        date=date,
        effective_date=_date(eff) if eff else "",
        category=_category(source, entry),
        validity=validity,
        superseded_by=superseded_by,
        validity_note=note,
        sha256=sha256,
        chars=len(text),
        pages=pages,
        parser=PARSER_VERSION,
    )
