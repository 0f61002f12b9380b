"""Turn files, folders, JSONL and stdin into Documents; anything unreadable becomes an InputError.

Every input is assumed broken until shown otherwise: a bad file or line yields an
InputError in place of its document and the batch goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .types import Document

MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class InputError(Exception):
    """One input that could not be read, and why, as a one-line message."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def parse_published(value: str | None) -> datetime | None:
    """Accept YYYY-MM-DD or ISO-8601 (a trailing Z included); None stays None."""
    if value is None or value == "":
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD or ISO-8601)") from None


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError(source, "empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"bad UTF-16 at byte {exc.start}") from None
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise InputError(source, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with iconv -t UTF-8") from None


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def html_document(html: str, doc_id: str, source: str) -> Document:
    """Main text, title and date of a web page, boilerplate and scripts left out."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False)
    if result is None:
        raise InputError(source, "HTML page with no main text")
    data = result if isinstance(result, dict) else result.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(source, "HTML page with no main text")
    published = None
    if data.get("date"):
        try:
            published = parse_published(data["date"])
        except ValueError:
            published = None
    return Document(id=doc_id, text=text, published=published, title=data.get("title"),
                    url=data.get("url"), source=data.get("sitename"))


def jsonl_documents(text: str, source: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(where, 'not a document: expected an object with a "text" string')
            continue
        if not record["text"].strip():
            yield InputError(where, "empty text")
            continue
        try:
            published = parse_published(record.get("published"))
        except ValueError as exc:
            yield InputError(where, str(exc))
            continue
        yield Document(id=str(record.get("id") or where), text=record["text"],
                       published=published, title=record.get("title"), url=record.get("url"),
                       source=record.get("source"))


def read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            size = Path(path).stat().st_size
        except OSError as exc:
            raise InputError(path, exc.strerror or "cannot read") from None
        if size > max_bytes:
            raise InputError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(path, exc.strerror or "cannot read") from None
    if len(data) > max_bytes:
        raise InputError(path, f"too large (over the limit of {max_bytes:,} bytes)")
    return data


def read_documents(source: str, input_format: str | None = None,
                   published: datetime | None = None,
                   max_bytes: int = MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents from a file, a folder (recursively, in name order) or "-" for stdin.

    `input_format` is "text", "html" or "jsonl"; by default it is told from the name and
    content. `published` applies to documents that carry no date of their own.
    """
    path = Path(source)
    if source != "-" and path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and not any(part.startswith(".") for part in p.parts))
        for file in files:
            if file.name.endswith(".expected.md"):
                continue
            yield from read_documents(str(file), input_format, published, max_bytes)
        return
    try:
        text = decode(read_bytes(source, max_bytes), source)
    except InputError as error:
        yield error
        return
    suffix = path.suffix.lower() if source != "-" else ""
    kind = input_format or ("jsonl" if suffix in JSONL_SUFFIXES else
                            "html" if suffix in HTML_SUFFIXES or looks_like_html(text) else "text")
    doc_id = "stdin" if source == "-" else path.stem
    if kind == "jsonl":
        for item in jsonl_documents(text, source):
            if isinstance(item, Document) and item.published is None:
                item.published = published
            yield item
    elif kind == "html":
        try:
            document = html_document(text, doc_id, source)
        except InputError as error:
            yield error
            return
        document.published = document.published or published
        yield document
    else:
        yield Document(id=doc_id, text=text, published=published)
