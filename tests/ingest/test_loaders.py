"""Bad input gets one clear error per file, naming the file and the fix."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ingest import loaders

from ingest.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    FileTooLargeError,
    NeedsOCRError,
    UnsupportedFormatError,
)
from ingest.loaders import load_bytes, load_file


def _pdf(text: str | None = None, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    if password:
        w.encrypt(password)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "name, data, error, fragment",
    [
        ("a.txt", b"", EmptyFileError, "empty"),
        ("a.txt", b"  \n ", EmptyFileError, "empty"),
        ("a.txt", bytes(range(256)) * 4, UnsupportedFormatError, "binary"),
        ("a.exe", b"MZ", UnsupportedFormatError, "unsupported"),
        ("a.pdf", b"%PDF-1.4 garbage", CorruptFileError, "cannot be read"),
        ("a.pdf", "locked", EncryptedFileError, "password"),
        ("a.pdf", "blank", NeedsOCRError, "OCR"),
        ("a.docx", b"PK\x03\x04 not a zip", CorruptFileError, "DOCX"),
    ],
)
def test_errors_name_the_file_and_the_fix(name, data, error, fragment):
    if data == "locked":
        data = _pdf(password="secret")
    elif data == "blank":
        data = _pdf()
    with pytest.raises(error) as exc:
        load_bytes(data, name)
    assert str(exc.value).startswith(name) and fragment in str(exc.value)


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("安全" * 1000, encoding="utf-8")
    with pytest.raises(FileTooLargeError, match="EMKB_MAX_UPLOAD_BYTES"):
        load_file(p, max_bytes=100)


FANGZHI = Path(__file__).resolve().parents[2] / "corpus/pdf/gongmao-jiaoda-weixian-yinsu-shouce-2016-fangzhi.pdf"


def _corpus_pages(pages: tuple[int, int], password: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.append(PdfReader(str(FANGZHI)), pages=pages)
    if password is not None:
        w.encrypt(password)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_pdf_with_empty_password_opens():
    lf = load_bytes(_corpus_pages((0, 2), password=""), "open.pdf")  # owner password only: readable without one
    assert lf.format == "pdf" and any(p.strip() for p in lf.pages)


@pytest.fixture()
def extractions(monkeypatch):
    """A fresh PDF cache, and a list of the PDFs pypdf was asked to extract."""
    monkeypatch.setattr(loaders, "_pdf_cache", type(loaders._pdf_cache)())
    monkeypatch.setattr(loaders, "_pdf_cache_chars", 0)
    calls: list[str] = []
    real = loaders._pdf_pages
    monkeypatch.setattr(loaders, "_pdf_pages", lambda data, name: calls.append(name) or real(data, name))
    return calls


def test_the_same_pdf_is_extracted_once_per_process(extractions):
    data = _corpus_pages((0, 2))
    first = load_bytes(data, "a.pdf")
    first.pages[0] = "changed by a caller"
    second = load_bytes(data, "b.pdf")  # same bytes under another name
    assert extractions == ["a.pdf"]
    assert second.pages[0] != "changed by a caller" and second.pages == load_bytes(data, "c.pdf").pages
    assert second.path == Path("b.pdf")
    load_bytes(_corpus_pages((0, 1)), "d.pdf")  # other bytes are extracted
    assert extractions == ["a.pdf", "d.pdf"]


def test_a_pdf_that_fails_is_not_kept(extractions):
    for _ in range(2):
        with pytest.raises(NeedsOCRError):
            load_bytes(_pdf(), "blank.pdf")
    assert extractions == ["blank.pdf", "blank.pdf"]


def test_the_pdf_cache_keeps_at_most_its_character_limit(extractions, monkeypatch):
    one, two = _corpus_pages((2, 3)), _corpus_pages((4, 5))
    sizes = [len("".join(load_bytes(d, "size.pdf").pages)) for d in (one, two)]
    monkeypatch.setattr(loaders, "PDF_CACHE_MAX_CHARS", max(sizes) + 1)  # room for either, not both
    extractions.clear()
    monkeypatch.setattr(loaders, "_pdf_cache", type(loaders._pdf_cache)())
    monkeypatch.setattr(loaders, "_pdf_cache_chars", 0)
    load_bytes(one, "1.pdf")
    load_bytes(two, "2.pdf")  # 1.pdf goes
    load_bytes(two, "2.pdf")
    load_bytes(one, "1.pdf")
    assert extractions == ["1.pdf", "2.pdf", "1.pdf"]
