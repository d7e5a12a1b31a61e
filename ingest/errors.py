"""Errors raised while loading and parsing files.

Each says what went wrong with which file and what to do about it; the CLI
prints ``str(error)`` on one line, the API maps them to 4xx answers.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be ingested. ``http_status`` is what the API answers."""

    http_status = 422


class UnsupportedFormatError(IngestError):
    http_status = 415


class EmptyFileError(IngestError):
    http_status = 422


class CorruptFileError(IngestError):
    http_status = 422


class EncryptedFileError(IngestError):
    http_status = 422


class NeedsOCRError(IngestError):
    """A PDF without a text layer: it needs OCR before it can be stored."""

    http_status = 422


class FileTooLargeError(IngestError):
    http_status = 413
