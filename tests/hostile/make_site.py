"""Write tests/hostile/site: a valid site whose every text field carries active-content payloads.

Run `python tests/hostile/make_site.py tests/hostile/site` after changing the payloads; the files are committed.
"""
import sys, shutil
from pathlib import Path
import yaml

OUT = Path(sys.argv[1])
shutil.rmtree(OUT, ignore_errors=True)
(OUT / "claims").mkdir(parents=True); (OUT / "sources").mkdir(); (OUT / "docs").mkdir()

# Short payloads (<= 60 characters) so they fit every field, topics included.
PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    '{: onclick="alert(1)" }',
    "</script><script>alert(1)</script>",
    '<a href="javascript:alert(1)">a</a>',
    "<svg onload=alert(1)><object data=x><embed src=x>",
    "<javascript:alert(1)> <http://evil.example>",
    "&lt;script&gt;alert(1)&#60;/script&#62;",
    'x" onmouseover="alert(1)" y="',
    "![i](javascript:alert(1)) ![d](data:image/png,x)",
    "\n---\n<script>alert('fm')</script>\n---",  # U+2028 is refused by the loader now (cases.yaml)
    "`c` <b onclick=alert(1)>b</b> *em* {#id .cls onclick=x}",
    '=HYPERLINK("https://evil.example","click")',
    "@SUM(1+1) +cmd|' /C calc'!A0 -2+3",
]
HOSTILE_URL = 'https://evil.example/x"><script>alert(1)</script>?a=(javascript:alert(1))'

EXPLANATION = """\
Plain *emphasis*, **strong**, a [good link](https://example.org/ok) and a list:

- one
- two

| a | b |
|---|---|
| 1 | 2 |

<script>alert('raw block')</script>

<div markdown="1" onclick="alert(1)">*inside a div*</div>

<img src=x onerror=alert(1)> <iframe src="https://evil.example"></iframe>
<style>body{display:none}</style> <object data="x"></object> <embed src="x">
<svg onload=alert(1)></svg> <details open ontoggle=alert(1)>d</details>

[js](javascript:alert(1)) [JS upper](JaVaScRiPt:alert(1)) [entity](&#106;avascript:alert(1))
[data](data:text/html;base64,PHNjcmlwdD4=) ![img](javascript:alert(1)) ![d](data:image/svg+xml,x)
<javascript:alert(1)> <http://evil.example/auto> <mailto:a@example.org>

[ref link][r]

[r]: javascript:alert(1)

# Heading {: onclick="alert(1)" }

A paragraph with attributes
{: onclick="alert(1)" style="color:red" }

&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62; </script><script>alert(1)</script>
"""


def dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")


def clip(text: str, limit: int) -> str:
    return text[:limit]


people = {}
subjects = {}
for i, p in enumerate(PAYLOADS):
    key = f"person-{i}"
    people[key] = {"name": f"Name {p}", "role": f"Role {p}", "same_as": [HOSTILE_URL]}
    subjects[f"subject-{i}"] = {"title": f"Subject {p}", "note": f"Note {p}", "tension": f"Tension {p}"}
dump(OUT / "people.yaml", people)
dump(OUT / "subjects.yaml", subjects)

for i, p in enumerate(PAYLOADS):
    # Two sources per payload, so each subject has two differing sides: a disagreement.
    for side, figure in (("a", "100,000"), ("b", "300,000")):
        sid = f"source-{i}-{side}"
        text = (
            f"Title line {p}\n\n"
            f"He said {p} at the meeting.\n\n"
            f"More than {figure} students {p} were counted.\n"
        )
        (OUT / "sources" / f"{sid}.txt").write_text(text, "utf-8")
        dump(OUT / "sources" / f"{sid}.yaml", {
            "title": f"Title {p}", "publisher": f"Publisher {p}", "authors": [f"Author {p}"],
            "published": "2025-05-30", "date_precision": "approximate", "date_note": f"Date note {p}",
            "type": "news-article", "url": HOSTILE_URL, "accessed": "2025-06-01",
            "archived_from": f"Archived from {p}", "publish_full_text": True,
            "reliability": [f"Reliability {p}"], "summary": f"Summary {p}",
        })
    dump(OUT / "claims" / f"claim-{i}.yaml", {
        "claim": p if p[0] in "=@+-" else f"Claim {p}",
        "short": clip(p if p[0] in "=@+-" else f"S {p}", 75),
        "claimant": f"person-{i}",
        "kind": "attribution",
        "appeared": [{
            "source": f"source-{i}-a", "quote": f"He said {p} at the meeting.",
            "note": f"Note {p}", "said_by": f"person-{i}", "occasion": f"Occasion {p}",
        }],
        "verdict": "mostly-true",
        "conclusion": p if p[0] in "=@+-" else f"Conclusion {p}",
        "explanation": f"Explanation {p}\n\n" + EXPLANATION,
        "right": [f"Right {p}"],
        "wrong": [f"Wrong {p}"],
        "evidence": [
            {"source": f"source-{i}-a", "quote": f"More than 100,000 students {p} were counted.",
             "subject": f"subject-{i}", "period": f"Period {p}", "scope": f"Scope {p}", "note": f"Evidence note {p}"},
            {"source": f"source-{i}-b", "quote": f"More than 300,000 students {p} were counted.",
             "subject": f"subject-{i}", "period": f"Period {p}", "scope": f"Scope {p}"},
        ],
        "references": [{"url": HOSTILE_URL, "title": f"Ref {p}", "publisher": f"Ref publisher {p}", "note": f"Ref note {p}"}],
        "topics": [clip(p, 60), clip(f"Topic {p}", 60)],
        "people": [f"person-{i}"],
        "claimed": "2025-05-29",
        "published": "2025-06-02",
        "checked_by": f"Checker {p}",
        "corrections": [{"date": "2025-06-03", "kind": "correction", "text": f"Correction {p}", "previous_verdict": "true"}],
    })

(OUT / "docs" / "index.md").write_text("# Hostile site\n\nEvery field of the data carries active content.\n", "utf-8")
for page, title in (("methodology", "Methodology"), ("corrections-policy", "Corrections policy"), ("contribute", "Submit a claim"), ("about", "About")):
    (OUT / "docs" / f"{page}.md").write_text(f"# {title}\n\nWritten by the site's editors, not by contributors.\n", "utf-8")
(OUT / "mkdocs.yml").write_text(
    "site_name: Hostile\nsite_url: https://example.org/hostile/\ntheme:\n  name: material\n"
    "plugins:\n  - search\n  - factcheck:\n      publisher_name: Hostile Desk\n"
    "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n  - toc:\n      permalink: true\n", "utf-8")
print("payloads", len(PAYLOADS))
