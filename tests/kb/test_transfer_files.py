"""The point files of an export (fast unit tests; tests/kb/test_transfer.py runs the CLI)."""

from __future__ import annotations

import uuid

import numpy as np

from kb import transfer
from kb.sparse import SparseVec
from kb.store import StorePoint


def _points(n: int) -> list[StorePoint]:
    return [StorePoint(id=str(uuid.UUID(int=i + 1)), dense=None if i == 2 else [float(i), 0.5, -1.0],
                       sparse=SparseVec(list(range(i % 4)), [0.25 * k for k in range(i % 4)]),
                       payload={"text": f"第{i}条 生产经营单位", "n": i}) for i in range(n)]


def test_a_batch_file_round_trips(tmp_path):
    points = _points(7)
    assert transfer._write_batch(tmp_path / "p.npz", points) == 3
    back = transfer._read_batch(tmp_path / "p.npz")
    assert [(p.id, p.dense, p.sparse.indices, p.sparse.values, p.payload) for p in back] == \
           [(p.id, p.dense, p.sparse.indices, p.sparse.values, p.payload) for p in points]


def test_each_member_of_a_batch_file_is_read_once(tmp_path, monkeypatch):
    """z[name] decompresses the member again every time; read per point, an import of the
    bundled corpus took 260 s instead of one."""
    transfer._write_batch(tmp_path / "p.npz", _points(50))
    reads: list[str] = []
    real_load = np.load

    def counting_load(*args, **kwargs):
        z = real_load(*args, **kwargs)
        get = z.__class__.__getitem__

        class Counting(z.__class__):
            def __getitem__(self, key):
                reads.append(key)
                return get(self, key)

        z.__class__ = Counting
        return z

    monkeypatch.setattr(transfer.np, "load", counting_load)
    assert len(transfer._read_batch(tmp_path / "p.npz")) == 50
    assert sorted(reads) == sorted(set(reads)), f"members read more than once: {sorted(reads)}"
