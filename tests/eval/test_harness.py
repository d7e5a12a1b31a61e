"""The harness on question files it has never seen, with a fake /ask (unit tests)."""

import json
import types

import pytest

from eval.harness import QuestionFileError, _http_ask, check_thresholds, load_questions, main, run, score


def _write(tmp_path, rows, bad_line=None):
    p = tmp_path / "q.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if bad_line is not None:
        lines.insert(bad_line, "{oops")
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


ROWS = [
    {"id": "o1", "type": "owner", "question": "谁负责A？", "doc": "x.txt", "evidence": ["任务A"], "owners": ["甲科", "乙科"], "answer": "甲科、乙科"},
    {"id": "u1", "type": "unanswerable", "question": "局长电话？", "doc": None, "evidence": []},
    {"id": "n1", "type": "mystery", "question": "B是什么？", "doc": "y.md", "evidence": ["B是乙"], "answer": "乙"},
]


def fake_ask(question, top_k):
    if "A" in question:
        return {"answer": "…", "abstained": False, "owners": ["乙科", "甲科"], "deadline": None,
                "citations": [{"text": "任务A 责任单位：甲科、乙科"}]}
    if "电话" in question:
        return {"answer": "没有", "abstained": True, "owners": None, "deadline": None, "citations": []}
    return {"answer": "…", "abstained": False, "owners": None, "deadline": None,
            "citations": [{"text": "无关"}, {"text": "B 是 乙。"}]}


def test_unknown_types_are_plain_retrieval(tmp_path):
    qs = load_questions([_write(tmp_path, ROWS)])
    rep = score(run(qs, fake_ask, 10))
    assert rep["per_type"]["mystery"]["hit@1"] == 0.0
    assert rep["per_type"]["mystery"]["hit@3"] == 1.0
    assert rep["owner_exact"] == 1.0
    assert rep["abstain_recall"] == 1.0 and rep["false_abstain"] == 0.0
    assert rep["hit@5"] == 1.0 and rep["mrr@10"] == pytest.approx((1 + 0.5) / 2)


def test_bad_line_names_file_and_line(tmp_path):
    p = _write(tmp_path, ROWS, bad_line=1)
    with pytest.raises(QuestionFileError, match=r"q\.jsonl:2"):
        load_questions([p])


def test_a_failing_question_is_recorded_not_raised(tmp_path):
    qs = load_questions([_write(tmp_path, ROWS[:1])])

    def boom(q, k):
        raise RuntimeError("HTTP 500")

    res = run(qs, boom, 5)
    assert res[0]["error"] == "HTTP 500" and score(res)["errors"] == 1


def test_thresholds():
    rep = {"hit@5": 0.7, "false_abstain": 0.2}
    assert check_thresholds(rep, {"hit@5": 0.6, "false_abstain_max": 0.3}) == []
    assert len(check_thresholds(rep, {"hit@5": 0.8, "false_abstain_max": 0.1})) == 2


def test_main_against_an_api_writes_report_and_gates(tmp_path, monkeypatch, capsys):
    import eval.harness as H

    monkeypatch.setattr(H, "_http_ask", lambda url: fake_ask)
    thr = tmp_path / "t.json"
    thr.write_text(json.dumps({"hit@5": 0.99, "owner_exact": 0.5}))
    args = types.SimpleNamespace(questions=[str(_write(tmp_path, ROWS))], api="http://x", json=True, compare=None,
                                 out=str(tmp_path / "out"), top_k=10, limit=None, thresholds=str(thr))
    assert main(args, None) == 0
    body = json.loads(capsys.readouterr().out)
    for key in ("hit@1", "hit@5", "hit@10", "mrr@10", "owner_exact", "abstain_recall", "false_abstain", "p50_ms", "p95_ms", "per_type"):
        assert key in body
    assert (tmp_path / "out" / "report.md").exists() and (tmp_path / "out" / "chart.png").stat().st_size > 1000
    thr.write_text(json.dumps({"hit@5": 1.01}))
    assert main(args, None) == 1


def _mock_server(codes):
    """An httpx transport answering /ask with the given status codes in turn (then 200)."""
    import httpx

    seen = []

    def handler(request):
        seen.append(json.loads(request.content)["question"])
        code = codes.pop(0) if codes else 200
        if code == 429:
            return httpx.Response(429, json={"detail": "too many requests; slow down"}, headers={"Retry-After": "7"})
        if code != 200:
            return httpx.Response(code, json={"detail": "boom"})
        return httpx.Response(200, json=fake_ask(seen[-1], 10))

    return httpx.MockTransport(handler), seen


def test_rate_limited_requests_are_waited_out_and_counted_not_scored_as_misses(tmp_path):
    transport, seen = _mock_server([429, 429])
    waits = []
    ask = _http_ask("http://x", transport=transport, sleep=waits.append)
    res = run(load_questions([_write(tmp_path, ROWS[:1])]), ask, 5)
    assert waits == [7.0, 7.0] and len(seen) == 3
    assert res[0]["error"] is None and res[0]["refused"] == 2 and res[0]["latency_ms"] < 7000
    rep = score(res)
    assert rep["owner_exact"] == 1.0 and rep["refused"] == 2 and rep["errors"] == 0


def test_a_server_that_keeps_refusing_is_an_error_and_fails_the_run(tmp_path, monkeypatch, capsys):
    import eval.harness as H

    transport, _ = _mock_server([429] * 100 + [500])
    monkeypatch.setattr(H, "_http_ask", lambda url: _http_ask(url, transport=transport, sleep=lambda s: None))
    args = types.SimpleNamespace(questions=[str(_write(tmp_path, ROWS))], api="http://x", json=False, compare=None,
                                 out=str(tmp_path / "out"), top_k=10, limit=None, thresholds=None)
    assert main(args, None) == 1
    err = capsys.readouterr().err
    assert "questions got no answer" in err and "HTTP 429" in err and "refused" in err
    assert "errors (no answer, scored as misses)" in (tmp_path / "out" / "report.md").read_text()

