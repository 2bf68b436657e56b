"""The plugin's options, declared once with MkDocs' own config classes.

`FactcheckConfig` is the one declaration (name, type; defaults from `Settings`, which the core
reads without MkDocs). The plugin (`on_config`) and every `factcheck` command build their
`Settings` from it through `settings_from_options`, and the command line checks mkdocs.yml's
options with it (`checked_options`), so a bad value is the same error in both. Every option is
documented in manual/docs/reference/options.md; a test fails when one is not, or when that page
documents one that is not here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Optional

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.problems import Problem
from ..core.scale import scale_from_options
from ..core.settings import Settings
from ..core.transparency import pairs


class RatingOption(base.Config):
    key = c.Type(str)
    label = c.Type(str)
    definition = c.Type(str, default="")
    colour = c.Type(str, default="#52525b")
    value = c.Optional(c.Type(int))


class FactcheckConfig(base.Config):
    claims_dir = c.Type(str, default=Settings.claims_dir)
    sources_dir = c.Type(str, default=Settings.sources_dir)
    people_file = c.Type(str, default=Settings.people_file)
    subjects_file = c.Type(str, default=Settings.subjects_file)
    url_prefix = c.Type(str, default=Settings.url_prefix)
    ratings = c.Optional(c.ListOfItems(c.SubConfig(RatingOption)))  # Settings.scale
    publisher_name = c.Type(str, default=Settings.publisher_name)
    publisher_url = c.Type(str, default=Settings.publisher_url)
    publisher_logo = c.Type(str, default=Settings.publisher_logo)
    data_license = c.Type(str, default=Settings.data_license)
    language = c.Type(str, default=Settings.language)
    max_file_bytes = c.Type(int, default=Settings.max_file_bytes)
    feed_entries = c.Type(int, default=Settings.feed_entries)
    not_yet_checked = c.Type(bool, default=Settings.not_yet_checked)
    transparency_pages = c.Type(dict, default={})  # Settings.transparency_pages, as (role, path) pairs
    # Read by the MkDocs adapter or a single command, not by the core:
    search_worker = c.Type(bool, default=True)  # see render/search_worker.py
    repository_facts = c.Type(bool, default=False)  # Material's stars/forks, fetched by the reader's browser
    import_ratings = c.Type(dict, default={})  # label of another scale -> rating key; see import_claimreview.py


# Options read only at the edge (plugin.py, import_claimreview.py), not copied into Settings.
ADAPTER_OPTIONS = frozenset({"search_worker", "repository_facts", "import_ratings"})


def settings_from_options(options: FactcheckConfig, *, root: Path, site_name: str, site_url: str) -> Settings:
    """The run's Settings from validated options: the one mapping, used by the plugin and the commands."""
    copied = {
        name: options[name] for name, _ in FactcheckConfig._schema
        if name not in ADAPTER_OPTIONS and name not in ("ratings", "transparency_pages", "url_prefix")
    }
    ratings = options["ratings"]
    return Settings(
        root=root, site_name=site_name, site_url=site_url,
        scale=scale_from_options([dict(r) for r in ratings] if ratings else None),
        url_prefix=options["url_prefix"].strip("/"),
        transparency_pages=pairs(options["transparency_pages"]),
        **copied,
    )


def checked_options(raw: Mapping[str, Any], config_file: Path) -> tuple[FactcheckConfig, list[Problem]]:
    """The plugin's options as mkdocs.yml gives them, validated as MkDocs validates them.

    Each error and warning is a Problem at the option's line in mkdocs.yml, with MkDocs' own
    message (what `mkdocs build` says after "Plugin 'factcheck' option ...").
    """
    options = FactcheckConfig(config_file_path=str(config_file))
    options.load_dict(dict(raw))
    failed, warned = options.validate()
    if not failed and not warned:
        return options, []
    lines = _option_lines(config_file)
    hint = "the options reference of the manual gives each option's type and default"
    problems = [
        Problem(config_file.name, *lines.get(name, (1, 1)), f"plugins.factcheck.{name}", str(error), hint, severity)
        for severity, found in (("error", failed), ("warning", warned))
        for name, error in found
    ]
    return options, problems


def _option_lines(config_file: Path) -> dict[str, tuple[int, int]]:
    """Option name -> (line, column) of its key under the factcheck plugin in mkdocs.yml.

    Composing builds nodes without constructing them, so Material's ``!!python/name`` tags are harmless.
    """
    try:
        root = yaml.compose(config_file.read_text("utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    plugins = _value(root, "plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins]
    for entry in entries:
        options = _value(entry, "factcheck")
        if isinstance(options, yaml.MappingNode):
            return {key.value: (key.start_mark.line + 1, key.start_mark.column + 1) for key, _ in options.value}
    return {}


def _value(node: Optional[yaml.Node], key: str) -> Optional[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None
