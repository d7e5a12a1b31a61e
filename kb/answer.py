"""Answers with citations, without an LLM.

1. References ("安全生产法第二十一条", "工贸行业重大事故隐患判定标准 一（一）6", "任务9")
   resolve to the exact clause, item or task.
2. Owner and deadline questions are answered from task records: ``owners`` and
   ``deadline`` come from the record, never from free text.
3. "X科负责哪些任务" lists the tasks whose owners include X.
4. Everything else: hybrid retrieval, then the sentence(s) of the best passage
   that cover the question best, verbatim.
5. Abstention: when the passages do not cover the question's rarer terms, the
   answer says the corpus does not answer and offers the passages as related
   reading only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ingest.metadata import zh_dates
from ingest.patterns import RE_ARTICLE
from kb.abstain import RE_YEAR as RE_YEAR_ASKED  # the year missing_year judges (2015年, 2015版)
from kb.abstain import (RE_CONTACT_Q, RE_DATE, RE_DATE_Q, RE_DUE_BEFORE, RE_MONEY, RE_MONEY_Q, RE_NUMBER_Q, AnswerabilityJudge,
                        Judgement, date_asked as asks_date, figure_pattern, is_item, items_after, number_sentence, phone_number,
                        quantity_asked)
from kb.models import VALIDITY_IN_FORCE, Task
from kb.offices import named_offices
from kb.textnorm import normalize
from kb.titles import RE_YEAR as RE_YEAR_IN_TITLE  # the years a title names (the index dates aliases by them)
from kb.retrieval import Retriever
from kb.store import Hit, SearchFilter

MAX_CITATION_CHARS = 800
JUDGED_HITS = 5  # the passages an answer may come from (and abstention looks at)
TASK_LIST_MAX = 30  # tasks an "X科负责哪些任务" answer lists (it always gives the total)
MAX_TERM_WEIGHT = 6.0  # cap on a word's IDF weight in coverage, so one rare word cannot decide alone

RE_BY_Q = re.compile(r"前|最迟|最晚|截止|截至|期限")
# a day something is due by: 6月30日前, or counted back from an event (活动举办日的20日前)
RE_DATE_BY = re.compile(rf"(?:{RE_DATE.pattern})\s*(?:前|之前|以前|止)|{RE_DUE_BEFORE.pattern}")
DATE_BONUS = 0.6  # "哪天": a sentence giving a date beats a better-covering one without (11月底 is no day)
RE_OWNER_Q = re.compile(
    r"(哪[一两二三四五六几]?个|哪些|什么|啥)(科室|部门|单位|处室|科(?![目学技普研])|机构)|谁(来)?(负责|牵头|主管|管|承担|落实|抓|干|搞|做|办|推进|推动|组织|实施)|"
    r"谁(来|在|去)[\u4e00-\u9fff]|"  # 谁在抓, 谁来对接, 谁去推广
    r"(交给|交由|分给|派给|落到|落在)了?(谁|哪)|"  # 活儿交给了谁, 落在哪些科室头上
    r"归谁|由谁|谁[呢啊呀]?[？?]*\s*$|归口(?:在|到|于)?(?:哪|谁)|(?:压|下达|分配|指派|安排)给了?(?:谁|哪)|是谁的(活|事|任务|工作|职责)|(任务|活儿?|事情?|工作)(是|归)谁的|谁的(任务|活|事|职责)|"
    r"(责任|牵头|负责|配合|主责|归口|主办|主抓|执行|承办|承担|落实|实施|参与|经办)(单位|科室|部门|处室|方(?![面案法式向针]))|哪个科(?![目学技普研])|谁家|"
    r"(牵头|负责|主抓|主管|在管)(落实|推进|实施|推动|组织|执行|办理)?的(是|有)?(谁|哪)|"  # 牵头的是谁, 牵头落实的是哪几家
    r"(牵头|负责|主责|主抓|主管|承办|承担)(?:(?:和|及|、)(?:参与|配合|协办))?(这(?:件|项|个|块)?(?:事情?|工作|任务|活儿?)?|此项工作)?的(科室|部门|单位|处室)(和(科室|部门|单位|处室))?(分别)?(是|有)(谁|哪[些个一]|哪[几两][个家])(?=[？?，。\s]|$)|"  # 负责的科室和单位是哪些, 牵头的科室是哪几个, 牵头和参与的单位有哪些
    r"哪[几两些]?[个家](科室|部门|单位|处室)?(在|来)?(抓|管|负责|牵头|落实|推进|推(?![荐选举])|承担)|"  # 是哪几家在抓, 哪几家单位在推
    r"哪[几两些]?(?:家|个(?=科室|部门|单位|处室))(科室|部门|单位|处室)?(在|来)?(干|搞|做|办)|"  # 是哪几家在干
    r"(是不是|是否|是).{0,14}(负责|牵头|主管|承担)|(负责|牵头|主管)(吗|么)|"
    r"(科室|处室|部门|单位)都?(有份|有分|参与|沾边)|哪[个些几]口子"  # 是全局各科室都有份吗, 是哪个口子在推
)
# "谁" as the object of a verb asks no owner: "西安打算出什么来明确谁管安全" asks for the 清单
RE_EMBEDDED_WHO = re.compile(r"(?:明确|确定|厘清|分清|弄清|搞清|划清)了?(?:由|归|是)?谁")
# nor does a partner asked: "“蓝精灵”志愿者服务活动联合哪些单位" (the units it works with)
RE_PARTNER_Q = re.compile(r"(?:联合|会同|携手|联手|邀请)了?(?:哪[一两二三四五六几]?个|哪些|哪几家?|什么)(?:科室|部门|单位|处室|机构)")
# who pays: "开销由谁来掏", "钱谁出", "费用归谁承担"
RE_WHO_PAYS = re.compile(r"谁(?:来)?(?:掏|出钱|出资|付钱|付款|支付|买单|埋单|垫付|报销|赔)|(?:费用|钱|开销|花销|花费|开支)[^，。？?]{0,6}?(?:由|归|是)?谁")
RE_OFFICE_Q = re.compile(r"科室|处室|(?:哪[一两二三四五六几]?个|哪些|什么)科(?![目学技普研])")  # not 科目, 科学, 科技
# the 部门 of a named 应急(管理)局 are its offices too ("中卫应急局是哪些部门在抓")
RE_BUREAU_DEPT_Q = re.compile(r"应急(?:管理)?局.{0,4}(?:哪[一两二三四五六几]?个|哪些|什么)(?:部门|单位)")
RE_DEADLINE_Q = re.compile(r"什么时候|何时|啥时候|完成时限|截止|哪年|几月|完成时间|时间节点|完成期限")  # not 多久: a legal time limit
# when a document was issued or took effect ("指南是哪年印发的") is no task's deadline
RE_ISSUED_Q = re.compile(r"印发|发布|出台|颁布|施行|生效|文号")
RE_LIST_Q = re.compile(r"哪些|几项|多少项|什么任务|哪几项|有哪|列出|清单")
CN_DIGITS = "零〇一二两三四五六七八九十百千"
RE_ARTICLE_REF = re.compile(rf"第\s*([{CN_DIGITS}\d]+)\s*条(?:\s*第\s*([{CN_DIGITS}\d]+)\s*款)?(?:\s*第?\s*[（(]?([{CN_DIGITS}\d]+)[）)]?\s*项)?")
# several articles at once: "第四条和第五条", "第二十一、二十二条", "第四条至第六条"
RANGE_SEPARATORS = ("至", "到", "-", "—", "~")
LIST_SEPARATORS = "|".join(("、", "，", ",", "以及", "和", "及", "与") + RANGE_SEPARATORS)
RE_ARTICLE_LIST = re.compile(
    rf"第\s*([{CN_DIGITS}\d]+)\s*条?((?:\s*(?:{LIST_SEPARATORS})\s*第?\s*[{CN_DIGITS}\d]+\s*条?)+)(?<=条)"
)
MAX_LISTED_ARTICLES = 10
RE_ITEM_REF = re.compile(rf"([一二三四五六七八九十]+)\s*[、.．]?\s*(?:[（(]\s*([一二三四五六七八九十]+)\s*[）)])?\s*(\d+)?")
RE_TASK_REF = re.compile(r"(?:任务|第)\s*(\d+)\s*(?:项|条)?(?:任务)?")
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")
RE_YEAR = re.compile(r"(19|20)\d{2}(?=年)")
RE_AFTER_TITLE = re.compile(r"的[^的]{0,8}$")  # "…判定标准的最后一项（": words after a title
RE_QUOTED_NAME = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")


@dataclass
class Answer:
    answer: str
    abstained: bool
    owners: list[str] | None
    deadline: str | None
    citations: list[dict[str, Any]]
    kind: str = "passage"  # "task" | "task_list" | "clause" | "passage" | "abstain"
    notices: list[str] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "abstained": self.abstained,
            "owners": self.owners,
            "deadline": self.deadline,
            "citations": self.citations,
            "kind": self.kind,
            "notices": self.notices,
            "related": self.related,
            "tasks": self.tasks,
        }


def locator_at(payload: dict[str, Any], offset: int) -> str:
    """The locator of the unit that holds ``offset`` (relative to the passage), else the passage's own."""
    pos = (payload.get("start") or 0) + offset
    for start, end, loc in payload.get("spans") or []:
        if start <= pos < end:
            return loc
    return payload.get("locator", "")


def citation(hit: Hit, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
    p = hit.payload
    text = p.get("text", "")
    locator = locator_at(p, highlight[0]) if highlight else p.get("locator", "")
    if len(text) > MAX_CITATION_CHARS:
        if highlight is not None and highlight[1] > MAX_CITATION_CHARS:
            # keep the answering sentence inside the quoted window
            shift = min(highlight[0], len(text) - MAX_CITATION_CHARS)
            text = text[shift : shift + MAX_CITATION_CHARS]
            highlight = (highlight[0] - shift, highlight[1] - shift)
        else:
            text = text[:MAX_CITATION_CHARS]
    return {
        "doc_id": p.get("doc_id", ""),
        "title": p.get("title", ""),
        "source": p.get("source", ""),
        "section": p.get("section", ""),
        "locator": locator,
        "text": text,
        "score": round(float(hit.score), 6),
        "doc_number": p.get("doc_number", ""),
        "validity": p.get("validity", ""),
        "category": p.get("category", ""),
        "kind": p.get("kind", ""),
        "locators": p.get("locators", []),
        "page": p.get("page"),
        "start": p.get("start"),
        "end": p.get("end"),
        "chunk_id": hit.id,
        "highlight": list(highlight) if highlight else None,
    }


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        end = m.start()
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s] in "\n 　":
            s += 1
        if e - s >= 2:
            out.append((s, e))
    return out


class Answerer:
    def __init__(self, retriever: Retriever, mode: str | None = None) -> None:
        """``mode`` forces "hybrid", "dense" or "sparse" retrieval (the harness compares them)."""
        if mode not in (None, "hybrid", "dense", "sparse"):
            raise ValueError(f"Answerer mode must be hybrid, dense or sparse, not {mode!r}")
        self.retriever = retriever
        self.kb = retriever.kb
        self.mode = mode
        self._words_cache: dict[tuple[str, int], list] = {}
        tokenizer = self.kb.sparse.tokenizer
        self.judge = AnswerabilityJudge(
            doc_freq=retriever.doc_freq,
            titles=retriever.titles,
            corpus_has=retriever.corpus_has,
            words=tokenizer.words,
            pos_words=tokenizer.pos_words,
            rare_df=lambda: max(3.0, 0.005 * retriever.passage_count()),
            everyday=self.kb.thesaurus.maps,
            word_freq=tokenizer.word_freq,
            offices=retriever.offices,
            min_coverage=self.kb.settings.abstain_threshold,
        )

    # -- entry point -------------------------------------------------------
    def ask(self, question: str, top_k: int = 5, flt: SearchFilter | None = None) -> Answer:
        question = question.strip()
        verdict = self.judge.judge_question(question)
        if not verdict.answerable:
            answer = self._task_citing(question, top_k, flt)
            if answer is not None:
                return self._with_validity(answer, question)
            return self._abstain(verdict.reason, self.retriever.search(question, top_k, flt, self.mode), top_k)
        for handler in (self._reference, self._task_list, self._task_question):
            answer = handler(question, top_k, flt)
            if answer is not None:
                return self._with_validity(answer, question)
        return self._with_validity(self._passages(question, top_k, flt), question)

    def _task_citing(self, question: str, top_k: int, flt: SearchFilter | None) -> Answer | None:
        """"落实《中卫市应急预案编制指南》…由谁负责": the guide is not stored, but a task that names it
        is; an owner or deadline question about that task is answered from its record. Only when the
        unstored titles are the sole reason to abstain, and the task picked names them."""
        if not (asks_owner(question) or asks_deadline(question)) or RE_ISSUED_Q.search(question):
            return None  # "《指南》是哪个部门印发的": who issued the unstored guide, not who does the task
        cited = [c for c in self.judge.cited_documents(question) if self.judge.corpus_has(c)]
        if not cited:
            return None
        rest = question
        for c in cited:
            rest = rest.replace(f"《{c}》", "").replace(c, "")
        if not self.judge.judge_question(rest).answerable:
            return None
        answer = self._task_question(question, top_k, flt)
        if answer is None or answer.kind != "task" or not answer.citations:
            return None
        text = _norm(answer.citations[0].get("text", ""))
        return answer if all(_norm(c) in text for c in cited) else None

    # -- query terms -------------------------------------------------------
    def key_terms(self, question: str) -> list[tuple[str, float]]:
        words = self.kb.sparse.tokenizer.words(question)
        seen: dict[str, float] = {}
        for w in words:
            if len(w) == 1 and not re.match(r"[\u4e00-\u9fff]", w):
                continue
            seen.setdefault(w, self.retriever.idf(w))
        return list(seen.items())

    def known_coverage(self, question: str, texts: list[str]) -> float:
        """The weighted share of the question's words that ``texts`` contain, counting only words the
        corpus uses or the thesaurus maps (everyday words like 想, 一共 cannot be judged either way);
        a thesaurus word is covered when one of its document terms is present."""
        joined = _norm("".join(texts))
        total = hit = 0.0
        for w, known, alts, weight in self._judged_words(question):
            total += weight
            if (known and w in joined) or any(t in joined for t in alts):
                hit += weight
        return hit / total if total else 0.0

    def _judged_words(self, question: str) -> list[tuple[str, bool, list[str], float]]:
        """(word, known to the corpus, thesaurus terms, weight) for the words coverage looks at;
        computed once per question (an answer scores dozens of sentences)."""
        key = (question, self.kb.catalog.generation)
        cached = self._words_cache.get(key)
        if cached is not None:
            return cached
        expansions = self.kb.thesaurus.expand(question)
        out = []
        for word, idf in self.key_terms(_strip_question_words(question)):
            w = _norm(word)
            alts = [t for e in expansions if e.trigger in w or w in e.trigger for t in e.terms]
            known = self.retriever.doc_freq(word) > 0
            if known or alts:
                out.append((w, known, alts, min(idf, MAX_TERM_WEIGHT)))
        if len(self._words_cache) > 512:
            self._words_cache.clear()
        self._words_cache[key] = out
        return out

    def coverage(self, terms: list[tuple[str, float]], texts: list[str]) -> float:
        if not terms:
            return 0.0
        joined = _norm("".join(texts))
        total = sum(w for _, w in terms)
        hit = sum(w for t, w in terms if _norm(t) in joined)
        return hit / total if total else 0.0

    # -- 1. references -----------------------------------------------------
    def _resolve_doc(self, text: str) -> dict | None:
        """The document whose title best matches ``text`` (the part of a question before a locator)."""
        if len(_norm(text)) < 2:
            return None
        doc_id, score = self.retriever.title_index().closest(text)
        if doc_id is None or score < 0.6:
            # "烟花爆竹重大隐患判定标准的最后一项（": the title is what comes before its 的
            head = RE_AFTER_TITLE.sub("", text)
            if head == text or len(_norm(head)) < 4:
                return None
            doc_id, score = self.retriever.title_index().closest(head)
            if doc_id is None or score < 0.6:
                return None
        meta = self.kb.catalog.meta(doc_id)
        return meta.to_dict() if meta is not None else None

    def _reference(self, question: str, top_k: int, flt: SearchFilter | None) -> Answer | None:
        from ingest.numerals import cn_to_int, int_to_cn

        listed = article_list(question)
        if listed:
            start, numbers = listed
            doc = self._resolve_doc(question[:start]) or self._resolve_doc(question)
            if doc is not None:
                return self._clauses_answer(doc, [f"第{int_to_cn(n)}条" for n in numbers], question, top_k)
        m = RE_ARTICLE_REF.search(question)
        if m:
            doc = self._resolve_doc(question[: m.start()]) or self._resolve_doc(question)
            if doc is None:
                # "“20条措施”第一条": an article of something quoted that is not stored (the plan
                # only mentions it); another document's 第一条 is no answer
                quoted = RE_QUOTED_NAME.findall(question[: m.start()])
                if quoted:
                    return self._abstain(f"知识库中没有“{quoted[-1]}”的条文", self.retriever.search(question, top_k, flt, self.mode), top_k)
                return None
            n = int(m.group(1)) if m.group(1).isdigit() else cn_to_int(m.group(1))
            locator = f"第{int_to_cn(n)}条"
            return self._clause_answer(doc, locator, question, top_k)
        m = re.search(r"([一二三四五六七八九十]+)\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(\d+)", question)
        if m:
            doc = self._resolve_doc(question[: m.start()]) or self._resolve_doc(question)
            if doc is not None:
                return self._clause_answer(doc, f"{m.group(1)}（{m.group(2)}）{m.group(3)}", question, top_k)
        m = re.search(rf"第\s*([{CN_DIGITS}\d]+)\s*项", question)
        if m:  # flat item lists: 化工/烟花爆竹 判定标准 "第十项"
            doc = self._resolve_doc(question[: m.start()])
            if doc is not None:
                n = int(m.group(1)) if m.group(1).isdigit() else cn_to_int(m.group(1))
                if self.kb.catalog.units(doc["doc_id"], f"任务{n}"):  # a work plan's "第13项" is its task 13
                    if asks_owner(question) or asks_deadline(question):
                        return None  # answered from the task's record
                    return self._clause_answer(doc, f"任务{n}", question, top_k)
                return self._clause_answer(doc, int_to_cn(n), question, top_k)
        return None

    def _item_under_heading(self, doc_id: str, number: str, question: str) -> str | None:
        """"冶金行业第8条" of a hazard standard: item 8 under the heading the question names
        (二（一）8 under "（一）冶金行业。"), when the document numbers its items per heading."""
        from ingest.numerals import cn_to_int

        n = str(cn_to_int(number))
        found = []
        for unit in self.kb.catalog.units(doc_id):
            heading = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]?|[。.：:]$", "", unit["section"].split(" > ")[-1])
            if len(heading) >= 2 and heading in question and re.search(rf"(?<!\d){n}$", unit["locator"]):
                found.append(unit["locator"])
        return found[0] if len(set(found)) == 1 else None

    def _clauses_answer(self, doc: dict, locators: list[str], question: str, top_k: int) -> Answer:
        """"第四条和第五条分别是什么": each article's text in turn, each cited; an article the document
        lacks is named in a notice."""
        passages = self.kb.store.scroll(SearchFilter({"doc_id": doc["doc_id"]}))  # read once for all
        answers = [self._clause_answer(doc, loc, question, top_k, passages) for loc in locators]
        found = [a for a in answers if not a.abstained]
        if not found:
            return answers[0]
        cits: list[dict[str, Any]] = []
        for rank in range(max(len(a.citations) for a in found)):  # each article's first passage first
            for a in found:
                if rank < len(a.citations) and all(c["chunk_id"] != a.citations[rank]["chunk_id"] for c in cits):
                    cits.append(a.citations[rank])
        return Answer(answer="\n".join(a.answer for a in found), abstained=False, owners=None, deadline=None,
                      citations=cits[: max(top_k, len(found))], kind="clause",
                      notices=[a.answer for a in answers if a.abstained])

    def _clause_answer(self, doc: dict, locator: str, question: str, top_k: int,
                       passages: list[Hit] | None = None) -> Answer:
        """The unit ``locator`` of ``doc`` quoted and cited; ``passages``: the document's stored
        passages, when the caller has them already."""
        if not self.kb.catalog.units(doc["doc_id"], locator):
            m = re.fullmatch(r"第(.+)条", locator)
            if m and self.kb.catalog.units(doc["doc_id"], m.group(1)):
                locator = m.group(1)  # "第十条" of a flat item list means item 十
            elif m or re.fullmatch(rf"[{CN_DIGITS}]+", locator):
                locator = self._item_under_heading(doc["doc_id"], m.group(1) if m else locator, question) or locator
        hits = passages if passages is not None else self.kb.store.scroll(SearchFilter({"doc_id": doc["doc_id"]}))
        covering = [h for h in hits if locator in (h.payload.get("locators") or []) or h.payload.get("locator", "").startswith(locator)]
        covering.sort(key=lambda h: h.payload.get("position", 0))
        if not covering:
            units = self.kb.catalog.units(doc["doc_id"])
            return Answer(
                answer=f"《{doc['title']}》中没有找到“{locator}”（该文件可寻址的条目共 {len(units)} 个）。",
                abstained=True, owners=None, deadline=None, citations=[], kind="abstain",
            )
        units = self.kb.catalog.units(doc["doc_id"], locator)
        text = self.kb.catalog.document(doc["doc_id"])["text"]
        unit_text = text[units[0]["start"] : units[0]["end"]] if units else covering[0].payload["text"]
        cits = []
        for h in covering[:top_k]:
            h.score = 1.0
            ctext = h.payload["text"]
            pos = ctext.find(unit_text[:40]) if unit_text else -1
            hl = (pos, min(len(ctext), pos + len(unit_text))) if pos >= 0 else None
            cits.append(citation(h, hl))
        answer_text = unit_text if len(unit_text) <= 400 else unit_text[:400] + "……"
        return Answer(answer=answer_text, abstained=False, owners=None, deadline=None, citations=cits, kind="clause")

    # -- 2. owners / deadlines ---------------------------------------------
    def _task_question(self, question: str, top_k: int, flt: SearchFilter | None) -> Answer | None:
        wants_owner = asks_owner(question)
        wants_deadline = asks_deadline(question)
        if not (wants_owner or wants_deadline):
            return None
        task_flt = SearchFilter({**(flt.equals if flt else {}), "kind": "task"}, flt.year_gte if flt else None, flt.year_lte if flt else None)
        found = self.retriever.search(question, max(top_k, 5), task_flt, self.mode)
        # a task whose document names no owner cannot answer "who": look among those that do
        picked = self._pick_task(question, [h for h in found if (t := self._task_for(h)) is not None and t.owners]
                                 if wants_owner else found, flt)
        if picked is not None and wants_deadline and not wants_owner and not picked[1].deadline:
            return None  # no 完成时限 field: the task's own text may say "年底前", the passage path quotes it
        if picked is None:
            if not wants_owner:
                return None
            # the question is about a task whose document does not say who (the 西安 plan names no
            # 处室): say so, rather than quote the task as if it answered
            bare = self._pick_task(question, found, flt)
            if bare is None:
                return None
            hit, task = bare
            if task.owners:
                return None
            missing = ["责任单位"] + (["完成时限"] if wants_deadline and not task.deadline else [])
            title = hit.payload.get("title", "")
            reason = f"《{title}》的任务{task.number}“{task.title.rstrip('。')}”没有写明{'和'.join(missing)}"
            return self._abstain(reason, [hit] + [h for h in found if h is not hit], top_k)
        best, task = picked
        hits = [best] + [h for h in found if h is not best]
        cits = [citation(best, _span(best.payload["text"], task.title))]
        parts = [f"任务{task.number}“{task.title.rstrip('。')}”"]
        asked = named_offices(question, self.retriever.offices())  # "是不是执法支队负责？"
        if wants_owner and asked:
            yes = [o for o in asked if o in task.owners]
            no = [o for o in asked if o not in task.owners]
            verdict = []
            if yes:
                verdict.append(f"是，{'、'.join(yes)}是该任务的责任单位")
            if no:
                verdict.append(f"{'' if yes else '否，'}{'、'.join(no)}不在该任务的责任单位中")
            parts.insert(0, "；".join(verdict))
        if task.owners:
            parts.append(f"责任单位：{'、'.join(task.owners)}")
        if task.deadline:
            parts.append(f"完成时限：{task.deadline}")
        elif wants_deadline:
            parts.append("完成时限：文件未写明")
        return Answer(
            answer="；".join(parts) + "。",
            abstained=False,
            owners=task.owners or None,
            deadline=task.deadline or None,
            citations=cits + [citation(h) for h in hits[1:top_k]],
            kind="task",
            tasks=[task.to_dict()],
        )

    def _pick_task(self, question: str, hits: list[Hit], flt: SearchFilter | None) -> tuple[Hit, Task] | None:
        """The task a question is about, among task ``hits``, or None when none clearly is."""
        if not hits:
            return None
        # the fused ranking proposes; coverage of the question's known words moves a task up
        # only when it clearly fits better (a task named in the question wins)
        places = self.judge.asked_places(question)  # and a local document's own district (秦州)
        if places:  # "中卫…这活谁来干": a task of the plan of that place (the 西安 plan's tasks are none)
            hits = [h for h in hits if any(p in h.payload.get("title", "") + h.payload.get("issuer", "") for p in places)]
            if not hits:
                return None
        covers = [self.known_coverage(question, [h.payload.get("text", "")]) for h in hits[:5]]
        titles = [(t.title if (t := self._task_for(h)) is not None else "") for h in hits[:5]]
        # people name a task by its title: "本质安全的事" is task 8 "狠抓本质安全"; three characters
        # of it ("织得更严密" of task 1 "构建更严密的应急责任体系") outweigh one-character words that
        # another task's text happens to contain (这事 -> 事, 应急局 -> 局)
        runs = [_common_run(_norm(question), _norm(t)) for t in titles]
        bonus = [min(0.4, 0.15 * max(0, r - 2)) for r in runs]
        pick = max(range(len(covers)), key=lambda i: (covers[i] + bonus[i] - 0.05 * i, -i))
        best = hits[pick]
        office_asked = bool(RE_OFFICE_Q.search(question))  # only tasks name the bureau's 科室
        # a task named by a long run of its title ("应急指挥体系建设那项任务") fits however few of
        # the question's other words it has
        named = runs[pick] >= 5
        if covers[pick] < self.kb.settings.task_match_threshold * (0.5 if office_asked or named else 1.0):
            return None
        # a deadline or owner question about something that is not a task (a notice, an article)
        # must not be hijacked by the nearest task: the task has to be among the best passages
        # overall. A question about 科室 (or the 部门 of a named 应急局), or one that names the
        # plan's place ("…事故调查这块中卫由哪些单位负责"), is about the bureau's own work, which
        # only tasks assign.
        # A deadline alone ("最晚几月份之前要统计好") is as often a legal time limit: the task must
        # then be the best passage of all.
        if not (office_asked or places or RE_BUREAU_DEPT_Q.search(question)):
            general = self.retriever.search(question, 3 if asks_owner(question) else 1, flt, self.mode)
            if not any(h.id == best.id for h in general):
                return None
        years = {m.group(0) for m in RE_YEAR.finditer(question)}
        if years and not any(y in best.payload.get("title", "") + best.payload.get("text", "") for y in years):
            return None
        task = self._task_for(best)
        return None if task is None else (best, task)

    def _task_for(self, hit: Hit) -> Task | None:
        start = hit.payload.get("start", -1)
        for t in self.kb.catalog.tasks(hit.payload.get("doc_id")):
            if t.start <= start < t.end or start <= t.start < hit.payload.get("end", -1):
                return t
        return None

    # -- 3. "X科负责哪些任务" -----------------------------------------------
    def _task_list(self, question: str, top_k: int, flt: SearchFilter | None) -> Answer | None:
        if not RE_LIST_Q.search(question):
            return None
        doc_id = flt.equals.get("doc_id") if flt and isinstance(flt.equals.get("doc_id"), str) else None
        named = named_offices(question, self.retriever.offices())  # in full, or a short form: 危化科
        if not named:
            return None
        owner = named[0]
        total, mine = self.kb.catalog.tasks_of(owner, doc_id, limit=TASK_LIST_MAX)
        if not mine:
            return None
        chunks = self._chunks_of_tasks(mine)
        listing = "；".join(f"任务{t.number}“{t.title.rstrip('。')}”" for t in mine)
        shown = f"，以下是最新文件中的{len(mine)}项" if total > len(mine) else ""
        return Answer(
            answer=f"{owner}负责（含牵头与配合）{total}项任务{shown}：{listing}。",
            abstained=False,
            owners=[owner],
            deadline=None,
            citations=[citation(h, _span(h.payload["text"], t.title)) for t in mine if (h := chunks.get(id(t))) is not None],
            kind="task_list",
            tasks=[t.to_dict() for t in mine],
        )

    def _chunks_of_tasks(self, tasks: list[Task]) -> dict[int, Hit]:
        """The task passage of each task, keyed by id(task): one scroll for all their documents."""
        docs = list(dict.fromkeys(t.doc_id for t in tasks))
        by_doc: dict[str, list[Hit]] = {}
        for h in self.kb.store.scroll(SearchFilter({"doc_id": docs, "kind": "task"})):
            by_doc.setdefault(h.payload.get("doc_id"), []).append(h)
        out: dict[int, Hit] = {}
        for t in tasks:
            for h in by_doc.get(t.doc_id, []):
                if h.payload.get("start", -1) <= t.start < h.payload.get("end", -1):
                    h.score = 1.0
                    out[id(t)] = h
                    break
        return out

    # -- 4. passages -------------------------------------------------------
    def named_documents(self, question: str) -> list[str]:
        """The stored documents a question names by title ("按特种设备安全法，…", "安全生产法和北京市安全
        生产条例…"): the longest alias wins, and an alias inside a longer match does not count."""
        found: list[str] = []
        for alias, _ in self.retriever.title_index().contained(question):
            if alias.doc_id not in found:
                found.append(alias.doc_id)
        return found

    def _search_scoped(self, question: str, k: int, flt: SearchFilter | None) -> list[Hit]:
        """Search within the documents the question names, when it names any and they hold
        something relevant; otherwise the whole corpus."""
        named = self.named_documents(question)
        if named and not (flt and "doc_id" in flt.equals):
            scoped = SearchFilter({**(flt.equals if flt else {}), "doc_id": named}, flt.year_gte if flt else None, flt.year_lte if flt else None)
            hits = self.retriever.search(question, k, scoped, self.mode)
            if hits and max(self.known_coverage(question, [h.payload.get("text", "")]) for h in hits[:JUDGED_HITS]) >= 0.3:
                rest = [h for h in self.retriever.search(question, k, flt, self.mode) if h.id not in {x.id for x in hits}]
                return (hits + rest)[:k]
        return self.retriever.search(question, k, flt, self.mode)

    def _passages(self, question: str, top_k: int, flt: SearchFilter | None) -> Answer:
        depth = self.kb.settings.rerank_depth
        fused = self._search_scoped(question, max(top_k, JUDGED_HITS, depth), flt)
        hits = self.rerank(question, fused, depth)
        if not hits:
            return Answer("知识库中没有找到与该问题相关的内容。", True, None, None, [], kind="abstain")
        top = hits[:JUDGED_HITS]
        figure = figure_pattern(question)  # "多少天": prefer the sentence that gives days
        date_asked = None  # "哪天": a date; "最迟哪天前完成": a date something is due by (not 印发 on)
        if figure is None and RE_DATE_Q.search(question) and asks_date(question):
            date_asked = RE_DATE_BY if RE_BY_Q.search(question) else RE_DATE
        # "举报打哪个号码", "能拿多少奖金": the sentence that gives a number, or a sum in 元, if it is
        # about the question (the figure check below does not apply: these are judged by abstain.py)
        contact = bool(RE_CONTACT_Q.search(question))
        named = set(self.named_documents(question)) if figure is not None else set()
        money = figure is None and bool(RE_MONEY_Q.search(question))
        best_hit, best_span, best_score = hits[0], None, -1.0
        figure_cover = 0.0  # the best coverage of a sentence that gives a figure in the unit asked
        # ... by what the question asks about: its unit (米, 小时) and bound (最少) are in any figure
        about = _without_quantity(question) if figure is not None else question
        figure_about = 0.0
        # the sentence that gives a sum in 元 and shares most with the question, when a sum is asked
        money_best: tuple[float, Hit | None, tuple[int, int] | None] = (0.0, None, None)
        # "秦州区…": a local plan of another place (the 西安 plan) answers only when nothing else is near
        asked = self.judge.asked_places(question)
        elsewhere = [bool(self.judge.wrong_place(question, h.payload.get("title", ""), asked)) for h in top]
        # "按两高2015年的司法解释…": a sentence of a document without that year would be judged to miss it
        years = [m.group(0) for m in RE_YEAR_ASKED.finditer(question)]  # as abstain.missing_year reads them
        dated = [all(y in _judged_text(h) for y in years) for h in top]
        for rank, h in enumerate(top):
            if elsewhere[rank] and not all(elsewhere):
                continue
            if not dated[rank] and any(dated):
                continue
            text = h.payload.get("text", "")
            previous = list_head = ""
            for s, e in _sentences(text):
                sentence, before, previous = text[s:e], previous, text[s:e]
                item = is_item(sentence)
                if not item:  # "…应当认定为“造成严重后果”…：" heads the items after it
                    list_head = sentence if sentence.rstrip().endswith(("：", ":")) else ""
                covered = self.known_coverage(question, [sentence])
                sc = covered - 0.05 * rank
                if money and covered > money_best[0] and RE_MONEY.search(sentence):
                    money_best = (covered, h, (s, e))
                if figure is not None and figure.search(sentence):
                    # "按煤矿安全生产条例要罚多少钱": the document the question names is the sentence's own;
                    # "具有下列情形之一的…处三年以上七年以下有期徒刑：" gives the figure for its items
                    own = h.payload.get("title", "") if h.payload.get("doc_id") in named else ""
                    items = items_after(text, e) if sentence.rstrip().endswith(("：", ":")) else ""
                    # "应急演练每年不得少于一次" goes on from the sentence before, which names whose 演练
                    # (学校、幼儿园…开展…应急演练): a short sentence opening with its last words
                    head = sentence.strip()
                    own += before if len(head) <= 30 and any(head[:n] in before for n in (4, 3)) else ""
                    # an item's figure is about what its list's head says ("（一）造成死亡一人以上…" is
                    # what 认定为“造成严重后果”)
                    own += list_head if item else ""
                    figure_cover = max(figure_cover, self.known_coverage(question, [own, sentence, items])
                                       if own or items else covered)
                    figure_about = max(figure_about, self.known_coverage(about, [own, sentence, items]))
                    sc += 0.3
                elif date_asked and date_asked.search(sentence) and covered >= self.kb.settings.figure_min_coverage:
                    sc += DATE_BONUS  # "最迟哪天前完成": the sentence with a date, if it is about the question
                elif figure is not None and number_sentence(sentence):
                    sc += 0.1
                elif ((contact and phone_number(sentence)) or (money and RE_MONEY.search(sentence))) \
                        and covered >= self.kb.settings.figure_min_coverage:
                    sc += 0.3
                if sc > best_score:
                    best_hit, best_span, best_score = h, (s, e), sc
        # "山东…安全总监的学历要求": 深圳's regulation asks a 学历 of its own 分管负责人; another
        # place's passage is no evidence that the place asked about says anything of it
        judged = [h for rank, h in enumerate(top) if not elsewhere[rank]] or top
        cover = max(self.known_coverage(question, [h.payload.get("text", "")]) for h in judged)
        texts = [_judged_text(h) for h in judged]
        # a figure must be in the passages fusion ranks best: re-ordering by coverage brings up
        # passages that share the question's words, and with them figures about other things; nor
        # does another place's regulation give it ("北京…罚款多少": not 山东's fine)
        figured = fused[:JUDGED_HITS]
        here = [h for h in figured if not self.judge.wrong_place(question, h.payload.get("title", ""), asked)]
        quoted = best_hit.payload.get("text", "")[best_span[0] : best_span[1]] if best_span else ""
        if quoted.rstrip().endswith(("：", ":")) and RE_NUMBER_Q.search(question):
            # "达到什么数额就属于情节严重": a list's head ("有下列情形之一的，属于…情节严重：") gives its
            # figures in the items that follow (（二）违法所得数额十万元以上的)
            quoted += "\n" + items_after(best_hit.payload.get("text", ""), best_span[1])
        verdict = self.judge.judge(question, texts, cover, primary=_judged_text(best_hit),
                                   primary_title=best_hit.payload.get("title", ""), sentence=quoted,
                                   figure_passages=[_judged_text(h) for h in (here or figured)])
        # figure_min_coverage 0 turns both off: no sentence giving the figure is judged for relevance
        bar = self.kb.settings.figure_min_coverage
        if verdict.answerable and figure is not None and (figure_cover < bar or (bar > 0 and not figure_about)):
            verdict = Judgement("检索到的段落中给出数字的句子与问题所问的不相符")
        # "能拿多少奖金": the sentence quoted gives no sum; one that does and shares enough with the
        # question is quoted instead ("给予最先举报人1000元至1万元的奖励")
        quoted = best_hit.payload.get("text", "")[best_span[0] : best_span[1]] if best_span else ""
        if money and not RE_MONEY.search(quoted) and money_best[1] is not None \
                and money_best[0] >= self.kb.settings.abstain_threshold:
            best_hit, best_span = money_best[1], money_best[2]
        if not verdict.answerable:
            return self._abstain(verdict.reason, hits, top_k)
        ordered = [best_hit] + [h for h in hits if h is not best_hit]
        marked: dict[int, tuple[int, int]] = {}  # a citation's sentence, when not its best match
        duty = self._duty_of_penalty(question, best_hit, best_span)
        if duty is not None:
            hit, span = duty
            if RE_CONSEQUENCE_Q.search(question):  # "不装会怎么样": the penalty answers, the duty follows
                ordered = [best_hit, hit] + [h for h in ordered[1:] if h.id != hit.id]
                marked[id(hit)] = span
            else:  # "是不是非得装": the duty answers, the penalty for breaching it follows
                ordered = [hit] + [h for h in ordered if h.id != hit.id]
                best_hit, best_span = hit, span
        # every citation marks its own sentence that shares most with the question, and so names
        # the article or item that sentence is in, not the first one its passage holds
        cits = [citation(h, best_span if h is best_hit else marked.get(id(h)) or self._best_sentence(question, h))
                for h in ordered[:top_k]]
        text = best_hit.payload.get("text", "")
        answer_text = text[best_span[0] : best_span[1]] if best_span else text[:200]
        # a list's head asked for a figure (多少人; 什么数额) gives it in its items ("…认定为“造成严重后果”
        # …：" then "（一）造成死亡一人以上，或者重伤三人以上的；"): they are quoted with it
        given = figure.search if figure is not None else number_sentence if RE_NUMBER_Q.search(question) else None
        if best_span and given is not None and answer_text.rstrip().endswith(("：", ":")) \
                and not (figure is not None and given(answer_text)):
            items = items_after(text, best_span[1])
            if given(items):
                answer_text += "\n" + items
        return Answer(answer=answer_text, abstained=False, owners=None, deadline=None, citations=cits)

    def _duty_of_penalty(self, question: str, hit: Hit, span: tuple[int, int] | None) -> tuple[Hit, tuple[int, int]] | None:
        """An answer quoted from a 法律责任 article ("（八）餐饮等行业…使用燃气未安装可燃气体报警装置的")
        names a breach of a duty the same law states earlier (第三十六条 "…应当安装可燃气体报警装置"):
        that article and its sentence that states the duty, found by the breach's own words, or None."""
        p = hit.payload
        if span is None or not RE_PENALTY_SECTION.search(p.get("section", "")):
            return None
        breach = p.get("text", "")[span[0] : span[1]].strip()
        # "第六十八条 …不履行组织、引导在场人员疏散的义务，情节严重，…处五日以上十日以下拘留。": the breach
        # is the condition, before what follows from it
        breach = RE_SANCTION_TAIL.sub("", RE_ARTICLE.sub("", breach))
        breach = re.sub(r"^[（(][一二三四五六七八九十]+[）)]|的[；;。]?$", "", breach)
        if len(breach) < 8 or self.known_coverage(question, [breach]) < BREACH_MIN_COVERAGE:
            return None
        for h in self.retriever.search(breach, 5, SearchFilter({"doc_id": p.get("doc_id")}), "sparse"):
            if RE_PENALTY_SECTION.search(h.payload.get("section", "")) or h.id == hit.id:
                continue
            if self.known_coverage(breach, [h.payload.get("text", "")]) >= DUTY_MIN_COVERAGE:
                sentence = self._best_sentence(breach, h)
                return (h, sentence) if sentence is not None else None
        return None

    def _best_sentence(self, question: str, hit: Hit) -> tuple[int, int] | None:
        """The span of the sentence of ``hit`` that covers most of the question, None when none covers any."""
        text = hit.payload.get("text", "")
        best, best_cover = None, 0.0
        for s, e in _sentences(text):
            covered = self.known_coverage(question, [text[s:e]])
            if covered > best_cover:
                best, best_cover = (s, e), covered
        return best

    def rerank(self, question: str, hits: list[Hit], depth: int) -> list[Hit]:
        """Re-order the first ``depth`` hits by the share of the question each passage covers (title
        and text), less a penalty per fused rank: fusion finds the right document, coverage picks
        its passage that says what was asked."""
        if depth <= 0 or len(hits) < 2:
            return hits
        penalty = self.kb.settings.rerank_rank_penalty
        head = hits[:depth]
        # "我在山东跑大货车…": where the asker is decides which local regulation applies ("我在济南…":
        # the regulation of the province the city lies in)
        places = self.judge.places_in(question)
        places += [self.judge.province_of[p] for p in places if p in self.judge.province_of]
        judged = bool(RE_HAZARD_Q.search(question))  # "算不算重大隐患": the judgment standards decide
        legal = bool(RE_LAW_Q.search(question))

        def bonus_of(h: Hit) -> float:
            bonus = PLACE_BONUS if places and any(p in h.payload.get("title", "") for p in places) else 0.0
            if not places and h.payload.get("category") == "local_regulations":
                bonus -= ELSEWHERE_PENALTY  # no place asked: a national rule holds everywhere, 上海's in 上海
            if judged and h.payload.get("category") == "hazard_criteria":
                bonus += HAZARD_BONUS
            if legal and h.payload.get("category") in LAW_CATEGORIES:
                bonus += LAW_BONUS
            return bonus

        scored = [(self.known_coverage(question, [_judged_text(h)]) + bonus_of(h) - penalty * i, -i) for i, h in enumerate(head)]
        order = sorted(range(len(head)), key=lambda i: scored[i], reverse=True)
        return [head[i] for i in order] + hits[depth:]

    def _abstain(self, reason: str | None, hits: list[Hit], top_k: int) -> Answer:
        """The corpus does not answer: say why, and offer the nearest passages as reading only."""
        return Answer(
            answer=f"知识库中没有找到能回答这个问题的内容（{reason}）。以下段落可能相关，仅供参考。",
            abstained=True, owners=None, deadline=None, citations=[], kind="abstain",
            related=[citation(h) for h in hits[:top_k]], notices=[reason] if reason else [],
        )

    # -- validity ----------------------------------------------------------
    def _with_validity(self, answer: Answer, question: str = "") -> Answer:
        if answer.abstained or not answer.citations:
            return answer
        top = answer.citations[0]
        if top.get("validity") and top["validity"] != VALIDITY_IN_FORCE:
            meta = self.kb.catalog.meta(top["doc_id"])
            note = f"注意：《{top['title']}》{top['validity']}"
            if meta is not None and meta.superseded_by:
                note += f"，现行文件为{zh_dates(meta.superseded_by)}"  # stores ingested before it was translated
                current = self._resolve_doc(meta.superseded_by)
                if current is not None and current["doc_id"] != top["doc_id"]:
                    note += f"（知识库中：《{current['title']}》）"
                    self._cite_repeal(answer, question, top, current["doc_id"])
            answer.notices.append(note + "。")
        return answer

    def _cite_repeal(self, answer: Answer, question: str, old: dict[str, Any], current_id: str) -> None:
        """The current document's clause that repeals the old one ("《…特别规定》同时废止"), cited
        second; first, and quoted as the answer, when the question asks whether the old one still
        applies ("现在执法还能拿来用吗")."""
        base = RE_EDITION_TAIL.sub("", old.get("title", ""))
        if len(base) < 4:
            return
        for hit in self.retriever.search(f"{base} 废止", 5, SearchFilter({"doc_id": current_id}), self.mode):
            text = hit.payload.get("text", "")
            for s, e in _sentences(text):
                if base in text[s:e] and RE_REPEALS.search(text[s:e]):
                    n = len(answer.citations)
                    cit = citation(hit, (s, e))
                    rest = [c for c in answer.citations if c.get("chunk_id") != hit.id]
                    if RE_VALIDITY_Q.search(question) and answer.kind == "passage":
                        answer.citations, answer.answer = [cit] + rest[: n - 1], text[s:e]
                    else:
                        answer.citations = (rest[:1] + [cit] + rest[1:])[: max(n, 2)]
                    return


# whether a document still applies: "现在执法还能拿来用吗", "还有效吗", "废止了没有"
RE_VALIDITY_Q = re.compile(r"还能用|还能拿来|还有效|有效吗|还管用|还适用|还算数|还在用|现行|废止|作废|失效|过时")
RE_REPEALS = re.compile(r"废止|替代|不再执行|停止执行")
RE_EDITION_TAIL = re.compile(r"\s*[（(][^）)]*[）)]\s*$")  # "（2013年修订）"
RE_PENALTY_SECTION = re.compile(r"法律责任|罚\s*则")
# a question about what follows a breach: the penalty answers it
RE_CONSEQUENCE_Q = re.compile(r"罚|处分|处理|后果|怎么样|会怎样|怎么办|追究|责任|吊销|关闭|停产|停业|拘留|判刑")
RE_SANCTION_TAIL = re.compile(r"[，,](?:情节严重|尚不构成|构成犯罪|处[一二三四五六七八九十百千万\d]|由[^，,]{0,20}责令|责令|给予|依法)[^。]*。?$")
DUTY_MIN_COVERAGE = 0.7  # of a breach's words, in the article that states the duty
BREACH_MIN_COVERAGE = 0.5  # of the question's words, in the breach an answer quotes, for its duty to be sought
PLACE_BONUS = 0.1  # rerank: a passage of the local regulation of a place the question names
HAZARD_BONUS = 0.1  # rerank: a hazard-judgment standard's item, when the question asks whether something is one
ELSEWHERE_PENALTY = 0.2  # rerank: a local regulation's passage, when the question names no place
LAW_BONUS = 0.1  # rerank: a law's or regulation's article, when the question asks what the law says
# "法律上要求装什么", "这合法吗": the law answers, not a handbook's technical advice
RE_LAW_Q = re.compile(r"法律上|法律规定|法律要求|法律允许|法律有|法律管|按法律|依法|合法|违法|犯法|法规")
LAW_CATEGORIES = ("laws_regulations", "local_regulations")
RE_HAZARD_Q = re.compile(r"(?:算不算|是不是|属不属于|算|属于|构成|判定为?|定为)(?:重大)?(?:事故)?隐患|重大(?:事故)?隐患(?:吗|么)")


def _common_run(a: str, b: str) -> int:
    """Length of the longest common substring of ``a`` and ``b`` (short strings: task titles)."""
    best = 0
    for i in range(len(b)):
        for j in range(i + best + 1, len(b) + 1):
            if b[i:j] in a:
                best = j - i
            else:
                break
    return best


def asks_deadline(question: str) -> bool:
    """Whether a question asks by when a task is due (not when a document was issued)."""
    return bool(RE_DEADLINE_Q.search(question)) and not RE_ISSUED_Q.search(question)


def asks_owner(question: str) -> bool:
    """Whether a question asks who (which office) does something; "这笔开销由谁来掏" asks who
    pays, which a law answers (an office asked by name, 哪个科室, is still an owner question)."""
    if RE_WHO_PAYS.search(question) and not RE_OFFICE_Q.search(question):
        return False
    return bool(RE_OWNER_Q.search(RE_PARTNER_Q.sub("", RE_EMBEDDED_WHO.sub("", question))))


def article_list(question: str) -> tuple[int, list[int]] | None:
    """Where a list or range of articles starts, and their numbers ("第四条和第五条" -> 4, 5;
    "第四条至第六条" -> 4, 5, 6), or None for fewer than two or more than MAX_LISTED_ARTICLES."""
    from ingest.numerals import cn_to_int

    m = RE_ARTICLE_LIST.search(question)
    if not m:
        return None
    parts = re.split(f"({LIST_SEPARATORS})", m.group(0))
    numbers: list[int] = []
    ranged = False
    for part in parts:
        if part in RANGE_SEPARATORS:
            ranged = True
            continue
        digits = re.sub(r"[第条\s]", "", part)
        if not digits or not re.fullmatch(rf"[{CN_DIGITS}\d]+", digits):
            continue
        n = int(digits) if digits.isdigit() else cn_to_int(digits)
        if ranged and numbers:
            numbers.extend(range(numbers[-1] + 1, n + 1))
            ranged = False
        else:
            numbers.append(n)
    numbers = list(dict.fromkeys(numbers))
    if not 2 <= len(numbers) <= MAX_LISTED_ARTICLES:
        return None
    return m.start(), numbers


RE_BOUND_WORD = re.compile(r"最少|最多|至少|最长|最短|最高|最低|起码|顶多|不超过|不少于|不低于")


def _without_quantity(question: str) -> str:
    """"尾矿库坝顶的安全超高最少要留多少米" -> "尾矿库坝顶的安全超高要留": what a figure must be about."""
    m = quantity_asked(question)
    if m:
        question = question[: m.start] + " " + question[m.end :]
    return RE_BOUND_WORD.sub(" ", question)


def _judged_text(hit: Hit) -> str:
    """A passage as abstention sees it: its document's title and year, then its text."""
    p = hit.payload
    title = p.get("title", "")
    # "2023应急管理成绩单" (published 2024-01): the year a title names is the one its content is of
    year = "" if RE_YEAR_IN_TITLE.search(title) else f"{p.get('year') or ''}年"
    return f"{title} {year}\n{p.get('text', '')}"


def _span(text: str, needle: str) -> tuple[int, int] | None:
    needle = needle.strip()
    if not needle:
        return None
    pos = text.find(needle)
    return (pos, pos + len(needle)) if pos >= 0 else None


_QUESTION_WORDS = re.compile(
    r"(由|归)?(哪个|哪些|哪几个|什么|啥)(?:(科室|部门|单位|处室|科)[、和及]?)*(来)?(负责|牵头|管)?|归谁管|由谁负责|谁负责|谁(?:来|在|去)?(?:干|搞|做|办|抓|管)|什么时候|何时|全局|"
    r"完成时限|是多少|多少|多(?:高|远|深|宽|厚)|是什么|有哪些|怎么|如何|吗|呢|？|\?|请问|规定了|规定|要求"
    r"|一般(?=[罚要会是需得多几能可都就])"  # "被查到一般罚多少钱": usually, not 一般事故
)


def _strip_question_words(question: str) -> str:
    return _QUESTION_WORDS.sub(" ", question)


def _norm(text: str) -> str:
    return normalize(text).lower()


