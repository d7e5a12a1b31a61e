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


def test_hnsw_ef_is_by_size_unless_set(monkeypatch):
    assert Settings().index_config().hnsw_ef == 0  # 0: kb.store.auto_ef picks by point count
    monkeypatch.setenv("EMKB_HNSW_EF", "2048")
    assert Settings().index_config().hnsw_ef == 2048
    monkeypatch.setenv("EMKB_HNSW_EF", "4")
    with pytest.raises(ValidationError, match="0 \\(by store size\\) or at least 8"):
        Settings()
