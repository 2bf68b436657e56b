"""The manual's one MkDocs hook: the fact-check site's fixes to Material's partials apply here too.

MkDocs takes one ``custom_dir``; the manual's is the folder of partials that call no other host
(``templates/quiet``). This adds, in front of it, the folder of accessibility fixes
(``templates/overrides``: the search dialog's name), so both sites share one copy of each.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "plugins" / "factcheck" / "templates"


def on_config(config):
    config.theme.dirs.insert(0, str(TEMPLATES / "overrides"))
    return config
