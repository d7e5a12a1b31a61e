"""Count chunks as ``ingest.splitter.split_document`` would make them, without making them.

:class:`ChunkCounter` replays the splitter's rules on parsed units; :class:`Writer` collects the
lines of one generated document (refusing the ones the cleaner would drop) and keeps its count.
"""

from __future__ import annotations


def _split_constants():
    from ingest.splitter import TAIL_MIN, TASK_MAX

    return TASK_MAX, TAIL_MIN


def _spans(text: str, max_chars: int) -> list[tuple[int, int]]:
    """The spans ``ingest.splitter._cut_points`` makes of ``text``, with its word cuts approximated
    (one character short of ``max_chars``) so that no jieba dictionary is loaded."""
    from ingest.splitter import _cut_points

    return _cut_points(text, 0, max_chars, word_cut=lambda _text, _start, limit: limit - 1)


def _pieces(text: str, max_chars: int) -> int:
    """How many spans ``ingest.splitter._cut_points`` makes of ``text``."""
    return len(_spans(text, max_chars))


class ChunkCounter:
    """Count the chunks ``split_document`` makes of a sequence of parsed units, without making them.

    Units are added in document order as (kind, text) with kind heading / paragraph / task /
    article / item, exactly as the parser will find them in the written file; the rules are
    those of ingest/splitter.py: a task is one chunk up to TASK_MAX characters, a unit longer
    than ``max_chars`` is cut at sentence ends (a short paragraph just before it cut with it),
    headings join the next chunk, short consecutive units merge until ``min_chars``, items never
    merge, and a paragraph shorter than TAIL_MIN joins the paragraph chunk before it.
    """

    def __init__(self, min_chars: int = 150, max_chars: int = 600) -> None:
        if not 0 < min_chars < max_chars:
            raise ValueError("ChunkCounter needs 0 < min_chars < max_chars")
        self.min_chars, self.max_chars = min_chars, max_chars
        self.done = 0
        self._pos = 0
        self._buf: list[str] = []  # the document so far, units joined by "\n" as the cleaner leaves them
        self._heading: list[int] | None = None  # [start, end] of the pending run of headings
        self._current: list | None = None  # [start, end, kind] of the open chunk
        self._last: list | None = None  # [start, end, kind] of the last chunk made

    @property
    def total(self) -> int:
        cur = self._current is not None and not self._joins_last(self._current)
        return self.done + cur + (self._heading is not None)

    def _joins_last(self, cur: list) -> bool:
        _, tail_min = _split_constants()
        last = self._last
        return (last is not None and cur[1] - cur[0] < tail_min and last[2] == cur[2] == "paragraph"
                and cur[1] - last[0] <= self.max_chars)

    def _flush(self) -> None:
        cur = self._current
        if cur is None:
            return
        if self._joins_last(cur):
            self._last[1] = cur[1]
        else:
            self.done += 1
            self._last = cur
        self._current = None

    def add(self, kind: str, text: str) -> None:
        start, end = self._pos, self._pos + len(text)
        self._pos = end + 1
        self._buf.append(text)
        if kind == "heading":
            self._flush()
            if self._heading is None or self._heading[1] + 1 < start:
                self._heading = [start, end]
            else:
                self._heading[1] = end
            return
        if kind == "task":
            task_max, _ = _split_constants()
            self._flush()
            self.done += 1 if len(text) <= task_max else _pieces(_task_body(text), self.max_chars)
            self._heading, self._last = None, [start, end, "task"]
            return
        if end - start > self.max_chars:
            cur, base, cut = self._current, start, text
            if cur is not None and cur[1] - cur[0] < self.min_chars and cur[2] != "item" and kind != "item":
                self._current = None  # cut together with the long unit
                base = cur[0]
                cut = "\n".join(self._buf)[base:end]
            self._flush()
            spans = _spans(cut, self.max_chars)
            self.done += len(spans)
            first = base + spans[0][0]
            head = self._heading
            if len(spans) == 1 and head is not None and base + spans[0][1] - head[0] <= self.max_chars:
                first = head[0]
            self._last = [first if len(spans) == 1 else base + spans[-1][0], base + spans[-1][1], kind]
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
