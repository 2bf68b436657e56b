"""long_lived.py: what a `mkdocs build` holds is kept out of the full collections until the build ends."""

from __future__ import annotations

import gc

import pytest

from factcheck import plugin as plugin_module
from factcheck.long_lived import LongLived
from site_build import build_site


def test_freeze_moves_what_is_alive_out_of_the_collections_and_release_puts_it_back():
    held = [[index] for index in range(1000)]
    long_lived = LongLived()
    long_lived.freeze()
    try:
        assert gc.get_freeze_count() >= len(held)
    finally:
        long_lived.release()
    assert gc.get_freeze_count() == 0
    long_lived.release()  # a second release (after an error, then the end) does nothing
    assert gc.get_freeze_count() == 0


def test_a_build_freezes_once_its_site_is_made_and_releases_at_the_end(tmp_path, make_site, monkeypatch):
    site = make_site(tmp_path / "repo")
    frozen_while_building: list[int] = []
    real_freeze = LongLived.freeze

    def freeze(self):
        real_freeze(self)
        frozen_while_building.append(gc.get_freeze_count())

    monkeypatch.setattr(LongLived, "freeze", freeze)
    build_site(site.root, tmp_path / "site")
    assert len(frozen_while_building) == 1 and frozen_while_building[0] > 0
    assert gc.get_freeze_count() == 0
    assert (tmp_path / "site" / "claims" / "index.html").exists()


def test_a_build_that_fails_after_the_freeze_releases_too(tmp_path, make_site, monkeypatch):
    site = make_site(tmp_path / "repo")
    frozen_when_it_failed: list[int] = []

    def fail(self, *args, **kwargs):
        frozen_when_it_failed.append(gc.get_freeze_count())
        raise RuntimeError("a theme error while building the pages")

    monkeypatch.setattr(plugin_module.FactcheckPlugin, "on_page_markdown", fail)
    with pytest.raises(Exception, match="a theme error"):
        build_site(site.root, tmp_path / "site")
    assert frozen_when_it_failed and frozen_when_it_failed[0] > 0  # the failure came after the freeze
    assert gc.get_freeze_count() == 0
