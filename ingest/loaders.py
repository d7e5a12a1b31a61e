"""Read files into raw text: txt/md (UTF-8, BOM, GB18030/GBK), PDF (pypdf text
layer, per page), DOCX (python-docx) and HTML (a saved web page).

Every failure is an ``IngestError`` subclass whose message names the file and
the fix; nothing here writes anywhere.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    FileTooLargeError,
    NeedsOCRError,
    UnsupportedFormatError,
)

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")


@dataclass
class LoadedFile:
    path: Path
    format: str  # "txt" | "md" | "pdf" | "docx" | "html"
    pages: list[str]  # raw text per page; one element for non-paginated formats
    sha256: str
    encoding: str | None


def load_file(path: Path, *, max_bytes: int | None = None) -> LoadedFile:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UnsupportedFormatError(f"{path.name}: cannot read the file ({e.strerror})") from e
    if max_bytes is not None and size > max_bytes:
        raise FileTooLargeError(f"{path.name}: {size} bytes is over the {max_bytes}-byte limit (EMKB_MAX_UPLOAD_BYTES)")
    return load_bytes(path.read_bytes(), path.name, max_bytes=max_bytes, path=path)


def load_bytes(data: bytes, filename: str, *, max_bytes: int | None = None, path: Path | None = None) -> LoadedFile:
    name = Path(filename).name
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(f"{name}: unsupported file type {suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    if max_bytes is not None and len(data) > max_bytes:
        raise FileTooLargeError(f"{name}: {len(data)} bytes is over the {max_bytes}-byte limit (EMKB_MAX_UPLOAD_BYTES)")
    if not data.strip():
        raise EmptyFileError(f"{name}: the file is empty; nothing to ingest")
    sha = hashlib.sha256(data).hexdigest()
    where = path if path is not None else Path(name)
    if suffix == ".pdf":
        return LoadedFile(where, "pdf", _cached_pdf_pages(data, sha, name), sha, None)
    if suffix == ".docx":
        return LoadedFile(where, "docx", [_docx_text(data, name)], sha, None)
    text, encoding = decode_text(data, name)
    if suffix in (".html", ".htm"):
        return LoadedFile(where, "html", [_html_text(text, name)], sha, encoding)
    if not text.strip():
        raise EmptyFileError(f"{name}: the file has no text; nothing to ingest")
    return LoadedFile(where, "md" if suffix == ".md" else "txt", [text], sha, encoding)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK/GB2312); CRLF -> LF."""
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError(f"{name}: this is binary data, not text; upload a .txt/.md in UTF-8 or GB18030")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnsupportedFormatError(f"{name}: the text is neither UTF-8 nor GB18030; re-save it as UTF-8")
    used = "utf-8-sig" if encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf") else ("utf-8" if encoding == "utf-8-sig" else encoding)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise UnsupportedFormatError(f"{name}: this looks like binary data, not text; upload a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n"), used


# pypdf's text extraction is the slowest step of an ingest (about a minute for the bundled
# corpus's seven PDFs) and gives the same pages for the same bytes, so a process that reads
# a PDF again (a reindex, a re-ingest after a parser change, the test suite) reuses them.
# Keyed by the content's SHA-256; bounded by characters kept; failures are not kept.
PDF_CACHE_MAX_CHARS = 40_000_000
_pdf_cache: OrderedDict[str, tuple[str, ...]] = OrderedDict()
_pdf_cache_chars = 0  # the characters _pdf_cache holds
_pdf_cache_lock = threading.Lock()


def _cached_pdf_pages(data: bytes, sha: str, name: str) -> list[str]:
    global _pdf_cache_chars
    with _pdf_cache_lock:
        if sha in _pdf_cache:
            _pdf_cache.move_to_end(sha)
            return list(_pdf_cache[sha])
    pages = _pdf_pages(data, name)
    size = sum(map(len, pages))
    with _pdf_cache_lock:
        if size <= PDF_CACHE_MAX_CHARS and sha not in _pdf_cache:
            _pdf_cache[sha] = tuple(pages)
            _pdf_cache_chars += size
            while _pdf_cache_chars > PDF_CACHE_MAX_CHARS:  # the oldest go first; the new one fits alone
                _pdf_cache_chars -= sum(map(len, _pdf_cache.popitem(last=False)[1]))
    return pages


def _pdf_pages(data: bytes, name: str) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several kinds here
                ok = 0
            if not ok:
                raise EncryptedFileError(f"{name}: the PDF is password-protected; remove the password and upload it again")
        pages = [(p.extract_text() or "") for p in reader.pages]
    except EncryptedFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as e:
        raise CorruptFileError(f"{name}: the PDF cannot be read ({e}); check the file or export it again") from e
    except Exception as e:  # noqa: BLE001 - pypdf has no single error base for broken files
        if "crypt" in str(e).lower() or "password" in str(e).lower():
            raise EncryptedFileError(f"{name}: the PDF is encrypted in a way that cannot be opened; remove the protection") from e
        raise CorruptFileError(f"{name}: the PDF cannot be read ({e}); check the file or export it again") from e
    if not pages or not any(p.strip() for p in pages):
        raise NeedsOCRError(f"{name}: the PDF has no text layer (scanned images); run OCR on it first and ingest the result")
    return pages


def _docx_text(data: bytes, name: str) -> str:
    import zipfile

    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise CorruptFileError(f"{name}: the DOCX cannot be read ({e}); save it again from Word or WPS") from e
    except Exception as e:  # noqa: BLE001 - python-docx raises package errors of several kinds
        raise CorruptFileError(f"{name}: the DOCX cannot be read ({e}); save it again from Word or WPS") from e
    lines = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(c.text.strip() for c in row.cells))
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise EmptyFileError(f"{name}: the document has no text; nothing to ingest")
    return text


def _html_text(html: str, name: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception as e:  # noqa: BLE001
        raise CorruptFileError(f"{name}: the HTML cannot be parsed ({e})") from e
    for bad in root.xpath("//script|//style|//nav|//header|//footer|//noscript|//iframe"):
        bad.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//td|//div[not(.//p|.//div|.//li)]")
    lines = [" ".join(b.text_content().split()) for b in blocks] if blocks else root.text_content().splitlines()
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise EmptyFileError(f"{name}: the web page has no text; nothing to ingest")
    return text
