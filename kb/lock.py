"""One owner of the data directory at a time.

The embedded store can be opened by one process only. Whoever opens the
knowledge base (the server, or a CLI ingest) takes an exclusive ``flock`` on
``<data_dir>/emkb.lock`` for its lifetime; a second process fails at once with
a message that names the fix. The kernel releases the lock when the owner
dies, even by SIGKILL, so a crash never leaves the store locked.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kb.store import StoreLockedError


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / "emkb.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise StoreLockedError(
                f"the knowledge base in {self.path.parent} is in use by {owner}; "
                "stop that process first, or, while the server runs, add documents through it "
                "(POST /documents) instead of `emkb ingest`"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"emkb pid {os.getpid()}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "DataDirLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
