"""Headline, byline, dates, dateline and reader comments around the main run of lines."""
from __future__ import annotations

import re

from newsgraph.article.text_dates import PUB_WORDS, find_dates, line_time
from newsgraph.article.text_lines import CREDIT_ANY, STRONG_END, URLISH, WORD, Line

BYLINE = re.compile(
    r"^(?:(?:by|written\s+by|words\s+by|story\s+by|reporting\s+by)\s*:?\s+(?=\S)|(?-i:By(?=[A-Z][a-z])))", re.I)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al)){0,4}"
NAME = re.compile(_NAME)
# a date glued to the name in the copy (`Kent GermanDec 22, 2023`)
_GLUED_MONTH = r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\|)\s*")
NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
COMMENT_HEAD = re.compile(r"comment|repl(?:y|ies)|discussion|conversation|responses?|feedback", re.I)
HEAD_END_PUNCT = re.compile(r"[.,;:]$")
_SPACES = re.compile(r"\s+")


def is_byline(text: str) -> bool:
    return len(text) < 160 and bool(BYLINE.match(text))


def byline_names(text: str) -> list[str]:
    rest = BYLINE.sub("", text, count=1)
    rest = re.split(r"\s+[-–—|·•]\s+|\s+(?:on|at|updated|published|posted)\b|\d|" + _GLUED_MONTH, rest, maxsplit=1)[0]
    names = []
    for part in NAME_SPLIT.split(rest):
        m = NAME.match(part.strip())
        if m and len(m.group(0)) > 2:
            names.append(m.group(0).strip(" .,"))
    return names[:6]


# An author box: the name alone on a line, a role, then a bio opening with the name (or a part of it).
BIO_START = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?:,\s+[A-Z]{2,5},?)?\s+"
    r"(?:is|was|has\s+(?:been|written|worked|covered|reported)|covers|writes|reports|joined)\b")
BIO_ROLE = re.compile(
    r"\b(?:writers?|reporters?|editors?|journalists?|correspondents?|contributors?|columnists?|producers?|"
    r"editor-in-chief|freelance|covers|covering|writes\s+(?:about|for|on)|writing|reporting)\b", re.I)


def mark_bios(lines: list[Line]) -> None:
    """Mark an author's bio as furniture: a paragraph that opens with a name standing alone on a short line
    elsewhere on the page (`Jane Roe` ... `Jane Roe is a senior reporter who covers ...`) and names a
    writer's role early on. A source described in the report is rarely also a line of its own."""
    names = {ln.text.strip(" .,:|").lower() for ln in lines if ln.words <= 4 and len(ln.text) <= 40 and ln.kind != "good"}
    if not names:
        return
    for ln in lines:
        if ln.kind not in ("good", "near") or ln.words > 150:
            continue
        m = BIO_START.match(ln.text)
        if not m or not BIO_ROLE.search(ln.text[:200]):
            continue
        name = m.group("name").lower()
        if name in names or (len(name) > 2 and any(n.startswith(name + " ") or n.endswith(" " + name) for n in names)):
            ln.kind = "bad"


def is_date_line(text: str) -> bool:
    """A short line that is mostly a date (and maybe a time, a label or a reading time)."""
    if len(text) > 160:
        return False
    hits = find_dates(text)
    if not hits:
        return False
    covered = sum(h.end - h.start for h in hits)
    rest = WORD.findall(text)
    return covered >= 0.35 * len(text) or len(rest) <= 10


def find_comments(lines: list[Line], raws: list[str]) -> tuple[list[int], list[str]]:
    """Reader comments after the report: a numbered run (1., 2., ...) closing the page, indented in the copy or
    under a comments heading. Returns their line indices (with their numbers) and the texts."""
    n = len(lines)
    i = n - 1
    # skip trailing furniture
    while i >= 0 and lines[i].kind in ("bad", "short") and not NUMBERED.match(lines[i].text):
        i -= 1
    run: list[int] = []
    expected = None
    while i >= 0:
        m = NUMBERED.match(lines[i].text)
        if m:
            num = int(m.group(1))
            if expected is not None and num != expected:
                break
            run.append(i)
            expected = num - 1
            if num == 1:
                break
        elif lines[i].kind in ("good", "near"):
            break
        i -= 1
    if len(run) < 2 or expected != 0:
        return [], []
    run.reverse()
    first = run[0]
    indented = all(raws[j][:1] in (" ", "\t") for j in run)
    headed = any(COMMENT_HEAD.search(lines[j].text) and lines[j].words <= 6 for j in range(max(0, first - 3), first))
    if not (indented or headed):
        return [], []
    idx = list(range(first, run[-1] + 1))
    texts = []
    for j in run:
        m = NUMBERED.match(lines[j].text)
        if m:
            texts.append(m.group(2).strip())
    return idx, texts


def _headline_score(lines: list[Line], i: int, distance: int) -> float | None:
    ln = lines[i]
    t = ln.text
    if not (2 <= ln.words <= 35) or len(t) > 300 or ln.credit or is_byline(t) or ln.kind == "good":
        return None
    if HEAD_END_PUNCT.search(t) and not t.endswith("..."):
        return None
    if STRONG_END.match(t[:80]) or URLISH.search(t) or CREDIT_ANY.search(t):
        return None
    if ln.boiler and ln.words <= 6:
        return None
    if find_dates(t) and is_date_line(t):
        return None
    if t.isupper() and ln.words <= 3:
        return None
    score = min(ln.words, 12) * 1.0
    if ln.words <= 3:
        score -= 6
    if ln.title_ratio >= 0.6:
        score += 2
    if ln.stop >= 0.15:
        score += 2
    # a byline or date block right under the line (a standfirst may sit between) marks the headline
    for k, x in enumerate(lines[i + 1:i + 5]):
        if is_byline(x.text) or is_date_line(x.text):
            score += (8.0, 7.0, 4.0, 4.0)[k]
            break
    if ln.repeated > 1 and ln.words >= 4:  # a page title repeating the headline (or a link to it elsewhere)
        score += 1
    score -= 0.15 * distance
    return score


def find_headline(lines: list[Line], lo: int) -> int | None:
    first_good = lo
    while first_good < len(lines) and lines[first_good].kind != "good" and first_good < lo + 8:
        first_good += 1
    best, best_i = 4.0, None
    for i in range(first_good - 1, max(-1, lo - 40), -1):
        s = _headline_score(lines, i, first_good - 1 - i)
        if s is not None and s > best:
            best, best_i = s, i
    if best_i is not None and best_i > 0:
        # a standfirst (summary) sits directly under the headline and reads longer: the line above is the headline
        above = best_i - 1
        if (6 <= lines[above].words < lines[best_i].words and lines[above].kind != "bad"
                and _headline_score(lines, above, first_good - 1 - above) is not None):
            best_i = above
    return best_i


def header_dates(lines: list[Line], lo: int, head: int | None) -> tuple[str | None, str | None]:
    """Publication date and page stamp from the short lines around the top of the report.

    A stamp ("Updated ...") above the headline is the page's own and never a publication date; one in the
    byline block under the headline stands in for the publication date only when no other date is given."""
    anchor = head if head is not None else lo
    start, end = max(0, anchor - 15), min(len(lines), max(lo, anchor) + 6)
    best: tuple[float, str] | None = None
    fallback: tuple[float, str] | None = None
    stamp: str | None = None
    for i in range(start, end):
        t = lines[i].text
        if len(t) > 250 or (lines[i].kind == "good" and lines[i].words > 25):
            continue
        for h in find_dates(t):
            score = abs(i - anchor) + (0.0 if i >= anchor else 6.0)
            if h.stamp:
                if stamp is None:
                    when = h.time or line_time(t)
                    stamp = h.value + (f"T{when}" if when and len(h.value) == 10 else "")
                if i > anchor and (fallback is None or score < fallback[0]):
                    fallback = (score, h.value)
                continue
            if PUB_WORDS.search(t[:h.start]) or is_byline(t):
                score -= 5
            elif lines[i].words > 12 and not is_date_line(t):  # a date inside a caption or a sentence
                score += 3
            if len(h.value) < 10:
                score += 4
            if best is None or score < best[0]:
                best = (score, h.value)
    if best is None and fallback is not None and head is not None:
        best = fallback
    if best is None:  # a wider look: short date lines anywhere above and just inside the report
        for i in range(0, min(len(lines), lo + 40)):
            t = lines[i].text
            if len(t) > 120 or not is_date_line(t):
                continue
            for h in find_dates(t)[:1]:
                if h.stamp or len(h.value) < 10:
                    continue
                score = abs(i - anchor) + (0.0 if i >= anchor else 6.0)
                if best is None or score < best[0]:
                    best = (score, h.value)
    return (best[1] if best else None), stamp


