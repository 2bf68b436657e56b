"""The run as a whole (factcheck.pipeline): what check() leaves behind."""

from __future__ import annotations

import gc

from factcheck.pipeline import collection_paused


def test_check_runs_without_cyclic_collections_and_restores_them(make_site, tmp_path, claim_data):
    site = make_site(tmp_path, claims={"another": claim_data()})
    seen = []
    gc.callbacks.append(lambda phase, info: seen.append(phase))
    try:
        assert gc.isenabled()
        checked = site.check()
        assert checked.ok
        assert gc.isenabled()
        gc.disable()
        site.check()
        assert not gc.isenabled()  # a caller that had them off keeps them off
    finally:
        gc.enable()
        gc.callbacks.pop()
    with collection_paused():
        seen.clear()
        garbage = [[] for _ in range(50_000)]  # enough new objects to trigger collections
        assert seen == [] and not gc.isenabled()
    assert gc.isenabled() and garbage


def test_collections_come_back_after_a_failure():
    try:
        with collection_paused():
            raise ValueError("a broken claim")
    except ValueError:
        pass
    assert gc.isenabled()
