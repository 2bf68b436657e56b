"""The body of a generated page as HTML, made straight from the records: escaping by construction.

Every piece of contributor text goes through ``esc`` (text) or ``attr`` (an attribute value),
or is an explanation field already converted and sanitised by ``markup.rich``. Headings are not
made here: a page keeps them in Markdown (``Heading``), so that MkDocs gives them their ids,
permalinks and table of contents under the site's own ``toc`` options (render/output.py).
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple, Sequence, Union

from .output import Page, mark, page_meta


@lru_cache(maxsize=1 << 16)
def esc(value: str) -> str:
    """Text as HTML text, on one line. Cached: a claim's title is written on many pages."""
    return html.escape(" ".join(str(value).split()), quote=False)


def attr(value: str) -> str:
    """Text as the value of an attribute in double quotes."""
    return html.escape(" ".join(str(value).split()), quote=True)


def href(target: str) -> str:
    """A link's address as an attribute value (spaces and brackets percent-encoded, as the Markdown pages had them)."""
    return attr(target.replace(" ", "%20").replace(")", "%29").replace("(", "%28"))


def a(label: str, target: str) -> str:
    """A link; ``label`` is HTML already."""
    return f'<a href="{href(target)}">{label}</a>'


def p(inner: str, css_class: str = "") -> str:
    return f'<p class="{css_class}">{inner}</p>' if css_class else f"<p>{inner}</p>"


def ul(items: Iterable[str]) -> str:
    """A list of items, each HTML already; nothing when there are none."""
    inner = "\n".join(f"<li>{item}</li>" for item in items)
    return f"<ul>\n{inner}\n</ul>" if inner else ""


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table of HTML cells (headers are HTML too)."""
    head = "\n".join(f"<th>{cell}</th>" for cell in headers)
    body = "\n".join("<tr>\n" + "\n".join(f"<td>{cell}</td>" for cell in row) + "\n</tr>" for row in rows)
    return f"<table>\n<thead>\n<tr>\n{head}\n</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def quote(exact: str, anchor: str = "", css_class: str = "fc-quote") -> str:
    """A quoted passage, with an id to link to when ``anchor`` is given."""
    ident = f' id="{attr(anchor)}"' if anchor else ""
    return f'<blockquote>\n<p class="{css_class}"{ident}>\u201c{esc(exact)}\u201d</p>\n</blockquote>'


class Heading(NamedTuple):
    """A heading of the page, in Markdown (``## Evidence``, attributes in ``{: ...}`` allowed)."""

    markdown: str


def page(path: str, fields: Mapping[str, Any], parts: Iterable[Union[Heading, str]], **options) -> Page:
    """A page from its front-matter fields (plain values: ``page_meta``) and its parts in order:
    headings, and HTML blocks between them (each beginning with a block-level element; empty ones
    are left out)."""
    lines: list[str] = []
    blocks: list[str] = []
    places: list[int] = []
    pending: list[str] = []
    headings = 0

    def flush() -> None:
        if pending:
            lines.append(mark(len(blocks)))
            blocks.append("\n".join(pending))
            places.append(headings)
            pending.clear()

    for part in parts:
        if isinstance(part, Heading):
            flush()
            lines.append(part.markdown)
            headings += 1
        elif part:
            pending.append(part)
    flush()
    return Page(path, page_meta(fields), "\n\n".join(lines) + "\n", html=tuple(blocks), places=tuple(places), **options)
