"""The markers hand-written pages use: the rating scale comes from the scale, nowhere else."""

from factcheck.render.snippets import expand_markers


def test_rating_scale_marker_lists_every_rating_with_the_scales_own_definition(mini_site):
    text, unknown = expand_markers("Intro.\n\n<!-- factcheck: rating-scale -->\n", "methodology.md", mini_site)
    assert unknown == []
    assert "factcheck:" not in text
    for rating in mini_site.corpus.scale.ratings:
        assert rating.definition in text
        assert f"verdicts/{rating.key}" in text
    # one row per rating, after the header and the rule
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == len(mini_site.corpus.scale.ratings) + 1
