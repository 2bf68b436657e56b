"""What `factcheck build-pages` writes beside the pages, so that plain MkDocs builds the export
as it is: a ``mkdocs.yml`` without the plugin, the plugin's templates as the theme's
``custom_dir``, the site's own pages, and a note saying what the folder is.

The layout of the export (``OUT`` is the folder given with ``--out``)::

    OUT/mkdocs.yml        the configuration: Material, the templates, the stylesheet and script
    OUT/overrides/        the plugin's templates (claim pages name factcheck/claim.html)
    OUT/docs/             the generated pages and data files, and the site's own pages
    OUT/README.md         the note; the home page (docs/index.md) ends with it too, as a comment
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterator

from ..core.settings import Settings
from ..core.urls import Urls
from ..render.claims_filter import SCRIPT as CLAIMS_FILTER_SCRIPT
from ..render.head import TEMPLATES_DIR

# The Markdown extensions the generated pages are written for (the plugin adds the same).
EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
OVERRIDES = "overrides"
DOCS = "docs"

NOTE = (
    "Exported by `factcheck build-pages` from the fact-check site {site_name!r}. Build it with plain "
    "MkDocs and Material, without the factcheck plugin: `mkdocs build` in this folder. "
    "`mkdocs.yml` names the plugin's templates (`overrides/`), its stylesheet and script; "
    "`docs/` holds the generated pages, the data files and the site's own pages. "
    "Re-export rather than editing the generated pages: they are rewritten on each export."
)


@dataclass(frozen=True)
class ExportFile:
    path: PurePosixPath  # inside the export folder
    data: bytes


def note(settings: Settings) -> str:
    return NOTE.format(site_name=settings.site_name)


def configuration(settings: Settings) -> str:
    """The export's mkdocs.yml: JSON strings are YAML strings, so every value is quoted safely."""
    urls = Urls(prefix=settings.url_prefix, site_url=settings.site_url)
    lines = [
        "# " + note(settings).replace("\n", " "),
        f"site_name: {json.dumps(settings.site_name)}",
        *([f"site_url: {json.dumps(settings.site_url)}"] if settings.site_url else []),
        f"docs_dir: {DOCS}",
        "theme:",
        "  name: material",
        f"  custom_dir: {OVERRIDES}",
        "markdown_extensions:",
        *[f"  - {name}" for name in EXTENSIONS],
        "extra_css:",
        f"  - {json.dumps(urls.data_file('assets/factcheck.css'))}",
        "extra_javascript:",
        f"  - {json.dumps(urls.data_file(CLAIMS_FILTER_SCRIPT))}",
    ]
    return "\n".join(lines) + "\n"


def templates() -> Iterator[ExportFile]:
    for path in sorted(TEMPLATES_DIR.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield ExportFile(PurePosixPath(OVERRIDES) / path.relative_to(TEMPLATES_DIR).as_posix(), path.read_bytes())


def own_pages(settings: Settings, docs_dir: str, generated: set[str]) -> Iterator[ExportFile]:
    """The site's own files under its docs folder (home, methodology, ...), where no generated
    file takes their place; links and files outside the repository are left out."""
    root = settings.root.resolve()
    folder = (root / docs_dir).resolve()
    if not folder.is_dir() or not folder.is_relative_to(root):
        return
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink() or not path.is_file() or relative in generated or any(part.startswith(".") for part in PurePosixPath(relative).parts):
            continue
        yield ExportFile(PurePosixPath(DOCS) / relative, path.read_bytes())


def with_note_at_the_end(index: bytes, settings: Settings) -> bytes:
    """The home page, ending with the note as an HTML comment (for whoever builds it, not for readers)."""
    comment = "\n\n<!-- " + note(settings).replace("--", "- -") + " -->\n"
    return index.rstrip(b"\n") + comment.encode("utf-8")


def project(settings: Settings, docs_dir: str, generated: set[str]) -> list[ExportFile]:
    """Every file of the export besides the generated pages and data files (which go under docs/)."""
    files = [
        ExportFile(PurePosixPath("mkdocs.yml"), configuration(settings).encode("utf-8")),
        ExportFile(PurePosixPath("README.md"), f"# Exported fact-check pages\n\n{note(settings)}\n".encode("utf-8")),
        *templates(),
    ]
    pages = list(own_pages(settings, docs_dir, generated))
    index = PurePosixPath(DOCS) / "index.md"
    if not any(page.path == index for page in pages) and "index.md" not in generated:
        pages.append(ExportFile(index, f"# {settings.site_name}\n".encode("utf-8")))
    files += [ExportFile(page.path, with_note_at_the_end(page.data, settings)) if page.path == index else page for page in pages]
    return files
