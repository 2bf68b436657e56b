"""Fixtures of the browser tests: the built site served on 127.0.0.1, and Debian's Chromium.

- ``served``: the repository's site (``mkdocs.yml`` at the root, or the one named by the
  environment variable ``FACTCHECK_BROWSER_SITE``) built once into a temporary folder and
  served by ``http.server`` in a thread, stopped at the end of the session. It carries the
  analysed model of the same data, so tests pick their claims, phrases and numbers from the
  data instead of hard-coding them.
- ``browser``: Chromium from ``/usr/bin/chromium`` driven by Playwright (never
  ``playwright install``). ``reader``: a fresh browser context (no stored palette choice)
  that refuses every request leaving 127.0.0.1 and records console errors.
- ``axe_source``: axe-core's ``axe.min.js``, installed by ``tests/browser/setup.sh``.

Missing Chromium, Playwright or axe-core skip the tests with the reason on a developer's
machine, and fail them under ``CI=true``, where ``.ci/run`` installs them.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import urlsplit

import pytest

from factcheck.commands.cli import settings_from_mkdocs_yml
from factcheck.core.analyse import Site
from factcheck.core.pipeline import check

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "screenshots"
PHONE = {"width": 360, "height": 740}  # the narrowest common phone: no page may scroll sideways
DESKTOP = {"width": 1280, "height": 900}


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail under CI, where everything must be installed."""
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}; CI=true, so the browser tests must run (.ci/run installs it)", pytrace=False)
    pytest.skip(reason)


# ---------------------------------------------------------------------------
# The site


@dataclass(frozen=True)
class Served:
    """The built site at ``base`` (ends with "/"), and the model it was built from."""

    base: str
    site_dir: Path
    model: Site

    def url(self, page: str = "", anchor: str = "") -> str:
        """The address of a generated page, given by its source path (``claims/x.md``) or "" for home."""
        address = self.base + (self.model.urls.url(page) if page else "")
        return f"{address}#{anchor}" if anchor else address

    def path_of(self, address: str) -> str:
        """The path of an address inside the site: "claims/x/" for http://127.0.0.1:port/claims/x/#y."""
        return urlsplit(address).path.lstrip("/")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def _config_file() -> Path:
    chosen = os.environ.get("FACTCHECK_BROWSER_SITE")
    return Path(chosen).resolve() if chosen else REPO / "mkdocs.yml"


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config_file = _config_file()
    checked = check(settings_from_mkdocs_yml(config_file))
    assert checked.site is not None, "the site's data has errors: " + "; ".join(str(p) for p in checked.problems if p.is_error)
    site_dir = tmp_path_factory.mktemp("browser") / "site"
    build(load_config(str(config_file), site_dir=str(site_dir)))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_port}/", site_dir, checked.site)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# ---------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright; never `playwright install`)")
    if not CHROMIUM.exists():
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Reader:
    """One browser tab, as a reader uses it, with what went wrong on the way."""

    page: object  # playwright.sync_api.Page
    served: Served
    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def open(self, address: str) -> None:
        """Load ``address``; a page the server does not have (404) fails here, not later in a check it may pass."""
        response = self.page.goto(address, wait_until="load")
        assert response is not None and response.ok, f"{address}: {response.status if response else 'no response'}"

    def shot(self, name: str, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def heading(self) -> str:
        """The page's h1 as a reader reads it (without the permalink sign)."""
        return self.page.locator("h1").first.inner_text().replace("\u00b6", "").strip()

    def horizontal_overflow(self) -> int:
        """How many pixels the page is wider than the viewport (0 when it does not scroll sideways)."""
        return self.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _new_reader(browser, served: Served, viewport: dict, color_scheme: str = "light", javascript: bool = True) -> Reader:
    context = browser.new_context(
        viewport=viewport, color_scheme=color_scheme, java_script_enabled=javascript,
        device_scale_factor=1, is_mobile=viewport["width"] < 600,
        has_touch=viewport["width"] < 600,
    )
    page = context.new_page()
    reader = Reader(page, served)
    local = urlsplit(served.base).netloc

    def route(request_route, request) -> None:
        if urlsplit(request.url).netloc == local or request.url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            reader.blocked.append(request.url)
            request_route.abort()

    context.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and _not_blocked(message, reader) and reader.console_errors.append(
        f"{message.text} ({message.location.get('url', '')})"))
    page.on("pageerror", lambda error: reader.console_errors.append(f"uncaught: {error}"))
    return reader


def _not_blocked(message, reader: Reader) -> bool:
    """Errors about a request this harness refused (the tests never touch the network) are not the site's."""
    return message.location.get("url", "") not in reader.blocked


@pytest.fixture
def reader_factory(browser, served: Served):
    """Make readers with a given viewport and colour scheme; every one is closed at the end."""
    made: list[Reader] = []

    def make(viewport: Optional[dict] = None, color_scheme: str = "light", javascript: bool = True) -> Reader:
        made.append(_new_reader(browser, served, viewport or DESKTOP, color_scheme, javascript))
        return made[-1]

    yield make
    for reader in made:
        reader.page.context.close()
    # The site promises no request to any host but its own (repository facts, fonts, analytics are off).
    elsewhere = sorted({url for reader in made for url in reader.blocked})
    assert not elsewhere, f"the pages asked hosts other than the site's own for: {elsewhere}"


@pytest.fixture
def reader(reader_factory) -> Reader:
    return reader_factory()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        unavailable(f"axe-core is not installed at {AXE} (run tests/browser/setup.sh)")
    return AXE.read_text(encoding="utf-8")
