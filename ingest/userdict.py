"""Build the jieba user dictionary from a corpus, so that domain terms stay whole.

    python -m ingest.userdict corpus/ > kb/data/userdict.txt

Terms: 科室/处室/单位 names from work plans' owner lines, quoted terms (“三管三必须”,
“双重预防机制”), book-title terms (《安全生产法》) and short titles of the
corpus documents. The dictionary is fixed at build time: the sparse vectors of
a store depend on it, so change it only together with a re-ingest.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OWNER_LINE = re.compile(r"(?:责任单位|责任科室|责任处室|牵头单位|配合单位)[^：:\n]{0,6}[：:]\s*([^\n]+(?:\n\n?[^\n：:]{1,12}\n)?)")
QUOTED = re.compile(r"“([^”\n]{2,12})”")
BOOK = re.compile(r"《([^》\n]{3,30})》")


def _short_titles(title: str) -> set[str]:
    base = re.sub(r"[（(][^）)]*[）)]", "", title)
    out = {base, base.replace("中华人民共和国", "")}
    return {t for t in out if 3 <= len(t) <= 30}


def build_userdict(corpus: Path) -> list[str]:
    terms: set[str] = set()
    manifest = corpus / "manifest.json"
    if manifest.exists():
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            terms |= _short_titles(entry.get("title", ""))
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in OWNER_LINE.finditer(text):
            line = re.sub(r"\s+", "", m.group(1))
            for name in re.split(r"[、，,；;]", line):
                if 2 <= len(name) <= 20:
                    terms.add(name)
        for m in QUOTED.finditer(text):
            if not re.search(r"\d", m.group(1)):
                terms.add(m.group(1))
        for m in BOOK.finditer(text):
            terms.add(m.group(1))
    terms = {t.strip() for t in terms if t.strip() and not re.search(r"[\s，。：:]", t)}
    return sorted(terms)


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    corpus = Path(argv[0]) if argv else Path("corpus")
    for term in build_userdict(corpus):
        print(term)
    return 0


if __name__ == "__main__":
    sys.exit(main())
