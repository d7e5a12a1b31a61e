"""Structured records in SQLite: documents, their cleaned text and outline,
work-plan tasks and addressable units (articles, items).

The catalog is the source of truth for which documents are *committed*: a
document is written to the vector store first and committed here last, in one
transaction. On open, ``KnowledgeBase`` deletes store points of any document
that is not committed, so a crash mid-ingest leaves no half documents.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kb.models import DocMeta, ParsedDocument, Task

_GENERATIONS = itertools.count(1)


@dataclass
class TermDelta:
    """Passages per sparse token id to add and to remove (a replaced document's old passages)."""

    added: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, token_lists: Iterable[Iterable[int]]) -> Counter:
        """Passage counts of a document: each passage counts a token once."""
        c: Counter = Counter()
        for tokens in token_lists:
            c.update(set(tokens))
        return c  # unique across Catalog objects: a restored catalog is new

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    outline TEXT NOT NULL,
    warnings TEXT NOT NULL,
    chunk_count INTEGER NOT NULL,
    chunk_ids TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- an ingest looks every file up by source (unchanged? skip) and every upload by content:
-- without these, a resumed bulk load of 40k files spent minutes scanning the table per file
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS tasks (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    owners TEXT NOT NULL,
    lead_owners TEXT NOT NULL,
    co_owners TEXT NOT NULL,
    deadline TEXT NOT NULL,
    section TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS units (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    locator TEXT NOT NULL,
    section TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    page INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS units_locator ON units(doc_id, locator);
-- who owns which task, one row per owner: "X科负责哪些任务" and the office names, without
-- reading every task (a province's catalog holds hundreds of thousands)
CREATE TABLE IF NOT EXISTS task_owners (
    owner TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (owner, doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS task_owners_doc ON task_owners(doc_id);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- passages per sparse token id: what Qdrant's IDF counts, kept here for answers and abstention
CREATE TABLE IF NOT EXISTS term_df (token INTEGER PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""


class Catalog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        # bumped by every change to the documents; one process owns a data directory (kb/lock.py),
        # so readers key their caches on this instead of re-reading the tables
        self.generation = next(_GENERATIONS)
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.executescript(SCHEMA)
            self._backfill_task_owners()

    def _backfill_task_owners(self) -> None:
        """A catalog written before task_owners existed: fill it from the tasks, once."""
        if (self._conn.execute("SELECT 1 FROM tasks LIMIT 1").fetchone() is not None
                and self._conn.execute("SELECT 1 FROM task_owners LIMIT 1").fetchone() is None):
            self._conn.execute(
                "INSERT OR IGNORE INTO task_owners(owner, doc_id, seq)"
                " SELECT j.value, t.doc_id, t.seq FROM tasks t, json_each(t.owners) j"
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- key/value ----------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row["value"] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, value))

    # -- write-ahead markers: a document being replaced ---------------------------
    def mark_pending(self, *doc_ids: str) -> None:
        with self._lock:
            self._conn.executemany("INSERT OR REPLACE INTO settings(key, value) VALUES (?, '1')", [("pending:" + d,) for d in doc_ids])

    def clear_pending(self, *doc_ids: str) -> None:
        with self._lock:
            self._conn.executemany("DELETE FROM settings WHERE key=?", [("pending:" + d,) for d in doc_ids])

    def pending(self) -> list[str]:
        with self._lock:
            rows = self._conn.execute("SELECT key FROM settings WHERE key LIKE 'pending:%'").fetchall()
        return [r["key"][len("pending:"):] for r in rows]

    # -- documents ------------------------------------------------------------
    def commit_document(
        self, parsed: ParsedDocument, chunk_ids: list[str], terms: TermDelta | None = None
    ) -> None:
        """Replace the document's records in one transaction; ``terms`` updates the passage counts
        per token in the same transaction (see ``TermDelta``)."""
        self.commit_documents([(parsed, chunk_ids, terms)])

    def commit_documents(self, items: list[tuple[ParsedDocument, list[str], TermDelta | None]]) -> None:
        """Replace several documents' records in one transaction (a bulk load commits in batches)."""
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                for parsed, chunk_ids, terms in items:
                    self._insert_document(cur, parsed, chunk_ids, terms)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        self.generation = next(_GENERATIONS)

    def _insert_document(self, cur: sqlite3.Cursor, parsed: ParsedDocument, chunk_ids: list[str], terms: TermDelta | None) -> None:
        meta = parsed.meta
        if terms is not None:
            self._apply_terms(cur, terms)
        cur.execute("DELETE FROM documents WHERE doc_id=?", (meta.doc_id,))
        cur.execute(
            "INSERT INTO documents(doc_id, source, sha256, meta, text, outline, warnings, chunk_count, chunk_ids)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                meta.doc_id,
                meta.source,
                meta.sha256,
                json.dumps(meta.to_dict(), ensure_ascii=False),
                parsed.text,
                json.dumps([o.__dict__ for o in parsed.outline], ensure_ascii=False),
                json.dumps(parsed.warnings, ensure_ascii=False),
                len(chunk_ids),
                json.dumps(chunk_ids),
            ),
        )
        cur.executemany(
            "INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    meta.doc_id, i, t.number, t.title, t.text,
                    json.dumps(t.owners, ensure_ascii=False), json.dumps(t.lead_owners, ensure_ascii=False),
                    json.dumps(t.co_owners, ensure_ascii=False), t.deadline, t.section, t.start, t.end,
                )
                for i, t in enumerate(parsed.tasks)
            ],
        )
        cur.executemany(
            "INSERT OR IGNORE INTO task_owners(owner, doc_id, seq) VALUES (?,?,?)",
            [(o, meta.doc_id, i) for i, t in enumerate(parsed.tasks) for o in t.owners],
        )
        cur.executemany(
            "INSERT INTO units VALUES (?,?,?,?,?,?,?,?)",
            [
                (meta.doc_id, i, u.kind, u.locator, " > ".join(u.section), u.start, u.end, u.page)
                for i, u in enumerate(parsed.units)
                if u.locator
            ],
        )

    def update_meta(self, doc_id: str, **fields: Any) -> None:
        with self._lock:
            row = self._conn.execute("SELECT meta FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
            if row is None:
                return
            meta = {**json.loads(row["meta"]), **fields}
            self._conn.execute("UPDATE documents SET meta=? WHERE doc_id=?", (json.dumps(meta, ensure_ascii=False), doc_id))
        self.generation = next(_GENERATIONS)

    def delete_document(self, doc_id: str, terms: TermDelta | None = None) -> bool:
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                if terms is not None:
                    self._apply_terms(cur, terms)
                cur.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
                deleted = cur.rowcount > 0
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        self.generation = next(_GENERATIONS)
        return deleted

    # -- passage counts per token (document frequencies) -------------------------
    @staticmethod
    def _apply_terms(cur: sqlite3.Cursor, terms: TermDelta) -> None:
        changes = [(t, n) for t, n in terms.added.items()] + [(t, -n) for t, n in terms.removed.items()]
        cur.executemany(
            "INSERT INTO term_df(token, df) VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET df = df + excluded.df",
            changes,
        )
        if terms.removed:
            cur.executemany("DELETE FROM term_df WHERE token=? AND df <= 0", [(t,) for t in terms.removed])

    def term_df(self, token: int) -> int:
        with self._lock:
            row = self._conn.execute("SELECT df FROM term_df WHERE token=?", (token,)).fetchone()
        return row["df"] if row else 0

    def has_term_stats(self) -> bool:
        with self._lock:
            return self._conn.execute("SELECT 1 FROM term_df LIMIT 1").fetchone() is not None

    def rebuild_term_stats(self, counts: dict[int, int]) -> None:
        """Replace all counts at once (an older catalog, or a repair)."""
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.execute("DELETE FROM term_df")
                cur.executemany("INSERT INTO term_df(token, df) VALUES (?, ?)", list(counts.items()))
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        self.generation = next(_GENERATIONS)

    def text_chars(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT COALESCE(SUM(LENGTH(text)), 0) AS n FROM documents").fetchone()
        return int(row["n"])

    def passage_count(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT COALESCE(SUM(chunk_count), 0) AS n FROM documents").fetchone()
        return int(row["n"])

    def doc_ids(self) -> set[str]:
        with self._lock:
            return {r["doc_id"] for r in self._conn.execute("SELECT doc_id FROM documents")}

    def source_of(self, doc_id: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT source FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return row["source"] if row else None

    def find_by_source(self, source: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT doc_id, sha256, coalesce(json_extract(meta, '$.parser'), 1) AS parser FROM documents WHERE source=?",
                (source,),
            ).fetchone()
        return dict(row) if row else None

    def find_by_sha(self, sha256: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT doc_id FROM documents WHERE sha256=?", (sha256,)).fetchone()
        return row["doc_id"] if row else None

    def chunk_counts(self) -> dict[str, int]:
        with self._lock:
            return {r["doc_id"]: r["chunk_count"] for r in self._conn.execute("SELECT doc_id, chunk_count FROM documents")}

    def chunk_ids(self, doc_id: str) -> list[str]:
        with self._lock:
            row = self._conn.execute("SELECT chunk_ids FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return json.loads(row["chunk_ids"]) if row else []

    def documents(self, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        with self._lock:
            total = self._conn.execute("SELECT COUNT(*) AS n FROM documents").fetchone()["n"]
            rows = self._conn.execute(
                "SELECT meta, chunk_count, ingested_at FROM documents ORDER BY source LIMIT ? OFFSET ?", (limit, offset)
            ).fetchall()
        return [
            {**json.loads(r["meta"]), "chunk_count": r["chunk_count"], "ingested_at": r["ingested_at"]} for r in rows
        ], total

    def meta(self, doc_id: str) -> DocMeta | None:
        with self._lock:
            row = self._conn.execute("SELECT meta FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return DocMeta(**json.loads(row["meta"])) if row else None

    def field_values(self, key: str) -> set[str]:
        """The distinct values one metadata field (category, validity) takes over the stored documents."""
        with self._lock:
            sql = "SELECT DISTINCT json_extract(meta, ?) AS v FROM documents"
            rows = self._conn.execute(sql, (f"$.{key}",)).fetchall()
        return {r["v"] for r in rows if r["v"]}

    def all_meta(self) -> list[DocMeta]:
        with self._lock:
            rows = self._conn.execute("SELECT meta FROM documents").fetchall()
        return [DocMeta(**json.loads(r["meta"])) for r in rows]

    def all_texts(self) -> list[dict[str, str]]:
        """Every document's id and cleaned text."""
        with self._lock:
            rows = self._conn.execute("SELECT doc_id, text FROM documents").fetchall()
        return [{"doc_id": r["doc_id"], "text": r["text"]} for r in rows]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if row is None:
            return None
        return {
            "meta": json.loads(row["meta"]),
            "text": row["text"],
            "outline": json.loads(row["outline"]),
            "warnings": json.loads(row["warnings"]),
            "chunk_count": row["chunk_count"],
        }

    # -- tasks and units ----------------------------------------------------------
    def tasks(self, doc_id: str | None = None) -> list[Task]:
        sql, args = "SELECT t.*, d.source FROM tasks t JOIN documents d USING(doc_id)", ()
        if doc_id:
            sql, args = sql + " WHERE t.doc_id=?", (doc_id,)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY d.source, t.seq", args).fetchall()
        return [_task(r) for r in rows]

    def owners(self) -> set[str]:
        """Every owner any stored task names."""
        with self._lock:
            return {r[0] for r in self._conn.execute("SELECT DISTINCT owner FROM task_owners")}

    def tasks_of(self, owner: str, doc_id: str | None = None, limit: int | None = None) -> tuple[int, list[Task]]:
        """(how many tasks ``owner`` has, up to ``limit`` of them: newest document first)."""
        where, args = "o.owner=?", [owner]
        if doc_id:
            where, args = where + " AND o.doc_id=?", args + [doc_id]
        base = f"FROM task_owners o JOIN tasks t ON t.doc_id=o.doc_id AND t.seq=o.seq JOIN documents d ON d.doc_id=o.doc_id WHERE {where}"
        with self._lock:
            total = self._conn.execute(f"SELECT COUNT(*) {base}", args).fetchone()[0]
            rows = self._conn.execute(
                f"SELECT t.*, d.source {base} ORDER BY json_extract(d.meta, '$.date') DESC, d.source, t.seq"
                + (" LIMIT ?" if limit else ""), args + ([limit] if limit else []),
            ).fetchall()
        return total, [_task(r) for r in rows]

    def units(self, doc_id: str, locator: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM units WHERE doc_id=?", [doc_id]
        if locator is not None:
            sql += " AND locator=?"
            args.append(locator)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY seq", args).fetchall()
        return [dict(r) for r in rows]

    def backup_to(self, path: Path) -> None:
        with self._lock:
            dest = sqlite3.connect(path)
            try:
                self._conn.backup(dest)
            finally:
                dest.close()

    def restore_from(self, path: Path) -> None:
        """Replace every table's contents with those of the catalog file at ``path``."""
        if not Path(path).exists():
            raise FileNotFoundError(f"{path}: no catalog to restore")
        with self._lock:
            src = sqlite3.connect(path)
            try:
                src.backup(self._conn)
            finally:
                src.close()
            self._conn.executescript(SCHEMA)  # an older export may lack newer tables
        self.generation = next(_GENERATIONS)


def _task(r: sqlite3.Row) -> Task:
    return Task(
        doc_id=r["doc_id"], source=r["source"], number=r["number"], title=r["title"], text=r["text"],
        owners=json.loads(r["owners"]), lead_owners=json.loads(r["lead_owners"]), co_owners=json.loads(r["co_owners"]),
        deadline=r["deadline"], section=r["section"], start=r["start"], end=r["end"],
    )


def json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)
