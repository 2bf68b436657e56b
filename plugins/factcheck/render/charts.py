"""Pictures drawn at build time as inline SVG: the verdicts of a set of claims, and a timeline.

No JavaScript and no chart library: each chart is a ``<figure>`` holding an ``<svg
role="img">`` with a ``<title>`` and an ``aria-label`` that say what it shows in words. The
same numbers are always on the page next to it, as a table or a list, for readers who
cannot see the picture and for search. Every piece of text goes through ``markup.html_text``.

Charts are drawn on a fixed ``viewBox`` and scale with the width of the column, up to a
maximum width set by the stylesheet, so they stay legible on a 360-pixel phone (text at 12 px or more).
Colours come from the stylesheet (``fc-bar--<verdict>``), never from attributes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

from ..core.analyse import Site
from ..core.model import Claim, QuoteUse
from ..core.values import describe
from . import html as h
from . import markup
from .labels import label

WIDTH = 328  # viewBox width: one unit is one pixel in the column of a 360-pixel phone (the CSS max-width
# decides the size on larger screens), so FONT reads at 12 px or more on the narrowest phone
FONT = 13  # font size in viewBox units
LABEL_CHARS = 18  # longer labels are cut with an ellipsis inside the picture (never in the table)


def _cut(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _svg(height: int, alternative: str, body: Iterable[str], width: int = WIDTH) -> str:
    alt = markup.html_text(alternative)
    return (
        f'<svg class="fc-chart__svg" role="img" aria-label="{alt}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{alt}</title>" + "".join(body) + "</svg>"
    )


def _figure(kind: str, svg: str) -> str:
    """The chart as one raw HTML block (no blank lines), kept out of the search index."""
    return f'<figure class="fc-chart fc-chart--{kind}" data-search-exclude>\n{svg}\n</figure>'


# ---------------------------------------------------------------------------
# Verdict breakdown


@dataclass(frozen=True)
class VerdictCount:
    key: str
    label: str
    count: int


def verdict_tally(site: Site, claims: Sequence[Claim]) -> list[VerdictCount]:
    """How many of the claims got each verdict of the scale, in the scale's order (zeros kept)."""
    counts = Counter(claim.verdict for claim in claims)
    return [VerdictCount(r.key, r.label, counts.get(r.key, 0)) for r in site.corpus.scale.ratings]


def verdict_chart(tally: Sequence[VerdictCount], subject: str) -> str:
    """A horizontal bar per verdict: its label, a bar as long as its count, and the count."""
    row, bar, left, right = 26, 16, 118, WIDTH - 34
    most = max((t.count for t in tally), default=0) or 1
    body = []
    for index, item in enumerate(tally):
        y = 6 + index * row
        length = round((right - left) * item.count / most)
        name = markup.html_text(_cut(item.label))
        body.append(
            f'<text class="fc-chart__label" x="{left - 8}" y="{y + bar - 3}" text-anchor="end" font-size="{FONT}">{name}</text>'
            f'<rect class="fc-bar fc-bar--{item.key}" x="{left}" y="{y}" width="{max(length, 0)}" height="{bar}" rx="2"></rect>'
            f'<text class="fc-chart__value" x="{left + length + 6}" y="{y + bar - 3}" font-size="{FONT}">{item.count}</text>'
        )
    total = sum(t.count for t in tally)
    words = "; ".join(f"{t.label}: {t.count}" for t in tally)
    alternative = f"{subject}. {markup.plural(total, 'claim')}: {words}."
    return _figure("verdicts", _svg(12 + len(tally) * row, alternative, body))


# ---------------------------------------------------------------------------
# Timeline of dated events


@dataclass(frozen=True)
class DatedEvent:
    """Something the quotes date: one subject on one span of days, and the quotes that state it."""

    start: date
    end: date
    title: str  # what it is: the subject's title, else the claim's short form
    uses: tuple[QuoteUse, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources that state it, in first-seen order."""
        return tuple(dict.fromkeys(use.quote.source for use in self.uses))

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(use.claim for use in self.uses))


def dated_events(site: Site) -> list[DatedEvent]:
    """Every dated value the verified quotes carry, grouped by subject and span, earliest first."""
    groups: dict[tuple[str, date, date], list[QuoteUse]] = {}
    titles: dict[tuple[str, date, date], str] = {}
    for use in site.uses:
        value = use.value
        if value is None or not value.is_date or value.start is None or value.end is None:
            continue
        subject = use.quote.subject
        key = (subject or f"claim:{use.claim}", value.start, value.end)
        groups.setdefault(key, []).append(use)
        if key not in titles:
            titles[key] = site.corpus.subject(subject).title if subject else site.claim_by_id[use.claim].short
    events = [DatedEvent(key[1], key[2], titles[key], tuple(uses)) for key, uses in groups.items()]
    return sorted(events, key=lambda e: (e.start, e.end, e.title.casefold()))


def short_span(start: date, end: date) -> str:
    """A compact date for the picture: "17 Jan 2025", "Jan 2025", "11–20 Aug 2025"."""
    def day(d: date, year: bool = True) -> str:
        return f"{d.day} {d.strftime('%b')}" + (f" {d.year}" if year else "")

    if start == end:
        return day(start)
    next_day = end + timedelta(days=1)
    if start.day == 1 and next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
        return f"{start.strftime('%b')} {start.year}"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{end.day} {start.strftime('%b')} {start.year}"
    if start.year == end.year:
        return f"{day(start, year=False)}\u2013{day(end)}"
    return f"{day(start)}\u2013{day(end)}"


def _ticks(first: date, last: date) -> list[date]:
    """First days of months inside the span, thinned to at most six."""
    months = []
    cursor = date(first.year, first.month, 1)
    while cursor <= last:
        if cursor >= first:
            months.append(cursor)
        cursor = date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
    step = max(1, -(-len(months) // 6))
    return months[::step]


def timeline_chart(events: Sequence[DatedEvent], subject: str) -> str:
    """One row per event: its number, date and name written on the row, above a mark (a dot or a
    bar) on a shared time axis."""
    width, font = WIDTH, FONT
    left, right, top, row = 8, width - 8, 34, 46
    first = min(e.start for e in events)
    last = max(e.end for e in events) + timedelta(days=1)
    days = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(left + (right - left) * (day - first).days / days, 1)

    height = top + row * len(events) + 4
    body = [f'<line class="fc-chart__axis" x1="{left}" y1="{top - 8}" x2="{right}" y2="{top - 8}"></line>']
    ticks = _ticks(first, last)
    for number, tick in enumerate(ticks):
        text = tick.strftime("%b") + (f" {tick.year}" if tick.month == 1 or tick == ticks[0] else "")
        anchor = "start" if number == 0 and x(tick) - left < 30 else "end" if right - x(tick) < 30 else "middle"
        body.append(
            f'<line class="fc-chart__grid" x1="{x(tick)}" y1="{top - 12}" x2="{x(tick)}" y2="{height - 4}"></line>'
            f'<text class="fc-chart__tick" x="{x(tick)}" y="{top - 16}" text-anchor="{anchor}" font-size="{font}">{markup.html_text(text)}</text>'
        )
    chars = int((right - left) / (font * 0.56))  # what fits on the row in an average sans-serif
    for index, event in enumerate(events):
        y = top + index * row
        count = markup.plural(len(event.sources), "source")
        name = markup.html_text(_cut(f"{index + 1}. {short_span(event.start, event.end)} · {event.title} ({count})", chars))
        body.append(f'<text class="fc-chart__label" x="{left}" y="{y + font + 2}" font-size="{font}">{name}</text>')
        start, end = x(event.start), x(event.end + timedelta(days=1))
        mark = y + font + 16
        if end - start < 8:
            body.append(f'<circle class="fc-mark" cx="{round((start + end) / 2, 1)}" cy="{mark}" r="5"></circle>')
        else:
            body.append(f'<rect class="fc-mark" x="{start}" y="{mark - 5}" width="{round(end - start, 1)}" height="10" rx="3"></rect>')
    words = "; ".join(
        f"{index + 1}. {describe_span(e)}: {e.title}, {markup.plural(len(e.sources), 'source')}" for index, e in enumerate(events)
    )
    return _figure("timeline", _svg(height, f"{subject}. {words}.", body, width))


def describe_span(event: DatedEvent) -> str:
    return describe(event.uses[0].value) if event.uses and event.uses[0].value else short_span(event.start, event.end)


def timeline(site: Site, from_page: str) -> list:
    """The timeline section: the picture, then the same events as a numbered list with their sources
    (a heading and HTML blocks: render/html.py)."""
    events = dated_events(site)
    if not events:
        return []
    items = []
    for event in events:
        first_use: dict[str, QuoteUse] = {}
        for use in event.uses:
            first_use.setdefault(use.quote.source, use)
        sources = ", ".join(
            h.a(h.esc(site.source(source_id).title), site.urls.href(from_page, site.urls.source(source_id), use.anchor))
            for source_id, use in first_use.items()
        )
        claims = ", ".join(
            h.a(h.esc(site.claim_by_id[c].short), site.urls.href(from_page, site.urls.claim(c))) for c in event.claims
        )
        items.append(
            f"<li><strong>{h.esc(describe_span(event))}</strong>: {h.esc(event.title)}. "
            f"{h.esc(label('stated_by'))}: {sources}. {h.esc(label('claims'))}: {claims}.</li>"
        )
    return [
        h.Heading(f"## {label('timeline')}"),
        h.p(h.esc(label("timeline_intro"))),
        timeline_chart(events, label("timeline")),
        "<ol>\n" + "\n".join(items) + "\n</ol>",
    ]


def verdict_meter(site: Site, rating_key: str) -> str:
    """The rating's place on the scale: one segment per rating with a value, worst to best, drawn in
    the ratings' colours, the claim's own raised and marked. The same words are in a sentence
    beside it (the text equivalent); a rating off the scale (such as "unverifiable") says so."""
    scale = site.corpus.scale
    steps = sorted(scale.numeric, key=lambda r: (r.value, r.key))
    rating = scale.get(rating_key)
    if rating is None or len(steps) < 2:
        return ""
    if rating.value is None:
        words = label("meter_off_scale").format(rating=rating.label)
        return f'<p class="fc-meter__text">{markup.html_text(words)}</p>'
    place = next(i for i, r in enumerate(steps) if r.key == rating.key) + 1
    words = label("meter_position").format(
        rating=rating.label, place=place, count=len(steps), worst=steps[0].label, best=steps[-1].label)
    gap, width, height = 4, 300, 28
    segment = (width - gap * (len(steps) - 1)) / len(steps)
    shapes = []
    for index, step in enumerate(steps):
        x = index * (segment + gap)
        own = step.key == rating.key
        y, h = (0, height - 6) if own else (8, height - 14)
        shapes.append(
            f'<rect class="fc-bar--{step.key}{" fc-meter__own" if own else " fc-meter__other"}" '
            f'x="{x:.1f}" y="{y}" width="{segment:.1f}" height="{h}" rx="3"/>')
        if own:
            shapes.append(f'<path class="fc-meter__pointer" d="M{x + segment / 2 - 6:.1f} {height} h12 l-6 -6 z"/>')
    alt = markup.html_text(words)
    # The picture repeats the sentence below it, which screen readers read instead.
    svg = (
        f'<svg class="fc-meter__svg" aria-hidden="true" focusable="false" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMid meet" xmlns="http://www.w3.org/2000/svg">'
        + "".join(shapes) + "</svg>"
    )
    ends = (f'<span class="fc-meter__ends" aria-hidden="true"><span>{markup.html_text(steps[0].label)}</span>'
            f'<span>{markup.html_text(steps[-1].label)}</span></span>')
    return f'<div class="fc-meter fc-chart">{svg}{ends}<p class="fc-meter__text">{alt}</p></div>'
