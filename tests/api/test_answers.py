"""Answers to the kinds of questions staff and inspectors ask, through the real server's POST /ask.

Each case is one behaviour of kb/answer.py, kb/abstain.py, kb/offices.py or the thesaurus
that a regression would break; the benchmark (tests/eval/test_quality_gate.py) measures
the same things in aggregate.
"""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ask(live_server):
    with httpx.Client(base_url=live_server, timeout=60) as c:
        def _ask(question: str, **extra) -> dict:
            r = c.post("/ask", json={"question": question, **extra})
            assert r.status_code == 200, r.text
            return r.json()

        yield _ask


def cited(body: dict, needle: str, k: int = 5) -> bool:
    return any(needle in c["text"] for c in body["citations"][:k])


def test_everyday_words_find_the_legal_clause(ask):
    body = ask("电工焊工没有证就上岗，化工企业这样算重大隐患吗？")  # 电工焊工 -> 特种作业人员, 没有证 -> 未持证
    assert not body["abstained"]
    assert body["answer"] == "二、特种作业人员未持证上岗。"
    assert body["citations"][0]["doc_id"] == "huagong-weihuapin-zhongda-yinhuan-panding-2017"


def test_a_time_limit_question_is_answered_with_the_figure(ask):
    body = ask("出了事故多久之内要往上报？")
    assert not body["abstained"]
    assert "小时内" in body["answer"]  # the time limit itself is the answer (一小时内 / 1小时内)
    # the national regulation's time limits: the unit's (第九条, 1小时内) or each level's (第十一条);
    # coverage re-ordering puts 第九条, which says 事故 and 报告, ahead of 第十一条
    assert cited(body, "单位负责人接到报告后，应当于1小时内") or cited(body, "每级上报的时间不得超过2小时")


def test_a_question_naming_a_plan_finds_the_item_not_the_title_page(ask):
    body = ask("西安2023年应急工作要点里对城市运行安全有什么安排？")
    assert not body["abstained"]
    assert cited(body, "加强城市运行安全体检")


def test_short_office_names_list_their_tasks(ask):
    body = ask("危化科负责哪些任务？")
    assert body["kind"] == "task_list"
    assert body["owners"] == ["危险化学品安全监督管理科"]
    assert len(body["tasks"]) >= 10 and all("危险化学品安全监督管理科" in t["owners"] for t in body["tasks"])


def test_yes_no_owner_question(ask):
    body = ask("重大隐患动态清零行动是不是执法支队负责？")
    assert body["kind"] == "task" and body["answer"].startswith("是，执法支队")
    assert body["citations"][0]["locator"] == "任务9"
    body = ask("细化监测预警是否由危化科牵头？")
    assert body["answer"].startswith("否，危险化学品安全监督管理科不在")


def test_a_task_named_by_its_title_words(ask):
    body = ask("本质安全的事归哪个科管？")
    assert body["owners"] == ["危险化学品安全监督管理科", "安全生产基础科", "执法支队"]
    assert body["citations"][0]["locator"] == "任务8"


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("应急协调科科长是谁？", "不记载人员姓名"),
        ("驾驶证扣满12分怎么办？", "公安交通管理部门"),
        ("兰州市2023年应急管理工作要点有哪些重点任务？", "兰州"),
        ("劳动合同法对试用期有什么规定？", "不在本应急管理知识库的范围内"),
        ("危险化学品安全法什么时候开始施行？", "《危险化学品安全法》"),
        ("宣传教育科负责哪些任务？", "宣传教育科"),
        ("中卫市2025年应急管理工作要点由哪个科室负责？", "2025"),
        ("西安市应急管理局的举报电话是多少？", "电话"),
        ("中卫市应急管理局2023年招聘了多少公务员？", "公务员"),
        # "具体办法…另行制定": the regulation says who will write the rules, not what they say
        ("深圳的专职安全生产监督检查员怎么招聘，待遇和考核标准是什么？", "另行制定"),
        # the grades quoted must be of the thing asked (铁路交通事故's are not 网络安全事件's)
        ("网络安全事件分为几个等级，特别重大网络安全事件怎么认定？", "网络安全事件"),
        # a wind force is a figure in 级 next to 风, not a warning grade (一级、二级…)
        ("台风橙色预警信号的发布标准是几级风？", "数字"),
        # who issued an unstored guide is not who does the task that names it
        ("《中卫市应急预案编制指南》是哪个部门在什么时候印发的？", "中卫市应急预案编制指南"),
    ],
)
def test_abstains_and_says_why(ask, question, reason):
    body = ask(question)
    assert body["abstained"] is True, body["answer"]
    assert body["citations"] == [] and body["related"]  # nearest passages as reading, not as an answer
    assert reason in body["answer"] and body["notices"]


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("铁路运输企业的事故报告值班电话要向谁公布？", "应当向社会公布事故报告值班电话"),  # about a phone, not asking one
        ("在北京想举报哪家单位有安全隐患，可以打什么电话？", "12350"),  # a service number
        ("重大事故的死亡人数标准是多少？", "10人以上30人以下死亡"),  # a generic noun needs no figure of its own
        ("西安市要点里“应博会”是要办什么活动？", "应博会"),  # the plan by a short name
        # "哪一天前": the sentence with a day it is due by, not 第七条's better-covering "每年11月底前"
        ("无锡的化工企业风险评估和分级复核最晚哪一天前要做完？", "确保于10月20日前完成"),
        # "多久" is answered by 一个月 (counted with 个): the figure check took no 个月 before
        ("厂里锅炉的定期检验快到期了，使用单位应该提前多久向检验机构报检？", "届满前一个月"),
        # who pays is answered by a law, not taken for a work-plan task without a 责任单位
        ("厂里出事后政府调来的专业队伍帮我们抢险，这笔开销最后由谁来掏？", "由事故责任单位承担"),
        # a list's head gives the figure for its items: "…处三年以上七年以下有期徒刑：（一）造成死亡三人以上…"
        ("工地塌方死了三个工人，负主要责任的包工头一般会被判几年？", "处三年以上七年以下有期徒刑"),
        # a district's policy article, not the 西安 plan's task without a 责任单位, says who dispatches
        ("秦州区那篇工作思路里说，各路救援队伍和物资到了现场之后由谁统一调度？", "具有统一调度权"),
        # 托运行李 is the airline's word, but the corpus says "托运的行李": no other department's business
        ("过年想走快递给老家寄两箱烟花，或者塞在托运行李里带回去，可以吗？", "禁止邮寄烟花爆竹"),
        # "排第几号" asks a rank, not a date ("几号")
        ("危化品目录2015版里氰化钠排第几号？别名是什么，标没标剧毒？", "1688"),
        # "多少天内交": 内 is no thing counted
        ("生产安全事故调查报告最迟要在事故发生后多少天内交？特殊情况能再延多久？", "60日内"),
        # 随身行李 is a train passenger's too, not only the airline's business
        ("火车出事故乘客随身行李损坏了，铁路方面最多赔多少钱？", "自带行李损失的赔偿责任限额为人民币2000元"),
        # the year the question names is the 两高 interpretation's, not the 事故条例's (2007) whose grades
        # also give deaths and injuries: the answer quotes the document that has that year
        ("按两高2015年的司法解释，安全事故死多少人、重伤多少人就算“重大伤亡事故”", "造成死亡一人以上，或者重伤三人以上的"),
    ],
)
def test_near_misses_are_answered(ask, question, needle):
    body = ask(question)
    assert body["abstained"] is False, body["answer"]
    assert cited(body, needle)


def test_a_fine_asked_under_one_provinces_regulation_is_not_quoted_from_anothers(ask):
    # 山东's 第七十四条 fines a 安全总监; 北京's regulation has no such fine
    body = ask("北京市安全生产条例对应当设置却没设安全总监的企业罚款多少？")
    assert body["abstained"] or "北京" in body["citations"][0]["title"], body["citations"][0]["title"]


def test_a_question_naming_a_place_is_answered_from_that_places_document(ask):
    # the 中卫 plan's passages rank near 山东's article; a city's plan speaks for its own city only
    body = ask("山东的高危企业，领导是不是得到一线跟班")
    assert body["abstained"] is False, body["answer"]
    assert body["citations"][0]["title"].startswith("山东省安全生产条例"), body["citations"][0]["title"]
    assert "现场带班制度" in body["answer"]


def test_a_legal_time_limit_is_not_taken_for_a_plans_deadline(ask):
    # task 22 of the 中卫 plan (救灾救助, 完成时限 2023年底) is near; the regulation's 10月底 answers
    body = ask("冬春救助时受灾人员过冬的生活困难最晚几月底前要统计评估完？")
    assert body["abstained"] is False and body["deadline"] is None, body["answer"]
    assert "10月底前" in body["answer"]
    # a deadline of the plan's own work is still the task's
    body = ask("中卫的重大隐患动态清零行动什么时候完成？")
    assert body["deadline"] == "2023年底", body["answer"]


def test_whether_something_is_a_major_hazard_is_answered_from_a_judgment_standard(ask):
    # the 辨识手册 PDFs speak of 除尘系统 too; "算不算重大隐患" is decided by the 判定标准
    body = ask("除尘器没装泄爆装置算不算重大隐患")
    assert body["abstained"] is False, body["answer"]
    assert "判定标准" in body["citations"][0]["title"], body["citations"][0]["title"]
    assert "泄爆" in body["answer"]
    # the 2017 edition is superseded: the notice says so, and by what, in Chinese
    notice = " ".join(body["notices"])
    assert "被替代" in notice and "应急管理部令第10号" in notice and "2023-05-15起施行" in notice, notice
    assert "in force" not in notice


def test_a_repealed_regulation_is_answered_with_the_clause_that_repeals_it(ask):
    # "还能拿来用吗" asks whether it applies: the current regulation's 附则 says it is repealed
    body = ask("国务院那个预防煤矿生产安全事故的特别规定，现在执法还能拿来用吗？")
    assert body["abstained"] is False, body["answer"]
    first = body["citations"][0]
    assert first["title"] == "煤矿安全生产条例" and first["locator"] == "第七十六条", first
    assert "同时废止" in body["answer"] and body["answer"] in first["text"]
    notice = " ".join(body["notices"])
    assert "已废止" in notice and "《煤矿安全生产条例》(国务院令第774号，2024-05-01起施行)" in notice, notice
    assert "effective" not in notice
    # a question about its content is answered from it, with the repealing clause cited second
    body = ask("按国务院关于预防煤矿生产安全事故的特别规定，煤矿企业多长时间要排查一次隐患？")
    assert body["abstained"] is False and body["citations"][0]["validity"] == "已废止", body["answer"]
    assert "每季度" in body["answer"] and body["citations"][1]["locator"] == "第七十六条", body["citations"][1]


def test_an_article_of_a_standard_named_by_its_edition_year(ask):
    # "（2015）" shares character pairs with "工贸…判定标准（2017版）", not with the 煤矿 standard's title
    body = ask("煤矿重大隐患判定标准（2015）第十四条认定的是哪类隐患？")
    assert body["abstained"] is False, body["answer"]
    first = body["citations"][0]
    assert first["title"] == "煤矿重大生产安全事故隐患判定标准" and first["locator"] == "第十四条", first
    assert "双回路供电" in body["answer"] and any("被替代" in n for n in body["notices"]), body["notices"]


def test_a_sum_asked_is_answered_by_the_sentence_that_gives_a_sum(ask):
    # the 查封/取缔 sentence shares more words with the question; the reward in 元 is what it asks
    body = ask("山沟里发现一个没证偷偷挖煤的小窑口，举报查实以后能拿多少奖金？")
    assert body["abstained"] is False
    assert "1000元至1万元" in body["answer"], body["answer"]


def test_an_item_of_a_standard_named_with_words_between_title_and_item(ask):
    # "…判定标准的最后一项（第二十项）": the title is what comes before 的, the item is 二十
    body = ask("烟花爆竹重大隐患判定标准的最后一项（第二十项）讲的是什么？")
    assert body["kind"] == "clause" and body["citations"][0]["locator"] == "二十", body["citations"][0]
    assert body["answer"].startswith("二十、零售点与居民居住场所设置在同一建筑物内")


def test_each_citation_names_the_article_its_matching_sentence_is_in(ask):
    """A passage may hold two short articles (安全生产法 第三十五条 and 第三十六条); a citation that
    is not the answer still marks its own sentence that matches the question, and names that
    sentence's article, not the first article of the passage."""
    body = ask("安全设备的报废应当符合什么标准？")
    assert not body["abstained"]
    law = [c for c in body["citations"] if c["doc_id"] == "anquan-shengchan-fa-2021" and "第三十六条 安全设备" in c["text"]]
    assert law, [c["title"] for c in body["citations"]]
    c = law[0]
    assert c["highlight"] is not None
    s, e = c["highlight"]
    assert "报废" in c["text"][s:e]
    assert c["locator"] == "第三十六条"
    assert "第三十五条" in c["locators"]  # the passage does hold both


def test_a_penalty_item_brings_the_duty_it_enforces(ask):
    """安全生产法 第九十九条（八） punishes a restaurant without a gas alarm; 第三十六条 states the duty.
    Asked whether the alarm is required, the duty answers and the penalty follows; asked what
    happens without one, the penalty answers and the duty follows."""
    body = ask("开饭馆用液化气的，是不是非得装那个燃气报警器？")
    assert not body["abstained"]
    assert body["answer"] == "餐饮等行业的生产经营单位使用燃气的，应当安装可燃气体报警装置，并保障其正常使用。"
    assert [c["locator"] for c in body["citations"][:2]] == ["第三十六条", "第九十九条"]
    assert all(c["doc_id"] == "anquan-shengchan-fa-2021" for c in body["citations"][:2])
    body = ask("饭馆使用燃气没装可燃气体报警装置，会被怎么处罚？")
    assert [c["locator"] for c in body["citations"][:2]] == ["第九十九条", "第三十六条"]
    s, e = body["citations"][1]["highlight"]
    assert "应当安装可燃气体报警装置" in body["citations"][1]["text"][s:e]
    # a whole article that is the penalty: its condition, not its sanction, finds the duty
    body = ask("商场起火时，现场工作人员有没有义务引导顾客疏散？")
    assert body["answer"] == "人员密集场所发生火灾，该场所的现场工作人员应当立即组织、引导在场人员疏散。"
    assert [c["locator"] for c in body["citations"][:2]] == ["第四十四条", "第六十八条"]


def test_another_places_regulation_is_no_evidence_for_the_place_asked(ask):
    """深圳's regulation asks a 学历 of its 分管负责人; 山东's says who its 安全总监 is but asks no
    学历. Asked about 山东, the 深圳 passage must not make the question look answered."""
    body = ask("山东省对企业安全总监的学历和安全管理工作年限有什么要求？")
    assert body["abstained"] and "学历" in body["answer"]
    body = ask("深圳对专职安全生产分管负责人的学历有什么要求？")
    assert not body["abstained"] and cited(body, "本科以上学历")


def test_every_answer_sentence_is_in_its_citations(ask):
    """Extractive answers quote: each sentence of a passage or clause answer occurs verbatim in a
    cited passage, at the highlighted span; task answers are the record's fields, which the
    first citation contains."""
    import json
    import re

    from tests.conftest import ROOT

    questions = []
    for f in sorted((ROOT / "eval" / "questions").glob("*.jsonl")):
        questions += [json.loads(line)["question"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    checked = 0
    for q in questions[::6]:
        body = ask(q)
        if body["abstained"]:
            continue
        if body["kind"] in ("passage", "clause"):
            text = body["answer"].removesuffix("……")
            first = body["citations"][0]
            assert text[:200] in first["text"] or any(text[:200] in c["text"] for c in body["citations"]), q
            if body["kind"] == "passage" and first["highlight"]:
                s, e = first["highlight"]
                assert first["text"][s:e] == body["answer"], q
        elif body["kind"] == "task":
            top = body["citations"][0]["text"]
            assert all(o in re.sub(r"\s", "", top) for o in body["owners"] or []), q
            assert body["deadline"] is None or body["deadline"] in re.sub(r"\s", "", top), q
        checked += 1
    assert checked >= 30
