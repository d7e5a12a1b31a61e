"""Plan a scale corpus by category and write it: ``iter_documents`` yields the documents,
``generate`` streams them to a folder with manifest.json and returns a summary."""

from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from eval.scale.builders import ScaleDocument, build
from eval.scale.context import Context
from eval.scale.errors import ScaleCorpusError
from eval.scale.material import CORPUS, load_material
from eval.scale.vocabulary import CATEGORIES, DOC_SIZE, SHARES, VALIDITY_SUPERSEDED

logger = logging.getLogger(__name__)


def quotas(chunks: int) -> dict[str, int]:
    """Chunks per category, summing to ``chunks`` (largest remainder)."""
    raw = {c: chunks * s for c, s in SHARES}
    out = {c: int(v) for c, v in raw.items()}
    for c in sorted(CATEGORIES, key=lambda c: (-(raw[c] - out[c]), CATEGORIES.index(c)))[: chunks - sum(out.values())]:
        out[c] += 1
    return out


def iter_documents(chunks: int, seed: int, corpus_dir: str | Path = CORPUS) -> Iterator[ScaleDocument]:
    """The documents of a scale corpus, one at a time: (relative path, text, manifest entry).

    The entries' ``chunks_expected`` add up to about ``chunks`` (at least ``chunks``, a few over);
    the same arguments always give the same documents. Raises ScaleCorpusError at once on bad
    arguments or an unusable source corpus.
    """
    if chunks < 1:
        raise ScaleCorpusError("--chunks must be at least 1")
    return _documents(Context(load_material(str(corpus_dir)), seed), quotas(chunks))


def _documents(ctx: Context, want: dict[str, int]) -> Iterator[ScaleDocument]:
    done = dict.fromkeys(CATEGORIES, 0)
    while open_ := [c for c in CATEGORIES if done[c] < want[c]]:
        category = min(open_, key=lambda c: (done[c] / want[c], CATEGORIES.index(c)))  # the one most behind
        remaining = want[category] - done[category]
        low, high = DOC_SIZE[category]
        target = ctx.rng.randint(low, high)
        if remaining - target < low:
            target = remaining
        for doc in build(ctx, category, target, remaining):
            done[category] += doc.entry["chunks_expected"]
            yield doc


def _prepare(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ScaleCorpusError(f"{out} is a file; --out needs a folder")
    if out.is_dir() and any(out.iterdir()):
        ours = set(CATEGORIES) | {"manifest.json", "manifest.json.partial"}
        foreign = sorted(p.name for p in out.iterdir() if p.name not in ours)
        if not overwrite:
            raise ScaleCorpusError(f"{out} is not empty; choose another --out, or pass --overwrite to replace "
                                   "a corpus this tool wrote there")
        if foreign:
            raise ScaleCorpusError(f"{out} holds files this tool did not write ({', '.join(foreign[:3])}); "
                                   "refusing to overwrite it")
        for p in sorted(out.iterdir()):
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
    out.mkdir(parents=True, exist_ok=True)


def generate(chunks: int, seed: int, out: Path, *, corpus_dir: str | Path = CORPUS, overwrite: bool = False,
             progress: bool = False) -> dict:
    """Write a scale corpus to ``out`` (documents in category folders and manifest.json) and
    return a summary: documents, expected chunks, bytes, seconds and a per-category breakdown."""
    t0 = time.perf_counter()
    out = Path(out)
    documents = iter_documents(chunks, seed, corpus_dir)  # reads and parses the source corpus
    setup = time.perf_counter() - t0
    _prepare(out, overwrite)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=chunks, unit="chunk", desc="scale corpus", file=sys.stderr)
    summary = {"out": str(out), "seed": seed, "chunks_requested": chunks, "chunks_expected": 0, "documents": 0,
               "superseded": 0, "tasks": 0, "bytes": 0,
               "by_category": {c: {"documents": 0, "chunks_expected": 0} for c in CATEGORIES}}
    for category in CATEGORIES:
        (out / category).mkdir(exist_ok=True)
    partial = out / "manifest.json.partial"
    with partial.open("w", encoding="utf-8", newline="\n") as manifest:
        manifest.write("[")
        for doc in documents:
            data = doc.text.encode("utf-8")
            (out / doc.path).write_bytes(data)
            entry = json.dumps(doc.entry, ensure_ascii=False, indent=1)  # the layout of json.dump(list, indent=1)
            sep = "\n" if summary["documents"] == 0 else ",\n"
            manifest.write(sep + "\n".join(" " + ln for ln in entry.split("\n")))
            n = doc.entry["chunks_expected"]
            summary["documents"] += 1
            summary["chunks_expected"] += n
            summary["bytes"] += len(data)
            summary["tasks"] += doc.entry.get("tasks", 0)
            summary["superseded"] += doc.entry["validity"] == VALIDITY_SUPERSEDED
            cat = summary["by_category"][doc.entry["category"]]
            cat["documents"] += 1
            cat["chunks_expected"] += n
            if bar is not None:
                bar.update(n)
        manifest.write("\n]\n")
    partial.replace(out / "manifest.json")
    if bar is not None:
        bar.close()
    seconds = time.perf_counter() - t0
    summary.update(seconds=round(seconds, 2), setup_seconds=round(setup, 2),
                   chunks_per_second=round(summary["chunks_expected"] / max(seconds - setup, 1e-9)))
    logger.info("scale corpus: %d documents, %d chunks expected, in %s", summary["documents"],
                summary["chunks_expected"], out)
    return summary
