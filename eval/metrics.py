"""Metrics of the benchmark, scored as in shared/EVAL_SCHEMA.md.

Each function returns a ``Metric``: the aggregate ``score`` and the
``individual_scores`` it was averaged from (None for items it does not apply to).

- evidence hit@k: every evidence string is contained (after ``normalize``) in at
  least one of the first k citations' text; with n > k evidence strings, the
  first n citations are searched instead.
- MRR@10: 1 / the first rank r <= 10 at which the first r citations cover all
  evidence; 0 when they never do.
- nDCG@10: binary gain for a citation that covers at least one evidence string
  not covered by an earlier citation; ideal DCG puts min(n_evidence, 10) gains at
  the top ranks.
- owner match: the set of returned owners equals the gold set exactly.
- deadline match: the normalised gold deadline (``deadline`` field, else the
  question's ``answer`` for deadline questions) occurs in the returned
  ``deadline`` or, failing that, in the answer text.
- abstention: unanswerable questions are the positive class; precision, recall,
  F1, and the false-abstention rate over answerable questions.
Unanswerable questions are left out of the retrieval metrics; an answerable
question that abstained counts as a miss (it returned no citations).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kb.textnorm import normalize


@dataclass
class Metric:
    score: float | None
    individual_scores: list[float | None]


def _mean(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def _covered(evidence: list[str], texts: list[str]) -> bool:
    norm = [normalize(t) for t in texts]
    return all(any(normalize(e) in t for t in norm) for e in evidence)


def hit_at_k(evidence: list[str], citations: list[str], k: int) -> float:
    depth = max(k, len(evidence))
    return 1.0 if evidence and _covered(evidence, citations[:depth]) else 0.0


def first_full_rank(evidence: list[str], citations: list[str], max_rank: int = 10) -> int | None:
    if not evidence:
        return None
    for r in range(1, min(max_rank, len(citations)) + 1):
        if _covered(evidence, citations[:r]):
            return r
    return None


def reciprocal_rank(evidence: list[str], citations: list[str], max_rank: int = 10) -> float:
    r = first_full_rank(evidence, citations, max_rank)
    return 1.0 / r if r else 0.0


def ndcg(evidence: list[str], citations: list[str], k: int = 10) -> float:
    if not evidence:
        return 0.0
    remaining = {normalize(e) for e in evidence}
    dcg = 0.0
    for i, text in enumerate(citations[:k]):
        t = normalize(text)
        found = {e for e in remaining if e in t}
        if found:
            dcg += 1.0 / math.log2(i + 2)
            remaining -= found
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len({normalize(e) for e in evidence}), k)))
    return dcg / ideal if ideal else 0.0


def retrieval_metric(items: list[tuple[list[str], list[str]] | None], fn, **kw) -> Metric:
    """``items``: (evidence, citation texts) per question, None where it does not apply."""
    scores = [None if it is None else float(fn(it[0], it[1], **kw)) for it in items]
    return Metric(_mean(scores), scores)


def owner_match(gold: list[list[str] | None], returned: list[list[str] | None]) -> Metric:
    scores = [
        None if g is None else float(set(g) == set(r or []))
        for g, r in zip(gold, returned)
    ]
    return Metric(_mean(scores), scores)


def deadline_match(gold: list[str | None], returned: list[str | None], answers: list[str]) -> Metric:
    scores: list[float | None] = []
    for g, r, a in zip(gold, returned, answers):
        if not g:
            scores.append(None)
            continue
        ng = normalize(g)
        scores.append(float(bool(ng) and (ng in normalize(r or "") or ng in normalize(a or ""))))
    return Metric(_mean(scores), scores)


@dataclass
class Abstention:
    precision: float | None
    recall: float | None
    f1: float | None
    false_rate: float | None
    tp: int
    fp: int
    fn: int
    answerable: int


def abstention(unanswerable: list[bool], abstained: list[bool]) -> Abstention:
    tp = sum(1 for u, a in zip(unanswerable, abstained) if u and a)
    fp = sum(1 for u, a in zip(unanswerable, abstained) if not u and a)
    fn = sum(1 for u, a in zip(unanswerable, abstained) if u and not a)
    answerable = sum(1 for u in unanswerable if not u)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if precision is not None and recall is not None else None)
    return Abstention(precision, recall, f1, fp / answerable if answerable else None, tp, fp, fn, answerable)


def percentile(values: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    vals = sorted(values)
    k = (len(vals) - 1) * p / 100
    lo = math.floor(k)
    hi = min(lo + 1, len(vals) - 1)
    return vals[lo] + (vals[hi] - vals[lo]) * (k - lo)
