"""Task owners in the catalog: one indexed row per owner, so "X科负责哪些任务" and the office
names never read every task (a province's catalog holds hundreds of thousands)."""

from __future__ import annotations

import sqlite3

from kb.catalog import Catalog
from kb.models import DocMeta, ParsedDocument, Task


def _plan(doc_id: str, date: str, owners_per_task: list[list[str]]) -> ParsedDocument:
    tasks = [
        Task(doc_id=doc_id, source=f"{doc_id}.txt", number=str(i + 1), title=f"{doc_id}任务{i + 1}", text="……",
             owners=owners, start=i * 10, end=i * 10 + 9)
        for i, owners in enumerate(owners_per_task)
    ]
    return ParsedDocument(DocMeta(doc_id=doc_id, source=f"{doc_id}.txt", title=doc_id, date=date), "x" * 100, [], tasks)


def _catalog(tmp_path) -> Catalog:
    cat = Catalog(tmp_path / "catalog.sqlite3")
    cat.commit_documents([
        (_plan("old", "2021-03-01", [["执法支队"], ["办公室", "执法支队"], ["办公室"]]), ["c1"], None),
        (_plan("new", "2023-02-16", [["执法支队", "宣传教育科"], ["应急协调科"]]), ["c2"], None),
    ])
    return cat


def test_tasks_of_an_owner_newest_first_with_the_total(tmp_path):
    cat = _catalog(tmp_path)
    assert cat.owners() == {"执法支队", "办公室", "宣传教育科", "应急协调科"}
    total, tasks = cat.tasks_of("执法支队")
    assert total == 3 and [(t.doc_id, t.number) for t in tasks] == [("new", "1"), ("old", "1"), ("old", "2")]
    total, tasks = cat.tasks_of("执法支队", limit=2)
    assert total == 3 and len(tasks) == 2  # the answer lists some and says how many there are
    total, tasks = cat.tasks_of("执法支队", doc_id="old")
    assert total == 2 and {t.doc_id for t in tasks} == {"old"}
    assert cat.tasks_of("不存在的科") == (0, [])


def test_replacing_and_deleting_a_document_keeps_owner_rows_right(tmp_path):
    cat = _catalog(tmp_path)
    cat.commit_documents([(_plan("new", "2023-02-16", [["应急协调科"]]), ["c3"], None)])  # re-ingested, changed
    assert cat.tasks_of("执法支队")[0] == 2 and "宣传教育科" not in cat.owners()
    cat.delete_document("old")
    assert cat.owners() == {"应急协调科"}


def test_a_catalog_from_before_task_owners_is_filled_on_open(tmp_path):
    cat = _catalog(tmp_path)
    cat.close()
    with sqlite3.connect(tmp_path / "catalog.sqlite3") as conn:
        conn.execute("DROP TABLE task_owners")
    cat = Catalog(tmp_path / "catalog.sqlite3")
    assert cat.tasks_of("办公室")[0] == 2 and len(cat.owners()) == 4
