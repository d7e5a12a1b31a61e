"""Office names as people write them: 危化科 for 危险化学品安全监督管理科.

The offices are the owners named in the stored task records. A short form names an
office when its characters appear, in order, in exactly one office's name of the same
kind (科, 支队, 中心 ...), e.g. 危化科 -> 危险化学品安全监督管理科, 基础科 -> 安全生产基础科,
指挥中心 -> 安全生产监测与应急救援指挥中心. An ambiguous short form names none.
"""

from __future__ import annotations

import re

OFFICE_SUFFIX = r"(?:科|支队|大队|中队|中心|办公室|室)"
# a name in running text ends at one of these (科 followed by 室 is 科室, the generic word)
RE_OFFICE = re.compile(rf"([\u4e00-\u9fff]{{1,14}}?{OFFICE_SUFFIX})(?!室)")
_BEFORE_NAME = re.compile(r".*(?:由|是|的|和|与|在|归|给|对|向|把|被|为|从|及|、|让|请)")
# nor is a place: "在市中心开个批发点"
_NOT_A_NAME = re.compile(r"哪|几|什么|谁|个科|各科|科室|处室|这个|那个|本科|学科|[市城镇县]中心|商业中心|购物中心")


def _suffix(name: str) -> str:
    m = re.search(OFFICE_SUFFIX + "$", name)
    return m.group(0) if m else ""


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def resolve(short: str, offices: set[str]) -> str | None:
    """The one office ``short`` stands for, or None."""
    if short in offices:
        return short
    kind = _suffix(short)
    stem = short[: len(short) - len(kind)] if kind else short
    if len(stem) < 2:
        return None
    found = [o for o in offices if _suffix(o) == kind and _subsequence(stem, o[: len(o) - len(kind)])]
    return found[0] if len(found) == 1 else None


def mentioned(text: str) -> list[str]:
    """Office-like names in running text: "由危化科负责" -> ["危化科"]."""
    out = []
    for m in RE_OFFICE.finditer(text):
        name = _BEFORE_NAME.sub("", m.group(1))
        if len(name) >= 3 and not _NOT_A_NAME.search(name):
            out.append(name)
    return out


def named_offices(text: str, offices: set[str]) -> list[str]:
    """The stored offices a text names, in full or by a short form, longest first, no repeats."""
    found = {o for o in offices if o in text}
    for name in mentioned(text):
        full = resolve(name, offices)
        if full is not None:
            found.add(full)
    return sorted(found, key=len, reverse=True)
