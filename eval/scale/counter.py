"""Count chunks as ``ingest.splitter.split_document`` would make them, without making them.

:class:`ChunkCounter` replays the splitter's rules on parsed units; :class:`Writer` collects the
lines of one generated document (refusing the ones the cleaner would drop) and keeps its count.
"""

from __future__ import annotations


def _split_constants():
    from ingest.splitter import SENTENCE_END, TASK_MAX

    return SENTENCE_END, TASK_MAX


def _pieces(text: str, max_chars: int) -> int:
    """How many spans ``ingest.splitter._cut_points`` makes of ``text`` (sentence ends, then word cuts)."""
    sentence_end, _ = _split_constants()
    ends = [m.end() for m in sentence_end.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    n, start, last_ok = 0, 0, None
    for e in ends:
        if e - start <= max_chars:
            last_ok = e
            continue
        if last_ok is not None and last_ok > start:
            n, start = n + 1, last_ok
        while e - start > max_chars:  # a sentence longer than max_chars is cut at a word boundary
            n, start = n + 1, start + max_chars - 1
        last_ok = e
    return n + (1 if start < len(text) else 0)


class ChunkCounter:
    """Count the chunks ``split_document`` makes of a sequence of parsed units, without making them.

    Units are added in document order as (kind, text) with kind heading / paragraph / task /
    article / item, exactly as the parser will find them in the written file; the rules are
    those of ingest/splitter.py: a task is one chunk up to TASK_MAX characters, a unit longer
    than ``max_chars`` is cut at sentence ends, headings join the next chunk, short consecutive
    units merge until ``min_chars``, items never merge.
    """

    def __init__(self, min_chars: int = 150, max_chars: int = 600) -> None:
        if not 0 < min_chars < max_chars:
            raise ValueError("ChunkCounter needs 0 < min_chars < max_chars")
        self.min_chars, self.max_chars = min_chars, max_chars
        self.done = 0
        self._pos = 0
        self._heading: list[int] | None = None  # [start, end] of the pending run of headings
        self._current: list | None = None  # [start, end, kind] of the open chunk

    @property
    def total(self) -> int:
        return self.done + (self._current is not None) + (self._heading is not None)

    def _flush(self) -> None:
        if self._current is not None:
            self.done += 1
            self._current = None

    def add(self, kind: str, text: str) -> None:
        start, end = self._pos, self._pos + len(text)
        self._pos = end + 1
        if kind == "heading":
            self._flush()
            if self._heading is None or self._heading[1] + 1 < start:
                self._heading = [start, end]
            else:
                self._heading[1] = end
            return
        if kind == "task":
            _, task_max = _split_constants()
            self._flush()
            self.done += 1 if len(text) <= task_max else _pieces(_task_body(text), self.max_chars)
            self._heading = None
            return
        if end - start > self.max_chars:
            self._flush()
            self.done += _pieces(text, self.max_chars)
            self._heading = None
            return
        cur = self._current
        if (cur is not None and kind != "item" and cur[2] != "item" and cur[1] - cur[0] < self.min_chars
                and end - cur[0] <= self.max_chars):
            cur[1] = end
            return
        self._flush()
        head = self._heading
        self._current = [head[0] if head is not None and end - head[0] <= self.max_chars else start, end, kind]
        self._heading = None


def _task_body(text: str) -> str:
    """A task without its trailing 责任单位/完成时限 lines (they stay with the last piece)."""
    from ingest.patterns import RE_DEADLINE_LINE, RE_OWNER_LINE

    lines = text.split("\n")
    while len(lines) > 1 and (RE_OWNER_LINE.match(lines[-1]) or RE_DEADLINE_LINE.match(lines[-1])):
        lines.pop()
    return "\n".join(lines)


class Writer:
    """The lines of one document being written, with its chunk estimate kept up to date."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.counter = ChunkCounter()
        self._head: set[str] = set()
        self._n = 0

    @property
    def chunks(self) -> int:
        return self.counter.total

    def add(self, kind: str, lines: list[str] | tuple[str, ...], prefix: str = "") -> bool:
        """Add one unit; refused (False) when the cleaner would drop one of its lines as a repeated
        title (a line over 8 characters seen before, within a document's first 12 lines)."""
        if not lines or not all(lines):
            raise ValueError("a unit needs non-empty lines")
        if self._n < 12:
            seen = set(self._head)
            for i, line in enumerate(lines):
                if self._n + i < 12 and len(line) > 8 and line in seen:
                    return False
                seen.add(line)
            self._head = seen
        self.lines.append(prefix + lines[0])
        self.lines.extend(lines[1:])
        self._n += len(lines)
        self.counter.add(kind, "\n".join(lines))
        return True

    def text(self) -> str:
        return "\n\n".join(self.lines) + "\n"
