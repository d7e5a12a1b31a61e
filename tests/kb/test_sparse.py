import pytest

from kb.sparse import SparseEncoder, token_id
from kb.tokenizer import Tokenizer


@pytest.fixture(scope="module")
def enc():
    return SparseEncoder()


def test_tokenizer_loads_nothing_when_built():
    tk = Tokenizer()
    assert tk._jieba is None  # noqa: SLF001 - the dictionary loads in warm_up only


def test_token_ids_are_stable():
    # CRC32 of UTF-8, not hash(): the same id in every process and on every machine
    import zlib

    assert token_id("隐患") == zlib.crc32("隐患".encode()) & 0x7FFFFFFF
    assert 0 <= token_id("x") < 2**31


def test_query_drops_question_words(enc):
    toks = enc.tokenizer.tokens("重大隐患动态清零行动由哪个科室负责？")
    assert "哪个" not in toks and "负责" not in toks and "？" not in toks
    assert {"隐患", "清零"} <= set(toks)


def test_search_mode_emits_subwords(enc):
    toks = enc.tokenizer.tokens("安全生产法")
    assert "安全" in toks and "生产" in toks


def test_document_weights_saturate(enc):
    once = enc.encode_document("隐患")
    many = enc.encode_document("隐患 " * 20)
    i = once.indices.index(token_id("隐患"))
    j = many.indices.index(token_id("隐患"))
    assert many.values[j] > once.values[i]
    assert many.values[j] < enc.k1 + 1  # BM25 saturation bound


def test_query_weights_are_binary(enc):
    q = enc.encode_query("隐患 隐患 清零")
    assert sorted(q.values) == [1.0, 1.0]
    assert q.indices == sorted(q.indices)


def test_bad_parameters_fail_at_once():
    with pytest.raises(ValueError, match="k1"):
        SparseEncoder(k1=0)
