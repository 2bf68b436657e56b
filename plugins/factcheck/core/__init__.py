"""The core: load, check and analyse a fact-check site's files, with no MkDocs.

What the other rooms use (import it from its module; this package imports nothing, so that a
command loads only the modules it needs):

- ``pipeline.check(settings)``: steps 1 to 3 (load, check, analyse) into a ``Checked``, with
  every problem at once; ``pipeline.render_deferred(site)``: step 4's pages and data files.
- ``settings.Settings``: what a run is told (folders, limits, the rating scale).
- ``model``: the frozen records (``Claim``, ``Source``, ``Person``, ``QuoteUse``, ``Corpus``).
- ``analyse.Site``: the analysed corpus and its indexes, the input of every renderer.
- ``problems.Problem``: one located problem (file, line, field, what was expected, the fix).
- ``urls.Urls``: the one place that decides addresses.
- ``reuse``: results kept between the rebuilds of a long ``mkdocs serve``.
- ``safe_files``: reading and writing without following links.

Importing any module here loads no MkDocs module (``tests/test_reference_docs.py``).
"""
