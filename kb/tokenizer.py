"""jieba tokenisation for the sparse (BM25-style) vectors.

The jieba dictionary loads lazily in ``warm_up()``. Documents and queries are
cut in jieba's search mode (words plus their shorter sub-words), so that a
query for "隐患" matches a passage that jieba cut as "重大隐患". Domain terms
from ``kb/data/userdict.txt`` (科室 names, quoted terms, document short titles)
are added so that they stay whole.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from pathlib import Path

logger = logging.getLogger(__name__)

USERDICT = Path(__file__).parent / "data" / "userdict.txt"

# Function words and question words that carry no retrieval signal.
STOPWORDS = frozenset(
    """的 了 和 与 及 或 等 是 在 对 为 以 于 由 从 把 被 将 其 之 也 都 而 并 且 及其 以及 或者 并且 应当 可以 
    哪个 哪些 哪一 哪 什么 怎么 怎样 如何 多少 几 谁 吗 呢 吧 啊 么 请问 是否 有没有 有 没有 要 需要 
    负责 归 管 什么时候 何时 时候 规定 一 个 这 那 该 本 条 中 上 下 内 我 我们 你 你们 他 她 它 
    关于 按照 根据 进行 开展 工作 相关 有关 问 一下""".split()
)

_PUNCT_OR_SPACE = re.compile(r"^[\W_]+$", re.UNICODE)


class Tokenizer:
    """jieba tokeniser with a domain user dictionary; thread-safe warm-up."""

    def __init__(self, userdict: Path | None = USERDICT) -> None:
        self.userdict = userdict
        self._jieba = None
        self._pos = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._jieba is not None:
            return
        with self._lock:
            if self._jieba is not None:
                return
            import jieba

            tk = jieba.Tokenizer()
            tk.initialize()
            if self.userdict is not None and self.userdict.exists():
                tk.load_userdict(str(self.userdict))
            self._jieba = tk

    def tokens(self, text: str) -> list[str]:
        """Content tokens of ``text`` in search mode, lower-cased, no stopwords or punctuation."""
        self.warm_up()
        text = unicodedata.normalize("NFKC", text).lower()
        out: list[str] = []
        for tok in self._jieba.cut_for_search(text, HMM=True):
            tok = tok.strip()
            if not tok or tok in STOPWORDS or _PUNCT_OR_SPACE.match(tok):
                continue
            out.append(tok)
        return out

    def pos_words(self, text: str) -> list[tuple[str, str]]:
        """Precise-mode words with jieba part-of-speech flags (``ns`` place, ``nr`` person, ...)."""
        self.warm_up()
        if self._pos is None:
            import jieba.posseg

            self._pos = jieba.posseg.POSTokenizer(tokenizer=self._jieba)
        text = unicodedata.normalize("NFKC", text)
        return [(p.word, p.flag) for p in self._pos.cut(text) if p.word.strip()]

    def word_freq(self, word: str) -> int:
        """How often jieba's general dictionary has seen ``word`` (0: not in it)."""
        self.warm_up()
        return self._jieba.FREQ.get(word, 0)

    def words(self, text: str) -> list[str]:
        """Precise-mode words (no sub-words), for sentence cutting and term coverage."""
        self.warm_up()
        text = unicodedata.normalize("NFKC", text).lower()
        return [
            t
            for t in (w.strip() for w in self._jieba.cut(text, HMM=True))
            if t and t not in STOPWORDS and not _PUNCT_OR_SPACE.match(t)
        ]
