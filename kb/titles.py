"""Document titles as questions name them, indexed once per catalog generation.

A question names a document by its full title, a shortened one ("安全生产法" for
"中华人民共和国安全生产法", the plan inside "关于印发《…》的通知"), or approximately.
``TitleIndex`` answers both questions an answer needs without scanning every title
per question, which matters with tens of thousands of documents:

- ``contained(text)``: aliases that occur in the text, longest first, no overlaps;
- ``closest(text)``: the document whose alias shares most character pairs with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kb.models import VALIDITY_IN_FORCE, DocMeta
from kb.textnorm import normalize


def norm(text: str) -> str:
    return normalize(text).lower()


def aliases(title: str) -> list[str]:
    """The names a document goes by: full title, without (…), without 中华人民共和国, common short forms."""
    base = re.sub(r"[（(][^）)]*[）)]", "", title)
    out = {title, base, base.replace("中华人民共和国", "")}
    # "最高人民法院、最高人民检察院关于办理…的解释" is cited as "《关于办理…的解释》", and
    # "国务院关于预防煤矿生产安全事故的特别规定" as "预防煤矿事故的特别规定"
    about = base.find("关于")
    if about > 0 and len(base) - about >= 10:
        out.update((base[about:], title[title.find("关于") :], base[about + 2 :]))
    if base.startswith("最高人民法院、最高人民检察院"):  # "两高关于…的司法解释"
        rest = base[len("最高人民法院、最高人民检察院"):]
        out.update(("两高" + rest, "两高" + rest.replace("的解释", "的司法解释")))
    for t in list(out):
        out.add(t.replace("生产安全事故", "事故"))
        out.add(t.replace("重大生产安全事故隐患", "重大事故隐患"))
    m = re.search(r"《([^》]+)》", title)
    if m and not re.search(r"实施《", title):  # 上海市实施《…突发事件应对法》办法 is not that law
        out.add(m.group(1))
    for t in list(out):
        # "上海实施突发事件应对法办法": cited without the quotes, and without 市/省 after the place
        bare = t.replace("《", "").replace("》", "")
        out.add(bare)
        place = re.match(r"([\u4e00-\u9fff]{2,3}?)[省市](?=实施)", bare)
        if place:
            out.add(place.group(1) + bare[place.end():])
    return [a for a in out if len(a) >= 3]


# what kind of document a name says it is: "特种设备法" is a 法, never the 条例 that shares its words
RE_KIND = re.compile(r"(实施条例|实施办法|实施细则|条例|办法|细则|规定|规程|标准|决定|解释|通知|意见|要点|目录|法)$")
RE_IMPLEMENTING = re.compile(r"实施(条例|办法|细则)")  # "消防法实施条例" is not the 消防法
# "事故应急条例" (生产安全事故应急条例 shortened) inside "电力安全事故应急条例" names another kind of
# 事故: a short form starting with 事故 counts only after a function word, punctuation or nothing
RE_MODIFIER_BEFORE = re.compile(r"[\u4e00-\u9fff](?<![按照依据在和与及的是即指称])$")
KIND_MISMATCH = 0.7  # fuzzy score factor when the named kind differs from the title's
RE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
RE_EDITION = re.compile(r"[（(][^）)]*(?:\d{4}|版|修订|修正|试行)[^）)]*[）)]|(?<!\d)(?:19|20)\d{2}年?(?:版|修订|修正)?(?!\d)")


def kind(name: str) -> str:
    name = re.sub(r"[（(][^）)]*[）)]", "", name)  # "（2009年修订）"
    m = RE_KIND.search(re.sub(r"[^\w]+$|的$", "", name))
    return m.group(1) if m else ""


def _names_there(alias: str, text: str, pos: int) -> bool:
    """Whether ``alias``, found in ``text`` at ``pos``, names its document there rather than being
    part of a longer name or phrase."""
    end = pos + len(alias)
    if RE_IMPLEMENTING.match(text, end):  # 消防法 in 消防法实施条例
        return False
    if alias.startswith("事故") and RE_MODIFIER_BEFORE.search(text, 0, pos):  # 事故应急条例 in 电力安全事故应急条例
        return False
    # "违反安全生产法规": 安全生产法律法规 in general, not the 安全生产法
    return not (alias.endswith("法") and text[end : end + 1] in ("规", "律"))


@dataclass(frozen=True)
class Alias:
    text: str  # normalised
    doc_id: str
    full: bool  # the document's full title, not a shortened form
    in_force: bool
    years: frozenset[str] = frozenset()  # of its issue date and its title ("（2017版）")
    unnumbered: bool = False  # a short form of "…解释（二）" that dropped its number


class TitleIndex:
    def __init__(self, metas: list[DocMeta]) -> None:
        self.aliases: list[Alias] = []
        for m in metas:
            years = frozenset(RE_YEAR.findall(f"{m.date} {m.title}"))
            numbered = re.search(r"[（(][一二三四五六七八九十]+[）)]$", m.title)
            for a in aliases(m.title):
                dropped = bool(numbered) and not a.endswith(numbered.group(0))
                self.aliases.append(Alias(norm(a), m.doc_id, a == m.title, m.validity == VALIDITY_IN_FORCE, years, dropped))
        self._by_start: dict[str, list[int]] = defaultdict(list)
        self._by_gram: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(self.aliases):
            self._by_start[a.text[:2]].append(i)
            for g in {a.text[j : j + 2] for j in range(len(a.text) - 1)}:
                self._by_gram[g].append(i)

    def contained(self, text: str, min_len: int = 4) -> list[tuple[Alias, int]]:
        """(alias, position) of aliases found in ``text``, longest first, none inside another."""
        text = norm(text)
        found = []
        for pos in range(len(text) - 1):
            for i in self._by_start.get(text[pos : pos + 2], ()):
                a = self.aliases[i]
                if len(a.text) >= min_len and text.startswith(a.text, pos) and _names_there(a.text, text, pos):
                    found.append((a, pos))
        found.sort(key=lambda x: (-len(x[0].text), -x[0].full, x[1]))
        taken: list[tuple[int, int]] = []
        out = []
        for a, pos in found:
            if any(s <= pos < e or s < pos + len(a.text) <= e for s, e in taken):
                if not any(x.text == a.text and p == pos for x, p in out):
                    continue
            taken.append((pos, pos + len(a.text)))
            out.append((a, pos))
        return out

    def closest(self, text: str) -> tuple[str | None, float]:
        """(doc_id, score): a contained alias scores 1 + len/100 (+0.05 for the full title, so that
        "…解释" beats "…解释（二）" stripped of its number); otherwise the share of the text's
        character pairs the alias has, less when the text names another kind of document (法 vs
        条例). Ties go to a document in force."""
        text = norm(text)
        named_years = set(RE_YEAR.findall(text))  # "两高2015年《…解释》": the 2015 one, not （二） of 2022

        def dated(a: Alias) -> float:  # and "…解释" is the first one, not "…解释（二）" without its number
            return (0.02 if named_years & a.years else 0.0) - (0.01 if a.unnumbered else 0.0)

        best: tuple[float, bool, str | None] = (0.0, False, None)
        for a, _ in self.contained(text, min_len=3):
            score = 1.0 + len(a.text) / 100 + (0.05 if a.full else 0.0) + dated(a)
            best = max(best, (score, a.in_force, a.doc_id))
        if best[2] is not None:
            return best[2], best[0]
        # an edition mark ("（2015）", "2017版") is weighed by dated(), not as characters: "煤矿…判定标准
        # （2015）" shares 20, 01 and （2 with "工贸…判定标准（2017版）", none of which tells documents apart
        bare = RE_EDITION.sub("", text) or text
        grams = {bare[j : j + 2] for j in range(len(bare) - 1)}
        if not grams:
            return None, 0.0
        shared: dict[int, int] = defaultdict(int)
        for g in grams:
            for i in self._by_gram.get(g, ()):
                shared[i] += 1
        named = kind(text)
        for i, n in shared.items():
            a = self.aliases[i]
            score = n / len(grams)
            if named and kind(a.text) not in ("", named):
                score *= KIND_MISMATCH
            score += dated(a)
            best = max(best, (score, a.in_force, a.doc_id))
        return best[2], best[0]
