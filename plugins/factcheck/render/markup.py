"""Small, safe building blocks of the generated Markdown.

Every piece of contributor text goes through ``text`` (plain text: HTML and Markdown syntax
made inert) or ``rich`` (Markdown formatting kept, HTML sanitised), never straight into a page.
"""

from __future__ import annotations

import html
import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

import nh3

if TYPE_CHECKING:
    import markdown as markdown_lib

from ..core.model import Rating
from ..core.reuse import kept_results

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")
_ORDERED_LIST_START = re.compile(r"^(\d+)\.")

_ALLOWED_TAGS = {
    "p", "br", "em", "strong", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "h5", "h6", "hr", "sup", "sub", "del",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def text(value: str) -> str:
    """Contributor text as inert inline Markdown: no HTML, no Markdown syntax, one line."""
    return _inert(str(value))


@lru_cache(maxsize=1 << 16)
def _inert(value: str) -> str:
    # Cached: a claim's title is escaped on every index that lists it (a dozen times or more).
    escaped = html.escape(" ".join(value.split()), quote=False)
    # "1986. A year" at the start of a paragraph or list item would start a numbered list.
    return _ORDERED_LIST_START.sub(r"\1\\.", _MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def code(value: str) -> str:
    """Contributor text as inline code, on one line (a line break would end a table row)."""
    inline = " ".join(str(value).replace("`", "").split())
    return f"`{inline}`" if inline else ""


def html_text(value: str) -> str:
    """Contributor text for use inside raw HTML (attributes included)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def rich(value: str) -> str:
    """Contributor Markdown rendered to sanitised HTML: formatting kept, nothing active.

    Headings are moved down to level three so they sit under the page's own sections.
    """
    value = str(value)
    # While serving, every explanation but an edited one is the text it was at the last run:
    # converting them all again would be a large share of a reload (reuse.py).
    return _rich(value)


@kept_results.per_item(lambda value: value)
def _rich(value: str) -> str:
    rendered = _contributor_markdown(_unmatchable(value)).reset().convert(value)
    if "<h" in rendered:
        rendered = _HIGH_HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}", rendered)
    return nh3.clean(
        rendered, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes=_URL_SCHEMES,
        link_rel="noopener nofollow ugc", strip_comments=True,
    )


_HIGH_HEADING = re.compile(r"<(/?)h([12])\b")

# Python-Markdown's preprocessors, block processors and inline patterns, each with the strings one
# of which is in any text it can change (its regular expression requires them). Python-Markdown
# tries every block processor on every block and every inline pattern on every piece of text of
# a paragraph; on prose with at most some emphasis, most try and fail, and that was most of
# converting an explanation. One none of whose strings is in the field cannot change its HTML,
# so ``rich`` converts the field without it. Those not named here are always run.
_NEEDS: dict[tuple[str, str], tuple[str, ...]] = {
    # Without a tag or a character reference, the raw-HTML extractor hands the text back as it is.
    ("preprocessor", "html_block"): ("<", "&"),
    ("block", "hashheader"): ("#",),
    ("block", "setextheader"): ("=", "-"),
    ("block", "hr"): ("-", "_", "*"),
    ("block", "quote"): (">",),
    ("block", "reference"): ("[",),
    ("block", "table"): ("|",),
    ("inline", "backtick"): ("`",),
    ("inline", "escape"): ("\\",),
    **{("inline", name): ("[",) for name in (
        "reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref",
    )},
    ("inline", "autolink"): ("<",), ("inline", "automail"): ("<",), ("inline", "html"): ("<",),
    # "  \n"; Markdown turns tabs into spaces first, so a tab anywhere keeps it too.
    ("inline", "linebreak"): ("  ", "\t"),
    ("inline", "entity"): ("&",),
    ("inline", "not_strong"): ("*", "_"), ("inline", "em_strong"): ("*", "_"),
    ("inline", "em_strong2"): ("_",), ("inline", "strong_em"): ("*", "_"),
}


def _unmatchable(value: str) -> frozenset[tuple[str, str]]:
    """The processors and patterns (kind, name) that cannot change ``value``."""
    # Markdown deletes these two control characters before it parses (they mark its placeholders).
    value = value.replace("\x02", "").replace("\x03", "")
    return frozenset(key for key, strings in _NEEDS.items() if not any(string in value for string in strings))


@lru_cache(maxsize=64)  # one per combination left out: a handful on most sites
def _contributor_markdown(without: frozenset[tuple[str, str]] = frozenset()) -> markdown_lib.Markdown:
    """One converter for every field: building one per call (its parser and extensions) was two
    fifths of rendering the explanations of a 10,000-claim site. ``reset()`` clears it between uses.

    ``without``: the processors and patterns (kind, name) left out, which cannot change the text it converts.
    """
    import markdown as markdown_lib  # here: the ClaimReview checks of `factcheck validate` use this module, never Markdown

    converter = markdown_lib.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    registries = {
        "preprocessor": converter.preprocessors, "block": converter.parser.blockprocessors, "inline": converter.inlinePatterns,
    }
    for kind, name in without:
        if name in registries[kind]:
            registries[kind].deregister(name)
    return converter


def rich_block(value: str, css_class: str) -> str:
    """A sanitised Markdown field as a raw HTML block of the page."""
    return f'<div class="{css_class}">\n{rich(value)}\n</div>'


def safe_url(url: str) -> Optional[str]:
    """An external address, only when it is plain http(s); None otherwise."""
    url = str(url).strip()
    if re.match(r"^https?://[^\s<>\"'`]+$", url):
        return url
    return None


def link(label: str, target: str) -> str:
    """A Markdown link; ``label`` must already be escaped Markdown."""
    return f"[{label}]({target.replace(' ', '%20').replace(')', '%29').replace('(', '%28')})"


def external(label: str, url: str) -> str:
    checked = safe_url(url)
    return link(label, checked) if checked else label


def badge(rating: Rating, prefix: str = "") -> str:
    """The verdict badge: its label in text, coloured by the stylesheet."""
    label = html_text(rating.label)
    prefix = f'<span class="fc-badge__prefix">{html_text(prefix)}</span> ' if prefix else ""
    return f'<span class="fc-badge fc-badge--{rating.key}" data-verdict="{rating.key}">{prefix}{label}</span>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def human_date(value: Optional[date]) -> str:
    if value is None:
        return ""
    return _human_date(value)


@lru_cache(maxsize=1 << 12)
def _human_date(value: date) -> str:
    # Cached: a site has a few hundred distinct dates, written tens of thousands of times (strftime is slow).
    return f"{value.day} {value.strftime('%B')} {value.year}"


def iso(value: Optional[date]) -> str:
    return value.isoformat() if value else ""




def plural(count: int, word: str, words: str = "") -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
