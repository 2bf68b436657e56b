"""What a run needs to know, independent of MkDocs: where things are and who publishes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .load import MAX_FILE_BYTES
from .model import Scale
from .scale import DEFAULT_SCALE


@dataclass(frozen=True)
class Settings:
    root: Path  # the repository (the folder of mkdocs.yml); nothing outside it is read
    claims_dir: str = "claims"
    sources_dir: str = "sources"
    people_file: str = "people.yaml"
    subjects_file: str = "subjects.yaml"
    url_prefix: str = ""  # folder of the generated pages inside the site, e.g. "factcheck"
    scale: Scale = DEFAULT_SCALE
    site_name: str = "Fact checks"
    site_url: str = ""
    publisher_name: str = ""
    publisher_url: str = ""
    publisher_logo: str = ""
    data_license: str = "https://creativecommons.org/licenses/by/4.0/"
    language: str = "en"
    max_file_bytes: int = MAX_FILE_BYTES
    feed_entries: int = 100  # the newest entries the Atom feed holds; 0: all
    not_yet_checked: bool = False  # a "Not yet checked" section on each source page (factcheck suggest's coverage)
    transparency_pages: tuple[tuple[str, str], ...] = field(default=())  # (role, docs path) pairs; see transparency.py

    def __post_init__(self) -> None:
        # Who publishes, unless told: the site itself. One rule for the plugin and the commands,
        # so `factcheck build-pages` exports what the site publishes.
        if not self.publisher_name:
            object.__setattr__(self, "publisher_name", self.site_name)
        if not self.publisher_url:
            object.__setattr__(self, "publisher_url", self.site_url)

    def path(self, relative: str) -> Path:
        return self.root / relative
