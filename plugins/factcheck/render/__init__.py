"""Rendering: the analysed site as Markdown pages and data files (``site.py`` makes them all).

Importing a renderer does not import the others: ``factcheck validate`` renders nothing, and
needs only the ClaimReview checks of ``jsonld.py``.
"""

from .output import Asset, DataFile, Page

__all__ = ["Asset", "DataFile", "Page"]
