"""The whole run as plain functions: load → validate → analyse → render."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from ..render import Asset, DataFile, Page
from ..render.jsonld import claimreview_problems
from .analyse import Site, analyse
from .duplicates import DuplicateSearch
from .problems import Problem, errors, place_in_text
from .reuse import kept_results
from .scale import scale_problems
from .settings import Settings
from .urls import Urls
from .validate import build_corpus, claim_texts, load_all


@dataclass(frozen=True)
class Checked:
    """The analysed site when the input is clean, and every problem found either way."""

    site: Optional[Site]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.site is not None and not errors(self.problems)


def check(settings: Settings, urls: Optional[Urls] = None) -> Checked:
    checked = _checked(settings, urls)
    if any(p.words_before is not None for p in checked.problems):  # only when a quote was not found
        return Checked(checked.site, tuple(place_in_text(checked.problems, settings.root)))
    return checked


def _checked(settings: Settings, urls: Optional[Urls] = None) -> Checked:
    """Load, validate and analyse: the start of a run (of a build, or of each rebuild while serving)."""
    kept_results.new_run()
    with collection_paused():
        return _check(settings, urls)


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while the site is read and checked, as before afterwards.

    The run builds many small objects that it keeps (documents, records, indexes) and none that
    are cyclic garbage, so each full collection would only walk them again (figures: CHANGELOG).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check(settings: Settings, urls: Optional[Urls]) -> Checked:
    problems: list[Problem] = [
        Problem("mkdocs.yml", 1, 1, "plugins.factcheck.ratings", message, "see the options reference")
        for message in scale_problems(settings.scale)
    ]
    if problems:
        return Checked(None, tuple(problems))
    loaded, found = load_all(settings)
    problems += found
    duplicates = DuplicateSearch(claim_texts(loaded.claims))
    corpus, found = build_corpus(loaded, settings)
    problems += found
    if corpus is None or errors(problems):
        return Checked(None, tuple(problems))
    site, found = analyse(corpus, settings, urls)
    problems += found
    if site is not None:
        problems += claimreview_problems(site)
        problems += duplicates.problems(site.claims, site.uses)
    return Checked(site if not errors(problems) else None, tuple(problems))


def render(site: Site) -> tuple[list[Page], list[Asset]]:
    """Every page and every other file, made now."""
    from ..render.site import render_assets, render_pages  # here: a run that only checks never loads the renderers

    return render_pages(site), render_assets(site)


def keep_between_runs() -> None:
    """For a long ``mkdocs serve``: results that repeat from run to run are kept (reuse.py)."""
    kept_results.start()


def stop_keeping() -> None:
    """The end of a ``mkdocs serve``: let go of everything kept between runs."""
    kept_results.stop()


def render_deferred(site: Site) -> tuple[list[Page], list[DataFile]]:
    """The pages now, the other files (exports, feed) each made only when it is written."""
    from ..render.site import data_files, render_pages

    return render_pages(site), data_files(site)
