"""Plain-text article cleaning: scraped text (a reader's copy of a whole page) to an `Extracted`.

No library handles this; the rules are general ones (line shape and length, repetition, position,
link and call-to-action words, stopword density, paragraph scoring), never any one site's strings.

Outline: every non-empty line gets features and a class (good, near, short, bad: text_lines);
repeated lines and captions are marked; the main content is the best-scoring run of lines
(maximum subarray over class weights, cut at "Comments" / "Related" style headings); the
headline, byline and dates are looked for in the lines just above it (text_meta, text_dates),
reader comments in a numbered or headed run after it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.article.dateline import DATELINE, find_dateline
from newsgraph.article.text_dates import find_dates, lead_date
from newsgraph.article.text_lines import STRONG_END, Line, classify, make_line
from newsgraph.article.text_meta import (
    byline_names,
    find_comments,
    find_headline,
    header_dates,
    is_byline,
    is_date_line,
    mark_bios,
)
from newsgraph.records import Extracted

MAX_CHARS = 6_000_000
_SPACES = re.compile(r"\s+")
WEIGHT = {"good": 1.0, "near": 0.5}
# A run of non-prose lines costs more per line the longer it goes on: one subhead or caption inside a report
# is cheap to bridge, a block of navigation and related links between the report and a bio is not.
GAP_FREE = 2
GAP_GROWTH = 0.2


_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")


def repair_mojibake(text: str) -> str:
    """Undo a whole-page decoding slip (UTF-8 bytes read as Latin-1 or cp1252: `itâ\x80\x99s` for `it’s`).
    Applied to the whole text or not at all, and only when the round trip decodes cleanly."""
    if len(_MOJIBAKE.findall(text[:200_000])) < 2:
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


_SITE_SUFFIX = re.compile(r"\s+(?:\||::)\s+[^|]{2,40}$|\s+\[(?:watch|video|photos?|updated?|live|listen)\]$", re.I)


def _strip_site(headline: str) -> str:
    """A page title's site name (`… | The Daily Ledger`) or a media tag (`[Watch]`) is not part of the
    headline; the words before it are, where they still read as one (4+ words). A dash is left alone:
    title-case headlines use it too."""
    match = _SITE_SUFFIX.search(headline)
    if not match:
        return headline
    rest = headline[:match.start()].rstrip()
    tail = match.group(0)
    words = rest.split()
    # a site name is a short run of capitalised words
    if "[" not in tail and not all(w[:1].isupper() or not w[:1].isalpha() for w in tail.strip(" |:").split()):
        return headline
    return rest if len(words) >= 4 else headline


def _key(text: str) -> str:
    return _SPACES.sub(" ", text.lower())[:500]


def _lines(text: str) -> tuple[list[Line], list[str]]:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[Line] = []
    raws: list[str] = []
    keys: list[str] = []
    counts: dict[str, int] = {}
    seen: dict[str, Line] = {}  # features of a line already seen on this page
    for r in raw:
        s = r.strip()
        if not s:
            continue
        k = _key(s)
        known = seen.get(s)
        ln = replace(known, index=len(lines)) if known is not None else make_line(s, len(lines))
        if known is None and len(seen) < 100_000:
            seen[s] = ln
        lines.append(ln)
        raws.append(r)
        keys.append(k)
        counts[k] = counts.get(k, 0) + 1
    for i, ln in enumerate(lines):
        ln.repeated = counts[keys[i]]
        ln.kind = classify(ln)
        if ln.repeated > 1 and ln.words <= 12 and ln.kind != "good":
            ln.kind = "bad"
        if i and keys[i] == keys[i - 1]:  # a caption (or line) given twice in a row
            ln.kind = lines[i - 1].kind = "bad"
    # a short title line glued to a caption credit is part of the caption
    for i, ln in enumerate(lines):
        if ln.credit and i and lines[i - 1].kind in ("short", "near") and lines[i - 1].words <= 12:
            lines[i - 1].kind = "bad"
    mark_bios(lines)
    return lines, raws


def _weight(ln: Line) -> float:
    if STRONG_END.match(ln.text[:80]) and ln.words <= 8:
        return -40.0
    if ln.kind in WEIGHT:
        return WEIGHT[ln.kind] * ln.words
    if ln.kind == "bad":
        return -4.0
    return -1.0 - 0.2 * ln.words


def _region(lines: list[Line], stop: int) -> tuple[int, int]:
    """Maximum-sum run of lines [lo, hi) before `stop`."""
    best, best_lo, best_hi = 0.0, 0, 0
    cur, cur_lo = 0.0, 0
    gap = 0
    for i in range(stop):
        w = _weight(lines[i])
        if w < 0:
            gap += 1
            w *= 1.0 + GAP_GROWTH * max(0, gap - GAP_FREE)
        else:
            gap = 0
        if cur <= 0:
            cur, cur_lo = w, i
        else:
            cur += w
        if cur > best:
            best, best_lo, best_hi = cur, cur_lo, i + 1
    return best_lo, best_hi


def clean_text(text: str) -> Extracted:
    """Split scraped text into body, headline, publication date, page stamp, dateline,
    boilerplate lines and reader comments."""
    try:
        return _clean(text)
    except Exception:  # a cleaner must never stop a pipeline; keep the text as it is
        return Extracted(body=str(text).strip() if text else "")


def _clean(text: str) -> Extracted:
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    text = repair_mojibake(text.replace("\x00", ""))
    lines, raws = _lines(text)
    if not lines:
        return Extracted(body="")
    comment_idx, comments = find_comments(lines, raws)
    stop = min(comment_idx) if comment_idx else len(lines)
    lo, hi = _region(lines, stop)
    if hi <= lo:  # nothing reads like prose: keep what is not furniture
        lo, hi = 0, stop
    # include sentence-like lines right above the run (a standfirst, a short lead paragraph)
    while lo > 0 and lines[lo - 1].kind in ("near", "good") and not is_byline(lines[lo - 1].text):
        lo -= 1

    head_idx = find_headline(lines, lo)
    headline = _strip_site(lines[head_idx].text) if head_idx is not None else None
    published, stamp = header_dates(lines, lo, head_idx)
    names: list[str] = []
    for ln in lines[max(0, lo - 30):min(hi, lo + 3)]:
        if is_byline(ln.text):
            for n in byline_names(ln.text):
                if n not in names:
                    names.append(n)
    authors = tuple(names)

    body_idx: list[int] = []
    for i in range(lo, hi):
        ln = lines[i]
        if i == head_idx or ln.kind == "bad":
            continue
        if ln.kind == "short" and (ln.boiler or is_byline(ln.text) or is_date_line(ln.text)):
            continue
        if ln.kind == "short" and STRONG_END.match(ln.text[:80]):
            continue
        body_idx.append(i)
    paragraphs = [lines[i].text for i in body_idx]
    if paragraphs:
        # a lead date ('10th March 2015 – China has ...') dates the report; like a dateline it stays
        # in the body, where the temporal tagger finds it
        lead = lead_date(paragraphs[0])
        if lead and published is None:
            published = lead[0]
    dateline = find_dateline(paragraphs[0]) if paragraphs else None
    if dateline and published is None:  # 'LAGOS, March 2, 2021 - ...': a dated dateline dates the report
        head = DATELINE.match(paragraphs[0][:160])
        full = [h.value for h in find_dates(paragraphs[0][:head.end()])] if head else []
        if full and len(full[0]) == 10:
            published = full[0]
    keep = set(body_idx) | set(comment_idx)
    if head_idx is not None:
        keep.add(head_idx)
    boilerplate = tuple(ln.text for i, ln in enumerate(lines) if i not in keep)
    return Extracted(
        body="\n\n".join(paragraphs),
        headline=headline,
        published=published,
        page_timestamp=stamp,
        dateline=dateline,
        authors=authors,
        comments=tuple(comments),
        boilerplate=boilerplate,
    )
