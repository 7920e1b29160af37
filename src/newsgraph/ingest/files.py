"""Finding inputs and reading their bytes: folders, compression, size limits, encodings."""
from __future__ import annotations

import gzip
import lzma
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from newsgraph.errors import Errors, Rejected

COMPRESSED = {".gz", ".xz"}
KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
         ".warc": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def kind_of(path: str) -> str | None:
    """`text`, `html`, `warc` or `jsonl` from a file name (compression suffix ignored)."""
    name = path.lower()
    for suffix in COMPRESSED:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return KINDS.get(os.path.splitext(name)[1])


def expand(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """Each input file under `paths` (folders recursively, in sorted order) with its kind.

    A file whose kind is unknown gets kind None when it was named directly (it is rejected with a
    reason) and `skip` inside a folder (it is passed over and counted); hidden files and folders
    inside a folder are not read.
    """
    for raw in paths:
        if raw == "-":
            yield "-", "stdin"
            continue
        path = Path(raw)
        if not path.exists():
            yield str(path), "missing"
            continue
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                yield str(child), kind_of(child.name) or "skip"
        else:
            yield str(path), kind_of(path.name)


def read_bytes(path: str, limit: int) -> bytes:
    """The file's content, decompressed, refusing more than `limit` bytes (decompression bombs too)."""
    p = Path(path)
    if not p.exists():
        raise Rejected(Errors.E108, source=path)
    try:
        size = p.stat().st_size
        lower = path.lower()
        if lower.endswith(".gz") or lower.endswith(".xz"):
            opener = gzip.open if lower.endswith(".gz") else lzma.open
            try:
                with opener(p, "rb") as handle:
                    data = handle.read(limit + 1)
            except (EOFError, OSError, lzma.LZMAError, zlib.error) as error:
                raise Rejected(Errors.E105, source=path, detail=str(error) or type(error).__name__) from None
        else:
            if size > limit:
                raise Rejected(Errors.E104, source=path, size=size, limit=limit)
            data = p.read_bytes()
    except PermissionError as error:
        raise Rejected(Errors.E101, source=path, detail=error.strerror or str(error)) from None
    except IsADirectoryError:
        raise Rejected(Errors.E101, source=path, detail="it is a directory") from None
    if len(data) > limit:
        raise Rejected(Errors.E104, source=path, size=f"more than {limit}", limit=limit)
    if not data.strip():
        raise Rejected(Errors.E102, source=path)
    return data


def looks_binary(text: str) -> str | None:
    """Why decoded `text` is not text (NUL characters, many control characters), or None."""
    head = text[:65536]
    if "\x00" in head:
        return "it contains NUL bytes"
    control = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\n\x0c\r\x1b")
    if control > max(8, len(head) // 50):
        return f"{control} control characters in the first {len(head)}"
    return None


def _utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a byte order mark, else None."""
    sample = data[:2000]
    if len(sample) < 20:
        return None
    half = len(sample) / 2
    if sample[1::2].count(0) > 0.8 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.8 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Text from bytes in any encoding: a byte order mark, UTF-8, then a declared or detected
    encoding; never fails on bad bytes (they become U+FFFD). Binary data is rejected (E103)."""
    text = _decode(data, declared)
    why = looks_binary(text)
    if why:
        raise Rejected(Errors.E103, source=source, detail=why)
    return text


def _decode(data: bytes, declared: str | None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    wide = _utf16(data)
    if wide:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:65536]:
        return data.decode("utf-8", errors="replace")  # binary: looks_binary will say so
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    western = _western(data)
    if western is not None:
        return western
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    # mostly UTF-8 with some bad bytes: keep what is readable
    return data.decode("utf-8", errors="replace")


_LATIN_PUNCT = set("‘’“”–—…€£¥©®°·«»¡¿§¶•½¼¾×")


def _western(data: bytes) -> str | None:
    """Windows-1252 text (the commonest non-UTF-8 encoding of English-language pages), when every
    non-ASCII character it decodes to is a Latin letter or typographic punctuation."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return text
    plausible = sum(1 for ch in high if (ch.isalpha() and ord(ch) < 0x250) or ch in _LATIN_PUNCT)
    share = len(high) / max(1, len(text))
    return text if plausible >= 0.95 * len(high) and share < 0.1 else None
