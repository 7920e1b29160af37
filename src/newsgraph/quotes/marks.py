"""Pairing quotation marks in an article body: straight or curly, unbalanced, nested, multi-paragraph.

`quote_spans(text)` returns the spans *inside* the marks (no marks, no outer whitespace). A quotation
that runs over several paragraphs (a paragraph opened and left open, the next one opened again) comes
back as one segment per paragraph sharing a `group`. A mark left open at the end of a paragraph that
is not continued runs to the end of that paragraph and is flagged `closed=False`.
"""
from __future__ import annotations

from dataclasses import dataclass

OPENERS = frozenset("“„«‟")
CLOSERS = frozenset("”»")
STRAIGHT = frozenset('"＂″')
ALL_MARKS = OPENERS | CLOSERS | STRAIGHT
_BEFORE_OPEN = frozenset("([{—–-/:;")


@dataclass(frozen=True, slots=True)
class MarkSpan:
    start: int
    end: int
    group: int
    closed: bool


def _role(text: str, i: int, is_open: bool) -> str:
    """`open`, `close` or `either` for the mark at i, from its glyph and what stands either side."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    space_before = prev.isspace() or prev in _BEFORE_OPEN
    space_after = nxt.isspace() or (not nxt.isalnum() and nxt not in ALL_MARKS and nxt not in "‘'(")
    if ch in OPENERS:
        return "close" if (not space_before and space_after and is_open) else "open"
    if ch in CLOSERS:
        return "open" if (space_before and not space_after and not is_open) else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if is_open else "open"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def quote_spans(text: str) -> list[MarkSpan]:
    paras = _paragraphs(text)
    spans: list[MarkSpan] = []
    group = 0
    carried = False  # the previous paragraph left a quotation open that this one continues
    for n, (p0, p1) in enumerate(paras):
        open_at: int | None = None
        depth = 0
        for i in range(p0, p1):
            if text[i] not in ALL_MARKS:
                continue
            role = _role(text, i, open_at is not None)
            if role == "open":
                if open_at is None:
                    open_at = i
                    if not (carried and i == _first_char(text, p0, p1)):
                        group += 1
                    carried = False
                else:
                    depth += 1
            elif open_at is not None:
                if depth:
                    depth -= 1
                    continue
                s, e = _trimmed(text, open_at + 1, i)
                if e > s:
                    spans.append(MarkSpan(s, e, group, True))
                open_at = None
        carried = False
        if open_at is not None:
            s, e = _trimmed(text, open_at + 1, p1)
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            continues = nxt is not None and text[_first_char(text, *nxt)] in OPENERS | STRAIGHT
            if e > s:
                spans.append(MarkSpan(s, e, group, continues))
            carried = continues
    return spans


def _first_char(text: str, p0: int, p1: int) -> int:
    i = p0
    while i < p1 and text[i].isspace():
        i += 1
    return min(i, max(p1 - 1, p0))
