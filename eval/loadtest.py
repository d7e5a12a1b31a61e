"""Bounded load test on loopback: concurrent /ask clients while uploads run.

    python -m eval.loadtest --data-dir DIR [--clients 50] [--requests 2000] [--uploads 10]

DIR must hold an ingested knowledge base (e.g. after `emkb ingest corpus/`); the
test runs on a copy of it, so DIR is untouched. Reports status counts and
latency percentiles; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from eval.bench import _pct, _questions

ROOT = Path(__file__).resolve().parent.parent
KEY = "loadtest-admin-key"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--uploads", type=int, default=10)
    ap.add_argument("--max-seconds", type=float, default=600)
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="emkb-load-"))
    data = work / "data"
    shutil.copytree(args.data_dir, data, ignore=shutil.ignore_patterns("emkb.lock"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "EMKB_DATA_DIR": str(data), "EMKB_ADMIN_API_KEY": KEY, "EMKB_RATE_LIMIT_PER_MINUTE": "0"}
    server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.time()
        while time.time() - t0 < 120:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        qs = _questions(args.requests)
        statuses: Counter[int] = Counter()
        lat: list[float] = []
        lock = threading.Lock()
        deadline = time.time() + args.max_seconds
        client = httpx.Client(base_url=base, timeout=60, limits=httpx.Limits(max_connections=args.clients + 4))

        def one(q: str) -> None:
            if time.time() > deadline:
                return
            t = time.perf_counter()
            try:
                code = client.post("/ask", json={"question": q, "top_k": 5}).status_code
            except httpx.HTTPError:
                code = 0
            with lock:
                statuses[code] += 1
                lat.append((time.perf_counter() - t) * 1000)

        upload_codes: Counter[int] = Counter()

        def uploader() -> None:
            for i in range(args.uploads):
                if time.time() > deadline:
                    return
                body = f"关于开展第{i}批次安全生产检查的通知\n一、检查内容。重点检查第{i}批次企业的隐患排查治理情况。\n".encode()
                r = client.post("/documents", files={"file": (f"load-{i}.txt", body)}, headers={"Authorization": f"Bearer {KEY}"})
                upload_codes[r.status_code] += 1

        start = time.perf_counter()
        up = threading.Thread(target=uploader)
        up.start()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            list(pool.map(one, qs))
        up.join()
        wall = time.perf_counter() - start
        client.close()
        five = sum(n for code, n in statuses.items() if code >= 500 or code == 0)
        print(f"loadtest: {args.clients} clients, {sum(statuses.values())} /ask in {wall:.1f} s "
              f"({sum(statuses.values()) / wall:.1f} req/s); uploads meanwhile: {dict(upload_codes)}")
        print(f"status counts {dict(statuses)}; 5xx or failed: {five}")
        print(f"latency p50 {_pct(lat, 50):.0f} ms  p95 {_pct(lat, 95):.0f} ms  p99 {_pct(lat, 99):.0f} ms")
        return 1 if five else 0
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
