"""Abstention reasons, each with a case that must abstain and a near miss that must not.

Unit tests with a small fake corpus vocabulary; tests/api and the quality gate cover the
real corpus.
"""

from __future__ import annotations

import jieba.posseg
import pytest

from kb.abstain import AnswerabilityJudge, figure_pattern
from kb.tokenizer import Tokenizer

CORPUS = "中卫市 西安市 应急协调科 执法支队 安全生产法 危险化学品 营业执照 值班 演练 预算 公务员"
COMMON = "标准 人数 死亡 事故 重大 重大事故 安全 企业"  # in many passages: not a specific thing
TITLES = ["中华人民共和国安全生产法", "西安市应急管理局关于印发《2023年应急管理工作要点》的通知",
          "无锡市化工（危险化学品）企业安全风险评估和分级办法", "中华人民共和国防汛条例"]


@pytest.fixture(scope="module")
def judge():
    tk = Tokenizer()
    text = CORPUS + "".join(TITLES) + " 提及《危险化学品安全法》的修订"
    return AnswerabilityJudge(
        doc_freq=lambda w: 100 if w in COMMON else 5 if w in CORPUS else 0,
        titles=lambda: TITLES,
        corpus_has=lambda w: w in text,
        words=tk.words,
        pos_words=tk.pos_words,
        rare_df=lambda: 20,
    )


@pytest.fixture(scope="module")
def knows_all():
    """A judge for which the corpus uses every word, often: only what the passages say decides."""
    tk = Tokenizer()
    return AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: True, words=tk.words,
                              pos_words=tk.pos_words, places=None)


def _one_rare_word(word, df):
    """A judge for which the corpus uses every word often, except ``word`` (in ``df`` passages)."""
    tk = Tokenizer()
    return AnswerabilityJudge(doc_freq=lambda w: df if w == word else 100, titles=list, corpus_has=lambda w: True,
                              words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20, places=None, out_of_scope=None)


def _one_unknown_word(word):
    """A judge for which the corpus uses every word often, except ``word``, which it never uses."""
    tk = Tokenizer()
    return AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: w != word, words=tk.words,
                              pos_words=tk.pos_words, places=None, out_of_scope=None)


def reason(judge, q, passages=("无关的段落。",), coverage=1.0):
    return judge.judge(q, list(passages), coverage).reason


def needs(judge, q, word, missing, given):
    """``q`` abstains on the passage ``missing`` with a reason naming ``word``, and ``given`` answers it."""
    assert word in reason(judge, q, [missing])
    assert reason(judge, q, [given]) is None


def quoting(judge, q, sentence, passage=None):
    """The reason ``judge`` gives when the answer would quote ``sentence`` (from ``passage``)."""
    return judge.judge(q, [passage or sentence], 1.0, sentence=sentence).reason


def test_people_are_never_named(judge):
    assert "不记载人员姓名" in reason(judge, "应急协调科科长是谁？")
    assert "不记载人员姓名" in reason(judge, "执法支队的队长姓什么？")
    assert reason(judge, "草原上烧荒需要谁批准？") is None  # "谁" about an authority is answerable
    # people honoured in a campaign are people too; the campaign's 责任单位 are not
    assert "不记载人员姓名" in reason(judge, "擦亮应急先锋品牌，评出的先进个人都有谁？")
    assert reason(judge, "应急先锋品牌建设由谁负责？") is None
    assert "不记载人员姓名" in reason(judge, "应急管理局担任总值班领导的负责人姓甚名谁？")


def test_a_sum_of_money_needs_a_sum(knows_all):
    # 预算总额, 经费, 总投资 are sums: a passage about the budget that gives no figure in 元 does not answer
    q = "应急管理局的部门预算总额是多少？"
    assert "金额" in reason(knows_all, q, ["加强预算管理，提高资金使用效益。"])
    assert reason(knows_all, q, ["2023年部门预算总额为1.2亿元。"]) is None
    assert "金额" in reason(knows_all, "救援基地总投资多少？", ["建设应急救援实训基地。"])
    # the sum named some words after 多少
    q = "秦州区给每个镇街安排了多少基层应急工作经费？"
    assert "金额" in reason(knows_all, q, ["将基层应急经费纳入财政预算，建立动态调整机制。"])


def test_whether_a_plan_came_true(knows_all):
    # a plan states the intention; whether it finally happened needs a passage that reports it
    q = "灞桥区全国综合减灾示范县最后有没有通过国家评议？"
    assert "最后的结果" in reason(knows_all, q, ["组织指导灞桥区完成试点省级评估验收，做好接受国家减灾委评议准备工作。"])
    assert reason(knows_all, q, ["灞桥区已通过国家减灾委评议，被命名为全国综合减灾示范县。"]) is None
    assert reason(knows_all, "一个工地上现场安全最终由谁负总的责任？", ["由总承包单位负总责。"]) is None


def test_how_often_something_the_corpus_never_names_is_done(judge):
    # 复审 is used nowhere: a sentence on how often drills are held does not say how often it is done
    q = "操作证每隔几年需要复审一次？"
    assert "复审" in reason(judge, q, ["应当每年至少组织一次演练。"])
    assert reason(judge, "值班人员多久演练一次？", ["值班人员应当每年至少组织一次演练。"]) is None


def test_how_often_something_is_done_that_the_corpus_never_names_before_the_question_word():
    j = _one_unknown_word("入户")
    # 入户, in the noun phrase before 多久, is used nowhere: how often pipes are checked does not say
    assert "入户" in reason(j, "居民燃气入户安全检查多久要做一次？", ["燃气管道每半年检查一次。"])
    assert reason(j, "燃气管道的安全检查多久要做一次？", ["燃气管道每半年检查一次。"]) is None
    # how long each time (一次 before the question word), not how often: 钻进去 is how people talk
    j = _one_unknown_word("钻进去")
    q = "清理洗涤塔，人钻进去一次最多能待多长时间？"
    assert reason(j, q, ["进入洗涤塔，应两人以上在现场，有人监护，进入一次时间不超过10分钟。"]) is None
    assert "钻进去" in reason(j, "洗涤塔多久要钻进去一次？", ["进入洗涤塔，进入一次时间不超过10分钟。"])


def test_which_years_need_a_year(knows_all):
    q = "治本攻坚三年行动是从哪年到哪年？"
    needs(knows_all, q, "年份", "全面开展安全生产治本攻坚三年行动。", "2024年至2026年开展安全生产治本攻坚三年行动。")
    assert "年份" in reason(knows_all, "治本攻坚三年行动哪一年收官？", ["全面开展安全生产治本攻坚三年行动。"])


def test_a_thing_asked_how_to_set_up_that_the_corpus_never_names():
    j = _one_unknown_word("消防电梯")
    assert "消防电梯" in reason(j, "高层住宅楼的消防电梯应该怎么设置？", ["厂房应设置环形消防车道。"])
    assert reason(j, "高层厂房的消防车道应该怎么设置？", ["厂房应设置环形消防车道。"]) is None


def test_other_departments_services(judge):
    assert "公安交通管理部门" in reason(judge, "驾驶证扣满12分怎么办？")
    assert reason(judge, "烟花爆竹零售的营业执照") is None  # the corpus uses this word: not out of scope
    assert "税务部门" in reason(judge, "新能源汽车免征车辆购置税的政策延续到哪一年？")
    assert "公安交通管理部门" in reason(judge, "高速公路上发生轻微追尾，车主可以自行撤离现场吗？")
    assert "民用航空管理部门" in reason(judge, "飞机出了飞行事故，国家是哪个部门来牵头调查？")
    assert "网信部门" in reason(judge, "单位发生数据泄露，要在多长时间内报告？")
    assert "网信部门" in reason(judge, "等级保护三级的信息系统多长时间测评一次？")
    assert "交通运输部门" in reason(judge, "跑长途的营运客车是否必须安装卫星定位装置？")
    assert "住房和城乡建设部门" in reason(judge, "申请公租房需要满足哪些家庭收入条件？")
    # flying a drone is civil aviation's (the corpus's 无人机 are rescue equipment); thunderstorms the weather service's
    assert "民用航空管理部门" in reason(judge, "个人在景区违规放飞无人机会被怎样处罚？")
    assert "气象部门" in reason(judge, "带孩子去野外露营时突然遇到雷暴，人应该躲到什么地方比较安全？")


def test_another_departments_word_in_a_list_of_ours_is_not_out_of_scope():
    corpus = "矿山 工地 安全生产 相关工作"
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w in corpus, words=list,
                           pos_words=list, places=None)
    assert "农业农村" in j.out_of_scope("海洋渔船遇到几级大风必须回港避风？")
    assert j.out_of_scope("山东的矿山、工地、渔船这些行业，对恶劣天气预警有什么硬要求？") is None
    # 外地户口 says who a person is; the question is about what happens to them, not about 户口
    assert j.out_of_scope("外地户口的人在山东遇灾没了生活来源，能申请临时救助吗？") is None
    assert "公安户籍" in j.out_of_scope("户口怎么迁到中卫？")
    # so does where someone's 户口 is (but not where a 户口 is dealt with)
    assert j.out_of_scope("我户口在老家，在外地工厂干了好几年，能回老家去做职业病诊断吗？") is None
    assert "公安户籍" in j.out_of_scope("户口在哪里办理迁移？")
    assert "民用航空" in j.out_of_scope("民航客机在机场紧急迫降后，机场的应急处置程序是怎样的？")  # where a thing is
    assert "市场监督" in j.out_of_scope("食品生产许可证快到期了，应该提前多少个工作日申请延续？")
    assert "卫生健康" in j.out_of_scope("野外被毒蛇咬伤以后，第一时间应该怎么急救处理？")
    assert "住房和城乡建设" in j.out_of_scope("家里闻到很浓的天然气味，第一步应该怎么做？")
    assert "住房和城乡建设" in j.out_of_scope("家里燃气灶漏气闻到味道了，第一时间应该怎么处置？")
    assert j.out_of_scope("轧钢加热炉那边有煤气味，去处理泄漏最少得几个人？") is None  # a works' gas is ours
    # stop 36: a scald at home, a broken-down car's warning triangle, an air conditioner fallen from a
    # flat (blind100 cy99, blind102 da99, blind101 cz95); not a food poisoning, which a hospital
    # reports under the public-health regulations
    assert "卫生健康" in j.out_of_scope("家里老人被开水烫伤了，第一时间应该怎么处理？")
    assert j.out_of_scope("医院接诊了一批疑似集体食物中毒的工人，多长时间内要报告县里的卫生部门？") is None
    assert "公安交通" in j.out_of_scope("高速公路上车辆抛锚，三角警告标志要放在车后多少米远？")
    assert "住房和城乡建设" in j.out_of_scope("台风天楼上的空调外机掉下来砸坏了我的车，物业要不要赔？")
    # clauses joined by 、 are no list: "干满几年相关工作" does not make 报考 a matter of ours
    assert "人力资源" in j.out_of_scope("报考注册安全工程师需要什么学历、干满几年相关工作？")
    # short clauses that each ask something are no list either ("保存" is ours, the 联单 is not)
    j3 = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w in "保存 危险废物", words=list,
                            pos_words=list, places=None)
    assert "生态环境" in j3.out_of_scope("危险废物转运出厂时，转移联单要怎么填报、保存几年？")
    assert "公安交通管理部门" in j.out_of_scope("驾驶证、行驶证怎么年审？")  # every item is someone else's
    # a word inside a clause is no item of a list, whatever the next clause says ("没人受伤": 受伤)
    j2 = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w in "受伤 矿山", words=list,
                            pos_words=list, places=None)
    assert "剐蹭" in j2.out_of_scope("高速上两辆车轻微剐蹭、没人受伤，要不要报警？")
    assert "人力资源和社会保障部门" in j.out_of_scope("工伤认定申请要在多少天内提出？")
    assert "公安出入境管理部门" in j.out_of_scope("护照丢了去哪补办？")
    assert "民用航空管理部门" in j.out_of_scope("民航客机出了事故，调查报告多久公布？")
    assert "民用航空管理部门" in j.out_of_scope("坐飞机随身能带多大容量的充电宝？")
    assert "核应急" in j.out_of_scope("核电站发生核泄漏时，周边居民到哪里领取碘片？")
    assert "市场监督管理部门" in j.out_of_scope("饭馆后厨被查出用了过期食材，一般怎么罚？")
    # the police's finding on a road accident; a road accident's casualties reported late are ours
    assert "公安交通管理部门" in j.out_of_scope("道路交通事故认定书一般在多少天内出具？")
    assert j.out_of_scope("道路交通事故的伤亡人数后来变了，几天内要补报？") is None
    # how long a driver may drive at a stretch, in the words people use (连续开了, 连续开几个小时)
    assert "公安交通管理部门" in j.out_of_scope("货车司机连续开了4个小时车以后，至少要停车歇多久？")
    assert "公安交通管理部门" in j.out_of_scope("拉危险货物的罐车司机，一次最长能连续开几个小时？")
    # a place where an incident happens is no other department's service
    assert j.out_of_scope("公墓里上坟烧纸引发山火，谁来处理？") is None


def test_unknown_names_places_and_offices(judge):
    assert "张建国" in reason(judge, "张建国是哪个科室的？")
    assert "兰州" in reason(judge, "兰州市2023年应急管理工作要点有哪些任务？")
    assert reason(judge, "西安市的应急演练怎么安排？") is None
    assert "宣传教育科" in reason(judge, "宣传教育科负责哪些任务？")
    assert judge.judge_question("想在市中心开个卖烟花的批发点，行不行？").reason is None  # a place, no office
    assert reason(judge, "中卫市应急管理局应急协调科负责哪些任务？") is None
    # an office is asked about for its work; a 中心 in "洗车场、洗浴中心停水" is a business
    assert judge.judge_question("大旱时政府能不能让洗车场、洗浴中心这类费水的店先停水？").reason is None
    assert "宣传教育中心" in reason(judge, "宣传教育中心承担哪些工作？")


def test_a_threshold_is_about_the_thing_it_defines(knows_all):
    # the grades of 生产安全事故 say nothing of when a 突发环境事件 is 重大
    q = "突发环境事件里，死亡多少人才算重大（Ⅱ级）突发环境事件？"
    assert "事件" in reason(knows_all, q, ["特别重大事故，是指造成30人以上死亡的事故。"])
    assert reason(knows_all, q, ["重大突发环境事件：因环境污染直接导致10人以上30人以下死亡的。"]) is None
    # the defined thing may stand in the article's head, not in the figure's own sentence
    q = "直接经济损失达到多少钱，就划为特大型地质灾害？"
    assert reason(knows_all, q, ["地质灾害按照经济损失的大小，分为四个等级：（一）特大型：直接经济损失1000万元以上的。"]) is None


def test_a_thing_the_thesaurus_knows_is_no_persons_name():
    # jieba tags 杨树 (a surname 杨) as a name; a word the thesaurus maps is an everyday thing
    tk = Tokenizer()
    kw = dict(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w in "行洪河道林木高秆作物", words=tk.words,
              pos_words=tk.pos_words, out_of_scope=None, places=None)
    q = "想在发大水时的河道里种杨树和玉米，法律允许吗？"
    assert "杨树" in AnswerabilityJudge(**kw).judge_question(q).reason
    assert AnswerabilityJudge(**kw, everyday=lambda w: w in ("杨树", "玉米")).judge_question(q).reason is None


def test_a_local_plan_answers_for_its_own_place_only():
    tk = Tokenizer()
    titles = ["西安市应急管理局关于印发《2023年应急管理工作要点》的通知", "秦州区应急管理工作思路初探",
              "深圳经济特区安全生产监督管理条例", "山东省安全生产条例（2021年修订）", "中华人民共和国安全生产法"]
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=lambda: titles, corpus_has=lambda w: True, words=tk.words,
                           pos_words=tk.pos_words, out_of_scope=None)
    assert j.local_places(titles[0]) == {"西安"} and j.local_places(titles[1]) == {"秦州"}
    assert j.local_places(titles[2]) == {"深圳"}
    assert j.local_places(titles[3]) == set()  # a province's regulation covers its cities
    q = "秦州区一共组建了多少支镇村应急救援队伍？"
    assert "西安" in j.judge(q, ["组建一支30-50人规模专(兼)职应急救援队伍"], 1.0, primary_title=titles[0]).reason
    assert j.wrong_place(q, titles[1]) is None
    assert j.wrong_place("宝鸡市的试点在哪几个镇街？", titles[0])  # a gazetteer city
    assert j.wrong_place(q, titles[4]) is None  # a national law answers anywhere
    assert j.wrong_place("应急救援队伍怎么组建？", titles[0]) is None  # no place asked
    assert j.wrong_place("济南的企业要不要设安全总监？", titles[3]) is None
    # a province asked, another province's regulation quoted: it speaks for its own province only
    assert "北京" in j.wrong_place("北京的建筑施工企业按什么比例配专职安全员？", titles[3])
    assert j.wrong_place("山东的企业多少人以上要设安全总监？", titles[3]) is None
    # a city is judged by the province it lies in (the gazetteer's "山东: 济南 …")
    assert j.province_of["济南"] == "山东" and j.province_of["浦东"] == "上海"
    zhejiang = "浙江省安全生产条例（2016年修订）"
    assert "济南" in j.wrong_place("济南的企业多少人以上要设安全总监？", zhejiang)
    assert j.wrong_place("杭州的企业多少人以上要设安全管理机构？", zhejiang) is None
    # the place at the head of a title the dictionary keeps whole is asked too
    assert "山东" in j.asked_places("山东省安全生产条例对安全总监怎么规定？")
    # what the whole country has in common is no local rule: a province's or a city's regulation does
    # not answer it, a national law may
    q = "全国统一的森林火警报警电话号码是多少？"
    assert "全国统一" in j.wrong_place(q, "上海市实施《中华人民共和国突发事件应对法》办法")
    assert "全国统一" in j.wrong_place("国家统一规定的森林防火期是几月到几月？", titles[0])
    assert j.wrong_place(q, titles[4]) is None


def test_a_city_of_a_province_with_a_regulation_is_a_known_place():
    tk = Tokenizer()
    kw = dict(doc_freq=lambda w: 5, corpus_has=lambda w: w != "济南", words=tk.words, pos_words=tk.pos_words,
              out_of_scope=None)
    q = "我在济南开了个工厂，要来一批实习学生，需要先做安全培训吗？"
    assert "济南" in AnswerabilityJudge(**kw, titles=lambda: ["中华人民共和国安全生产法"]).judge_question(q).reason
    with_shandong = AnswerabilityJudge(**kw, titles=lambda: ["山东省安全生产条例（2021年修订）"])
    assert with_shandong.judge_question(q).reason is None


def test_unknown_and_known_documents(judge):
    assert "旅游法" in reason(judge, "旅游法对景区安全有什么规定？")
    # mentioned by a stored text, but not stored itself
    assert "危险化学品安全法" in reason(judge, "危险化学品安全法什么时候开始施行？")
    assert reason(judge, "安全生产法第二十一条规定了什么？") is None
    assert reason(judge, "防汛条例对行政处罚复议怎么规定？") is None  # "…怎么规定" is a verb
    assert reason(judge, "西安市要点里应博会是什么活动？") is None  # the issued plan's own name
    assert "轮值办法" in reason(judge, "轮值办法第三条怎么规定？")
    # a document named by pointing back ("按本市条例") is the place's own, whatever it is called
    assert judge.judge_question("西安市的企业按本市条例至少要配几名专职安全管理人员？").reason is None
    assert judge.cited_documents("按该办法第三条怎么处理？") == []
    # quotes inside an unbracketed title do not cut it short ("实施办法" alone matches stored titles)
    assert "局队合一实施办法" in judge.judge_question('西安市应急局"局队合一"实施办法里执法权限怎么划分？').reason
    # 办法 as "a way of doing it": described, not named
    assert reason(judge, "局长总值班、各科室每天出人备勤的轮值办法，是哪个单位管？") is None
    assert reason(judge, "那套轮值办法归谁管？") is None
    assert judge.unknown_document("那篇文章对专项预案提了什么整合办法？") is None  # a way asked for
    # a 规定 pointed at (那部, 那个) is a document; one that is a stored 办法 by another name is known
    assert "工贸企业有限空间作业规定" in judge.unknown_document("那部工贸企业有限空间作业规定，什么时候生效？")
    assert judge.unknown_document("那份无锡市化工企业安全风险评估和分级规定里怎么分级？") is None
    assert judge.unknown_document("这个事情有什么规定？") is None
    assert "整合办法" in judge.unknown_document("整合办法第三条怎么规定？")
    assert "风险分级管控监督管理办法" in reason(judge, "无锡后来出台的化工企业风险分级管控监督管理办法有哪些条款？")
    # a regulation made under a stored law is another document; the law itself, newly named, is not
    assert "安全生产法实施条例" in reason(judge, "《安全生产法实施条例》对培训学时怎么规定？")
    assert judge._title_known("新安全生产法")  # noqa: SLF001
    # how often a word occurs in a document the stored texts mention is theirs to count
    q = "《危险化学品安全法》里“安全”一词出现了多少次？"
    assert judge.unknown_document(q) is None
    assert "危险化学品安全法" in judge.unknown_document("《危险化学品安全法》里“安全”的定义是什么？")
    assert "旅游法" in judge.unknown_document("《旅游法》里“安全”一词出现了多少次？")  # not even mentioned
    # a set of measures known by its count is a document too, which the stored texts only mention
    assert "36条措施" in judge.unknown_document("中卫市出台的“36条措施”里面，关于危险化学品企业的条款是怎么规定的？")
    assert "双十条" in judge.unknown_document("西安要求企业主要负责人履行主体责任的“双十条”规定，具体条款是什么？")


def test_a_word_for_how_much_is_no_thing_with_its_own_figure():
    # "罚款幅度是多少": 幅度 is the amount asked, not a thing the figure's sentence must name
    j = _one_rare_word("幅度", 2)
    q = "煤矿企业对较大事故负有责任的，罚款幅度是多少？"
    assert reason(j, q, ["发生较大事故的，处150万元以上200万元以下的罚款。"]) is None


def test_a_value_asked_in_the_clause_after_its_thing():
    # 定在多少 asks a figure like 是多少 (保险费率 stated nowhere in the passages)
    rate = _one_rare_word("保险费率", 2)
    q = "浙江省安全生产责任保险的保险费率定在多少？"
    assert "保险费率" in reason(rate, q, ["生产经营单位应当投保安全生产责任保险，保险费率按规定执行。"])
    assert reason(rate, q, ["安全生产责任保险的保险费率为0.5%。"]) is None
    j = _one_rare_word("死亡率", 3)
    q = "中卫市定的亿元GDP生产安全事故死亡率目标，具体是个什么数值？"
    assert "死亡率" in reason(j, q, ["确保亿元GDP生产安全事故死亡率控制在自治区下达的指标以内。"])
    assert reason(j, q, ["确保亿元GDP生产安全事故死亡率控制在0.05以内。"]) is None
    q = "下达的每亿元GDP事故死亡率上限是个什么数？"  # 什么数 as 什么数值
    assert "死亡率" in reason(j, q, ["确保亿元GDP生产安全事故死亡率控制在自治区下达的指标以内。"])
    assert reason(j, q, ["确保亿元GDP生产安全事故死亡率控制在0.05以内。"]) is None


def test_another_provinces_regulation_is_not_a_stored_one():
    tk = Tokenizer()
    titles = ["浙江省安全生产条例（2016年修订）", "中华人民共和国安全生产法"]
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=lambda: titles, corpus_has=lambda w: w in "".join(titles),
                           words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20)
    # 江苏省安全生产条例 shares 8 of its 9 characters with 浙江's; "江苏省的…" names it too
    assert "江苏省安全生产条例" in j.unknown_document("按江苏省的安全生产条例，一百多人的企业要设安全管理机构吗？")
    assert j.unknown_document("按浙江省的安全生产条例，一百多人的企业要设安全管理机构吗？") is None


def test_办法_is_not_a_法(judge):
    assert judge._title_known("无锡市化工企业风险评估办法")  # noqa: SLF001
    assert not judge._title_known("危险化学品安全法")  # noqa: SLF001 - 办法 must not match 法


def test_years_must_be_in_the_quoted_passage(judge):
    assert "2025" in judge.judge("西安市2025年工作要点有哪些任务？", ["2023年工作要点"], 1.0, primary="2023年").reason
    assert judge.judge("2023年工作要点有哪些任务？", ["x"], 1.0, primary="2023年工作要点").reason is None


def test_contact_numbers(judge):
    assert "电话" in reason(judge, "西安市应急管理局的举报电话是多少？", ["接受社会监督。"])
    assert reason(judge, "举报安全隐患打什么电话？", ["可以拨打“12350”安全生产举报投诉电话。"]) is None
    assert reason(judge, "举报安全隐患打什么电话？", ["有权通过12350安全生产举报投诉电话举报。"]) is None
    assert "电话" in reason(judge, "举报安全隐患打什么电话？", ["第119条规定了举报。"])  # not a phone number
    assert reason(judge, "值班电话要向谁公布？", ["应当向社会公布事故报告值班电话。"]) is None  # not asking the number
    published = ["铁路管理机构应当向社会公布事故报告值班电话。"]
    assert "电话" in reason(judge, "铁路管理机构公布的事故值班电话具体号码能查到吗？", published)  # the number asked


def test_figures_in_the_unit_asked(judge):
    # 公斤 is given in kg too (blind101 cz46: 制冷剂的储存量…超过150kg)
    assert reason(judge, "制冷剂最多能放多少公斤？", ["制冷剂的储存量不准超过150kg。"]) is None
    assert "数字" in reason(judge, "制冷剂最多能放多少公斤？", ["制冷剂的储存量不准超过150m。"])
    assert reason(judge, "验收后多少天内移交资料？", ["应当在验收后三十日内移交。"]) is None
    assert "数字" in reason(judge, "验收后多少天内移交资料？", ["应当及时移交。"])
    # a radius or an extent asked is a distance
    assert figure_pattern("应急计划区一般划多大半径？").search("半径为5公里")
    # 多少个百分点 asks a share (a count of 个 does not answer it)
    points = figure_pattern("死亡人数要比上年下降多少个百分点？")
    assert points.search("下降2个百分点") and points.search("下降5%") and not points.search("两个目标")
    # an area's range is in 公顷, not in 公里
    area = figure_pattern("受害森林面积在多大范围内算较大森林火灾？")
    assert area.search("受害森林面积在1公顷以上100公顷以下的") and not area.search("距离林区5公里")
    assert "数字" in reason(judge, "核电厂的应急计划区划多大范围？", ["做好核应急计划区内的防护准备。"])
    assert reason(judge, "事故等级分为哪几级？", ["分为特别重大事故、重大事故、较大事故和一般事故。"]) is None
    # "多久" is answered by a span counted with 个 too (届满前一个月, 5个工作日); a bare 个 is no time
    how_long = figure_pattern("定期检验快到期了，应该提前多久报检？")
    assert how_long.search("在检验合格有效期届满前一个月提出定期检验要求")
    assert how_long.search("在5个工作日内作出决定")
    assert not how_long.search("设置一个值班室")
    # 多少摄氏度 is answered in ℃
    assert figure_pattern("进窑前窑筒体温度必须低于多少摄氏度？").search("进窑前应确认窑筒体温度低于150℃")


def test_a_stated_number_is_not_a_figure_question(judge):
    # 好几家 says there are several; it does not ask how many (a dev question abstained on it)
    q = "一个工地上有总包也有好几家分包，现场安全最终由谁负总的责任？"
    assert figure_pattern(q) is None
    assert reason(judge, q, ["由总承包单位对施工现场的安全生产负总责。"]) is None
    assert figure_pattern("事故发生后十几天内") is None
    assert figure_pattern("连着几个月不下雨、水库见底了，有限的水先紧着谁用？") is None
    assert figure_pattern("连续几天降雨，这几天要报告几次？") is not None  # 几次 still asks
    assert figure_pattern("分包单位有几家？").search("三家")
    # 买了几台: a few bought, when the question asks when; 死了几个人 alone still asks how many
    assert figure_pattern("厂里新买了几台叉车，最晚什么时候得去办登记？") is None
    assert figure_pattern("去参加抢险救援耽误了几天活，有没有补贴？") is None  # a few days, asked 有没有
    assert figure_pattern("那起事故死了几个人？") is not None
    # 带几箱: a few boxes carried, when the question asks what happens
    assert figure_pattern("过年坐长途大巴带几箱鞭炮回老家，被查到会怎么处理？") is None
    assert figure_pattern("坐长途大巴最多能带几箱鞭炮？") is not None
    # 3000m2 is an area, no distance in m
    assert figure_pattern("消防车道宽度最少要几米？").search("占地面积大于3000m2的厂房") is None
    assert figure_pattern("消防车道宽度最少要几米？").search("净宽度不应小于4m")
    # 有几台: a few presses, whose rules are asked
    assert figure_pattern("车间里有几台冲床，规定上对这些冲床有什么安全要求？") is None
    assert figure_pattern("车间里有几台冲床？") is not None


def test_which_article_is_not_how_many():
    # 第几条 asks which article says it (the locator answers), not for a count of articles
    assert figure_pattern("安全阀、爆破片没有正常投用是第几条？") is None
    assert figure_pattern("这是判定标准的第多少条？") is None
    assert figure_pattern("判定标准一共有几条？").search("共十五条")


def test_working_days_and_counted_things(judge):
    q = "应急预案公布以后，多少个工作日内要去备案？"
    assert reason(judge, q, ["自应急预案公布之日起20个工作日内备案。"]) is None
    assert "数字" in reason(judge, q, ["应急预案应当及时备案。"])
    assert figure_pattern("新建了几支救援队？").search("新建15支国家安全生产专业救援队")
    assert not figure_pattern("新建了几支救援队？").search("新建15人")


def test_an_everyday_word_is_not_a_thing_to_count():
    tk = Tokenizer()
    kw = dict(doc_freq=lambda w: 3 if w == "一共" else 100, titles=list, corpus_has=lambda w: True,
              words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20)
    q = "国家级的安全生产专业救援队伍一共有多少？"
    passages = ["新建15支国家安全生产专业救援队,总数达到113支。"]
    assert "一共" in AnswerabilityJudge(**kw).judge(q, passages, 1.0).reason  # jieba tags 一共 as an abbreviation
    assert AnswerabilityJudge(**kw, everyday=lambda w: w == "一共").judge(q, passages, 1.0).reason is None


def test_members_of_a_counted_set_must_be_listed(knows_all):
    judge = knows_all
    q = "西安市应急局和京东合作用的七个物流中心分别叫什么？"
    counted_only = "加强与京东集团沟通联系,充分利用京东七个物流中心,有效提升我市应急物资储备管理调度信息化水平。"
    assert "提到了“七个物流中心”，但没有列出" in reason(judge, q, [counted_only])
    listed = "京东七个物流中心分别是未央、灞桥、长安、高陵、临潼、鄠邑和周至物流中心。"
    assert reason(judge, q, [counted_only, listed]) is None
    # asked which districts, the quoted passage must name one other than the question's (京东, 西安)
    q = "西安市应急局和京东合作用的七个物流中心分别在哪些区县？"
    assert reason(judge, q, [counted_only]) is not None
    assert reason(judge, q, ["京东七个物流中心分别位于未央区、灞桥区、长安区、高陵区、临潼区、鄠邑区和周至县。"]) is None
    q = "宝鸡市今年要推进的防灾减灾“十项重点任务”具体是哪十项？"
    assert "提到了“十项重点任务”" in reason(judge, q, ["我市今年将扎实推进“十项重点任务”，进一步健全灾害隐患排查机制。"])
    assert reason(judge, q, ["“十项重点任务”包括：隐患排查、风险普查、预警发布……"]) is None
    # the count is not in the passage, but the passage lists: 一是…二是…三是
    assert reason(judge, "中卫市今年的三个目标分别是什么？", ["一是确保不发生较大事故；二是确保死亡率下降；三是确保安全。"]) is None
    assert reason(judge, "这一项由哪些单位负责？", ["由执法支队负责。"]) is None  # 一项 is not a set to list
    q = "西安城市安全风险综合监测预警要编的13套专项标准，各自的名称是什么？"
    counted_only = "编制完成1个通用导则、3个标准体系和13套专项标准,初步理顺综合监测预警及联动处置工作机制。"
    assert "提到了“13套专项标准”" in reason(judge, q, [counted_only])
    q = "西安市第二批应急物资产能储备保障单位名单里有哪些企业？"
    named_only = "确定西安市第二批应急物资产能储备保障单位名单,与保障单位签订合作协议并授牌。"
    assert "提到了“第二批应急物资产能储备保障单位”" in reason(judge, q, [named_only])
    assert reason(judge, q, ["第二批保障单位名单：甲公司、乙公司、丙公司。"]) is None


def test_amount_of_a_specific_thing(judge):
    assert "公务员" in reason(judge, "中卫市2023年招聘了多少公务员？", ["中卫市 2023年 加强干部队伍建设。"])
    assert reason(judge, "重大事故的死亡人数标准是多少？", ["造成10人以上30人以下死亡。"]) is None


def test_low_coverage_abstains(judge):
    assert judge.judge("演练怎么搞", ["x"], 0.05).reason is not None
    assert judge.judge("演练怎么搞", ["x"], 0.5).reason is None


def test_figure_pattern():
    assert figure_pattern("多少天内办登记") .search("三十日内")
    assert figure_pattern("隔多远") .search("不得小于6m")
    assert figure_pattern("这是什么") is None


def test_percentages_and_class_hours_are_figures():
    q = "采掘工作面瓦斯浓度超过百分之多少就必须停工撤人？"
    assert figure_pattern(q).search("瓦斯浓度达到1.0%时") and figure_pattern(q).search("超过百分之一")
    assert not figure_pattern(q).search("必须停止作业，撤出人员")
    assert figure_pattern("每期培训多少课时？").search("不少于24学时")
    assert not figure_pattern("每期培训多少课时？").search("分期对300名监护人进行培训")


def test_a_part_of_a_stated_total_needs_its_own_figure(knows_all):
    j = knows_all
    q = "应急管理部今年启动的114次应急响应里，一级响应有几次？"
    total_only = "累计组织81次应急会商,启动114次应急响应,派出130个工作组深入一线。"
    assert "只有总数“114次”" in j.judge(q, [total_only], 1.0).reason
    assert j.judge(q, [total_only + "其中一级响应3次。"], 1.0).reason is None
    assert j.judge(q, [total_only + "一级响应于2023年启动。"], 1.0).reason is not None  # a year is not a count
    q = "中央安排的293亿元资金里，救灾资金单独是多少？"
    assert "救灾资金" in j.judge(q, ["中央安排预算内投资、安全生产补助和救灾资金293亿元。"], 1.0).reason
    assert j.judge("事故中死亡多少人？", ["造成3人死亡。"], 1.0).reason is None  # no total stated: not a part
    # no total stated, but a part asked for by 当中: the total's sentence does not give it
    q = "2023年应急管理部启动的应急响应当中，一级响应一共有几次？"
    assert "一级响应" in j.judge(q, ["2023年" + total_only], 1.0).reason
    assert j.judge(q, ["2023年" + total_only + "其中一级响应3次。"], 1.0).reason is None
    # 里 is as often a place ("村里的队伍"), and 几月 no count
    assert j.missing_part("社区或者村里的应急救援队伍起码得有几个人？", ["组建一支不少于10人的应急救援力量。"]) is None


def test_a_rate_needs_a_figure_per_that_unit(judge):
    q = "大型群众性活动场地每平方米最多允许容纳几个人？"
    totals = "大型群众性活动的预计参加人数在1000人以上5000人以下的，由公安机关实施安全许可。"
    assert "每平方米" in reason(judge, q, [totals])
    assert reason(judge, q, ["室内场地按每平方米不超过1人核定容纳人数。"]) is None
    assert reason(judge, q, ["人员密度不得超过2人/㎡。"]) is None
    q = "受灾群众每人每天补助多少元？"
    assert reason(judge, q, ["过渡期生活救助按人均每天20元发放。"]) is None
    assert "每人" in reason(judge, q, ["共发放救助资金300万元。"])


def test_a_frequency_answers_how_often_only():
    assert figure_pattern("储罐多久检查一次？").search("每半年检查一次")
    assert figure_pattern("几个月检查一次？").search("每季度检查一次")
    assert figure_pattern("工作会议至少多久开一次？").search("应当每个季度至少召开一次")
    # 每年…两次 says how often drills are held, not how many hours a driver may drive or how many people
    assert not figure_pattern("连续驾驶超过几个小时必须停车休息？").search("每年不少于两次的应急演练")
    assert not figure_pattern("至少要请几名专家？").search("每年组织一次评审")


def test_bad_threshold_fails_at_once():
    with pytest.raises(ValueError, match="EMKB_ABSTAIN_THRESHOLD"):
        AnswerabilityJudge(doc_freq=len, titles=list, corpus_has=bool, words=list, pos_words=list, min_coverage=2)


def test_pos_words_uses_the_shared_dictionary():
    assert Tokenizer().pos_words("西安市")[0] == ("西安市", "ns")
    assert jieba.posseg  # the module the tokenizer wraps


def test_title_forms_follow_a_new_title_list():
    tk = Tokenizer()
    current = [["中华人民共和国安全生产法"]]
    j = AnswerabilityJudge(doc_freq=lambda w: 0, titles=lambda: current[0], corpus_has=lambda w: True,
                           words=tk.words, pos_words=tk.pos_words)
    assert j._title_known("安全生产法") and not j._title_known("消防法")
    assert j._title_forms() is j._title_forms()  # prepared once per list
    current[0] = ["中华人民共和国安全生产法", "中华人民共和国消防法"]  # a new catalog generation
    assert j._title_known("消防法")


def test_a_magnitude_alone_is_not_a_figure(knows_all):
    q = "亿元GDP生产安全事故死亡率的控制指标具体是多少？"
    j = AnswerabilityJudge(doc_freq=lambda w: 5 if w == "死亡率" else 100, titles=list, corpus_has=lambda w: True,
                           words=Tokenizer().words, pos_words=Tokenizer().pos_words, rare_df=lambda: 20)
    assert "死亡率" in j.judge(q, ["确保亿元GDP生产安全事故死亡率控制在自治区下达的指标以内。"], 1.0).reason
    assert j.judge(q, ["亿元GDP生产安全事故死亡率控制在0.03以下，死亡率下降三成。"], 1.0).reason is None
    # measured figures with latin units or bounds: 经口LD50≤5mg/kg
    j2 = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: True,
                            words=Tokenizer().words, pos_words=Tokenizer().pos_words, rare_df=lambda: 20)
    assert j2.judge("剧毒化学品的大鼠经口LD50是多少？", ["剧毒化学品：大鼠实验，经口LD50≤5mg/kg。"], 1.0).reason is None


def test_which_leader_is_a_person(judge):
    assert "不记载人员姓名" in reason(judge, "全国应急管理工作会议上是哪位领导作的工作报告？")
    assert "不记载人员姓名" in reason(judge, "这次检查是哪个领导带队的？")


def test_words_jieba_mistakes_for_names(judge):
    assert reason(judge, "职工被抽调去参加抢险救援，这段时间单位能不能扣他工资") is None  # 段时间
    assert reason(judge, "防火期里想在林子里点火治虫子，得找谁批？") is None  # 林子里
    assert "张建国" in reason(judge, "张建国是哪个科室的？")


def test_members_of_a_numbered_batch_must_be_listed(knows_all):
    q = "西安确定的第二批应急物资产能储备保障单位都有哪几家企业？"
    named_only = "确定西安市第二批应急物资产能储备保障单位名单,与保障单位签订合作协议并授牌。"
    assert "第二批" in reason(knows_all, q, [named_only])
    assert reason(knows_all, q, ["第二批保障单位为：甲公司、乙公司、丙公司。"]) is None


def test_subjects_of_an_exam_are_counted_in_科(judge):
    assert "数字" in reason(judge, "危险货物运输驾驶员从业资格要考几科？", ["驾驶员应当取得从业资格。"])
    assert reason(judge, "安全员考试要考几科？", ["考试分为两科：安全知识和管理能力。"]) is None
    # the subjects listed: a passage requiring 取得从业资格 names none
    q = "危险货物道路运输驾驶员从业资格考试要考哪些科目？"
    assert "科目" in quoting(judge, q, "驾驶人员应当经交通运输主管部门考核合格，取得从业资格。")
    assert quoting(judge, q, "考试科目为道路运输法规和危险货物知识。") is None


def test_a_value_asked_before_多少_needs_a_figure():
    rare = {"值": 2, "红色": 8}
    tk = Tokenizer()
    j = AnswerabilityJudge(doc_freq=lambda w: rare.get(w, 100), titles=list, corpus_has=lambda w: True,
                           words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20)
    method = "企业自行评估可能性L值和严重性S值，对照判别标准（附件2），计算风险R值，确定安全风险等级。"
    for q in ("无锡化工企业安全风险评估，风险值R算到多少才定为红色风险？", "评估以后，算出来的风险值R是多少就定为红色？"):
        assert "值" in j.judge(q, [method], 1.0).reason
        assert j.judge(q, [method, "风险值R达到320分以上的，定为红色风险。"], 1.0).reason is None

    # words the corpus never uses are how people talk, not things to count: 2023年…一共翻出来多少件重大隐患
    knows = AnswerabilityJudge(doc_freq=lambda w: {"翻出来": 0, "隐患": 300}.get(w, 100), titles=list,
                               corpus_has=lambda w: True, words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20)
    assert knows.judge("2023年那轮全国大排查，一共翻出来多少件重大隐患？", ["2023年共排查重大事故隐患多项。"], 1.0).reason is None


def test_the_thing_right_before_a_quantity_question_needs_its_own_figure():
    rare = {"半径": 3, "核电站": 2}
    tk = Tokenizer()
    j = AnswerabilityJudge(doc_freq=lambda w: rare.get(w, 100), titles=list, corpus_has=lambda w: True,
                           words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20)
    q = "核电站周边应急计划区的半径是多少公里？"
    other = "救援队伍到达事故现场的距离一般不超过30公里。"
    assert "半径" in j.judge(q, [other], 1.0).reason
    assert j.judge(q, [other, "应急计划区的半径为5公里。"], 1.0).reason is None
    # a common thing (电梯, in many passages) is asked about in many words: the unit alone decides
    assert j.judge("小区电梯多长时间得保养一次？", ["电梯每15日进行一次清洁、润滑、调整和检查。"], 1.0).reason is None
    # the thing named before "，规定多久": the rule is asked of it
    hose = AnswerabilityJudge(doc_freq=lambda w: 6 if w == "软管" else 100, titles=list, corpus_has=lambda w: True,
                              words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20, places=None, out_of_scope=None)
    q = "燃气灶和燃气管之间的那根橡胶软管，规定多久必须换一次？"
    assert "软管" in hose.judge(q, ["减压站设置应设有防雷设施，每半年检测一次。"], 1.0).reason
    assert hose.judge(q, ["橡胶软管应每两年更换一次。"], 1.0).reason is None


def test_a_term_of_validity_is_the_things_own(knows_all):
    """"有效期" is in many passages, yet "干粉灭火器有效期是几年" needs a sentence giving 灭火器's
    有效期: the 安全生产许可证's three years do not answer it."""
    q = "家里用的干粉灭火器有效期是几年，过期了怎么处理？"
    permit = "安全生产许可证的有效期为3年。"
    assert "灭火器有效期" in reason(knows_all, q, [permit, "配备相应消防器材如砂土、干粉等灭火器。"])
    assert reason(knows_all, q, ["干粉灭火器的有效期为5年。"]) is None
    assert "灭火器有效期" in reason(knows_all, "家用干粉灭火器的有效期是几年？", [permit])
    assert reason(knows_all, "安全生产许可证的有效期是几年？", [permit]) is None
    # the thing named only in a cited title is not the thing the figure is given for
    cited = "按照《手提式灭火器》标准的要求，安全生产许可证的有效期为3年。"
    assert "灭火器有效期" in reason(knows_all, "家用干粉灭火器的有效期是几年？", [cited])


def test_members_asked_as_都叫什么_or_where(knows_all):
    """“都叫什么”, “具体都在什么位置” ask for the members of a counted set as much as 哪些 does."""
    judge = knows_all
    counted_only = "加强与京东集团沟通联系,充分利用京东七个物流中心,有效提升我市应急物资储备管理调度信息化水平。"
    q = "西安和京东合作用到的七个物流中心具体都在什么位置？"
    assert "提到了“七个物流中心”" in reason(judge, q, [counted_only])
    assert reason(judge, q, ["七个物流中心分别位于未央区、灞桥区、长安区、高陵区、临潼区、鄠邑区和周至县。"]) is None
    q = "中卫市开展警示教育的那30家危化企业都叫什么？"
    # two counts in a 、-list are not the members of either
    counts = "对全市30家危险化学品企业、30家工贸企业上、下半年各开展一次事故警示教育指导服务。"
    assert "提到了“30家危化企业”" in reason(judge, q, [counts])
    assert reason(judge, q, ["30家危险化学品企业名单：甲化工、乙化工、丙化工等。"]) is None
    assert reason(judge, "这些企业都叫什么？", [counts]) is None  # nothing counted in the question: not this rule


def test_a_decimal_is_not_a_list_marker(knows_all):
    q = "应急管理部推动出台的那51项重大事故隐患判定标准具体是哪51项？"
    counted = "推动有关部门制定51项重大事故隐患判定标准和重点检查事项,建立全国重大事故隐患数据库,累计排查重大事故隐患39.4万件。"
    assert "提到了“51项重大事故隐患判定标准”" in reason(knows_all, q, [counted])
    assert reason(knows_all, q, ["51项判定标准包括：1.化工；2.煤矿；3.烟花爆竹。"]) is None


def test_an_incident_named_by_its_date_code_must_be_in_the_corpus(judge):
    assert "“7·20”" in judge.unknown_event("郑州“7·20”特大暴雨灾害调查报告认定的死亡失踪人数是多少？")
    assert "“3·21”" in reason(judge, "响水“3•21”爆炸事故造成多少人死亡？")
    assert judge.unknown_event("2023年的预算有多少？") is None  # no date code
    assert judge.unknown_event("标准3.21条规定了什么？") is None  # a decimal is not one
    knows = AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: w == "8·12", words=Tokenizer().words,
                               pos_words=Tokenizer().pos_words, places=None, out_of_scope=None)
    assert knows.unknown_event("天津港“8·12”事故的教训是什么？") is None  # the corpus mentions it


def test_a_cas_number_answers_a_cas号_question():
    judge = _one_rare_word("木精", 3)
    q = "甲醇（木精）的CAS号是多少？"
    assert reason(judge, q, ["甲醇木醇；木精67-56-1"]) is None
    assert reason(judge, q, ["3-巯基甲苯108-40-71021 甲醇木醇；木精67-56-11023甲醇钾"]) is None  # rows glued by the PDF
    assert "“木精”的具体数字" in reason(judge, q, ["木精属于易燃液体，储存时远离火种。"])


def test_a_named_storm_must_be_in_the_corpus(judge):
    assert "“杜苏芮”" in reason(judge, "台风“杜苏芮”北上造成的直接经济损失是多少亿元？")
    assert "“利奇马”" in reason(judge, "“利奇马”台风期间转移了多少人？")
    knows = AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: w == "烟花", words=Tokenizer().words,
                               pos_words=Tokenizer().pos_words, places=None, out_of_scope=None)
    assert knows.unknown_event("台风“烟花”过境时要做哪些准备？") is None  # the corpus mentions it


def test_an_edition_the_corpus_does_not_hold():
    tk = Tokenizer()
    titles = ["工贸行业重大生产安全事故隐患判定标准（2017版）", "北京市安全生产条例（2022年修订）", "中华人民共和国特种设备安全法"]
    judge = AnswerabilityJudge(doc_freq=lambda w: 100, titles=lambda: titles, corpus_has=lambda w: True,
                               words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)
    reason_ = judge.unknown_edition("2023年施行的新版《工贸企业重大事故隐患判定标准》一共有多少条？")
    assert "2023" in reason_ and "2017版" in reason_
    assert judge.unknown_edition("2017版《工贸行业重大事故隐患判定标准》冶金行业有几条？") is None
    assert judge.unknown_edition("《北京市安全生产条例》（2022年修订）第十九条") is None
    assert "2015" in judge.unknown_edition("《北京市安全生产条例》2015年修订版有什么变化？")
    # a title without a year could be any edition: no judgement
    assert judge.unknown_edition("2009年修订的《特种设备安全法》") is None
    # a year that is not an edition ("2023年施行") is not this rule
    assert judge.unknown_edition("2023年施行的《北京市安全生产条例》规定了什么？") is None
    # unquoted, the edition said by 新版 alone
    assert "2017版" in judge.unknown_edition("2023年新版工贸企业重大事故隐患判定标准里，有限空间作业判定了几条重大隐患？")
    assert judge.unknown_edition("2017年新版工贸行业重大事故隐患判定标准里有几条？") is None


def test_a_figure_about_one_incident_needs_a_sentence_naming_it():
    judge = _one_rare_word("烧烤店", 2)
    q = "宁夏银川那起烧烤店燃气爆炸事故一共造成多少人死亡？"
    listed = "及时处置北京长峰医院火灾、宁夏银川烧烤店燃气爆炸等重特大事故，对重大事故挂牌督办。"
    other = "较大事故，是指造成3人以上10人以下死亡的事故。"
    assert "烧烤店" in judge.judge(q, [listed, other], 1.0).reason
    assert judge.judge(q, [listed, "银川烧烤店燃气爆炸事故造成31人死亡、7人受伤。"], 1.0).reason is None


def test_how_many_days_is_asked_not_told(judge):
    """"忙了好几天，这几天没收入谁来补" tells a duration; it asks who pays, not how many days."""
    assert figure_pattern("这次跟着去抗洪抢险忙了好几天，这几天没收入谁来补？") is None
    assert figure_pattern("抢险补贴最多补几天？") is not None
    assert figure_pattern("按职工人数的多少比例配专职安全员？") is not None
    assert reason(judge, "按职工人数的多少比例配专职安全员？", ["按照市人民政府规定的比例、人数设置安全生产管理机构。"]) is not None
    assert reason(judge, "按职工人数的多少比例配专职安全员？", ["按不低于职工总数1%的比例配备专职安全员。"]) is None


def test_a_known_storm_needs_a_sentence_giving_its_figure(knows_all):
    q = "台风“杜苏芮”北上造成的直接经济损失是多少亿元？"
    named = "去年面对台风“杜苏芮”强势北上，海河流域发生流域性特大洪水。"
    other = "特种设备事故造成5000万元以上1亿元以下直接经济损失的，为重大事故。"
    assert "杜苏芮" in reason(knows_all, q, [named, other])
    assert reason(knows_all, q, [named, "台风“杜苏芮”造成直接经济损失1658亿元。"]) is None
    # asked without a unit ("多少直接经济损失"), the storm still needs a sentence giving a figure
    q = "台风“杜苏芮”带来的洪涝灾害造成了多少直接经济损失？"
    assert "杜苏芮" in reason(knows_all, q, [named, other])
    assert reason(knows_all, q, [named, "台风“杜苏芮”造成直接经济损失1658亿元。"]) is None


def test_a_sum_asked_as_奖金_is_given_as_奖励():
    judge = _one_rare_word("奖金", 3)
    q = "举报私挖滥采的黑煤窑，查实了能拿多少奖金？"
    assert reason(judge, q, ["经查证属实的，应当给予最先举报人1000元至1万元的奖励。"]) is None
    assert "金额" in reason(judge, q, ["本市建立健全重大事故隐患举报奖励制度，并向社会公布。"])
    assert "奖金" in reason(judge, q, ["本市建立举报奖励制度。", "对生产经营单位处五万元以下的罚款。"])
    # the sum named before a verb of getting it: "奖金一般能拿多少"
    q = "在深圳举报企业重大事故隐患，查实以后奖金一般能拿多少？"
    assert "金额" in reason(judge, q, ["举报信息经查证属实的，按照有关规定给予奖励。"])
    assert reason(judge, q, ["经查证属实的，给予举报人1000元至1万元的奖励。"]) is None


def test_a_sum_named_after_the_question_word_needs_a_sum():
    judge = _one_rare_word("津贴", 3)
    q = "高温天在户外干活，企业每个月要给工人发多少高温津贴？"
    assert "金额" in reason(judge, q, ["用人单位应当给予适当岗位津贴。"])
    assert "津贴" in reason(judge, q, ["用人单位应当给予适当岗位津贴。", "对用人单位处五万元以下的罚款。"])
    assert reason(judge, q, ["高温作业津贴标准为每人每月300元。"]) is None


def test_a_measured_thing_named_after_the_question_word_needs_its_figure():
    judge = _one_rare_word("驾龄", 0)
    q = "开校车的驾驶员需要有几年以上驾龄才行？"
    assert "驾龄" in reason(judge, q, ["全面开展安全生产治本攻坚三年行动。"])
    assert reason(judge, q, ["校车驾驶员应当具有3年以上驾龄。"]) is None
    # a count of kinds is answered by naming them: "几种颜色" by 红色、橙色
    assert reason(_one_rare_word("颜色", 3), "预警分几种颜色？", ["预警分为四种，依次用红色、橙色、黄色和蓝色标示。"]) is None


def test_an_incident_named_by_what_it_caused_needs_its_own_figure():
    """No 那起 before it: "甘肃积石山6.2级地震造成了多少人遇难" is still about one quake."""
    judge = _one_rare_word("积石山", 2)
    q = "甘肃积石山6.2级地震造成了多少人遇难、多少人受伤？"
    listed = "对甘肃积石山6.2级地震迅速响应、高效有序应对，因灾伤亡人数实现历史最低。"
    other = "特别重大地震灾害，是指造成300人以上死亡的地震灾害。"
    assert "积石山" in judge.judge(q, [listed, other], 1.0).reason
    assert judge.judge(q, [listed, "积石山6.2级地震造成151人遇难、983人受伤。"], 1.0).reason is None
    # a kind of accident, not one of them: no incident words to look for
    assert judge.judge("煤矿透水事故造成多少人死亡算重大事故？", [other.replace("地震灾害", "事故")], 1.0).reason is None
    # "积石山那次6.2级地震…人数分别是多少": named before 那次; its 6.2级, from the question, is no answer
    q = "积石山那次6.2级地震，官方统计的死亡和受伤人数分别是多少？"
    assert "积石山" in judge.judge(q, [listed, other], 1.0).reason
    assert judge.judge(q, [listed, "积石山6.2级地震造成151人遇难、983人受伤。"], 1.0).reason is None


def test_which_article_lists_them_is_no_question_about_members(knows_all):
    q = "哪一条规定预警级别分别用红、橙、黄、蓝四种颜色标示？"
    article = "预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示。"
    assert reason(knows_all, q, ["可以预警的事件的预警级别分为四级，用四种颜色标示。"]) is None
    assert reason(knows_all, q, [article]) is None
    assert "四种颜色" in reason(knows_all, "预警级别的四种颜色分别是什么？", ["预警级别用四种颜色标示。"])


def test_a_fine_asked_without_a_unit_needs_a_sum(knows_all):
    q = "安全评价机构出具失实报告罚款多少？"
    assert "金额" in reason(knows_all, q, ["安全评价机构出具失实报告的，依法追究责任，从业人员一百人以上的单位除外。"])
    assert reason(knows_all, q, ["安全评价机构出具失实报告的，没收违法所得，并处违法所得二倍以上五倍以下的罚款。"]) is None
    assert reason(knows_all, q, ["安全评价机构出具失实报告的，处十万元以上二十万元以下的罚款。"]) is None
    assert figure_pattern("罚款多少人次？") is not None  # a unit asked: that rule, not this one


def test_a_theme_asked_for_must_be_stated(knows_all):
    judge = knows_all
    q = "浙江省每年六月安全生产宣传月的活动主题是什么？"
    assert "主题" in reason(judge, q, ["每年六月为安全生产宣传月，各级人民政府应当集中开展安全生产宣传教育活动。"])
    assert "主题" in reason(judge, q, ["深入开展主题教育，建设“五型”模范机关。"])  # 主题教育 is a campaign
    assert reason(judge, q, ["今年安全生产月的主题是“人人讲安全、个个会应急”。"]) is None


def test_an_adjusted_catalogue_year_the_corpus_does_not_hold():
    tk = Tokenizer()
    titles = ["危险化学品目录（2015版）"]
    judge = AnswerabilityJudge(doc_freq=lambda w: 100, titles=lambda: titles, corpus_has=lambda w: True,
                               words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)
    assert "2022" in judge.unknown_edition("2022年有关部门调整《危险化学品目录》时，对柴油条目具体改成了什么？")
    assert judge.unknown_edition("2015年调整后的《危险化学品目录》收了多少种？") is None
    # unquoted, as people type it: a year, the catalogue's name, then 调整/修订
    assert "2022" in judge.unknown_edition("2022年危险化学品目录调整后，柴油还属于危险化学品吗？")
    assert judge.unknown_edition("2015年危险化学品目录调整后收了多少种？") is None
    assert judge.unknown_edition("2022年危险化学品仓库检查发现了什么？") is None  # no edition named


def test_a_word_the_corpus_starts_is_no_name(judge):
    """jieba tags 万向节 as a name (万 is a surname); the corpus says 万向管道: a thing, not a person."""
    tk = Tokenizer()
    text = "液氨、液氯的充装未使用万向管道充装系统"
    j = AnswerabilityJudge(doc_freq=lambda w: 3 if w in text else 0, titles=list, corpus_has=lambda w: w in text,
                           words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)
    assert j.unknown_name("装液氨还在用软管，没上那种万向节的装车臂，这算不算大隐患？") is None
    assert "张建国" in reason(judge, "张建国是哪个科室的？")


def test_a_city_named_before_a_district_the_corpus_has():
    tk = Tokenizer()
    text = "秦州区应急管理工作思路初探 市区 开发区"
    j = AnswerabilityJudge(doc_freq=lambda w: 3, titles=list, corpus_has=lambda w: w in text, words=tk.words,
                           pos_words=tk.pos_words, out_of_scope=None)
    assert j.unknown_place("天水秦州区的应急工作思路里，镇街断电靠什么保证通信？") is None
    assert "杭州" in j.unknown_place("杭州西湖区的应急工作思路是什么？")  # no 西湖区 in the corpus
    assert "天水" in j.unknown_place("天水市区的避难场所在哪？")  # 市区 names no district
    assert "天水" in j.unknown_place("天水开发区有哪些危化企业？")
    assert "日本" in j.unknown_place("日本的紧急地震速报是按什么标准向公众发布的？")  # another country
    # a stored document's own place, named without its 区 ("天水秦州那篇文章")
    titled = AnswerabilityJudge(doc_freq=lambda w: 3, titles=lambda: ["秦州区应急管理工作思路初探"],
                                corpus_has=lambda w: w in text, words=tk.words, pos_words=tk.pos_words, out_of_scope=None)
    assert titled.unknown_place("天水秦州那篇思路文章里说，十五五规划建议提了几次“安全”？") is None


def test_a_city_ending_in_州_is_a_place(judge):
    """郑州 was cut to 郑 (州 is a suffix of 恩施州), so it was never looked up."""
    from kb.abstain import _place_base

    assert _place_base("郑州") == "郑州" and _place_base("郑州市") == "郑州" and _place_base("恩施州") == "恩施"
    assert "郑州" in reason(judge, "郑州的应急避难场所有多少个？")
    # jieba keeps 北京市政府 whole: the place is still 北京 (not answered by 浙江's regulation)
    assert _place_base("北京市政府") == "北京" and _place_base("西安市人民政府") == "西安"
    assert _place_base("人民政府") == "人民政府"
    # an autonomous region by its full name is the gazetteer's short one
    assert _place_base("新疆维吾尔自治区") == "新疆" and _place_base("宁夏回族自治区") == "宁夏"
    assert _place_base("广西壮族自治区") == "广西" and _place_base("西藏自治区") == "西藏"
    assert _place_base("深圳经济特区") == "深圳"  # "深圳经济特区的高危企业员工人数达到多少": no thing counted


def test_a_province_asked_through_its_government_is_a_place_asked():
    tk = Tokenizer()
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: True, words=tk.words,
                           pos_words=tk.pos_words, out_of_scope=None)
    q = "北京市政府对矿山、危化品单位配备专职安全管理人员规定的具体比例是多少？"
    assert "北京" in j.wrong_place(q, "浙江省安全生产条例（2016年修订）")
    assert j.wrong_place(q, "北京市安全生产条例（2022年修订）") is None


def test_a_volume_of_the_manual_for_a_trade_not_stored():
    tk = Tokenizer()
    titles = ["工贸行业较大危险因素辨识与防范指导手册（2016版）——有色行业",
              "工贸行业较大危险因素辨识与防范指导手册（2016版）——轻工行业",
              "开创应急管理高质量发展新局面——2023年宝鸡市应急管理工作展望"]
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=lambda: titles, corpus_has=lambda w: True, words=tk.words,
                           pos_words=tk.pos_words, places=None, out_of_scope=None)
    assert "烟草" in j.judge_question("辨识手册的烟草行业分册里，制丝车间列了哪些较大危险因素？").reason
    assert j.judge_question("手册轻工行业分册里造纸有哪些较大危险因素？").reason is None
    assert j.judge_question("宝鸡分册里有什么？").reason is not None  # 宝鸡 is no trade's volume


def test_an_order_number_no_stored_document_carries():
    tk = Tokenizer()
    numbers = "中华人民共和国国务院令第446号\n国家安全生产监督管理总局令第88号\n中华人民共和国主席令第八十八号（2021年修正）"
    judge = AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: w in numbers, words=tk.words,
                               pos_words=tk.pos_words, places=None, out_of_scope=None)
    assert "应急管理部令第10号" in judge.unknown_order("应急管理部令第10号《工贸企业重大事故隐患判定标准》有哪几条？")
    assert judge.unknown_order("国务院令第446号第八条规定了什么？") is None
    assert judge.unknown_order("主席令第88号公布的安全生产法第二十一条") is None  # 第八十八号 in the metadata
    assert judge.unknown_order("安监总局令第88号要求应急预案多久评估一次？") is None  # the short name of the issuer
    # the number said the other way round, after words that are no part of the issuer's name
    assert judge.unknown_order("替代2015版的应急管理部第4号令《煤矿重大事故隐患判定标准》哪天施行？") == "知识库中没有应急管理部令第4号"
    assert judge.unknown_order("国务院第446号令第八条规定了什么？") is None


def test_a_figure_about_another_kind_of_fire_does_not_answer(knows_all):
    """"多少公顷才算重大草原火灾": the 森林防火条例 grades 森林火灾 in 公顷; the 草原 one gives no figure."""
    forest = "（三）重大森林火灾：受害森林面积在100公顷以上1000公顷以下的。"
    q = "一场草原火灾烧掉的草场达到多少公顷，才算重大草原火灾？"
    assert "草原火灾" in reason(knows_all, q, [forest])
    assert reason(knows_all, q, ["重大草原火灾：受害草原面积8000公顷以上的。"]) is None
    assert reason(knows_all, "受害森林面积多少公顷算重大森林火灾？", [forest]) is None
    # 草原火 is how people say 草原火灾
    assert "草原火灾" in reason(knows_all, "牧区着了一场草原火，过火面积要达到多少公顷才会被定成重大级别？", [forest])
    # a grade for every kind of accident answers about one kind of it
    general = "重大事故，是指造成10人以上30人以下死亡的事故。"
    assert reason(knows_all, "煤矿事故死亡多少人算重大事故？", [general]) is None


def test_a_share_asked_how_high_is_a_percentage():
    # 浓度多高 asks a percentage or a concentration; read as a height it wanted metres
    p = figure_pattern("含氯的84消毒水，浓度多高就算危险化学品了？")
    assert p.search("次氯酸钠溶液[含有效氯>5%]") and not p.search("高度不得超过5米")
    assert figure_pattern("一氧化碳含量多大才算超标？").search("30mg/m3以下")


def test_an_age_limit_asked_is_a_figure_in_years_of_age(knows_all):
    # "有没有年龄上限" asks for an age: a driver's duty to sound the horn gives none
    q = "塔式起重机司机上岗有没有年龄上限？"
    assert figure_pattern(q).search("年满18周岁") and not figure_pattern(q).search("18米")
    needs(knows_all, q, "数字", "吊运时，吊车司机必须鸣笛，严禁同时操作大、小车；", "塔式起重机司机应当年满18周岁。")
    assert figure_pattern("干这个工种多大年纪就不能再干了？").search("60岁")


def test_the_thing_measured_must_be_in_a_sentence_giving_the_figure():
    # 干滩 (unknown to the corpus) is what 长度 is of: 长度超过1.5米的铜管 is another length
    judge = _one_rare_word("干滩", 0)
    q = "尾矿库正常运行时干滩长度最小要求是多少米？"
    pipe = "氧气阀站至氧枪的氧气管道，要在软管接头前设置长度超过1.5米的铜管。"
    needs(judge, q, "干滩", pipe, "尾矿库正常运行时干滩长度不得小于50米。")
    # 高度白酒 is strong liquor, no height: the 38度 of a 白酒库 answers how strong
    q = "酒坊的酒库里存的都是高度白酒，多少度以上的酒库得装酒精浓度探测报警？"
    assert reason(_one_rare_word("库里", 0), q, ["酒精度大于或等于38度的白酒库应安装乙醇浓度探测装置。"]) is None


def test_class_hours_named_before_the_question_word(knows_all):
    # "学时到底要求多少" asks a figure in 学时 as "多少学时" does: "每年至少一次" is none
    q = "注安师每年的继续教育，学时到底要求多少？"
    assert figure_pattern(q).search("不少于24学时") and not figure_pattern(q).search("每年至少进行一次")
    needs(knows_all, q, "数字", "施工单位应当对管理人员和作业人员每年至少进行一次安全生产教育培训。",
          "注册安全工程师每年继续教育不少于24学时。")


def test_what_was_added_needs_a_passage_that_says_so(knows_all):
    q = "危险化学品目录调整后新增了哪些品种？"
    needs(knows_all, q, "新增", "编制本市危险化学品禁止、限制、控制措施目录，经批准后向社会公布并适时调整。",
          "目录调整后新增了氟化氢等5个品种。")


def test_what_is_done_within_a_time_is_not_a_thing_counted(knows_all):
    # "几天内退回去": 退回去 is the act due within the days, not what they count
    judge = _one_rare_word("退回去", 0)
    q = "一车烟花送到地方卸完货，那张道路运输许可证要几天内退回去？"
    assert reason(judge, q, ["烟花爆竹运达目的地后，收货人应当在3日内将《烟花爆竹道路运输许可证》交回发证机关核销。"]) is None


def test_a_count_in_a_question_asking_which_article_is_not_asked():
    # "列举…几种情形的是哪一条": the article is asked; no figure in 种 has to be quoted
    q = "两高的解释里，列举“强令他人违章冒险作业”几种情形的是哪一条？"
    assert figure_pattern(q) is None
    assert figure_pattern("强令他人违章冒险作业有几种情形？") is not None


def test_a_report_to_a_named_body_needs_a_passage_that_names_it(knows_all):
    q = "工业探伤用的放射源丢了，单位要在几个小时内向生态环境部门报告？"
    accident = "单位负责人接到报告后，应当于1小时内向安全生产监督管理部门报告。"
    needs(knows_all, q, "生态环境部门", accident, "放射源丢失的，应当在2小时内向生态环境部门报告。")
    # a short name (监管部门) stands for the longer one the passage uses
    assert reason(knows_all, "发生事故，情况紧急时向监管部门报告的时限是多少？", [accident]) is None


def test_a_sum_asked_as_such_is_any_sum_in_yuan():
    judge = _one_rare_word("金额", 3)
    q = "无锡化工企业因违法受到多少金额以上的行政处罚，就要把安全风险等级提高一级？"
    assert reason(judge, q, ["违反安全生产法律法规受到行政处罚5万元及以上的，自动提高一级。"]) is None
    assert "金额" in reason(judge, q, ["违反安全生产法律法规受到行政处罚的，自动提高一级。"])


def test_the_cause_of_a_named_incident(knows_all):
    judge = _one_rare_word("长峰", 2)
    q = "北京长峰医院火灾的直接原因是什么？"
    listed = "及时处置北京长峰医院火灾、宁夏银川烧烤店燃气爆炸等重特大事故，加快事故调查。"
    assert "原因" in reason(judge, q, [listed])
    assert reason(judge, q, ["北京长峰医院火灾的直接原因是施工中违规动火。"]) is None
    # a general question about accident causes names no incident
    assert reason(knows_all, "生产安全事故的直接原因有哪些？", ["查明事故发生的经过、原因。"]) is None


def test_where_something_is_built_needs_a_named_place(knows_all):
    q = "应急管理大学选址在哪个城市？"
    assert "地点" in reason(knows_all, q, ["合理规划基础设施选址，避免在洪水淹没区建设重要设施。"])
    assert reason(knows_all, q, ["应急管理大学选址在河北省三河市。"]) is None
    assert reason(knows_all, "实训基地建在哪个区县？", ["实训基地建在沙坡头区。"]) is None
    assert reason(knows_all, "实训基地的选址有什么要求？", ["合理规划基础设施选址。"]) is None  # not asking where
    # which district within 西安: 西安 itself, named by the question, does not say
    q = "西安规划的秦岭火灾应急保障基地具体建在哪个区县？"
    assert "地点" in reason(knows_all, q, ["西安市协调配合做好秦岭火灾应急保障基地建设。"])
    assert reason(knows_all, q, ["秦岭火灾应急保障基地建在西安市长安区。"]) is None
    # asked where in general, a place named in the question may still be the answer's setting
    assert reason(knows_all, "山东的应急避难场所一般设在哪？", ["山东省应急避难场所设在学校、公园等场所。"]) is None
    # the document's title (its issuer 中卫市应急管理局) says nothing of where a drill is held
    q = "中卫应急局参加“应急先锋·2023”联合演练是在什么地方举行？"
    title = "2023年应急管理重点工作要点（中卫市应急管理局）"
    held = f"{title} 2023年\n积极参加“应急先锋·2023”联合演练。"
    assert "地点" in knows_all.judge(q, [held], 1.0, primary_title=title).reason
    assert knows_all.judge(q, [held + "演练在沙坡头区举行。"], 1.0, primary_title=title).reason is None
    # "用在哪些地方" asks what a thing is used for, not where
    assert knows_all.missing_location("单元化应急管理用在哪些地方？", "单元化应急管理适用于大型综合体。") is None
    # which places, asked in general: kinds of place listed say where
    q = "单元化应急管理主要在哪些地方搞？"
    listed = "单元化应急管理，是指在化工区、保税港区、大型交通枢纽等特定区域，指定牵头单位统筹协调。"
    assert knows_all.missing_location(q, listed) is None
    assert "地点" in knows_all.missing_location(q, "健全单元化应急管理相关制度。")
    # "在什么区间" asks for a range of figures, not a district
    grades = "较大事故，是指造成3人以上10人以下死亡的事故。"
    assert knows_all.missing_location("死亡人数在什么区间会被定为较大事故？", grades) is None


def test_which_towns_needs_towns_named_other_than_the_questions(knows_all):
    q = "渭滨区的基层应急试点具体是在哪几个镇街搞的？"
    counted = "认真总结渭滨试点工作经验，确保全市99个镇、17个街道办事处和1165个村基本健全，加强镇（街道）应急站建设。"
    assert "镇街" in reason(knows_all, q, [counted])
    assert reason(knows_all, q, ["试点在渭滨区马营镇和神农镇开展。"]) is None


def test_a_threshold_asked_as_达到多少_needs_a_figure_about_it():
    judge = _one_rare_word("瓦斯", 5)
    q = "瓦斯达到多少时必须停止作业、撤出人员？"
    assert "瓦斯" in reason(judge, q, ["瓦斯超限作业的；", "井下作业人员超过30人。"])
    assert reason(judge, q, ["瓦斯浓度达到1.0%时，必须停止作业，撤出人员。"]) is None


def test_common_words_jieba_tags_as_names_are_not_people():
    tk = Tokenizer()
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w in "森林火灾 高温", words=tk.words,
                           pos_words=tk.pos_words, word_freq=tk.word_freq, places=None, out_of_scope=None)
    assert j.unknown_name("热浪要来了，政府得提前张罗好哪些事？") is None  # 张罗: to arrange
    assert j.unknown_name("山上林子烧掉了五十来公顷，算哪一级的林火？") is None  # 林子: woods
    assert "张建国" in j.unknown_name("张建国负责哪些任务？")  # a name: rare in the dictionary
    assert "李娜" in j.unknown_name("李娜是哪个科室的？")  # a common name (438), asked about as a person


def test_a_verb_jieba_does_not_know_is_no_name_when_an_object_follows():
    tk = Tokenizer()
    j = AnswerabilityJudge(doc_freq=lambda w: 5 if w in "矿山 建设项目 科长 三同时" else 0, titles=list,
                           corpus_has=lambda w: w in "矿山 建设项目", words=tk.words, pos_words=tk.pos_words,
                           word_freq=tk.word_freq, places=None, out_of_scope=None)
    # 严审 (严格审查) is tagged a name; it takes 矿山 as its object
    assert j.unknown_name("实行一票否决、严审矿山和危化品建设项目，这件事落在哪些科室头上？") is None
    assert "严审" in j.unknown_name("严审科长负责哪些任务？")  # a post follows a name
    # or a term of the corpus in quotes (jieba tags 三同时 "x"), but not any quoted words
    assert j.unknown_name("引进高危项目要把准入关、严审“三同时”，中卫这项任务落在哪些科室头上？") is None
    assert "严审" in j.unknown_name("严审“好同志”负责哪些任务？")


def test_a_matter_handed_to_a_regulation_the_corpus_lacks(judge):
    handed = "第三十六条 核电厂核事故的应急处置和调查处理，依照《核电厂核事故应急管理条例》的规定执行。"
    q = "核电厂出事故时，场外应急状态分成哪几级？"
    assert "核电厂核事故应急管理条例" in quoting(judge, q, handed)
    assert quoting(judge, "核电厂核事故的应急处置按什么规定执行？", handed) is None
    # asked which article hands it over: that article answers
    assert quoting(judge, "核电厂出了核事故怎么处置，是在第几条交代的？", handed) is None
    # a stored regulation is answered from itself; a referral inside a duty is no hand-over
    stored = "矿山事故的处理，依照《中华人民共和国安全生产法》的规定执行。"
    assert judge.referred_elsewhere(q, stored) is None
    assert judge.referred_elsewhere(q, "依照《核电厂核事故应急管理条例》的规定执行，并及时报告。") is None
    # a standard another body makes says who makes it, not what it is
    made = "预警级别的划分标准由国务院或者国务院确定的部门制定。"
    assert "标准" in judge.referred_elsewhere("突发事件一级红色预警的具体启动标准是怎么划分的？", made)
    assert judge.referred_elsewhere("预警级别的划分标准由谁制定？", made) is None
    # asked which article divides the levels, the article that says who sets the standard answers
    assert judge.referred_elsewhere("突发事件应对法哪一条把预警划分为四个级别？", made) is None
    # likewise a form: who makes it, not what it holds
    form = "《生产经营单位生产安全事故应急预案备案申报表》和《生产经营单位生产安全事故应急预案备案登记表》由国家安全生产应急救援指挥中心统一制定。"
    assert "表格" in judge.referred_elsewhere("生产经营单位应急预案备案申报表上具体要填哪些栏目？", form)
    assert judge.referred_elsewhere("应急预案备案申报表由谁制定？", form) is None


def test_a_plans_deadline_without_a_day_answers_a_time_node_question(knows_all):
    q = "网格化应急管理体系基本健全，给的时间节点是哪天？"
    assert reason(knows_all, q, ["确保到2023年底，全市网格化应急管理体系基本健全。"]) is None
    assert "日期" in reason(knows_all, "示范县是哪天通过验收命名的？", ["确保到2023年底完成创建。"])  # not a deadline


def test_a_hotline_number_is_no_figure(knows_all):
    q = "收集突发环境事件线索用的举报热线号码是多少？"
    assert reason(knows_all, q, ["环境保护主管部门应当建立信息收集系统，通过“12369”环保举报热线收集线索。"]) is None


def test_an_incident_counted_after_最后一共():
    judge = _one_rare_word("积石山", 2)
    q = "甘肃积石山6.2级地震最后一共造成多少人遇难？"
    assert "积石山" in reason(judge, q, ["对甘肃积石山6.2级地震迅速响应、高效有序应对。", "全年因灾死亡失踪691人。"])


def test_a_price_asked_is_not_answered_by_a_fine(knows_all):
    q = "电梯维保公司上门保养一次，收费标准是多少？"
    fine = "未经许可，擅自从事电梯维护保养的，处一万元以上十万元以下罚款。"
    assert "收费" in reason(knows_all, q, [fine])
    assert reason(knows_all, q, ["电梯维护保养的收费标准为每台每月300元。"]) is None
    assert reason(knows_all, "擅自从事电梯维保，罚款是多少？", [fine]) is None  # a fine asked: the fine answers


def test_a_lettered_grade_the_corpus_never_uses_is_not_answered():
    tk = Tokenizer()
    j = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w in "焰火燃放活动实行分级管理。B级燃放活动",
                           words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)
    assert "A级" in j.judge_question("A级大型焰火燃放活动是按什么标准划出来的？").reason
    assert j.judge_question("b级燃放活动由谁审批？").reason is None  # the corpus has it
    assert j.judge_question("焰火燃放活动怎么分级？").reason is None


def test_values_given_for_a_formula_need_a_passage_that_computes(knows_all):
    q = "风险矩阵里可能性L取3、严重性S取4，对应红色还是橙色风险？"
    named = "企业自行评估事故发生的可能性L值和事故后果的严重性S值，对照风险矩阵确定风险等级。"
    assert "取值" in reason(knows_all, q, [named])
    assert reason(knows_all, q, ["风险值R=L×S，R≥12为红色风险，8≤R<12为橙色风险。"]) is None
    assert reason(knows_all, "风险矩阵里的L值和S值怎么确定？", [named]) is None  # no values given
    assert "取值" in reason(knows_all, "L值取3、S值也取3，最后算哪一种颜色的风险？", [named])


def test_a_letters_value_asked_needs_a_passage_that_computes_it(knows_all):
    q = "风险值R算到多少以上就判为红色风险？"
    named = "企业对照风险矩阵计算风险R值，确定安全风险等级。企业安全风险分为4个等级。"
    assert "R的数值" in reason(knows_all, q, [named])
    assert reason(knows_all, q, ["风险值R=L×S，R≥12为红色风险，8≤R<12为橙色风险。"]) is None
    assert reason(knows_all, q, [named, "风险值R达到320分以上的，定为红色风险。"]) is None  # any passage
    assert "R的数值" in reason(knows_all, q, [named, "S取大值，即S=MAX（S1，S2……S5）。"])  # another letter
    # PM2.5, A级 and LNG are no formula's letters
    assert reason(knows_all, "PM2.5浓度多少算重污染？", ["PM2.5日均浓度达到150微克每立方米为重度污染。"]) is None


def test_which_months_need_a_passage_that_names_months(knows_all):
    q = "草原防火期是每年哪几个月？"
    assert "月份" in reason(knows_all, q, ["县级以上地方人民政府应当根据草原火灾发生规律，确定本行政区域的草原防火期。"])
    assert reason(knows_all, q, ["每年9月15日至次年6月15日为草原防火期。"]) is None
    # a duration in 个月 names no month of the year
    assert "月份" in reason(knows_all, q, ["防火期内的检查每3个月进行一次。"])
    # 哪个月 when a thing is held; 哪个月之前 is a deadline, which 年底 answers
    held = ["坚持以练促训、以练为战，积极参加“应急先锋·2023”联合演练。"]
    assert "月份" in reason(knows_all, "“应急先锋·2023”联合演练是在哪个月举行？", held)
    assert reason(knows_all, "联合演练方案哪个月之前要报上来？", ["演练方案于2023年底前报送。"]) is None


def test_an_article_number_is_no_figure():
    from kb.abstain import _has_figure

    assert not _has_figure("第一百零八条 违反本法规定的")  # 百零八条 inside an article number
    assert not _has_figure("依照第5条处理")
    assert _has_figure("本条例共十九条")  # a count of articles is one
    assert _has_figure("处5万元以上10万元以下的罚款")


def test_a_share_of_something_needs_a_figure_of_that_base(knows_all):
    # "按营业收入的百分之几": a share of 年收入 is no share of 营业收入
    q = "安全生产费用按营业收入的百分之几提取？"
    fine = "发生一般事故的，处上一年年收入百分之四十的罚款。"
    assert "营业收入" in reason(knows_all, q, [fine])
    assert reason(knows_all, q, ["安全生产费用按上一年度营业收入的百分之一提取。"]) is None
    assert reason(knows_all, "专职安全管理人员按多大比例配？", ["按照不低于从业人员百分之一的比例配备。"]) is None
    # 其 (the person the question is about) is no part of the base: 上一年年收入 names 年收入
    q = "主要负责人没履行职责导致发生较大事故，按其上一年年收入的多少比例罚款？"
    assert reason(knows_all, q, [fine]) is None


def test_which_bureau_needs_a_sentence_that_names_one(knows_all):
    q = "密室逃脱的安全监管责任清单里，牵头监管部门是哪个局？"
    issued = "出台我市密室逃脱、玻璃栈道等新行业新业态安全监管责任清单。"
    assert "哪个局" in quoting(knows_all, q, issued)
    named = "密室逃脱由市文化和旅游局牵头监管。"
    assert quoting(knows_all, q, named) is None


def test_asking_whether_something_is_legal_names_no_document(judge):
    assert judge.cited_documents("想在朋友圈发条滑坡预告提醒乡亲们，这样做合法吗？") == []
    assert judge.cited_documents("这么干是不是违法？") == []
    assert "安全生产法" in judge.cited_documents("按安全生产法，这样做合法吗？")


def test_a_figure_about_another_kind_of_突发事件_does_not_answer(knows_all):
    q = "较大突发环境事件发生后，环保部门必须在几小时内向上级报告？"
    health = "突发公共卫生事件应急条例 2011年\n突发事件监测机构发现有下列情形之一的，应当在2小时内向所在地县级人民政府卫生行政主管部门报告。"
    assert "突发环境事件" in reason(knows_all, q, [health])
    own = "突发环境事件应急管理办法 2015年\n发生较大突发环境事件的，应当在2小时内向上级环境保护主管部门报告。"
    assert reason(knows_all, q, [health, own]) is None


def test_a_count_of_things_needs_a_figure_next_to_the_thing():
    j = _one_rare_word("储备库", 8)
    q = "应急物资储备规划计划新建几个市级应急物资储备库？"
    other = "全市总体储备基本满足3万人紧急转移安置需求。市级应急物资储备库实行统一管理。"
    assert "储备库" in reason(j, q, [other])
    assert reason(j, q, ["计划新建2个市级应急物资储备库。"]) is None
    assert reason(j, "一年要搞几个月的演练？", ["演练每年集中开展3个月。"]) is None  # 几个月: a unit, no count


def test_an_everyday_thing_counted_needs_a_figure_when_the_passages_name_it_in_full(knows_all):
    # 喇叭 is no rare word, but the passage names 防汛应急喇叭 in full and gives no number of them
    q = "西安今年打算再装多少个防汛应急喇叭？"
    needs(knows_all, q, "喇叭", "推动防汛应急喇叭从重点山区逐步向全域覆盖。", "今年新装防汛应急喇叭300个。")
    # one common word counted (乡镇), which the passages count in their own words (99个镇)
    assert reason(knows_all, "宝鸡要把多少个乡镇纳入网格化管理？", ["全市99个镇、17个街道办事处纳入网格化管理。"]) is None


def test_a_requirement_asked_of_a_specific_thing_needs_a_passage_that_names_it():
    j = _one_rare_word("学历", 1)
    q = "对企业安全总监的学历和工作年限有什么要求？"
    duty = "安全总监专项分管本单位安全生产管理工作。"
    assert "学历" in reason(j, q, [duty])
    assert reason(j, q, [duty, "安全总监应当具备本科以上学历，并具有三年以上安全生产管理工作经历。"]) is None


def test_a_term_of_years_is_required_as_years_or_more():
    """The documents require a 工作年限 as "三年以上…工作经历"; a passage giving none does not answer."""
    q = "深圳的企业想让一个没有注册安全工程师资格的人当安全总监，对学历和工作年限有什么要求？"
    needs(_one_rare_word("年限", 1), q, "年限", "安全总监应当具备本科以上学历。",
          "安全总监应当具备工程经济类专业本科以上学历，并具有三年以上安全生产管理工作经历。")


def test_a_height_asked_is_answered_in_centimetres(knows_all):
    q = "进液的管子口离罐底最多能有多高？"
    assert figure_pattern(q).search("酒精输入管应该在液面之下或容器底部不超过30cm")
    assert figure_pattern(q).search("距离不超过20厘米")


def test_incidents_counted_need_a_figure_about_those_incidents():
    j = _one_rare_word("森林草原", 3)
    q = "2023年全国一共发生了多少起森林草原火灾？"
    other = "2023年累计组织81次应急会商，启动114次应急响应。森林草原火灾起数实现历史最低。"
    assert "森林草原" in reason(j, q, [other])
    assert reason(j, q, ["2023年全年共发生森林草原火灾345起。"]) is None


def test_a_share_asked_as_多少比例_of_a_base_needs_that_base(knows_all):
    q = "企业安全生产费用按照上一年营业收入的多少比例提取？"
    assert "营业收入" in reason(knows_all, q, ["发生一般事故的，处其上一年年收入30%的罚款。"])
    assert reason(knows_all, q, ["按照上一年度营业收入的1.5%提取安全生产费用。"]) is None


def test_a_named_fee_is_not_answered_by_a_fine():
    j = _one_rare_word("审批费", 0)
    q = "申请举办大型群众性活动安全许可，公安机关要收多少审批费？"
    assert "审批费" in reason(j, q, ["未经安全许可的，对承办者处10万元以上30万元以下罚款。"])
    assert reason(j, q, ["安全许可不收取审批费，检测服务收费每次200元，审批费另计0元。"]) is None


def test_the_head_of_a_bureau_is_a_person(judge):
    assert "不记载人员姓名" in reason(judge, "那篇报道里，市应急管理局的一把手是谁？")


def test_a_count_for_a_year_is_not_a_grades_threshold(knows_all):
    q = "2023年全国生产安全事故一共死亡多少人？"
    grades = "2023年\n（三）较大事故，是指造成3人以上10人以下死亡的事故。（四）一般事故，是指造成3人以下死亡的事故。"
    assert "划分等级" in reason(knows_all, q, [grades])
    assert reason(knows_all, q, [grades + "2023年全国共发生生产安全事故，死亡1.9万人。"]) is None
    assert reason(knows_all, "死亡多少人算较大事故？", [grades]) is None  # a threshold is asked


def test_an_insured_sum_is_not_answered_by_a_fine(knows_all):
    q = "给专业应急救援人员买的人身意外伤害保险，每人保额标准是多少？"
    assert reason(knows_all, q, ["应当为专业应急救援人员购买人身意外伤害保险。"]) is not None
    fine = "未为专业应急救援人员购买保险的，处一万元以上五万元以下罚款。"
    assert "保额" in reason(knows_all, q, [fine])
    assert reason(knows_all, q, ["人身意外伤害保险每人保额不低于50万元。"]) is None


def test_incidents_counted_by_kind_need_a_figure_of_that_kind(knows_all):
    q = "2023年全国一共发生了多少起较大生产安全事故？"
    other = "2023年，累计组织81次应急会商，启动114次应急响应。"
    assert "安全事故" in reason(knows_all, q, [other])
    assert reason(knows_all, q, [other + "2023年全国共发生较大生产安全事故120起。"]) is None


def test_a_figure_about_another_permit_does_not_answer(knows_all):
    q = "危险化学品经营许可证的有效期是几年？"
    other = "第九条 安全生产许可证的有效期为3年。相关许可证件复印件的保存期限不得少于1年。"
    assert "经营许可证" in reason(knows_all, q, [other])
    assert reason(knows_all, q, [other + "危险化学品经营许可证的有效期为3年。"]) is None
    # nor is a fireworks shop's 零售许可证 (its term is not the 安全生产许可证's three years)
    q = "开个卖鞭炮的小门店，拿到的零售许可证能管几年？"
    other = "安全生产许可证有效期届满时，经原颁发管理机关同意，安全生产许可证有效期延期3年。"
    needs(knows_all, q, "零售许可证", other, "零售许可证的有效期为2年。")


def test_tens_of_thousands_asked_is_a_count_of_people():
    assert figure_pattern("救灾物资储备要满足多少万人紧急转移安置的需要？").search("基本满足3万人紧急转移安置需求")
    assert figure_pattern("办一场几千人的演唱会，最晚什么时候递申请？") is None  # 几千人 tells, not asks


def test_a_share_asked_as_占比达到多少_is_a_percentage():
    p = figure_pattern("受旱耕地面积占比达到多少才算严重干旱？")
    assert p.search("受旱面积占耕地面积40%以上") and not p.search("分为轻度干旱、中度干旱、严重干旱、特大干旱四级")


def test_which_grade_is_answered_by_the_grades_name(knows_all):
    q = "货车掉道把繁忙干线堵了七个多小时，没有伤亡，这种算几级？"
    assert reason(knows_all, q, ["中断繁忙干线铁路行车6小时以上的，为较大事故。"]) is None
    assert figure_pattern("预警分几级？").search("预警级别分为一级、二级、三级和四级")


def test_millimetres_and_minutes_are_units_of_their_kind():
    p = figure_pattern("暴雨红色预警对应3小时降雨量超过多少毫米？")
    assert p.search("3小时内降雨量将达100毫米以上") and p.search("降雨量达50mm") and not p.search("预警信号分为四级")
    assert figure_pattern("一次最多能在里面待多久？").search("进入一次的时间应小于20min")


def test_papers_asked_for_must_be_listed(knows_all):
    """"要交哪几份材料": a passage that says only "提交规定的材料" names no paper; one that lists them does."""
    q = "公众聚集场所走告知承诺办消防安全检查，具体要交哪几份材料？"
    said = "建设单位或者使用单位应当申请消防安全检查，作出承诺，提交规定的材料，并对其承诺和材料的真实性负责。"
    assert "材料" in reason(knows_all, q, [said])
    listed = "托运人应当提交下列有关材料：（一）承运人从事危险货物运输的资质证明；（二）驾驶员的资格证明。"
    assert reason(knows_all, q, [listed]) is None


def test_a_serial_number_is_read_off_a_table_row():
    """"序号是多少" is answered by the row "1688 氰化钠 山奈 143-33-9 剧毒", which never says 序号."""
    q = "山奈（氰化钠）在危险化学品目录里有没有被标注为剧毒？序号是多少？"
    assert reason(_one_rare_word("序号", 3), q, ["1688 氰化钠 山奈 143-33-9 剧毒"]) is None
    # a figure named by a thing of its own still needs that thing (the catalogue gives no UN number)
    judge = _one_rare_word("编号", 1)
    assert judge.missing_amount("汽油对应的联合国编号是多少？", ["1630 汽油 86290-81-5"]) is not None


def test_things_listed_together_need_their_own_figure():
    """"帐篷和折叠床各储备了多少": nouns the corpus never uses, listed together, name things (not how
    people talk), so a passage with some other figure does not give their amounts."""
    tk = Tokenizer()
    unknown = {"帐篷", "折叠床"}
    judge = AnswerabilityJudge(doc_freq=lambda w: 0 if w in unknown else 100, titles=list,
                               corpus_has=lambda w: w not in unknown, words=tk.words, pos_words=tk.pos_words,
                               places=None, out_of_scope=None)
    q = "市级救灾物资储备里，帐篷和折叠床各储备了多少？"
    other = ["全市总体储备基本满足3万人紧急转移安置需求。"]
    assert "折叠床" in reason(judge, q, other)
    assert reason(judge, q, ["市级储备折叠床2000套、帐篷500套。"]) is None
    # one such noun alone may be a colloquial word: the passages' figure is taken to answer it
    assert judge.missing_amount("仓库里的折叠床储备了多少？", other) is None


def test_a_major_hazard_of_a_trade_needs_that_trades_standard():
    """"尾矿库…算不算非煤矿山的重大事故隐患": the 金属非金属矿山 standard judges it, and laws that
    mention 尾矿库 do not; with that standard stored, the question is answerable."""
    tk = Tokenizer()

    def judge_with(titles):
        return AnswerabilityJudge(doc_freq=lambda w: 100, titles=lambda: titles, corpus_has=lambda w: True,
                                  words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)

    coal = judge_with(["煤矿重大生产安全事故隐患判定标准", "中华人民共和国矿山安全法"])
    q = "尾矿库最小干滩长度不够，算不算非煤矿山的重大事故隐患？"
    assert "金属非金属矿山" in coal.judge_question(q).reason
    assert "城镇燃气" in coal.judge_question("城镇燃气的重大隐患判定标准文号是多少？").reason
    assert coal.judge_question("煤矿超层越界开采算不算重大事故隐患？").reason is None
    assert coal.judge_question("尾矿库闭库后可能引起的危害要采取什么措施？").reason is None  # no major hazard asked
    mines = judge_with(["金属非金属矿山重大事故隐患判定标准"])
    assert mines.judge_question(q).reason is None


def test_a_count_of_crates_needs_a_figure_in_crates(knows_all):
    q = "烟花爆竹零售店的限制存放量一般核定多少箱？"
    assert "数字" in reason(knows_all, q, ["许可证应当载明经营负责人、经营场所地址、烟花爆竹种类和限制存放量。"])
    assert reason(knows_all, q, ["零售店限制存放量不得超过30箱。"]) is None
    # "把几箱鞭炮寄回去": a few crates, stated; the question asks whether it is allowed
    assert reason(knows_all, "过年想把几箱鞭炮发快递寄回老家，行不行？", ["禁止邮寄烟花爆竹。"]) is None


def test_a_wind_force_is_not_a_grade(knows_all):
    q = "台风橙色预警信号的发布标准是几级风？"
    assert reason(knows_all, q, ["预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示。"]) is not None
    assert reason(knows_all, q, ["平均风力可达10级以上的大风。"]) is None
    # asked as 多大风力: likewise a force in 级, which colours of warning levels do not give
    q = "台风蓝色、黄色、橙色、红色预警信号分别对应多大风力？"
    assert reason(knows_all, q, ["预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示。"]) is not None
    assert reason(knows_all, q, ["蓝色预警信号：平均风力可达6级以上。"]) is None


def test_grades_quoted_must_be_of_the_thing_asked(knows_all):
    q = "网络安全事件分为几个等级？"
    assert "网络安全事件" in reason(knows_all, q, ["事故等级分为特别重大事故、重大事故、较大事故和一般事故。"])
    assert reason(knows_all, q, ["网络安全事件分为四级：特别重大网络安全事件、重大网络安全事件、较大网络安全事件和一般网络安全事件。"]) is None
    # graded by some measure, and the thing is the whole noun run: another kind of 事件's grades are not its
    q = "网络安全事件按严重程度分几个等级，各是什么标准？"
    warnings = "突发事件的预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示。"
    assert "网络安全事件" in reason(knows_all, q, [warnings])
    # asked how, not into how many
    q = "网络安全事件怎么分级，特别重大网络安全事件的认定标准是什么"
    assert "网络安全事件" in reason(knows_all, q, ["突发事件分为特别重大、重大、较大和一般四级。突发事件的分级标准由国务院制定。"])
    assert reason(knows_all, q, ["网络安全事件分为四级：特别重大网络安全事件、重大网络安全事件、较大网络安全事件和一般网络安全事件。"]) is None
    # its grades asked how divided: "衔级是怎么划分的" (jieba tags 衔级 a verb) is no 应急响应级别
    q = "消防指战员的衔级是怎么划分的，最高一级叫什么？"
    response = "应急响应级别分为一级、二级、三级和四级，一级为最高级别。"
    assert "衔级" in reason(knows_all, q, [response])
    assert reason(knows_all, "突发事件的应急响应级别是怎么划分的？", [response]) is None


def test_a_title_cited_says_nothing_of_the_figure():
    """落实《…销号实施办法》 names 销号 but gives no time for it; the 百日 of the same sentence is a campaign's."""
    q = "重大隐患从挂牌到销号最长给多少天？"
    cited = "严格落实《自治区生产安全事故隐患排查、整改、督导、销号实施办法（试行）》，巩固安全生产百日专项整治成果。"
    needs(_one_rare_word("销号", 2), q, "销号", cited, "重大隐患自挂牌之日起60天内完成整改销号。")


def test_rules_left_to_be_made_do_not_say_what_they_are(knows_all):
    said = "专职安全生产监督检查员的招聘、培训、管理、考核和奖惩等具体办法，由市应急管理部门另行制定。"
    q = "深圳的专职安全生产监督检查员怎么招聘，待遇和考核标准是什么？"
    assert "另行制定" in knows_all.referred_elsewhere(q, said)
    # who makes them is what the sentence says
    assert knows_all.referred_elsewhere("专职安全生产监督检查员的招聘办法由哪个部门制定？", said) is None


def test_the_thing_counted_is_not_a_particle():
    """"多少天内交": 内 belongs to the time limit; 交 is a verb, not a thing the figure must name
    (jieba tags 内交 a noun, which no passage uses)."""
    q = "生产安全事故调查报告最迟要在事故发生后多少天内交？"
    judge = _one_rare_word("内交", 0)
    assert reason(judge, q, ["事故调查组应当自事故发生之日起60日内提交事故调查报告。"]) is None


def test_a_rank_asked_as_第几号_is_no_date(knows_all):
    assert knows_all.missing_date("氰化钠排第几号？", "1688 氰化钠 山奈 143-33-9 剧毒") is None
    assert knows_all.missing_date("演练定在几号？", "组织开展应急演练。") is not None


def test_a_year_and_month_asked_needs_both(knows_all):
    """"战略合作协议是哪年哪月签订的" (blind104 dc89): a mention of the agreement gives no month."""
    q = "西安市应急管理局和京东集团的战略合作协议是哪年哪月签订的？"
    assert "年月" in knows_all.missing_date(q, "加强与京东集团沟通联系，以战略合作协议为纽带。")
    assert "年月" in knows_all.missing_date(q, "2023年，双方签订战略合作协议。")
    assert knows_all.missing_date(q, "2023年5月，双方签订战略合作协议。") is None


def test_a_count_of_times_is_given_in_次():
    """次数 is what the figure measures, like 金额: "出现了57次" answers (blind101 cz67), however
    rarely the corpus writes the word."""
    q = "规划建议全文出现“安全”二字的次数是多少？"
    assert reason(_one_rare_word("次数", 1), q, ["规划建议中，“安全”一词出现了57次。"]) is None


def test_a_figure_for_the_cases_another_article_lists_is_said_of_them():
    """"医院发现不明原因群体性疾病后，最迟多长时间内…报告" (blind102 da74): 第二十条 gives the 2 hours
    for "本条例第十九条规定情形", and 第十九条, among the passages, lists the 群体性疾病."""
    from kb.abstain import _said_with_figure

    hours = figure_pattern("最迟多长时间内要报告？")
    art20 = "第二十条 医疗卫生机构发现有本条例第十九条规定情形之一的，应当在2小时内向县级卫生行政主管部门报告。"
    art19 = "第三章 报告与信息发布\n第十九条 有下列情形之一的，应当报告：\n(二)发生或者发现不明原因的群体性疾病的；"
    assert _said_with_figure("疾病", [art20, art19], hours)
    assert not _said_with_figure("疾病", [art20], hours)  # the article pointed to is not there
    assert not _said_with_figure("疾病", [art20, art19.replace("第十九条", "第十八条")], hours)
    assert not _said_with_figure("疾病", [art20.replace("2小时内", "及时"), art19], hours)  # no figure


def test_the_day_a_counted_period_starts_from_is_an_event_not_a_date(knows_all):
    """"调查期限是多少天？从哪天开始算": "自事故发生之日起计算" answers (blind103 db88)."""
    q = "铁路交通较大事故的调查期限是多少天？从哪天开始算？"
    assert knows_all.missing_date(q, "（三）较大事故的调查期限为20日；事故调查期限自事故发生之日起计算。") is None
    assert knows_all.missing_date(q, "（三）较大事故的调查期限为20日。") is not None  # where it starts is not said
    # without a period asked, 从哪天算起 asks a calendar date
    assert knows_all.missing_date("每年汛期从哪天算起？", "自入汛之日起实行24小时值班。") is not None


def test_a_word_the_corpus_says_with_的_is_not_another_departments():
    tk = Tokenizer()
    text = "禁止在托运的行李、包裹、邮件中夹带烟花爆竹。"
    judge = AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: w in text, words=tk.words,
                               pos_words=tk.pos_words, places=None)
    assert judge.out_of_scope("烟花能塞在托运行李里带回去吗？") is None
    assert "民用航空" in judge.out_of_scope("坐飞机的行李额超了怎么收费？")


def test_a_kind_of_rules_is_no_title(judge):
    """"按地方条例" names a kind of rules, as "该条例" points back to one: no 《地方条例》 is missing."""
    assert judge.unknown_document("山东一家一百二十来人的危化品企业，按地方条例要不要专门设个安全总监？") is None
    assert judge.unknown_document("按相关法规，企业要不要设安全总监？") is None
    assert "劳动合同法" in judge.unknown_document("劳动合同法对试用期有什么规定？")


def test_a_letters_range_needs_its_bounds(knows_all):
    q = "无锡化工企业风险评估里，R值落在什么区间算红色风险？"
    said = "计算风险R值，确定安全风险等级。"
    assert "R" in knows_all.missing_formula(q, said, [said])
    assert knows_all.missing_formula(q, "R≥320为红色风险。", ["R≥320为红色风险。"]) is None


def test_an_area_asked_needs_a_figure_in_units_of_area(knows_all):
    q = "草原着火烧了多大面积才够得上重大草原火灾？"
    assert "数字" in reason(knows_all, q, ["在草原防火期内，出现高温、干旱、大风等高火险天气时，划定草原防火管制区。"])
    assert reason(knows_all, q, ["受害草原面积8000公顷以上的，为重大草原火灾。"]) is None


def test_how_many_grades_needs_the_grades(knows_all):
    q = "焰火晚会分几个危险等级，每一级分别由哪级公安审批？"
    assert "哪几级" in reason(knows_all, q, ["举办焰火晚会，应当确定危险等级，实行分级管理。"])
    assert reason(knows_all, q, ["焰火晚会的危险等级分为A级、B级、C级、D级。"]) is None
    # the grades named, then counted: "分为轻度干旱、中度干旱、严重干旱、特大干旱四级"
    drought = "干旱灾害按照受旱的面积与程度，分为轻度干旱、中度干旱、严重干旱、特大干旱四级。"
    needs(knows_all, "干旱灾害按程度一共分几个等级？", "哪几级", "干旱灾害的等级划分由抗旱预案规定。", drought)


def test_the_line_between_grades_needs_a_figure_that_draws_it(knows_all):
    q = "草原火灾按烧掉的草场面积和伤亡人数，特别重大、重大、较大、一般各是怎么划线的？"
    named = "草原火灾根据受害草原面积、伤亡人数等，分为特别重大、重大、较大、一般四个等级。具体划分标准由国务院草原行政主管部门制定。"
    needs(knows_all, q, "界限", named, "草原火灾分为：（一）一般草原火灾：受害草原面积10公顷以下的；")
    # another thing's lines (森林火灾's 1公顷以下) are not the lines of the thing asked
    forest = "森林火灾分为：（一）一般森林火灾：受害森林面积在1公顷以下的，或者死亡1人以上3人以下的；"
    assert "界限" in reason(knows_all, q, [named, forest])
    assert reason(knows_all, q.replace("草原", "森林"), [forest]) is None
    assert reason(knows_all, "草原火灾分为特别重大、重大、较大、一般四个等级吗？", [named]) is None  # lines not asked


def test_a_threshold_word_is_no_thing_with_a_figure_of_its_own():
    # 界限 (门槛), rare in the corpus, is what the figure is; the death toll asked is given without it
    q = "生产安全事故分为特别重大、重大、较大和一般，各自的死亡人数界限是多少？"
    grades = "根据生产安全事故造成的人员伤亡，事故分为：（一）特别重大事故，是指造成30人以上死亡的事故；"
    assert reason(_one_rare_word("界限", 3), q, [grades]) is None


def test_criteria_asked_need_a_sentence_that_defines(knows_all):
    q = "重大网络安全事件的判定标准是什么？"
    assert "判定标准" in reason(knows_all, q, ["通信运营企业应当防范网络攻击，避免发生重大网络安全事件。"])
    assert reason(knows_all, q, ["重大网络安全事件，是指造成重大影响的事件。"]) is None
    assert reason(knows_all, q, ["无关的段落。"]) is None  # a thing no passage names: left to the other checks


def test_a_rulebook_only_to_be_made_has_no_content(knows_all):
    q = "应急管理部说要制定的化工企业异常工况安全处置准则，里面规定了哪些处置步骤？"
    planned = "危化品方面要制定化工企业异常工况安全处置准则，严控高危区域人员聚集数量。"
    assert "要制定" in reason(knows_all, q, [planned])
    issued = "化工企业异常工况安全处置准则规定了报警、隔离、停车三个步骤。"
    assert reason(knows_all, q, [planned, issued]) is None
    # a 暂行规定, named after 那份, and made with its issuer's field before it (制定应急管理…)
    q = "应急管理部那份行政裁量权基准暂行规定，把罚款裁量具体分成了几个档次？"
    assert "要制定" in reason(knows_all, q, ["制定应急管理行政裁量权基准暂行规定和安全生产严重失信主体名单管理办法。"])
    # one of a list of things a 清单 is to be made for, named with the others before it
    q = "西安出台的密室逃脱行业安全监管责任清单里，对疏散通道有哪些具体要求？"
    assert "要制定" in reason(knows_all, q, ["出台我市密室逃脱、玻璃栈道等新行业新业态安全监管责任清单。"])
    # a passage that says what is to be done with the thing asked about is no such list
    q = "乡镇一堆专项预案建议怎么整合？"
    assert reason(knows_all, q, ["完善基层应急预案体系,推动乡镇(街道)专项预案“多案合一”。"]) is None


def test_how_a_figure_is_worked_out_needs_the_thing_worked_out(knows_all):
    q = "旅游景区节假日的最大游客承载量按什么方法核定？"
    needs(knows_all, q, "承载量", "场内专用机动车辆，是指仅在工厂厂区、旅游景区等特定区域使用的专用机动车辆。",
          "景区最大承载量按照景区核心区域面积除以人均占地面积核定。")
    assert "承载量" in reason(knows_all, "景区游客承载量是怎么核定的？", ["旅游景区应当配备安全设施。"])
    # a rate asked for what jieba tags a verb (保费): the passage must name it
    q = "化工企业投保安责险，保费按什么费率算？"
    needs(knows_all, q, "保费", "推进高危行业领域全覆盖投保安全生产责任保险。", "保费按照保险金额乘以费率计算。")


def test_a_word_modifying_a_phrase_the_thesaurus_knows_is_not_another_departments():
    """户口所在地 is where one's 户籍 is (the thesaurus maps it to 户籍所在地): a place for a 职业病
    diagnosis, not 公安户籍 business; 燃气热水器 is still a 热水器, which the 住建 list names."""
    tk = Tokenizer()
    judge = AnswerabilityJudge(doc_freq=lambda w: 100, titles=list, corpus_has=lambda w: False, words=tk.words,
                               pos_words=tk.pos_words, places=None, everyday=lambda w: w in ("户口所在地", "燃气热水器"))
    assert judge.out_of_scope("能不能回老家户口所在地的医院做职业病诊断？") is None
    assert "公安" in judge.out_of_scope("户口迁到外地要办什么手续？")
    assert "住房和城乡建设" in judge.out_of_scope("家里的燃气热水器能不能装在卫生间里？")


def test_a_hazard_standard_named_without_quotes():
    """jieba cuts 判定标准 into two words: the name is the noun run before it, and one for an industry no
    stored standard covers is missing; "两个重大隐患判定标准" and "多少项…判定标准" name none."""
    tk = Tokenizer()
    titles = ["煤矿重大生产安全事故隐患判定标准", "化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）",
              "烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）"]
    judge = AnswerabilityJudge(doc_freq=lambda w: 100, titles=lambda: titles, corpus_has=lambda w: True,
                               words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)
    q = "金属非金属地下矿山重大事故隐患判定标准里，安全出口不符合要求具体包括哪些情形？"
    assert "金属非金属地下矿山重大事故隐患判定标准" in judge.unknown_document(q)
    assert judge.unknown_document("按2015年那版煤矿重大隐患判定标准，产能多出多少算超产？") is None
    assert judge.unknown_document("有关部门制定了多少项重大事故隐患判定标准？") is None
    assert judge.unknown_document("化工和烟花爆竹两个重大隐患判定标准对主要负责人都有要求吗？") is None
    # an aside in brackets inside the name is part of it
    q = "金属非金属矿山（非煤矿山）重大事故隐患判定标准规定了哪些情形？"
    assert "金属非金属矿山重大事故隐患判定标准" in judge.unknown_document(q)
    assert judge.unknown_document("化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）有几条？") is None


def test_a_fine_asked_after_a_comma_is_about_the_clause_before():
    """"电动自行车推到楼道里充电会被罚款吗，罚多少": the thing fined is in the clause before the comma;
    a fine for transporting explosives is none for it."""
    judge = _one_rare_word("自行车", 2)
    q = "电动自行车推到楼道里充电会被罚款吗，罚多少？"
    assert "自行车" in judge.missing_quantity(q, ["经由道路运输民用爆炸物品的，处5万元以上20万元以下的罚款。"])
    assert judge.missing_quantity(q, ["在楼道内为电动自行车充电的，处200元以上1000元以下的罚款。"]) is None


def test_a_verb_that_is_also_a_surname_before_a_common_noun_is_no_name():
    """jieba tags 付现金 as a name (付 is a surname); 现金 is a common word the corpus uses."""
    tk = Tokenizer()
    text = "购买民用爆炸物品，应当通过银行账户进行交易，不得使用现金或者实物进行交易。"
    j = AnswerabilityJudge(doc_freq=lambda w: 3 if w in text else 0, titles=list, corpus_has=lambda w: w in text,
                           words=tk.words, pos_words=tk.pos_words, word_freq=tk.word_freq, places=None,
                           out_of_scope=None)
    assert j.unknown_name("矿上买炸药雷管，可以直接付现金或者拿东西抵吗") is None
    assert "张建国" in j.unknown_name("张建国是哪个科室的？")


def test_a_division_by_a_named_basis_needs_that_basis(knows_all):
    q = "尾矿库的等别是按坝高和库容怎么划分的？"
    assert "坝高、库容" in reason(knows_all, q, ["推进尾矿库综合治理工程，建立健全风险隐患排查整治长效机制。"])
    assert reason(knows_all, q, ["尾矿库各使用期的设计等别，按其全库容和坝高分为五等。"]) is None
    # a generic basis (严重程度) is no word the passage must repeat
    assert reason(knows_all, "干旱按严重程度怎么划分？", ["干旱灾害分为轻度干旱、中度干旱、严重干旱、特大干旱四级。"]) is None
    # a scheme named in words of its own: any of them in the passage will do
    assert knows_all.missing_basis("车间爆炸死了4个人，按国家的生产安全事故分级算哪一档？",
                                   "根据生产安全事故造成的人员伤亡或者直接经济损失，事故一般分为以下等级") is None


def test_the_basis_asked_for_must_be_of_the_thing_asked():
    judge = _one_rare_word("尾矿库", 2)
    q = "尾矿库的风险等级是按什么标准划分的？"
    assert "尾矿库" in reason(judge, q, ["企业依据取值标准计算风险R值，确定安全风险等级。"])
    assert reason(judge, q, ["尾矿库的风险等级依据取值标准计算风险R值确定。"]) is None


def test_papers_listed_must_be_of_the_procedure_asked():
    judge = _one_rare_word("延期", 3)
    q = "安全生产许可证申请延期时需要提交哪些材料？"
    assert "延期" in reason(judge, q, ["生产经营单位申报应急预案备案，应当提交下列材料：（一）应急预案备案申报表；（二）评审意见。"])
    assert reason(judge, q, ["申请延期的，应当提交下列材料：（一）延期申请书；（二）安全生产许可证副本。"]) is None


def test_a_wind_force_asked_after_its_grade_word(knows_all):
    q = "台风橙色预警信号对应的是几级以上的风力？"
    assert figure_pattern(q).search("平均风力可达10级以上") and not figure_pattern(q).search("分为一级、二级、三级和四级")
    assert reason(knows_all, q, ["预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示。"]) is not None
    assert reason(knows_all, q, ["平均风力可达10级以上的大风。"]) is None


def test_a_decimal_asked_as_零点几_needs_a_decimal(knows_all):
    q = "亿元GDP事故死亡率指标到底是零点几？"
    assert figure_pattern(q).search("控制在0.035以内") and not figure_pattern(q).search("下降5%")
    assert reason(knows_all, q, ["确保亿元GDP生产安全事故死亡率控制在自治区下达的指标以内。"]) is not None
    assert reason(knows_all, q, ["亿元GDP生产安全事故死亡率控制在0.035以内。"]) is None


def test_who_decides_a_date_is_not_a_date_question(knows_all):
    passage = ["省、自治区、直辖市人民政府防汛指挥机构根据当地的洪水规律，规定汛期起止日期。"]
    assert reason(knows_all, "每年汛期从哪天算起、到哪天结束，这个是谁来定的？", passage) is None
    assert "日期" in reason(knows_all, "每年汛期从哪天算起、到哪天结束？", passage)
    assert reason(knows_all, "每年汛期从哪天开始到哪天结束，是谁来定的？", passage) is None  # no 这个 before it
    assert "日期" in reason(knows_all, "每年汛期从哪天开始到哪天结束，谁知道？", passage)  # who knows, not who decides
    # or which level of body decides it
    assert reason(knows_all, "汛期从哪天算到哪天，是由哪一级机构来定的？", passage) is None
    assert reason(knows_all, "汛期从哪天算到哪天，由哪级政府规定？", passage) is None


def test_other_departments_venues_and_campaigns(judge):
    assert "体育部门" in reason(judge, "滑雪场雪道安全防护网的设置标准是什么？")
    assert "教育部门" in reason(judge, "中小学暑期防溺水工作有哪些硬性要求？")
    assert "交通运输部门" in reason(judge, "地铁站台屏蔽门夹人故障的应急处置流程是什么？")
    assert "海事管理机构" in reason(judge, "内河两艘货船相撞，事故调查由哪个部门负责？")
    assert "文化和旅游部门" in reason(judge, "驴友私自进未开发山区遇险，救援费用要不要自己掏？")
    assert "公安交通管理部门" in reason(judge, "酒后驾驶机动车第一次被查到，会被罚多少钱？")
    assert "海事管理机构" in reason(judge, "船舶在港口发生溢油，清污费用由谁承担？")
    assert judge.out_of_scope("消防车出警经过高速收费站，需要交过路费吗？") is None  # a fire engine's toll is ours


def test_够得上_is_no_part_of_a_title(judge):
    # jieba tags 够得上 as an idiom (l), which the title walk took for a noun: 《够得上刑法》
    assert not any("够得上" in c for c in judge.cited_documents("这够得上刑法上说的“情节严重”吗？"))
    assert not any("算得上" in c for c in judge.cited_documents("这算得上消防法说的重大火灾隐患吗？"))


def test_a_verb_between_a_modal_and_a_verb_is_no_name():
    # jieba's dictionary tags 张榜 (to post a notice) as a name; 要不要…公示 makes it a verb
    tk = Tokenizer()
    judge = AnswerabilityJudge(doc_freq=lambda w: 0 if w == "张榜" else 5, titles=list, corpus_has=lambda w: w != "张榜",
                               words=tk.words, pos_words=tk.pos_words, word_freq=tk.word_freq, places=None, out_of_scope=None)
    assert judge.unknown_name("灾后房屋重建补助名单要不要张榜公示？") is None
    assert judge.unknown_name("这件事张榜负责吗？") == "知识库中没有提到“张榜”"


def test_hours_of_study_named_after_what_they_count():
    # jieba cuts 继续教育学时 as 继续 / 教育学 / 时: the unit is read from the text
    assert figure_pattern("注安师办延续注册之前需要修满多少继续教育学时？").search("每年不少于16学时")
    assert not figure_pattern("注安师办延续注册之前需要修满多少继续教育学时？").search("每3年复审一次")


def test_a_few_kinds_are_counted_by_a_list(knows_all):
    q = "政府发的警报有红橙黄蓝几种，哪个颜色代表情况最严重？"
    assert figure_pattern(q).search("分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示")
    assert not figure_pattern(q).search("预警信息应当及时发布")
    # many kinds (多少种) are a number, not a list: a table's rows count nothing
    assert not figure_pattern("目录里一共有多少种化学品？").search("甲醇、乙醇和丙酮")


def test_几_in_a_yes_or_no_question_is_a_few(knows_all):
    assert figure_pattern("楼主体还没完工，能先腾几层给工人当集体宿舍住不？") is None
    assert figure_pattern("能先腾几层给工人住吗？") is None
    assert figure_pattern("这栋楼最多能住几层？") is not None
    # asked A-not-A: 行不行, 能不能 at the end
    assert figure_pattern("过年想给老家亲戚快递几箱鞭炮，或者夹在行李里托运，行不行？") is None
    assert figure_pattern("一次能在仓库里放几箱鞭炮？") is not None
    # asked 能不能 before it
    assert figure_pattern("快封顶的楼能不能先腾几层给工人住？") is None
    assert figure_pattern("能不能说说这栋楼最多能住几层？") is not None  # asking how many, after it


def test_a_title_naming_the_amendment_it_lacks_is_not_of_that_year(judge):
    text = "生产安全事故应急预案管理办法（2016年修订，未含2019年修正） 2016年\n第二十三条 应急预案的评审应当注重基本要素的完整性。"
    assert "2019" in judge.missing_year("应急预案管理办法2019年修正后，预案评审要求改了哪些内容？", text)
    assert judge.missing_year("应急预案管理办法2016年修订后，预案评审要求是什么？", text) is None


def test_a_count_per_period_needs_a_count_for_that_period(knows_all):
    q = "中小学每学期至少要组织几次应急疏散演练？"
    assert "每学期" in reason(knows_all, q, ["本办法第十一条规定的单位，每年至少组织开展一次应急演练。"])
    assert reason(knows_all, q, ["学校每学期至少组织2次应急疏散演练。"]) is None
    assert reason(knows_all, "生产经营单位每年至少组织几次演练？", ["每年至少组织开展一次应急演练。"]) is None


def test_degrees_asked_with_多高_are_degrees_not_heights(knows_all):
    q = "存原酒的库房，度数多高的白酒就必须配乙醇浓度报警探头？"
    assert figure_pattern(q).search("酒精度大于或等于38度的白酒库应安装乙醇浓度探测装置")
    assert not figure_pattern(q).search("接地点沿储罐周长的间距不宜大于30m")
    assert figure_pattern("储罐离地多高？").search("不大于30cm")


def test_the_act_done_once_is_not_the_modal_after_it():
    tk = Tokenizer()
    judge = AnswerabilityJudge(doc_freq=lambda w: 5, titles=list, corpus_has=lambda w: w not in ("得来", "换证", "入户"),
                               words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None)
    passages = ["实行每日防火巡查，并建立巡查记录；每3年复审1次。"]
    # 巡查多久得来一次: 巡查 is what is done, and the corpus says it; 得来 is no act
    assert reason(judge, "被列为重点单位之后，日常巡查多久得来一次？", passages) is None
    assert "换证" in reason(judge, "每隔几年得复审换证一次？", passages)
    # or what is done, named after 一次: 入户 is a word the corpus never uses (漏不 of 漏不漏电 is no noun)
    assert "入户" in reason(judge, "瓶装液化气公司给居民送气，多久要上门做一次入户安全检查？", ["减压站防雷设施每半年检测一次。"])
    assert reason(judge, "车间里能挪动的电器，多久要测一次漏不漏电？", ["至少每3个月进行一次绝缘电阻检测。"]) is None


def test_a_rate_per_one_unit_needs_a_figure_per_unit(knows_all):
    q = "井工煤矿提安全费用，现在的标准是一吨煤提几块钱？"
    no_rate = ["第五十六条 违反本条例规定的，处5万元以上10万元以下的罚款。"]
    assert "每吨" in reason(knows_all, q, no_rate)
    assert reason(knows_all, q, ["井工煤矿每吨15元提取安全费用。"]) is None
    assert reason(knows_all, "一次罚几块钱？", no_rate) is None  # 一次 is no unit of a rate


def test_a_counted_set_asked_with_都包括什么_needs_its_members(knows_all):
    q = "部长论坛上推出的那14项合作举措都包括什么？"
    assert "14项合作举措" in reason(knows_all, q, ["成功举办部长论坛，建立相关合作机制，推出14项合作举措。"])
    assert reason(knows_all, q, ["推出14项合作举措，包括建立灾害信息共享机制、联合培训等。"]) is None


def test_hours_at_a_stretch_are_no_frequency(knows_all):
    q = "拉危险货物的罐车司机，一次最长能连续开几个小时？"
    assert not figure_pattern(q).search("氢气储罐防雷接地装置每半年至少检查、测量一次。")
    assert figure_pattern(q).search("连续驾驶4小时应当停车休息")
    assert figure_pattern("防雷装置多长时间检测一次？").search("每半年至少检查、测量一次")


def test_a_number_asked_for_is_in_the_sentence_quoted(knows_all):
    q = "在海上遇险了，水上搜救的专用求救电话是多少？"
    passage = "市应急联动中心通过“110”报警服务台受理突发事件报警。海上搜救工作由上海海上搜救中心负责组织、指挥。"
    quoted = "海上搜救工作由上海海上搜救中心负责组织、指挥。"
    assert "电话号码" in quoting(knows_all, q, quoted, passage)
    assert quoting(knows_all, q, "市应急联动中心通过“110”报警服务台受理突发事件报警。", passage) is None


def test_food_samples_are_market_regulation(judge):
    assert "市场监督管理部门" in reason(judge, "餐馆食品留样要保存多少小时以上？")
    assert "文化和旅游部门" in reason(judge, "节假日旅游景区的最大承载量是按什么方法核定的？")


def test_a_day_counted_back_from_an_event_answers_by_which_day(knows_all):
    q = "办一场大型音乐节，主办方最迟哪天之前要向公安提安全许可申请？"
    assert reason(knows_all, q, ["承办者应当在活动举办日的20日前提出安全许可申请。"]) is None
    assert "日期" in reason(knows_all, q, ["公安机关应当自受理之日起7日内进行审查。"])


def test_a_specific_number_asked_needs_a_number_in_the_sentence(knows_all):
    q = "亿元GDP事故死亡率要压到具体哪个数以下？"
    assert "具体数值" in quoting(knows_all, q, "二是确保亿元GDP生产安全事故死亡率控制在自治区下达的指标以内；")
    assert quoting(knows_all, q, "亿元GDP生产安全事故死亡率控制在0.02以下；") is None
    assert knows_all.missing_number("这些数量都要上报吗？", "控制在下达的指标以内。") is None  # 数量 is no number asked


def test_the_members_of_a_named_set_asked_as_是哪六个(knows_all):
    q = "地下矿山的安全避险“六大系统”是哪六个？"
    assert "六大系统" in reason(knows_all, q, ["全面建成安全避险六大系统。"])
    assert reason(knows_all, q, ["安全避险六大系统包括监测监控、人员定位、紧急避险、压风自救、供水施救和通信联络系统。"]) is None
    # 哪三个 is the question word, not a set the passage must list: "3" is explained in the passage
    assert reason(knows_all, "值班说的“1+3+N”，中间那个“3”指的是哪三个人？", ["“3”即带班领导、值班员和驾驶员。"]) is None
    # a slogan's count in quotes (“三卡”), asked 是指哪三张: quoting the slogan does not list them
    q = "西安搞的企业落实主体责任“五查四会三卡两课一承诺”，里面的“三卡”是指哪三张卡？"
    assert "三卡" in reason(knows_all, q, ["推动开展企业落实主体责任“五查四会三卡两课一承诺”活动，督促企业健全责任制。"])
    assert reason(knows_all, q, ["“三卡”即岗位风险告知卡、应急处置卡、安全操作卡。"]) is None


def test_a_holiday_is_not_education_business(judge):
    assert judge.out_of_scope("村里组织上山打山火，能不能把放假在家的初中生也叫上？") is None
    assert "教育部门" in judge.out_of_scope("学校放假安排是怎么定的？")


def test_a_counted_set_asked_item_by_item_needs_its_members(knows_all):
    mention = ["我市今年将扎实推进“十项重点任务”，进一步健全灾害隐患排查机制。"]
    assert "十项重点任务" in reason(knows_all, "那“十项重点任务”，能逐条列一下具体内容吗？", mention)
    assert "36条措施" in reason(knows_all, "中卫“36条措施”具体每条写的什么？", ["贯彻中卫市“36条措施”，立足标本兼治。"])
    # members named before the quoted count answer it; an unquoted run of words before 手续 is no set
    listed = ["大力推进源头治本、法治固基、科技赋能、\n人才强队“四个建设”，全力以赴构建新格局。"]
    assert reason(knows_all, "宝鸡提的“四个建设”，到底是哪四个方面？", listed) is None
    assert "四个建设" in reason(knows_all, "宝鸡提的“四个建设”，到底是哪四个方面？", ["扎实推进“四个建设”，全面强化“四个体系”。"])


def test_an_allowance_or_insured_sum_needs_its_own_figure(knows_all):
    fines = ["第三十六条 未设置安全总监的，处五万元以上十万元以下的罚款。"]
    assert "津贴" in reason(knows_all, "安全总监每月有没有专门岗位津贴，标准是多少？", fines)
    assert reason(knows_all, "安全总监岗位津贴标准是多少？", ["安全总监岗位津贴每月500元。"]) is None
    assert "金额" in reason(knows_all, "给救援人员买的意外伤害保险，每人保额定的是多少？",
                          ["应当为专业应急救援人员购买人身意外伤害保险。"])


def test_degrees_are_a_figure_and_比例具体是多少_a_share(knows_all):
    q = "酒精度数达到多少的白酒库必须装乙醇浓度探测装置？"
    assert reason(knows_all, q, ["以及酒精度大于或等于38度的白酒库应安装乙醇浓度探测装置。"]) is None
    q = "高危行业专职安全生产管理人员配备比例具体是多少？"
    assert figure_pattern(q) is not None
    assert reason(knows_all, q, ["应当按照市人民政府规定的比例、人数配备专职安全生产管理人员。"]) is not None


def test_a_fine_asked_for_an_act_must_be_that_acts_fine():
    tk = Tokenizer()
    rare = {"电动", "自行车", "充电", "护林员"}
    judge = AnswerabilityJudge(doc_freq=lambda w: 3 if w in rare else 100, titles=list, corpus_has=lambda w: True,
                               words=tk.words, pos_words=tk.pos_words, rare_df=lambda: 20, places=None, out_of_scope=None)
    forest = ["第四十八条 森林、林木、林地的经营单位或者个人未履行森林防火责任的，对个人处500元以上5000元以下罚款。"]
    assert "罚则" in reason(judge, "电动自行车推进楼道里充电，个人会被罚多少钱？", forest)
    assert reason(judge, "电动自行车推进楼道里充电，个人会被罚多少钱？",
                  ["电动自行车在楼道内充电的，对个人处200元以上1000元以下罚款。"]) is None
    # one specific word (被护林员逮到) may be an incidental detail of the act
    assert reason(judge, "防火期上坟烧纸被护林员逮到，个人会被罚多少钱？", forest) is None



def test_a_figure_left_to_rules_not_held_is_not_given(knows_all):
    q = "煤矿出事后，专职矿山救护队接到召请最迟多少分钟内必须赶到现场？"
    assert "规定时间" in quoting(knows_all, q, "发生事故时，专职救护队应当在规定时间内到达煤矿开展救援。")
    assert quoting(knows_all, q, "专职救护队接到召请后，应当在规定时间内、最迟30分钟内到达现场。") is None
    # not a figure question: the sentence answers who, or whether
    assert quoting(knows_all, "专职救护队出事后要不要赶到煤矿？", "发生事故时，专职救护队应当在规定时间内到达煤矿开展救援。") is None
    # a sum left to a province's standard
    q = "参加扑救森林火灾的村民，误工补贴标准是每天多少元？"
    assert "规定的标准" in quoting(knows_all, q, "参加森林火灾扑救的人员的误工补贴，按照省、自治区、直辖市人民政府规定的标准，由火灾肇事单位支付。")
    # a standard another body makes
    q = "按照森林火灾损失评估标准，烧毁一公顷林木折算多少钱的损失？"
    assert "标准" in quoting(knows_all, q, "森林火灾损失评估标准，由国务院林业主管部门会同有关部门制定。")


def test_a_fine_for_a_duty_left_undone_must_name_that_duty(knows_all):
    # 未设置安全总监 is fined nowhere: the fine for 安全生产管理机构 is another duty's, list items included
    q = "北京的企业没有按要求设置安全总监，按规定要罚多少钱？"
    other = ("第五十八条 生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款：\n"
             "（一）未按照规定设置安全生产管理机构或者配备安全生产管理人员的；")
    assert "安全总监" in reason(knows_all, q, [other])
    itemised = other + "\n（二）未按照规定设置安全总监的。"
    assert reason(knows_all, q, [itemised]) is None
    insured = "第五十九条 未投保安全生产责任保险的，责令限期改正，处五万元以上十万元以下的罚款。"
    assert reason(knows_all, "北京的企业没有投保安全生产责任保险，要罚多少钱？", [insured]) is None


def test_a_matter_whose_rules_are_left_to_be_made(knows_all):
    """洪水保险 is named only where its rules are deferred; a sentence about 蓄滞洪区 does not answer its terms."""
    q = "蓄滞洪区的洪水保险，保费怎么交、被淹以后按什么标准赔？"
    deferred = "第四十一条 对蓄滞洪区，逐步推行洪水保险制度，具体办法另行制定。"
    used = "启用蓄滞洪区时，按照防御洪水方案中规定的启用条件执行。"
    assert "洪水保险" in quoting(knows_all, q, used, f"{deferred}\n{used}")
    assert quoting(knows_all, q, "洪水保险的保费由参保单位按年缴纳。") is None
    assert quoting(knows_all, "洪水保险的具体办法由谁制定？", used, f"{deferred}\n{used}") is None


def test_a_shelf_life_of_emergency_supplies_is_in_scope(judge):
    """保质期 is also the 有效期 of stored relief supplies, not only the market regulator's food labels."""
    assert judge.out_of_scope("应急仓库里的物资放过了保质期怎么处置？") is None
    assert "市场监督管理" in judge.out_of_scope("过期食品卖给顾客怎么处罚？")


def test_air_raid_sirens_belong_to_civil_air_defence(judge):
    assert "人民防空" in judge.out_of_scope("城市防空警报一般每年什么时候试鸣？")


def test_what_a_mark_means_needs_the_mark(knows_all):
    q = "地震后房屋应急评估贴的红、黄、绿标识各代表什么？"
    needs(knows_all, q, "标识", "推动实施地震易发区房屋设施加固工程。", "红色标识表示房屋禁止使用，黄色标识表示限制使用。")


def test_asking_whether_something_counts_names_no_title(judge):
    """"算不算条例里的高危生产经营单位": 算不算 asks; 条例 is the one the question is about, not 《算不算条例》."""
    q = "深圳做锂电池组装的厂子，算不算条例里的高危生产经营单位？"
    assert judge.cited_documents(q) == []
    assert judge.unknown_document(q) is None


def test_grades_of_a_thing_named_with_its_place_and_trade(knows_all):
    """"无锡化工企业安全风险": its last two words (安全风险) together, the rest (无锡, 化工企业) anywhere in
    the passage and its title; 网络安全事件 still needs 安全事件 together."""
    q = "无锡化工企业安全风险一共分几级，各用什么颜色表示？"
    title = "无锡市安全生产监督管理局关于印发《无锡市化工（危险化学品）企业安全风险评估和分级办法》的通知"
    graded = f"{title}\n第五条 企业安全风险分为4个等级，从高到低依次划分为红色风险、橙色风险、黄色风险和蓝色风险。"
    assert reason(knows_all, q, [graded]) is None
    assert "网络安全事件" in reason(knows_all, "网络安全事件分为几个等级？", ["突发事件分为四级，网络安全工作另行规定。"])
    # 几级 is answered by 4个等级 as by 四级
    assert figure_pattern(q).search("企业安全风险分为4个等级") and figure_pattern(q).search("分为四级")


def test_entry_to_an_exam_is_not_a_posts_qualifications(knows_all):
    q = "想考注册安全工程师，需要什么学历和工作年限才能报名？"
    post = "安全总监应当具备其他专业本科以上学历或者获得工程师以上职称，并具有五年以上安全生产管理工作经历。"
    needs(knows_all, q, "报名条件", post, "报名参加注册安全工程师考试，应当具有本科学历并从事安全生产业务满三年。")
    # the 考 and its 报名 far apart
    q = "想考中级注册安全工程师，本科毕业要干满几年安全工作才能报名？"
    assert "报名条件" in knows_all.missing_exam(q, post)
    # 报名单 is a list of names: no exam
    assert knows_all.missing_exam("房子被洪水冲垮了想拿重建补助，是自己去申请还是等村里报名单？", "由村民提出申请。") is None


def test_a_leaked_informant_is_not_a_data_breach(judge):
    """举报人信息 kept secret is the corpus's (不得泄露举报人个人信息), not the 网信 office's data security."""
    assert judge.out_of_scope("在北京打电话举报隐患，会不会把我的信息泄露出去？") is None
    assert "网信" in judge.out_of_scope("单位发生数据泄露，要在多长时间内报告？")


def test_a_time_counted_from_an_event_needs_the_events_noun():
    """"被列入严重失信主体名单后，多久可以申请移出": 名单, which few passages use, must be in a sentence giving
    the time; 七个工作日内 of publishing a penalty counts from another event."""
    q = "被列入安全生产严重失信主体名单后，多久可以申请移出？"
    needs(_one_rare_word("名单", 3), q, "名单", "对生产经营单位作出处罚决定后七个工作日内予以公开曝光。",
          "被列入严重失信主体名单的单位，满一年后可以申请移出名单。")
    # 事发 is when, not a thing: "事发后多少天内" is answered from 事故发生之日起
    judge = _one_rare_word("事发", 2)
    assert reason(judge, "铁路较大事故的调查组要在事发后多少天内交调查报告？",
                  ["事故调查组应当自事故发生之日起20日内提交事故调查报告。"]) is None
    # nor is news heard: "得到消息后多久" is answered from 接到报告后1小时内
    assert reason(_one_rare_word("消息", 1), "车间出了死人的事故，厂长得到消息后多久之内要报到县里的安监部门？",
                  ["单位负责人接到报告后，应当于1小时内向事故发生地县级以上人民政府安全生产监督管理部门报告。"]) is None


def test_what_a_threshold_requires_must_be_in_the_sentence_giving_it(knows_all):
    q = "浙江的企业员工达到多少人必须设置安全总监？"
    needs(knows_all, q, "总监", "从业人员三百人以上的，应当设置安全生产管理机构。",
          "从业人员三百人以上的其他生产经营单位，应当依法设置安全总监。")
    # staffed one per so many: 保安, not the 安全员 of another rule
    q = "举办一场一万人的体育比赛，承办方按规定每多少名观众就要配备一名保安？"
    assert "保安" in reason(knows_all, q, ["每50名从业人员配备一名专职安全员。"])


def test_a_distance_between_two_things_needs_the_first_in_a_sentence_giving_it(knows_all):
    q = "电动汽车充电站和周边建筑之间的防火间距要留多少？"
    needs(knows_all, q, "充电站", "甲类仓库与其他建筑的防火间距不应小于12米。", "充电站与周边建筑的防火间距不应小于12米。")
    # the things, not the asking: a keyword query asks no figure
    assert reason(knows_all, "氧气瓶 与乙炔瓶 之间的距离", ["甲类仓库与其他建筑的防火间距不应小于12米。"]) is None
    assert reason(knows_all, "乙炔瓶和氧气瓶之间的距离至少多少米？", ["氧气瓶与乙炔瓶与明火距离不少于10米。"]) is None


def test_a_distance_from_a_thing_needs_that_thing(knows_all):
    """"离居民楼最少要隔多少米": a distance from the ground (离地面不小于10米) is no distance from 居民楼."""
    q = "加油站离居民楼最少要隔多少米？"
    needs(knows_all, q, "居民楼", "吹刷放散管口应高出煤气管道、设备和走台4米，离地面不小于10米。",
          "加油站与居民楼的间距不应小于50米。")
    # the thing is the first noun after 离 (明火, tagged "a"), not the 电器 or 地方 after it
    assert reason(knows_all, "车间里临时喷漆，离明火和电器要隔多远？", ["喷漆作业场所与明火的距离不得小于10米。"]) is None
    assert reason(knows_all, "临时喷漆，离有明火的地方至少要隔多远？", ["喷漆作业场所与明火的距离不得小于10米。"]) is None
    # people write 电器 where the regulations write 电气
    q = "车间角落临时搭了个喷漆点，离旁边的电器设备至少要隔开多远？"
    assert reason(knows_all, q, ["临时喷漆场所与明火和其他电气设备的安全间距不得小于6m。"]) is None


def test_pay_asked_needs_a_passage_that_speaks_of_pay(knows_all):
    q = "台风天企业停工停产期间，员工工资应该怎么发？"
    assert "工资" in quoting(knows_all, q, "十八、许可证过期、整顿改造、恶劣天气等停产停业期间组织生产经营。")
    assert quoting(knows_all, q, "停工停产期间，用人单位应当照常支付职工工资。") is None


def test_a_sentence_about_another_kind_of_emergency_does_not_answer(knows_all):
    q = "突发公共卫生事件的全国统一举报电话号码是多少？"
    hotline = "通过“12369”环保举报热线、新闻媒体等多种途径收集突发环境事件信息。"
    assert "突发环境事件" in quoting(knows_all, q, hotline)
    assert quoting(knows_all, "突发环境事件的举报热线是多少？", hotline) is None
    # a sentence naming no kind is judged by the other checks
    assert quoting(knows_all, "突发公共卫生事件发生后多久要报告？", "发生突发事件后，应当在2小时内报告。") is None


def test_finding_a_way_names_no_title(judge):
    assert judge.cited_documents("上海要来台风了，政府发预警会不会专门想办法通知到？") == []
    assert judge.cited_documents("这事有没有办法解决？") == []
    assert judge.cited_documents("无锡的化工企业风险评估和分级办法怎么分级？") != []


def test_a_thing_or_a_preposition_before_a_known_word_is_no_name():
    tk = Tokenizer()
    everyday = {"杨树", "安监"}
    known = "河道 滩地 防洪 法律 应急预案 告知性备案 部门 科室"
    judge = AnswerabilityJudge(doc_freq=lambda w: 100 if w in known else 0, titles=list, corpus_has=lambda w: w in known,
                               words=tk.words, pos_words=tk.pos_words, places=None, out_of_scope=None,
                               everyday=lambda w: w in everyday)
    assert judge.unknown_name("村里有人想在河道滩地上种一片杨树林，防洪方面的法律允许吗？") is None
    assert judge.unknown_name("企业签署公布应急预案后，向安监部门做告知性备案的时限是几个工作日？") is None
    assert judge.unknown_name("杨建军是哪个科室的？") is not None


def test_a_counted_thing_listed_with_its_siblings_is_not_listed(knows_all):
    q = "西安市政府那20个安全生产督导组分别由哪些市领导带队？"
    needs(knows_all, q, "没有列出", "协调发挥市政府20个安全生产督导组、市安委会13个专业委员会牵头部门和市安委办综合协调、监管职能。",
          "成立20个安全生产督导组：第一组、第二组、第三组……分别由市领导带队。")


def test_a_completion_rate_is_a_share():
    pattern = figure_pattern("累计排查出的39.4万件重大事故隐患，整改完成率是多少？")
    assert pattern is not None
    assert not pattern.search("累计排查重大事故隐患39.4万件。")
    assert pattern.search("重大事故隐患整改率达到98.5%。")
