"""eval/scale_corpus.py: deterministic, parsed as written, and counted right by the real
parser and splitter (no embedder, no store)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from eval import scale_corpus as sc

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _parse(folder: Path) -> tuple[dict[str, dict], dict]:
    """Every file of a generated corpus through the real FileParser, as the ingest does."""
    from ingest.components import FileParser
    from ingest.metadata import load_manifest

    manifest = load_manifest(folder)
    result = FileParser(folder, manifest).run([folder / f for f in sorted(manifest)])
    assert not result["failures"], result["failures"][:3]
    return manifest, {d.meta.source: d for d in result["parsed"]}


@pytest.fixture(scope="module")
def run_3k(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale-3k")
    summary = sc.generate(3000, 11, out)
    manifest, parsed = _parse(out)
    return out, summary, manifest, parsed


def _by_category(manifest: dict, parsed: dict, category: str) -> list[tuple[dict, object]]:
    docs = [(e, parsed[f]) for f, e in sorted(manifest.items()) if e["category"] == category]
    assert docs, f"no {category} generated"
    return docs


# -- the chunk count -------------------------------------------------------------
def test_chunk_count_of_3k_run_is_within_10_percent(run_3k):
    from ingest.splitter import split_document

    _, summary, manifest, parsed = run_3k
    real = {c: 0 for c in sc.CATEGORIES}
    for f, doc in parsed.items():
        real[manifest[f]["category"]] += len(split_document(doc))
    total = sum(real.values())
    assert abs(total - 3000) <= 300, f"asked 3000 chunks, the splitter made {total}"
    assert abs(summary["chunks_expected"] - total) <= 30, (summary["chunks_expected"], total)
    for category, share in sc.SHARES:  # the mix holds too
        assert abs(real[category] - 3000 * share) <= 0.2 * 3000 * share, (category, real[category])


def test_chunk_counter_agrees_with_the_splitter_on_the_bundled_corpus():
    """The counter is a replica of split_document's rules: on the 53 text documents of the
    bundled corpus it must give the splitter's count, document by document."""
    from ingest.components import FileParser
    from ingest.metadata import load_manifest
    from ingest.splitter import split_document

    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
    parsed = FileParser(CORPUS, load_manifest(CORPUS)).run(files)["parsed"]
    off = []
    for doc in parsed:
        counter = sc.ChunkCounter()
        for u in doc.units:
            counter.add(u.kind, doc.text[u.start : u.end])
        if counter.total != len(split_document(doc)):
            off.append((doc.meta.source, counter.total, len(split_document(doc))))
    assert not off


def test_quotas_sum_to_the_request():
    for n in (1, 7, 999, 3000, 1_000_000):
        q = sc.quotas(n)
        assert sum(q.values()) == n and set(q) == set(sc.CATEGORIES)


# -- determinism ----------------------------------------------------------------------
def test_same_seed_gives_identical_bytes_another_seed_differs(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    sc.generate(500, 5, a)
    sc.generate(500, 5, b)
    sc.generate(500, 6, c)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)
    # iter_documents yields what generate writes
    docs = list(sc.iter_documents(500, 5))
    assert {d.path for d in docs} | {"manifest.json"} == set(_digest(a))
    for d in docs:
        assert (a / d.path).read_text(encoding="utf-8") == d.text
    assert json.loads((a / "manifest.json").read_text(encoding="utf-8")) == [d.entry for d in docs]


# -- structure, through the real parser --------------------------------------------------
def test_cleaner_keeps_every_generated_line(run_3k):
    """Each written line is one line of the cleaned text: no joins, drops or edits, so the
    structure the parser finds is the one the generator wrote."""
    from ingest.cleaner import clean
    from ingest.loaders import load_file

    out, _, manifest, _ = run_3k
    for f in manifest:
        written = [re.sub(r"^#+\s*", "", ln) for ln in (out / f).read_text(encoding="utf-8").split("\n") if ln]
        assert clean(load_file(out / f)).text.split("\n") == written, f


def test_work_plans_have_tasks_with_owners_and_deadlines(run_3k):
    _, _, manifest, parsed = run_3k
    for entry, doc in _by_category(manifest, parsed, "work_plans"):
        assert doc.tasks and len(doc.tasks) == entry["tasks"], entry["file"]
        assert [t.number for t in doc.tasks] == [str(i) for i in range(1, len(doc.tasks) + 1)]
        for t in doc.tasks:
            assert t.owners and set(t.owners) <= set(sc.OFFICES), (entry["file"], t.number, t.owners)
            assert t.deadline, (entry["file"], t.number)
            assert t.section, "a task sits under a heading"
        assert not doc.warnings, (entry["file"], doc.warnings)
        assert re.fullmatch(r".+应急管理局20\d\d年.*工作要点", entry["title"])
    tasks = [t for e, d in _by_category(manifest, parsed, "work_plans") for t in d.tasks]
    assert len(tasks) >= 400  # 20% of 3,000 chunks, one task a chunk
    assert any(t.lead_owners and t.co_owners for t in tasks)  # the 牵头/配合 form is exercised


def test_laws_have_the_articles_that_were_written(run_3k):
    from ingest.structure import article_number

    _, _, manifest, parsed = run_3k
    for category in ("laws_regulations", "local_regulations"):
        for entry, doc in _by_category(manifest, parsed, category):
            articles = [u for u in doc.units if u.kind == "article"]
            assert len(articles) == entry["articles"] >= 3, entry["file"]
            assert [article_number(u.locator) for u in articles] == list(range(1, len(articles) + 1))
            chapters = [o.title for o in doc.outline if re.match(r"第.+章", o.title)]
            assert chapters[0].endswith("总则") and chapters[-1].endswith("附则"), (entry["file"], chapters)
            assert "施行" in articles[-1].text
            assert doc.meta.effective_date > doc.meta.date, entry["file"]
            assert not doc.warnings, (entry["file"], doc.warnings)


def test_hazard_items_are_addressable(run_3k):
    _, _, manifest, parsed = run_3k
    locators = set()
    for entry, doc in _by_category(manifest, parsed, "hazard_criteria"):
        items = [u.locator for u in doc.units if u.kind == "item"]
        assert len(items) == entry["items"] > 0, entry["file"]
        assert len(set(items)) == len(items), (entry["file"], items)
        locators |= set(items)
    assert any(re.fullmatch(r"[一二三]（[一二三四五六七八九十]+）\d+", loc) for loc in locators)  # 一（一）6
    assert any(re.fullmatch(r"[一二三四五六七八九十]+", loc) for loc in locators)  # a flat list: 十二


def test_hazard_items_and_chapters_come_from_the_bundled_corpus(run_3k):
    from ingest.cleaner import clean
    from ingest.loaders import load_file

    out, _, manifest, parsed = run_3k
    source = "\n".join(clean(load_file(p)).text for p in sorted(CORPUS.rglob("*.md")))
    for entry, doc in _by_category(manifest, parsed, "hazard_criteria"):
        for u in doc.units:
            if u.kind == "item":
                body = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+\.)", "", u.text)
                assert body in source, (entry["file"], u.text)
    for entry, doc in _by_category(manifest, parsed, "laws_regulations"):
        for o in doc.outline:
            if m := re.match(r"第.+?章 (.+)", o.title):
                assert m.group(1) in source


def test_policy_articles_parse_as_prose(run_3k):
    _, _, manifest, parsed = run_3k
    for entry, doc in _by_category(manifest, parsed, "policy_articles"):
        kinds = {u.kind for u in doc.units}
        assert kinds <= {"heading", "paragraph"} and "paragraph" in kinds, entry["file"]
        assert doc.outline[0].title == entry["title"]


# -- manifest ----------------------------------------------------------------------
def test_manifest_has_an_entry_with_the_fields_for_every_file(run_3k):
    out, summary, manifest, parsed = run_3k
    raw = (out / "manifest.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"  # corpus/manifest.json's layout
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(manifest) == files
    assert summary["documents"] == len(files)
    numbers, titles = [], []
    for f, e in manifest.items():
        assert f.split("/")[0] == e["category"] and f.endswith((".md", ".txt"))
        for key in ("title", "issuer", "date", "category", "validity", "chunks_expected"):
            assert e[key], (f, key)
        assert re.fullmatch(r"20(1[5-9]|2[0-6])-\d\d-\d\d", e["date"]), e["date"]
        if e["category"] != "policy_articles":
            assert e["doc_number"], f
            numbers.append(e["doc_number"])
        titles.append(e["title"])
        meta = parsed[f].meta  # what the ingest reads from the entry
        assert (meta.title, meta.issuer, meta.doc_number, meta.date, meta.category, meta.validity) == (
            e["title"], e["issuer"], e["doc_number"], e["date"], e["category"], e["validity"])
    assert len(set(numbers)) == len(numbers) and len(set(titles)) == len(titles)
    assert {e["date"][:4] for e in manifest.values()} >= {"2015", "2020", "2026"}
    assert any(re.fullmatch(r".应急发〔20\d\d〕\d+号", n) for n in numbers)  # e.g. 宁应急发〔2024〕37号


def test_superseded_editions_name_the_newer_document(run_3k):
    _, _, manifest, parsed = run_3k
    by_title = {e["title"]: e for e in manifest.values()}
    old = [e for e in manifest.values() if e["validity"] == sc.VALIDITY_SUPERSEDED]
    assert old, "no superseded edition in the 3k run"
    for e in old:
        meta = parsed[e["file"]].meta
        assert meta.validity == "被替代"
        newer = by_title[meta.superseded_by[1:].split("》")[0]]
        assert newer["validity"] == "现行有效" and newer["date"] > e["date"]
        assert newer["category"] == e["category"]


def test_new_offices_leave_the_known_short_forms_unambiguous():
    from kb.offices import resolve

    real = {"应急协调科", "综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队",
            "安全生产监测与应急救援指挥中心"}
    for short in ("危化科", "基础科", "协调科", "指挥中心"):
        assert resolve(short, set(sc.OFFICES)) == resolve(short, real) is not None, short


# -- command line ----------------------------------------------------------------------
def test_cli_writes_a_corpus_and_refuses_to_clobber(tmp_path, capsys):
    out = tmp_path / "scale"
    assert sc.main(["--chunks", "300", "--seed", "3", "--out", str(out), "--no-progress", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["documents"] > 0 and (out / "manifest.json").is_file()
    assert sc.main(["--chunks", "300", "--seed", "3", "--out", str(out), "--no-progress"]) == 2
    assert "not empty" in capsys.readouterr().err
    assert sc.main(["--chunks", "300", "--seed", "4", "--out", str(out), "--no-progress", "--overwrite"]) == 0
    assert "chunks expected" in capsys.readouterr().out
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert sc.main(["--chunks", "300", "--seed", "4", "--out", str(out), "--no-progress", "--overwrite"]) == 2
    assert "did not write" in capsys.readouterr().err
    assert sc.main(["--chunks", "0", "--out", str(tmp_path / "x"), "--no-progress"]) == 2
