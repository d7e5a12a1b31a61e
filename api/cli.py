"""The ``emkb`` command line.

Examples:
  emkb ingest corpus/                  # ingest the bundled corpus (idempotent)
  emkb ask "重大隐患动态清零行动由哪个科室负责？"
  emkb search "除尘系统 锁气卸灰" --top-k 3
  emkb serve --host 127.0.0.1 --port 8000
  emkb delete 001_6081a029a38b96ac     # remove a document
  EMKB_EMBEDDER=use emkb reindex       # rebuild the store with another embedder
  emkb inspect corpus/work_plans/001_6081a029a38b96ac.txt
  emkb eval --compare bm25,dense,hybrid
  emkb backup /srv/backups/emkb-2026-11-24 && emkb restore /srv/backups/emkb-2026-11-24
  emkb export /srv/emkb-export && QDRANT_URL=http://qdrant-1:6333 emkb import /srv/emkb-export
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

EPILOG = __doc__.split("Examples:", 1)[1]


def _settings():
    from kb.settings import get_settings

    return get_settings()


def _open_kb(settings):
    from kb.service import KnowledgeBase

    return KnowledgeBase(settings).open()


def _print_answer(ans: dict) -> None:
    print(ans["answer"])
    if ans.get("owners"):
        print("责任单位：" + "、".join(ans["owners"]))
    if ans.get("deadline"):
        print("完成时限：" + ans["deadline"])
    for note in ans.get("notices", []):
        print(note)
    cits = ans.get("citations") or ans.get("related") or []
    if ans.get("abstained") and cits:
        print("\n相关段落（仅供参考）：")
    for i, c in enumerate(cits, 1):
        _print_citation(i, c)


def _print_citation(i: int, c: dict) -> None:
    where = " ".join(x for x in (c.get("locator"), c.get("section")) if x)
    print(f"\n[{i}] 《{c['title']}》 {where}  ({c['source']}, {c.get('validity', '')})")
    print("    " + c["text"].replace("\n", "\n    "))


def cmd_ingest(args, settings) -> int:
    from ingest.pipeline import Ingestor

    with _open_kb(settings) as kb:
        report = Ingestor(kb).ingest([Path(p) for p in args.paths], progress=settings.progress and not args.json)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
            f"failed {len(report.failed)}; {report.chunks} chunks written"
        )
        for f in report.failed:
            print(f"error: {f['error']}", file=sys.stderr)
    return 1 if report.failed and not (report.added or report.updated or report.unchanged) else 0


def cmd_reindex(args, settings) -> int:
    """Rebuild the store from the documents' sources with the current settings (a new embedder,
    or a store built by an older emkb). Bundled files are re-read from the corpus folder,
    uploads from <data_dir>/uploads; nothing is deleted before every source is found."""
    from ingest.pipeline import Ingestor
    from kb.service import KnowledgeBase

    with KnowledgeBase(settings).open(check_index=False) as kb:
        sources = kb.sources()
        missing = [str(p) for _, p in sources if not p.exists()]
        if missing and not args.drop_missing:
            print(
                f"error: {len(missing)} of {len(sources)} source files are missing (first: {missing[0]}); "
                "restore them, or pass --drop-missing to rebuild without those documents",
                file=sys.stderr,
            )
            return 2
        uploads = [doc_id for doc_id, p in sources if p.parent.name == "uploads" and p.exists()]
        kb.reset()
        report = Ingestor(kb).ingest([p for _, p in sources if p.exists()], progress=settings.progress)
        for doc_id in uploads:  # later editions uploaded through the API supersede older ones again
            kb.supersede_older_editions(doc_id)
    print(
        f"reindexed {len(report.added)} documents, {report.chunks} chunks with embedder "
        f"{kb.embedder_name}; dropped {len(missing)}, failed {len(report.failed)}"
    )
    for f in report.failed:
        print(f"error: {f['error']}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_delete(args, settings) -> int:
    with _open_kb(settings) as kb:
        missing = [d for d in args.doc_ids if not kb.delete_document(d)]
    for d in missing:
        print(f"error: no document {d!r}; `emkb documents` lists them", file=sys.stderr)
    return 1 if missing else 0


def cmd_documents(args, settings) -> int:
    with _open_kb(settings) as kb:
        docs, total = kb.catalog.documents(limit=10_000)
    if args.json:
        print(json.dumps({"documents": docs, "total": total}, ensure_ascii=False, indent=2))
        return 0
    for d in docs:
        print(f"{d['doc_id']:<48} {d['chunk_count']:>4}  {d['validity']:<4}  {d['title']}")
    print(f"{total} documents")
    return 0


def _answerer(settings):
    from kb.answer import Answerer
    from kb.retrieval import Retriever

    kb = _open_kb(settings)
    return kb, Answerer(Retriever(kb))


def cmd_ask(args, settings) -> int:
    from api.deps import check_question
    from fastapi import HTTPException

    try:
        question = check_question(args.question, settings.max_question_chars)
    except HTTPException as e:
        print(f"error: {e.detail}", file=sys.stderr)
        return 2
    kb, answerer = _answerer(settings)
    with kb:
        ans = answerer.ask(question, args.top_k).to_dict()
    print(json.dumps(ans, ensure_ascii=False, indent=2)) if args.json else _print_answer(ans)
    return 0


def cmd_search(args, settings) -> int:
    from kb.answer import citation
    from kb.retrieval import Retriever

    with _open_kb(settings) as kb:
        hits = [citation(h) for h in Retriever(kb).search(args.query, args.top_k, mode=args.mode)]
    if args.json:
        print(json.dumps({"hits": hits}, ensure_ascii=False, indent=2))
    else:
        for i, c in enumerate(hits, 1):
            _print_citation(i, c)
    return 0


def cmd_serve(args, settings) -> int:
    import uvicorn

    from api.app import create_app

    from kb.lock import DataDirLock

    # fail at once, before uvicorn starts: an unsafe configuration, or another owner of the store
    try:
        settings.check_security()
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    with DataDirLock(settings.data_dir):
        pass
    print(f"emkb serving on http://{args.host}:{args.port}/  (API docs: http://{args.host}:{args.port}/docs)", flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_inspect(args, settings) -> int:
    from ingest.components import FileParser
    from ingest.metadata import load_manifest

    corpus = Path(settings.corpus_dir)
    parser = FileParser(corpus, load_manifest(corpus) if (corpus / "manifest.json").exists() else {})
    out = parser.run([Path(args.file)])
    if out["failures"]:
        print(f"error: {out['failures'][0]['error']}", file=sys.stderr)
        return 1
    doc = out["parsed"][0]
    if args.json:
        print(json.dumps({
            "meta": doc.meta.to_dict(),
            "outline": [o.__dict__ for o in doc.outline],
            "tasks": [t.to_dict() for t in doc.tasks],
            "units": len(doc.units),
            "warnings": doc.warnings,
        }, ensure_ascii=False, indent=2))
        return 0
    print("metadata:")
    for k, v in doc.meta.to_dict().items():
        if v not in ("", 0, None):
            print(f"  {k}: {v}")
    print(f"outline ({len(doc.outline)} headings):")
    for o in doc.outline:
        print("  " + "  " * (o.level - 1) + o.title)
    print(f"units: {len(doc.units)}  tasks: {len(doc.tasks)}")
    for t in doc.tasks:
        owners = "、".join(t.owners) or "(未列明)"
        print(f"  任务{t.number} {t.title[:30]}  责任单位：{owners}  完成时限：{t.deadline or '-'}")
    for w in doc.warnings:
        print(f"warning: {w}")
    return 0


def cmd_backup(args, settings) -> int:
    with _open_kb(settings) as kb:
        info = kb.backup(Path(args.dir))
    print(f"backed up {info['documents']} documents, {info['chunks']} chunks to {args.dir}")
    return 0


def cmd_restore(args, settings) -> int:
    with _open_kb(settings) as kb:
        info = kb.restore(Path(args.dir))
    print(f"restored {info['documents']} documents, {info['chunks']} chunks from {args.dir}")
    return 0


def cmd_export(args, settings) -> int:
    from kb.transfer import export_kb

    with _open_kb(settings) as kb:
        m = export_kb(kb, Path(args.dir))
    print(f"exported {m['documents']} documents, {m['points']} points ({m['embedder']}) to {args.dir}")
    return 0


def cmd_import(args, settings) -> int:
    from kb.service import KnowledgeBase
    from kb.transfer import import_kb

    with KnowledgeBase(settings).open(check_index=False) as kb:
        m = import_kb(kb, Path(args.dir), replace=args.replace)
        where = settings.qdrant_url or settings.data_dir
    print(f"imported {m['documents']} documents, {m['imported']} points into {where}")
    return 0


def cmd_eval(args, settings) -> int:
    from eval.harness import main as eval_main

    return eval_main(args, settings)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="emkb",
        description="应急管理法规知识库: cited answers over laws, standards and work plans.",
        epilog="examples:" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data-dir", help="data directory (env EMKB_DATA_DIR, default ./data)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="ingest files or folders (txt, md, pdf, docx, html)")
    s.add_argument("paths", nargs="+")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("reindex", help="rebuild the store from the documents' sources (after changing EMKB_EMBEDDER)")
    s.add_argument("--drop-missing", action="store_true", help="rebuild without documents whose source file is gone")
    s.set_defaults(func=cmd_reindex)

    s = sub.add_parser("delete", help="remove documents by id")
    s.add_argument("doc_ids", nargs="+")
    s.set_defaults(func=cmd_delete)

    s = sub.add_parser("documents", help="list documents")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_documents)

    s = sub.add_parser("ask", help="answer a question with citations")
    s.add_argument("question")
    s.add_argument("--top-k", type=int, default=5)
    s.add_argument("--json", action="store_true", help="print the API's JSON")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("search", help="hybrid search over passages")
    s.add_argument("query")
    s.add_argument("--top-k", type=int, default=5)
    s.add_argument("--mode", choices=["hybrid", "dense", "sparse"], default="hybrid")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("serve", help="serve the API and the web pages")
    s.add_argument("--host", default=os.environ.get("EMKB_HOST", "127.0.0.1"))
    s.add_argument("--port", type=int, default=int(os.environ.get("EMKB_PORT", "8000")))
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("inspect", help="show how a file parses: metadata, outline, tasks, warnings")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_inspect)

    s = sub.add_parser("backup", help="copy the store and the records to a new folder")
    s.add_argument("dir")
    s.set_defaults(func=cmd_backup)

    s = sub.add_parser("restore", help="replace the store and the records with a backup")
    s.add_argument("dir")
    s.set_defaults(func=cmd_restore)

    s = sub.add_parser("export", help="write the catalog and every point (vectors, payload) to a new folder")
    s.add_argument("dir")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("import", help="load an export into the configured store (embedded, or QDRANT_URL)")
    s.add_argument("dir")
    s.add_argument("--replace", action="store_true", help="delete what the target holds first")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("eval", help="run the benchmark questions and report quality")
    s.add_argument("--questions", nargs="*", help="question files (JSONL); default eval/questions/*.jsonl")
    s.add_argument("--api", help="score a running server's POST /ask at this URL instead of in-process")
    s.add_argument("--json", action="store_true")
    s.add_argument("--compare", help="comma list of modes to compare: bm25,dense,hybrid")
    s.add_argument("--out", default="eval/reports", help="folder for results, report and chart")
    s.add_argument("--top-k", type=int, default=10)
    s.add_argument("--limit", type=int, help="only the first N questions")
    s.add_argument("--thresholds", help="JSON file of metric thresholds; exit 1 when one fails")
    s.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.data_dir:
        os.environ["EMKB_DATA_DIR"] = args.data_dir
    if args.quiet:
        os.environ["EMKB_PROGRESS"] = "false"
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    import jieba

    jieba.setLogLevel(logging.WARNING)
    from ingest.errors import IngestError
    from kb.store import StoreError
    from kb.transfer import TransferError
    from pydantic import ValidationError

    try:
        from kb.settings import get_settings

        get_settings.cache_clear()
        return args.func(args, get_settings())
    except (StoreError, IngestError, TransferError, FileExistsError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except ValidationError as e:
        first = e.errors()[0]
        print(f"error: setting {'.'.join(map(str, first['loc']))}: {first['msg']}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
