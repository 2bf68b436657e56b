"""While `mkdocs serve` runs on broken claims, every page says so: the errors, and that what is
shown is the last good build. Never used by `mkdocs build`, which stops instead."""

from __future__ import annotations

import html
import re
from typing import Sequence

from ..core.problems import Problem

_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
MAX_LISTED = 20


def banner(problems: Sequence[Problem]) -> str:
    """An HTML block listing the errors; every part of them escaped."""
    listed = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in problems[:MAX_LISTED])
    more = f"<li>… and {len(problems) - MAX_LISTED} more (see the terminal)</li>" if len(problems) > MAX_LISTED else ""
    return (
        '<div class="fc-serve-errors" role="alert" style="background:#b91c1c;color:#fff;padding:.8em 1.2em;'
        'font:14px/1.5 sans-serif;position:relative;z-index:10">'
        f"<strong>factcheck: {len(problems)} error(s) in the claims and sources.</strong> "
        "The pages show the last good build until they are fixed."
        f'<ul style="margin:.4em 0 0 1.2em">{listed}{more}</ul></div>'
    )


def add_banner(page_html: str, block: str) -> str:
    """The page with ``block`` right after its ``<body>`` tag (unchanged when it has none)."""
    match = _BODY.search(page_html)
    if match is None:
        return page_html
    return page_html[: match.end()] + block + page_html[match.end():]
