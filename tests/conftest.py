"""Shared fixtures.

``ingested_dir`` ingests the whole bundled corpus once per session with the real
default embedder (multilingual-e5-small) into the real embedded store; ``live_server`` serves
a copy of it with a real uvicorn process on a loopback port. Tests that open the
knowledge base in-process use ``kb_dir``, another copy, because a data directory
has exactly one owner.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import httpx  # noqa: E402
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_settings(data_dir: Path, **overrides):
    from kb.settings import Settings

    return Settings(**{"data_dir": data_dir, "corpus_dir": CORPUS, "progress": False, **overrides})


@pytest.fixture(scope="session")
def ingested_dir(tmp_path_factory) -> Path:
    from ingest.pipeline import Ingestor
    from kb.service import KnowledgeBase

    data = tmp_path_factory.mktemp("ingested")
    with KnowledgeBase(make_settings(data)) as kb:
        report = Ingestor(kb).ingest([CORPUS], progress=False)
    assert not report.failed, report.failed
    assert len(report.added) == 60
    return data


@pytest.fixture()
def kb_dir(ingested_dir, tmp_path) -> Path:
    dest = tmp_path / "kb"
    shutil.copytree(ingested_dir, dest, ignore=shutil.ignore_patterns("emkb.lock"))
    return dest


def start_server(data_dir: Path, port: int, env_extra: dict | None = None) -> subprocess.Popen:
    env = {**os.environ, "EMKB_DATA_DIR": str(data_dir), "EMKB_CORPUS_DIR": str(CORPUS), "EMKB_PROGRESS": "false",
           "EMKB_RATE_LIMIT_PER_MINUTE": "0"}  # the fuzzer alone sends ~700 requests; tests/api/test_security.py covers the limit
    env.update(env_extra or {})
    # the server's log goes to a file: an unread pipe fills up after a few hundred requests
    # and blocks the server on its next log line
    log = open(Path(data_dir).parent / f"server-{port}.log", "w")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    proc.log_path = log.name  # type: ignore[attr-defined]
    deadline = time.time() + 120
    url = f"http://127.0.0.1:{port}"
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {Path(proc.log_path).read_text()[-3000:]}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not become healthy in 120 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextmanager
def serving_copy(ingested_dir: Path, dest: Path, env_extra: dict | None = None):
    """A copy of the ingested store at ``dest``, served by its own uvicorn process: yields its URL."""
    shutil.copytree(ingested_dir, dest, ignore=shutil.ignore_patterns("emkb.lock"))
    port = free_port()
    proc = start_server(dest, port, env_extra)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def server_dir(ingested_dir, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(ingested_dir, dest, ignore=shutil.ignore_patterns("emkb.lock"))
    return dest


@pytest.fixture(scope="session")
def live_server(request):
    if os.environ.get("EMKB_TEST_SERVER_URL"):  # develop against a server you already run
        yield os.environ["EMKB_TEST_SERVER_URL"]
        return
    server_dir = request.getfixturevalue("server_dir")
    port = free_port()
    proc = start_server(server_dir, port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)
