"""Does the corpus answer this question? Explicit reasons, not a similarity threshold.

Paraphrased questions share few words with the passages that answer them, so
word overlap or embedding similarity cannot tell them from questions the corpus
does not answer (measured on the benchmark: both kinds cover 30-60% of their
terms, and multilingual-e5 scores every question 0.85-0.95). What does tell them
apart is what a question names or asks for. The corpus cannot answer when the
question

- asks who holds a post (局长是谁, 科长叫什么名字): the documents name offices, never people;
- names a person, a place, a year, a document or a lettered grade (A级) that the corpus does not contain;
- asks for a phone number, an address, a date or a figure with a unit that none
  of the retrieved passages holds;
- asks for the members of a counted set ("七个物流中心分别在哪些区县") that the
  passages count but do not list, or for a part of a total it states ("114次应急响应里，
  一级响应有几次") when the passages give only the total;
- asks where something is sited and the passage names no place, or names a place whose
  local plan is not the one quoted (秦州区 answered from the 西安 plan), or names a province
  whose regulation is not the one quoted (北京 answered from 浙江's);
- gives values for a formula's letters ("L取3、S取4") and the quoted passage only names them;
- is answered only by a sentence that hands the matter to a regulation the corpus lacks
  ("…依照《核电厂核事故应急管理条例》的规定执行");
- is another department's business (驾照, 社保, 护照: kb/data/out_of_scope.txt);
- shares almost none of its known vocabulary with the passages (a topic the
  corpus never covers).

Each check returns a short reason in Chinese, shown to the user with the
abstention; ``None`` means "answer".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ingest.patterns import RE_H1, RE_H2, RE_H3, RE_H4
from kb import offices as offices_mod

PLACES = Path(__file__).parent / "data" / "places.txt"
OUT_OF_SCOPE = Path(__file__).parent / "data" / "out_of_scope.txt"

RE_ROLE_PERSON = re.compile(
    r"(局长|厅长|部长|科长|处长|队长|主任|书记|市长|县长|区长|省长|站长|所长|院长|主席|经理|组长|发言人|联系人|负责同志|一把手|掌门人"
    r"|先进个人|个人|英雄|模范|劳模|标兵|烈士|获奖者)"  # people honoured: "评出的先进个人都有谁"
    r"[^，。？?]{0,4}?(是谁|都是谁|有谁|叫什么|叫啥|姓甚名谁|姓什么|姓啥|名字|姓名|是哪位|哪位)"
)
# what a question about an office asks: its tasks, its duties, its share of the work
RE_OFFICE_WORK_Q = re.compile(r"负责|牵头|分工|承担|职责|任务|主管|主抓|配合|落实|归口|主办|工作|谁")
PLACE_WORD_FREQ = 1000  # 深度 (1930) is tagged a place; 秦岭 687, 周至县 7 are places
COMMON_WORD_FREQ = 250  # 张罗 311, 林子 420, 金山 291; invented names 张建国 13, 王志强 3
RE_PERSON_CUE = re.compile(r"\s*(?:同志|科长|局长|主任|队长|是谁|是哪|在哪|负责|分管|调到)")  # what follows a name
RE_POST = re.compile(r"(?:长|员|任|记|师|官|工|同志|先生|女士|老板|经理|总)$")  # 科长, 安全员, 主任, 书记
RE_NAME_ASKED = re.compile(r"叫什么名字|姓甚名谁|姓什么|姓啥|的姓名|的名字是|哪位|哪[个一]领导|哪[个一]位?同志")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"
)
# asking for the number itself ("电话是多少", "打什么电话"), not about it ("值班电话要向谁公布")
RE_CONTACT_NOUN = re.compile(r"(?:热线|举报|服务|值班|联系)?(?:电话|号码|热线|手机|邮箱|网址|传真)")
RE_IDENTIFIER_NOUN = re.compile(r"序号|顺序号|CAS号|CAS编号|登记号")
RE_CONTACT_Q = re.compile(
    r"(电话|手机|号码|热线|邮箱|网址|传真|微信|联系方式)(号码?)?(是|为)?(多少|什么|哪个|几号|分别)"
    r"|(打|拨|联系)(什么|哪个|多少|哪)[^，。？]{0,3}(电话|号码|热线)|(电话|手机|热线)(?:的|具体的?)?号码|联系方式"
)
RE_NUMBER_Q = re.compile(r"(?:哪个|什么|啥)数(?![量据])|具体数(?:字|值)|数值是多少")
RE_ADDRESS_Q = re.compile(r"地址|办公地点|在哪办公|位于哪|门牌")
# a year and an edition word next to a cited title: "2023年施行的新版《X》", "《X》（2023版）", "《X》2023年修订版"
RE_EDITION = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*年?[^《》，。？?]{0,6}?(?:版|修订|修正|调整|修改)[^《》，。？?]{0,2}《(?P<t1>[^》]{4,40})》"
    r"|《(?P<t2>[^》]{4,40})》\s*[（(]?\s*(?P<y2>(?:19|20)\d{2})\s*年?\s*(?:版|修订|修正)"
    # unquoted: "2022年危险化学品目录调整后", "2019年安全生产条例修订后"
    r"|(?P<y3>(?:19|20)\d{2})\s*(?:年版?|版)的?(?:新版)?(?P<t3>[\u4e00-\u9fff]{4,30}?(?:目录|标准|条例|办法|规定|细则))"
    r"(?:调整|修订|修正|修改)"
    # "2023年新版工贸企业重大事故隐患判定标准": 新版 says edition without a 修订 after it
    r"|(?P<y4>(?:19|20)\d{2})\s*年?的?新版的?(?P<t4>[\u4e00-\u9fff]{4,30}?(?:目录|标准|条例|办法|规定|细则))"
)
# how the documents name a sum people ask about: "多少奖金" is answered by "1000元至1万元的奖励"
NOUN_FORMS = {"奖金": "奖金|奖励", "赏金": "奖金|奖励", "奖钱": "奖金|奖励", "罚金": "罚金|罚款", "补助金": "补助|补贴",
              # a sum asked as such ("多少金额以上的处罚") is given by any figure in 元
              "金额": "元", "数额": "元", "总额": "元", "钱数": "元"}
INCIDENTS = r"(?:事故|爆炸|火灾|地震|洪水|山洪|洪灾|暴雨|台风|坍塌|垮塌|泄漏|透水|冒顶)"
# a question about one incident: "那起烧烤店燃气爆炸事故", "这场山洪"
RE_INCIDENT_Q = re.compile(rf"(?:那|这)(?:起|场|次)(?P<x>[\u4e00-\u9fff\d.]{{2,16}}?){INCIDENTS}")
# or named before it: "积石山那次6.2级地震"
RE_INCIDENT_BEFORE = re.compile(rf"(?P<x>[\u4e00-\u9fff]{{2,8}})(?:那|这)(?:起|场|次)[\u4e00-\u9fff\d.]{{0,10}}?{INCIDENTS}")
# or by what it caused: "甘肃积石山6.2级地震造成多少人遇难", "宁夏银川烧烤店燃气爆炸事故一共造成了多少人死亡"
RE_INCIDENT_CAUSED = re.compile(
    rf"(?P<x>[\u4e00-\u9fff\d.]{{2,16}}?){INCIDENTS}(?:一共|共|总共|已经?|最终|最后|先后|累计)*(?:造成|导致|致使|致)了?(?:多少|几)"
)
# or by an aspect of it: "北京长峰医院火灾的直接原因是什么"
RE_INCIDENT_ASPECT = re.compile(
    rf"(?P<x>[\u4e00-\u9fff\d.]{{2,16}}?){INCIDENTS}的?(?:直接|主要|根本)?(?P<a>原因|起因|经过|责任人|调查结论|处理结果)"
)
# a sum of money without its unit: "罚款多少", "对企业罚多少", "赔偿是多少", "预算总额是多少", "奖金能拿多少"
# (多少钱 and 多少元 are units)
MONEY_WORDS = r"罚款|罚金|罚|赔偿|赔|补偿|补助|补贴|津贴|奖励|奖金|预算|经费|资金|投资|拨款|总额|金额|收费|价格|价钱|保额|保险金额|保费"
RE_PRICE_WORD = re.compile(r"收费|价格|价钱|保额|保险金额|保费|津贴")  # a price, an insured sum or an allowance: a fine is none
RE_MONEY_Q = re.compile(
    rf"(?:{MONEY_WORDS})(?:[，,]?标准)?(?:是|为|大概|一般|大约|能|会|要|得|最多|最少|至少|金额|数额|定的|定为|定在|拿|领|发|交|获得|得到)*"
    r"(?:多少|几)(?![人天日年个名次项倍分钱元块])"
    # or the sum after: "发多少高温津贴", "安排了多少财政专项资金", "安排了多少基层应急工作经费"
    r"|多少[\u4e00-\u9fff]{0,8}?(?:津贴|补贴|补助金?|奖金|罚款|资金|经费|预算|工资|薪酬|赔偿金|补偿金|抚恤金|费)"
)
# a volume of the hazard-factor manual, by its trade: "手册的烟草行业分册"
RE_VOLUME_Q = re.compile(r"([\u4e00-\u9fff]{2})(?:行业)?(?:的)?分册")
# a report to a named body: "几个小时内向生态环境部门报告"
RE_REPORT_TO_Q = re.compile(r"向(?:当地|所在地|属地)?的?([\u4e00-\u9fff]{2,8}?)(部门|机关|主管部门)(?:报告|报备|备案|报送)")
# what a revision added: "目录调整后新增了哪些品种"
RE_ADDED_Q = re.compile(r"新增(?:了|加了)?(?:哪些|哪几|什么|啥)")
RE_ADDED = re.compile(r"新增|增加|增列|增补|列入|纳入|新设")
# whether a planned thing finally happened: "示范县最后有没有通过国家评议" (plans state intentions)
RE_OUTCOME_Q = re.compile(r"(?:最后|最终|后来)[^，。？?]{0,6}?(?:有没有|是否|有无|了没有|了没|了吗)")
RE_OUTCOME = re.compile(r"已经?|获得|荣获|被(?:评|命名|授予|认定)|通过了|成功")
# a theme or slogan asked for: "安全生产月的活动主题是什么"
RE_THEME_Q = re.compile(r"(主题|口号|标语)(?:是什么|是啥|叫什么|是哪|有哪些|为何)")
# a document cited by its order number: 应急管理部令第10号, 国务院令第708号, 主席令第88号
RE_ORDER_NUMBER = re.compile(r"((?:应急管理部|国家安全生产监督管理总局|国家安全监管总局|安监总局|国务院|主席|[\u4e00-\u9fff]{2,8}部)令)\s*第\s*(\d{1,4})\s*号")
# the same number said the other way round: "应急管理部第4号令"
# (named bodies only: a free "…部" would run back over the words before it, 版的应急管理部)
RE_ORDER_NUMBER_AFTER = re.compile(r"(应急管理部|国家安全生产监督管理总局|国家安全监管总局|安监总局|国务院)\s*第\s*(\d{1,4})\s*号令")
ORDER_ALIASES = {"安监总局令": "国家安全生产监督管理总局令", "国家安全监管总局令": "国家安全生产监督管理总局令"}
# the thing a threshold question defines: "多少人才算重大（Ⅱ级）突发环境事件"
RE_THRESHOLD_Q = re.compile(r"(?:才算|就算|才能算|才属于|算作|划为|认定为|定为)(?:是)?([^，。？?！!]{2,20})")
# a kind of a thing that comes in kinds: 草原火灾 (not 森林火灾), 煤矿事故, 地震灾害
RE_KIND = re.compile(r"(草原|森林|煤矿|非煤矿山|矿山|建筑|道路交通|铁路交通|水上交通|交通|火灾|地震|地质|气象|洪涝|海洋|特种设备|危险化学品|烟花爆竹)(火灾|事故|灾害|灾情)"
                     r"|(?<=突发)(环境|公共卫生|社会安全)(事件)"
                     r"|(经营|安全生产|使用|购买|运输|道路运输|储存|零售|批发)(许可证)(?!件)")
# a named storm: 台风“杜苏芮”, “利奇马”台风
RE_NAMED_STORM = re.compile(r"(?:台风|飓风|热带风暴)\s*[“\"「]([^”\"」]{2,8})[”\"」]|[“\"「]([^”\"」]{2,8})[”\"」]\s*号?(?:台风|飓风|热带风暴)")
# a named incident: 郑州“7·20”特大暴雨, 响水“3·21”爆炸 (a middle dot between month and day)
RE_EVENT = re.compile(r"(?<![\d.])(\d{1,2})\s*[·•・‧]\s*(\d{1,2})(?![\d.])")
RE_DATE_Q = re.compile(r"哪天|哪一天|几月几[日号]|(?<!第)几号|具体日期|什么日期|日期是")  # 排第几号: a rank
# a clause after a date question that points back at it and asks who: "…哪天结束，这个是谁来定的",
# "…从哪天算到哪天，是由哪一级机构来定的"
RE_BACK_TO_WHO = re.compile(r"[，,]\s*(?:这个?|那个?|它|此事?)[^，,。？?]{0,4}?(?:谁|哪个(?:部门|单位|机关|机构)|哪级|什么(?:部门|单位|机关|机构))"
                            r"|[，,]\s*(?:是)?(?:由)?(?:谁|哪一?级[\u4e00-\u9fff]{0,4}?|哪个(?:部门|单位|机关|机构))来?(?:定|规定|决定|确定)的?")
# which months of the year (几月 alone is as often a deadline: "几月份之前要统计好", answered by 年底)
RE_MONTHS_Q = re.compile(r"哪几个月|哪些月份?|哪个月份?(?!份|之?前|以前|底|内|之内)|几月(?:份)?(?:到|至)几月")
RE_MONTH = re.compile(r"(?<![\d个])[\d一二三四五六七八九十]{1,2}\s*月")
RE_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?=年|版)")
# "消防电梯应该怎么设置": a thing asked how to set up, which the corpus must name as a whole
RE_HOW_SET_Q = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:应该|应当|要|该|得|需要)?(?:怎么|如何|怎样)(?:设置|配置|安装|布置)")
# which years: "从哪年到哪年", "哪一年开始" (not 哪年的事故, which names a year to search by)
RE_YEARS_Q = re.compile(r"哪一?年(?:到|至)哪一?年|哪一?年(?:开始|启动|起|结束|截止|收官)")
# "战略合作协议是哪年哪月签订的": a year and its month
RE_YEAR_MONTH_Q = re.compile(r"哪一?年(?:的)?(?:哪个?月|几月)")
RE_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月")
RE_LACKS_EDITION = re.compile(r"未含\s*(?:19|20)\d{2}\s*年?(?:修正|修订|修改)")
RE_PHONE = re.compile(r"(?<![\d.])(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{3,4}-\d{7,8})(?![\d.])")
RE_SERVICE_NUMBER = re.compile(
    r"(?:电话|热线|拨打|号码|求助|举报)[^。；\n]{0,16}?(?<!\d)(?:1[12]\d|12\d{3}|9[56]\d{3})(?!\d)"
    r"|[“\"](?:1[12]\d|12\d{3}|9[56]\d{3})[”\"]"
    r"|(?<!\d)(?:1[12]\d|12\d{3}|9[56]\d{3})(?!\d)[^。；\n]{0,10}?(?:电话|热线)"
)
# which places in general ("主要是在哪些地方"), answered by kinds of place listed ("在化工区、保税港区、
# 大型交通枢纽等特定区域")
RE_SOME_PLACES_Q = re.compile(r"(?:在|是)?(?:哪些|哪几类|哪几种|什么样的?)(?:地方|场所|区域)")
RE_PLACE_KINDS = re.compile(r"[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+等?[\u4e00-\u9fff]{0,4}?(?:区域|场所|地点|地方|部位|地区)")
# where something is (to be) built or set up: "选址在哪个城市", "分别建在哪几个省", "设在什么地方"
RE_WHERE_Q = re.compile(
    r"(?<!用)(?:在|建在|设在|位于|选址在?|落户在?|落在)(?:哪个|哪些|哪几个|什么)(?:城市|省份?|市|县|区县|区(?!间)|镇街|乡镇|镇|街道|社区|村|地方|位置)"  # 什么区间 is a range
    r"|位于哪|选址在哪|建在哪|设在哪|落户在?哪"
)
# "在哪几个镇街": a town, a street or a village asked for is named as such: 马营镇, 西关街道, 东关社区
# (not "99个镇"; a generic word matched by mistake only keeps an answer)
# which body: "牵头监管部门是哪个局" (an office of a plan is asked with 科室, and answered by its task)
RE_WHICH_BODY_Q = re.compile(r"(?:是|由|归)哪(?:个|一个|些|几个)(局|厅|委员会|委)")
BODY_FORMS = {"局": r"[\u4e00-\u9fff]局|部门", "厅": r"[\u4e00-\u9fff]厅|部门", "委员会": r"委员会|[\u4e00-\u9fff]委", "委": r"委员会|[\u4e00-\u9fff]委"}
RE_WHICH_ARTICLE_Q = re.compile(r"哪一?[条款项]|第几[条款项]")
RE_ADMIN_WHERE_Q = re.compile(r"哪(?:个|些|几个)(?:区县|区|县|市|城市|省)")
RE_LOCAL_LEVEL_Q = re.compile(r"哪(?:个|些|几个)(?:镇街|乡镇|镇|街道|社区|村)")
RE_NAMED_LOCAL = re.compile(r"[\u4e00-\u9fff]{1,2}[^\W\d_由到强进助导立在和与的等各每乡城个全本该至及向对将把从于为村镇区县市省](?:镇|街道|乡|社区|村)")
RE_LETTER_GRADE = re.compile(r"(?<![A-Za-z])([A-Da-d])\s*级")  # A级, B 级: a grade some rules letter
# "外地户口的人…能申请临时救助吗": a person's status, not a 户口 matter of the police
RE_STATUS_BEFORE = re.compile(r"(?:外地|本地|非本地|外省|外来)$")
# "我户口在老家，…能回老家做职业病诊断吗": where one's 户口 is (not "客机在机场迫降": where a thing is)
RE_STATUS_AFTER = re.compile(r"^还?(?:不?在|落在)(?:老家|外地|本地|农村|城里|外省|原籍|家乡|当地|这边|那边|这里|那里)")
RE_VALUE_GIVEN = re.compile(r"(?<![A-Za-z])[A-Z]\s*值?\s*也?(?:取值?|=|＝|为|是)\s*\d")  # L取3, S=4, L值取3, S值也取3
# "风险值R算出来多少以上": the value of a formula's letter is asked (not PM2.5, A级, LNG)
RE_LETTER_ASKED = re.compile(r"(?<![A-Za-z])[A-Z]\d?(?![A-Za-z\d.]|\s*级)\s*值?[^，,。？?A-Za-z\d]{0,5}?(?:多少|几|(?:什么|哪个)(?:区间|范围))")
RE_LETTER_VALUE_TAIL = r"值?\s*(?:达到|为|是|在|大于|小于|超过|高于|低于|不低于|不超过)?\s*\d"  # R达到320分
RE_LETTER_MATH = re.compile(r"(?<![A-Za-z])[A-Z]\d?\s*[=＝≥≤<>×*＞＜]\s*[\dA-Z]|\d\s*[≤<＜×*]\s*[A-Z](?![A-Za-z])")
LIST_JOINERS = ("和", "与", "及", "、", "跟")  # words that join the items of a list of things
RE_ASKS_IN_ITEM = re.compile(r"怎么|怎样|如何|什么|啥|几|多少|多久|多长|哪")  # a list item asks nothing
LIST_ITEM_MAX = 10  # an item of a 、-list of trades or places: 矿山, 渔船这些行业
GENERIC_PLACE_WORDS = {"城市", "全国", "国家", "地方", "城乡", "农村", "山区", "沿海", "各地", "本地", "当地", "异地"}  # tagged ns
# a matter handed to another regulation: "…依照《核电厂核事故应急管理条例》的规定执行"
RE_REFERRAL = re.compile(r"(?:依照|按照|依据)《([^》]{4,40})》(?:的)?(?:有关)?规定(?:执行|办理)[。；;]?\s*$")
# a standard someone else makes: "预警级别的划分标准由国务院或者国务院确定的部门制定"
RE_STANDARD_BY = re.compile(r"标准[，,]?由[^。；;，,]{2,30}(?:制定|规定)")
# a form someone else makes: "《…备案申报表》…由国家安全生产应急救援指挥中心统一制定"; and asked what it holds
RE_FORM_BY = re.compile(r"(?:表|文本|格式|式样|样式)》?[，,]?由[^。；;，,]{2,30}(?:制定|规定|印制)")
RE_FORM_CONTENT_Q = re.compile(r"栏目|填(?:哪|什么|些)|格式|样式|式样|(?:哪些|什么)(?:内容|项目)")
# "全国统一的…号码", "国家统一规定的防火期": a rule for the whole country, which no city's or
# province's regulation states
RE_NATIONWIDE_Q = re.compile(r"(?:全国|国家)统一")
# "具体办法由市应急管理部门另行制定": the corpus hands the details to rules not yet made; it answers
# who makes them, not what they say
RE_DEFERRED = re.compile(r"办法[^。；;]{0,30}?另行(?:制定|规定)|另行制定")
# entry to an exam: "想考注册安全工程师，需要什么学历和工作年限才能报名" (a post's qualifications,
# 本科以上学历…五年以上工作经历, are no entry conditions of an exam)
RE_EXAM_ENTRY_Q = re.compile(r"报考|考试资格|考试条件|考[^。？?]{0,34}报名|报名[^，,。？?]{0,6}考")  # not 报名单
RE_EXAM = re.compile(r"报名|报考|考试")
# an exam's subjects: "从业资格考试要考哪些科目" (a passage requiring 取得从业资格 names none)
RE_EXAM_SUBJECTS_Q = re.compile(r"考[^，,。？?]{0,4}?(?:哪些|哪几|几|什么|啥)(?:门|科目|门课|课程)|考试科目|科目(?:有|是)(?:哪|什么|啥)")
# what a sign or mark means: "房屋应急评估贴的红、黄、绿标识各代表什么"
RE_MEANING_Q = re.compile(r"([\u4e00-\u9fff、]{2,20}?)(?:各|分别|都)?(?:代表|表示|意味)着?(?:什么|啥|哪)")
RE_WHICH_LAW_Q = re.compile(r"(?:什么|哪个|哪部|哪些|啥)(?:规定|法规|条例|法律|文件|办法|制度)")
RE_WHO_Q = re.compile(r"谁|哪个(?:部门|单位|机关|机构)|哪级|什么(?:部门|单位|机关|机构)|哪些(?:部门|单位)")
# "网络安全事件分为几个等级": the thing graded, before the question word
RE_GRADES_Q = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:按照?[\u4e00-\u9fff]{1,8}?)?(?:一共|总共|共)?(?:是|被)?(?:分为|分成|划分为|划分成|分|划为|划成)"
                         r"(?:几|多少|哪几|哪些)个?(?:等级|级别|级)")
# "网络安全事件怎么分级": the thing graded, asked how rather than into how many
RE_GRADES_HOW_Q = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:是)?(?:怎么|如何|怎样)(?:来)?(?:分级|定级|分等级|划分等级|划分级别)"
                             r"|([\u4e00-\u9fff]{1,12}?(?:级|级别|等级))的?(?:是)?(?:怎么|如何|怎样)(?:来)?(?:划分|区分|分)")  # 衔级是怎么划分的
# a rulebook a question asks the content of ("…处置准则，里面规定了哪些步骤"): the passages may only
# say it is to be made ("要制定化工企业异常工况安全处置准则")
RE_RULEBOOK = re.compile(r"[\u4e00-\u9fff]{4,30}?(?:准则|指南|细则|规程|规范|方案|预案|清单|办法|暂行规定)")
RE_TO_MAKE = re.compile(r"(?:制定|出台|编制|起草|研究|修订|建立|推动|推进)[\u4e00-\u9fff]{0,4}$")  # 制定应急管理…暂行规定
RE_CONTENT_Q = re.compile(r"里面?|内容|规定了|具体|哪些|什么|怎么|如何")
# "重大网络安全事件的判定标准是什么": what makes a thing so; a passage that only names it does not say
RE_CRITERIA_Q = re.compile(r"([\u4e00-\u9fff]{2,20}?)的?(?:判定|认定|划分|界定|评定|认证)标准")
RE_DEFINING = re.compile(r"是指|指的是|标准|以上|以下|不足|分为|包括|下列|之一|情形|[：:]")
# "最大游客承载量按什么方法核定": how a figure is worked out, of a thing the passage must name
RE_WORKED_OUT_Q = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:是)?(?:按照?|根据|依据|用)?(?:什么|啥|哪种)(?:方法|办法|方式|公式|费率)"
                             r"(?:来)?(?:核定|计算|测算|算出|算|收取|计收)"
                             r"|([\u4e00-\u9fff]{2,16}?)(?:是)?(?:怎么|如何|怎样)(?:来)?(?:核定|测算|计算)")
# "尾矿库的等别是按坝高和库容怎么划分的": the basis a division is asked by (坝高, 库容), or asked for
RE_BASIS_Q = re.compile(r"([^，,。；;？?！!]*?)(?:是)?(?:按|按照|根据|依据)([\u4e00-\u9fff、]{1,12}?)(?:的)?(?:来|去)?(?:怎么|如何|怎样)?"
                        r"(?:划分|分级|分类|分等|定级|划定)")
RE_BASIS_ASKED = re.compile(r"什么|哪|啥|何")
GENERIC_BASIS = {"严重程度", "程度", "轻重", "大小", "高低", "规模", "性质", "等级", "级别", "类别", "标准", "规定"}
RE_GRADE_COUNT_Q = re.compile(r"分(?:为|成)?(?:几|多少)个?[\u4e00-\u9fff]{0,4}?(?:等级|级别|级)")
# grades given: a count (分为四级), a list (一级、二级; Ⅰ级), or the grades of incidents by name
RE_GRADE_LIST = re.compile(r"分为(?:(?:[^。；、]{1,10}、)+[^。；、]{0,10}?)?[一二三四五六七八九十\d]+个?[\u4e00-\u9fff]{0,4}?(?:等级|级别|级)|[一二三四五六七八九十\d]\s*级[、和]"
                           r"|[ⅠⅡⅢⅣIV]+\s*级|特别重大[^。；]{0,20}重大|[A-DＡ-Ｄ]\s*级[、和]")
RE_WHICH_RULES_Q = re.compile(r"(?:按|按照|依照|依据|根据|适用)(?:什么|哪个|哪部|哪些|啥)|" + RE_WHICH_LAW_Q.pattern)
# a deadline asked for, and how plans give one without a day
RE_DUE_Q = re.compile(r"时间节点|期限|截止|最迟|最晚|完成时限|前完成|之前完成")
RE_DUE = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:底|末|年底|年末)|\d{1,2}\s*月\s*(?:底|末)")
RE_ADDRESS = re.compile(r"地址[:：]|[路街道巷]\d+号|\d+号[楼院]")
RE_DATE = re.compile(r"\d{1,2}月\d{1,2}日|(19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
CN_NUM = "零〇一二两三四五六七八九十百千万亿半"
NUMBER = rf"(?<!第)(?:\d+(?:\.\d+)?|[{CN_NUM}]+)"
# "草原火灾…特别重大、重大、较大、一般各是怎么划线的": the line between grades, asked for each; a
# passage naming the grades (分为特别重大、重大、较大、一般四个等级) without a figure that draws
# one (受害森林面积在1公顷以下, 死亡3人以上) does not say
GRADE_NAME = r"(?:特别重大|重大|较大|一般)"
RE_GRADE_LINES_Q = re.compile(rf"{GRADE_NAME}[^，,。？?]{{0,8}}[、，,和与及跟]{GRADE_NAME}[^？?]{{0,20}}?(?:各|分别)[^？?]{{0,6}}?"
                              r"(?:怎么|如何|怎样|标准|界限|门槛|划线)")
RE_THRESHOLD = re.compile(rf"(?<!第)(?:\d+(?:\.\d+)?|[{CN_NUM}]{{1,5}}(?=[人个万亿元公顷小时天户辆次]))\s*[\u4e00-\u9fff%‰]{{0,5}}?"
                          r"(?:以上|以下|不足|以内|不满)")  # not 一般分为以下等级
RE_DUE_BEFORE = re.compile(rf"{NUMBER}\s*(?:日|天|个工作日|个月)(?:前|以前|之前)")
# "调查期限是多少天？从哪天开始算": the day a counted period starts from, answered by an event
# ("自事故发生之日起计算"), not a calendar date
RE_COUNTED_FROM_Q = re.compile(r"从哪一?天(?:开始|起)?(?:算|计算|起算)")
RE_PERIOD_Q = re.compile(r"多少天|几天|多少日|几日|期限|多长时间|多久")
RE_COUNTED_FROM = re.compile(r"之日起|日起计算|起计算")
RE_MONEY = re.compile(rf"{NUMBER}\s*(?:万元|亿元|元)|{NUMBER}\s*倍")
# the unit a quantity question asks in -> the units an answer may give it in
UNITS: dict[str, str] = {
    "万元": "万元|亿元|元", "亿元": "亿元|万元", "元": "元", "钱": "元", "块": "元",
    "吨": "吨|千克|公斤|[kK][gG]", "公斤": "千克|公斤|吨|[kK][gG]", "千克": "千克|公斤|吨|[kK][gG]",
    "名": "名|人", "人": "人|名", "个人": "人|名", "起": "起|次", "次": "次|起",
    "天": "日|天|个?工作日", "日": "日|天", "个工作日": "个?工作日|日|天", "小时": "小时|日|天|分钟", "个小时": "小时|日|天",
    "分钟": "分钟|小时", "年": "年", "个月": "个月|月|年", "月": "个月|月",
    "项": "项|条|类", "种": "种|类|项", "条": "条|项", "家": "家|户|个", "座": "座|个", "所": "所|个",
    "支": "支|个", "辆": "辆|台", "台": "台|套|辆", "艘": "艘|条",
    "米": "米|m(?![2²³])|公里|km", "公里": "公里|千米|km|米", "毫米": "毫米|mm|厘米|cm", "厘米": "厘米|cm|毫米|mm", "平方米": "平方米|㎡|m2|公顷", "公顷": "公顷|亩|平方米",
    "分": "分", "倍": "倍", "层": "层", "级": "级|个?等级|个级别", "点": "时|点",
    "科": "科|门", "门": "门|科", "课时": "课时|学时", "学时": "学时|课时", "岁": "岁|周岁", "周岁": "周岁|岁", "度": "度|℃|°C|摄氏度", "摄氏度": "摄氏度|℃|°C|度", "分贝": "分贝|dB",
    "箱": "箱|件", "桶": "桶", "瓶": "瓶", "袋": "袋",
}
# 多少天 / 几个人 / 多远; not 哪几个 (asks which), 好几家, 十几天 or 连着几个月 (state a number)
RE_QUANTITY_Q = re.compile(
    r"(?:(?<!第)多少(?:万|千|十万|百万)?|(?<![哪好十这那第着续])几)(" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) + r")|(多远|多高|多深|多宽|多大半径|半径多大|多大范围|范围多大|多大面积|面积多大|多长时间|多久|多大风力|风力多大|年龄(?:上限|下限|限制)|多大(?:年纪|岁数|年龄)|(?:年纪|年龄)多大)|(零点几|零点多少|百分之多少|百分之几|多少%|多少％|比例是多少|占比多少|多少比例|多大比例|多大的比例|什么比例|多少个百分点|几个百分点|(?:占比|比例)(?:具体|到底|大概)?(?:达到|要达到|是|为)多少|(?:完成|整改|销号|合格|达标|覆盖|办结|结案)率(?:具体|到底|大概)?(?:达到|要达到|是|为|有)?多少)"
)
# "继续教育学时到底要求多少": a unit named as a noun before the question word
RE_UNIT_THEN_Q = re.compile(r"(学时|课时)数?(?:到底|具体|大概|一共|总共|最少|至少|要求|是|为|有|得|要|达到|需要)*"
                            r"(?:多少|几)(?!学时|课时)")
# "修满多少继续教育学时": the unit after what it counts
RE_MODIFIED_UNIT_Q = re.compile(r"(?<!第)(?:多少|几)个?[\u4e00-\u9fff]{2,6}?(学时|课时)")
# "学历和工作年限有什么要求": the things a requirement is asked of, right before the question
# how the documents state a requirement asked by its noun: a 工作年限 as "三年以上…工作经历"
REQUIREMENT_FORMS = {"年限": rf"年限|(?:\d+|[{CN_NUM}]+)年以上"}
RE_REQUIREMENT_Q = re.compile(r"([\u4e00-\u9fff、]{2,16}?)(?:方面)?(?:上)?(?:有|是|作了|做了)?(?:什么|哪些|啥)(?:具体)?(?:要求|条件|限制)")
# "几个储备库": a count of things, in no unit the figure patterns know (几个人, 几个月 are units)
RE_COUNT_Q = re.compile(r"(?:(?<!第)多少|(?<![哪好十这那第着续])几)个(?!人|月|小时|工作日|百分点)")
# the words just before a quantity question word: a noun, then fillers (半径是多少, 总投资大概多少,
# "软管，规定多久": what the rule is asked of, before it)
RE_HEAD_NOUN = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:的)?(?:[，,]?(?:按|按照)?规定)?(?:是|为|有|要|能|得|给|应|应当|必须|每隔|间隔|隔|最少|最多|至少|最长|最短|一共|总共|大概|大约|具体|不得|不能|不超过|不少于)*$")
# how long a thing stays valid: always the asked thing's own figure, never a common word to skip
TERM_NOUNS = ("有效期", "保质期", "使用年限", "使用期限", "设计使用年限")
# (the thing, not the particles: "多少天内交" counts no 内交)
RE_COUNTED_AFTER = re.compile(r"(?:以上|以下|以内|之内|内|左右|的)*(?!以上|以下|以内|之内|内|左右|的)([\u4e00-\u9fff]{2,8})")
MEASURE_UNITS = ("天", "日", "个工作日", "小时", "个小时", "分钟", "年", "个月", "月", "米", "公里", "平方米", "公顷",
                 "吨", "公斤", "千克", "元", "万元", "亿元", "钱", "块")
DISTANCE_UNITS = "米|m(?![2²³])|公里|km|厘米|毫米|cm|mm"  # "离罐底最多多高": 不超过30cm (3000m2 is an area)
AREA_UNITS = "公顷|亩|平方米|平方公里|㎡|m2"
TIME_UNITS = "个?小时|日|天|年|个?月|分钟|个?星期|周|半年|季度|个?工作日|min(?![a-z])"  # "一个月", "5个工作日" too
RE_DISTANCE_FROM = re.compile(r"(?:离|距离?)([\u4e00-\u9fff]{2,8}?)(?:最少|至少|起码|最多|最近|要|得|应|隔开?|保持|有|的距离|距离|不少于|不小于)*$")
# when something happened or was heard of, not a thing the passages must name: 事发后, 得到消息后
NO_EVENT_NOUNS = frozenset({"事发", "事后", "消息", "信儿", "音讯"})
RE_AFTER_EVENT = re.compile(r"([\u4e00-\u9fff]{2,12})(?:之后|以后|后)[，,]?\s*(?:最迟|最晚|最长|最多|大概|一般)?$")  # "…名单后，多久"
# a figure left to other rules: "应当在规定时间内到达"
# or to a standard someone else makes: "森林火灾损失评估标准，由国务院林业主管部门会同有关部门制定"
RE_PRESCRIBED = re.compile(r"(?:规定|约定|要求|限定|指定)的?(?:时间|期限|时限|距离|范围|数量|人数|标准)"
                           r"|" + RE_STANDARD_BY.pattern)
# "没有按要求设置安全总监": an act left undone, which a fine is asked for
RE_UNDONE = re.compile(r"(?:没有|没|未|不)(?:按要求|按规定|依法|按照规定)?"
                       r"(?:设置|配备|设立|建立|配|设|投保|购买|买|办理|取得|开展|进行|组织|制定|编制|备案)([\u4e00-\u9fff]{2,12})")
# "多少人以上就必须设安全总监": what a threshold requires, set up or staffed, after the question word
RE_REQUIRED_AT = re.compile(r"(?:以上|以下)?的?[^，,。？?]{0,6}?(?:就|才|必须|应当|应该|要|得|需要|须|非得)+"
                            r"(?:设置|配备|设立|建立|配|设|成立|聘用|聘请|安排)(?:一名|一个|一位)?([\u4e00-\u9fff]{2,10})")
# "充电站和周边建筑之间的防火间距": the things a distance is between
RE_BETWEEN_Q = re.compile(r"([\u4e00-\u9fff]{2,14}?)(?:和|与|跟|同)[\u4e00-\u9fff]{1,10}?(?:之间)?的?(?:最小)?"
                          r"(?:防火|安全|卫生)?(?:间距|距离)")
RE_BOOK_TITLE = re.compile(r"《[^》]*》")  # a document a sentence cites
RE_ANY_NUMBER = re.compile(rf"{NUMBER}\s*(?:%|％|[\u4e00-\u9fff]{{1,2}})")
RE_DOC_SUFFIX = re.compile(r"(条例|办法|规定|细则|规程|要点|法)$")  # longest first: 办法 is not a 法
# trades with a hazard-judgment standard of their own in the ministry's series, by the words people
# use for them and the trade as the standard's title names it: "尾矿库…算不算非煤矿山的重大事故隐患" needs the
# 金属非金属矿山 one, however many laws mention 尾矿库
HAZARD_TRADES = {"非煤矿山": "金属非金属矿山", "金属非金属": "金属非金属矿山", "尾矿库": "金属非金属矿山",
                 "房屋市政": "房屋市政工程", "建筑施工": "房屋市政工程", "城镇燃气": "城镇燃气", "道路运输": "道路运输",
                 "水利工程": "水利工程", "民用爆炸物品": "民用爆炸物品", "民爆": "民用爆炸物品"}
RE_MAJOR_HAZARD = re.compile(r"重大(?:生产安全)?(?:事故)?隐患")
RE_GENERIC_STANDARD = re.compile(r"(?:重大)?(?:生产安全)?(?:事故)?(?:隐患)?判定标准")
RE_POINTED_RULES = re.compile(r"(?:那部|这部|那份|这份|那个|这个|那版|这版|新版|旧版)(?:的)?"
                              r"([\u4e00-\u9fff]{4,20}?(?<!暂行)规定)(?=[里中的对上]|[^\u4e00-\u9fff]|$)")
# suffixes that name a document when unquoted; "安全规定", "工作要点" are too often plain nouns
RE_CITED_SUFFIX = re.compile(r"(条例|办法|细则|规程|法)$")
# "那套办法", "提了什么整合办法": 办法 as "a way", not a title
RE_WAY_OF = re.compile(r"[这那该][套个种项]$|什么$|啥$|哪些$|哪种$|哪个$")
_NOUN_POS = ("n", "l", "j")
RE_ASKING = re.compile(r"[？?]|吗|呢|什么|哪|怎么|如何|多少|几|是否|何时|谁|规定了")  # jieba: nouns (n, nz, nt, ns, nr, ...), idioms, abbreviations
RE_WORD_OCCURS_Q = re.compile(r"(?:一词|这个词|[二两俩]字|这[两俩]?个字|字眼|字样)[^，,。？?]{0,4}(?:出现|提到|提及)了?(?:多少|几)次")
# "按本市条例", "该办法": a document named by pointing back (the place's own), not by its title
RE_DEICTIC_TITLE = re.compile(r"(?:本|该|此|这个?|那个?|上述)(?:市|省|区|县|地)?(?:的)?(?:地方)?(?:法规|条例|办法|规定|细则|规程|法)$"
                              # a kind of rules, not a title: "按地方条例", "相关法规", "省里的条例"
                              r"|(?:地方性?|当地|相关|有关|省里的?|市里的?|省级|市级)(?:法规|条例|规定|法律法规)$")
_COUNTERS = {"版", "项", "个", "部", "套", "条", "种", "类", "份"}  # "那51项…判定标准", "2015年那版…"
_NOT_IN_TITLES = {"国家", "新", "旧", "现行", "按", "按照", "依据", "根据", "依照", "是", "有", "要", "会", "能",
                  "够得上", "够不上", "算得上", "算不上", "够得着",  # jieba tags these idioms (l), like nouns
                  "算不算", "是不是", "属不属于", "有没有", "适不适用", "归不归"}  # "算不算条例里的…": asking, no title
MODALS = ("要", "需要", "应该", "应当", "能", "可以", "得", "会", "必须")  # "要不要张榜": 要 ends 不要 too
# verbs that make 办法 a way found, not a title: "想办法通知到", "没办法"
WAY_VERBS = {"想", "找", "有", "没", "没有", "想出", "拿出", "出", "另想"}
# words ending in 法 that are no title's head: "这样做合法吗" names no 《做合法》
_NOT_TITLE_HEADS = {"合法", "违法", "非法", "守法", "犯法", "不法"}


def _kind_parts(m: re.Match[str]) -> tuple[str, str]:
    """(modifier, head) of a RE_KIND match: 草原 火灾, 环境 事件."""
    if m.group(1):
        return m.group(1), m.group(2)
    return ("突发" + m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6))


@dataclass
class Judgement:
    reason: str | None  # None: the passages may answer

    @property
    def answerable(self) -> bool:
        return self.reason is None


class AnswerabilityJudge:
    """Checks a question against the retrieved passages and the corpus vocabulary.

    ``doc_freq(word)`` is the number of stored passages containing ``word`` (0: the
    corpus never uses it); ``titles()`` the titles of the stored documents;
    ``corpus_has(word)`` whether any document's text or title contains it.
    """

    def __init__(
        self,
        *,
        doc_freq: Callable[[str], int],
        titles: Callable[[], Iterable[str]],
        corpus_has: Callable[[str], bool],
        words: Callable[[str], list[str]],
        pos_words: Callable[[str], list[tuple[str, str]]],
        rare_df: Callable[[], float] = lambda: 20,
        everyday: Callable[[str], bool] = lambda w: False,
        word_freq: Callable[[str], int] = lambda w: 0,
        offices: Callable[[], set[str]] = set,
        min_coverage: float = 0.15,
        places: Path | None = PLACES,
        out_of_scope: Path | None = OUT_OF_SCOPE,
    ) -> None:
        if not 0 <= min_coverage < 1:
            raise ValueError("min_coverage must be in [0, 1) (EMKB_ABSTAIN_THRESHOLD)")
        self.doc_freq, self.titles, self.corpus_has = doc_freq, titles, corpus_has
        self.words, self.pos_words = words, pos_words
        self.min_coverage = min_coverage
        self.rare_df = rare_df  # a word in at most this many passages is specific
        self.everyday = everyday  # an everyday word the thesaurus maps to document terms (一共, 老板)
        self.word_freq = word_freq  # how common a word is in general Chinese (jieba's dictionary)
        self.offices = offices  # the offices the task records name
        self.places_path = places
        self._places: set[str] | None = None
        self._provinces: set[str] | None = None
        self._province_of: dict[str, str] = {}
        self._provinces_cover: set[str] = set()
        self._provinces_src: list[str] | None = None  # the title list _provinces_cover was built from
        self._local_places: dict[str, set[str]] = {}
        self.out_of_scope_path = out_of_scope
        self._out_of_scope: list[tuple[str, str]] | None = None
        self._forms: list[tuple[str, str, str, str, frozenset[str]]] = []
        self._forms_src: list[str] | None = None  # the title list _forms was built from
        self._own_places: set[str] = set()
        self._own_places_src: list[str] | None = None  # the title list _own_places was built from

    @property
    def places(self) -> set[str]:
        if self._places is None:
            names: set[str] = set()
            province_of: dict[str, str] = {}
            if self.places_path is not None and self.places_path.exists():
                for line in self.places_path.read_text(encoding="utf-8").splitlines():
                    if line.lstrip().startswith("#"):
                        continue
                    province, sep, cities = line.rpartition(":")  # "山东: 济南 青岛 …"
                    names.update(cities.split())
                    province_of.update((c, province.strip()) for c in cities.split() if sep)
            self._places, self._province_of = names, province_of
        return self._places

    @property
    def province_of(self) -> dict[str, str]:
        """The province a gazetteer city lies in (济南 -> 山东)."""
        _ = self.places
        return self._province_of

    @property
    def provinces(self) -> set[str]:
        """The province-level places: the gazetteer's first line."""
        if self._provinces is None:
            self._provinces = set()
            if self.places_path is not None and self.places_path.exists():
                for line in self.places_path.read_text(encoding="utf-8").splitlines():
                    if line.strip() and not line.lstrip().startswith("#"):
                        self._provinces = set(line.split())
                        break
        return self._provinces

    @property
    def out_of_scope_words(self) -> list[tuple[str, str]]:
        """(word, department) pairs, longest words first."""
        if self._out_of_scope is None:
            pairs: list[tuple[str, str]] = []
            if self.out_of_scope_path is not None and self.out_of_scope_path.exists():
                for line in self.out_of_scope_path.read_text(encoding="utf-8").splitlines():
                    if line.strip() and not line.lstrip().startswith("#") and "\t" in line:
                        dept, words = line.split("\t", 1)
                        pairs.extend((w, dept.strip()) for w in words.split())
            self._out_of_scope = sorted(pairs, key=lambda p: -len(p[0]))
        return self._out_of_scope

    # -- the checks, in order ------------------------------------------------
    def judge_question(self, question: str) -> Judgement:
        """The checks that need no passages: who is asked for, what is named. Run before any
        answer path, so that no task or clause answers a question about something absent."""
        q = unicodedata.normalize("NFKC", question)
        for check in (self.person_asked, self.out_of_scope, self.unknown_name, self.unknown_office,
                      self.unknown_place, self.unknown_event, self.unknown_order, self.unknown_grade, self.unknown_document,
                      self.unknown_edition, self.unknown_volume, self.unknown_hazard_trade):
            reason = check(q)
            if reason:
                return Judgement(reason)
        return Judgement(None)

    def judge(self, question: str, passages: list[str], coverage: float, primary: str | None = None,
              figure_passages: list[str] | None = None, primary_title: str = "", sentence: str = "") -> Judgement:
        """``passages``: the texts (and titles) of the best hits; ``primary``: the one the answer would
        quote (default: the first), ``primary_title`` its document's title, ``sentence`` the sentence it
        would quote; ``coverage``: the share of the question's known, weighted terms the passages
        contain (thesaurus terms count)."""
        q = unicodedata.normalize("NFKC", question)
        text = "\n".join(passages)
        primary = primary if primary is not None else (passages[0] if passages else "")
        first = self.judge_question(q)
        if not first.answerable:
            return first
        for check in (
            lambda: self.wrong_place(q, primary_title),
            lambda: self.referred_elsewhere(q, sentence),
            lambda: self.missing_body(q, sentence),
            lambda: self.deferred_matter(q, passages, sentence),
            lambda: self.missing_year(q, primary),
            lambda: self.missing_contact(q, primary, sentence),
            lambda: self.missing_number(q, sentence),
            lambda: self.other_event_kind(q, sentence),
            lambda: self.prescribed_elsewhere(q, sentence),
            lambda: self.missing_location(q, primary, primary_title),
            lambda: self.missing_date(q, primary),
            lambda: self.missing_formula(q, primary, passages if figure_passages is None else figure_passages),
            lambda: self.missing_quantity(q, passages if figure_passages is None else figure_passages),
            lambda: self.missing_between(q, passages if figure_passages is None else figure_passages),
            lambda: self.missing_theme(q, [primary]),  # the passage the answer quotes states it
            lambda: self.missing_requirement(q, passages),
            lambda: self.missing_outcome(q, primary),
            lambda: self.missing_meaning(q, primary),
            lambda: self.missing_exam(q, primary),
            lambda: self.missing_change(q, primary),
            lambda: self.reported_to_other(q, primary),
            lambda: self.missing_incident_aspect(q, passages),
            lambda: self.missing_members(q, passages, primary),
            lambda: self.missing_graded(q, primary, passages),
            lambda: self.missing_criteria(q, passages),
            lambda: self.planned_rulebook(q, passages),
            lambda: self.missing_part(q, passages),
            lambda: self.missing_basis(q, primary),
            lambda: self.missing_method(q, primary),
            lambda: self.papers_of_other(q, primary),
            lambda: self.fine_of_other(q, primary),
            lambda: self.missing_pay(q, primary),
            lambda: self.unknown_installed(q),
        ):
            reason = check()
            if reason:
                return Judgement(reason)
        if coverage < self.min_coverage:
            return Judgement("检索到的段落与问题的关键内容不相符")
        return Judgement(None)

    def person_asked(self, q: str) -> str | None:
        if RE_ROLE_PERSON.search(q) or RE_NAME_ASKED.search(q):
            return "知识库中的文件只写明机构和科室，不记载人员姓名"
        return None

    def out_of_scope(self, q: str) -> str | None:
        for word, dept in self.out_of_scope_words:
            if word in q and not self._corpus_says(word) and not self._listed_with_known(q, word) \
                    and not self._inside_everyday(q, word) \
                    and not all(RE_STATUS_BEFORE.search(q[: m.start()]) or RE_STATUS_AFTER.search(q[m.end() :])
                                for m in re.finditer(re.escape(word), q)):
                return f"“{word}”属于{dept}的业务，不在本应急管理知识库的范围内"
        return None

    def _inside_everyday(self, q: str, word: str) -> bool:
        """Every ``word`` in ``q`` modifies a longer phrase the thesaurus maps to the documents' terms
        (户口所在地 -> 户籍所在地: a place, whose head is 所在地): the question is about that, not the
        other business. A phrase ending in the word is still about it (燃气热水器 is a 热水器)."""
        for m in re.finditer(re.escape(word), q):
            if not any(self.everyday(q[m.start() : j]) for j in range(m.end() + 1, min(len(q), m.end() + 4) + 1)):
                return False
        return True

    def _corpus_says(self, word: str) -> bool:
        """The corpus uses ``word``, or its two halves joined by 的 (托运行李: "托运的行李")."""
        return self.corpus_has(word) or any(self.corpus_has(f"{word[:i]}的{word[i:]}") for i in range(2, len(word) - 1))

    def _listed_with_known(self, q: str, word: str) -> bool:
        """``word`` is one item of a 、-list whose other items the corpus covers ("矿山、工地、渔船这些
        行业"): the question is about those too, not only another department's business."""
        for m in re.finditer(re.escape(word), q):
            left, right = m.start(), m.end()
            while left > 0 and re.match(r"[\u4e00-\u9fff、]", q[left - 1]):
                left -= 1
            while right < len(q) and re.match(r"[\u4e00-\u9fff、]", q[right]):
                right += 1
            items = q[left:right].split("、")
            if len(items) < 2 or any(len(x) > LIST_ITEM_MAX for x in items):
                continue  # "报考X需要什么学历、干满几年": clauses, not a list of trades
            if any(RE_ASKS_IN_ITEM.search(x) for x in items):
                continue  # "转移联单要怎么填报、保存几年": short clauses, but each asks something
            if any(word in x and len(x) > len(word) + 6 for x in items):
                continue  # "高速上两辆车轻微剐蹭、没人受伤": the word is inside a clause, not an item
            others = [x for x in items if x and word not in x]
            if any(self.corpus_has(x) or self.corpus_has(x[:2]) or self.corpus_has(x[-2:]) for x in others):
                return True
        return False

    def unknown_name(self, q: str) -> str | None:
        for word, flag in self.pos_words(q):
            if (
                flag == "nr"
                and 2 <= len(word) <= 3
                and word[0] in SURNAMES
                and re.fullmatch(r"[\u4e00-\u9fff]+", word)
                and not self.corpus_has(word)
                and not self._not_a_name(q, word)
            ):
                return f"知识库中没有提到“{word}”"
        return None

    def _not_a_name(self, q: str, word: str) -> bool:
        """jieba tags "这段时间" -> 段时间, "在林子里" -> 林子里 as names: a name is not preceded by a
        demonstrative, does not end in a place word, and its given name is not a common word."""
        at = q.find(word)
        if at > 0 and q[at - 1] in "这那哪每一某该本此":
            return True
        if word[-1] in "里上下中内外边旁前后头":
            return True
        if self.everyday(word) or (len(word) == 3 and (self.everyday(word[:2]) or self.everyday(word[1:]))):
            # "种杨树和玉米": jieba tags them as names; the thesaurus knows them as things, and a thing
            # with a suffix too ("种一片杨树林"), or after a preposition that is also a surname ("向安监部门")
            return True
        if len(word) == 2 and self.word_freq(word) >= COMMON_WORD_FREQ and not RE_PERSON_CUE.match(q, at + 2):
            return True  # "提前张罗好", "山上林子烧掉": common words jieba's dictionary also tags as names
        if len(word) == 2 and self.word_freq(word) == 0 and self._object_follows(q, at + 2):
            return True  # "严审矿山": jieba guesses a verb it does not know as a name; a name takes no object
        if q[:at].endswith(MODALS) and self._verb_follows(q, at + len(word)):
            return True  # "要不要张榜公示": a modal before and a verb after make 张榜 a verb too, not a name
        if len(word) == 3 and self.corpus_has(word[:2]) and self.doc_freq(word[:2]) > 0:
            return True  # "万向节": the corpus says 万向管道; a surname and given name are not a word of it
        if len(word) == 3 and self.corpus_has(word[1:]) and self.word_freq(word[1:]) >= COMMON_WORD_FREQ:
            return True  # "付现金": a verb (付, also a surname) and a common noun the corpus uses, not a name
        return len(word) == 3 and self.doc_freq(word[1:]) > self.rare_df()

    def _verb_follows(self, q: str, at: int) -> bool:
        words = self.pos_words(q[at:])
        return bool(words) and words[0][1].startswith("v") and self.doc_freq(words[0][0]) > 0

    def _object_follows(self, q: str, at: int) -> bool:
        """A noun the corpus uses starts at ``at`` (矿山 in "严审矿山"), and it is no post or title a
        name comes with (张伟科长); a quoted one too (严审“三同时”)."""
        quoted = re.match(r"[“\"《「‘]([^”\"》」’]{2,12})[”\"》」’]", q[at:])
        if quoted:  # a term in quotes (jieba tags the corpus's own terms, 三同时, "x")
            return self.doc_freq(quoted.group(1)) > 0
        words = self.pos_words(q[at:])
        if not words:
            return False
        noun, flag = words[0]
        return (flag.startswith("n") and not flag.startswith("nr") and len(noun) >= 2
                and self.doc_freq(noun) > 0 and not RE_POST.search(noun))

    def unknown_office(self, q: str) -> str | None:
        """An office (…科, …支队) the corpus never names. jieba splits unknown names, so the text
        is scanned; "应急管理局应急协调科" is known by its tail, "危化科" as a short form. Only a
        question about an office's work names one: in "洗车场、洗浴中心停水" a 中心 is a business."""
        if not RE_OFFICE_WORK_Q.search(q):
            return None
        offices = self.offices()
        for name in offices_mod.mentioned(q):
            if offices_mod.resolve(name, offices) is not None:
                continue
            if not any(self.corpus_has(name[i:]) for i in range(len(name) - 2)):
                return f"知识库中没有“{name}”"
        return None

    def places_in(self, q: str) -> list[str]:
        """The gazetteer places a question names (short forms: 浙江, 中卫)."""
        names = (_place_base(w) for w in self.words(q))
        return [n for n in names if n in self.places]

    def local_places(self, title: str) -> set[str]:
        """The city or district a document's title is about (西安, 秦州; not 北京 or 山东, whose
        regulations cover many cities): a local plan speaks for that place only."""
        if title in self._local_places:
            return self._local_places[title]
        own = {p for p in self.places_in(title) if p not in self.provinces}
        own.update(p for p in self.places - self.provinces if title.startswith(p))  # 深圳经济特区…
        district = RE_SUBPLACE.match(title)  # "秦州区应急管理工作思路初探"
        if district and district.group(1) not in GENERIC_AREAS:
            own.add(_place_base(district.group(1)))
        self._local_places[title] = own
        return own

    def documents_places(self) -> set[str]:
        """The cities and districts the stored local documents are about (秦州, 西安), gathered once per
        title list rather than for every question."""
        titles = self.titles()
        if self._own_places_src is not titles:
            self._own_places = {p for t in titles for p in self.local_places(t)}
            self._own_places_src = titles
        return self._own_places

    def asked_places(self, q: str) -> set[str]:
        """The places a question names: gazetteer places and the local documents' own (秦州)."""
        asked = set(self.places_in(q))
        # and the place at the head of a title the dictionary keeps whole (北京市安全生产条例)
        asked.update(p for w in self.words(q) if len(w) > 4 and RE_DOC_SUFFIX.search(w)
                     for p in self.places if w.startswith(p))
        asked.update(p for p in self.documents_places() if p in q)
        return asked

    def wrong_place(self, q: str, title: str, asked: set[str] | None = None) -> str | None:
        """"秦州区组建了多少支队伍" answered from the 西安 plan: when the quoted passage's document is
        a city's or a district's and the question names other places but not that one, it does not
        answer (a national law answers anywhere: no judgement); nor does it answer what the whole
        country has in common ("全国统一的森林火警电话"). ``asked``: asked_places(q), when
        the caller has it."""
        own = self.local_places(title)
        # or a province's regulation, which speaks for that province: "北京…配专职安全员的比例" is not
        # answered by 浙江省安全生产条例, nor "济南…" (a city is judged by its province, below)
        province = not own
        if province:
            own = self.title_provinces(title)
            if not own:
                return None
        if RE_NATIONWIDE_Q.search(q):
            return f"检索到的段落出自《{title}》，说的是{'、'.join(sorted(own))}，不是全国统一的规定"
        asked = self.asked_places(q) if asked is None else asked
        # a city the question names is judged by its province (济南 lies in 山东)
        compared = {self.province_of.get(p, p) for p in asked} if province else asked
        if asked and not compared & own:
            return f"检索到的段落出自《{title}》，说的是{'、'.join(sorted(own))}，不是{'、'.join(sorted(asked))}"
        return None

    def referred_elsewhere(self, q: str, sentence: str) -> str | None:
        """"核电厂场外应急状态分几级" answered by "核电厂核事故的应急处置…依照《核电厂核事故应急管理
        条例》的规定执行": the corpus hands the matter to a regulation it does not hold. That answers
        only a question asking which rules apply."""
        if RE_DEFERRED.search(sentence) and not RE_WHO_Q.search(q) and not RE_WHICH_RULES_Q.search(q):
            return "知识库中的文件只写明具体办法另行制定，没有写明具体内容"
        # "一级红色预警的启动标准怎么划分": "预警级别的划分标准由国务院…制定" says who makes it, not what it is
        # (asked which article divides the levels, the article answers: "…哪一条把应急响应划分为四个级别")
        if RE_STANDARD_BY.search(sentence) and re.search(r"标准|划分", q) and not RE_WHO_Q.search(q) \
                and not RE_WHICH_RULES_Q.search(q) and not RE_WHICH_ARTICLE_Q.search(q):
            return "知识库中的文件只写明该标准由有关部门制定，没有写明标准的具体内容"
        if RE_FORM_BY.search(sentence) and RE_FORM_CONTENT_Q.search(q) and not RE_WHO_Q.search(q) \
                and not RE_WHICH_ARTICLE_Q.search(q):
            return "知识库中的文件只写明该表格由有关部门制定，没有写明表格的具体内容"
        m = RE_REFERRAL.search(sentence)
        # "…核事故的处置是怎么交代的，在第几条": the article that hands the matter over answers
        if not m or RE_WHICH_RULES_Q.search(q) or RE_WHICH_ARTICLE_Q.search(q) or self._title_known(m.group(1)):
            return None
        return f"知识库中的文件只写明依照《{m.group(1)}》的规定执行，而该文件不在知识库中"

    def deferred_matter(self, q: str, passages: list[str], sentence: str) -> str | None:
        """"蓄滞洪区的洪水保险，保费怎么交": a thing the question names (a specific noun, or two nouns
        the corpus writes together: 洪水 + 保险) that the passages name only where its rules are left
        to be made ("逐步推行洪水保险制度，具体办法另行制定") is answered by no sentence quoted about
        something else."""
        if RE_WHO_Q.search(q) or RE_WHICH_LAW_Q.search(q):  # 按什么标准赔 asks the terms, not the law
            return None
        words = self.pos_words(q)
        pairs = [a + b for (a, fa), (b, fb) in zip(words, words[1:])
                 if fa.startswith(_NOUN_POS) and fb.startswith(_NOUN_POS) and self.corpus_has(a + b)]
        for thing in [*self._specific_words(q), *pairs]:
            naming = [s for p in passages for s in _sentences(p) if thing in s]
            if naming and thing not in sentence and all(RE_DEFERRED.search(s) for s in naming):
                return f"知识库中的文件只写明“{thing}”的具体办法另行制定，没有写明具体内容"
        return None

    def prescribed_elsewhere(self, q: str, sentence: str) -> str | None:
        """"救护队接到召请最迟多少分钟内必须赶到": a sentence quoted that says only "在规定时间内到达"
        leaves the figure to rules the corpus does not hold."""
        pattern = figure_pattern(q) if RE_PRESCRIBED.search(sentence) else None
        if pattern is not None and not pattern.search(sentence):
            return f"检索到的段落只写明“{RE_PRESCRIBED.search(sentence).group(0)}”，没有写明具体数字"
        return None

    def missing_body(self, q: str, sentence: str) -> str | None:
        """"牵头监管部门是哪个局": the sentence quoted must name a 局 (a 部门, 委员会…), not only say that
        a list of duties was issued."""
        m = RE_WHICH_BODY_Q.search(q)
        if not m or not sentence or re.search(BODY_FORMS[m.group(1)], sentence):
            return None
        return f"检索到的段落中没有写明是哪个{m.group(1)}"

    def unknown_place(self, q: str) -> str | None:
        for word in self.words(q):
            name = _place_base(word)
            if name in self.places and not self.corpus_has(name) and not self._parent_of_known(q, word) \
                    and self.province_of.get(name) not in self._provinces_with_documents():
                return f"知识库中没有关于“{word}”的文件"
        return None

    def title_provinces(self, title: str) -> set[str]:
        """The province a province's regulation is titled after (山东省安全生产条例 -> 山东)."""
        return {p for p in self.provinces if title.startswith(p)}

    def _provinces_with_documents(self) -> set[str]:
        """Provinces a stored document is titled after (山东省安全生产条例): it speaks for their cities
        too, so "我在济南开厂" is no question about a place the corpus lacks."""
        titles = self.titles()
        if self._provinces_src is not titles:
            self._provinces_cover = {p for t in titles for p in self.title_provinces(t)}
            self._provinces_src = titles
        return self._provinces_cover

    def _parent_of_known(self, q: str, word: str) -> bool:
        """"天水秦州区": a city named before a district the corpus has (the 秦州区 article never says
        天水), or before a stored document's own place without its 区 ("天水秦州那篇文章"); "杭州西湖区"
        is still unknown when the corpus has no 西湖区."""
        own = self.documents_places()
        for m in re.finditer(re.escape(word), q):
            sub = RE_SUBPLACE.match(q, m.end())
            if sub and sub.group(1) not in GENERIC_AREAS and self.corpus_has(sub.group(1)):
                return True
            if any(q.startswith(p, m.end()) for p in own if p != word):
                return True
        return False

    def unknown_event(self, q: str) -> str | None:
        """An incident named by its date code (“7·20”暴雨) that no stored document mentions."""
        for m in RE_EVENT.finditer(q):
            a, b = m.groups()
            if not any(self.corpus_has(f"{a}{dot}{b}") for dot in "·•・‧.．"):
                return f"知识库中没有关于“{a}·{b}”事件的记载"
        for m in RE_NAMED_STORM.finditer(q):
            name = m.group(1) or m.group(2)
            if not self.corpus_has(name):
                return f"知识库中没有关于“{name}”的记载"
        return None

    def unknown_document(self, q: str) -> str | None:
        """A law, regulation or plan the question names that no stored title matches. A document the
        stored texts only mention (a policy article citing 危险化学品安全法) is not stored either;
        keyword searches ("重大事故隐患 煤矿安全规程") that merely contain its name are not about it."""
        for cited in self.cited_documents(q):
            if self._title_known(cited):
                continue
            # "《…十五五规划的建议》里“安全”一词出现了多少次": how often a word occurs in a document
            # the stored texts count for it (“安全”一词出现了57次) is theirs to answer, not the document's
            if self.corpus_has(cited) and RE_WORD_OCCURS_Q.search(q):
                continue
            if not self.corpus_has(cited) or RE_ASKING.search(q):
                return f"知识库中没有《{cited}》"
        return None

    def unknown_grade(self, q: str) -> str | None:
        """"A级大型焰火燃放活动按什么标准划分": a lettered grade no stored document uses."""
        for m in RE_LETTER_GRADE.finditer(q):
            label = m.group(1).upper() + "级"
            if not (self.corpus_has(label) or self.corpus_has(label.lower())):
                return f"知识库中没有关于“{label}”的规定"
        return None

    def unknown_hazard_trade(self, q: str) -> str | None:
        """"尾矿库干滩长度不够，算不算非煤矿山的重大事故隐患": a major hazard of a trade whose
        judgment standard no stored document is (the stored ones: 煤矿, 化工, 烟花爆竹, 工贸)."""
        if not RE_MAJOR_HAZARD.search(q):
            return None
        standards = [t for t in self.titles() if "隐患判定标准" in t]
        for trade, word in HAZARD_TRADES.items():
            if trade in q and not any(word in t for t in standards):
                return f"知识库中没有{word}重大事故隐患判定标准"
        return None

    def unknown_order(self, q: str) -> str | None:
        """"应急管理部令第10号《工贸企业重大事故隐患判定标准》": an order number no stored document
        carries or mentions names a document the corpus does not hold, whatever its title resembles."""
        from ingest.numerals import int_to_cn

        cited = [(m.group(1), m.group(2)) for m in RE_ORDER_NUMBER.finditer(q)]
        cited += [(m.group(1) + "令", m.group(2)) for m in RE_ORDER_NUMBER_AFTER.finditer(q)]
        for order, number_text in cited:
            n = int(number_text)
            number = f"{order}第{n}号"
            orders = {order, ORDER_ALIASES.get(order, order)}
            if not any(self.corpus_has(f"{o}第{x}号") for o in orders for x in (n, int_to_cn(n))):
                return f"知识库中没有{number}"
        return None

    def cited_documents(self, q: str) -> list[str]:
        """Titles the question names: 《…》, or a noun phrase ending in 法/条例/办法/规定/…
        ("劳动合同法对试用期…" -> 劳动合同法; "…怎么规定" is a verb and names nothing)."""
        out = [m.group(1) for m in re.finditer(r"《([^》]{2,40})》", q)]
        # a set of measures known by its count ("中卫市“36条措施”", 西安's “双十条”): a document,
        # which the stored texts may only mention ("贯彻…中卫市“36 条措施”")
        out += [re.sub(r"\s+", "", m.group(1)) for m in RE_QUOTED_MEASURES.finditer(q)]
        rest = re.sub(r"《[^》]*》", "，", q)
        # a hazard-judgment standard by its name ("金属非金属地下矿山重大事故隐患判定标准"), which jieba
        # cuts into 判定 and 标准: the words before it that are no part of a name (按照, 在) are dropped
        # (an aside in brackets is part of the name: "金属非金属矿山（非煤矿山）重大事故隐患判定标准")
        named = re.sub(r"[（(][\u4e00-\u9fff]{1,8}[）)](?=[\u4e00-\u9fff]*判定标准)", "", rest)
        for m in re.finditer(r"[\u4e00-\u9fff]{2,30}?判定标准", named):
            words = self.pos_words(m.group(0))
            i = len(words)  # the noun run that ends in 判定标准 (not "两个…", "那版…", "制定了多少项…")
            while i > 0 and (words[i - 1][0] == "判定" or (words[i - 1][1].startswith(_NOUN_POS + ("x", "b", "s", "a", "vn"))
                                                          and words[i - 1][0] not in _NOT_IN_TITLES | _COUNTERS)):
                i -= 1
            cited = "".join(w for w, _ in words[i:])
            if not RE_GENERIC_STANDARD.fullmatch(cited):  # "重大事故隐患判定标准": any of them
                out.append(cited)
        # a 规定 pointed at as a document ("那部工贸企业有限空间作业规定"); 规定 alone is too common a word
        # (a 暂行规定 is left to planned_rulebook: the passages may say it is yet to be made)
        # (a stored 办法 or 条例 of that name is what is meant: "那份应急预案管理规定")
        out += [m.group(1) for m in RE_POINTED_RULES.finditer(rest) if not RE_ASKING.search(m.group(1))  # 事情有什么规定
                and not any(self._title_known(m.group(1)[:-2] + kind) for kind in ("办法", "条例", "细则"))]
        rest = re.sub(r"[“”\"「」]", "", rest)  # 局"局队合一"实施办法: quotes inside a title do not end it
        for run in re.split(r"[^\u4e00-\u9fff]+|[和与及、或跟]", rest):
            words = self.pos_words(run)
            for i, (word, flag) in enumerate(words):
                # "x": a title from the user dictionary (特种设备安全法)
                if not RE_CITED_SUFFIX.search(word) or not flag.startswith(_NOUN_POS + ("x",)) \
                        or (word in _NOT_TITLE_HEADS and i > 0 and words[i - 1][1].startswith("v")):
                    continue
                j = i
                while j > 0 and words[j - 1][1].startswith(_NOUN_POS + ("v", "a", "b", "x")) and words[j - 1][0] not in _NOT_IN_TITLES:
                    j -= 1
                cited = "".join(w for w, _ in words[j : i + 1])
                if j >= 2 and words[j - 1][0] == "的" and words[j - 2][1] == "ns":
                    cited = words[j - 2][0] + cited  # "江苏省的安全生产条例": that province's
                before = "".join(w for w, _ in words[max(0, j - 2) : j])
                if word.endswith("办法") and (RE_WAY_OF.search(before) or (before.endswith("的") and len(cited) <= 4)):
                    continue  # "那套办法", "…备勤的轮值办法": a way of doing things, not a title
                if word == "办法" and i > 0 and words[i - 1][0] in WAY_VERBS:
                    continue  # "会不会专门想办法通知到": finding a way, not a title
                if len(cited) >= 3 and not RE_DEICTIC_TITLE.match(cited):
                    out.append(cited)
        return out

    def _title_forms(self) -> list[tuple[str, str, str, str, frozenset[str]]]:
        """(title, base, short, kind, characters) for every stored title and every 《…》 inside one,
        prepared once per title list (a province-level corpus has tens of thousands)."""
        titles = self.titles()
        # the retriever hands out one list per catalog generation; holding it keeps the identity meaningful
        if self._forms_src is not titles:
            forms = []
            for title in titles:
                # a notice that issues a plan is known by the plan's name too: 关于印发《X要点》的通知
                for base in [re.sub(r"[（(][^）)]*[）)]", "", title), *re.findall(r"《([^》]+)》", title)]:
                    short = base.replace("中华人民共和国", "")
                    if len(short) >= 3:
                        forms.append((title, base, short, _kind(base), frozenset(base)))
            self._forms, self._forms_src = forms, titles
        return self._forms

    def _title_known(self, cited: str) -> bool:
        return next(self._titles_matching(cited), None) is not None

    def _titles_matching(self, cited: str):
        """The stored titles ``cited`` may name (exactly, shortened, or by most of its characters)."""
        kind = _kind(cited)
        chars = set(cited) - set("中华人民共和国")
        # "西安市要点": the place and the kind of a stored title
        place = re.match(r"[\u4e00-\u9fff]{2,6}?[省市区县]", cited)
        named = self.places_in(cited)  # 江苏省…条例 is not 浙江省's, however many characters they share
        for title, base, short, base_kind, base_chars in self._title_forms():
            if named and not any(p in title for p in named):
                continue
            # "新安全生产法" names 安全生产法; "矿山安全法实施条例" names a regulation made under it
            if cited in base or (short in cited and not _kind(cited[cited.index(short) + len(short):])):
                yield title
            elif place and kind and place.group(0) in title and base_kind == kind:
                yield title
            elif kind and base_kind != kind:
                continue
            elif chars and len(chars & base_chars) / len(chars) >= 0.8:
                yield title

    def unknown_edition(self, q: str) -> str | None:
        """"2023年施行的新版《工贸企业重大事故隐患判定标准》" when only the 2017 edition is stored: a
        year next to a cited title with 版/修订/修正 must be one of the matching titles' years
        (titles without a year in them could be any edition: no judgement)."""
        for m in RE_EDITION.finditer(q):
            year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
            cited = m.group("t1") or m.group("t2") or m.group("t3") or m.group("t4")
            titles = set(self._titles_matching(cited))
            years = [set(re.findall(r"(?:19|20)\d{2}", t)) for t in titles]
            if titles and all(years) and not any(year in y for y in years):
                have = "、".join(f"《{t}》" for t in sorted(titles)[:3])
                return f"知识库中没有{year}年版的《{cited}》，只有{have}"
        return None

    def unknown_volume(self, q: str) -> str | None:
        """"辨识手册的烟草行业分册": a volume of a series whose stored volumes are named by trade
        (——有色行业, ——冶金行业): the trade must be one of theirs."""
        m = RE_VOLUME_Q.search(q)
        if not m:
            return None
        trade = m.group(1)
        volumes = [t.split("——", 1)[1] for t in self.titles() if "——" in t and t.endswith("行业")]
        if volumes and not any(trade in v for v in volumes):
            return f"知识库中没有{trade}行业的分册"
        return None

    def missing_year(self, q: str, text: str) -> str | None:
        # "（2016年修订，未含2019年修正）": a title naming the amendment it lacks is not of that year
        text = RE_LACKS_EDITION.sub("", text)
        for m in RE_YEAR.finditer(q):
            if m.group(0) not in text:
                return f"检索到的文件中没有{m.group(0)}年的内容"
        return None

    def missing_contact(self, q: str, text: str, sentence: str = "") -> str | None:
        if RE_CONTACT_Q.search(q):
            if not phone_number(text):
                return "知识库中没有相关的电话号码或联系方式"
            # "水上搜救的求救电话是多少": the 110 of another sentence is not the number of what is asked
            if sentence and not phone_number(sentence):
                return "检索到的段落中没有问题所问的电话号码"
        if RE_ADDRESS_Q.search(q) and not RE_ADDRESS.search(text):
            return "知识库中没有相关的地址"
        return None

    def other_event_kind(self, q: str, sentence: str) -> str | None:
        """"突发公共卫生事件的全国统一举报电话是多少": a sentence about another kind of 突发事件 only
        (“12369”环保举报热线 collects 突发环境事件's) does not answer for the kind asked."""
        asked = [k for k in EVENT_KINDS if k in q]
        said = [k for k in EVENT_KINDS if k in sentence]
        if asked and said and not set(asked) & set(said):
            return f"检索到的句子说的是{_event_name(said[0])}，不是{_event_name(asked[0])}"
        return None

    def missing_number(self, q: str, sentence: str) -> str | None:
        """"死亡率要压到具体哪个数以下": a number, which "控制在自治区下达的指标以内" does not give."""
        if sentence and RE_NUMBER_Q.search(q) and not _has_figure(sentence):
            return "检索到的段落中没有问题所问的具体数值"
        return None

    def missing_location(self, q: str, text: str, title: str = "") -> str | None:
        """"应急管理大学选址在哪个城市": the quoted passage must name a place (a city, a province, a
        district), not only speak of 选址."""
        if not RE_WHERE_Q.search(q):
            return None
        if title:  # the passage, not its document's title: 中卫市应急管理局 issued it, nothing says where
            text = text.replace(title, " ")
        if RE_LOCAL_LEVEL_Q.search(q):
            if any(m.group(0) not in q for m in RE_NAMED_LOCAL.finditer(text)):
                return None
            return "检索到的段落中没有写明具体是哪些镇街、社区或村"
        # "主要是在哪些地方": kinds of place listed (在化工区、保税港区、大型交通枢纽等特定区域) say where
        if RE_SOME_PLACES_Q.search(q) and RE_PLACE_KINDS.search(text):
            return None
        # "建在哪个区县": a place the question itself names (西安, 秦岭) does not say which
        # district within it; nor does a common word jieba tags as a place (深度)
        within = bool(RE_ADMIN_WHERE_Q.search(q))
        if any(p not in q or not within for p in self.places_in(text)) or any(
                f == "ns" and w not in GENERIC_PLACE_WORDS
                and not (within and (_place_base(w) in q or self.word_freq(w) >= PLACE_WORD_FREQ))
                for w, f in self.pos_words(text)):
            return None
        return "检索到的段落中没有写明具体地点"

    def _specific(self, word: str, known: bool = False) -> bool:
        """Few passages use ``word`` and it is no everyday word the thesaurus maps (一共, 老板);
        ``known``: the corpus uses it at all (翻出来, 煤比 are how people talk, not things)."""
        df = self.doc_freq(word)
        return (df > 0 or not known) and df <= self.rare_df() and not self.everyday(word)

    def missing_amount(self, q: str, passages: list[str], figure: re.Pattern[str] | None = None) -> str | None:
        """"X是多少" / "多少X" without a unit: some sentence must give a figure (``figure``: of that
        kind) next to X."""
        m = RE_AMOUNT_Q.search(q) or (RE_MONEY_Q.search(q) if figure is not None else None)
        if not m:  # "帐篷和折叠床各储备了多少": how much was done, of things listed together
            done = RE_DONE_AMOUNT.search(q)
            listed = self._listed_unknown(re.split(r"[，,；;。：:]", q[: done.start()])[-1]) if done else []
            return self._figure_missing(listed[-1:], passages, figure)
        # only a specific thing (公务员, 分数线, 党建经费) needs its own figure; generic words
        # (标准, 人数) are asked about in many ways the passages answer without repeating them
        # (一共, tagged an abbreviation, is an everyday word the thesaurus maps to 总数: not a thing)
        nouns: list[str] = []
        money = RE_MONEY_Q.search(q) if figure is not None else None
        said = RE_PRICE_WORD.match(q, money.start()) if money else None
        fee = re.match(r"多少([\u4e00-\u9fff]{0,4}?费)", q[money.start():]) if money else None
        if said:  # "收费标准是多少": a price (a fine in 元 is none)
            nouns = [said.group(0)]
        elif fee:  # "收多少审批费": a sum named as that fee (a fine in 元 is none)
            nouns = [fee.group(1)]
        elif q[m.start() : m.start() + 2] == "多少":  # 多少公务员: the noun after (多少财政专项资金: its head)
            run: list[str] = []
            for w, f in self.pos_words(q[m.start() + 2 :]):
                if not f.startswith(_NOUN_POS) or len(w) < 2:  # 多少时必须…: 时 is no thing
                    break
                run.append(w)
            after = run[-1:]
            if after and not self._specific(after[0]):
                return None
            nouns = after
        # 死亡率的控制指标具体是多少, 风险值R算到多少才…: the thing named before (in the clause
        # before, when the question word's own has none: "…死亡率目标，具体是个什么数值")
        clauses = [c for c in re.split(r"[，,；;。：:]", q[: m.start()]) if c]  # "…会被罚款吗，罚多少"
        for clause in clauses[::-1][: 2 if m.group(0).endswith(("数值", "数字")) else 1]:
            if nouns:
                break
            tagged = [(w, f) for w, f in self.pos_words(clause) if f.startswith(_NOUN_POS)
                      and _place_base(w) not in self.places and w not in MEASURE_NOUNS]
            # the nearest specific noun the corpus knows (翻出来, 煤比: colloquial or mis-cut, not things)
            nouns = [w for w, _ in tagged if len(w) >= 2 and self._specific(w, known=True)][-1:]
            if not nouns:  # or a one-character one right before the question word (风险值 -> 值)
                near = {w for w, _ in self.pos_words(clause)[-3:]}
                nouns = [w for w, _ in tagged if w in near and self._specific(w, known=True)][-1:]
            if not nouns:  # "帐篷和折叠床各储备了多少": nouns listed together are things, known or not
                nouns = self._listed_unknown(clause)[-1:]
        return self._figure_missing(nouns, passages, figure)

    def _figure_missing(self, nouns: list[str], passages: list[str], figure: re.Pattern[str] | None) -> str | None:
        """No sentence that gives a figure (``figure``: of that kind) names the last of ``nouns``."""
        # 热线号码是多少, 序号是多少: a number, not a figure (a table row gives 序号 without the word)
        if not nouns or RE_CONTACT_NOUN.fullmatch(nouns[-1]) or RE_IDENTIFIER_NOUN.fullmatch(nouns[-1]):
            return None
        sentences = [s for p in passages for s in _sentences(p) if (figure.search(s) if figure is not None else _has_figure(s))]
        if any(re.search(NOUN_FORMS.get(n, re.escape(n)), s) for n in nouns for s in sentences):
            return None
        return f"检索到的段落中没有“{nouns[-1]}”的具体数字"

    def _listed_unknown(self, text: str) -> list[str]:
        """Nouns the corpus never uses, of two that ``text`` joins with 和/与/及/、 ("帐篷和折叠床"):
        a colloquial word (翻出来) is not listed beside another thing, so these name things."""
        words = self.pos_words(text)
        found: list[str] = []
        for (a, fa), (j, _), (b, fb) in zip(words, words[1:], words[2:]):
            if j in LIST_JOINERS and all(f.startswith("n") and not f.startswith("nr") and len(w) >= 2
                                         and not self.corpus_has(w) for w, f in ((a, fa), (b, fb))):
                # one may be an everyday word the thesaurus maps (帐篷 -> 过渡性安置): not the thing asked
                found += [w for w in (a, b) if w not in found and not self.everyday(w)]
        return found

    def missing_formula(self, q: str, text: str, passages: list[str]) -> str | None:
        """"可能性L取3、严重性S取4，算出来是什么颜色": values given for a formula's letters need the
        quoted passage to compute with such letters (R=L×S, R≥12), not only to name them (L值);
        so does "风险值R算出来多少以上就判为红色", which asks a letter's value."""
        if RE_VALUE_GIVEN.search(q):
            return None if RE_LETTER_MATH.search(text) else "检索到的段落中没有按这些取值计算的方法或结果"
        asked = RE_LETTER_ASKED.search(q)
        if not asked:
            return None
        letter = asked.group(0)[0]  # that letter's value or formula (S=MAX(…) says nothing of R)
        given = re.compile(rf"(?<![A-Za-z]){letter}\d?(?![A-Za-z])\s*(?:[=＝≥≤<>×*＞＜]\s*[\dA-Z]|{RE_LETTER_VALUE_TAIL})"
                           rf"|\d\s*[≤<＜×*]\s*{letter}(?![A-Za-z])")
        if any(given.search(p) for p in passages):
            return None
        return f"检索到的段落中没有给出{letter}的数值或计算方法"

    def missing_date(self, q: str, text: str) -> str | None:
        if not date_asked(q):  # "汛期从哪天算起、到哪天结束，这个是谁来定的": who is asked
            return None
        if RE_MONTHS_Q.search(q) and not RE_MONTH.search(text):  # "防火期是每年哪几个月"
            return "检索到的段落中没有写明月份"
        if RE_YEARS_Q.search(q) and not RE_YEAR.search(text):  # "三年行动是从哪年到哪年"
            return "检索到的段落中没有写明年份"
        if RE_YEAR_MONTH_Q.search(q) and not RE_YEAR_MONTH.search(text):
            return "检索到的段落中没有写明年月"
        if not RE_DATE_Q.search(q) or RE_DATE.search(text):
            return None
        if RE_COUNTED_FROM_Q.search(q) and RE_PERIOD_Q.search(q) and RE_COUNTED_FROM.search(text):
            return None
        if RE_DUE_Q.search(q) and (RE_DUE.search(text) or RE_DUE_BEFORE.search(text)):
            # "给的时间节点是哪天": a plan's deadline is "到2023年底", a day or not; "最迟哪天之前要
            # 申请": a day counted back from an event ("活动举办日的20日前")
            return None
        return "检索到的段落中没有具体日期"

    def missing_members(self, q: str, passages: list[str], primary: str) -> str | None:
        """"七个物流中心分别在哪些区县" asks for the members of a counted set (or of a 名单): a
        passage that gives the count ("充分利用京东七个物流中心") without listing them does not answer."""
        if not RE_MEMBERS_Q.search(q) or RE_WHICH_ARTICLE_Q.search(q):  # "哪一条规定…分四级": an article asked
            return None
        found = [m for m in RE_COUNTED.finditer(q) if m.group(1) not in ("一", "1")]  # 哪一项 is not a set
        counted = [m.group(0) for m in found]
        labels = [m.group(0) + RE_LABEL_END.split(q[m.end() :], maxsplit=1)[0] for m in found]
        for m in RE_BATCH.finditer(q):  # "第二批保障单位都有哪几家": the members of a named batch
            counted.append(m.group(0))
            labels.append(m.group(0) + RE_LABEL_END.split(q[m.end() :], maxsplit=1)[0])
        for m in RE_QUOTED_COUNT.finditer(q):  # "“三卡”是指哪三张卡": a slogan the passages may only quote
            if m.group(0) not in counted:
                counted.append(m.group(0))
                labels.append(m.group(0))
        if "名单" in q:  # "第二批…保障单位名单里有哪些企业": a list of names is a set too
            counted.append("名单")
            labels.append("名单")
        papers = RE_PAPERS_Q.search(q)  # "要交哪几份材料": the papers listed, not "提交规定的材料"
        if papers:
            counted.append(papers.group(1))
            labels.append(papers.group(1))
        if not counted:
            return None
        mentioned = False
        for p in passages:
            for phrase, label in zip(counted, labels):
                name = label[len(phrase) :]
                for m in re.finditer(re.escape(phrase), p):
                    mentioned = True
                    rest = re.split(r"[。；;\n]", p[m.end() : m.end() + 300], maxsplit=1)[0]
                    # "协调发挥市政府20个安全生产督导组、市安委会13个专业委员会…": the thing counted is
                    # one item of a 、-list, whose other items are its siblings, not its members
                    if len(name) >= 2 and rest.startswith(name) and rest[len(name) : len(name) + 1] in SIBLING_JOINS:
                        continue
                    if RE_LIST_AFTER.search(rest):
                        return None
                    # "推进源头治本、法治固基、科技赋能、人才强队“四个建设”": the members named before it
                    before = re.split(r"[。；;]", p[max(0, m.start() - 120) : m.start()])[-1]
                    if RE_LIST_BEFORE.search(re.sub(r"\s+", "", before)):
                        return None
        if not mentioned and _list_markers(primary) >= 2:
            return None  # "三个目标分别是什么" answered by 一是…二是…三是
        return f"检索到的段落提到了“{labels[0]}”，但没有列出具体是哪些"

    def planned_rulebook(self, q: str, passages: list[str]) -> str | None:
        """"…要制定的化工企业异常工况安全处置准则，里面规定了哪些处置步骤": a rulebook no stored title
        matches, which the passages name only as something to be made, has no content in the corpus."""
        if not RE_CONTENT_Q.search(q):
            return None
        for m in RE_RULEBOOK.finditer(q):
            name = re.split(r"的|说|要|将|拟|[那这][份个部项]", m.group(0))[-1]  # "应急管理部那份…暂行规定"
            if len(name) < 6 or self._title_known(name):
                continue
            at = [(p, i) for p in passages for i in (x.start() for x in re.finditer(re.escape(name), p))]
            words = self.words(name) if not at else []
            if words and len(words[0]) >= 2 and len("".join(words[-2:])) >= 4:
                # named in a list with other things ("出台我市密室逃脱、玻璃栈道等…安全监管责任清单"): its
                # first word, a 、 or 等, then its last two words (not "推动乡镇(街道)专项预案“多案合一”",
                # which says what is to be done with the 乡镇…专项预案 asked about)
                named = rf"{re.escape(words[0])}[^。；;\n]{{0,30}}?{re.escape(''.join(words[-2:]))}"
                at = [(p, x.start()) for p in passages for x in re.finditer(named, p) if re.search("[、等]", x.group(0))]
            if at and all(RE_TO_MAKE.search(p[max(0, i - 8) : i]) for p, i in at):
                return f"知识库中没有《{name}》的内容，检索到的段落只提到要制定它"
        return None

    def _nouns(self, text: str, tags: tuple[str, ...] = ("n",)) -> list[str]:
        """The nouns of ``text``, two characters or more, by jieba's "n…" tags (not 漏不, tagged "l",
        of 测一次漏不漏电) or by the ``tags`` given."""
        return [w for w, f in self.pos_words(text) if f.startswith(tags) and len(w) >= 2]

    def unknown_installed(self, q: str) -> str | None:
        """"高层住宅楼的消防电梯应该怎么设置": a thing asked how to set up (its noun phrase, 消防电梯)
        that the corpus never names, though it names each of its words (消防, 电梯)."""
        m = RE_HOW_SET_Q.search(q)
        thing = self._noun_run(m.group(1)) if m else ""
        if len(thing) >= 3 and not self.corpus_has(thing):
            return f"知识库中没有关于“{thing}”的规定"
        return None

    def _noun_run(self, text: str, *, leading: bool = False) -> str:
        """The noun phrase ``text`` ends with, by jieba's tags (重大网络安全事件, not its last word 事件),
        or with ``leading`` the nouns it starts with, together (安全总监 of "安全总监，按…")."""
        words = self.pos_words(text)
        tags = ("n", "an", "vn", "x") if leading else _NOUN_POS + ("a", "b", "vn")
        run = []
        for w, f in words if leading else reversed(words):
            if not f.startswith(tags) or not re.fullmatch(r"[\u4e00-\u9fff]+", w):
                break
            run.append(w)
        return "".join(run if leading else reversed(run))

    def missing_criteria(self, q: str, passages: list[str]) -> str | None:
        """"重大网络安全事件的判定标准是什么": when the passages name the thing (its trailing noun
        phrase, verbatim) only in sentences that define nothing ("避免发生重大网络安全事件"), they do
        not give its criteria; a thing no passage names verbatim is left to the other checks."""
        m = RE_CRITERIA_Q.search(q)
        if not m:
            return None
        thing = self._noun_run(m.group(1))
        if len(thing) < 4:
            return None
        naming = [s for p in passages for s in _sentences(p) if thing in s]
        if naming and not any(RE_DEFINING.search(s) for s in naming):
            return f"检索到的段落只提到“{thing}”，没有写明其判定标准"
        return None

    def missing_graded(self, q: str, primary: str, passages: list[str]) -> str | None:
        """"网络安全事件分为几个等级": the passage quoted must be about that thing (its last word:
        事件), not give the grades of 铁路交通事故; and "焰火晚会分几个危险等级" needs the grades
        themselves (分为四级, 一级、二级), not "确定危险等级，实行分级管理"."""
        m = RE_GRADES_Q.search(q) or RE_GRADES_HOW_Q.search(q)
        if m:  # the thing graded: the noun run the question ends it with (网络安全事件, not 事件)
            graded = m.group(1) or m.group(2)
            # (a grade word ends group 2; jieba may tag it a verb: 衔级)
            run = self._noun_run(graded) or (self.pos_words(graded)[-1][0] if m.group(2) else "")
            thing = re.sub(r"(?:的)?(?:等级|级别|分级)$", "", run)  # 事故等级 -> 事故
            # or its last two words together and the rest apart: "无锡化工企业安全风险" is the 安全风险
            # of 《无锡市化工（危险化学品）企业安全风险评估和分级办法》
            words = [w for w, _ in self.pos_words(thing)]
            apart = len(words) > 2 and "".join(words[-2:]) in primary and all(c in primary for c in "".join(words[:-2]))
            if len(thing) >= 2 and thing not in primary and not apart:
                return f"检索到的段落没有写明“{thing}”怎样分级"
        if RE_GRADE_COUNT_Q.search(q) and not any(RE_GRADE_LIST.search(p) for p in passages):
            return "检索到的段落没有写明分为哪几级"
        lines = RE_GRADE_LINES_Q.search(q)
        if lines:  # the thing graded leads the question (草原火灾按…, 生产安全事故特别重大…)
            thing = re.match(rf"[\u4e00-\u9fff]*?(?=按|根据|的|{GRADE_NAME}|分为|[，,])", q)
            named = [p for p in passages if thing.group(0) in p] if thing and len(thing.group(0)) >= 2 else [primary]
            if not any(RE_THRESHOLD.search(p) for p in named):
                return "检索到的段落没有写明各等级之间的界限"
        return None

    def papers_of_other(self, q: str, primary: str) -> str | None:
        """"安全生产许可证申请延期时需要提交哪些材料": the list quoted must be the papers of that
        procedure; a passage listing 应急预案备案's papers, with neither 许可证 nor 延期, is another's."""
        m = RE_PAPERS_FOR_Q.search(q)
        if not m:
            return None
        word = self._specific_word_absent(m.group(1), primary, verbs=True)
        return f"检索到的段落没有写明“{word}”要交哪些材料" if word else None

    def fine_of_other(self, q: str, primary: str) -> str | None:
        """"电动自行车推进楼道里充电，个人会被罚多少钱": the fine quoted must be for that act; a
        passage with none of the act's specific words (森林防火's fine for 个人) fines something else."""
        m = RE_FINE_Q.search(q)
        if not m:
            return None
        words = self._specific_words(q[: m.start()], verbs=True)
        # two or more: one specific word (护林员 in "被护林员逮到") may be an incidental detail
        if len(words) >= 2 and not any(w in primary for w in words):
            return f"检索到的段落中没有关于“{words[0]}”的罚则"
        # "没有按要求设置安全总监…罚多少钱": the act left undone (安全总监) must be in a sentence that
        # fines, or in the items such a sentence heads (设置安全生产管理机构 is another duty)
        undone = RE_UNDONE.search(q[: m.start()])
        thing = self._noun_run(undone.group(1), leading=True) if undone else ""
        if len(thing) >= 3 and self.corpus_has(thing) \
                and not any(thing in block and RE_MONEY.search(block) for block in _fining_blocks(primary)):
            return f"检索到的段落中罚款的规定不涉及“{thing}”"
        return None

    def missing_pay(self, q: str, primary: str) -> str | None:
        """"台风天企业停工停产期间，员工工资应该怎么发": the passage quoted must speak of pay; a
        hazard item on 停产停业期间组织生产经营 does not say what is paid."""
        if RE_PAY_Q.search(q) and not RE_PAY.search(primary):
            return "检索到的段落没有写明工资待遇怎样支付"
        return None

    def missing_basis(self, q: str, primary: str) -> str | None:
        """"尾矿库的等别是按坝高和库容怎么划分的": the passage quoted must name the basis (坝高 or
        库容), not only the thing divided; and "尾矿库的风险等级是按什么标准划分的" must be about
        that thing: its specific nouns (尾矿库) in the passage, not a company's risk grades."""
        m = RE_BASIS_Q.search(q)
        if not m:
            return None
        if not RE_BASIS_ASKED.search(m.group(2)):
            parts = [x for x in re.split(r"[和与及、跟或]", re.sub(r"的?(?:大小|高低|多少)$", "", m.group(2)))
                     if len(x) >= 2 and x not in GENERIC_BASIS]
            # "按国家的生产安全事故分级": a scheme named in words of its own (生产安全事故), any of which will do
            words = {w for x in parts for w, _ in self.pos_words(x) if len(w) >= 2 and w not in GENERIC_BASIS}
            if parts and not any(x in primary for x in parts) and not any(w in primary for w in words):
                return f"检索到的段落没有写明按“{'、'.join(parts)}”怎样划分"
        word = self._specific_word_absent(m.group(1), primary)
        return f"检索到的段落没有写明“{word}”怎样划分" if word else None

    def missing_method(self, q: str, primary: str) -> str | None:
        """"旅游景区节假日的最大游客承载量按什么方法核定": the passage quoted must name what is worked
        out (its last noun, 承载量), not only where (旅游景区, in a definition of 专用机动车辆)."""
        m = RE_WORKED_OUT_Q.search(q)
        if not m:
            return None
        phrase = m.group(1) or m.group(2)
        # (or its last word, whatever jieba tags it: 保费 is tagged a verb)
        nouns = self._nouns(phrase) or [w for w, _ in self.pos_words(phrase) if len(w) >= 2][-1:]
        if nouns and nouns[-1] not in primary:
            return f"检索到的段落没有写明“{nouns[-1]}”怎样核定"
        return None

    def _specific_words(self, text: str, verbs: bool = False) -> list[str]:
        """The nouns of ``text`` (and verbs, with ``verbs``: 延期, 充电) that the corpus uses in few passages."""
        return [word for word, tag in self.pos_words(text)
                if len(word) >= 2 and (tag.startswith(_NOUN_POS) or (verbs and tag == "v"))
                and self.doc_freq(word) > 0 and self._specific(word, known=True)]

    def _specific_word_absent(self, text: str, primary: str, verbs: bool = False) -> str | None:
        """The first specific word of ``text`` that ``primary`` lacks: the thing a question names that
        the quoted passage is not about."""
        return next((w for w in self._specific_words(text, verbs) if w not in primary), None)

    def missing_part(self, q: str, passages: list[str]) -> str | None:
        """"114次应急响应里，一级响应有几次" asks for a part of a total the question states: a
        passage that gives only the total ("启动114次应急响应") does not answer."""
        m = RE_PART_Q.search(q)
        if not m:
            return None
        total = RE_TOTAL.search(q[: m.start()])
        part = re.sub(r"(方面|类|的)$", "", m.group("x"))
        if not total:
            # "应急响应当中，一级响应一共有几次": no total stated, but the part's own count is still
            # asked; a sentence with 114次应急响应 and no 一级响应 does not give it ("村里的队伍有几个人",
            # "省里布置的任务最晚几月": 里 is a place and 几月 no count)
            asked = quantity_asked(q)
            pattern = figure_pattern(q)
            if m.group(0).startswith(("其中", "当中")) and asked is not None and asked.unit in COUNT_UNITS \
                    and pattern is not None and len(part) >= 3 and not _said_with_figure(part, passages, pattern):
                return f"检索到的段落中没有“{part}”单独的数字"
            return None
        unit = _unit(total.group(0))  # the part is counted in the total's unit (a year is no answer)
        for p in passages:
            for sentence in _sentences(p):
                if part in sentence and any(f.group(0) != total.group(0) and _unit(f.group(0)) == unit
                                            for f in RE_FIGURE.finditer(sentence)):
                    return None
        return f"检索到的段落只有总数“{total.group(0)}”，没有“{part}”单独的数字"

    def missing_exam(self, q: str, primary: str) -> str | None:
        if RE_EXAM_ENTRY_Q.search(q) and not RE_EXAM.search(primary):
            return "检索到的段落没有写明考试的报名条件"
        if RE_EXAM_SUBJECTS_Q.search(q) and "科目" not in primary:
            return "检索到的段落没有写明考试的科目"
        return None

    def missing_meaning(self, q: str, primary: str) -> str | None:
        """"红、黄、绿标识各代表什么": the thing whose meaning is asked (its last noun: 标识) must be
        in the passage quoted; a sentence on 房屋设施加固 says nothing of what a mark means."""
        m = RE_MEANING_Q.search(q)
        nouns = self._nouns(m.group(1), _NOUN_POS) if m else []
        if nouns and nouns[-1] not in primary:
            return f"检索到的段落没有写明“{nouns[-1]}”代表什么"
        return None

    def missing_outcome(self, q: str, text: str) -> str | None:
        """"最后有没有通过评议": the passage must report a result (已…, 获得, 被评为), not the plan to seek it."""
        if RE_OUTCOME_Q.search(q) and not RE_OUTCOME.search(text):
            return "检索到的段落只写了工作安排，没有写最后的结果"
        return None

    def reported_to_other(self, q: str, text: str) -> str | None:
        """"几个小时内向生态环境部门报告": the passage must name that body; an accident reported to the
        安全生产监督管理部门 within 1 hour is another duty. Everyday names (安监局) are left alone."""
        m = RE_REPORT_TO_Q.search(q)
        if not m:
            return None
        body = m.group(1)
        # (two characters are a short name: 监管部门, 环保部门 stand for longer ones the passage uses)
        if len(body) >= 4 and not self.everyday(body) and body not in text and self.corpus_has(body):
            return f"检索到的段落没有写明向{body}{m.group(2)}报告"
        return None

    def missing_change(self, q: str, text: str) -> str | None:
        """"目录调整后新增了哪些品种": the passage must say what was added (新增, 增列, 列入), not only
        that a list exists and is revised from time to time."""
        if RE_ADDED_Q.search(q) and not RE_ADDED.search(text):
            return "检索到的段落没有写明新增了哪些内容"
        return None

    def missing_theme(self, q: str, passages: list[str]) -> str | None:
        """"宣传月的活动主题是什么": a passage must state a 主题 (口号, 标语), not only the event."""
        m = RE_THEME_Q.search(q)
        if not m:
            return None
        word = m.group(1)
        for p in passages:  # a sentence naming the 主题 and quoting it; 主题教育 is a campaign, not a theme
            for sentence in _sentences(p.replace("主题教育", "")):
                if word in sentence and re.search(r"[“「\"][^”」\"]{2,40}[”」\"]", sentence):
                    return None
        return f"检索到的段落中没有写明{word}"

    def missing_requirement(self, q: str, passages: list[str]) -> str | None:
        """"安全总监的学历和工作年限有什么要求": each specific thing whose requirement is asked must be
        in some passage; the passages on 安全总监 that never speak of a 学历 do not answer."""
        m = RE_REQUIREMENT_Q.search(q)
        if not m:
            return None
        text = "\n".join(passages)
        for part in re.split(r"[和与及、跟或]", m.group(1)):
            tagged = self.pos_words(part)
            if not tagged or not tagged[-1][1].startswith(_NOUN_POS):
                continue
            noun = tagged[-1][0]
            if len(noun) >= 2 and self._specific(noun, known=True) \
                    and not re.search(REQUIREMENT_FORMS.get(noun, re.escape(noun)), text):
                return f"检索到的段落中没有关于“{noun}”的要求"
        return None

    def missing_quantity(self, q: str, passages: list[str]) -> str | None:
        pattern = figure_pattern(q)
        if pattern is None and RE_MONEY_Q.search(q):
            # "罚款多少": a sum in 元 (or a multiple, 一倍以上三倍以下); 一百人 is no fine
            if not any(RE_MONEY.search(p) for p in passages):
                return "检索到的段落中没有具体的金额"
            return self.missing_amount(q, passages, figure=RE_MONEY)
        if pattern is None:  # "多少直接经济损失": some figure, about what is asked
            return self.missing_amount(q, passages) or self.missing_count(q, passages) or (
                self.missing_incident_figure(q, passages, RE_FIGURE) if RE_AMOUNT_Q.search(q) else None)
        if not any(pattern.search(p) for p in passages):
            return "检索到的段落中没有问题所问的数字"
        # "特种作业操作证每隔几年复审一次": how often something is done that the corpus never names
        once = RE_DONE_ONCE.search(q) if RE_HOW_OFTEN.search(q) else None
        m = quantity_asked(q)  # the question word, which the checks below all measure from
        if once and m and m.start >= once.end():
            once = None  # "钻进去一次最多能待多长时间": how long each time, not how often
        if once:
            # "巡查多久得来一次": the act is 巡查, not the 得来 or 多久 that follow it
            words = [w for w, _ in self.pos_words(once.group(1)) if w not in NOT_ACTS and not RE_HOW_LONG_WORD.search(w)]
            act = words[-1] if words else ""
            if len(act) >= 2 and not self.corpus_has(act) and not self.everyday(act):
                return f"知识库中没有关于“{act}”的规定"
            # "多久上门做一次入户安全检查": or what is done, named after (入户, which the corpus never uses)
            done = self._nouns(re.match(r"[\u4e00-\u9fff]*", q[once.end() :]).group(0))
            # or before the question word ("燃气入户安全检查多久做一次": its noun phrase)
            done += self._nouns(self._noun_run(q[: m.start])) if m else []
            unknown = [w for w in done if not self.corpus_has(w) and not self.everyday(w)]
            if unknown:
                return f"知识库中没有关于“{unknown[0]}”的规定"
        # "每学期至少组织几次演练": a count per period, which a passage must give per that period
        period = RE_PERIOD_COUNT_Q.search(q)
        if period and not any(re.search(PERIOD_FORMS.get(period.group(1), re.escape(period.group(1))), p) for p in passages):
            return f"检索到的段落中没有按“每{period.group(1)}”计的次数"
        # "每平方米最多几个人", "一吨煤提几块钱" ask a rate: some passage must count per 平方米, per 吨
        per = RE_PER.search(q) or RE_PER_ONE.search(q)
        if per and not any(re.search(PER_FORMS.get(per.group(1), "每" + re.escape(per.group(1))), p) for p in passages):
            return f"检索到的段落中没有按“每{per.group(1)}”计的数字"
        # "应急计划区的半径是多少公里": the specific thing right before the question word must be in a
        # sentence that gives the figure (a distance in 公里 about something else does not answer)
        head = RE_HEAD_NOUN.search(q[: m.start]) if m else None
        if head:
            tagged = self.pos_words(head.group(1))
            # a term of validity (有效期, 保质期) is a thing's own, however many passages use the word:
            # "干粉灭火器有效期是几年" is not answered by a sentence without it, nor by one giving
            # 安全生产许可证的有效期 (the thing named before it, 灭火器, must be there too)
            if tagged and tagged[-1][0] in TERM_NOUNS:
                term = tagged[-1][0]
                before = [t for t in tagged[:-1] if t[0] != "的"]  # 灭火器的有效期
                owner = before[-1][0] if before and before[-1][1].startswith(_NOUN_POS) else ""
                if not _said_with_figure((term, owner), passages, pattern):
                    return f"检索到的段落中没有“{owner}{term}”的具体数字"
            reason = self._noun_without_figure(tagged[-1] if tagged else None, True, passages, pattern)
            if reason:
                return reason
        # "被列入严重失信主体名单后，多久可以申请移出": the time is counted from an event; its noun
        # (名单), if few passages use it, must be in a sentence that gives the time
        event = RE_AFTER_EVENT.search(q[: m.start]) if m and (m.unit in TIME_QUESTION_UNITS or m.word in ("多久", "多长时间")) else None
        if event:
            nouns = [t for t in self.pos_words(event.group(1))
                     if t[1].startswith(_NOUN_POS) and t[0] not in NO_EVENT_NOUNS]
            reason = self._noun_without_figure(nouns[-1] if nouns else None, True, passages, pattern)
            if reason:
                return reason
        # "加油站离居民楼最少要隔多少米": a distance from a thing (居民楼) needs that thing in a sentence
        # giving the distance, however everyday the word (放散管口…离地面不小于10米 is from the ground)
        away = RE_DISTANCE_FROM.search(q[: m.start]) if m and (m.unit in ("米", "公里") or m.word == "多远") else None
        if away:
            # its first noun (jieba tags 明火 "a"): 明火 in 离明火和电器, 离有明火的地方
            nouns = self._nouns(away.group(1), _NOUN_POS + ("a",))
            if nouns and not _said_with_figure(nouns[0], passages, pattern):
                return f"检索到的段落中没有离“{nouns[0]}”的距离"
        # "员工达到多少人必须设置安全总监": what the figure requires (总监) must be in a sentence giving
        # it; 从业人员三百人以上的…设置安全生产管理机构 is the threshold of something else
        required = RE_REQUIRED_AT.match(q, m.end) if m else None
        if required:
            nouns = self._nouns(required.group(1))
            if nouns and not _said_with_figure(nouns[-1], passages, pattern):
                return f"检索到的段落中没有要求“{nouns[-1]}”的人数或数量"
        # "干滩长度最小多少米": the thing measured, right before its measure word, likewise
        measured = RE_MEASURED.search(q[: m.start]) if m else None
        if measured:
            tagged = [t for t in self.pos_words(measured.group(1)) if len(t[0]) >= 2]
            reason = self._noun_without_figure(tagged[-1] if tagged else None, False, passages, pattern)
            if reason:
                return reason
        # "按营业收入的百分之几": a share of what; a share of 年收入 is no share of 营业收入
        # (without a leading pronoun or time or a trailing count: 其上一年年收入 -> 年收入;
        # 上一年营业收入 -> 营业收入, which 上一年度营业收入 names; 职工人数 -> 职工, which 职工总数
        # names too)
        base = RE_SHARE_BASE.search(q[: m.end]) if m and m.share else None
        if base and not self.everyday(base.group(1)):
            words = self.pos_words(base.group(1))
            while len(words) > 1 and words[0][1].startswith(("t", "m", "r")):
                words = words[1:]
            while len(words) > 1 and words[-1][0] in COUNT_NOUNS:
                words = words[:-1]
            head = "".join(w for w, _ in words) or base.group(1)
            if not _said_with_figure(head, passages, pattern):
                return f"检索到的段落中没有按“{base.group(1)}”计的比例"
        # "几年以上驾龄": the thing counted, named right after the question word, likewise
        # (a measure: "几种颜色" counts kinds a list of 红色、橙色 answers without the word)
        # and "多少起森林草原火灾": incidents of that kind (81次应急会商 counts no 火灾)
        after = RE_COUNTED_AFTER.match(q, m.end) if m and m.unit in MEASURE_UNITS + ("起",) else None
        if after and m.unit in TIME_QUESTION_UNITS and re.match(r"(?:以内|之内|内)", q[m.end:]):
            after = None  # "几天内退回去": what must be done within the time, not a thing counted
        if after:
            tagged = self.pos_words(after.group(1))
            reason = self._noun_without_figure(tagged[0] if tagged else None, False, passages, pattern)
            if reason:
                return reason
            # incidents are counted by their kind's last word, however common (较大生产安全事故 -> 事故)
            kind = [w for w, _ in tagged if len(w) >= 2][-1:] if m.unit == "起" else []
            if kind and not _said_with_figure(kind[0][-2:], passages, pattern):
                return f"检索到的段落中没有“{kind[0]}”的起数"
        # "多少公顷才算重大草原火灾": a figure about 森林火灾 is about another kind of 火灾
        # (草原火 is how people say 草原火灾)
        kinds = [_kind_parts(m) for m in RE_KIND.finditer(re.sub(r"(草原|森林)火(?![灾车])", r"\1火灾", q))]
        if kinds:
            figured = [s for p in passages for s in _sentences(p) if pattern.search(s)]
            figured_passages = [p for p in passages if pattern.search(p)]
            for mod, head in kinds:
                # sentences first; then whole passages with their titles ("突发事件…2小时内报告" in the
                # 突发公共卫生事件应急条例 is about another kind of 突发事件 than 突发环境事件)
                for units in (figured, figured_passages):
                    with_head = [s for s in units if re.search(head + "(?!件)", s)]  # 许可证件 is any permit
                    if with_head and not any(mod + head in s for s in units) and all(
                        any(k[1] == head and k[0] != mod for k in map(_kind_parts, RE_KIND.finditer(s)))
                        for s in with_head
                    ):
                        return f"检索到的段落中的数字说的是别的{head}，不是“{mod}{head}”"
        # "死亡多少人才算重大突发环境事件": the thing a threshold defines must be in a passage
        # that gives the figure (the grades of 生产安全事故 define no 突发环境事件)
        threshold = RE_THRESHOLD_Q.search(q)
        if threshold:
            nouns = self._nouns(threshold.group(1), _NOUN_POS)
            if nouns and not any(nouns[-1] in p and pattern.search(p) for p in passages):
                return f"检索到的段落中没有“{nouns[-1]}”的标准"
        # "2023年一共死亡多少人": a count for a year; a grade's threshold (3人以上10人以下死亡) counts nothing
        if m and m.unit in ("人", "名", "个人", "起", "次") and RE_YEAR_NAMED.search(q) and not threshold and not any(
                not RE_RANGE_AFTER.match(s, f.end()) for p in passages for s in _sentences(p) for f in pattern.finditer(s)):
            return "检索到的段落中只有划分等级的标准，没有问题所问的具体数字"
        return self.missing_incident_figure(q, passages, pattern)

    def missing_between(self, q: str, passages: list[str]) -> str | None:
        """"电动汽车充电站和周边建筑之间的防火间距要留多少": a distance between two things, asked for,
        needs the first thing (its last noun: 充电站) in a sentence giving a figure; 甲类仓库's
        distances to 其他建筑 are not a 充电站's."""
        m = RE_BETWEEN_Q.search(q)
        if not m or not re.search(r"多少|多远|多大|多宽|几米|几公里", q[m.end() :]):
            return None
        nouns = self._nouns(m.group(1))
        if nouns and not _said_with_figure(nouns[-1], passages, RE_FIGURE):
            return f"检索到的段落中没有“{nouns[-1]}”与其他场所之间的距离"
        return None

    def missing_count(self, q: str, passages: list[str]) -> str | None:
        """"计划新建几个市级应急物资储备库": the thing counted (the last noun after 几个) must be in a
        sentence that gives some figure; a figure about 3万人 counts no 储备库."""
        m = RE_COUNT_Q.search(q)
        if not m:
            return None
        run = []
        for w, f in self.pos_words(q[m.end():]):
            if not f.startswith(_NOUN_POS + ("vn",)):
                break
            run.append(w)
        nouns = [w for w in run if len(w) >= 2]
        if not nouns:
            return None
        noun = nouns[-1]
        # however everyday the thing (喇叭), when the passages name it in full (防汛应急喇叭), a sentence
        # naming it must count it: "推动防汛应急喇叭…全域覆盖" gives no number
        named = len(run) >= 2 and any("".join(run) in p for p in passages)
        if (self._specific(noun, known=True) or named) and not any(
                noun in s and _has_figure(s) for p in passages for s in _sentences(p)):
            return f"检索到的段落中没有“{noun}”的具体数字"
        return None

    def _noun_without_figure(self, tagged: tuple[str, str] | None, known: bool, passages: list[str],
                             pattern: re.Pattern[str]) -> str | None:
        """A specific noun (``tagged``: word and flag) that no sentence giving the figure names."""
        if tagged is None or not tagged[1].startswith(_NOUN_POS):
            return None
        noun = tagged[0]
        if len(noun) >= 2 and self._specific(noun, known=known) and not _said_with_figure(noun, passages, pattern):
            return f"检索到的段落中没有“{noun}”的具体数字"
        return None

    def missing_incident_aspect(self, q: str, passages: list[str]) -> str | None:
        """"长峰医院火灾的直接原因": a sentence naming the incident (its rare words) must speak of its
        原因 (经过, 责任人); a list of incidents handled says nothing of any one's cause."""
        m = RE_INCIDENT_ASPECT.search(q)
        words = self._incident_words(m.group("x")) if m else []
        if words and not any(all(w in s for w in words) and m.group("a") in s for p in passages for s in _sentences(p)):
            return f"检索到的段落中没有“{'、'.join(words)}”的{m.group('a')}"
        return None

    def _incident_words(self, name: str) -> list[str]:
        """The rare words of an incident's name: what a sentence about it must say (烧烤店, 长峰)."""
        return [w for w in self._nouns(name, _NOUN_POS) if 0 < self.doc_freq(w) <= self.rare_df()]

    def missing_incident_figure(self, q: str, passages: list[str], pattern: re.Pattern[str]) -> str | None:
        """"那起烧烤店燃气爆炸事故造成多少人死亡", "台风“杜苏芮”造成了多少直接经济损失": a figure about
        that incident, so a sentence that names it (its specific words) must give the figure; a list of
        incidents handled gives none."""
        incident = RE_INCIDENT_Q.search(q) or RE_INCIDENT_CAUSED.search(q)
        words = []
        if incident:  # its rare words, everyday ones too (烧烤店 is how people say 餐饮, and a thing here)
            words = self._incident_words(incident.group("x"))
        before = RE_INCIDENT_BEFORE.search(q) if not words else None
        if before:
            words = self._incident_words(before.group("x"))
        words += [m.group(1) or m.group(2) for m in RE_NAMED_STORM.finditer(q)]  # 台风“杜苏芮” (a known one)
        # a figure the question states itself (积石山 6.2级地震) is no answer about the incident
        if words and not any(all(w in s for w in words) and any(f.group(0) not in q for f in pattern.finditer(s))
                             for p in passages for s in _sentences(p)):
            return f"检索到的段落中没有“{'、'.join(words)}”的具体数字"
        return None


FIGURE_UNITS = "%|％|℃|度|元|万元|亿元|人|名|个|项|次|起|吨|天|日|年|个月|月|小时|分钟|米|公里|平方米|公顷|户|家|座|所|辆|艘|倍|分|台|套|处|件|条|类|种|批|期|届|成"
CN_DIGIT = "零〇一二两三四五六七八九十半"  # 亿元, 万元 alone name a magnitude, not a figure
RE_FIGURE = re.compile(
    rf"(?:(?<![第\d.])\d+(?:\.\d+)?|(?<![第{CN_NUM}])[{CN_NUM}]*[{CN_DIGIT}][{CN_NUM}]*)\s*(?:{FIGURE_UNITS})"  # not 第一百零八条
    r"|(?<![\d-])\d{2,7}-\d{2}-\d"  # a CAS number (67-56-1; a PDF table glues the next row's number on)
    r"|[≤≥<>＜＞]\s*\d+(?:\.\d+)?|(?<![\d.])\d+\.\d+(?![\d.])|\d+(?:\.\d+)?\s*(?:mg|kg|g|m|mm|cm|km|L|t|MPa|kPa|Pa|kV|V|kW|℃|°C|‰|dB)(?![a-zA-Z])"
)

RE_SUBPLACE = re.compile(r"(?:市)?([\u4e00-\u9fff]{2,4}?(?:区|县|旗|镇|乡))")
GENERIC_AREAS = set("开发区 高新区 新区 园区 景区 社区 城区 辖区 矿区 库区 灾区 山区 老区 市区 郊区 地区 自治区 主城区 工业区 林区 牧区 风景区 保护区".split())


def _place_base(word: str) -> str:
    """"西安市" -> "西安": the name the gazetteer lists; "北京市政府" (one word to jieba) -> "北京";
    "宁夏回族自治区" -> "宁夏", "深圳经济特区" -> "深圳"."""
    word = re.sub(r"(?<=[省市区县州盟])(?:人民)?政府$", "", word)
    # 新疆维吾尔自治区 -> 新疆, 深圳经济特区 -> 深圳
    base = re.sub(r"(省|市|(?:维吾尔|壮族|回族)?自治区|经济特区|特区|地区|区|县|州|盟)$", "", word)
    return base if len(base) >= 2 else word  # 杭州, 郑州 are names themselves, not 杭 + 州


def phone_number(text: str) -> bool:
    """Whether ``text`` gives a phone number: 0951-1234567, a mobile number, “12369”, 拨打110."""
    return bool(RE_PHONE.search(text) or RE_SERVICE_NUMBER.search(text))


ITEM_MARKS = (RE_H1, RE_H2, RE_H3, RE_H4)  # the parser's own: 一、 （一） 1. （1）


def is_item(line: str) -> bool:
    """A numbered item of a list: （一）, 1., (1)."""
    return any(mark.match(line.lstrip()) for mark in ITEM_MARKS)


def items_after(text: str, end: int) -> str:
    """The numbered items that follow a list's head ("…处三年以上七年以下有期徒刑：" then （一）（二）)."""
    out = []
    for line in text[end:].split("\n"):
        if not line.strip():
            continue
        if not is_item(line):
            break
        out.append(line)
    return "\n".join(out)


def _fining_blocks(text: str) -> list[str]:
    """The sentences of ``text``, a list's head joined with the items after it (…处十万元以下的罚款：
    （一）未按照规定设置安全生产管理机构的)."""
    blocks: list[str] = []
    pos, joined = 0, False
    for line in text.split("\n"):
        pos += len(line) + 1
        if joined and (not line.strip() or is_item(line)):
            continue  # an item already joined to its head
        blocks.extend(_sentences(line) or [""])
        items = items_after(text, pos) if line.rstrip().endswith(("：", ":")) else ""
        blocks[-1] += items
        joined = bool(items)
    return blocks


# a word as people write it and as the documents do: 电器设备 is the regulations' 电气设备
WRITTEN_VARIANTS = (("电器", "电气"),)


def _said_with_figure(words: str | tuple[str, ...], passages: list[str], pattern: re.Pattern[str]) -> bool:
    """Some sentence of ``passages`` gives a figure ``pattern`` finds and names ``words`` (one word, or
    each of several; or their written variants) outside the titles it cites (落实《…督导、销号实施办法》
    says nothing of how long 销号 takes)."""
    forms = []
    for word in (words,) if isinstance(words, str) else words:
        form = re.escape(word)
        for said, written in WRITTEN_VARIANTS:
            form = form.replace(said, f"(?:{said}|{written})")
        forms.append(form)
    for p in passages:
        for s in _sentences(p):
            if not pattern.search(s):
                continue
            untitled = RE_BOOK_TITLE.sub("", s)
            if all(re.search(form, untitled) for form in forms):
                return True
            # "发现有本条例第十九条规定情形之一的，应当在2小时内…报告": the cases are the ones the
            # article it points to lists, when that article is among the passages
            ref = RE_CASES_OF_ARTICLE.search(untitled)
            if ref and any(re.search(rf"(?:^|\n)\s*第{ref.group(1)}条", other) and all(re.search(form, other) for form in forms)
                           for other in passages if other is not p):
                return True
    return False


RE_CASES_OF_ARTICLE = re.compile(rf"本(?:条例|法|办法|规定)第([{CN_NUM}]+)条规定(?:的)?情形")


def _has_figure(sentence: str) -> bool:
    """A figure other than a year (2023年 dates a sentence; it does not count anything)."""
    return any(not re.fullmatch(r"(19|20)\d{2}\s*年", f.group(0)) for f in RE_FIGURE.finditer(sentence))


def _unit(figure: str) -> str:
    """"293亿元" -> "元", "114次" -> "次": the unit a figure counts in, money in any magnitude."""
    unit = re.sub(rf"^[\d.\s{CN_NUM}]+", "", figure)
    return "元" if unit.endswith("元") else unit


def _kind(title: str) -> str:
    m = RE_DOC_SUFFIX.search(title)
    return m.group(1) if m else ""


# rules asked of things counted before: "有几台冲床，…有什么安全要求" (几台 is "a few")
RE_RULES_ASKED = re.compile(r"(?:什么|哪些|啥)[^，,。？?]{0,4}(?:要求|规定|条件|标准|措施|手续)")
# another thing asked besides a count: "新买了几台叉车…最晚什么时候得去登记" asks when, and 几台 is "a few"
RE_WHICH_ARTICLE_END = re.compile(r"(?:是|在)?(?:哪一?条|哪个条款|哪一款|第几条)(?:规定的?)?[？?。]*\s*$")
RE_OTHER_ASKED = re.compile(r"什么时候|啥时候|何时|哪|谁|怎么|如何|多久|多长时间|是否|要不要|能不能|可不可以|行不行|可以不|吗[？?]?$"
                            r"|有没有|会不会|给不给|管不管|算不算|用不用|该不该")  # "耽误了几天活，有没有补贴"


def date_asked(question: str) -> bool:
    """A date question word (哪天, 几号) that is not followed by a clause pointing back at it and
    asking who ("汛期从哪天算起、到哪天结束，这个是谁来定的": the date is what is decided)."""
    last = None
    for last in RE_DATE_Q.finditer(question):
        pass
    return last is None or not RE_BACK_TO_WHO.search(question[last.end() :])


# "能不能先腾几层…" (not "能不能说说…几层", a request to be told)
RE_YES_NO_ASKED = re.compile(r"(?:能不能|可不可以|能否|可否|行不行|让不让|准不准|许不许)(?!说|告诉|讲|查|帮|问)")
RE_YES_NO_END = re.compile(r"(?:(?:住|行|用|可以|能)?(?:不|吗|么|没有?)|([\u4e00-\u9fff])[不没]\1|可不可以)[？?]?\s*$")  # …行不行？


@dataclass(frozen=True)
class Asked:
    """A quantity question word in a question: where it stands, and what it asks for. One of
    ``unit`` (多少天 -> 天), ``word`` (多远, 多久, 年龄上限) and ``share`` (百分之几, 零点几) is set."""

    start: int
    end: int
    unit: str | None = None
    word: str | None = None
    share: str | None = None


def quantity_asked(question: str) -> Asked | None:
    """The quantity question word (多少天, 几个人, 多久), skipping "了几台": a few of something
    bought or come, when the question asks something else; or a unit named before it (学时要求多少)."""
    found = [Asked(m.start(), m.end(), *m.groups()) for m in RE_QUANTITY_Q.finditer(question)]
    found += [Asked(m.start(), m.end(), unit=m.group(1)) for m in RE_UNIT_THEN_Q.finditer(question)]
    found += [Asked(m.start(), m.end(), unit=m.group(1)) for m in RE_MODIFIED_UNIT_Q.finditer(question)]
    for a in found:
        # (or carried, bought: "坐长途大巴带几箱鞭炮回老家，被查到会怎么处理")
        if question[a.start - 1 : a.start] in ("了", "过", "把", "带", "拿", "搬", "买", "囤") and question[a.start] == "几" \
                and RE_OTHER_ASKED.search(question[a.end:]):
            continue
        if question[a.start - 1 : a.start] == "有" and question[a.start] == "几" \
                and RE_RULES_ASKED.search(question[a.end:]):
            continue  # "车间里有几台冲床，对这些冲床有什么安全要求": a few presses, whose rules are asked
        if question[a.start] == "几" and (RE_YES_NO_END.search(question)
                                          or RE_YES_NO_ASKED.search(question, 0, a.start)):
            continue  # "能先腾几层给工人住不", "能不能先腾几层…": a few floors, in a question asked yes or no
        if RE_WHICH_ARTICLE_END.search(question, a.end):
            continue  # "列举…几种情形的是哪一条": the article is asked, not the count
        return a
    return None


def figure_pattern(question: str) -> re.Pattern[str] | None:
    """For "多少天 / 几个人 / 多远 / 多久" questions: the figures in the unit asked for."""
    if RE_SHARE_Q.search(question):  # "浓度多高", "含量多大": a share or a concentration, not a height
        return RE_SHARE
    m = quantity_asked(question)
    if not m:
        return None
    # a frequency (每半年) answers how often, never how many people or how many hours at a stretch
    often = False
    if m.word in ("多大风力", "风力多大") or m.unit == "级" and (
            re.match(r"(?:以上|及以上)?的?(?:大|阵|强)?风", question[m.end :])
            or "风力" in question[: m.start]):  # 几级风, 几级以上的风力, 风力几级, 多大风力
        return re.compile(rf"{NUMBER}\s*级(?:以上|及以上)?(?:的)?(?:大|阵|强)?风|风力[^。；]{{0,6}}?{NUMBER}\s*级")  # 几级风
    if m.unit == "级" and RE_GRADE_ASKED.search(question):
        # "这种算几级": a grade, which the documents name (较大事故, Ⅲ级) as often as they number it
        return re.compile(rf"{NUMBER}\s*级|特别重大|重大|较大|一般(?:事故|灾害|事件|突发)|[ⅠⅡⅢⅣIV]+\s*级")
    if m.unit in ("种", "类") and question[m.start] == "几":  # "警报有红橙黄蓝几种": a few kinds, which a list counts (红色、橙色、黄色和蓝色)
        return re.compile(rf"{NUMBER}\s*(?:{UNITS[m.unit]})|{RE_KIND_LIST.pattern}")
    if m.unit:
        units = UNITS[m.unit]
        often = m.unit in TIME_QUESTION_UNITS and bool(RE_HOW_OFTEN.search(question)) \
            and not RE_AT_A_STRETCH.search(question)  # "一次最长能连续开几个小时": a duration
    elif m.share and m.share.startswith("零点"):  # "指标是零点几": a decimal (0.03), not 5%
        return re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])|零点[零一二三四五六七八九]+")
    elif m.share:  # a percentage: 5%, 百分之五
        return re.compile(rf"{NUMBER}\s*(?:[%％]|个百分点)|百分之[{CN_NUM}\d.]+")
    elif m.word in ("多大面积", "面积多大") or (m.word in ("多大范围", "范围多大") and "面积" in question):
        # "烧了多大面积", "受害森林面积在多大范围内"
        units = AREA_UNITS
    elif m.word == "多高" and RE_DEGREE_Q.search(question):  # "度数多高的白酒", "温度多高": degrees
        units = UNITS["度"]
    elif m.word.startswith(("年", "多大年", "多大岁")):  # "司机有没有年龄上限", "多大年纪": an age in 岁
        units = UNITS["岁"]
    elif m.word in ("多远", "多高", "多深", "多宽", "多大半径", "半径多大", "多大范围", "范围多大"):
        units = DISTANCE_UNITS
    else:
        units, often = TIME_UNITS, True
    return re.compile(rf"{NUMBER}\s*(?:{units})" + (r"|每个?(?:年|半年|季度|月|周|星期|日|天)" if often else ""))


RE_KIND_LIST = re.compile(r"(?:[\u4e00-\u9fff]{1,10}、){2,}[\u4e00-\u9fff]{1,10}"
                          r"|[\u4e00-\u9fff]{1,10}、[\u4e00-\u9fff]{1,10}(?:和|或者?|及)[\u4e00-\u9fff]{1,10}")  # 红色、橙色和蓝色
RE_YEAR_NAMED = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")
RE_RANGE_AFTER = re.compile(r"\s*(?:以上|以下|以内|及以上|及以下)")  # 3人以上: a bound, not a count
COUNT_NOUNS = {"人数", "总数", "数量", "总量", "总额", "数额", "数"}  # 职工人数: a count of 职工
# (高度白酒 is strong liquor, 高度重视 close attention: no height)
RE_MEASURED = re.compile(r"([\u4e00-\u9fff]{2,8}?)的?(?:长度|高度(?![白烈]?酒|重视|警惕|关注)|宽度|深度|厚度|间距|直径|半径)")  # 干滩长度
RE_GRADE_ASKED = re.compile(r"(?:算|属于|定为|定成|评为|划为|是|为|够)(?:第)?几级")
RE_SHARE_BASE = re.compile(r"按(?:照)?([\u4e00-\u9fff]{2,8}?)的(?:百分之|多少%|多少％|多少比例|多大比例|什么比例)")  # 按营业收入的百分之几
RE_DEGREE_Q = re.compile(r"(?:度数|温度|酒精度|气温|水温|油温)[^，,。？?]{0,4}?多高")
RE_SHARE_Q = re.compile(r"(?:浓度|含量|纯度|占比|比例|比重|含水率)[^，,。？?]{0,6}?(?:多高|多大)")
RE_SHARE = re.compile(rf"{NUMBER}\s*(?:[%％‰]|ppm|mg/m[3³]|g/m[3³]|毫克|克/立方米)|百分之[{CN_NUM}\d.]+|[<>≤≥]\s*\d")
TIME_QUESTION_UNITS = ("天", "日", "个工作日", "小时", "个小时", "分钟", "年", "个月", "月")
RE_HOW_OFTEN = re.compile(r"一次|一回|每隔|间隔|频次|周期")
NOT_ACTS = {"来", "去", "得", "得来", "要", "要来", "需", "需要", "应", "应该", "应当", "必须", "得要", "就", "才", "再"}
RE_HOW_LONG_WORD = re.compile(r"多久|多长|几|每隔|隔")
RE_AT_A_STRETCH = re.compile(r"连续|最长|持续|一口气")
RE_DONE_ONCE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:一次|一回)")  # "每隔几年需要复审一次": what is done


# a part of a total the question states: "51项标准，其中矿山方面的有几项", "293亿元资金里，救灾资金单独是多少"
RE_PART_Q = re.compile(r"(?:其中|里面?|当中)[，,]?(?P<x>[\u4e00-\u9fff]{2,10}?)的?(?:单独|分别|具体|一共)?(?:有|占|是|为)?(?:几|多少)")
COUNT_UNITS = ("次", "起", "项", "家", "名", "人", "个人", "支", "座", "所", "条", "种", "户", "艘", "辆", "台")
RE_TOTAL = re.compile(rf"(?:\d+(?:\.\d+)?|(?<!第)[{CN_NUM}]{{2,}})\s*(?:项|次|个|亿元|万元|元|人|名|家|支|起|件|条|所|座|户|批)")


# a count per period: "每学期至少组织几次" (每年 in a passage is no count per 学期)
RE_PERIOD_COUNT_Q = re.compile(r"每个?(学期|季度|半年|年|月|周|星期)[^，,。？?]{0,12}?(?:几|多少)次")
PERIOD_FORMS = {"学期": r"学期", "季度": r"季度|每季", "半年": r"半年", "年": r"每年|年度|全年|一年|每\s*年",
                "月": r"每月|每个月|月度", "周": r"每周|每星期|每个星期", "星期": r"每周|每星期|每个星期"}


# a rate asked for: "每平方米最多几个人", "每期培训多少课时" (每年, 每天 are how often, see figure_pattern)
RE_PER = re.compile(r"每(平方米|立方米|公里|千米|吨|人|户|班|期|批|车|辆|台)")
RE_PER_ONE = re.compile(r"(?<![\d第十百千万])[一1](平方米|立方米|公里|千米|吨)[\u4e00-\u9fff]{0,3}?(?:提|交|缴|收|罚|补|算|给|要)?(?:几|多少)")
PER_FORMS = {"平方米": r"每平方米|/\s*(?:m2|m²|㎡|平方米)", "人": r"每人|人均|每名", "公里": r"每公里|每千米|/\s*km",
             "千米": r"每公里|每千米|/\s*km", "立方米": r"每立方米|/\s*(?:m3|m³)"}


# a question about the members of a counted set: "七个物流中心分别在哪些区县", "十项重点任务具体是哪十项"
RE_MEMBERS_Q = re.compile(
    r"分别|具体是哪|具体有哪|哪些|哪几|是哪[\u4e00-\u9fff]{0,2}项"
    r"|[都各](?:叫|是|有|在)(?:什么|哪)|具体都?在(?:什么|哪)|(?:名字|名称)(?:是什么|有哪些)"  # 都叫什么, 都在什么位置
    r"|都?包(?:括|含)(?:了)?(?:什么|哪|啥)"  # "那14项合作举措都包括什么"
    r"|[是指]哪[几两一二三四五六七八九十]{1,2}(?:个|种|类|条|家|大|张|件)"  # "“六大系统”是哪六个", "“三卡”是指哪三张卡"
    r"|逐条|逐项|一一列|列一下|每[条项](?:都)?(?:写|说|讲)的?(?:什么|啥|是)|具体内容"  # "十项重点任务能逐条列一下吗"
)
SIBLING_JOINS = ("、", "和", "及", "与")  # what joins a counted thing to the next item of its list
RE_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,10}、){2,}[\u4e00-\u9fff]{2,10}(?:等)?[“\"]$")  # the named set in quotes
RE_FINE_Q = re.compile(r"(?:会被|被|要|得|会|将)?罚(?:款)?(?:多少|几)")
# the kinds of 突发事件 a sentence may be about ("突发公共卫生事件" is not "突发环境事件")
EVENT_KINDS = ("公共卫生事件", "环境事件", "社会安全事件", "自然灾害", "事故灾难")


def _event_name(kind: str) -> str:
    return "突发" + kind if kind.endswith("事件") else kind


# "停工停产期间员工工资应该怎么发": pay asked, which the passage quoted must speak of
RE_PAY_Q = re.compile(r"(?:工资|薪酬|报酬|薪水|奖金|待遇)[^，,。？?]{0,6}?(?:怎么|如何|怎样|咋)(?:发|算|给|付|计算|支付)")
RE_PAY = re.compile(r"工资|薪酬|报酬|薪水|奖金|待遇|福利")
RE_COUNTED = re.compile(rf"(?<![第哪\d{CN_NUM}])(\d+|[{CN_NUM}]+)(?:个|项|支|家|条|类|种|批|所|座|套|大|方面)")  # 13套专项标准
RE_PAPERS_Q = re.compile(r"(?:哪些|哪几[份样种项个类]?)(?:申请|证明|书面)?(材料|资料|证件|手续)")
# "安全生产许可证申请延期时需要提交哪些材料": the papers of a named procedure
RE_PAPERS_FOR_Q = re.compile(r"([^，,。；;？?！!]{2,24}?)(?:的时候|时候|时)?(?:需要|要|得|应当|应该|须|必须)?(?:向[^，,。]{1,10})?"
                             r"(?:提交|提供|准备|带上?|交|备齐|上交|递交|报送|附上?)(?:哪些|哪几[份样种项个类]?|什么|啥)"
                             r"(?:申请|证明|书面)?(?:材料|资料|证件|手续|文件)")
RE_BATCH = re.compile(rf"第(?:\d+|[{CN_NUM}]+)批")
RE_QUOTED_MEASURES = re.compile(rf"[“\"]((?:\d+|[{CN_NUM}双]+)\s*条(?:措施|意见|举措)?)[”\"]")  # “36条措施”, “双十条”
RE_QUOTED_COUNT = re.compile(rf"(?<=[“\"])(?:\d+|[{CN_NUM}]+)[\u4e00-\u9fff]{{1,3}}(?=[”\"])")  # a slogan's count: “三卡”
RE_LABEL_END = re.compile(r"[^\u4e00-\u9fff]|分别|具体|是|在|有|的|都|包括|名单")  # where a counted thing's name ends
# a list after a count: a colon, 包括, 一是, "1." (not the 9. of 39.4), or names in a 、-list (not counts:
# "30家危险化学品企业、30家工贸企业上、下半年" lists two counts, not the members of either)
RE_LIST_AFTER = re.compile(
    rf"[：:]|包括|分别[是为]|即[^将使]|[一二三四五六七八九十]是|(?<![\d.])[一二三四五六七八九十\d][、.．）)](?!\d)"
    rf"|、(?!(?:\d+|[{CN_NUM}]+)[个项家支条类种批所座])[^、。；]{{1,30}}、"
)
RE_LIST_MARKER = re.compile(r"[一二三四五六七八九十]是|[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])[1-9]\d?[.．、](?!\d)")


def _list_markers(text: str) -> int:
    return len(RE_LIST_MARKER.findall(text))


# words for "how much" itself, not a thing with a figure of its own ("罚款幅度是多少")
MEASURE_NOUNS = frozenset({"幅度", "数额", "金额", "额度", "上限", "下限", "区间", "界限", "界限值", "门槛", "次数"})
# 是多少, 达到多少, 超过多少, 定在多少; 具体是个什么数值, 上限是个什么数
RE_DONE_AMOUNT = re.compile(r"(?<=了)多少(?=[？?]?$)")  # "各储备了多少": how much was done, asked last
RE_AMOUNT_Q = re.compile(r"(?<=[是有为达到共过在])多少|多少(?=[\u4e00-\u9fff]{2})|(?:什么|啥)(?:数值|数字|数(?![量据额]))")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"[。！？；\n]", text) if s.strip()]


def number_sentence(text: str) -> bool:
    """Whether ``text`` states some figure (a number with a unit or a percentage)."""
    return bool(RE_ANY_NUMBER.search(text))
