"""Questions that ask for a figure (多少天, 几个人, 多远): the figure must come from a sentence about
what was asked. Through the real pipeline (kb_dir: the ingested corpus, real embedder and store)."""

from __future__ import annotations

import pytest

from tests.conftest import make_settings

pytestmark = pytest.mark.integration

ANSWERED = [  # (question, what the quoted sentence must contain)
    ("按特种设备安全法，新锅炉开始用了以后最晚多少天要去办登记？", "三十日内"),
    ("浙江的企业查隐患留下的记录要保存多久？", "三年"),
    # the regulation the question names is the figure's own: its title counts as covered
    ("按煤矿安全生产条例，对一起较大事故负有责任的煤矿企业要罚多少钱？", "罚款"),
    # a phone number or a sum asked for: the sentence that gives one, not a better-covering one without
    ("突发环境事件的线索可以打哪个热线电话反映？", "12369"),
    ("举报煤矿隐患被查实，举报的人能拿多少奖金？", "1000元至1万元"),
    # "应急演练每年不得少于一次" goes on from the sentence naming whose 演练 (学校、幼儿园…应急演练)
    ("重庆的幼儿园一年最少要带孩子练几次疏散？", "不得少于一次"),
    # a list's head ("…应当认定为“造成严重后果”…：") is judged, and quoted, with the items after it
    ("办理重大责任事故类刑事案件时，死伤达到多少人可认定为“造成严重后果”？", "造成死亡一人以上"),
]
# the corpus has figures in these units, but about other things
NOT_ANSWERED = [
    "GB 30871里一级动火作业票的有效期是多长时间？",
    "接触粉尘的工人在岗期间的职业健康检查多久做一次？",
    # 排气管要至少高于屋顶4米 shares only the unit and the bound (至少) with it
    "尾矿库坝顶安全超高至少得留几米？",
]


def test_a_figure_about_something_else_is_not_an_answer(kb_dir):
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        for question, figure in ANSWERED:
            ans = answerer.ask(question, 5)
            assert not ans.abstained and figure in ans.answer, (question, ans.answer)
        for question in NOT_ANSWERED:
            ans = answerer.ask(question, 5)
            assert ans.abstained and ans.citations == [] and ans.related, (question, ans.answer)
        # "达到什么数额": the list head quoted gives its figure in the items that follow it
        ans = answerer.ask("安评公司员工故意出具虚假评价报告，非法获利达到什么数额就属于情节严重？", 5)
        assert not ans.abstained and "违法所得数额十万元以上" in ans.answer, ans.answer
    # the check is what decides the 坝顶安全超高 question (the 有效期 and 健康检查 ones are also caught by
    # abstain.py's head-noun checks, whichever the setting)
    with KnowledgeBase(make_settings(kb_dir, figure_min_coverage=0.0)) as kb:
        ans = Answerer(Retriever(kb)).ask(NOT_ANSWERED[2], 5)
        assert not ans.abstained



def test_a_list_head_gives_its_figure_to_the_items_that_follow():
    from kb.abstain import items_after

    text = ("具有下列情形之一的，对相关责任人员，处三年以上七年以下有期徒刑：\n（一）造成死亡三人以上，负事故主要责任的；\n"
            "（二）造成直接经济损失五百万元以上的。\n第八条 其他规定。")
    head_end = text.index("：") + 1
    items = items_after(text, head_end)
    assert "造成死亡三人以上" in items and "五百万元" in items and "第八条" not in items
    assert items_after("处五年以上有期徒刑。\n第九条 其他。", len("处五年以上有期徒刑。")) == ""
