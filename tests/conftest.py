"""Shared fixtures: small fact-check repositories written into temporary folders.

The helpers live in tests/site_factory.py; import them from there (``from site_factory import
make_site``), since ``from conftest import`` picks up tests/browser/conftest.py when both are loaded.

``make_site(folder, claims=..., sources=..., texts=..., people=..., subjects=..., mkdocs=..., docs=...)``
    Writes a repository into ``folder`` and returns a :class:`SiteDir`. It starts from a copy of
    ``tests/fixtures/mini`` (two sources, two claims, two people; it builds cleanly), unless
    ``base=None`` is given, in which case it starts from an empty folder with the fixture's
    ``mkdocs.yml`` only. Then, for each mapping given:

    - ``claims`` / ``sources``: ``{id: content}`` written to ``claims/<id>.yaml`` /
      ``sources/<id>.yaml``;
    - ``texts``: ``{id: text}`` written to ``sources/<id>.txt`` (the archived texts);
    - ``people`` / ``subjects``: the content of ``people.yaml`` / ``subjects.yaml``;
    - ``mkdocs``: the content of ``mkdocs.yml``;
    - ``docs``: ``{relative path: text}`` written under ``docs/``.

    A content that is a ``str`` is written verbatim (use it when a test asserts on line and
    column numbers); a ``dict`` or ``list`` is dumped as YAML in the order given; ``None``
    deletes the file the fixture had. It is a session-scoped fixture returning the plain
    function, so module-scoped fixtures can use it with ``tmp_path_factory``.

``claim_data(**fields)``
    A valid claim (as a dict) about the fixture's sources, with ``fields`` replacing its own.
    A field given as ``None`` is removed.

``MINI``
    The path of the fixture repository (never write into it).

``mini_site``
    The analysed :class:`factcheck.core.analyse.Site` of the fixture, built once per session.
"""

from __future__ import annotations

import pytest

from factcheck.commands.cli import settings_from_mkdocs_yml
from factcheck.core.analyse import Site
from factcheck.core.pipeline import check
from site_factory import MINI, SiteDir, claim_data, make_site  # noqa: F401  (re-exported)


@pytest.fixture(scope="session", name="make_site")
def make_site_fixture():
    return make_site


@pytest.fixture(scope="session", name="claim_data")
def claim_data_fixture():
    return claim_data


@pytest.fixture(scope="session")
def mini_site() -> Site:
    checked = check(settings_from_mkdocs_yml(MINI / "mkdocs.yml"))
    assert checked.site is not None, [str(p) for p in checked.problems]
    return checked.site
