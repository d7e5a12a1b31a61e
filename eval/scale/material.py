"""Read the bundled corpus, with the real loader, cleaner and parser, into reusable material:
work-plan tasks, law chapters and articles, hazard items and policy sentences."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from eval.scale.errors import ScaleCorpusError
from eval.scale.vocabulary import CATEGORIES, SENTENCE_FINAL

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@dataclass(frozen=True)
class Chapter:
    """One chapter of a source law: its title and its articles."""

    title: str
    articles: tuple[tuple[str, ...], ...]  # each article's lines, "第N条 " removed from the first


@dataclass(frozen=True)
class Law:
    """A chaptered law or regulation of the bundled corpus."""

    source: str
    title: str
    topic: str
    national_law: bool
    chapters: tuple[Chapter, ...]

    def chapter(self, role: str) -> Chapter | None:
        return next((c for c in self.chapters if chapter_role(c.title) == role), None)


@dataclass(frozen=True)
class HazardGroup:
    """The hazard items under one 一、/（一） heading pair of a hazard standard."""

    h1: str
    h2: str
    items: tuple[str, ...]
    unnumbered: bool  # the one unnumbered item of a heading


@dataclass
class Material:
    """What the generator recombines, read once from the bundled corpus."""

    tasks: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)  # (source, year, body lines)
    task_sentences: list[str] = field(default_factory=list)
    plan_sections: list[str] = field(default_factory=list)
    plan_leads: list[tuple[int, str]] = field(default_factory=list)
    plan_intros: list[tuple[int, str]] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)
    roles: dict[str, list[tuple[str, Chapter]]] = field(default_factory=dict)  # 总则/法律责任/附则 pools
    effective: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # articles "…自…起施行"
    hazard_groups: list[tuple[str, HazardGroup]] = field(default_factory=list)
    hazard_flat: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)  # source, scope, lead, items
    hazard_lead: str = ""
    policy_runs: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)
    policy_headings: list[str] = field(default_factory=list)
    years: dict[str, int] = field(default_factory=dict)


def chapter_role(chapter_title: str) -> str:
    """总则, 法律责任 or 附则 for the chapters a regulation opens and closes with; "" for the others."""
    if chapter_title == "总则":
        return "总则"
    if chapter_title == "附则":
        return "附则"
    if "法律责任" in chapter_title or "罚则" in chapter_title:
        return "法律责任"
    return ""


def _ends_sentence(line: str) -> bool:
    return bool(line) and (line[-1] in SENTENCE_FINAL or line.endswith(("。”", "。）", "！”", "？”")))


def _lines_safe(lines: tuple[str, ...] | list[str]) -> bool:
    """Would the cleaner keep these consecutive lines apart wherever they are written?"""
    from ingest.patterns import is_structural_start

    for line, nxt in zip(lines, lines[1:]):
        if not (_ends_sentence(line) or line.endswith(("：", ":")) or is_structural_start(nxt)):
            return False
    return all(line and line == line.strip() for line in lines)


def _heading_safe(text: str, max_len: int) -> bool:
    """A heading text that stays one heading line after a "十二、" or "（十二）" number."""
    return len(text) <= max_len and not re.search(r"[；;]", text) and (
        _ends_sentence(text) or (len(text) <= 25 and "，" not in text and "。" not in text))


def _topic(title: str) -> tuple[str, bool]:
    """安全生产 from 中华人民共和国安全生产法（2021年修正）; True for a national 法."""
    base = re.sub(r"[（(][^）)]*[）)]", "", title)
    m = re.search(r"《(?:中华人民共和国)?(.+?)(?:法|条例)》", base)
    if m:
        return m.group(1), False
    national = base.startswith("中华人民共和国") and base.endswith("法")
    base = base.removeprefix("中华人民共和国")
    base = re.sub(r"^(?:北京市|上海市|山东省|重庆市|浙江省|深圳经济特区)", "", base)
    return re.sub(r"(?:法|条例|办法|规定)$", "", base), national


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？!?]*[。！？!?][”）]?", text) if _ends_sentence(s)]


@functools.lru_cache(maxsize=4)
def load_material(corpus_dir: str | Path = CORPUS) -> Material:
    """Parse the bundled corpus with the real FileParser and collect what can be recombined."""
    from ingest.components import FileParser
    from ingest.metadata import load_manifest
    from ingest.patterns import RE_ARTICLE, RE_CHAPTER, RE_DEADLINE_LINE, RE_H1, RE_H2, RE_H3, RE_OWNER_LINE

    corpus = Path(corpus_dir)
    if not (corpus / "manifest.json").is_file():
        raise ScaleCorpusError(f"{corpus}: no manifest.json here; point --corpus at the bundled corpus/ folder")
    manifest = load_manifest(corpus)
    files = sorted(
        p for p in corpus.rglob("*")
        if p.suffix in (".md", ".txt") and p.relative_to(corpus).parts[0] in CATEGORIES
    )
    out = FileParser(corpus, manifest).run(files)
    if out["failures"]:
        raise ScaleCorpusError(f"the source corpus does not parse: {out['failures'][0]['error']}")
    m = Material()
    for doc in out["parsed"]:
        src, cat = doc.meta.source, doc.meta.category
        m.years[src] = int(doc.meta.date[:4]) if doc.meta.date[:4].isdigit() else 2023
        if cat == "work_plans":
            for t in doc.tasks:
                lines = t.text.split("\n")
                mk = RE_H3.match(lines[0]) or RE_H2.match(lines[0])
                body = [lines[0][mk.end():].strip()] + [
                    ln for ln in lines[1:] if not (RE_OWNER_LINE.match(ln) or RE_DEADLINE_LINE.match(ln))
                ]
                if body[0] and all(_ends_sentence(ln) for ln in body) and _lines_safe(body):
                    m.tasks.append((src, m.years[src], tuple(body)))
                    m.task_sentences += [s for s in _sentences("".join(body))[1:] if 15 <= len(s) <= 200]
            for u in doc.units:
                if u.kind == "heading" and (h := RE_H1.match(u.text) or RE_H2.match(u.text)):
                    name = u.text[h.end():].strip()
                    if len(name) >= 8 and not re.search(r"[；;]", name):
                        m.plan_sections.append(name)
                elif u.kind == "paragraph" and _ends_sentence(u.text) and len(u.text) >= 30:
                    if "总体要求" in u.text[:15] or "总体目标" in u.text[:15]:
                        m.plan_intros.append((m.years[src], u.text))
                    elif len(u.section) == 2:
                        m.plan_leads.append((m.years[src], u.text))
        elif cat in ("laws_regulations", "local_regulations"):
            chapters: list[tuple[str, list[tuple[str, ...]]]] = []
            for u in doc.units:
                if u.kind == "heading" and (c := RE_CHAPTER.match(u.text)):
                    chapters.append((c.group(2).strip(), []))
                elif u.kind == "article" and chapters:
                    lines = u.text.split("\n")
                    a = RE_ARTICLE.match(lines[0])
                    art = (lines[0][a.end():].strip(), *lines[1:])
                    if art[0] and _lines_safe(art):
                        chapters[-1][1].append(art)
            chapters = [(t, arts) for t, arts in chapters if arts and len(t) <= 30]
            if len(chapters) >= 3:
                topic, national = _topic(doc.meta.title)
                law = Law(src, doc.meta.title, topic, national, tuple(Chapter(t, tuple(a)) for t, a in chapters))
                m.laws.append(law)
                for ch in law.chapters:
                    if chapter_role(ch.title):
                        m.roles.setdefault(chapter_role(ch.title), []).append((src, ch))
                    if chapter_role(ch.title) == "附则":
                        m.effective += [(src, a) for a in ch.articles if "起施行" in "".join(a)]
        elif cat == "hazard_criteria":
            items = [u for u in doc.units if u.kind == "item"]
            if not items:
                continue
            scope = re.sub(r"(?:重大生产安全事故隐患判定标准|重大事故隐患判定标准).*$", "", doc.meta.title)
            if all(RE_H1.match(u.text) for u in items):
                # the lead sentence; the cleaner glues it to a title ending in "（试行）"
                head = doc.units[0].text if doc.units[0].kind == "heading" else ""
                lead = next((u.text for u in doc.units if u.kind == "paragraph"), head[len(doc.meta.title):])
                if not _ends_sentence(lead) and lead.endswith(("：", ":")):
                    lead = lead[:-1] + "。"
                m.hazard_lead = m.hazard_lead or lead
                m.hazard_flat.append((src, scope, lead, tuple(u.text[RE_H1.match(u.text).end():] for u in items)))
                continue
            groups: dict[tuple[str, str], list[str]] = {}
            unnumbered: set[tuple[str, str]] = set()
            for u in items:
                if len(u.section) < 3:
                    continue
                key = (RE_H1.sub("", u.section[1]), RE_H2.sub("", u.section[2]))
                h3 = RE_H3.match(u.text)
                groups.setdefault(key, []).append(u.text[h3.end():] if h3 else u.text)
                if not h3:
                    unnumbered.add(key)
            for key, its in groups.items():
                m.hazard_groups.append((src, HazardGroup(key[0], key[1], tuple(its), key in unnumbered)))
        elif cat == "policy_articles":
            prev_final = True
            for u in doc.units:
                if u.kind == "heading":
                    if h := RE_H1.match(u.text):
                        m.policy_headings.append(u.text[h.end():])
                    prev_final = True
                    continue
                if prev_final and len(u.text) <= 20 and u.text.endswith(("?", "？")):
                    m.policy_headings.append(u.text)
                sents = _sentences(u.text)
                run = [s for i, s in enumerate(sents) if (i or prev_final)
                       and 12 <= len(s) <= 300 and not re.search(r"记者|转载|侵权|本报", s) and s[0] not in "”’，,、"]
                if run:
                    m.policy_runs.append((src, m.years[src], tuple(run)))
                prev_final = _ends_sentence(u.text)
    # headings the cleaner keeps on their own line: ending a sentence, or short without a full-width comma
    m.plan_sections += [h for h in m.policy_headings if len(h) >= 8 and not h.endswith(("?", "？"))]
    m.policy_headings += m.plan_sections
    m.plan_sections = sorted({h for h in m.plan_sections if _heading_safe(h, 34)})
    m.policy_headings = sorted({h for h in m.policy_headings if _heading_safe(h, 34)})
    if not (m.tasks and m.laws and m.effective and m.hazard_flat and m.hazard_groups and m.policy_runs):
        raise ScaleCorpusError(f"{corpus}: found too little to recombine (work-plan tasks, chaptered laws, "
                               "hazard items and policy sentences are all needed)")
    return m
