"""Scale benchmark: build a scale corpus, ingest it, serve it, and print one table.

    python -m eval.bench_scale --chunks 10000,100000            # real USE vectors
    python -m eval.bench_scale --chunks 1000000 --vectors composed

For each size: generate a corpus with eval.scale (seeded), ingest it in a child process (timed
per stage: prepare = parse, chunk and sparse-encode; embed; write = store and catalog; optimize =
index build), serve it with ``emkb serve`` and time ``/search`` and ``/ask`` over loopback, with
and without filters, then measure recall@10 of the configured (HNSW, maybe quantized) search
against exact search on the same store. Prints one table (paste it into notes). Nothing here
asserts: targets are read off the table.

Vectors:
- ``real`` (default): every chunk embedded by the embedder (``--embedder``, default ``use``:
  multilingual-e5-small runs ~5 chunks/s on 2 cores, 100k chunks would take 5.5 hours).
- ``composed``: each distinct sentence is embedded once with USE and a chunk's vector is the
  normalised mean of its sentences' vectors. Vectors stay in the real embedding space (so HNSW
  recall and latency are measured on a realistic distribution) but cost scales with distinct
  sentences, not chunks: the way to reach 1M chunks on 2 cores. Labelled in the table. Queries
  are embedded by the plain USE query path, as the server does.

Store settings come from the environment as for emkb (EMKB_HNSW_M, EMKB_QUANTIZATION,
EMKB_VECTORS_ON_DISK, ...), so settings are compared by running this twice.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import httpx
import numpy as np

from eval.bench import _free_port, _pct, _wait_healthy

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")


# -- composed vectors ------------------------------------------------------------------------
class ComposedEmbedder:
    """Chunk vector = normalised mean of its sentences' vectors; each distinct sentence embedded
    once by ``base``. Carries the base embedder's name and size, so the store it fills opens with
    that embedder (queries go through ``base.embed_query``)."""

    BLOCK = 65_536  # rows per cache block: 128 MB at 512-d, allocated with mmap and handed back when freed

    def __init__(self, base) -> None:
        self.base = base
        self.name, self.dim = base.name, base.dim
        self._index: dict[str, int] = {}  # sentence -> row in the blocks
        self._blocks: list[np.ndarray] = []
        self.sentences_embedded = 0

    def warm_up(self) -> None:
        self.base.warm_up()

    @staticmethod
    def sentences(text: str) -> list[str]:
        return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()] or [text]

    def _row(self, i: int) -> np.ndarray:
        return self._blocks[i // self.BLOCK][i % self.BLOCK]

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        split = [self.sentences(t) for t in texts]
        new = sorted({s for ss in split for s in ss if s not in self._index})
        if new:
            for s, v in zip(new, self.base.embed_documents(new)):
                i = len(self._index)
                if i // self.BLOCK == len(self._blocks):
                    self._blocks.append(np.empty((self.BLOCK, self.dim), dtype=np.float32))
                self._blocks[i // self.BLOCK][i % self.BLOCK] = v
                self._index[s] = i
            self.sentences_embedded += len(new)
        rows = (np.vstack([np.mean([self._row(self._index[s]) for s in ss], axis=0) for ss in split]) if texts
                else np.zeros((0, self.dim)))
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return (rows / norms).astype(np.float32)

    def release(self) -> None:
        """Drop the sentence cache (a real ingest holds none), before the index build."""
        self._index, self._blocks = {}, []

    def embed_query(self, text: str) -> np.ndarray:
        return self.base.embed_query(text)


# -- helpers -----------------------------------------------------------------------------------
def _hwm_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status") as fh:
        return int(next((ln.split()[1] for ln in fh if ln.startswith("VmHWM")), "0")) / 1024


def _reset_hwm() -> bool:
    """Start a new VmHWM for this process (Linux 4.0+: ``5`` to clear_refs), so that a stage's
    peak is its own; False where the kernel refuses."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _anon_mb(pid: int | str = "self") -> float:
    """Resident anonymous memory (heap, model weights, HNSW graph being built): what the process
    needs. VmHWM also counts the store's memory-mapped segment files, pages the kernel drops
    under pressure and reads back from disk."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return int(next((ln.split()[1] for ln in fh if ln.startswith("RssAnon")), "0")) / 1024
    except OSError:
        return 0.0


class AnonPeak:
    """Samples a process's anonymous RSS every ``interval`` seconds in a thread; ``peak`` in MB."""

    def __init__(self, pid: int | str = "self", interval: float = 0.5) -> None:
        import threading

        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _anon_mb(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> AnonPeak:
        self._thread.start()
        return self

    def restart(self) -> float:
        """The peak so far; sampling then starts a new one from the current value."""
        now = _anon_mb(self.pid)
        peak, self.peak = max(self.peak, now), now
        return peak

    def __exit__(self, *exc) -> None:  # idempotent
        if not self._stop.is_set():
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, _anon_mb(self.pid))


def _du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6 if path.exists() else 0.0


def _pool(seed: int) -> list[str]:
    """Every benchmark question (answerable or not: users ask both), shuffled, duplicates removed.
    More than the server's 256-entry query-vector cache, and walked as one cycle across all
    latency rows (see ``_questions``), so no timed call hits a vector cached by an earlier one."""
    qs: list[str] = []
    for f in [*sorted((ROOT / "eval" / "questions").glob("*.jsonl")), ROOT / "eval" / "heldout" / "dev-paraphrase.jsonl"]:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                qs.append(json.loads(line)["question"])
    qs = list(dict.fromkeys(qs))
    random.Random(seed).shuffle(qs)
    return qs


def _questions(n: int, seed: int, start: int = 0) -> list[str]:
    pool = _pool(seed)
    return [pool[(start + i) % len(pool)] for i in range(n)]


EF_SWEEP = (64, 128, 256, 512)  # HNSW candidates per search: recall against latency, one store
FILTERS = {"category": "laws_regulations", "validity": "现行有效", "year_from": 2015}


def _env(data: Path, corpus: Path, embedder: str) -> dict:
    return {**os.environ, "EMKB_DATA_DIR": str(data), "EMKB_CORPUS_DIR": str(corpus), "EMKB_EMBEDDER": embedder,
            "EMKB_PROGRESS": "false", "PYTHONPATH": str(ROOT),
            "EMKB_RATE_LIMIT_PER_MINUTE": "0"}  # one client asking hundreds of questions a minute


# -- child processes ---------------------------------------------------------------------------
def child_ingest(corpus: Path, vectors: str) -> dict:
    from ingest.pipeline import Ingestor
    from kb.embedders import make_embedder
    from kb.service import KnowledgeBase
    from kb.settings import Settings

    settings = Settings()
    embedder = make_embedder(settings.embedder)
    if vectors == "composed":
        embedder = ComposedEmbedder(embedder)
    t = time.perf_counter()
    load: dict = {}  # the peaks of the load stage (parse, embed, write), taken when the index build starts
    with AnonPeak() as anon, KnowledgeBase(settings, embedder=embedder) as kb:
        build = kb.store.optimize

        def optimize() -> None:
            if vectors == "composed":  # the cache is this benchmark's, not the ingest's: free it before the index build
                embedder.release()
            load.update(rss_mb=_hwm_mb(), anon_mb=anon.restart())
            if not _reset_hwm():
                load["rss_mb"] = None  # the index build's VmHWM would include the load's
            build()

        kb.store.optimize = optimize
        report = Ingestor(kb, corpus_dir=corpus).ingest([corpus], progress=False)
        wall = time.perf_counter() - t
        out = {"wall": wall, "chunks": report.chunks, "documents": len(report.added) + len(report.updated),
               "failed": len(report.failed), "seconds": report.seconds, "stored": kb.store.count()}
    if vectors == "composed":
        out["sentences_embedded"] = embedder.sentences_embedded
    if load.get("rss_mb") is not None:  # peaks by stage; the overall peak is the larger
        out["stages"] = {"load": load, "index": {"rss_mb": _hwm_mb(), "anon_mb": anon.peak}}
    out["rss_mb"] = max(_hwm_mb(), load.get("rss_mb") or 0)
    out["anon_mb"] = max(anon.peak, load.get("anon_mb") or 0)
    return out


def child_recall(n: int, seed: int, ef_sweep: tuple[int, ...] = EF_SWEEP) -> dict:
    from kb.service import KnowledgeBase
    from kb.settings import Settings
    from kb.store import SearchFilter

    settings = Settings()
    out: dict = {}
    with KnowledgeBase(settings) as kb:
        kb.warm_up()
        flt = SearchFilter({"category": FILTERS["category"], "validity": FILTERS["validity"]}, year_gte=FILTERS["year_from"])
        base_config = kb.store.config
        base_ef = kb.store.search_ef()  # the configured ef, or the one auto_ef picks for this store's size
        qs = _questions(n, seed)
        embedded = [(q, kb.embedder.embed_query(q).tolist(), kb.sparse.encode_query(q)) for q in qs]
        runs = [(f"dense ef={ef}", "dense", None, ef) for ef in ef_sweep]
        runs += [(f"dense filtered ef={base_ef}", "dense", flt, None),
                 (f"hybrid ef={base_ef}", "hybrid", None, None)]
        for label, mode, f, ef in runs:
            kb.store.config = replace(base_config, hnsw_ef=ef) if ef else base_config
            ids, dist, lat_cfg, lat_exact = [], [], [], []
            for q, dense, sparse in embedded:
                kw = dict(dense=dense, sparse=sparse, limit=10, flt=f, mode=mode, fusion=settings.fusion,
                          prefetch_limit=settings.prefetch_limit)
                t = time.perf_counter()
                got = kb.store.search(**kw)
                lat_cfg.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                truth = kb.store.search(**kw, exact=True)
                lat_exact.append((time.perf_counter() - t) * 1000)
                if truth:
                    ids.append(len({h.id for h in got} & {h.id for h in truth}) / len(truth))
                    # the scale corpus repeats real sentences, so many chunks tie on score: a hit
                    # as close as the exact 10th is as good (the usual distance-based recall)
                    floor = truth[-1].score - 1e-5
                    dist.append(min(len(truth), sum(h.score >= floor for h in got)) / len(truth))
            out[label] = {"recall_ids": float(np.mean(ids)), "recall": float(np.mean(dist)),
                          "p50": _pct(lat_cfg, 50), "p95": _pct(lat_cfg, 95), "exact_p50": _pct(lat_exact, 50)}
        kb.store.config = base_config
    out["rss_mb"] = _hwm_mb()
    return out


def _run_child(args: list[str], env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-m", "eval.bench_scale", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(args[:1])} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- one size ----------------------------------------------------------------------------------
def _serve_and_time(env: dict, n: int, seed: int) -> dict:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    out: dict = {}
    anon = AnonPeak(server.pid).__enter__()  # model weights load at start: sample from the first moment
    try:
        started = _wait_healthy(server, base, 600)
        if started is None:
            if server.poll() is not None:
                raise SystemExit(f"error: the server exited: {server.stderr.read()[-2000:]}")
            raise SystemExit("error: the server did not start in 10 minutes")
        out["start_s"] = started
        qs = _questions(1, seed)
        search_f = {"category": FILTERS["category"], "validity": FILTERS["validity"], "year_from": FILTERS["year_from"]}
        with httpx.Client(base_url=base, timeout=60) as c:
            t = time.perf_counter()
            c.post("/ask", json={"question": qs[0]})  # first question builds per-generation caches
            out["first_ask_ms"] = (time.perf_counter() - t) * 1000
            calls = {
                "search": lambda q: c.get("/search", params={"q": q, "top_k": 10}),
                "search_filtered": lambda q: c.get("/search", params={"q": q, "top_k": 10, **search_f}),
                "ask": lambda q: c.post("/ask", json={"question": q, "top_k": 5}),
                "ask_filtered": lambda q: c.post("/ask", json={"question": q, "top_k": 5, **search_f}),
            }
            for row, (name, call) in enumerate(calls.items()):
                lat, errors = [], 0
                for q in _questions(n, seed, start=1 + row * n):
                    t = time.perf_counter()
                    r = call(q)
                    lat.append((time.perf_counter() - t) * 1000)
                    errors += r.status_code != 200
                out[name] = {"p50": _pct(lat, 50), "p95": _pct(lat, 95), "errors": errors}
        out["rss_mb"] = _hwm_mb(server.pid)
        anon.__exit__()
        out["anon_mb"] = anon.peak
    finally:
        anon.__exit__()
        server.terminate()
        server.wait(timeout=60)
    return out


def run_size(chunks: int, args, work: Path) -> dict:
    corpus, data = work / f"corpus-{chunks}-s{args.seed}", work / f"data-{chunks}-{args.vectors}"
    row: dict = {"chunks_requested": chunks}
    t = time.perf_counter()
    if not (corpus / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "eval.scale", "--chunks", str(chunks), "--seed", str(args.seed), "--out",
                        str(corpus), "--overwrite", "--no-progress"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    row["generate_s"] = time.perf_counter() - t
    if data.exists() and not args.reuse:
        shutil.rmtree(data)
    env = _env(data, corpus, args.embedder)
    _log(f"[{chunks}] ingest ({args.vectors} vectors, {args.embedder}) into {data}")
    ingest = _run_child(["_ingest", str(corpus), args.vectors], env)
    saved = data / "bench-ingest.json"
    if ingest["chunks"] == 0 and saved.exists():  # --reuse of a finished store: its builder's figures
        ingest = {**json.loads(saved.read_text()), "stored": ingest["stored"], "reused": True}
    else:
        saved.write_text(json.dumps(ingest))
    row["ingest"] = ingest
    row["disk_mb"] = _du_mb(data)
    _log(f"[{chunks}] ingested {row['ingest']['stored']} chunks in {row['ingest']['wall']:.0f} s; serving")
    row["serve"] = _serve_and_time(env, args.queries, args.seed)
    _log(f"[{chunks}] recall@10 against exact search")
    row["recall"] = _run_child(["_recall", str(args.recall_queries), str(args.seed), ",".join(map(str, args.ef_sweep))], env)
    if not args.keep:
        shutil.rmtree(data, ignore_errors=True)
    return row


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def table(rows: list[dict], args) -> str:
    def ms(d: dict) -> str:
        return f"{d['p50']:.0f} / {d['p95']:.0f}" + (f" ({d['errors']} err)" if d.get("errors") else "")

    lines: list[tuple[str, list[str]]] = []

    def add(label: str, fn) -> None:
        lines.append((label, [fn(r) for r in rows]))

    add("chunks stored", lambda r: f"{r['ingest']['stored']:,}")
    add("documents", lambda r: f"{r['ingest']['documents']:,}")
    add("ingest wall (s)", lambda r: f"{r['ingest']['wall']:.0f}" + (" (earlier run)" if r["ingest"].get("reused") else ""))
    add("  chunks/s overall", lambda r: f"{r['ingest']['chunks'] / r['ingest']['wall']:.0f}")
    add("  prepare chunks/s (1 thread)", lambda r: f"{r['ingest']['chunks'] / max(r['ingest']['seconds']['prepare'], 1e-9):.0f}")
    add("  embedder chunks/s", lambda r: f"{r['ingest']['chunks'] / max(r['ingest']['seconds']['embed'], 1e-9):.0f}")
    add("  store+catalog chunks/s", lambda r: f"{r['ingest']['chunks'] / max(r['ingest']['seconds']['write'], 1e-9):.0f}")
    add("  index build (s)", lambda r: f"{r['ingest']['seconds']['optimize']:.0f}")
    if args.vectors == "composed":
        add("  sentences embedded", lambda r: f"{r['ingest'].get('sentences_embedded', 0):,}")
    add("peak RSS ingest (MB)", lambda r: f"{r['ingest']['rss_mb']:.0f}")
    add("  of it anonymous, ingest (MB)", lambda r: f"{r['ingest'].get('anon_mb', 0):.0f}")

    def stages(key: str):
        def cell(r: dict) -> str:
            st = r["ingest"].get("stages")
            return f"{st['load'][key]:.0f} / {st['index'][key]:.0f}" if st else "n/a"
        return cell

    add("  load / index build, RSS (MB)", stages("rss_mb"))
    add("  load / index build, anonymous (MB)", stages("anon_mb"))
    add("peak RSS server (MB)", lambda r: f"{r['serve']['rss_mb']:.0f}")
    add("  of it anonymous, server (MB)", lambda r: f"{r['serve'].get('anon_mb', 0):.0f}")
    add("disk, store+catalog (MB)", lambda r: f"{r['disk_mb']:.0f}")
    add("server start (s)", lambda r: f"{r['serve']['start_s']:.1f}")
    add("first /ask (ms)", lambda r: f"{r['serve']['first_ask_ms']:.0f}")
    add("/search p50 / p95 (ms)", lambda r: ms(r["serve"]["search"]))
    add("/search filtered p50 / p95", lambda r: ms(r["serve"]["search_filtered"]))
    add("/ask p50 / p95 (ms)", lambda r: ms(r["serve"]["ask"]))
    add("/ask filtered p50 / p95", lambda r: ms(r["serve"]["ask_filtered"]))
    for label in rows[0]["recall"]:
        if label == "rss_mb":
            continue
        add(f"recall@10 {label} (ids; dist)",
            lambda r, k=label: f"{r['recall'][k]['recall_ids']:.3f}; {r['recall'][k]['recall']:.3f}")
        add(f"  query p50 / p95 (ms; exact p50)",
            lambda r, k=label: f"{r['recall'][k]['p50']:.1f} / {r['recall'][k]['p95']:.1f}; {r['recall'][k]['exact_p50']:.1f}")
    width = max(len(label) for label, _ in lines)
    cols = [max(len(v) for v in [f"{r['chunks_requested']:,}"] + [vals[i] for _, vals in lines]) for i, r in enumerate(rows)]
    head = " | ".join([f"{'chunks requested':{width}}"] + [f"{r['chunks_requested']:>{c},}" for r, c in zip(rows, cols)])
    out = [head, "-" * len(head)]
    out += [" | ".join([f"{label:{width}}"] + [f"{v:>{c}}" for v, c in zip(vals, cols)]) for label, vals in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_ingest":
        print(json.dumps(child_ingest(Path(argv[1]), argv[2])))
        return 0
    if argv and argv[0] == "_recall":
        sweep = tuple(int(x) for x in argv[3].split(",")) if len(argv) > 3 else EF_SWEEP
        print(json.dumps(child_recall(int(argv[1]), int(argv[2]), sweep)))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", default="10000,100000", help="comma-separated sizes (default 10000,100000)")
    ap.add_argument("--vectors", choices=("real", "composed"), default="real")
    ap.add_argument("--embedder", default="use", help="EMKB_EMBEDDER for the run (default use)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries", type=int, default=200, help="questions per latency row (default 200)")
    ap.add_argument("--recall-queries", type=int, default=100)
    ap.add_argument("--ef-sweep", default=",".join(map(str, EF_SWEEP)),
                    help="hnsw_ef values for the recall rows (default %(default)s); the filtered and hybrid rows use "
                         "the configured EMKB_HNSW_EF")
    ap.add_argument("--work-dir", type=Path, help="where corpora and stores go (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the stores (corpora are always kept in --work-dir)")
    ap.add_argument("--reuse", action="store_true",
                    help="keep an existing store: resumes an interrupted ingest, or re-times queries on a finished "
                         "one (its ingest figures are those of the run that built it)")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x.replace("_", "")) for x in args.chunks.split(",") if x.strip()]
    except ValueError:
        ap.error(f"--chunks must be numbers separated by commas, not {args.chunks!r}")
    try:
        args.ef_sweep = tuple(int(x) for x in args.ef_sweep.split(",") if x.strip())
    except ValueError:
        ap.error(f"--ef-sweep must be numbers separated by commas, not {args.ef_sweep!r}")
    if not args.ef_sweep or min(args.ef_sweep) < 1:
        ap.error("--ef-sweep: each value must be a positive number")
    if not sizes or min(sizes) < 100:
        ap.error("--chunks: each size must be at least 100")
    if args.vectors == "composed" and args.embedder != "use":
        ap.error("--vectors composed composes USE sentence vectors; use --embedder use")
    tmp = None
    work = args.work_dir or Path(tmp := tempfile.mkdtemp(prefix="emkb-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    from kb.settings import Settings

    cfg = Settings().index_config()
    header = (f"emkb scale benchmark  cores={os.cpu_count()}  vectors={args.vectors}  embedder={args.embedder}  "
              f"hnsw m={cfg.hnsw_m} ef_construct={cfg.hnsw_ef_construct} ef={cfg.hnsw_ef or 'by size'}  "
              f"quantization={cfg.quantization}  vectors_on_disk={cfg.vectors_on_disk}  seed={args.seed}  "
              f"queries={args.queries}  filters={FILTERS}")
    rows = []
    try:
        for n in sizes:
            rows.append(run_size(n, args, work))
            print(header + "\n" + table(rows, args) + "\n", file=sys.stderr, flush=True)  # progress, in case of a crash later
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print(header)
    print(table(rows, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
