"""Compare two built sites page by page, as a reader meets them: the text, the links and the anchors.

    python benchmarks/compare_sites.py SITE_BEFORE SITE_AFTER [--show 5]

For every HTML page of either site it compares the page's text (tags dropped, white space
collapsed, character references decoded), its links (address and text, in order) and its ids
(what a link can point to); and the search index (``search/search_index.json``: each entry's
location, title and text). It prints what differs, a few examples of each kind, and exits 1 when
anything does. Markup that changes nothing a reader sees or follows (attribute order, white
space between tags, ``'`` written as ``&#x27;``) is not a difference.
"""

from __future__ import annotations

import argparse
import json
import sys
from html.parser import HTMLParser
from pathlib import Path


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self._link: list[list] = []  # [href, text pieces] of the links being read
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "a" and "href" in attrs:
            self._link.append([attrs["href"] or "", []])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._link:
            href, pieces = self._link.pop()
            self.links.append((href, " ".join("".join(pieces).split())))

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        for link in self._link:
            link[1].append(data)


def read_page(path: Path) -> dict:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return {"text": " ".join("".join(reader.text).split()), "links": reader.links, "ids": sorted(reader.ids)}


def search_entries(site: Path) -> dict[str, tuple[str, str]]:
    index = site / "search" / "search_index.json"
    if not index.exists():
        return {}
    docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    return {doc["location"]: (" ".join(doc.get("title", "").split()), " ".join(doc.get("text", "").split())) for doc in docs}


def _first_difference(a: str, b: str, width: int = 60) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"...{a[max(0, at - width):at + width]!r}\n      ...{b[max(0, at - width):at + width]!r}"


def compare(before: Path, after: Path, show: int = 5) -> dict[str, list[str]]:
    pages_before = {p.relative_to(before).as_posix() for p in before.rglob("*.html")}
    pages_after = {p.relative_to(after).as_posix() for p in after.rglob("*.html")}
    found: dict[str, list[str]] = {"missing": sorted(pages_before - pages_after), "added": sorted(pages_after - pages_before),
                                   "text": [], "links": [], "ids": [], "search": []}
    for name in sorted(pages_before & pages_after):
        a, b = read_page(before / name), read_page(after / name)
        if a["text"] != b["text"]:
            found["text"].append(f"{name}\n      {_first_difference(a['text'], b['text'])}")
        if a["links"] != b["links"]:
            gone = [link for link in a["links"] if link not in b["links"]][:3]
            new = [link for link in b["links"] if link not in a["links"]][:3]
            found["links"].append(f"{name}: {len(a['links'])} -> {len(b['links'])} links; only before {gone}; only after {new}")
        if a["ids"] != b["ids"]:
            found["ids"].append(f"{name}: only before {sorted(set(a['ids']) - set(b['ids']))[:5]}; only after {sorted(set(b['ids']) - set(a['ids']))[:5]}")
    search_a, search_b = search_entries(before), search_entries(after)
    for location in sorted(set(search_a) | set(search_b)):
        if search_a.get(location) != search_b.get(location):
            x, y = search_a.get(location, ("", "")), search_b.get(location, ("", ""))
            found["search"].append(f"{location}: {_first_difference(' | '.join(x), ' | '.join(y))}")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=5, help="examples shown of each kind of difference")
    args = parser.parse_args(argv)
    found = compare(args.before, args.after)
    pages = len(list(args.before.rglob("*.html")))
    print(f"{pages} pages in {args.before}, {len(list(args.after.rglob('*.html')))} in {args.after}")
    for kind, items in found.items():
        print(f"{kind}: {len(items)}")
        for item in items[:args.show]:
            print(f"    {item}")
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
