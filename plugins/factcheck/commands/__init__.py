"""The ``factcheck`` command: one module per command, each imported only when it runs.

- ``cli.main``: the entry point; ``validate``, ``build-pages`` and ``init`` live there, the
  others are listed in ``cli._COMMANDS_ELSEWHERE`` with the module that configures them.
- ``scaffold_claim`` (``new``), ``scaffold_source`` (``new-source``), ``scaffold`` (what they
  share), ``report`` (``list``, ``stats``), ``suggest_command`` (``suggest``),
  ``import_claimreview`` (``import-claimreview``), ``init_site`` (``init``),
  ``export_site`` (``build-pages``), ``terminal`` (coloured, escaped output).
"""
