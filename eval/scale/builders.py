"""Build the documents of a scale corpus, each with its manifest entry: work plans, regulations
(national-style and local), hazard standards and policy articles."""

from __future__ import annotations

import re
from typing import NamedTuple

from eval.scale.context import Context, cn_date
from eval.scale.counter import Writer
from eval.scale.material import Chapter, Law, chapter_role
from eval.scale.places import Place
from eval.scale.vocabulary import (
    DEADLINE_LABELS,
    DOC_SIZE,
    HAZARD_SCOPES,
    HAZARD_SUFFIXES,
    LOCAL_KINDS,
    OFFICES,
    OWNER_LABELS,
    PLAN_THEMES,
    POLICY_TITLES,
    RULE_KINDS,
    SUPERSEDED_SHARE,
    VALIDITY_SUPERSEDED,
    YEARS,
)


class ScaleDocument(NamedTuple):
    """One generated document: path under the output folder, file text, manifest entry."""

    path: str
    text: str
    entry: dict


def _superseded_note(newer: dict) -> str:
    return f"SUPERSEDED: replaced by 《{newer['title']}》（{newer['doc_number']}，{newer['date']}）"


def _work_plan(ctx: Context, target: int) -> list[ScaleDocument]:
    from ingest.numerals import int_to_cn

    rng, m = ctx.rng, ctx.m

    def draw():
        place, year, theme = rng.choice(ctx.plan_places), rng.randint(*YEARS), rng.choice(PLAN_THEMES)
        return f"{place.name}应急管理局{year}年{theme}工作要点", place, year, theme

    title, place, year, theme = ctx.unique_title(draw)
    number = ctx.unique_number(lambda: f"{place.abbr}应急发〔{year}〕{rng.randint(1, 99)}号")
    date = ctx.date(year, (1, 3))
    issuer = f"{place.name}应急管理局"
    inner = f"{year}年{theme or '应急管理'}工作要点"
    below = "乡镇（街道）应急管理办公室" if place.level == "county" else "区县应急管理局"
    w = Writer()
    w.add("paragraph", [f"（{number}）{issuer}关于印发《{inner}》的通知"])
    w.add("paragraph", [f"各{below}，局机关各科室、局属各单位："])
    w.add("paragraph", [f"现将《{inner}》印发你们，请结合工作实际，认真抓好贯彻落实。"])
    w.add("paragraph", [issuer])
    w.add("paragraph", [cn_date(date)])
    w.add("heading", ["一、总体要求"])
    intro_year, intro = rng.choice(m.plan_intros)
    w.add("paragraph", [ctx.localise(intro, place, year - intro_year)])
    offices = rng.sample(OFFICES, rng.randint(8, 14))
    label, deadline_label = rng.choice(OWNER_LABELS), rng.choice(DEADLINE_LABELS)
    two_levels = rng.random() < 0.35
    if two_levels:
        w.add("heading", ["二、重点任务"])
    sections = rng.sample(m.plan_sections, min(len(m.plan_sections), rng.randint(3, 8)))
    tasks = rng.sample(m.tasks, len(m.tasks))
    per_section = max(1, (target - w.chunks) // len(sections) + 1)
    sources: set[str] = set()
    n_task = n_section = 0
    for i, section in enumerate(sections):
        if not tasks or w.chunks >= target:
            break
        numeral = int_to_cn(n_section + 1 if two_levels else n_section + 2)
        if not w.add("heading", [f"（{numeral}）{section}" if two_levels else f"{numeral}、{section}"]):
            continue
        n_section += 1
        if rng.random() < 0.3:
            lead_year, lead = rng.choice(m.plan_leads)
            w.add("paragraph", [ctx.localise(lead, place, year - lead_year)])
        stop = target if i == len(sections) - 1 else min(target, w.chunks + per_section)
        while tasks and w.chunks < stop:
            src, src_year, body = tasks.pop()
            body = [ctx.localise(ln, place, year - src_year) for ln in body]
            if rng.random() < 0.25 and sum(map(len, body)) < 500:  # one more sentence from another task
                body[-1] += ctx.localise(rng.choice(m.task_sentences), place, year - src_year)
            owners = rng.sample(offices, rng.choices((1, 2, 3, 4, 5), (35, 30, 20, 10, 5))[0])
            if label == "牵头单位：":
                owner_lines = [label + owners[0]] + (["配合单位：" + "、".join(owners[1:])] if len(owners) > 1 else [])
            else:
                owner_lines = [label + "、".join(owners)]
            deadline = deadline_label + rng.choice(ctx.deadlines).format(y=year)
            if w.add("task", [f"{n_task + 1}.{body[0]}", *body[1:], *owner_lines, deadline]):
                n_task += 1
                sources.add(src)
    text = w.text()
    path = ctx.path("work_plans", place, year)
    entry = ctx.entry(path, title, issuer, number, date, "work_plans", sources, text, w.chunks, tasks=n_task)
    return [ScaleDocument(path, text, entry)]


def _law_text(ctx: Context, target: int, place: Place, primary: Law, kind_word: str, title_line: str,
              promulgation: str, effective_cn: str) -> tuple[Writer, set[str], int]:
    """A regulation: 总则, the primary source's other chapters (then a donor's), 法律责任, 附则
    ending with the 施行 article; articles renumbered 第一条, 第二条…, chapters 第一章…"""
    from ingest.numerals import int_to_cn

    rng, m = ctx.rng, ctx.m
    w = Writer()
    w.add("heading", [title_line], "# ")
    w.add("paragraph", [promulgation])
    sources = {primary.source}
    used: set[tuple[str, ...]] = set()
    counts = {"article": 0, "chapter": 0}

    def chapter(ch: Chapter, keep: float, until: int, last: tuple[str, ...] | None = None) -> None:
        """Write ``ch`` with each article kept at chance ``keep``, stopping at ``until`` chunks."""
        arts = [a for a in ch.articles if a not in used and "起施行" not in "".join(a)]
        picked = [a for a in arts if rng.random() < keep] or arts[:2]
        if last is not None:
            picked = picked[: rng.randint(0, 2)] + [last]
        if not picked:
            return
        counts["chapter"] += 1
        w.add("heading", [f"第{int_to_cn(counts['chapter'])}章 {ch.title}"], "## ")
        written = 0
        for art in picked:
            if written and art is not last and w.chunks >= until:
                continue
            lines = [ctx.localise(ln, place, kind_word=kind_word) for ln in art]
            if art is last:
                lines = [ctx.re_effective.sub(f"自{effective_cn}起\\4", ln) for ln in lines]
            lines[0] = f"第{int_to_cn(counts['article'] + 1)}条 {lines[0]}"
            if w.add("article", lines):
                counts["article"] += 1
                written += 1
                used.add(art)

    reserve = 4 if target >= 12 else 2
    general = primary.chapter("总则") or rng.choice(m.roles["总则"])[1]
    chapter(general, 0.8, w.chunks + max(2, target // 8))
    middles = [c for c in primary.chapters if not chapter_role(c.title)]
    donors = [law for law in m.laws if law is not primary]
    rng.shuffle(donors)
    while w.chunks < target - reserve:
        if not middles:
            if not donors:
                break
            donor = donors.pop()
            middles = [c for c in donor.chapters if not chapter_role(c.title)]
            sources.add(donor.source)
            continue
        chapter(middles.pop(0), rng.uniform(0.6, 0.95), target - reserve)
    liability = primary.chapter("法律责任") or rng.choice(m.roles["法律责任"])[1]
    chapter(liability, 0.7, w.chunks + max(1, reserve - 2))
    src, effective = rng.choice(m.effective)
    sources.add(src)
    closing = primary.chapter("附则") or rng.choice(m.roles["附则"])[1]
    chapter(closing, 0.5, 0, last=effective)
    return w, sources, counts["article"]


def _law(ctx: Context, target: int, category: str, pair_ok: bool) -> list[ScaleDocument]:
    from ingest.numerals import int_to_cn

    rng, m = ctx.rng, ctx.m
    local = category == "local_regulations"

    def draw():
        primary, place = rng.choice(m.laws), rng.choice(ctx.reg_places)
        if local and primary.national_law and rng.random() < 0.25:
            return f"{place.name}实施《中华人民共和国{primary.topic}法》办法", place, primary
        kind = rng.choice(LOCAL_KINDS if local else RULE_KINDS)
        kind = "办法" if kind == "管理办法" and primary.topic.endswith("管理") else kind
        return f"{place.name}{primary.topic}{kind}", place, primary

    base, place, primary = ctx.unique_title(draw)
    # about half a source's articles make a chunk each: keep to what the primary source holds, so
    # that a regulation stays on its topic (a donor's chapters only top up)
    target = min(target, max(DOC_SIZE[category][0], sum(len(c.articles) for c in primary.chapters) // 2))
    kind_word = "细则" if base.endswith("细则") else re.search(r"(条例|办法|规定)$", base).group(1)
    superseded = rng.random() < SUPERSEDED_SHARE and pair_ok
    years = [rng.randint(2019, YEARS[1])] if superseded else [rng.randint(*YEARS)]
    if superseded:
        years.append(max(YEARS[0], years[0] - rng.randint(3, 7)))
    docs: list[ScaleDocument] = []
    for year in years:
        old = superseded and len(docs) == 1
        date = ctx.date(year)
        month = int(date[5:7]) + rng.randint(1, 6)
        effective = f"{year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-01"
        if local:
            issuer = f"{place.name}人民代表大会常务委员会"
            number = ctx.unique_number(lambda: f"{issuer}公告第{rng.randint(1, 150)}号")
            session = f"{place.name}第{rng.choice(('十二', '十三', '十四', '十五'))}届人民代表大会常务委员会" \
                      f"第{int_to_cn(rng.randint(2, 40))}次会议"
            promulgation = f"（{cn_date(date)}{session}{'通过' if not superseded or old else '修订'}，" \
                           f"自{cn_date(effective)}起施行）"
        else:
            issuer = f"{place.name}人民政府"
            number = ctx.unique_number(lambda: f"{issuer}令第{rng.randint(100, 399)}号")
            promulgation = f"（{cn_date(date)}{number}公布，自{cn_date(effective)}起施行）"
        size = target if not old else max(DOC_SIZE[category][0], int(target * 0.8))
        w, sources, n_article = _law_text(ctx, size, place, primary, kind_word, base, promulgation,
                                          cn_date(effective))
        text = w.text()
        path = ctx.path(category, place, year, superseded=old)
        title = f"{base}（{year}年{'版' if old else '修订'}）" if superseded else base
        ctx.titles.add(title)
        entry = ctx.entry(path, title, issuer, number, date, category, sources, text, w.chunks,
                          articles=n_article, last_article=n_article)
        if old:
            entry.update(validity=VALIDITY_SUPERSEDED, notes=_superseded_note(docs[0].entry))
        docs.append(ScaleDocument(path, text, entry))
    return docs


def _hazard(ctx: Context, target: int, pair_ok: bool) -> list[ScaleDocument]:
    from ingest.numerals import int_to_cn

    rng, m = ctx.rng, ctx.m
    flat = rng.random() < 0.4
    source, scope, lead, flat_items = rng.choice(m.hazard_flat) if flat else ("", "工贸企业", m.hazard_lead, ())
    scopes = (scope, scope.replace("生产经营单位", "企业")) if flat else HAZARD_SCOPES

    def draw():
        place = rng.choice(ctx.hazard_places)
        return f"{place.name}{rng.choice(scopes)}{rng.choice(HAZARD_SUFFIXES)}", place

    base, place = ctx.unique_title(draw)
    issuer = f"{place.name}应急管理{'厅' if place.level == 'province' else '局'}"
    superseded = rng.random() < SUPERSEDED_SHARE and pair_ok
    years = [rng.randint(2019, YEARS[1])] if superseded else [rng.randint(*YEARS)]
    if superseded:
        years.append(max(YEARS[0], years[0] - rng.randint(3, 6)))
    docs: list[ScaleDocument] = []
    for year in years:
        old = superseded and len(docs) == 1
        w = Writer()
        w.add("heading", [base], "# ")
        w.add("paragraph", [lead])
        sources = {source} if source else set()
        n_item = 0
        if flat:
            keep = min(1.0, max(0.3, (target - 1) / len(flat_items)))
            for item in [it for it in flat_items if rng.random() < keep]:
                if w.add("item", [f"{int_to_cn(n_item + 1)}、{item}"]):
                    n_item += 1
        else:
            groups = [g for g in m.hazard_groups if rng.random() < 0.7] or m.hazard_groups[:1]
            keep = min(1.0, max(0.4, (target - 1) / max(1, sum(len(g.items) for _, g in groups))))
            h1s: list[str] = []
            h2 = 0
            for src, g in groups:
                if w.chunks >= target:
                    break
                if g.unnumbered:
                    items = list(g.items)
                else:
                    items = [it for it in g.items if rng.random() < keep] or list(g.items[:1])
                if g.h1 not in h1s:
                    h1s.append(g.h1)
                    w.add("heading", [f"{int_to_cn(len(h1s))}、{g.h1}"])
                    h2 = 0
                h2 += 1
                w.add("heading", [f"（{int_to_cn(h2)}）{g.h2}"])
                sources.add(src)
                for k, item in enumerate(items):
                    if w.add("item", [item if g.unnumbered else f"{k + 1}.{item}"]):
                        n_item += 1
        text = w.text()
        path = ctx.path("hazard_criteria", place, year, superseded=old)
        title = f"{base}（{year}年版）" if superseded else base
        ctx.titles.add(title)
        number = ctx.unique_number(lambda: f"{place.abbr}应急规〔{year}〕{rng.randint(1, 40)}号")
        entry = ctx.entry(path, title, issuer, number, ctx.date(year), "hazard_criteria", sources, text, w.chunks,
                          items=n_item)
        if old:
            entry.update(validity=VALIDITY_SUPERSEDED, notes=_superseded_note(docs[0].entry))
        docs.append(ScaleDocument(path, text, entry))
    return docs


def _policy(ctx: Context, target: int) -> list[ScaleDocument]:
    from ingest.numerals import int_to_cn

    rng, m = ctx.rng, ctx.m

    def draw():
        place, year = rng.choice(ctx.plan_places), rng.randint(*YEARS)
        return rng.choice(POLICY_TITLES).format(year=year, place=place.name, short=place.short), place, year

    title, place, year = ctx.unique_title(draw)
    w = Writer()
    w.add("heading", [title])
    runs = rng.sample(m.policy_runs, len(m.policy_runs))
    sources: set[str] = set()

    def paragraph() -> None:
        if runs:
            src, src_year, run = runs.pop()
            k = rng.randint(1, min(4, len(run)))
            start = rng.randint(0, len(run) - k)
            if w.add("paragraph", [ctx.localise("".join(run[start : start + k]), place, year - src_year)]):
                sources.add(src)

    for _ in range(rng.randint(1, 2)):
        paragraph()
    headings = rng.sample(m.policy_headings, len(m.policy_headings))
    n = 0
    while w.chunks < target and runs and headings:
        n += 1
        w.add("heading", [f"{int_to_cn(n)}、{headings.pop()}"])
        for _ in range(rng.randint(2, 4)):
            paragraph()
    text = w.text()
    path = ctx.path("policy_articles", place, year)
    issuer = rng.choice((f"{place.name}应急管理局", f"{place.short}日报"))
    entry = ctx.entry(path, title, issuer, "", ctx.date(year), "policy_articles", sources, text, w.chunks)
    return [ScaleDocument(path, text, entry)]


def build(ctx: Context, category: str, target: int, remaining: int) -> list[ScaleDocument]:
    """One document of ``category`` planned at ``target`` chunks, or an edition pair (old one 被替代)
    when the category has room for two."""
    pair_ok = remaining >= 2 * target
    if category == "work_plans":
        return _work_plan(ctx, target)
    if category == "hazard_criteria":
        return _hazard(ctx, target, pair_ok)
    if category == "policy_articles":
        return _policy(ctx, target)
    return _law(ctx, target, category, pair_ok)
