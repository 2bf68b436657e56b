"""Finding active content in a built site: the checks the hostile-input tests share.

``scan_site(site_dir)`` walks every file MkDocs wrote and returns a ``Finding`` for every script,
event handler, ``javascript:``/``data:`` address, embedding tag or inline style it holds. The
theme's own scripts are told apart by comparing with a clean build (``element_signatures``):
anything the clean build does not have came from the data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Tags that embed or restyle content; none of them belongs in a page because of a claim.
EMBEDDING_TAGS = {"iframe", "frame", "frameset", "style", "object", "embed", "applet", "base", "form", "math", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "cite", "ping"}
_BAD_SCHEME = re.compile(r"^(javascript|data|vbscript|file):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
# Text a spreadsheet would run as a formula when the CSV export is opened.
_FORMULA = re.compile(r"^[=+\-@\t\r]")


@dataclass(frozen=True)
class Finding:
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def bad_url(value: str) -> bool:
    """True for an address a browser would run or inline: javascript:, data:, vbscript:, file:."""
    import html

    return bool(_BAD_SCHEME.match(_INVISIBLE.sub("", html.unescape(value or ""))))


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[list] = []  # [tag, attributes, text] of every script and embedding tag
        self.problems: list[str] = []
        self._open: list | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        names = dict(attrs)
        if tag == "script" or tag in EMBEDDING_TAGS:
            self.elements.append([tag, names, ""])
            self._open = self.elements[-1] if tag in ("script", "style") else None
        if tag == "meta" and (names.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and bad_url(value or ""):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style":
                self.problems.append(f"inline style {value!r} on <{tag}>")
            if name == "markdown":
                self.problems.append(f"unprocessed markdown attribute on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            self._open = None


def _normalise(text: str) -> str:
    """Inline theme scripts differ between pages only by relative paths and quoted addresses."""
    text = re.sub(r"(\.\./)+|\.\./?|\"[^\"]*\"", "", text)
    return " ".join(text.split())


def scan_html(text: str) -> tuple[list[str], set[tuple]]:
    """The problems found in one HTML document, and the signatures of its scripts and embedding tags.

    A signature leaves out what differs from page to page (relative paths, the site's address),
    so the theme's own elements have the same signatures on every site.
    """
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    signatures = set()
    for tag, attrs, body in scanner.elements:
        kind = attrs.get("type") or ""
        if tag == "script" and kind == "application/ld+json":
            try:
                json.loads(body)  # a '</script>' inside a string would have cut the block short
            except ValueError as error:
                scanner.problems.append(f"a JSON-LD block that is not whole JSON ({error}): {body[:120]!r}")
            signatures.add((tag, kind, "json-ld"))
        elif tag == "script":
            src = attrs.get("src") or ""
            signatures.add((tag, kind, src.rsplit("/", 1)[-1].split("?")[0] if src else _normalise(body)))
        else:
            names = " ".join(sorted(f"{k}={_normalise(v or '') if k not in ('action', 'href', 'src') else ''}" for k, v in attrs.items()))
            signatures.add((tag, names, _normalise(body)))
    return scanner.problems, signatures


def element_signatures(site_dir: Path) -> set[tuple]:
    """Every kind of script and embedding element the pages of a (clean) site hold."""
    found: set = set()
    for path in site_dir.rglob("*.html"):
        found |= scan_html(path.read_text("utf-8"))[1]
    return found


def _strings(data, key: str = ""):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, str(k))
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v, key)
    elif isinstance(data, str):
        yield key, data


def scan_file(path: Path, relative: str, allowed: set) -> list[Finding]:
    """Active content in one generated file, by its kind."""
    found: list[str] = []
    suffix = path.suffix
    if suffix == ".html":
        problems, signatures = scan_html(path.read_text("utf-8"))
        found += problems
        found += [f"<{s[0]}> the clean build does not have: {s[1:]}" for s in sorted(signatures - allowed)]
    elif suffix == ".json":
        data = json.loads(path.read_text("utf-8"))
        if relative.endswith("search/search_index.json"):
            # The search box renders titles and texts of the index as HTML.
            for key, value in _strings(data.get("docs", [])):
                if key in ("title", "text"):
                    found += [f"search index {key}: {p}" for p in scan_html(value)[0]]
                    if re.search(r"<\s*/?\s*script", value, re.IGNORECASE):
                        found.append(f"search index {key} holds a raw script tag: {value[:120]!r}")
        for key, value in _strings(data):
            if bad_url(value):
                found.append(f"{key}: {value[:80]!r}")
    elif suffix == ".xml":
        root = ElementTree.fromstring(path.read_bytes())
        for element in root.iter():
            for name, value in element.attrib.items():
                if bad_url(value):
                    found.append(f"<{element.tag} {name}={value!r}>")
            if element.text and bad_url(element.text.strip()):
                found.append(f"<{element.tag}> {element.text[:80]!r}")
            kind = element.attrib.get("type", "")
            local = element.tag.rsplit("}", 1)[-1]
            # Feed readers render these as HTML: RSS descriptions, Atom text of type html/xhtml.
            if element.text and (local in ("description", "encoded") or kind in ("html", "xhtml")):
                found += [f"<{local}> as HTML: {p}" for p in scan_html(element.text)[0]]
    elif suffix == ".csv":
        for row in csv.reader(io.StringIO(path.read_text("utf-8"))):
            for cell in row:
                if _FORMULA.match(cell):
                    found.append(f"a cell a spreadsheet would run as a formula: {cell[:80]!r}")
                if bad_url(cell):
                    found.append(f"a cell with a {cell.split(':')[0]}: address: {cell[:80]!r}")
    return [Finding(relative, what) for what in found]


def scan_site(site_dir: Path, allowed: set) -> list[Finding]:
    findings: list[Finding] = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv"):
            relative = path.relative_to(site_dir).as_posix()
            if relative.startswith("assets/javascripts/"):
                continue  # the theme's own bundles
            findings += scan_file(path, relative, allowed)
    return findings
