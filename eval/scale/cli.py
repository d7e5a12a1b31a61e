"""The command line: ``python -m eval.scale`` (or ``python -m eval.scale_corpus``)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from eval.scale.errors import ScaleCorpusError
from eval.scale.generate import generate
from eval.scale.material import CORPUS


def main(argv: list[str] | None = None, prog: str = "python -m eval.scale") -> int:
    """Run the command line on ``argv``; 0 on success, 2 on a bad argument or an unusable folder."""
    ap = argparse.ArgumentParser(
        prog=prog,
        description="Write a large corpus recombined from the bundled one, for scale benchmarks.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               f"  {prog} --chunks 10000 --seed 1 --out /tmp/scale-10k\n"
               f"  {prog} --chunks 1000000 --seed 7 --out /tmp/scale-1m --no-progress --json\n"
               "  EMKB_CORPUS_DIR=/tmp/scale-10k emkb ingest /tmp/scale-10k",
    )
    ap.add_argument("--chunks", type=int, required=True, help="chunks the ingest should make (±10%%)")
    ap.add_argument("--seed", type=int, default=1, help="same seed and --chunks give identical files (default 1)")
    ap.add_argument("--out", type=Path, required=True, help="output folder (new or empty)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="source corpus (default: the bundled corpus/)")
    ap.add_argument("--overwrite", action="store_true", help="replace a corpus this tool wrote in --out before")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        summary = generate(args.chunks, args.seed, args.out, corpus_dir=args.corpus, overwrite=args.overwrite,
                           progress=not args.no_progress)
    except ScaleCorpusError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"wrote {summary['documents']} documents to {summary['out']}: {summary['chunks_expected']} chunks expected "
          f"(asked {summary['chunks_requested']}), {summary['bytes'] / 1e6:.1f} MB, {summary['tasks']} tasks, "
          f"{summary['superseded']} superseded editions, {summary['seconds']} s "
          f"({summary['setup_seconds']} s reading the source corpus, then {summary['chunks_per_second']} chunks/s)")
    for category, c in summary["by_category"].items():
        print(f"  {category:18s} {c['documents']:7d} documents {c['chunks_expected']:9d} chunks")
    print(f"ingest it with: EMKB_CORPUS_DIR={summary['out']} emkb ingest {summary['out']}")
    return 0
