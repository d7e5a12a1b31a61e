"""Which stored document a question names: exact, shortened and approximate titles."""

from __future__ import annotations

import pytest

from kb.models import DocMeta
from kb.titles import TitleIndex, kind

TITLES = {
    "law": "中华人民共和国特种设备安全法",
    "regulation": "特种设备安全监察条例（2009年修订）",
    "fire-law": "中华人民共和国消防法（2021年修正）",
    "response-law": "中华人民共和国突发事件应对法（2024年修订）",
    "shandong": "山东省突发事件应急保障条例",
    "emergency": "生产安全事故应急条例",
    "power": "电力安全事故应急处置和调查处理条例",
    "safety-law": "中华人民共和国安全生产法（2021年修正）",
}


@pytest.fixture(scope="module")
def index():
    return TitleIndex([DocMeta(doc_id=k, source=f"{k}.txt", title=t) for k, t in TITLES.items()])


def test_kind_reads_the_suffix_not_the_edition():
    assert kind("特种设备安全监察条例（2009年修订）") == "条例"
    assert kind("特种设备法") == "法"
    assert kind("消防法实施条例") == "实施条例"
    assert kind("第十三条") == ""


def test_a_named_law_is_not_the_regulation_that_shares_its_words(index):
    # "特种设备法" shares as many character pairs with the 条例 as with the 安全法
    assert index.closest("特种设备法")[0] == "law"
    # "突发事件应急法" shares more with 山东's 应急保障条例, but names a 法
    assert index.closest("突发事件应急法")[0] == "response-law"
    assert index.closest("特种设备安全监察条例")[0] == "regulation"


def test_an_implementing_regulation_is_not_its_law(index):
    assert [a.doc_id for a, _ in index.contained("按照消防法第十条", min_len=3)] == ["fire-law"]
    assert index.contained("消防法实施条例第十条", min_len=3) == []
    assert index.closest("消防法实施条例")[1] < 0.6  # below what an answer accepts as a match


def test_a_year_the_question_names_picks_that_edition():
    """Two interpretations share a title but for "（二）": "两高2015年《关于…的解释》" is the 2015 one,
    cited without its issuers; with no year named, the full-title rule still picks the first."""
    base = "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释"
    index = TitleIndex([DocMeta(doc_id="jieshi-2015", source="a.md", title=base, date="2015-12-14"),
                        DocMeta(doc_id="jieshi-er-2022", source="b.md", title=base + "（二）", date="2022-12-15")])
    cited = "两高2015年《关于办理危害生产安全刑事案件适用法律若干问题的解释》"
    assert index.closest(cited)[0] == "jieshi-2015"
    assert index.closest(cited.replace("2015", "2022"))[0] == "jieshi-er-2022"
    assert index.closest("关于办理危害生产安全刑事案件适用法律若干问题的解释")[0] == "jieshi-2015"
    assert index.closest("关于办理危害生产安全刑事案件适用法律若干问题的解释（二）")[0] == "jieshi-er-2022"


def test_a_local_implementing_measure_is_not_the_law_it_implements():
    index = TitleIndex([DocMeta(doc_id="law", source="a.md", title="中华人民共和国突发事件应对法（2024年修订）"),
                        DocMeta(doc_id="shanghai", source="b.md", title="上海市实施《中华人民共和国突发事件应对法》办法")])
    assert index.closest("上海实施突发事件应对法办法")[0] == "shanghai"
    assert index.closest("上海市实施《突发事件应对法》办法")[0] == "shanghai"
    assert index.closest("突发事件应对法")[0] == "law"  # the measure does not go by its law's name


def test_the_two_supreme_bodies_interpretation_goes_by_两高():
    title = "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释"
    index = TitleIndex([DocMeta(doc_id="jieshi", source="a.md", title=title, date="2015-12-14"),
                        DocMeta(doc_id="law", source="b.md", title="中华人民共和国安全生产法（2021年修正）")])
    doc, score = index.closest("2015年“两高”关于危害生产安全刑事案件的司法解释")
    assert doc == "jieshi" and score >= 0.6  # what an answer accepts as a match


def test_an_edition_mark_is_no_evidence_of_another_title():
    """"煤矿重大隐患判定标准（2015）" shares （2, 20, 01 with "工贸…判定标准（2017版）": more character
    pairs than with the 煤矿 standard's own title, had the edition mark been read as words."""
    index = TitleIndex([DocMeta(doc_id="coal", source="a.md", title="煤矿重大生产安全事故隐患判定标准", date="2015-12-03"),
                        DocMeta(doc_id="trade", source="b.md", title="工贸行业重大生产安全事故隐患判定标准（2017版）",
                                date="2017-11-01")])
    assert index.closest("煤矿重大隐患判定标准（2015）")[0] == "coal"
    assert index.closest("煤矿重大隐患判定标准2015年版")[0] == "coal"
    assert index.closest("工贸重大隐患判定标准（2017）")[0] == "trade"


def test_a_short_form_starting_with_shi_gu_is_not_inside_another_kind_of_accident(index):
    """"事故应急条例" shortens 生产安全事故应急条例, but inside "电力安全事故应急条例" it is a tail of
    another name (电力安全事故), so it names nothing stored exactly."""
    assert "emergency" not in [a.doc_id for a, _ in index.contained("电力安全事故应急条例对核电厂是怎么规定的")]
    assert [a.doc_id for a, _ in index.contained("按事故应急条例第五条")] == ["emergency"]
    assert [a.doc_id for a, _ in index.contained("生产安全事故应急条例第五条")] == ["emergency"]


def test_laws_and_regulations_in_general_name_no_law(index):
    """"违反安全生产法规" speaks of 安全生产法律法规, not of the 安全生产法."""
    assert index.contained("企业因为违反安全生产法规被罚了款") == []
    assert index.contained("违反安全生产法律法规受到处罚") == []
    assert [a.doc_id for a, _ in index.contained("违反安全生产法第二十一条")] == ["safety-law"]
