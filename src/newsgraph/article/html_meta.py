"""Metadata of an HTML article page: JSON-LD, <meta> tags and headline candidates.

Pure functions over a parsed lxml tree; helpers of `newsgraph.article.html`.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "creativework", "medicalwebpage", "askpublicnewsarticle",
}
PAGE_TYPES = {"webpage", "itempage", "collectionpage", "aboutpage", "profilepage", "searchresultspage"}
ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "website"}

# a separator between a headline and the site's name in <title> or og:title
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/|:)\s+|\s*\|\s*")
ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def norm(text: str | None) -> str:
    """The benchmark-style comparison key: lower case, words only."""
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def clean_text(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# ---------------------------------------------------------------- JSON-LD


def _walk(node: Any, depth: int = 0) -> Iterator[dict]:
    if depth > 12:
        return
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key in {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart", "subjectOf"} or (
                isinstance(value, list) and key == "@list"
            ):
                yield from _walk(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def json_ld(tree: HtmlElement) -> list[dict]:
    """Every JSON-LD object in the page, article-like objects first."""
    found: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        raw = re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        found.extend(_walk(data))
    articles = [o for o in found if _types(o) & ARTICLE_TYPES]
    pages = [o for o in found if _types(o) & PAGE_TYPES]
    rest = [o for o in found if o not in articles and o not in pages]
    return articles + pages + rest


def article_ld(objects: list[dict]) -> dict | None:
    """The JSON-LD object describing the article itself."""
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return None


def ld_names(value: Any) -> list[str]:
    """Names of the people in an author-like JSON-LD value."""
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            if _types(item) & ORG_TYPES:
                continue
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(n for n in name if isinstance(n, str))
            if isinstance(name, str):
                names.append(name)
    return [clean_text(n) for n in names if clean_text(n)]


def ld_str(obj: dict | None, key: str) -> str | None:
    if not obj:
        return None
    value = obj.get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return clean_text(value) if isinstance(value, str) and value.strip() else None


# ---------------------------------------------------------------- <meta>


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """<meta> values keyed by lower-cased property, name or itemprop."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                tags.setdefault(key.strip().lower(), []).append(clean_text(content))
    return tags


def first(tags: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if tags.get(key):
            return tags[key][0]
    return None


def iso_date(value: str | None) -> str | None:
    """The calendar date of an ISO-like date-time, as written (no time-zone shift)."""
    if not value:
        return None
    match = ISO_DATE.search(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


DATETIME = re.compile(
    r"((?:19|20)\d\d)-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|UTC|GMT|[+-]\d\d:?\d\d)?"
)


def _instant(value: str) -> tuple[datetime, int | None] | None:
    """A date-time as (wall-clock time, offset in minutes or None where none is written)."""
    match = DATETIME.search(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        wall = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    if zone is None:
        return wall, None
    if zone in {"Z", "UTC", "GMT"}:
        return wall, 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return wall, sign * (int(digits[:2]) * 60 + int(digits[2:]))


def local_date(chosen: str, others: list[str]) -> str | None:
    """The calendar date of `chosen` in the publisher's own time zone.

    Sites often give a UTC time in one place (article:published_time 2023-12-23T03:22Z) and the
    same instant in their local time in another (<time datetime="2023-12-22T22:22-05:00">); the
    local one is the date readers saw. Returns None where no other stamp is the same instant.
    """
    base = _instant(chosen)
    if base is None or base[1] not in (0, None):
        return None
    wall, offset = base
    for other in others:
        found = _instant(other)
        if found is None:
            continue
        other_wall, other_offset = found
        if other_wall.date() == wall.date() or (other_wall.minute, other_wall.second) != (wall.minute, wall.second):
            continue
        shift = other_wall - wall
        hours = shift.total_seconds() / 3600
        if abs(hours) > 14 or (hours * 2) != int(hours * 2):
            continue
        if other_offset is not None and offset is not None and other_offset != round(hours * 60):
            continue
        if other_offset is None and offset is None:
            continue
        return other_wall.strftime("%Y-%m-%d")
    return None


def could_be_local(stamp: str, day: str) -> bool:
    """Whether `day` can be the calendar date of the instant `stamp` somewhere (UTC-12 to UTC+14).

    A byline date one day off a UTC stamp is a time-zone shift only where the stamp lies that near
    midnight: 2023-12-22T16:28Z is the 22nd everywhere, so a "Dec. 21" near the headline is some
    other date (a photo caption's). A stamp without a time or a zone allows a day either way.
    """
    found = _instant(stamp)
    shown = date.fromisoformat(day)
    offset = found[1] if found else None
    if found is None or offset is None:
        written = iso_date(stamp)
        return written is not None and abs((date.fromisoformat(written) - shown).days) <= 1
    wall = found[0]
    utc = wall - timedelta(minutes=offset)
    return (utc - timedelta(hours=12)).date() <= shown <= (utc + timedelta(hours=14)).date()


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# ---------------------------------------------------------------- headline


def _segments(title: str) -> list[str]:
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title) if p and p.strip()]
    return parts


def _is_site(segment: str, sites: set[str]) -> bool:
    key = norm(segment).replace(" ", "")
    if not key:
        return True
    for site in sites:
        if not site:
            continue
        if key == site or (len(key) >= 3 and site.startswith(key)) or (
            len(site) >= 3 and key.startswith(site) and len(key) - len(site) <= 6
        ):
            return True
    return False


def strip_site(title: str, sites: set[str]) -> str:
    """A title without leading or trailing segments naming the site."""
    title = clean_text(title)
    parts = re.split(r"(\s+(?:\||-|–|—|::|»|·|•)\s+|\s*\|\s*)", title)
    # parts alternate text, separator, text, ...
    texts = parts[0::2]
    seps = parts[1::2]
    while len(texts) > 1 and _is_site(texts[-1], sites):
        texts.pop()
        seps.pop()
    while len(texts) > 1 and _is_site(texts[0], sites):
        texts.pop(0)
        seps.pop(0)
    out = texts[0]
    for sep, text in zip(seps, texts[1:], strict=False):
        out += sep + text
    return out.strip()


def site_keys(names: list[str | None], host: str | None) -> set[str]:
    keys = {norm(n).replace(" ", "") for n in names if n}
    if host:
        labels = host.split(".")
        keys.add(host.replace(".", ""))
        core = [lab for lab in labels[:-1] if lab not in {"www", "m", "edition", "amp", "co", "com"}]
        if core:
            keys.add(core[-1])
            keys.add("".join(core))
    return {k for k in keys if k}


def _similarity(a: str, b: str) -> float:
    left, right = set(norm(a).split()), set(norm(b).split())
    return len(left & right) / max(1, len(left | right))


def _without_kicker(h1: str, metas: list[str]) -> str:
    """An <h1> without a leading section label ("Opinion | ...", "<span>News</span> ...") where the
    page's metadata gives the headline without it."""
    keys = [norm(m) for m in metas if norm(m)]
    segments = [t.strip() for t in re.split(r"\s+\|\s+", h1) if t.strip()]
    if len(segments) > 1:
        main = max(segments, key=len)
        if all(len(norm(t).split()) <= 3 for t in segments if t is not main) and any(norm(main) in k for k in keys):
            return main
    key = norm(h1)
    for meta in metas:
        meta_key = norm(meta)
        if not meta_key or meta_key == key or not key.endswith(" " + meta_key):
            continue
        start = h1.lower().find(meta.lower()[:10])
        prefix = h1[:start] if start > 0 else ""
        if len(key[: -len(meta_key)].split()) <= 3 and prefix and not re.search(r"[:\-–—]\s*$", prefix):
            return meta
    return h1


def choose_headline(h1s: list[str], metas: list[tuple[str, str]], sites: set[str]) -> str | None:
    """The article's own headline: the visible <h1> where it is the headline, else the candidate
    from the page's metadata most sources agree on.

    `metas` are (source, text) pairs from JSON-LD, og:title, twitter:title, <title>, trafilatura.
    An <h1> wins where it resembles the metadata (or there is none); among several <h1>s, the one
    most like the metadata. A metadata candidate's support is the number of distinct sources whose
    text, stripped of the site's name, is the same.
    """
    meta_texts = [clean_text(html_lib.unescape(t)) for _, t in metas if t and clean_text(t)]
    stripped = [strip_site(t, sites) for t in meta_texts]
    site_words = {s for s in sites if len(s) >= 4}
    headings = []
    for h1 in h1s:
        h1 = clean_text(h1)
        if h1 and len(h1) <= 400 and not _is_site(h1, sites):
            headings.append(_without_kicker(h1, stripped))
    if headings:
        def likeness(text: str) -> float:
            return max((_similarity(text, m) for m in meta_texts), default=0.0)

        if len(headings) == 1:
            only = headings[0]
            squashed = norm(only).replace(" ", "")
            brand = any(site in squashed for site in site_words)
            if len(norm(only).split()) >= 2 and (not meta_texts or likeness(only) >= 0.2 or not brand):
                return only
        else:
            best = max(headings, key=lambda t: (likeness(t), -headings.index(t)))
            if not meta_texts or likeness(best) >= 0.3 or len(norm(best).split()) >= 4:
                return best
    options: list[tuple[str, str]] = []
    for (source, _), text in zip(((s, t) for s, t in metas if t and clean_text(t)), stripped, strict=False):
        if text and len(text) <= 400 and not _is_site(text, sites):
            options.append((source, text))
    if not options:
        return None
    support: dict[str, set[str]] = {}
    for source, text in options:
        support.setdefault(norm(text), set()).add(source)
    keys = list(support)
    for key in keys:
        for other in keys:
            if other != key and len(key) >= 12 and (other.startswith(key + " ") or other.endswith(" " + key)):
                support[key] = support[key] | support[other]
    rank = {"ld": 5, "og": 4, "twitter": 2, "title": 1, "trafilatura": 0}

    def score(item: tuple[str, str]) -> tuple[int, int, bool, int]:
        source, text = item
        key = norm(text)
        return (len(support[key]), len(key.split()) >= 3, not text.endswith(("...", "…")), rank.get(source, 0))

    return max(options, key=score)[1]


# ---------------------------------------------------------------- visible date

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
TEXT_DATES = (
    (re.compile(MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r",?\s+((?:19|20)\d\d)\b", re.IGNORECASE), "dmy"),
    (re.compile(r"\b((?:19|20)\d\d)[-/.](\d\d)[-/.](\d\d)\b"), "ymd"),
)
CLEAN_STAMP = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s*(?:Z|[+-]\d\d:?\d\d)?)?$")
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option"}
UPDATED = re.compile(r"\b(?:updated|modified|edited|revised|last\s+reviewed)(?:\s+(?:on|at))?\b\W*$", re.IGNORECASE)
LABELLED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited|revised)\b", re.IGNORECASE)


def _text_date(text: str, before: str = "") -> tuple[int, str] | None:
    """(position, YYYY-MM-DD) of the first written date in a string that no "Updated" label
    precedes (`before`: the text just ahead of the string, the label often being apart)."""
    found: list[tuple[int, str]] = []
    for pattern, order in TEXT_DATES:
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        if order == "mdy":
            year, month, day = int(c), MONTHS[a[:3].lower()], int(b)
        elif order == "dmy":
            year, month, day = int(c), MONTHS[b[:3].lower()], int(a)
        else:
            year, month, day = int(a), int(b), int(c)
        try:
            day_text = date(year, month, day).isoformat()
        except ValueError:
            continue
        if not UPDATED.search((before + " " + text[: match.start()])[-40:]):
            found.append((match.start(), day_text))
    return min(found) if found else None


def written_date(value: str) -> str | None:
    """The date a metadata value writes out in words ("November 14, 2023"), or None."""
    found = _text_date(value)
    return found[1] if found else None


def visible_date(tree: HtmlElement, heading: HtmlElement | None, span: int = 700) -> str | None:
    """The first date written (or given in a <time datetime>) just after the article's <h1>, in
    reading order: the byline's date, as a reader sees it. None where there is no <h1> or no date
    near it. A date labelled "Updated" (in its own text or just before it) is passed over, and so
    is the datetime of a <time> so labelled."""
    if heading is None:
        return None
    started = False
    seen = 0
    recent = ""  # the text read last, for a label standing apart from its date
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        if not started:
            started = element is heading and event == "end"
            if not started:
                continue
            piece = element.tail  # an element's tail follows its subtree
        elif event == "start":
            if not isinstance(element.tag, str):
                continue
            if element.tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            if element.tag == "time":
                text = element.text_content()
                shown = _text_date(text, recent)
                if shown:
                    return shown[1]
                stamp = (element.get("datetime") or "").strip()
                if CLEAN_STAMP.match(stamp) and not UPDATED.search(recent[-40:]) and not LABELLED.search(text):
                    return iso_date(stamp)
            piece = element.text
        else:
            piece = element.tail
        if not piece:
            continue
        hit = _text_date(piece, recent)
        if hit:
            return hit[1]
        seen += len(piece)
        recent = (recent + " " + piece)[-60:]
        if seen > span:
            return None
    return None
