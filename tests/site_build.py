"""Build a fixture repository with MkDocs in-process, and read what the build wrote.

Used by the tests of ClaimReview, the exports, the feed, the transparency check and hostile input.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_site(root: Path, out: Path, strict: bool = False) -> list[str]:
    """Build ``root``'s mkdocs.yml into ``out``; return the warnings MkDocs logged."""
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out), strict=strict)
        build(config)
    finally:
        logger.removeHandler(handler)
    return warnings


class HeadAndBody(HTMLParser):
    """What the tests read from a built page: JSON-LD blocks, meta, canonical link, h1, verdict badge, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.jsonld: list[str] = []
        self.scripts: list[str] = []  # the text of every <script> element
        self.meta: list[dict[str, str]] = []
        self.canonical: list[str] = []
        self.h1: list[str] = []
        self.badges: list[str] = []  # the text of each verdict badge, its "Verdict:" prefix left out
        self._script: list[str] | None = None
        self._script_type = ""
        self._h1: list[str] | None = None
        self._badge: list[str] | None = None
        self._badge_depth = 0
        self._in_prefix = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self._script, self._script_type = [], a.get("type", "")
        elif tag == "meta":
            self.meta.append(a)
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a.get("href", ""))
        elif tag == "h1":
            self._h1 = []
        elif tag == "span" and self._badge is not None:
            self._badge_depth += 1
            self._in_prefix = "fc-badge__prefix" in a.get("class", "")
        elif tag == "span" and "fc-badge" in a.get("class", "").split():
            self._badge, self._badge_depth = [], 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = "".join(self._script)
            self.scripts.append(text)
            if self._script_type == "application/ld+json":
                self.jsonld.append(text)
            self._script = None
        elif tag == "h1" and self._h1 is not None:
            self.h1.append("".join(self._h1).strip())
            self._h1 = None
        elif tag == "span" and self._badge is not None:
            self._badge_depth -= 1
            self._in_prefix = False
            if self._badge_depth == 0:
                self.badges.append("".join(self._badge).strip())
                self._badge = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._h1 is not None:
            self._h1.append(data)
        if self._badge is not None and not self._in_prefix:
            self._badge.append(data)


def read_page(path: Path) -> HeadAndBody:
    parser = HeadAndBody()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return parser
