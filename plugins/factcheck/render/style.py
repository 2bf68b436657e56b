"""The stylesheet of the generated pages, with the verdict colours of the configured scale.

Badge text is white or near-black, whichever contrasts more with the verdict's colour, so the
label stays readable (WCAG AA asks for 4.5:1) in the light and the dark palette alike.
"""

from __future__ import annotations

import colorsys

from ..core.model import Scale

DARK_TEXT = "#111111"
LIGHT_TEXT = "#ffffff"


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    """The WCAG contrast ratio of two colours written #rrggbb."""
    a, b = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_colour(background: str) -> str:
    return LIGHT_TEXT if contrast(background, LIGHT_TEXT) >= contrast(background, DARK_TEXT) else DARK_TEXT


def hsl(hue: float, saturation: float, lightness: float) -> str:
    """#rrggbb of a CSS hsl() colour (hue in degrees, the others in per cent)."""
    red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


# The backgrounds verdict colours are drawn on, per Material palette (scheme): the page and
# the code/verdict-box background. Material's slate uses hsl(var(--md-hue), 15%, 14% / 18%)
# with --md-hue 225deg.
PALETTES: dict[str, tuple[str, ...]] = {
    "default": ("#ffffff", "#f5f5f5"),
    "slate": (hsl(225, 15, 14), hsl(225, 15, 18)),
}
NON_TEXT_CONTRAST = 3.0  # WCAG 1.4.11, for the bars of a chart
TEXT_CONTRAST = 4.5  # WCAG 1.4.3 (AA), for badge labels


def needs_outline(colour: str, backgrounds: tuple[str, ...]) -> bool:
    """True when a bar of this colour would not stand out 3:1 from one of the backgrounds."""
    return any(contrast(colour, background) < NON_TEXT_CONTRAST for background in backgrounds)


_BASE = """
.fc-badge { display: inline-block; padding: .1em .55em; border-radius: .3em; font-weight: 700;
  font-size: .85em; line-height: 1.5; white-space: nowrap; }
.fc-badge__prefix { font-weight: 400; }
.fc-verdict { border-left: .35em solid var(--fc-colour, #52525b); padding: .6em 1em; margin: 1em 0;
  background: var(--md-code-bg-color); border-radius: .2em; }
.fc-verdict p { margin: .3em 0; }
.fc-verdict__conclusion { font-size: 1.1em; font-weight: 600; }
.fc-verdict__meta, .fc-verdict__scope { font-size: .8em; color: var(--md-default-fg-color--light); }
.fc-claim-text { font-size: 1.15em; }
.fc-claimant { font-size: .85em; color: var(--md-default-fg-color--light); }
.fc-passage:target, :target > .fc-passage { background: var(--md-accent-fg-color--transparent);
  outline: 2px solid var(--md-accent-fg-color); }
.fc-sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1em; margin: 1em 0; }
.fc-side { border: 1px solid var(--md-default-fg-color--lightest); border-radius: .3em; padding: 0 .8em; min-width: 0; }
.fc-kind, .fc-severity { display: inline-block; font-size: .75em; padding: .05em .5em; border-radius: 1em;
  border: 1px solid var(--md-default-fg-color--lighter); margin-right: .4em; }
.fc-severity--high { font-weight: 700; }
.fc-side--supported { border: 2px solid var(--fc-supported, #1b7a3a); }
.fc-side--refuted { border-style: dashed; }
.fc-side__verdict { margin: .5em 0 0; font-size: .85em; }
.md-typeset .fc-summary { border-collapse: collapse; font-size: .8rem; width: 100%; margin: 1em 0; }
.md-typeset .fc-summary th, .md-typeset .fc-summary td { text-align: left; vertical-align: top; padding: .5em .6em;
  border-bottom: 1px solid var(--md-default-fg-color--lightest); overflow-wrap: break-word; }
.md-typeset .fc-summary th { font-weight: 700; }
.md-typeset .fc-summary .fc-severity { white-space: nowrap; }
@media screen and (max-width: 44.9375em) {
  .md-typeset .fc-summary thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .md-typeset .fc-summary tr { display: block; border: 1px solid var(--md-default-fg-color--lightest); border-radius: .3em;
    margin: 0 0 .8em; padding: .3em 0; }
  .md-typeset .fc-summary td { display: block; border: 0; padding: .2em .8em; }
  .md-typeset .fc-summary td::before { content: attr(data-label) ": "; font-weight: 700; }
  .md-typeset .fc-summary td:first-child::before { content: none; }
  .md-typeset .fc-summary td:first-child { font-size: 1.1em; font-weight: 700; }
}
.fc-record { border-left: .35em solid var(--md-default-fg-color--lighter); padding: .2em .8em; margin: 1em 0; }
.md-typeset table:not([class]) { display: table; max-width: 100%; }
.md-typeset .fc-explanation { overflow-wrap: anywhere; }
@media screen and (max-width: 44.9375em) {
  .md-typeset table:not([class]) { display: block; overflow-x: auto; }
  /* the theme's cells are padded 1.25em a side: a three-column table (a source's claims, verdicts
     and dates) came out 2 px wider than a 360 px phone */
  .md-typeset table:not([class]) :is(th, td) { padding-left: .8em; padding-right: .8em; }
}
"""

# Charts (render/charts.py) and the claims filter (render/claims_filter.py).
_READERS = """
.md-typeset .fc-chart { display: block; width: 100%; max-width: 22rem; margin: 1em 0; }
.md-typeset .fc-chart--timeline { max-width: 22rem; }
.fc-chart__svg { display: block; width: 100%; height: auto; }
.fc-chart text { fill: var(--md-default-fg-color); font-family: var(--md-text-font-family, sans-serif); }
.fc-chart .fc-chart__axis { stroke: var(--md-default-fg-color--light); stroke-width: 1; }
.fc-chart .fc-chart__grid { stroke: var(--md-default-fg-color--lightest); stroke-width: 1; }
.fc-chart .fc-mark { fill: var(--md-typeset-a-color); }
.fc-filters { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: flex-end; margin: 1em 0; }
.fc-filters[hidden] { display: none; }
.fc-filters__field { display: flex; flex-direction: column; flex: 1 1 9rem; min-width: 0; }
.fc-filters label { font-size: .75em; font-weight: 700; }
.fc-filters select { font: inherit; font-size: .8em; padding: .3em; width: 100%; color: var(--md-default-fg-color);
  background: var(--md-default-bg-color); border: 1px solid var(--md-default-fg-color--light); border-radius: .2em; }
.md-typeset .fc-filters__reset { font-size: .7em; padding: .4em 1em; margin: 0; color: var(--md-typeset-a-color); }
.md-typeset .fc-filters__status { flex-basis: 100%; margin: 0; font-size: .8em; }
.md-typeset tr[hidden] { display: none; }
/* The verdict at a glance: a larger mark and its place on the scale (charts.verdict_meter). */
.md-typeset .fc-verdict__label .fc-badge { font-size: 1.2em; padding: .2em .7em; }
.md-typeset .fc-meter { max-width: 20rem; margin: .4em 0 .2em; }
.fc-meter__svg { display: block; width: 100%; height: auto; }
.fc-meter .fc-meter__other { opacity: .4; }
.fc-meter .fc-meter__own { stroke: var(--md-default-fg-color); stroke-width: 2; }
.fc-meter .fc-meter__pointer { fill: var(--md-default-fg-color); }
.fc-meter__ends { display: flex; justify-content: space-between; font-size: .7rem; }
.md-typeset .fc-meter__text { font-size: .75rem; margin: .2em 0; }
/* Lists and tables (render/index_pages.py, render/cards.py): a table on a desktop, a stack of cards on
   a phone; the cards of claims put the verdict and the date side by side under the claim. */
@media screen and (max-width: 44.9375em) {
  .md-typeset .fc-cards .md-typeset__scrollwrap, .md-typeset .fc-cards .md-typeset__table { margin: 0; padding: 0; overflow: visible; }
  .md-typeset .fc-cards table:not([class]) { display: block; border: 0; overflow: visible; font-size: .8rem; }
  .md-typeset .fc-cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .md-typeset .fc-cards table:not([class]) :is(tbody, tr, td) { display: block; }
  .md-typeset .fc-cards table:not([class]) tr { border: 1px solid var(--md-default-fg-color--lightest); border-radius: .3em;
    padding: .6em .8em; margin: 0 0 .8em; background: var(--md-default-bg-color); }
  .md-typeset .fc-cards table:not([class]) tr[hidden] { display: none; }
  .md-typeset .fc-cards table:not([class]) td { border: 0; padding: .15em 0; overflow-wrap: anywhere; }
  .md-typeset .fc-cards td:first-child { font-weight: 700; }
  /* a card leaves out the columns a row has nothing in (the disagreements matrix: a source and the
     subjects it speaks of); the header row's links are not tab stops while it is clipped away */
  .md-typeset .fc-cards table:not([class]) td:empty { display: none; }
  .md-typeset .fc-cards thead a { visibility: hidden; }
  .md-typeset .fc-cell-label a { text-decoration: underline; text-underline-offset: .15em; }
  .md-typeset .fc-claims td:first-child { font-size: 1.05em; }
  .md-typeset .fc-claims td:nth-child(3) { display: inline-block; margin-right: .6em; }
  .md-typeset .fc-claims td:nth-child(4) { display: inline-block; }
  .md-typeset .fc-claims td:nth-child(5) { font-size: .9em; }
}
@media screen and (min-width: 45em) {
  .md-typeset .fc-cell-label { display: none; }
  .md-typeset .fc-claims td:nth-child(4) { white-space: nowrap; }
}
/* Accessibility (axe-core, WCAG AA): links in running text are underlined, not told apart by
   colour alone; the verdict box's small print and the theme's footer line reach 4.5:1. */
.md-typeset :is(p, li) > a:not(.md-button):not(.headerlink) { text-decoration: underline; text-underline-offset: .15em; }
.md-typeset .fc-verdict__meta, .md-typeset .fc-verdict__scope { color: var(--md-default-fg-color); }
.md-footer-meta .md-copyright { color: var(--md-footer-fg-color--light); }
@media screen and (max-width: 44.9375em) {
  /* On a phone the verdict must show in the first screenful: a smaller title and claim. */
  .md-main__inner:has(.fc-verdict) { margin-top: .4rem; }
  .md-typeset:has(> .fc-verdict) h1 { font-size: 1.45em; margin: 0 0 .6em; }
  .md-typeset blockquote:has(> .fc-claim-text) { margin: .6em 0; }
  .md-typeset .fc-claim-text { font-size: .95em; }
  .md-typeset .fc-verdict { margin: .8em 0; padding: .5em .8em; }
  .md-typeset .fc-verdict__conclusion { font-size: 1em; }
}
"""


def search_tag_classes(scale: Scale) -> dict[str, str]:
    """Material's ``extra.tags``: a search result's chip (the verdict's label) -> the class suffix it gets."""
    return {rating.label: f"fc-{rating.key}" for rating in scale.ratings}


# Material draws a tag icon before a chip that has a class; the verdict chip needs none.
_SEARCH_CHIPS = ".md-typeset .md-tag[class*='md-tag--fc-']::before { display: none; }"


def stylesheet(scale: Scale) -> str:
    rules = [_BASE.strip(), _READERS.strip(), _SEARCH_CHIPS]
    for rating in scale.ratings:
        rules.append(
            f".fc-badge--{rating.key}, .md-typeset .md-tag.md-tag--fc-{rating.key} {{ background: {rating.colour}; color: {text_colour(rating.colour)}; }}\n"
            f".fc-verdict--{rating.key} {{ --fc-colour: {rating.colour}; }}\n"
            f".fc-chart .fc-bar--{rating.key} {{ fill: {rating.colour}; }}"
        )
        rules += _bar_outlines(rating.key, rating.colour)
    return "\n".join(rules) + "\n"


def _bar_outlines(key: str, colour: str) -> list[str]:
    """An outline in the text colour for a chart bar too faint on a palette's background."""
    return [
        f'[data-md-color-scheme="{scheme}"] .fc-chart .fc-bar--{key} {{ stroke: var(--md-default-fg-color); stroke-width: 1; }}'
        for scheme, backgrounds in PALETTES.items()
        if needs_outline(colour, backgrounds)
    ]
