"""`factcheck list` and `factcheck stats`: the claims at a glance, for editors.

Both read the analysed site (every check passed), so what they count is what the site shows.
Colour is used only on a terminal (see terminal.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, TextIO

from ..core.analyse import Site
from ..core.model import Claim
from ..core.problems import did_you_mean, format_text
from ..core.unsafe_text import visible
from ..core.validate import topic_slug
from .terminal import Paint, rating_style


@dataclass(frozen=True)
class Filters:
    verdict: Optional[str] = None  # a rating key
    topic: Optional[str] = None  # a topic's name or its slug
    source: Optional[str] = None  # a source id


class FilterError(ValueError):
    """A filter names something the site does not have."""


def configure_list(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verdict", help="only claims with this verdict (a rating key)")
    parser.add_argument("--topic", help="only claims on this topic (its name or its address slug)")
    parser.add_argument("--source", help="only claims that quote this source id")
    parser.set_defaults(run=_run_list)


def configure_stats(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(run=_run_stats)


def select(site: Site, filters: Filters) -> list[Claim]:
    """The claims matching every filter, newest first; FilterError names an unknown filter value."""
    claims: list[Claim] = list(site.claims)
    if filters.verdict is not None:
        keys = site.corpus.scale.keys
        if filters.verdict not in keys:
            raise FilterError(f"no rating {filters.verdict!r} on the scale ({', '.join(keys)})" + _hint(filters.verdict, keys))
        claims = [c for c in claims if c.verdict == filters.verdict]
    if filters.topic is not None:
        wanted = topic_slug(filters.topic)
        if wanted not in site.topics:
            names = [t.name for t in site.topics.values()]
            raise FilterError(f"no claim has the topic {filters.topic!r}" + _hint(filters.topic, names))
        ids = {c.id for c in site.claims_by_topic[wanted]}
        claims = [c for c in claims if c.id in ids]
    if filters.source is not None:
        if filters.source not in site.corpus.source_by_id:
            raise FilterError(f"no source has the id {filters.source!r}" + _hint(filters.source, site.corpus.source_by_id))
        claims = [c for c in claims if filters.source in c.sources]
    return claims


def list_lines(site: Site, claims: list[Claim], paint: Paint) -> list[str]:
    """One line per claim: verdict, id, headline, in aligned columns."""
    scale = site.corpus.scale
    labels = {c.id: visible(site.rating(c).label) for c in claims}
    ids = {c.id: visible(c.id) for c in claims}
    width_label = max((len(label) for label in labels.values()), default=0)
    width_id = max((len(shown) for shown in ids.values()), default=0)
    lines = []
    for claim in claims:
        rating = site.rating(claim)
        verdict = paint(labels[claim.id].ljust(width_label), rating_style(rating.value, scale.best, scale.worst))
        lines.append(f"{verdict}  {paint(ids[claim.id].ljust(width_id), 'bold')}  {visible(claim.short)}")
    return lines


@dataclass(frozen=True)
class Stats:
    """Claims counted three ways; a claim on two topics counts once under each."""

    total: int
    by_verdict: tuple[tuple[str, str, int], ...]  # (key, label, count), in the scale's order, zeros included
    by_topic: tuple[tuple[str, int], ...]  # (name, count), most first
    by_source: tuple[tuple[str, int], ...]  # (source id, count of claims quoting it), most first


def stats(site: Site) -> Stats:
    by_verdict = tuple((r.key, r.label, len(site.claims_by_verdict.get(r.key, ()))) for r in site.corpus.scale.ratings)
    by_topic = Counter({site.topics[key].name: len(claims) for key, claims in site.claims_by_topic.items()})
    by_source = Counter({source.id: len(site.claims_by_source.get(source.id, ())) for source in site.corpus.sources})
    order = lambda item: (-item[1], item[0])  # noqa: E731 - most first, then by name
    return Stats(
        total=len(site.claims), by_verdict=by_verdict,
        by_topic=tuple(sorted(by_topic.items(), key=order)), by_source=tuple(sorted(by_source.items(), key=order)),
    )


def stats_lines(site: Site, counted: Stats, paint: Paint) -> list[str]:
    scale = site.corpus.scale
    lines = [paint(f"{counted.total} claims", "bold"), "", paint("By verdict", "bold")]
    width = max((len(visible(label)) for _, label, _ in counted.by_verdict), default=0)
    for key, label, count in counted.by_verdict:
        rating = scale.get(key)
        style = rating_style(rating.value if rating else None, scale.best, scale.worst)
        lines.append(f"  {paint(visible(label).ljust(width), style)}  {count:>5}")
    for title, rows in (("By topic", counted.by_topic), ("By source", counted.by_source)):
        lines += ["", paint(title, "bold")]
        shown = [(visible(name), count) for name, count in rows]  # names written by contributors
        width = max((len(name) for name, _ in shown), default=0)
        lines += [f"  {name.ljust(width)}  {count:>5}" for name, count in shown] or ["  (none)"]
    return lines


# ----------------------------------------------------------------------------- commands


def _site(args: argparse.Namespace, err: TextIO) -> Optional[Site]:
    from .cli import settings_from_mkdocs_yml
    from ..core.pipeline import check

    checked = check(settings_from_mkdocs_yml(Path(args.config)))
    if checked.site is None:
        print(format_text(checked.problems), file=err)
        print(Paint.for_stream(err)("the claims cannot be listed until these errors are fixed (see factcheck validate)", "red"), file=err)
    return checked.site


def _run_list(args: argparse.Namespace) -> int:
    site = _site(args, sys.stderr)
    if site is None:
        return 1
    try:
        claims = select(site, Filters(verdict=args.verdict, topic=args.topic, source=args.source))
    except FilterError as error:
        print(Paint.for_stream(sys.stderr)(visible(f"error: {error}"), "red"), file=sys.stderr)
        return 2
    for line in list_lines(site, claims, Paint.for_stream(sys.stdout)):
        print(line)
    print(f"{len(claims)} of {len(site.claims)} claims", file=sys.stderr)
    return 0


def _run_stats(args: argparse.Namespace) -> int:
    site = _site(args, sys.stderr)
    if site is None:
        return 1
    for line in stats_lines(site, stats(site), Paint.for_stream(sys.stdout)):
        print(line)
    return 0


def _hint(value: str, choices) -> str:
    hint = did_you_mean(value, choices)
    return f"; {hint}" if hint else ""
