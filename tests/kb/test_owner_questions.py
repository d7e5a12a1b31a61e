"""Owner questions asked the ways staff ask them, for every task of the 中卫 work plan.

Through the real pipeline (kb_dir: the ingested corpus). Each task is asked in eight
phrasings; the owners must be the task record's exactly. A few very generic phrasings
("教育培训是谁的活？") are fairly answered by laws instead, so the bar is 95%, not 100%.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import make_settings

pytestmark = pytest.mark.integration

FORMS = [
    "{x}由哪个科室负责？",
    "{x}归谁管？",
    "谁来抓{x}？",
    "{x}这项工作是哪几个部门牵头？",
    "{x}的责任单位有哪些？",
    "{x}是谁的活？",
    "哪些科室要配合{x}？",
    "{x}的任务是谁的？",
    "{x}这件事由哪两个科负责？",
]


def test_owner_phrasings(kb_dir):
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        tasks = kb.catalog.tasks("001_6081a029a38b96ac")
        assert len(tasks) == 26
        misses = []
        for t in tasks:
            x = re.sub(r"^(大力实施|狠抓|构建更|做到|提升|细化|强化|持续)", "", t.title.rstrip("。"))
            for form in FORMS:
                q = form.format(x=x)
                if answerer.ask(q).owners != t.owners:
                    misses.append(q)
    asked = len(tasks) * len(FORMS)
    assert len(misses) <= 0.05 * asked, misses


def test_a_task_that_names_no_owner_is_not_answered_by_its_text(kb_dir):
    """The 西安 plan's tasks name no 处室: asked who leads one, emkb says the plan does not say,
    and offers the task as reading; its text is never passed off as the owner."""
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        xian = [t for t in kb.catalog.tasks("003_bd8437d66a3e53db") if t.number == "(二十七)"]
        assert xian and not xian[0].owners and not xian[0].deadline
        a = answerer.ask("西安市2023年应急管理工作要点第（二十七）项基层应急物资保障，牵头处室是哪个、要求什么时候完成？")
        assert a.abstained and a.owners is None
        assert "任务(二十七)" in a.answer and "没有写明责任单位和完成时限" in a.answer
        assert a.related and "基层应急物资保障" in a.related[0]["text"]
        # the 中卫 plan names its owners: the same kind of question is answered from the record
        a = answerer.ask("重大隐患动态清零行动由哪个科室负责？什么时候完成？")
        assert not a.abstained and a.owners and a.deadline == "2023年底"


def test_a_task_that_names_an_unstored_document_still_has_owners(kb_dir):
    """Task 19 names 《中卫市应急预案编制指南》, which is not stored: asked who does the task, emkb
    answers from its record instead of abstaining for the unknown title; asked about the guide
    itself, it still says the guide is not in the corpus."""
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        task = next(t for t in kb.catalog.tasks("001_6081a029a38b96ac") if "应急预案编制指南" in t.text)
        a = answerer.ask("落实《中卫市应急预案编制指南》，推广基层预案试点经验，这项工作由哪个科室负责？")
        assert not a.abstained and a.owners == task.owners
        a = answerer.ask("《中卫市应急预案编制指南》规定了预案要包括哪些内容？")
        assert a.abstained and "中卫市应急预案编制指南" in a.answer
        # an unstored document no task names: abstain, owner question or not
        a = answerer.ask("《危险化学品安全法》由哪个科室负责宣传？")
        assert a.abstained


def test_departments_of_a_named_bureau_are_its_offices(kb_dir):
    """"中卫应急局是哪些部门在抓" asks for the bureau's own 科室, as "哪个科室" does: the task is
    found by what it is about, in everyday words, even when a general search ranks it lower;
    "哪些部门" without a bureau named stays a general question (laws name 部门 too)."""
    from kb.answer import RE_BUREAU_DEPT_Q, Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    assert RE_BUREAU_DEPT_Q.search("中卫应急局是哪些部门在抓？")
    assert RE_BUREAU_DEPT_Q.search("应急管理局哪个单位负责？")
    assert not RE_BUREAU_DEPT_Q.search("发生事故后哪些部门负责调查？")
    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        task = next(t for t in kb.catalog.tasks("001_6081a029a38b96ac") if t.number == "8")
        a = answerer.ask("用机器代替人、尽量减少高危岗位上现场干活的人数，中卫应急局是哪些部门在抓？")
        assert not a.abstained and a.kind == "task" and a.owners == task.owners


# Tasks described in everyday words, not by their titles, the way staff ask: with or without the
# place, "谁在抓/谁来对接" as well as "哪个科室". Before the place and 谁在/谁来 were read, hybrid
# retrieval got 34 of these 39 (BM25 alone 36).
EVERYDAY = [
    ("1", "中卫要及时更新公布防汛抗旱的行政责任人，这是哪几个科室的事？"),
    ("2", "把值班值守、应急处置这些清单用好、理顺各级指挥机构成员单位的职责，中卫应急局谁来干？"),
    ("3", "中卫应急局局领导轮流当总值班、带班这套1+3+N的值班安排，归哪个部门管？"),
    ("4", "沙坡头区创建全国综合减灾示范县，中卫应急局哪个科负责？"),
    ("5", "高危项目不能边审批边施工，把好安全门槛，中卫是哪些科室在管？"),
    ("6", "督促企业把风险分级管控和隐患排查这套双重预防机制建起来，中卫应急局由谁负责？"),
    ("7", "给特种作业人员搞集中实训，中卫应急局哪些单位牵头？"),
    ("8", "动火、有限空间、高处作业这类高风险活儿和外包工程的管理，中卫谁在抓？"),
    ("9", "危化、矿山这些行业的重大隐患要全部排查清零，中卫应急局是哪几个科负责？"),
    ("10", "对隐患多、事故多的企业用停产整顿、上限处罚这些手段严查，中卫归哪些部门？"),
    ("11", "不打招呼直接下去暗访抽查企业，中卫应急局由谁来搞？"),
    ("12", "请专业技术团队常驻中卫当第三只眼帮企业找隐患，这事哪些科室负责？"),
    ("13", "推动企业创建安全生产标准化达标，中卫应急局谁负责？"),
    ("14", "出了事故瞒报不报的要从严处理，事故调查这块中卫由哪些单位负责？"),
    ("15", "水利、气象、地震这些部门的监测站网布局，中卫应急局里谁来对接？"),
    ("16", "中卫开会商量研判灾害风险、给党委政府当参谋，是哪个科室的活？"),
    ("17", "地震多发区的房子加固、地灾搬迁这些工程，中卫应急局谁负责推进？"),
    ("18", "野外用火管控、防森林草原火灾，中卫是哪几个部门负责？"),
    ("19", "提高应急预案的实战化水平、上下级预案衔接，中卫应急局归谁管？"),
    ("20", "督促住建交通这些行业部门建专业救援队伍，中卫应急局哪个科牵头？"),
    ("21", "组织多灾种桌面推演、参加应急先锋联合演练，中卫由谁负责？"),
    ("22", "应急物资储备和救灾资金的管理使用，中卫应急局是哪些科室负责？"),
    ("23", "组织全系统党员干部学习二十大精神搞主题教育，中卫应急局谁负责？"),
    ("24", "干部实战大练兵、培养应急救援专业人才，中卫应急局哪些部门负责？"),
    ("25", "领导干部带头学政策抓落实的大抓落实年活动，中卫由谁负责？"),
    ("26", "准军事化管理、为群众办实事、党风廉政建设，中卫应急局哪些单位负责？"),
    ("1", "森林草原防灭火的责任落实和防汛责任人公布，由哪几个科室负责？"),
    ("3", "总值班领导、带班领导、主副值班员这套值班安排是哪个科室的活？"),
    ("4", "乡镇六有、村三有的基层应急能力规范化建设试点，谁来推广？"),
    ("5", "重大工程项目上马前的安全风险评估论证制度，由哪些科室负责健全？"),
    ("7", "企业主要负责人和安全管理人员的法律法规线下培训，人数不少于540人，归哪些科室？"),
    ("8", "淘汰不符合安全标准的老旧工艺设备，这项工作由哪些科室负责？"),
    ("10", "铁腕整治三违问题、保持打非治违高压态势，责任科室有哪些？"),
    ("11", "随机抽查加回头看复查、隐患整改通报督办，哪个科室负责？"),
    ("13", "把标准化和安全生产大检查、专项整治一起部署一起考核，由哪些科室牵头？"),
    ("16", "结合季节变化和重大节日开展灾害风险会商研判，是哪个科室负责的？"),
    ("18", "黄河沿线和城镇易涝区、山洪沟道的风险隐患排查，谁负责？"),
    ("20", "把工程抢险、除雪融冰这些队伍纳入应急力量体系，由哪个科室负责？"),
    ("22", "灾情核查评估和灾情统计报送的规范，哪些科室负责？"),
    ("26", "应急局整顿作风纪律、搞准军事化管理，全局是哪些科室单位负责？"),
    ("20", "救援队伍半小时能到现场的布局，中卫这活谁来干？"),
]


def test_tasks_described_in_everyday_words(kb_dir):
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        tasks = {t.number: t for t in kb.catalog.tasks("001_6081a029a38b96ac")}
        misses = [(n, q, a.owners) for n, q in EVERYDAY if (a := answerer.ask(q)).owners != tasks[n].owners]
        assert len(misses) <= len(EVERYDAY) * 0.05, misses


def test_a_task_named_by_a_run_of_its_title_is_picked(kb_dir):
    """"应急指挥体系建设那项任务": task 2 "构建更高效的应急指挥体系" shares few of the question's other
    words (coverage under the bar), but six characters of its title in a row name it."""
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase

    with KnowledgeBase(make_settings(kb_dir)) as kb:
        answerer = Answerer(Retriever(kb))
        tasks = {t.number: t for t in kb.catalog.tasks("001_6081a029a38b96ac")}
        answer = answerer.ask("中卫应急指挥体系建设那项任务是谁牵头负责的？")
        assert answer.kind == "task" and answer.owners == tasks["2"].owners
        # three characters of task 1's title (更严密) outweigh the 局 and 事 of "应急局", "这事"
        # that task 3's text contains (局主要负责人, 事故)
        answer = answerer.ask("中卫应急局今年要把安全生产的责任链条织得更严密，这事由哪几个科室和单位牵头？")
        assert answer.kind == "task" and answer.owners == tasks["1"].owners


def test_who_as_the_object_of_a_verb_asks_no_owner():
    from kb.answer import asks_owner

    # "出什么东西来明确谁管安全" asks for a document (a 责任清单), not for an office
    assert not asks_owner("密室逃脱、玻璃栈道这些新业态，西安打算出什么东西来明确谁管安全？")
    assert asks_owner("重大隐患动态清零行动由哪个科室负责？")
    assert asks_owner("明确由谁负责的是哪个科室？")  # the office is still asked for


def test_owner_asked_as_主责科室_or_牵头的是谁():
    from kb.answer import asks_owner

    assert asks_owner("危化品企业重大危险源包保责任制，主责科室是哪个？")
    assert asks_owner("应急预案管理归口单位是哪个？")
    assert asks_owner("参加联合演练、组织多灾种桌面推演，中卫那边归口在哪")  # 归口在哪: who, not where
    assert not asks_owner("应急预案归口管理有什么要求？")
    assert asks_owner("打造30分钟应急救援圈，中卫要点里的责任方是？")
    assert asks_owner("中卫年内要新创建不少于20家标准化企业，这个指标压给了谁？")
    assert asks_owner("重大隐患动态清零这摊事最后落到谁？")  # a question ending in 谁
    assert not asks_owner("谁有权举报安全隐患？")
    assert asks_owner("执法规范化建设，牵头的是谁？")
    assert asks_owner("巡查督查行动，中卫应急局牵头落实的是哪几家？")
    assert not asks_owner("牵头落实的部门要做哪些事？")
    assert asks_owner("应急物资储备体系建设，牵头的科室是哪几个？")
    assert asks_owner("中卫应急局今年搞的各类培训，牵头和参与的单位有哪些？")
    assert asks_owner("重大隐患挂牌督办直到销号清零，这件事在中卫应急局是谁的职责？")
    assert asks_owner("压减高危岗位作业人数，中卫市应急局是哪几家在抓？")
    assert not asks_owner("哪几家企业被罚了款？")
    assert asks_owner("村里“一本通预案+N个处置卡片”的模式，中卫是哪几家单位在推？")
    assert not asks_owner("哪几家单位推荐了候选人？")
    assert not asks_owner("西安 应急管理 “蓝精灵”志愿者服务活动 联合哪些单位")  # partners, not owners
    # who pays is no office's task: a law answers it (an office asked by name still is an owner question)
    assert not asks_owner("政府调来的专业队伍帮我们抢险，这笔开销最后由谁来掏？")
    assert not asks_owner("救援费用归谁承担？")
    assert asks_owner("应急物资采购的钱由哪个科室负责申请？")
    assert not asks_owner("牵头的部门要做哪些事？")  # the duties of an office, not its name
    assert asks_owner("拍典型事故警示片，负责的科室和单位是哪些？")
    assert not asks_owner("负责的部门有哪些职责？")  # the duties again
    assert asks_owner("把好项目准入这块活儿交给了谁？")
    assert asks_owner("整治打非治违落在哪些科室头上？")


def test_the_office_words_of_an_owner_question_are_not_what_a_task_is_about():
    from kb.answer import _strip_question_words

    # "全局由哪些科室单位负责": 全局 and 单位 say who is asked, not what the task is about (task 3's
    # "全局各单位…备勤" must not win a question about 作风纪律)
    assert _strip_question_words("整顿作风纪律，全局由哪些科室单位负责？").split() == ["整顿作风纪律，"]
    assert _strip_question_words("哪些科室、单位负责值班").split() == ["值班"]
    assert _strip_question_words("应急救援圈的布局，这活谁来干？").split() == ["应急救援圈的布局，这活"]


def test_when_a_document_was_issued_is_no_task_deadline():
    from kb.answer import asks_deadline

    assert asks_deadline("应急预案体系建设什么时候完成？")
    assert not asks_deadline("《中卫市应急预案编制指南》是哪年印发的？")  # the guide's date, not a task's
    assert not asks_deadline("这个办法什么时候开始施行？")


def test_一般_meaning_usually_is_a_question_word():
    from kb.answer import _strip_question_words

    # "一般罚多少钱": usually; 一般事故 is a grade and stays
    assert "一般" not in _strip_question_words("电动车在楼道里充电，被查到一般罚多少钱？")
    assert "一般事故" in _strip_question_words("发生一般事故罚多少钱？")


def test_有份_asks_which_offices_take_part():
    from kb.answer import asks_owner

    assert asks_owner("干部实战大练兵那条，中卫应急局是全局各科室都有份吗？具体列了哪些？")
    assert not asks_owner("这次培训我有份吗？")


def test_what_a_figure_must_be_about_leaves_out_the_unit_and_bound():
    from kb.answer import _without_quantity

    about = _without_quantity("尾矿库坝顶的安全超高最少要留多少米？")
    assert "尾矿库" in about and "超高" in about
    assert "多少米" not in about and "最少" not in about


def test_owners_asked_as_负责这事的科室_or_哪几家在干():
    from kb.answer import asks_owner

    assert asks_owner("中卫力争年内创建不少于20家标准化企业，负责这事的科室有哪些")
    assert asks_owner("那种随机暗访抽查，中卫应急局是哪几家在干？")
    assert not asks_owner("哪个在干活？")  # no office or 家
    assert asks_owner("中卫力争年内新增二十家以上标准化达标企业，负责这项工作的科室有哪些？")
    assert asks_owner("隐患清零行动，牵头这件事情的部门是哪个？")


def test_哪个口子_asks_which_office():
    from kb.answer import asks_owner

    assert asks_owner("村里“一本通+处置卡片”的预案模式，中卫是哪个口子在推？")
    assert not asks_owner("堤坝决了个口子怎么办？")


def test_执行单位_asks_the_owners():
    from kb.answer import asks_owner

    assert asks_owner("中卫推行的随机暗访抽查、“回头看”复查这类巡查督查，执行单位有哪些？")
    assert asks_owner("打非治违专项行动的承办科室是哪几个？")
    assert asks_owner("重大隐患清零行动的参与单位有哪些？")
    assert asks_owner("这项工作的实施单位有哪些？")
    assert not asks_owner("打非治违专项行动要怎么执行？")
    # 实施方面 is an aspect, not the party (方) that carries a task out
    assert not asks_owner("西安2023年应急工作要点里重点、实施方面有什么安排？")
