"""The filters of the all-claims page: by verdict, topic, source and person, and sorting by date.

The page stays a plain Markdown table (MkDocs resolves and checks its links); what the
script ``assets/claims-filter.js`` needs is added as data, built here:

- each row's first cell holds an empty ``<span class="fc-row" hidden>`` whose ``data-*``
  attributes give the claim's verdict, topics, sources, people and date (keys and slugs
  only, escaped all the same); the script copies them onto the row;
- a ``<form>`` with one ``<select>`` per filter, its options written here in the site's
  language, ``hidden`` until the script runs, so a reader without JavaScript sees only
  the table. The form is kept out of the search index.

The script keeps the chosen filters in the page's address (``?verdict=false&topic=...``),
so a filtered view can be shared and survives a reload.
"""

from __future__ import annotations

from importlib import resources
from typing import Iterable

from ..core.analyse import Site
from ..core.model import Claim
from ..core.validate import topic_slug
from . import markup
from .labels import label

SCRIPT = "assets/claims-filter.js"  # the generated asset, relative to the generated pages' folder
FILTERS = ("verdict", "topic", "source", "person")  # the query-string parameters, also the select names


def script() -> str:
    """The filter script, shipped with the package and copied to the site as a generated asset."""
    return resources.files("factcheck").joinpath(SCRIPT).read_text(encoding="utf-8")


def row_data(site: Site, claim: Claim) -> str:
    """The hidden span carrying a claim's filterable facts, for its row of the claims table."""
    people = dict.fromkeys([claim.claimant, *claim.people])
    facts = {
        "verdict": claim.verdict,
        "topic": " ".join(dict.fromkeys(topic_slug(name) for name in claim.topics)),
        "source": " ".join(claim.sources),
        "person": " ".join(key for key in people if key in site.corpus.person_by_key),
        "date": markup.iso(claim.claimed or claim.published),
    }
    attributes = " ".join(f'data-{name}="{markup.html_text(value)}"' for name, value in facts.items())
    return f'<span class="fc-row" hidden {attributes}></span>'


def _select(name: str, caption: str, options: Iterable[tuple[str, str]], any_label: str | None) -> str:
    choices = [f'<option value="">{markup.html_text(any_label)}</option>'] if any_label is not None else []
    choices += [f'<option value="{markup.html_text(value)}">{markup.html_text(text)}</option>' for value, text in options]
    return (
        f'<div class="fc-filters__field"><label for="fc-filter-{name}">{markup.html_text(caption)}</label>'
        f'<select id="fc-filter-{name}" name="{name}">{"".join(choices)}</select></div>'
    )


def filter_form(site: Site) -> str:
    """The filter controls, as one raw HTML block, hidden until the script shows them."""
    every = label("filter_any")
    verdicts = [(r.key, r.label) for r in site.corpus.scale.ratings if site.claims_by_verdict.get(r.key)]
    topics = [(t.slug, t.name) for t in sorted(site.topics.values(), key=lambda t: t.name.casefold())]
    sources = [
        (s.id, f"{s.publisher}: {s.title}" if s.publisher and s.publisher != "unknown" else s.title)
        for s in sorted(site.corpus.sources, key=lambda s: (s.published, s.id), reverse=True)
        if site.claims_by_source.get(s.id)
    ]
    people = [(key, site.corpus.person_by_key[key].name) for key in site.person_keys()]
    fields = [
        _select("verdict", label("verdict"), verdicts, every),
        _select("topic", label("topic"), topics, every),
        _select("source", label("source"), sources, every),
        _select("person", label("person"), people, every),
        _select("sort", label("sort"), [("newest", label("sort_newest")), ("oldest", label("sort_oldest"))], None),
    ]
    status = markup.html_text(label("filter_status"))
    return (
        f'<form class="fc-filters" data-fc-filters data-search-exclude hidden aria-label="{markup.html_text(label("filter_intro"))}" '
        f'data-status="{status}">\n'
        + "\n".join(fields)
        + f'\n<button type="reset" class="md-button fc-filters__reset">{markup.html_text(label("filter_reset"))}</button>\n'
        '<p class="fc-filters__status" role="status" aria-live="polite" data-fc-status></p>\n'
        "</form>"
    )
