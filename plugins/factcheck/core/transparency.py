"""The pages the IFCN Code of Principles expects a fact-checker to publish, checked at build time.

A signatory explains its methodology, publishes a corrections policy, defines its
ratings, tells readers how to submit a claim, and says who runs it and how to reach
them. The ``transparency_pages`` option maps each of these roles to a page of the docs
(given roles replace the defaults below; an empty path turns a role's check off). A missing page is a
warning, so ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from .problems import Problem, did_you_mean
from .settings import Settings
from .urls import Urls

RATING_DEFINITIONS = "rating_definitions"

# role -> (default docs path, what the page is for); "" = the generated rating scale page
ROLES: dict[str, tuple[str, str]] = {
    "methodology": ("methodology.md", "how claims are chosen and checked (methodology)"),
    "corrections_policy": ("corrections-policy.md", "how errors are corrected (corrections policy)"),
    RATING_DEFINITIONS: ("", "what each rating means (rating definitions)"),
    "submit_claim": ("contribute.md", "how readers can submit a claim to check"),
    "about": ("about.md", "who runs the site, who funds it and how to contact them"),
}


def transparency_pages(settings: Settings, urls: Urls) -> dict[str, str]:
    """Role -> docs path: the defaults, with the configured roles replacing them."""
    pages = {role: default or urls.verdicts_index() for role, (default, _) in ROLES.items()}
    pages.update(dict(settings.transparency_pages))
    return pages


def transparency_problems(settings: Settings, urls: Urls, docs_paths: Iterable[str]) -> list[Problem]:
    """A warning for each expected page missing from the docs (generated pages count), and for unknown roles."""
    present = set(docs_paths)
    found: list[Problem] = []
    for role, path in transparency_pages(settings, urls).items():
        field = f"plugins.factcheck.transparency_pages.{role}"
        if role not in ROLES:
            found.append(_warning(field, f"unknown role {role!r}; the roles are {', '.join(ROLES)}", did_you_mean(role, ROLES)))
            continue
        if path and path not in present:
            found.append(_warning(
                field, f"the IFCN Code of Principles expects a page on {ROLES[role][1]}; docs/{path} does not exist",
                f"write docs/{path}, or point transparency_pages.{role} at the page that covers it",
            ))
    return found


def _warning(field: str, message: str, hint: str) -> Problem:
    return Problem("mkdocs.yml", 1, 1, field, message, hint, severity="warning")


def pairs(mapping: Mapping[str, object] | None) -> tuple[tuple[str, str], ...]:
    """The option's mapping as Settings holds it: (role, path) pairs, a missing path as ""."""
    return tuple((str(role), str(path or "")) for role, path in (mapping or {}).items())
