"""Passage answers re-order the fused hits by how much of the question each passage covers
(fast unit tests: the coverage is a stand-in, the ordering logic is real)."""

from __future__ import annotations

from types import SimpleNamespace

from kb.answer import Answerer
from kb.settings import Settings
from kb.store import Hit


def _answerer(coverage: dict[str, float], places: tuple[str, ...] = (), **settings) -> Answerer:
    a = Answerer.__new__(Answerer)
    a.kb = SimpleNamespace(settings=Settings(**settings))
    a.judge = SimpleNamespace(places_in=lambda question: list(places), province_of={"济南": "山东"})
    a.known_coverage = lambda question, texts: max(coverage.get(t.split("\n", 1)[1], 0.0) for t in texts)
    return a


def _hits(*texts: str) -> list[Hit]:
    return [Hit(id=i, score=1.0 - i / 10, payload={"title": "某条例", "year": 2020, "text": t}) for i, t in enumerate(texts)]


def test_the_passage_that_covers_the_question_moves_up():
    a = _answerer({"a": 0.2, "b": 0.3, "c": 0.9}, rerank_rank_penalty=0.02)
    out = a.rerank("q", _hits("a", "b", "c", "d"), depth=20)
    assert [h.payload["text"] for h in out] == ["c", "b", "a", "d"]


def test_rank_penalty_keeps_fused_order_between_near_ties():
    a = _answerer({"a": 0.50, "b": 0.51}, rerank_rank_penalty=0.02)
    assert [h.payload["text"] for h in a.rerank("q", _hits("a", "b"), depth=20)] == ["a", "b"]
    a = _answerer({"a": 0.50, "b": 0.51}, rerank_rank_penalty=0.0)
    assert [h.payload["text"] for h in a.rerank("q", _hits("a", "b"), depth=20)] == ["b", "a"]


def test_only_the_first_depth_hits_move_and_zero_turns_it_off():
    a = _answerer({"a": 0.1, "b": 0.2, "c": 0.9})
    hits = _hits("a", "b", "c")
    assert [h.payload["text"] for h in a.rerank("q", hits, depth=2)] == ["b", "a", "c"]
    assert a.rerank("q", hits, depth=0) == hits


def test_the_default_reranks():
    assert Settings().rerank_depth > 0


def test_the_regulation_of_the_place_the_asker_names_moves_up():
    hits = _hits("a", "b", "c")
    hits[2].payload["title"] = "山东省突发事件应急保障条例"
    coverage = {"a": 0.5, "b": 0.45, "c": 0.45}
    assert [h.payload["text"] for h in _answerer(coverage).rerank("q", hits, depth=20)] == ["a", "b", "c"]
    moved = _answerer(coverage, places=("山东",)).rerank("我在山东…", hits, depth=20)
    assert [h.payload["text"] for h in moved] == ["c", "a", "b"]
    # a city moves its province's regulation up
    moved = _answerer(coverage, places=("济南",)).rerank("我在济南…", hits, depth=20)
    assert [h.payload["text"] for h in moved] == ["c", "a", "b"]
    # a place no title names changes nothing
    assert [h.payload["text"] for h in _answerer(coverage, places=("浙江",)).rerank("q", hits, depth=20)] == ["a", "b", "c"]


def test_a_question_about_the_law_prefers_laws_over_handbooks():
    hits = _hits("a", "b", "c")
    hits[0].payload["category"] = hits[1].payload["category"] = "pdf"  # technical handbooks
    hits[2].payload["category"] = "laws_regulations"
    coverage = {"a": 0.5, "b": 0.45, "c": 0.45}
    legal = _answerer(coverage).rerank("后厨用天然气，法律上要求必须装什么设备吗？", hits, depth=20)
    assert [h.payload["text"] for h in legal] == ["c", "a", "b"]
    plain = _answerer(coverage).rerank("后厨用天然气，要装什么设备？", hits, depth=20)
    assert [h.payload["text"] for h in plain] == ["a", "b", "c"]


def test_with_no_place_asked_a_national_rule_comes_before_a_local_one():
    hits = _hits("a", "b", "c")
    hits[0].payload["category"] = "local_regulations"  # 上海's one hour
    hits[0].payload["title"] = "上海市安全生产条例"
    hits[2].payload["category"] = "laws_regulations"  # the national reporting regulation
    coverage = {"a": 0.55, "b": 0.3, "c": 0.45}
    plain = _answerer(coverage).rerank("工人被机器轧伤了，老板最晚多长时间内得上报？", hits, depth=20)
    assert [h.payload["text"] for h in plain] == ["c", "a", "b"]
    # asked in 上海, 上海's regulation stays first
    there = _answerer(coverage, places=("上海",)).rerank("在上海，工人被轧伤了多久上报？", hits, depth=20)
    assert [h.payload["text"] for h in there][0] == "a"


def test_a_title_naming_a_year_is_judged_by_that_year_not_its_date():
    from kb.answer import _judged_text

    review = Hit(id="r", score=1.0, payload={"title": "2023应急管理成绩单", "year": 2024, "text": "启动114次应急响应"})
    law = Hit(id="l", score=1.0, payload={"title": "某条例", "year": 2020, "text": "第一条"})
    assert "2024" not in _judged_text(review) and "2023" in _judged_text(review)
    assert _judged_text(law).startswith("某条例 2020年\n")
