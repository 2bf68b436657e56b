"""Wiring the site's search worker into Material's pages.

Material's page script reads its settings from a JSON block in every page
(``<script id="__config" type="application/json">``) and starts the web worker named by its
``search`` key. Material documents swapping that worker for one's own that speaks the same
messages; ``assets/factcheck-search.js`` does, searching Material's index and the claims'
and sources' index files (``search_index.py``). ``point_to_worker`` rewrites that key in a
built page; the plugin calls it from ``on_post_page`` on every page, whatever ``main.html``
the site has, and leaves every generated page out of Material's index (``leave_to_worker``),
since the worker finds them in its own files: Material's index keeps the site's hand-written
pages only. That also lets ``mkdocs serve --dirty`` skip every generated page whose content did
not change (Material writes its index anew from the pages each run builds).
"""

from __future__ import annotations

import json
import posixpath
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

WORKER = "assets/factcheck-search.js"  # the generated asset, under the data folder
INDEXED_BY_WORKER = (  # the page types the worker's files index (search_index.site_entries): all generated pages
    "claim", "source", "claims-index", "verdicts-index", "verdict", "topics-index", "topic",
    "people-index", "person", "sources-index", "disagreements", "corrections",
)

_CONFIG_START = '<script id="__config" type="application/json">'


def worker_script() -> str:
    return resources.files("factcheck").joinpath(WORKER).read_text(encoding="utf-8")


def leave_to_worker(meta: dict[str, Any]) -> bool:
    """Whether a page (by its front matter) is searched through the worker's files, not Material's index."""
    factcheck = meta.get("factcheck")
    return isinstance(factcheck, dict) and factcheck.get("type") in INDEXED_BY_WORKER


def point_to_worker(html: str, worker_path: str) -> Optional[str]:
    """The page with Material's configuration naming our worker; None when the page has no such configuration."""
    start = html.find(_CONFIG_START)  # str.find, not a regular expression: it runs on every page of the site
    if start < 0:
        return None
    start += len(_CONFIG_START)
    end = html.find("</script>", start)
    if end < 0:
        return None
    text = _pointed_config(html[start:end], worker_path)
    return None if text is None else html[:start] + text + html[end:]


@lru_cache(maxsize=256)
def _pointed_config(found: str, worker_path: str) -> Optional[str]:
    """Material's configuration (JSON) naming our worker: the same for every page at the same depth."""
    try:
        config = json.loads(found)
    except ValueError:
        return None
    if not isinstance(config, dict) or "search" not in config:
        return None
    config["search"] = posixpath.join(config.get("base") or ".", worker_path)
    # Like Jinja's tojson, which wrote the block: no character in it can end the script element.
    return json.dumps(config).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("'", "\\u0027")
