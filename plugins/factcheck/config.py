"""The plugin's options in mkdocs.yml, declared with MkDocs' own config classes.

Every option is documented in manual/docs/reference/options.md; a test fails when one is not.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .load import MAX_FILE_BYTES


class RatingOption(base.Config):
    key = c.Type(str)
    label = c.Type(str)
    definition = c.Type(str, default="")
    colour = c.Type(str, default="#52525b")
    value = c.Optional(c.Type(int))


class FactcheckConfig(base.Config):
    claims_dir = c.Type(str, default="claims")
    sources_dir = c.Type(str, default="sources")
    people_file = c.Type(str, default="people.yaml")
    subjects_file = c.Type(str, default="subjects.yaml")
    url_prefix = c.Type(str, default="")
    ratings = c.Optional(c.ListOfItems(c.SubConfig(RatingOption)))
    publisher_name = c.Type(str, default="")
    publisher_url = c.Type(str, default="")
    publisher_logo = c.Type(str, default="")
    data_license = c.Type(str, default="https://creativecommons.org/licenses/by/4.0/")
    language = c.Type(str, default="en")
    max_file_bytes = c.Type(int, default=MAX_FILE_BYTES)
    feed_entries = c.Type(int, default=100)  # see render/feed.py
    search_worker = c.Type(bool, default=True)  # see render/search_worker.py and manual/docs/reference/search.md
    not_yet_checked = c.Type(bool, default=False)  # a "Not yet checked" section on source pages; see suggest.py
    repository_facts = c.Type(bool, default=False)  # Material's stars/forks, fetched from the code host by the reader's browser
    transparency_pages = c.Type(dict, default={})  # role -> docs path; see transparency.py
    import_ratings = c.Type(dict, default={})  # label of another scale -> rating key; see import_claimreview.py
