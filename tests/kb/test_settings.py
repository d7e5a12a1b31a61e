import pytest
from pydantic import ValidationError

from kb.settings import Settings


def test_env_prefix_and_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("EMKB_DATA_DIR", str(tmp_path))
    s = Settings()
    assert s.data_dir == tmp_path
    assert s.backend == "edge"
    assert s.embedder == "e5"


def test_qdrant_url_selects_the_client_backend(monkeypatch):
    monkeypatch.setenv("QDRANT_URL", "http://127.0.0.1:6333")
    assert Settings().backend == "qdrant"


def test_bad_embedder_names_the_fix(monkeypatch):
    monkeypatch.setenv("EMKB_EMBEDDER", "bert")
    with pytest.raises(ValidationError, match="st:/path/to/model"):
        Settings()
