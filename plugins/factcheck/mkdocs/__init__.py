"""The MkDocs adapter: MkDocs' events wired to the core and the renderers, and nothing else.

- ``plugin.FactcheckPlugin``: the ``factcheck`` plugin of ``mkdocs.yml`` (the entry point).
- ``config.FactcheckConfig``: every option, declared once; ``config.settings_from_options``
  turns them into the core's ``Settings`` for the plugin and the commands alike.
- ``site_files``: how each generated page and file is handed to MkDocs (``File.generated``).
- ``serve_watch``: what ``mkdocs serve`` watches and which rebuilds may be partial.

(Inside this package, ``import mkdocs`` still means MkDocs itself: imports are absolute.)
"""
