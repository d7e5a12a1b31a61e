"""Benchmark: ingest wall time, chunks/s and peak RSS for the bundled corpus, then
/search and /ask latency over questions against a real server on loopback.

    python -m eval.bench [--data-dir DIR] [--questions N] [--embedder use]

Prints a plain report (paste it into notes). Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def _questions(n: int) -> list[str]:
    qs: list[str] = []
    for f in sorted((ROOT / "eval" / "questions").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                qs.append(json.loads(line)["question"])
    if not qs:
        qs = ["重大隐患动态清零行动由哪个科室负责？", "安全生产法第二十一条", "除尘系统 锁气卸灰"]
    return [qs[i % len(qs)] for i in range(n)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(server: subprocess.Popen, base: str, timeout: float) -> float | None:
    """Seconds until ``base``/healthz answers 200; None when the server exits or ``timeout`` passes."""
    t0 = time.perf_counter()
    while server.poll() is None and time.perf_counter() - t0 <= timeout:
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", help="where to build the store (default: a temp dir, removed after)")
    ap.add_argument("--questions", type=int, default=100)
    ap.add_argument("--embedder", default=os.environ.get("EMKB_EMBEDDER", "e5"))
    args = ap.parse_args(argv)

    tmp = None
    data = Path(args.data_dir) if args.data_dir else Path(tmp := tempfile.mkdtemp(prefix="emkb-bench-"))
    env = {**os.environ, "EMKB_DATA_DIR": str(data), "EMKB_EMBEDDER": args.embedder, "EMKB_PROGRESS": "false"}
    print(f"emkb benchmark  cores={os.cpu_count()}  embedder={args.embedder}  data={data}")

    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "api.cli", "ingest", str(ROOT / "corpus"), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        print(out.stderr)
        return 1
    report = json.loads(out.stdout)
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    docs = len(report["added"]) + len(report["updated"])
    print(f"ingest: {docs} documents, {report['chunks']} chunks in {wall:.1f} s "
          f"({report['chunks'] / wall:.1f} chunks/s), peak RSS {rss_mb:.0f} MB, failed {len(report['failed'])}")

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = _wait_healthy(server, base, 120)
        if started is None:
            print("server did not start")
            return 1
        print(f"server start (open store, load models): {started:.1f} s")
        qs = _questions(args.questions)
        with httpx.Client(base_url=base, timeout=30) as c:
            c.post("/ask", json={"question": qs[0]})  # first call builds term statistics
            for name, call in (
                ("/search", lambda q: c.get("/search", params={"q": q, "top_k": 10})),
                ("/ask", lambda q: c.post("/ask", json={"question": q, "top_k": 5})),
            ):
                lat, errors = [], 0
                for q in qs:
                    t = time.perf_counter()
                    r = call(q)
                    lat.append((time.perf_counter() - t) * 1000)
                    errors += r.status_code >= 500
                print(f"{name:8} n={len(lat)}  p50 {_pct(lat, 50):6.1f} ms  p95 {_pct(lat, 95):6.1f} ms  "
                      f"p99 {_pct(lat, 99):6.1f} ms  mean {statistics.mean(lat):6.1f} ms  5xx {errors}")
        with open(f"/proc/{server.pid}/status") as fh:
            hwm = next((ln.split()[1] for ln in fh if ln.startswith("VmHWM")), "0")
        print(f"server peak RSS {int(hwm) / 1024:.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
