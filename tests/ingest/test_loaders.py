"""Bad input gets one clear error per file, naming the file and the fix."""

from __future__ import annotations

import io

import pytest

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


def test_pdf_with_empty_password_opens(tmp_path):
    from pypdf import PdfReader, PdfWriter

    src = next((p for p in (tmp_path.parent.parent,) if False), None)
    assert src is None
    w = PdfWriter()
    w.append(PdfReader(str(__import__("pathlib").Path(__file__).resolve().parents[2] / "corpus/pdf/gongmao-jiaoda-weixian-yinsu-shouce-2016-fangzhi.pdf")), pages=(0, 2))
    w.encrypt("")  # owner password only: readable without a password
    buf = io.BytesIO()
    w.write(buf)
    lf = load_bytes(buf.getvalue(), "open.pdf")
    assert lf.format == "pdf" and any(p.strip() for p in lf.pages)


def test_gbk_detected():
    lf = load_bytes("应急管理局关于汛期值班的通知".encode("gbk"), "g.txt")
    assert lf.encoding == "gb18030" and lf.pages[0] == "应急管理局关于汛期值班的通知"
