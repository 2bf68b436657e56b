"""What the contributor tests share: a copy of the small site as a newcomer's repository has it.

A repository has the pages the plugin expects of a fact-checker (methodology, corrections
policy, how to contribute, about); without them the plugin warns, and a strict build fails.
"""

from __future__ import annotations

from pathlib import Path

PAGES = {
    "methodology.md": "# Methodology\n\nHow claims are chosen and checked.\n",
    "corrections-policy.md": "# Corrections policy\n\nHow errors are corrected.\n",
    "contribute.md": "# Contribute\n\nHow to propose a claim.\n",
    "about.md": "# About\n\nWho runs the site.\n",
}

# A claim on a passage of the fixture's newsletter that no fixture claim quotes.
NEW_CLAIM = [
    "--claim", "Chinese students are about a quarter of all foreign students in the US.",
    "--source", "newsletter",
    "--quote", "accounting for about a quarter of all foreign students in the country",
    "--verdict", "true",
    "--conclusion", "The Open Doors count agrees.",
    "--explanation", "The Institute of International Education counted 277,398 of 1.1 million.\n\nSee its report.",
    "--topic", "Education",
    "--published", "2025-06-05",
]


def newcomer_site(make_site, folder: Path):
    return make_site(folder, docs=PAGES)
