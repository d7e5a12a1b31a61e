"""Each metric against small cases computed by hand."""

import math

import pytest

from eval import metrics as M


def test_normalised_containment():
    # full-width, whitespace and repeated punctuation are normalised on both sides
    assert M.hit_at_k(["完成时限：2023 年底"], ["责任单位…\n完成时限:2023年底。。"], 1) == 1.0


def test_hit_at_k_and_depth_rule():
    cits = ["a b", "x", "needle two", "y", "z"]
    assert M.hit_at_k(["needle"], cits, 1) == 0.0
    assert M.hit_at_k(["needle"], cits, 3) == 1.0
    # two evidence strings split over citations 1 and 3: covered at k=3, not at k=1
    ev = ["a", "two"]
    assert M.hit_at_k(ev, cits, 1) == 0.0
    assert M.hit_at_k(ev, cits, 3) == 1.0
    # 3 evidence strings > k=1: the first 3 citations are searched
    assert M.hit_at_k(["a", "x", "two"], cits, 1) == 1.0


def test_mrr_uses_rank_of_full_coverage():
    cits = ["a", "x", "b"]
    assert M.reciprocal_rank(["a"], cits) == 1.0
    assert M.reciprocal_rank(["a", "b"], cits) == pytest.approx(1 / 3)  # full at rank 3
    assert M.reciprocal_rank(["q"], cits) == 0.0


def test_ndcg_by_hand():
    # evidence e1 at rank 2, e2 at rank 3; ideal puts 2 gains at ranks 1, 2
    cits = ["zz", "e1 here", "e2 here"]
    dcg = 1 / math.log2(3) + 1 / math.log2(4)
    idcg = 1 / math.log2(2) + 1 / math.log2(3)
    assert M.ndcg(["e1", "e2"], cits) == pytest.approx(dcg / idcg)
    # a second citation with already-covered evidence gains nothing
    assert M.ndcg(["e1"], ["e1", "e1 again"]) == 1.0


def test_aggregate_skips_items_that_do_not_apply():
    m = M.retrieval_metric([(["a"], ["a"]), None, (["b"], ["x"])], M.hit_at_k, k=5)
    assert m.individual_scores == [1.0, None, 0.0]
    assert m.score == 0.5


def test_owner_sets():
    gold = [["甲科", "乙科"], ["甲科"], None]
    got = [["乙科", "甲科"], ["甲科", "丙科"], ["x"]]
    m = M.owner_match(gold, got)
    assert m.individual_scores == [1.0, 0.0, None]
    assert m.score == 0.5
    assert M.owner_match([["甲科"]], [None]).score == 0.0


def test_deadline_match():
    m = M.deadline_match(["2023 年底", "6月底", None], ["2023年底", None, None], ["", "于6月底前完成", ""])
    assert m.individual_scores == [1.0, 1.0, None]


def test_abstention_confusion_matrix():
    unans = [True, True, True, False, False, False, False]
    absd = [True, True, False, True, False, False, False]
    ab = M.abstention(unans, absd)
    assert (ab.tp, ab.fp, ab.fn) == (2, 1, 1)
    assert ab.precision == pytest.approx(2 / 3)
    assert ab.recall == pytest.approx(2 / 3)
    assert ab.f1 == pytest.approx(2 / 3)
    assert ab.false_rate == pytest.approx(1 / 4)


def test_percentiles_interpolate():
    vals = [10, 20, 30, 40, 50]
    assert M.percentile(vals, 50) == 30
    assert M.percentile(vals, 95) == pytest.approx(48)
    assert M.percentile([], 50) is None
