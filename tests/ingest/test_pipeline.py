"""The ingest pipeline end to end on a small corpus: real parsers, embedder and store."""

from __future__ import annotations

import json
import shutil

import pytest

from ingest.pipeline import Ingestor
from kb.service import KnowledgeBase
from kb.store import SearchFilter
from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.integration


@pytest.fixture()
def small_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "hazard_criteria").mkdir(parents=True)
    (corpus / "work_plans").mkdir()
    for name in ("gongmao-hangye-zhongda-yinhuan-panding-2017-superseded.md", "yanhua-baozhu-zhongda-yinhuan-panding-2017.md"):
        shutil.copy(CORPUS / "hazard_criteria" / name, corpus / "hazard_criteria" / name)
    shutil.copy(CORPUS / "work_plans" / "001_6081a029a38b96ac.txt", corpus / "work_plans")
    manifest = [e for e in json.loads((CORPUS / "manifest.json").read_text()) if (corpus / e["file"]).exists()]
    (corpus / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    return corpus


def _kb(tmp_path, corpus):
    return KnowledgeBase(make_settings(tmp_path / "data", corpus_dir=corpus))


def test_ingest_is_idempotent_and_replaces_edited_files(tmp_path, small_corpus):
    with _kb(tmp_path, small_corpus) as kb:
        first = Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert sorted(first.added) == sorted(
            ["001_6081a029a38b96ac", "gongmao-hangye-zhongda-yinhuan-panding-2017-superseded", "yanhua-baozhu-zhongda-yinhuan-panding-2017"]
        )
        n = kb.store.count()
        assert n == first.chunks > 0

        second = Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert second.added == [] and second.updated == [] and len(second.unchanged) == 3
        assert kb.store.count() == n

        plan = small_corpus / "work_plans" / "001_6081a029a38b96ac.txt"
        old_ids = set(kb.catalog.chunk_ids("001_6081a029a38b96ac"))
        plan.write_text(plan.read_text(encoding="utf-8").replace("执法支队", "执法监察支队"), encoding="utf-8")
        third = Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert third.updated == ["001_6081a029a38b96ac"]
        new_ids = set(kb.catalog.chunk_ids("001_6081a029a38b96ac"))
        assert old_ids != new_ids
        stored = kb.store.scroll(SearchFilter({"doc_id": "001_6081a029a38b96ac"}))
        assert {h.id for h in stored} == new_ids  # the old chunks are gone
        assert any("执法监察支队" in h.payload["text"] for h in stored)
        assert not any("、执法支队" in h.payload["text"] for h in stored)

        assert kb.delete_document("001_6081a029a38b96ac")
        assert kb.store.count(SearchFilter({"doc_id": "001_6081a029a38b96ac"})) == 0
        assert "001_6081a029a38b96ac" not in kb.catalog.doc_ids()
        assert not kb.delete_document("001_6081a029a38b96ac")


def test_documents_an_older_parser_chunked_are_read_again(tmp_path, small_corpus):
    from ingest import PARSER_VERSION

    with _kb(tmp_path, small_corpus) as kb:
        Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert kb.catalog.meta("yanhua-baozhu-zhongda-yinhuan-panding-2017").parser == PARSER_VERSION
        n = kb.store.count()
        # a store written before the version was recorded: its meta has no "parser"
        kb.catalog._conn.execute(
            "UPDATE documents SET meta=json_remove(meta, '$.parser') WHERE doc_id='yanhua-baozhu-zhongda-yinhuan-panding-2017'"
        )
        again = Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert again.updated == ["yanhua-baozhu-zhongda-yinhuan-panding-2017"] and len(again.unchanged) == 2
        assert kb.catalog.meta("yanhua-baozhu-zhongda-yinhuan-panding-2017").parser == PARSER_VERSION
        assert kb.store.count() == n  # replaced, not added twice
        third = Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert third.updated == [] and len(third.unchanged) == 3


def test_manifest_metadata_travels_onto_every_chunk(tmp_path, small_corpus):
    with _kb(tmp_path, small_corpus) as kb:
        Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus / "work_plans"], progress=False)
        hits = kb.store.scroll()
        assert hits and all(h.payload["title"] == "2023年应急管理重点工作要点（中卫市应急管理局）" for h in hits)
        assert all(h.payload["issuer"] == "中卫市应急管理局" and h.payload["year"] == 2023 for h in hits)
        assert all(h.payload["source"] == "work_plans/001_6081a029a38b96ac.txt" for h in hits)


def test_file_without_manifest_entry_gets_metadata_from_text(tmp_path, small_corpus):
    extra = small_corpus / "notice.txt"
    extra.write_text(
        "关于做好2024年汛期安全防范工作的通知\n市应急发〔2024〕5号\n各区县应急管理局：\n"
        "为切实做好汛期安全防范工作，现就有关事项通知如下。\n一、加强隐患排查。各地要组织力量对山洪、地质灾害易发区开展拉网式排查。\n"
        "二、强化值班值守。严格落实24小时值班和领导带班制度。\n某市应急管理局\n2024年5月20日\n",
        encoding="gb18030",
    )
    with _kb(tmp_path, small_corpus) as kb:
        report = Ingestor(kb, corpus_dir=small_corpus).ingest([extra], progress=False)
        assert report.added == ["notice"]
        meta = kb.catalog.document("notice")["meta"]
        assert meta["title"] == "关于做好2024年汛期安全防范工作的通知"
        assert meta["doc_number"] == "市应急发〔2024〕5号"
        assert meta["date"] == "2024-05-20"


def test_a_bad_file_does_not_stop_the_batch(tmp_path, small_corpus):
    (small_corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (small_corpus / "empty.txt").write_bytes(b"")
    with _kb(tmp_path, small_corpus) as kb:
        report = Ingestor(kb, corpus_dir=small_corpus).ingest([small_corpus], progress=False)
        assert len(report.added) == 3
        errors = {f["source"]: f["error"] for f in report.failed}
        assert set(errors) == {"broken.pdf", "empty.txt"}
        assert all(src in msg for src, msg in errors.items())


def test_missing_path_is_reported(tmp_path, small_corpus):
    with _kb(tmp_path, small_corpus) as kb:
        report = Ingestor(kb, corpus_dir=small_corpus).ingest([tmp_path / "nope"], progress=False)
        assert report.failed and "no such file" in report.failed[0]["error"]
