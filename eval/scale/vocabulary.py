"""The mix of a scale corpus and the words its documents are made of: category shares, document
sizes, years, offices, deadlines, title patterns. Places are in :mod:`eval.scale.places`."""

# share of the requested chunks per category: the bundled mix (laws ~2/3) with more work plans,
# so that task/owner records are numerous
SHARES = (
    ("laws_regulations", 0.45),
    ("local_regulations", 0.20),
    ("work_plans", 0.20),
    ("hazard_criteria", 0.08),
    ("policy_articles", 0.07),
)
CATEGORIES = tuple(c for c, _ in SHARES)
# chunks per document: (smallest, largest) planned size
DOC_SIZE = {
    "laws_regulations": (8, 90),
    "local_regulations": (15, 100),
    "work_plans": (20, 70),
    "hazard_criteria": (10, 45),
    "policy_articles": (5, 22),
}
SUPERSEDED_SHARE = 0.06  # of laws, local regulations and hazard standards, an older edition is written too
YEARS = (2015, 2026)
VALIDITY_IN_FORCE, VALIDITY_SUPERSEDED = "现行有效", "被替代"
SENTENCE_FINAL = "。！？；!?;…"
FILE_PREFIX = {"work_plans": "wp", "laws_regulations": "gz", "local_regulations": "fg", "hazard_criteria": "yh",
               "policy_articles": "wz"}

# owners: the offices of the bundled work plans, then others a bureau has. None of the new ones
# makes a short form of kb/offices.py ambiguous (危化科, 基础科, 协调科, 指挥中心).
OFFICES = (
    "办公室", "应急协调科", "综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队",
    "安全生产监测与应急救援指挥中心",
    "宣传教育科", "风险监测科", "防汛抗旱科", "消防救援支队", "地震和地质灾害救援科", "政策法规科", "规划财务科",
    "人事科", "救灾和物资保障科", "火灾防治管理科", "工贸行业安全监督管理科", "非煤矿山安全监督管理科", "应急救援大队",
)
OWNER_LABELS = ("责任单位、科室：", "责任科室：", "责任单位：", "牵头单位：")
DEADLINE_LABELS = ("完成时限：", "完成时限：", "完成时限：", "时间节点：", "完成时间：")
DEADLINES = (  # (template, weight); {y} is the plan's year
    ("{y}年底", 8), ("{y}年底前", 3), ("{y}年6月底", 3), ("{y}年6月底前", 2), ("{y}年9月底前", 2),
    ("{y}年11月底", 1), ("{y}年汛期前", 2), ("{y}年一季度", 1), ("年底前", 3), ("长期坚持", 3), ("持续推进", 2),
    ("全年", 1),
)
PLAN_THEMES = ("", "应急管理", "安全生产", "防灾减灾救灾", "应急救援", "安全生产和应急管理")
POLICY_TITLES = (
    "{year}年{place}应急管理工作展望", "{place}{year}年应急管理工作思路初探", "{place}{year}年应急管理工作会议精神解读",
    "{place}{year}年防灾减灾救灾工作思路初探", "开创{short}应急管理高质量发展新局面——{year}年工作展望",
    "{place}{year}年安全生产治本攻坚工作解读", "{year}年{place}安全生产形势展望", "{place}{year}年基层应急管理能力建设初探",
)
HAZARD_SUFFIXES = ("重大事故隐患判定标准", "重大生产安全事故隐患判定标准", "重大事故隐患判定细则", "重大事故隐患排查判定标准",
                   "重大事故隐患认定标准", "重大事故隐患判定实施细则", "重大事故隐患排查治理判定标准")
HAZARD_SCOPES = ("工贸企业", "工贸行业", "工贸行业生产经营单位", "冶金等工贸行业")
RULE_KINDS = ("管理办法", "办法", "规定", "实施细则", "实施办法", "若干规定")  # government rules
LOCAL_KINDS = ("条例", "条例", "条例", "若干规定", "实施办法")  # local regulations
