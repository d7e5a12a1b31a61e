"""The same questions through both backends give the same top-10 citations.

The bundled corpus, ingested into the embedded engine (qdrant-edge), is exported and
imported into qdrant-client: its in-memory local mode here, or a real Qdrant server
or cluster when QDRANT_URL is set (a throwaway collection, dropped afterwards). Every
benchmark question is then answered by both with top_k=10 and must give the same
answer, owners and citations, up to ties (equal scores, which the engines break
differently). The export/import path is the one README "Moving an embedded store into
a cluster" documents.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid

import pytest

from tests.conftest import ROOT, make_settings

pytestmark = pytest.mark.integration


def _questions() -> list[str]:
    out = []
    for f in sorted((ROOT / "eval" / "questions").glob("*.jsonl")):
        out += [json.loads(line)["question"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


TIE = 1e-4  # engines differ in float rounding; passages closer than this are tied


def _same(a: list[dict], b: list[dict]) -> bool:
    """Equal citations, except where scores tie: tied passages may come in either order, and
    at the end of the list either engine may keep a different member of the tied group (two
    identical table rows in different documents score the same)."""
    if len(a) != len(b) or any(abs(x["score"] - y["score"]) > TIE for x, y in zip(a, b)):
        return False
    if not a:
        return True
    cut = min(a[-1]["score"], b[-1]["score"])
    above = lambda cs: sorted(c["chunk_id"] for c in cs if c["score"] > cut + TIE)  # noqa: E731
    if above(a) != above(b):
        return False
    for x, y in zip(a, b):  # above the cut, a different passage at a rank must be a tie swap
        if x["chunk_id"] != y["chunk_id"] and x["score"] > cut + TIE and not any(
            abs(x["score"] - z["score"]) <= TIE for z in b if z["chunk_id"] == x["chunk_id"]
        ):
            return False
    return True


def test_embedded_and_qdrant_client_backends_agree(ingested_dir, tmp_path):
    from kb.answer import Answerer
    from kb.retrieval import Retriever
    from kb.service import KnowledgeBase
    from kb.store_qdrant import QdrantClientStore
    from kb.transfer import export_kb, import_kb

    source = tmp_path / "edge"
    shutil.copytree(ingested_dir, source, ignore=shutil.ignore_patterns("emkb.lock"))
    with KnowledgeBase(make_settings(source)) as kb:
        manifest = export_kb(kb, tmp_path / "export")
    assert manifest["documents"] == 60 and manifest["points"] > 1000

    url = os.environ.get("QDRANT_URL")
    collection = f"emkb-congruence-{uuid.uuid4().hex[:8]}"
    target_store = QdrantClientStore(url=url, api_key=os.environ.get("QDRANT_API_KEY"), path=None if url else ":memory:",
                                     collection=collection)
    target = KnowledgeBase(make_settings(tmp_path / "target"), store=target_store).open(check_index=False)
    try:
        imported = import_kb(target, tmp_path / "export")
        assert imported["imported"] == manifest["points"] == target_store.count()

        with KnowledgeBase(make_settings(source)) as edge:
            a, b = Answerer(Retriever(edge)), Answerer(Retriever(target))
            differ = []
            for q in _questions():  # the whole benchmark, ~0.2 s a question in qdrant-client local mode
                ea, qa = a.ask(q, 10).to_dict(), b.ask(q, 10).to_dict()
                same = (ea["abstained"] == qa["abstained"] and ea["owners"] == qa["owners"]
                        and _same(ea["citations"], qa["citations"]) and _same(ea["related"], qa["related"]))
                if not same:
                    differ.append(q)
        assert not differ, f"{len(differ)} questions differ between the backends, e.g. {differ[:3]}"
    finally:
        target_store.drop()
        target.close()
