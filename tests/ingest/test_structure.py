"""Structure of the real corpus: tasks with exact owners, articles, hazard items, metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.components import FileParser
from ingest.metadata import load_manifest
from ingest.numerals import cn_to_int, int_to_cn
from ingest.structure import article_number, sub_locators

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def parse():
    parser = FileParser(CORPUS, load_manifest(CORPUS))
    cache: dict = {}

    def _parse(rel):
        if rel not in cache:
            out = parser.run([CORPUS / rel])
            assert not out["failures"], out["failures"]
            cache[rel] = out["parsed"][0]
        return cache[rel]

    return _parse


ZW = "work_plans/001_6081a029a38b96ac.txt"
OWNERS = {
    "1": ["应急协调科", "综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队"],
    "4": ["应急协调科"],
    "9": ["综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队"],
    "19": ["应急协调科", "安全生产监测与应急救援指挥中心"],
    "23": ["办公室", "应急协调科", "综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队", "安全生产监测与应急救援指挥中心"],
}


def test_all_26_tasks_with_exact_owners(parse):
    doc = parse(ZW)
    assert [t.number for t in doc.tasks] == [str(i) for i in range(1, 27)]
    by_no = {t.number: t for t in doc.tasks}
    for no, owners in OWNERS.items():
        assert by_no[no].owners == owners, no
    assert all(t.deadline == "2023年底" for t in doc.tasks)
    assert by_no["9"].title == "大力实施重大隐患动态清零行动。"
    assert by_no["9"].section.startswith("(三)")
    assert "深入开展应急管理宣传教育" in by_no["4"].text  # its second paragraph
    assert doc.text[by_no["9"].start : by_no["9"].end] == by_no["9"].text
    # the 工作方法 list (一)…(六) is not tasks
    assert not any("必须坚持党的领导" in t.title for t in doc.tasks)


def test_xian_plan_has_52_items_without_owners(parse):
    doc = parse("work_plans/003_bd8437d66a3e53db.txt")
    assert len(doc.tasks) == 52
    assert doc.tasks[0].number == "(一)" and doc.tasks[-1].number == "(五十二)"
    assert all(t.owners == [] for t in doc.tasks)
    assert doc.tasks[0].section.startswith("一、")


def test_articles_match_the_manifest(parse):
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    for e in manifest:
        if e.get("articles") and e["category"] in ("laws_regulations", "local_regulations"):
            arts = [u for u in parse(e["file"]).units if u.kind == "article"]
            assert len(arts) == e["articles"], e["file"]


def test_article_21_and_its_items(parse):
    doc = parse("laws_regulations/anquan-shengchan-fa-2021.md")
    art = next(u for u in doc.units if u.locator == "第二十一条")
    assert art.text.startswith("第二十一条 生产经营单位的主要负责人")
    assert art.section[-1] == "第二章 生产经营单位的安全生产保障"
    subs = [loc for _, _, loc in sub_locators(art)]
    assert subs[0] == "第二十一条" and "第二十一条第（五）项" in subs
    assert article_number("第一百一十九条") == 119


def test_hazard_items_are_addressable(parse):
    doc = parse("hazard_criteria/gongmao-hangye-zhongda-yinhuan-panding-2017-superseded.md")
    item = next(u for u in doc.units if u.locator == "一（一）6")
    assert "锁气卸灰" in item.text
    assert len([u for u in doc.units if u.kind == "item"]) == 59
    flat = parse("hazard_criteria/huagong-weihuapin-zhongda-yinhuan-panding-2017.md")
    assert [u.locator for u in flat.units if u.kind == "item"][:3] == ["一", "二", "三"]


def test_metadata_and_validity(parse):
    assert parse("hazard_criteria/gongmao-hangye-zhongda-yinhuan-panding-2017-superseded.md").meta.validity == "被替代"
    coal = parse("hazard_criteria/meikuang-zhongda-yinhuan-panding-2015-superseded.md").meta
    assert coal.validity == "被替代" and "煤矿重大事故隐患判定标准" in coal.superseded_by
    assert "2021-01-01起施行" in coal.superseded_by and "in force" not in coal.superseded_by  # the manifest's English
    repealed = parse("laws_regulations/yufang-meikuang-shigu-tebie-guiding-2013.md").meta
    assert repealed.validity == "已废止" and "煤矿安全生产条例" in repealed.superseded_by
    # "煤矿安全生产条例 (国务院令第774号) effective 2024-05-01", as a Chinese page says it
    assert repealed.superseded_by == "《煤矿安全生产条例》(国务院令第774号，2024-05-01起施行)"
    assert parse("laws_regulations/yingji-yuan-guanli-banfa-2016.md").meta.validity == "已修订"
    xa = parse("work_plans/003_bd8437d66a3e53db.txt").meta
    assert xa.doc_number == "市应急发〔2023〕11号" and xa.date == "2023-02-16"
    assert parse("laws_regulations/meikuang-anquan-shengchan-tiaoli-2024.md").meta.effective_date == "2024-05-01"


def test_pdf_units_know_their_page(parse):
    doc = parse("pdf/gongmao-jiaoda-weixian-yinsu-shouce-2016-fangzhi.pdf")
    pages = [u.page for u in doc.units]
    assert pages[0] == 1 and max(pages) >= 20 and pages == sorted(pages)


def test_numerals_round_trip():
    for n in range(1, 301):
        assert cn_to_int(int_to_cn(n)) == n
    assert int_to_cn(21) == "二十一" and int_to_cn(10) == "十" and int_to_cn(105) == "一百零五"
    assert cn_to_int("两") == 2 and cn_to_int("21") == 21
    with pytest.raises(ValueError):
        cn_to_int("abc")
