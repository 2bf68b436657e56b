"""axe-core on every page type, light and dark, phone and desktop: no serious or critical violation of
the WCAG 2.0/2.1 A and AA rules nor of axe's best-practice rules (a dialog's name, landmarks, headings)."""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE
from pages import page_types

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def violations(reader, axe_source: str) -> list[dict]:
    reader.page.add_script_tag(content=axe_source)
    return reader.page.evaluate("""async () => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")


@pytest.mark.parametrize("viewport, scheme", [(DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "light"), (PHONE, "dark")],
                         ids=["desktop-light", "desktop-dark", "phone-light", "phone-dark"])
def test_no_serious_accessibility_violations(reader_factory, served, axe_source, viewport, scheme) -> None:
    reader = reader_factory(viewport, color_scheme=scheme)
    found = {}
    for kind, page in page_types(served.model).items():
        reader.open(served.url(page))
        blocking = [v for v in violations(reader, axe_source) if v["impact"] in BLOCKING]
        if blocking:
            found[kind] = blocking
    assert found == {}, found
