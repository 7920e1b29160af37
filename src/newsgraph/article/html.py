"""HTML article extraction: trafilatura for the body and comments, htmldate for the date.

The body and comments come from `trafilatura.bare_extraction` (favor_precision; comments kept
apart), retried without favor_precision where that finds almost nothing, continued into the
article's later blocks where a page splits it, replaced by the page's JSON-LD articleBody where
the extraction took some other block, and cleaned of leftover furniture paragraphs (kept in
`boilerplate`). The headline is the visible <h1> where it matches the page's metadata, else the
metadata candidate (JSON-LD, og:title, twitter:title, <title> without the site's name) most
sources agree on. The publication date comes from structured data first (JSON-LD datePublished,
article:published_time and kin), then the byline date under the headline, then htmldate
(original_date); the modification stamp goes to `page_timestamp`, never to `published`.
"""
from __future__ import annotations

import re
from datetime import date

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from newsgraph.article.dateline import find_dateline
from newsgraph.article.html_clean import clean_body, continuation, share_in, structured_paragraphs
from newsgraph.article.html_meta import (
    article_ld,
    choose_headline,
    clean_text,
    could_be_local,
    first,
    host_of,
    iso_date,
    json_ld,
    ld_names,
    ld_str,
    local_date,
    meta_tags,
    norm,
    site_keys,
    visible_date,
    written_date,
)
from newsgraph.errors import Errors, Rejected
from newsgraph.records import Extracted

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article.published", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "sailthru.date", "parsely-pub-date",
    "dc.date.issued", "dcterms.created", "dc.date", "date", "article.created", "published_time",
    "og:published_time", "rnews:datepublished", "cxenseparse:recs:publishtime", "datecreated",
)
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "last-modified", "dcterms.modified", "article.updated", "lastmod", "revised",
)
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")

# a dateline opening the body: "WASHINGTON (AP) —", "ATLANTA --", "NEW YORK, Dec 3 (Reuters) -"
MIN_BODY_WORDS = 8  # fewer words than this is a menu or a caption, not an article
MIN_WORDS = 30  # below this the precise pass is retried as a plain one
STRUCTURED_MIN_WORDS = 150  # a JSON-LD articleBody this long is the full text, not a teaser
LINK_AUTHOR = re.compile(r"https?://|www\.|@")
NOT_A_NAME = re.compile(
    r"[\d()\[\]:|/]|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(?:updated|published|posted)\b",
    re.IGNORECASE,
)


def _parse(html: str) -> HtmlElement:
    try:
        tree = trafilatura.utils.load_html(html)
    except Exception as error:  # noqa: BLE001 - lxml raises many kinds on junk
        raise Rejected(Errors.E304, detail=f"{type(error).__name__}: {error}") from None
    if tree is None:
        raise Rejected(Errors.E304, detail="not an HTML document")
    return tree


def _looks_binary(html: str) -> bool:
    head = html[:8192]
    controls = sum(1 for ch in head if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return controls > max(8, len(head) // 20)


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                         "dec"), 1)}
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2}|[a-z]{3})/(\d{1,2})(/|-|$)", re.I)


def url_date(url: str | None, *, strict: bool = False) -> str | None:
    """A full date in a URL's path (`/2023/12/20/`, `/2023/dec/21/`): publishers put the day of
    publication there, and a later edit does not change it. `strict`: only a day that is a whole
    path segment, not one running into the slug (`/2023/12/16-new-officers-join`, where 16 may
    be the slug's own number)."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day, end = match.groups()
    if strict and end == "-":
        return None
    number = _MONTHS.get(month.lower()) if month.isalpha() else int(month)
    if not number:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def _published(
    ld: dict | None, tags: dict[str, list[str]], tree: HtmlElement, heading: HtmlElement | None, found: str | None,
    url: str | None = None,
) -> str | None:
    """The publication date, where the URL's own date does not contradict it (see _page_date); a
    URL day running into the slug only stands in where the page gives no date."""
    chosen = _page_date(ld, tags, tree, heading, found)
    in_url = url_date(url, strict=chosen is not None)
    if in_url and (chosen is None or abs((date.fromisoformat(chosen[:10]) - date.fromisoformat(in_url)).days) > 2):
        return in_url
    return chosen


def _page_date(
    ld: dict | None, tags: dict[str, list[str]], tree: HtmlElement, heading: HtmlElement | None, found: str | None
) -> str | None:
    """The publication date.

    Structured data first (JSON-LD datePublished, article:published_time and kin), in the
    publisher's local time where the page also gives that; the date written in the byline under
    the headline where it is the same day give or take one that a time zone explains (the
    reader's calendar date), where the publication stamps disagree and the byline shows one of
    them (not the modification day), or where there is no structured date; htmldate's original
    date (`found`, from trafilatura's metadata run) last. A byline date marked "Updated" is never
    taken.
    """
    given = [ld_str(ld, "datePublished"), ld_str(ld, "dateCreated")]
    given += [v for key in PUBLISHED_META for v in tags.get(key, [])]
    values = [v for v in given if v]
    structured = stamp = None
    for value in values:
        day = iso_date(value)
        if day:
            stamps = values + [t.get("datetime") or "" for t in tree.iter("time")]
            structured, stamp = local_date(str(value), stamps) or day, str(value)
            break
    shown = visible_date(tree, heading)
    if structured and stamp:
        if shown and abs((date.fromisoformat(shown) - date.fromisoformat(structured)).days) <= 1 and (
            shown == structured or could_be_local(stamp, shown)
        ):
            return shown
        if shown and shown != iso_date(_page_timestamp(ld, tags)) and shown in {
            iso_date(v) or written_date(v) for v in values
        }:
            return shown  # the stamps disagree: the one the reader is shown
        return structured
    return shown or iso_date(found)


def _page_timestamp(ld: dict | None, tags: dict[str, list[str]]) -> str | None:
    value = ld_str(ld, "dateModified") or first(tags, *MODIFIED_META)
    return value if value and iso_date(value) else None


def _authors(ld: dict | None, tags: dict[str, list[str]], doc_author: str | None, sites: set[str]) -> tuple[str, ...]:
    names: list[str] = []
    if ld:
        names = ld_names(ld.get("author"))
    if not names:
        for key in AUTHOR_META:
            names = [v for v in tags.get(key, []) if not LINK_AUTHOR.search(v)]
            if names:
                break
    if not names and doc_author:
        names = doc_author.split(";")
    out: list[str] = []
    for name in names:
        for part in re.split(r"\s*(?:;|\band\b|&|,(?=\s*[A-Z][a-z]+\s+[A-Z]))\s*", name):
            part = re.sub(r"^(?:by|von|par)\s+", "", clean_text(part), flags=re.IGNORECASE).strip(" ,.|")
            if not part or LINK_AUTHOR.search(part) or NOT_A_NAME.search(part) or len(part) > 60:
                continue
            if norm(part).replace(" ", "") in sites:
                continue
            if part not in out:
                out.append(part)
    return tuple(out)


COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:reader\s+|user\s+)?(?:comments?|responses?|replies|reactions|discussion|"
    r"join the (?:conversation|discussion)|leave a (?:comment|reply)|post a comment|add a comment)\W*(?:\(\d+\))?\W*$",
    re.I)


def _comments(doc: trafilatura.settings.Document) -> tuple[str, ...]:
    body = getattr(doc, "commentsbody", None)
    parts: list[str] = []
    if body is not None and len(body):
        for child in body:
            text = clean_text(child.text_content() if isinstance(child, HtmlElement) else "".join(child.itertext()))
            if text:
                parts.append(text)
    elif doc.comments:
        parts = [line.strip() for line in doc.comments.split("\n") if line.strip()]
    # the section's own heading ("Comments", "42 comments", "Join the conversation") is not a comment
    return tuple(p for p in parts if not COMMENTS_HEADING.match(p))


def _paragraphs(doc: trafilatura.settings.Document | None) -> list[str]:
    if doc is None or not doc.text:
        return []
    return [p for p in (clean_text(line) for line in doc.text.split("\n")) if p]


def _words(paragraphs: list[str]) -> int:
    return sum(len(re.findall(r"\w+", p)) for p in paragraphs)


def _prefer_structured(paragraphs: list[str], objects: list[dict]) -> list[str]:
    """The page's own JSON-LD articleBody where the extraction is mostly something else.

    A full articleBody (not a teaser) that shares little with what trafilatura found means the
    extraction took the wrong block (a live blog's whole feed, a list of teasers).
    """
    article_body = next(
        (o["articleBody"] for o in objects if isinstance(o.get("articleBody"), str) and len(o["articleBody"]) >= 1000), None
    )
    if not article_body:
        return paragraphs
    structured = structured_paragraphs(article_body)
    if _words(structured) < STRUCTURED_MIN_WORDS:
        return paragraphs
    if not paragraphs or share_in("\n".join(paragraphs), article_body) < 0.3:
        return structured
    return paragraphs


def _heading(tree: HtmlElement, h1s: list[HtmlElement], headline: str | None) -> HtmlElement | None:
    """The element showing the headline on the page (the byline date is looked for after it)."""
    key = norm(headline)
    if key:
        for h1 in h1s:
            if key in norm(h1.text_content()):
                return h1
        titled = tree.xpath(
            '//h2|//h3|//*[contains(@class, "headline") or contains(@class, "title") or contains(@id, "headline")]'
        )
        for element in titled[:200]:
            if len(element) <= 3 and norm(element.text_content()) == key:
                return element
    return h1s[0] if h1s else None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """The article in an HTML page. Raises `Rejected(Errors.E301)` where no article text is found."""
    if isinstance(html, bytes):
        html = trafilatura.utils.decode_file(html)
    if not isinstance(html, str) or not html.strip():
        raise Rejected(Errors.E301, detail=": the page is empty")
    if "\x00" in html[:8192] or _looks_binary(html):
        raise Rejected(Errors.E304, detail="the input looks binary")
    tree = _parse(html)
    try:
        return _extract(tree, url)
    except Rejected:
        raise
    except RecursionError:
        raise Rejected(Errors.E304, detail="the page is nested too deeply") from None
    except Exception as error:  # noqa: BLE001 - third-party parsers on hostile pages
        raise Rejected(Errors.E304, detail=f"{type(error).__name__}: {error}") from None


def _extract(tree: HtmlElement, url: str | None) -> Extracted:
    objects = json_ld(tree)
    ld = article_ld(objects)
    tags = meta_tags(tree)
    canonical = next((h for h in tree.xpath('//link[@rel="canonical"]/@href') if h.startswith("http")), None)
    page_url = url or canonical or first(tags, "og:url", "twitter:url") or ld_str(ld, "url")
    # bare_extraction copies a tree it is given before changing it
    doc: Document | None = trafilatura.bare_extraction(  # type: ignore[assignment]  # as_dict=False: a Document
        tree, url=page_url, include_comments=True, with_metadata=True, favor_precision=True,
    )
    paragraphs = _paragraphs(doc)
    if _words(clean_body(paragraphs)[0]) < MIN_WORDS:
        # the precise pass found (almost) nothing but furniture: a plain pass
        plain: Document | None = trafilatura.bare_extraction(  # type: ignore[assignment]
            tree, url=page_url, include_comments=True, with_metadata=True)
        if _words(clean_body(_paragraphs(plain))[0]) > _words(clean_body(paragraphs)[0]):
            doc, paragraphs = plain, _paragraphs(plain)
    paragraphs = _prefer_structured(continuation(tree, paragraphs), objects)
    if not paragraphs:
        raise Rejected(Errors.E301, detail="")
    publisher = ld.get("publisher") if ld else None
    site_name = first(tags, "og:site_name", "application-name", "twitter:site") or (
        ld_str(publisher, "name") if isinstance(publisher, dict) else None
    )
    host = host_of(page_url) or (doc.hostname if doc else None)
    site = (site_name.lstrip("@") if site_name else None) or (doc.sitename if doc else None) or host
    sites = site_keys([site_name, doc.sitename if doc else None, ld_str(publisher, "name") if isinstance(publisher, dict) else None], host)

    metas: list[tuple[str, str]] = []
    for source, value in (
        ("ld", ld_str(ld, "headline") or ld_str(ld, "name")),
        ("og", first(tags, "og:title")),
        ("twitter", first(tags, "twitter:title")),
        ("title", clean_text(tree.findtext(".//title"))),
        ("trafilatura", doc.title if doc else None),
    ):
        if value:
            metas.append((source, value))
    h1s = list(tree.iter("h1"))
    headline = choose_headline([clean_text(h1.text_content()) for h1 in h1s], metas, sites)
    heading = _heading(tree, h1s, headline)

    authors = _authors(ld, tags, doc.author if doc else None, sites)
    kept, dropped = clean_body(paragraphs, authors)
    while kept and headline and norm(kept[0]) == norm(headline):
        dropped = [kept[0], *dropped]  # the page's <h1> carried into the text: the headline, not the body
        kept = kept[1:]
    if _words(kept) < MIN_BODY_WORDS:
        raise Rejected(Errors.E301, detail=f" (only {_words(kept)} words of text)")
    body = "\n\n".join(kept)
    return Extracted(
        body=body,
        headline=headline,
        published=_published(ld, tags, tree, heading, doc.date if doc else None, page_url),
        page_timestamp=_page_timestamp(ld, tags),
        dateline=find_dateline(body),
        authors=authors,
        site=site,
        url=page_url,
        comments=_comments(doc) if doc else (),
        boilerplate=tuple(dropped),
    )
