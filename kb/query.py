"""Query expansion from the domain thesaurus (kb/data/synonyms.txt).

People ask in everyday words ("老板", "多久", "没证"); the documents say
"主要负责人", "日内", "未持证". ``Thesaurus.expand`` finds the everyday words of a
question (longest match first, no overlaps) and returns the document terms they
stand for; the retriever adds those terms to the sparse query with a lower weight,
and the answerer counts them when judging whether a passage covers the question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SYNONYMS = Path(__file__).parent / "data" / "synonyms.txt"


class ThesaurusError(ValueError):
    """The thesaurus file is malformed."""


@dataclass(frozen=True)
class Expansion:
    trigger: str  # the everyday word found in the question
    start: int  # its offset in the (NFKC, lower-cased) question
    terms: tuple[str, ...]  # the document terms it stands for


class Thesaurus:
    """``words`` (precise-mode word cutting) keeps a one-character trigger to questions where it
    is a word of its own: "设" in "要不要设安全员", not inside "特种设备安全法"."""

    def __init__(self, path: Path | None = SYNONYMS, words: Callable[[str], list[str]] | None = None) -> None:
        self.path = path
        self.words = words
        self._by_trigger: dict[str, tuple[str, ...]] | None = None
        self._pattern: re.Pattern[str] | None = None

    def warm_up(self) -> None:
        if self._by_trigger is not None:
            return
        by_trigger: dict[str, list[str]] = {}
        if self.path is not None and Path(self.path).exists():
            for n, line in enumerate(Path(self.path).read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if "\t" not in line:
                    raise ThesaurusError(f"{self.path}:{n}: expected 'document terms<TAB>everyday words'")
                formal, everyday = line.split("\t", 1)
                terms = [_norm(t) for t in formal.split() if t.strip()]
                if not terms:
                    raise ThesaurusError(f"{self.path}:{n}: no document terms before the TAB")
                for trigger in everyday.split():
                    bucket = by_trigger.setdefault(_norm(trigger), [])
                    bucket.extend(t for t in terms if t not in bucket)
        self._by_trigger = {k: tuple(v) for k, v in by_trigger.items() if k}
        triggers = sorted(self._by_trigger, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(t) for t in triggers)) if triggers else None

    def expand(self, question: str) -> list[Expansion]:
        """Everyday words in ``question`` with their document terms, left to right."""
        self.warm_up()
        if self._pattern is None:
            return []
        text = _norm(question)
        matches = list(self._pattern.finditer(text))
        # the word cutter runs only for a question with a one-character match
        single = self._single_words(text) if any(len(m.group(0)) == 1 for m in matches) else None
        return [Expansion(m.group(0), m.start(), self._by_trigger[m.group(0)]) for m in matches
                if len(m.group(0)) > 1 or single is None or m.start() in single]

    def _single_words(self, text: str) -> set[int] | None:
        """The offsets of the one-character words of ``text`` (None: no word cutter, all count)."""
        if self.words is None:
            return None
        out, pos = set(), 0
        for w in self.words(text):
            at = text.find(w, pos)
            if at < 0:
                continue
            if len(w) == 1:
                out.add(at)
            pos = at + len(w)
        return out

    def terms(self, question: str) -> list[str]:
        """The document terms a question's everyday words stand for, without repeats or words already asked."""
        text = _norm(question)
        out: list[str] = []
        for e in self.expand(question):
            out.extend(t for t in e.terms if t not in out and t not in text)
        return out

    def maps(self, word: str) -> bool:
        """Whether ``word`` is one of the everyday words the thesaurus maps to document terms."""
        self.warm_up()
        return _norm(word) in (self._by_trigger or {})

    def __len__(self) -> int:
        self.warm_up()
        return len(self._by_trigger or {})


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()
