"""The evaluation harness: run a question set through /ask and score it.

    emkb eval [--questions FILE ...] [--api URL] [--json] [--compare bm25,dense,hybrid]

In-process by default (opens the knowledge base in EMKB_DATA_DIR), or against a
running server's POST /ask with --api. Writes results.jsonl, report.md and
chart.png under --out; exits 1 when a --thresholds gate fails or a question
got an error instead of an answer (its scores would count it as a miss).
Against a server, a 429 (rate limit) is waited out as its Retry-After asks and
retried; the wait is not counted as latency, and the refusals are reported.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eval import metrics as M

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = ROOT / "eval" / "questions"
KNOWN_TYPES = {"owner", "deadline", "list", "fact", "numeric", "paraphrase", "keyword", "clause", "cross_doc", "unanswerable"}
MODES = {"bm25": "sparse", "sparse": "sparse", "dense": "dense", "hybrid": "hybrid"}

AskFn = Callable[[str, int], dict]


class QuestionFileError(ValueError):
    """A question file that does not follow the schema."""


def load_questions(paths: list[Path]) -> list[dict]:
    questions: list[dict] = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                raise QuestionFileError(f"{path}:{n}: not valid JSON ({e.msg})") from e
            if not isinstance(q, dict) or not q.get("id") or not q.get("question"):
                raise QuestionFileError(f"{path}:{n}: a question needs 'id' and 'question'")
            ev = q.get("evidence") or []
            if isinstance(ev, str):
                ev = [ev]
            q["evidence"] = ev
            q.setdefault("type", "fact")
            q["_file"] = str(path)
            questions.append(q)
    return questions


def _gold_deadline(q: dict) -> str | None:
    if q.get("deadline"):
        return q["deadline"]
    if q.get("type") == "deadline":
        return q.get("answer") or None
    return None


def run(questions: list[dict], ask: AskFn, top_k: int = 10) -> list[dict]:
    results = []
    for q in questions:
        t = time.perf_counter()
        error = None
        try:
            resp = ask(q["question"], top_k)
        except Exception as e:  # noqa: BLE001 - one failing question is a result, not a crash
            resp, error = {"_refused": getattr(e, "refused", 0)}, str(e)
        ms = (time.perf_counter() - t) * 1000
        # an asker that waited out a rate limit reports the time of the request that answered
        ms = resp.pop("_latency_ms", ms)
        refused = resp.pop("_refused", 0)
        cits = resp.get("citations") or []
        texts = [c.get("text", "") for c in cits]
        unanswerable = q.get("type") == "unanswerable"
        results.append(
            {
                "id": q["id"],
                "type": q.get("type", "fact"),
                "question": q["question"],
                "unanswerable": unanswerable,
                "evidence": q.get("evidence", []),
                "gold_owners": q.get("owners") if q.get("type") == "owner" else None,
                "gold_deadline": _gold_deadline(q),
                "answer": resp.get("answer", ""),
                "abstained": bool(resp.get("abstained")),
                "owners": resp.get("owners"),
                "deadline": resp.get("deadline"),
                "citations": texts,
                "first_citation": {k: cits[0].get(k) for k in ("title", "locator", "source")} if cits else None,
                "hit_rank": M.first_full_rank(q.get("evidence", []), texts, 10) if not unanswerable else None,
                "latency_ms": ms,
                "refused": refused,
                "error": error,
            }
        )
    return results


def score(results: list[dict]) -> dict[str, Any]:
    def block(rs: list[dict]) -> dict[str, Any]:
        retr = [None if r["unanswerable"] or not r["evidence"] else (r["evidence"], r["citations"]) for r in rs]
        out: dict[str, Any] = {"n": len(rs)}
        for k in (1, 3, 5, 10):
            out[f"hit@{k}"] = M.retrieval_metric(retr, M.hit_at_k, k=k).score
        out["mrr@10"] = M.retrieval_metric(retr, M.reciprocal_rank).score
        out["ndcg@10"] = M.retrieval_metric(retr, M.ndcg).score
        out["owner_exact"] = M.owner_match([r["gold_owners"] for r in rs], [r["owners"] for r in rs]).score
        out["deadline_match"] = M.deadline_match(
            [r["gold_deadline"] for r in rs], [r["deadline"] for r in rs], [r["answer"] for r in rs]
        ).score
        ab = M.abstention([r["unanswerable"] for r in rs], [r["abstained"] for r in rs])
        out.update(
            abstain_precision=ab.precision, abstain_recall=ab.recall, abstain_f1=ab.f1, false_abstain=ab.false_rate
        )
        lengths = [len(t) for r in rs for t in r["citations"]]
        out["mean_citation_chars"] = sum(lengths) / len(lengths) if lengths else None
        lat = [r["latency_ms"] for r in rs]
        for p in (50, 95, 99):
            out[f"p{p}_ms"] = M.percentile(lat, p)
        out["errors"] = sum(1 for r in rs if r["error"])
        out["refused"] = sum(r.get("refused", 0) for r in rs)
        return out

    overall = block(results)
    types = sorted({r["type"] for r in results})
    overall["per_type"] = {t: block([r for r in results if r["type"] == t]) for t in types}
    return overall


# -- reporting -----------------------------------------------------------------
COLUMNS = ("n", "hit@1", "hit@5", "hit@10", "mrr@10", "owner_exact", "abstain_recall", "false_abstain", "p95_ms")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.0f}" if v > 10 else f"{v:.3f}"
    return str(v)


def table(report: dict[str, Any], title: str = "") -> str:
    lines = [f"### {title}" if title else "", "| type | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    lines.append("| **all** | " + " | ".join(_fmt(report.get(c)) for c in COLUMNS) + " |")
    for t, b in report.get("per_type", {}).items():
        lines.append(f"| {t} | " + " | ".join(_fmt(b.get(c)) for c in COLUMNS) + " |")
    return "\n".join(line for line in lines if line is not None)


def write_outputs(out: Path, runs: dict[str, tuple[list[dict], dict]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.jsonl").open("w", encoding="utf-8") as fh:
        for mode, (results, _) in runs.items():
            for r in results:
                row = {k: v for k, v in r.items() if k != "citations"}
                row["mode"] = mode
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    md = ["# emkb evaluation", ""]
    for mode, (_, rep) in runs.items():
        md += [table(rep, f"mode: {mode}"), ""]
        if rep["errors"] or rep["refused"]:
            md += [f"errors (no answer, scored as misses): {rep['errors']}; "
                   f"requests refused by the rate limit and retried: {rep['refused']}", ""]
    (out / "report.md").write_text("\n".join(md), encoding="utf-8")
    try:
        _chart(out / "chart.png", runs)
    except Exception:  # noqa: BLE001 - a missing plotting backend must not lose the scores
        logger.warning("could not draw the chart", exc_info=True)


def _chart(path: Path, runs: dict[str, tuple[list[dict], dict]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 4.5))
    modes = list(runs)
    types = sorted({t for _, rep in runs.values() for t in rep["per_type"] if t != "unanswerable"})
    width = 0.8 / max(1, len(modes))
    for i, mode in enumerate(modes):
        rep = runs[mode][1]
        vals = [rep["per_type"].get(t, {}).get("hit@5") or 0 for t in types]
        ax1.bar([x + i * width for x in range(len(types))], vals, width, label=mode)
    ax1.set_xticks([x + width * (len(modes) - 1) / 2 for x in range(len(types))], types, rotation=30, ha="right")
    ax1.set_ylim(0, 1)
    ax1.set_title("evidence hit@5 per question type")
    ax1.legend()
    for mode in modes:
        ax2.hist([r["latency_ms"] for r in runs[mode][0]], bins=30, alpha=0.5, label=mode)
    ax2.set_title("latency per question (ms)")
    ax2.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def check_thresholds(report: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    failed = []
    for key, bound in thresholds.items():
        metric = key[:-4] if key.endswith("_max") else key
        value = report.get(metric)
        if value is None:
            failed.append(f"{metric}: no value")
        elif key.endswith("_max") and value > bound:
            failed.append(f"{metric} = {value:.3f} > {bound}")
        elif not key.endswith("_max") and value < bound:
            failed.append(f"{metric} = {value:.3f} < {bound}")
    return failed


# -- entry point -----------------------------------------------------------------
class AskError(RuntimeError):
    """/ask answered with an error; `refused` counts the rate-limit refusals before it."""

    def __init__(self, message: str, refused: int = 0):
        super().__init__(message)
        self.refused = refused


RATE_LIMIT_RETRIES = 20
RATE_LIMIT_MAX_WAIT_S = 60.0


def _http_ask(url: str, transport=None, sleep: Callable[[float], None] = time.sleep) -> AskFn:
    """POST /ask; a 429 is waited out (Retry-After, at most a minute) and retried."""
    import httpx

    client = httpx.Client(base_url=url.rstrip("/"), timeout=60, transport=transport)

    def ask(question: str, top_k: int) -> dict:
        refused = 0
        while True:
            t = time.perf_counter()
            r = client.post("/ask", json={"question": question, "top_k": top_k})
            ms = (time.perf_counter() - t) * 1000
            if r.status_code == 429 and refused < RATE_LIMIT_RETRIES:
                refused += 1
                try:
                    wait = float(r.headers.get("retry-after", "5"))
                except ValueError:
                    wait = 5.0
                sleep(min(max(wait, 0.1), RATE_LIMIT_MAX_WAIT_S))
                continue
            if r.status_code >= 400:
                raise AskError(f"HTTP {r.status_code}: {r.text[:200]}", refused)
            return {**r.json(), "_latency_ms": ms, "_refused": refused}

    return ask


def main(args, settings) -> int:
    files = [Path(p) for p in args.questions] if args.questions else sorted(DEFAULT_QUESTIONS.glob("*.jsonl"))
    if not files:
        print("error: no question files; pass --questions FILE", file=sys.stderr)
        return 2
    try:
        questions = load_questions(files)
    except (QuestionFileError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.limit:
        questions = questions[: args.limit]
    modes = [m.strip() for m in (args.compare or "hybrid").split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if bad:
        print(f"error: unknown mode {bad[0]!r}; use bm25, dense or hybrid", file=sys.stderr)
        return 2
    runs: dict[str, tuple[list[dict], dict]] = {}
    if args.api:
        if args.compare:
            print("error: --compare runs in-process; drop --api", file=sys.stderr)
            return 2
        results = run(questions, _http_ask(args.api), args.top_k)
        runs["api"] = (results, score(results))
    else:
        from kb.answer import Answerer
        from kb.retrieval import Retriever
        from kb.service import KnowledgeBase

        with KnowledgeBase(settings) as kb:
            retriever = Retriever(kb)
            retriever.warm_up()
            for mode in modes:
                answerer = Answerer(retriever, mode=MODES[mode])
                results = run(questions, lambda q, k: answerer.ask(q, k).to_dict(), args.top_k)
                runs[mode] = (results, score(results))
    write_outputs(Path(args.out), runs)
    last_mode = "hybrid" if "hybrid" in runs else list(runs)[-1]
    report = dict(runs[last_mode][1])
    if len(runs) > 1:
        report["compare"] = {m: rep for m, (_, rep) in runs.items()}
    failed: list[str] = []
    if args.thresholds:
        failed = check_thresholds(report, json.loads(Path(args.thresholds).read_text()))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for mode, (_, rep) in runs.items():
            print(table(rep, f"mode: {mode}  ({len(questions)} questions)"))
            print()
        print(f"written: {args.out}/results.jsonl, report.md, chart.png")
    for f in failed:
        print(f"threshold failed: {f}", file=sys.stderr)
    for mode, (results, rep) in runs.items():
        if rep["refused"]:
            print(f"note: the server refused {rep['refused']} requests (rate limit); each was waited out and retried",
                  file=sys.stderr)
        if rep["errors"]:
            first = next(r for r in results if r["error"])
            print(f"error: {rep['errors']} of {len(results)} questions got no answer in mode {mode} "
                  f"(first, {first['id']}: {first['error']}); their scores count them as misses", file=sys.stderr)
    errors = any(rep["errors"] for _, rep in runs.values())
    return 1 if failed or errors else 0
