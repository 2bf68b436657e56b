"""mkdocs-factcheck: a static fact-check site generator for MkDocs."""

__version__ = "0.1.0"
