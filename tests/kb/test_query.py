"""The domain thesaurus and how it reaches the sparse query."""

from __future__ import annotations

import pytest

from kb.query import SYNONYMS, Thesaurus, ThesaurusError
from kb.sparse import SparseEncoder, context_of, token_id


@pytest.fixture(scope="module")
def thesaurus():
    return Thesaurus()


def test_building_loads_nothing():
    assert Thesaurus()._by_trigger is None  # noqa: SLF001 - the file is read in warm_up only


def test_everyday_words_map_to_the_documents_terms(thesaurus):
    terms = thesaurus.terms("企业一把手对安全生产要负哪些责任？")
    assert "主要负责人" in terms
    terms = thesaurus.terms("出了事故多久之内要往上报？")
    assert "报告" in terms and "小时内" in terms
    assert "有效期" in thesaurus.terms("应急仓库里的物资放过了保质期怎么处置？")
    assert "轿厢滞留人员" in thesaurus.terms("小区电梯把人关在里面两个多钟头，这种情况够得上事故吗？")
    # from when to when is 起止日期, not the 之日起 that a deadline counts from
    terms = thesaurus.terms("每年汛期从哪天开始到哪天结束，是谁来定的？")
    assert "起止日期" in terms and "之日起" not in terms
    assert "教育教学计划" in thesaurus.terms("中小学是不是得把应急避险这类内容排进课表里？")
    terms = thesaurus.terms("工人在现场发现马上要出大事、有生命危险，能不能不等领导点头就先撤？事后会不会被扣钱？")
    assert {"直接危及人身安全的紧急情况", "撤离", "降低其工资"} <= set(terms)
    terms = thesaurus.terms("村里组织群众上山打火，能不能把初中生、怀孕的媳妇也叫上帮忙？")
    assert {"扑救", "未成年人", "孕妇"} <= set(terms)
    terms = thesaurus.terms("给灾区拉救灾物资的货车，能不能优先走？")
    assert "优先通行" in terms and "撤离" not in terms  # 优先走, not the 先走 of running away
    assert "仍然进行生产" in thesaurus.terms("一个煤矿三个月里被查出两回重大隐患，照样接着生产，会落个什么下场？")
    assert "仍然进行生产" in thesaurus.terms("煤矿两次被查出重大隐患还接着开采，会怎么处理？")
    terms = thesaurus.terms("放完炮还剩点炸药雷管，能先放工地上明天接着用吗？")
    assert {"爆破", "剩余的民用爆炸物品", "清退回库"} <= set(terms)
    assert "剩余的民用爆炸物品" in thesaurus.terms("放完炮手上还剩几管炸药和雷管，能先锁在工地工具房吗？")
    # the crime is written in the 两高 interpretations as the article of the criminal law that defines it
    terms = thesaurus.terms("工厂出事故死了一个工人，负责人要是被定重大责任事故罪，一般会判多重？")
    assert {"第一百三十四条第一款", "有期徒刑"} <= set(terms)
    assert "负责人主持工作" in thesaurus.terms("汛期里防汛指挥部能不能临时没有领导坐镇？")
    assert "批准" in thesaurus.terms("想在草场上点火烧荒，得找哪个部门点头？")
    assert "应急保障运输" in thesaurus.terms("在山东帮政府拉救灾物资的货车，走高速还要交过路费吗？")
    assert "切断或者控制污染源" in thesaurus.terms("化工厂的污水漏进了河里，企业自己第一时间该做哪些事？")
    assert "起止日期" in thesaurus.terms("汛期从哪天算到哪天？")
    assert "蓄滞洪区" in thesaurus.terms("在分洪蓄水的地方能盖房子吗？")
    # the State Council's rules name 特大安全事故 and its 工作会议
    terms = thesaurus.terms("防范特别重大事故的专题工作会，政府多久开一回？")
    assert {"特大安全事故", "工作会议", "召开一次"} <= set(terms)
    terms = thesaurus.terms("路过看到楼里往外冒黑烟，我只是个过路的，也得打电话报警吗？")
    assert {"火灾", "任何人", "火警"} <= set(terms)
    assert {"召开一次会议", "书面记录"} <= set(thesaurus.terms("安委会多久开一次会？要留文字记录吗？"))
    # things moved off an injured worker are 事故现场物件, whose moving the regulation provides for
    assert "未成年工" in thesaurus.terms("厂里招了几个十七岁的暑假工，能安排他们去打磨喷漆岗吗？")
    assert "移动事故现场物件" in thesaurus.terms("为了救人把压在伤员身上的设备挪开了，现场后续怎么处理？")
    # a 化工原料 sold online is a 危险化学品 to the regulation that forbids posting it
    assert "危险化学品" in thesaurus.terms("开网店卖腐蚀性的化工原料，能不能直接用快递发给买家？")
    # a 安委办 is the 安全生产委员会办公室 the regulations write out; 规矩 are 规定
    terms = thesaurus.terms("按山东的规矩，县里接报后多长时间内得报到省里安委办？")
    assert {"安全生产委员会办公室", "有关规定"} <= set(terms)
    # a casualty who died later changes the numbers reported, which must be 补报
    assert "伤亡人数发生变化" in thesaurus.terms("报的是一死两伤，后来有个伤员没救过来，还要再报吗？")
    # whether a thing counts as a hazardous chemical is the 危险化学品目录's to say
    assert "危险化学品目录" in thesaurus.terms("加油站卖的柴油算不算危险化学品？")
    assert "敬老院" in thesaurus.terms("过年想在养老院门口放一挂鞭炮，可以吗？")  # the regulation's word
    assert "燃放" in thesaurus.terms("过年想在养老院门口放一挂鞭炮，可以吗？")
    assert "占用" in thesaurus.terms("超市把货物堆在楼道和安全出口门口，合法吗？")  # 堵塞
    assert "家庭储备" in thesaurus.terms("提不提倡老百姓在家里自己备点应急用的东西？")
    # a fine is a 行政处罚, which 无锡's rules count when they move a firm's risk grade
    terms = thesaurus.terms("化工厂违法被罚了6万块，它的安全风险等级会不会跟着变？")
    assert {"受到行政处罚", "风险等级校正"} <= set(terms)
    # stop 35: a tale of an earthquake passed on to a chat group is 散布 of a 地震预测意见; the boiler a
    # rental firm lent is the 出租单位's while 出租期间; a death after the first report is 补报
    terms = thesaurus.terms("网上有人说下个月要发生大地震，我能把他的说法转到朋友圈吗？")
    assert {"散布", "地震预测意见"} <= set(terms)
    assert "出租单位" in thesaurus.terms("从设备租赁公司租了一台锅炉，租用期间保养该谁负责？")
    assert "补报" in thesaurus.terms("当天报的是重伤，过了二十多天人没救回来，还得再往上报吗？")
    # stop 36: how poisonous 剧毒 is, is the 目录's 剧烈急性毒性判定界限
    assert "剧烈急性毒性判定界限" in thesaurus.terms("老听人说剧毒化学品，到底毒到什么程度才算剧毒？")
    assert "女职工" in thesaurus.terms("我女儿想去矿上下井干活挣钱多，矿里能给她安排吗？")
    assert "自备应急电源" in thesaurus.terms("医院这种用电大户，是不是得自己备发电机？")
    assert "防汛机构" in thesaurus.terms("到了雨季是不是得专门成立个管防洪的班子？")
    assert "撤离作业场所" in thesaurus.terms("闻到煤气味，我没等班长点头就先跑了出去，我有这个权利吗？")
    assert "征用" in thesaurus.terms("大旱的时候，政府能不能把村里的抽水机拿去抗旱？")
    assert "流向信息" in thesaurus.terms("氰化钠卖给了一家电镀厂，卖完以后几天之内得把去向报给公安？")
    terms = thesaurus.terms("政府临时把我公司的货车征去抢险，会给我开什么证明？")
    assert {"征用", "应急征用凭证"} <= set(terms)
    # a tax cut for a donation is the regulations' 税收优惠; an escalator is a 特种设备
    assert {"税收优惠", "捐赠"} <= set(thesaurus.terms("公司给受灾地区捐了一批物资，能不能少交点税？"))
    assert "特种设备" in thesaurus.terms("商场新装了一部扶梯，多少天内要去办登记？")
    assert "出租" in thesaurus.terms("有人想租来当烟花爆竹的仓库，学校能租给他吗？")
    assert "应急征用凭证" in thesaurus.terms("车被政府临时拉去抢险用了，当时没给任何单据，过后还能补吗？")
    assert {"地震预测意见", "散布"} <= set(thesaurus.terms("有人天天发帖说某地下个月要大地震，这种做法法律允许吗？"))
    assert "扩散至外环境" in thesaurus.terms("救火的水混着化学品，万一流到厂外河里怎么办？")
    # 户口不在本地 is the regulations' 非本地户籍人口 (and so no 公安户籍 business: the phrase is mapped)
    assert thesaurus.maps("户口不在")
    assert "非本地户籍人口" in thesaurus.terms("我户口不在山东，碰上突发灾害生活没了着落，当地政府管不管？")


def test_longest_trigger_wins_and_words_already_asked_are_not_added(thesaurus):
    found = [e.trigger for e in thesaurus.expand("住房公积金怎么提")]
    assert found == ["住房公积金"] or "住房公积金" not in str(SYNONYMS.read_text())  # one match, not 公积金 too
    assert "主要负责人" not in thesaurus.terms("主要负责人是老板吗")  # the question has it already


def test_a_question_without_everyday_words_expands_to_nothing(thesaurus):
    assert thesaurus.terms("第二十一条") == []


def test_malformed_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "syn.txt"
    bad.write_text("# comment\n主要负责人 老板\n", encoding="utf-8")
    with pytest.raises(ThesaurusError, match=r"syn.txt:2: expected 'document terms<TAB>everyday words'"):
        Thesaurus(bad).warm_up()


def test_custom_file(tmp_path):
    f = tmp_path / "syn.txt"
    f.write_text("# c\n特种作业人员\t电工 焊工\n", encoding="utf-8")
    t = Thesaurus(f)
    assert len(t) == 2 and t.terms("焊工要持证吗") == ["特种作业人员"]


def test_expansions_get_the_lower_weight():
    enc = SparseEncoder()
    vec = enc.encode_query("老板的职责", ["主要负责人"], expansion_weight=0.4)
    weights = dict(zip(vec.indices, vec.values))
    assert weights[token_id("老板")] == 1.0
    added = set(enc.tokenizer.tokens("主要负责人")) - set(enc.tokenizer.tokens("老板的职责"))
    assert added and all(weights[token_id(t)] == 0.4 for t in added)
    vec = enc.encode_query("老板的职责", ["职责"], expansion_weight=0.4)
    assert dict(zip(vec.indices, vec.values))[token_id("职责")] == 1.0  # the question's own word keeps 1


def test_context_counts_once_and_only_where_the_text_lacks_it():
    enc = SparseEncoder()
    plain = dict(zip(*enc.encode_document("加强城市运行安全体检").__dict__.values()))
    ctx = dict(zip(*enc.encode_document("加强城市运行安全体检", "西安市 2023年应急管理工作要点").__dict__.values()))
    assert token_id("西安市") in ctx and token_id("西安市") not in plain
    assert ctx[token_id("体检")] == plain[token_id("体检")]  # the text's own weights are unchanged
    assert ctx[token_id("西安市")] <= max(plain.values())


def test_context_of_drops_the_repeated_title():
    assert context_of("安全生产法", "安全生产法 > 第三章 从业人员") == "安全生产法 第三章 从业人员"
    assert context_of("要点", "三、重点任务 > (三) 严监管") == "要点 三、重点任务 (三) 严监管"


def test_a_one_character_trigger_counts_only_as_a_word_of_its_own(tmp_path):
    from kb.tokenizer import Tokenizer

    f = tmp_path / "syn.txt"
    f.write_text("配备 设置\t设\n", encoding="utf-8")
    cut = Thesaurus(f, words=Tokenizer().words)
    assert cut.terms("要不要设安全员") == ["配备", "设置"]
    assert cut.terms("特种设备安全法第四十五条") == []  # 设 inside 设备 asks for nothing to be set up
    assert Thesaurus(f).terms("特种设备安全法第四十五条") == ["配备", "设置"]  # without a word cutter: any match
