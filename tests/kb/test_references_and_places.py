"""References and hints the answers read from the question, through the real pipeline over the
ingested bundled corpus (kb_dir): an item numbered under an industry heading, an edition named by
its year, the asker's province, and 科目 that is no 科室."""

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
