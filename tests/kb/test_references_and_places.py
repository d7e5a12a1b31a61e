"""References and hints the answers read from the question, through the real pipeline over the
ingested bundled corpus (kb_dir): an item numbered under an industry heading, an edition named by
its year, the asker's province, 科目 that is no 科室, and a work plan's task named by its number
("工作要点第13项")."""

from __future__ import annotations

import pytest

from tests.conftest import make_settings

pytestmark = pytest.mark.integration


def test_references_and_places(kb_dir):
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        ask = Answerer(Retriever(kb)).ask

        # "冶金行业第8条" of the 工贸 standard is item 8 under "（一）冶金行业", locator 二（一）8
        a = ask("工贸行业重大生产安全事故隐患判定标准（2017版）行业类“冶金行业”第8条是什么？", 5)
        assert not a.abstained
        top = a.citations[0]
        assert top["locator"].startswith("二（一）8") or "二（一）8" in top["locators"]
        assert "一氧化碳监测报警装置" in a.answer
        # a heading the document does not have is not guessed
        a = ask("工贸行业重大生产安全事故隐患判定标准（2017版）“造船行业”第8条是什么？", 5)
        assert a.abstained

        # an article of something the corpus only mentions by its quoted name is not another
        # document's article of that number
        a = ask("中卫市“36条措施”第三条是怎么写的？", 5)
        assert a.abstained and "36条措施" in a.answer

        # the 2015 interpretation, cited without its issuers, not （二） of 2022
        a = ask("两高2015年《关于办理危害生产安全刑事案件适用法律若干问题的解释》第十二条规定了哪些从重处罚情形？", 5)
        assert not a.abstained and not a.citations[0]["title"].endswith("（二）")
        assert "关闭、破坏必要的安全监控和报警设备" in a.citations[0]["text"]

        # where the asker is decides which local regulation applies
        a = ask("我在山东跑大货车，这回帮政府往灾区拉救灾物资，高速过路费能不能免？", 5)
        assert any("山东" in c["title"] and "通行费减免" in c["text"] for c in a.citations[:5])

        # "考哪些科目" asks about an exam, not which 科 is responsible: no task answers it
        a = ask("专业应急救援人员的职业资格考试要考哪些科目？", 5)
        assert a.kind != "task" and not a.owners

        # a work plan's "第13项" is its task 13 (locator 任务13), not an item 十三 it lacks
        a = ask("中卫应急局工作要点第13项，力争年内创建不少于20家标准化企业，由哪些科室牵头？", 5)
        assert a.kind == "task" and a.owners == ["综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科"]
        a = ask("中卫应急局工作要点第13项是什么内容？", 5)
        assert not a.abstained and a.citations[0]["locator"] == "任务13"


def test_several_articles_at_once(kb_dir):
    """"第四条和第五条分别是什么": each article is quoted and cited, in the order asked; an article
    the document lacks is named in a notice rather than dropped silently."""
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        ask = Answerer(Retriever(kb)).ask
        a = ask("烟花爆竹生产经营单位重大生产安全事故隐患判定标准第四条和第五条分别是什么？", 5)
        assert a.kind == "clause" and not a.abstained
        four, five = a.answer.split("\n")
        assert four.startswith("四、") and "作业人员数量超过核定人数" in four
        assert five.startswith("五、") and "存储药量超过核定药量" in five
        assert any("作业人员数量超过核定人数" in c["text"] for c in a.citations[:2])
        assert any("存储药量超过核定药量" in c["text"] for c in a.citations[:2])

        a = ask("安全生产法第二十一条至第二十三条", 5)  # a range: 二十二 and 二十三 share a passage
        assert 0 == a.answer.index("第二十一条") < a.answer.index("第二十二条") < a.answer.index("第二十三条")
        assert [c["locator"] for c in a.citations[:2]] == ["第二十一条", "第二十二条"]
        a = ask("安全生产法第二十一条和第九百条", 5)
        assert not a.abstained and a.answer.startswith("第二十一条")
        assert any("第九百条" in n for n in a.notices)


def test_article_lists_are_read():
    from kb.answer import article_list

    assert article_list("判定标准第四条和第五条分别是什么？") == (4, [4, 5])
    assert article_list("安全生产法第二十一、二十二条") == (5, [21, 22])
    assert article_list("第4条到第6条讲什么")[1] == [4, 5, 6]
    assert article_list("第二十一条规定了什么") is None  # one article: the single-reference path
    assert article_list("第三条第二款") is None
    assert article_list("第一条至第九十九条") is None  # not a question about a few articles
