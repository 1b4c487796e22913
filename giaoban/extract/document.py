"""Read one report file (.txt, .html, .docx, .pdf) into clean NFC text, refusing what isn't a report.

HTML pages carry menus, "Tin khác" lists, comment boxes and share buttons; those are dropped before
extraction so their dates and organisation names don't leak into the record. Every refusal is a
``DocumentError`` whose message names the file and says what to do.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from giaoban.text import DecodeError, clean_spaces, decode_bytes, nfc

MAX_BYTES = 20 * 1024 * 1024  # no giao ban report is this long; a bigger file is something else
TEXT_TYPES = {".txt", ".text", ".md"}
HTML_TYPES = {".html", ".htm", ".xhtml"}
DOCUMENT_TYPES = TEXT_TYPES | HTML_TYPES | {".docx", ".pdf"}
# Lines that end an article body on news portals (related news, comments, bylines' tail).
_TAIL = re.compile(
    r"^\s*(tin khác|các tin khác|tin liên quan|bài liên quan|bình luận|ý kiến bạn đọc|gửi bình luận|"
    r"chia sẻ|xem thêm|tin cùng chuyên mục)\s*:?\s*$",
    re.IGNORECASE,
)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "svg")
_CHROME = re.compile(
    r"menu|nav|footer|header|comment|binh-luan|share|social|related|tin-khac|breadcrumb|banner|"
    r"sidebar|advert|quang-cao|login|search|tag",
    re.IGNORECASE,
)


class DocumentError(ValueError):
    """A file that cannot be read as a report; the message names it and says what to do."""


@dataclass(frozen=True)
class SourceDocument:
    text: str
    title: str | None = None
    url: str | None = None
    published_hint: str | None = None  # e.g. an HTML meta published_time, ISO


def read_document(path: Path) -> SourceDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        raise DocumentError(f"{path.name}: not a report type (.txt, .html, .docx, .pdf)")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(f"{path.name}: the file is empty")
    if size > MAX_BYTES:
        raise DocumentError(
            f"{path.name}: {size / 1e6:.0f} MB is too large for one meeting report (limit "
            f"{MAX_BYTES // 2**20} MiB); split it into one file per report"
        )
    data = path.read_bytes()
    reader = {".docx": _docx, ".pdf": _pdf}.get(suffix, _html if suffix in HTML_TYPES else _text)
    doc = reader(data, path.name)
    if not doc.text.strip():
        raise DocumentError(f"{path.name}: no text found in the file")
    return doc


def _text(data: bytes, name: str) -> SourceDocument:
    try:
        text = decode_bytes(data, name)
    except DecodeError as err:
        raise DocumentError(str(err)) from err
    return SourceDocument(trim_tail(text))


def trim_tail(text: str) -> str:
    """Cut the page furniture that follows an article ("Tin khác", "Bình luận" …)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if i > 2 and _TAIL.match(line):
            lines = lines[:i]
            break
    return "\n".join(lines).rstrip() + "\n"


def _html(data: bytes, name: str) -> SourceDocument:
    from bs4 import BeautifulSoup

    try:
        markup = decode_bytes(data, name)
    except DecodeError as err:
        raise DocumentError(str(err)) from err
    soup = BeautifulSoup(markup, "html.parser")
    published = _meta(soup, "article:published_time", "pubdate", "datePublished", "date")
    url = _meta(soup, "og:url") or (soup.find("link", rel="canonical") or {}).get("href")
    title = _meta(soup, "og:title") or (soup.h1.get_text(" ", strip=True) if soup.h1 else None)
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True)
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is not None and _CHROME.search(" ".join([*tag.get("class", []), tag.get("id", "")])):
            tag.decompose()
    stamps = _stamps(soup)
    body = _main_block(soup)
    paragraphs = [
        clean_spaces(p.get_text(" ", strip=True))
        for p in body.find_all(["h1", "h2", "h3", "p", "li", "div"])
        if not p.find(["p", "div"])
    ]
    text = "\n\n".join(p for p in paragraphs if p)
    missing = [st for st in stamps if st not in text]
    if missing:  # the date line usually sits outside the article body; keep it under the title
        text = "\n".join(missing) + "\n\n" + text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return SourceDocument(trim_tail(nfc(text)), title=title and nfc(title), url=url, published_hint=published)


_STAMP_CLASS = re.compile(r"date|time|publish|ngay-dang|post-meta|thoi-gian", re.IGNORECASE)


def _stamps(soup) -> list[str]:
    """Publication-date lines of the article (page chrome, with *today's* date, is already gone)."""
    found = []
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        names = " ".join([*tag.get("class", []), tag.get("id", "")])
        if tag.name == "time" or _STAMP_CLASS.search(names):
            line = clean_spaces(tag.get_text(" ", strip=True))
            if line and len(line) < 120 and line not in found:
                found.append(line)
    return found[:3]


def _meta(soup, *names: str) -> str | None:
    for key in names:
        tag = (
            soup.find("meta", attrs={"property": key})
            or soup.find("meta", attrs={"name": key})
            or soup.find("meta", attrs={"itemprop": key})
        )
        if tag and tag.get("content"):
            return tag["content"].strip()
    return None


def _main_block(soup):
    """The element holding the article: <article>, else the block with the most paragraph text."""
    if soup.article:
        return soup.article
    best, best_len = soup.body or soup, 0
    for candidate in soup.find_all(["main", "div", "section"]):
        length = sum(len(p.get_text()) for p in candidate.find_all("p", recursive=False))
        if length > best_len:
            best, best_len = candidate, length
    return best


def _docx(data: bytes, name: str) -> SourceDocument:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises several types for a broken package
        raise DocumentError(f"{name}: not a readable .docx file ({type(err).__name__}); re-save it from Word") from err
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells))
    title = document.core_properties.title or None
    return SourceDocument(trim_tail(nfc("\n\n".join(p for p in parts if p.strip()))), title=title)


def _pdf(data: bytes, name: str) -> SourceDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as err:
        raise DocumentError(f"{name}: not a readable PDF ({err}); export it again as PDF") from err
    if not text.strip():
        raise DocumentError(f"{name}: the PDF has no text layer (a scan?); run OCR first or use the .docx")
    return SourceDocument(trim_tail(nfc(text)))
