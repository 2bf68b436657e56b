"""Reading YAML files into plain values with positions (factcheck.core.load)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from factcheck.core.load import Document, dotted, forget_folders, is_inside, load_file, parse, read_text, real_path, relative


def parsed(text: str) -> Document:
    document, problems = parse(text, "claims/x.yaml")
    assert problems == [], [str(p) for p in problems]
    assert document is not None
    return document


def only_problem(text: str):
    document, problems = parse(text, "claims/x.yaml")
    assert document is None
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_values_and_the_position_of_every_field():
    document = parsed("claim: Text\nappeared:\n  - source: wire\n    quote: words\npublished: 2025-06-02\n")
    assert document.data == {
        "claim": "Text",
        "appeared": [{"source": "wire", "quote": "words"}],
        "published": dt.date(2025, 6, 2),
    }
    assert document.where(("claim",)) == (1, 1)
    assert document.where(("appeared", 0)) == (3, 5)
    assert document.where(("appeared", 0, "quote")) == (4, 5)
    assert document.where(("published",)) == (5, 1)


def test_where_falls_back_to_the_nearest_enclosing_field():
    document = parsed("appeared:\n  - source: wire\n")
    assert document.where(("appeared", 0, "quote")) == document.where(("appeared", 0)) == (2, 5)
    assert document.where(("nothing", "here")) == (1, 1)


def test_problem_is_located_and_names_the_field():
    document = parsed("a: 1\nappeared:\n  - source: wire\n")
    problem = document.problem(("appeared", 0, "source"), "no source", "add it")
    assert (problem.path, problem.line, problem.column) == ("claims/x.yaml", 3, 5)
    assert problem.field == "appeared[0].source"
    assert str(problem) == "claims/x.yaml:3:5: error: appeared[0].source: no source (add it)"


@pytest.mark.parametrize(
    ("at", "text"),
    [((), ""), (("claim",), "claim"), (("appeared", 2, "quote"), "appeared[2].quote"), (("a", "b"), "a.b"), ((0,), "[0]")],
)
def test_dotted(at, text):
    assert dotted(at) == text


def test_a_timestamp_with_a_time_is_read_as_its_date():
    assert parsed("published: 2025-06-01 10:00:00\n").data == {"published": dt.date(2025, 6, 1)}


def test_quoted_dates_and_booleans_stay_text():
    assert parsed('published: "2025-06-01"\nverdict: "false"\n').data == {"published": "2025-06-01", "verdict": "false"}


def test_bare_false_is_a_boolean():
    assert parsed("verdict: False\n").data == {"verdict": False}


def test_duplicate_key_points_at_the_second_and_names_the_first_line():
    problem = only_problem("claim: one\nshort: s\nclaim: two\n")
    assert (problem.line, problem.column, problem.field) == (3, 1, "claim")
    assert "given twice" in problem.message and "first on line 1" in problem.message


def test_duplicate_key_in_a_nested_mapping():
    problem = only_problem("appeared:\n  - source: a\n    quote: q\n    source: b\n")
    assert (problem.line, problem.field) == (4, "appeared[0].source")


def test_every_duplicate_key_is_reported():
    document, problems = parse("a: 1\na: 2\nb: 1\nb: 2\n", "x.yaml")
    assert document is None
    assert [(p.line, p.field) for p in problems] == [(2, "a"), (4, "b")]


def test_impossible_date():
    problem = only_problem("claim: x\npublished: 2025-02-30\n")
    assert (problem.line, problem.column, problem.field) == (2, 12, "published")
    assert "'2025-02-30' is not a real date" in problem.message


@pytest.mark.parametrize("text", ["a: !!python/object/apply:os.system [ls]\n", "a: !custom x\n", "a: !!binary aGVsbG8=\n"])
def test_tags_other_than_plain_data_are_refused(text):
    problem = only_problem(text)
    assert "is not allowed" in problem.message
    assert (problem.line, problem.field) == (1, "a")


def test_merge_keys_are_refused():
    problem = only_problem("base: &b {x: 1}\nc:\n  <<: *b\n")
    assert "merge keys" in problem.message
    assert problem.line == 3


def test_plain_aliases_are_read():
    assert parsed("a: &x words\nb: *x\n").data == {"a": "words", "b": "words"}


def test_invalid_yaml_is_located_with_a_hint_about_colons():
    problem = only_problem("claim: ok\nconclusion: The words: are wrong\n")
    assert problem.line == 2
    assert "not valid YAML" in problem.message
    assert "': '" in problem.hint


def test_tab_indentation_gets_its_own_hint():
    problem = only_problem("appeared:\n\t- source: a\n")
    assert problem.line == 2
    assert problem.hint == "indent with spaces, not tabs"


def test_unclosed_bracket():
    problem = only_problem("topics: [a, b\npublished: 2025-01-01\n")
    assert problem.line == 2 and "not valid YAML" in problem.message


@pytest.mark.parametrize(("text", "words"), [("", "empty"), ("  \n\n", "empty"), ("# only a comment\n", "no data")])
def test_files_without_data(text, words):
    problem = only_problem(text)
    assert words in problem.message
    assert "'---'" not in problem.hint


def test_more_than_one_document():
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert "2 YAML documents" in problem.message


def test_byte_order_mark():
    problem = only_problem("\ufeffa: 1\n")
    assert "byte-order mark" in problem.message


def test_load_file_reports_the_repository_relative_path(tmp_path):
    (tmp_path / "claims").mkdir()
    path = tmp_path / "claims" / "one.yaml"
    path.write_text("a: [1\n", encoding="utf-8")
    document, problems = load_file(path, tmp_path)
    assert document is None
    assert problems[0].path == "claims/one.yaml"


def test_load_file_locates_a_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_bytes(b"claim: ok\nshort: caf\xe9 au lait\n")
    document, problems = load_file(path, tmp_path)
    assert document is None
    assert [(p.line, p.column) for p in problems] == [(2, 11)]
    assert "0xe9 is not UTF-8" in problems[0].message


def test_load_file_refuses_files_over_the_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    document, problems = load_file(path, tmp_path, max_bytes=100)
    assert document is None and "the limit is 100" in problems[0].message


def test_load_file_of_a_missing_file(tmp_path):
    document, problems = load_file(tmp_path / "gone.yaml", tmp_path)
    assert document is None and "does not exist" in problems[0].message


def test_relative(tmp_path):
    assert relative(tmp_path / "claims" / "a.yaml", tmp_path) == "claims/a.yaml"
    assert relative(tmp_path / "claims" / ".." / "b.yaml", Path(f"{tmp_path}/")) == "b.yaml"
    assert relative(tmp_path / "claims", tmp_path / "claims") == "."
    assert relative(tmp_path / "claimsx" / "a.yaml", tmp_path / "claims") == "a.yaml"  # outside: the name alone
    assert relative(Path("/etc/hosts"), Path("/")) == "etc/hosts"


def test_read_text_refuses_every_link_and_everything_that_is_not_a_file_inside_the_repository(tmp_path):
    root, outside = tmp_path / "site", tmp_path / "elsewhere"
    (root / "claims").mkdir(parents=True)
    outside.mkdir()
    (root / "claims" / "plain.yaml").write_text("a: 1\n", encoding="utf-8")
    (root / "claims" / "folder.yaml").mkdir()
    (outside / "secret.yaml").write_text("a: 2\n", encoding="utf-8")
    os.symlink(root / "claims" / "plain.yaml", root / "claims" / "link.yaml")
    os.symlink(root / "claims" / "folder.yaml", root / "claims" / "link-to-folder.yaml")
    os.symlink(outside / "secret.yaml", root / "claims" / "leak.yaml")
    os.symlink(root / "claims" / "gone.yaml", root / "claims" / "broken.yaml")
    os.mkfifo(root / "claims" / "pipe.yaml")
    os.symlink(outside, root / "linked-folder")
    forget_folders()

    def outcome(name: str) -> str:
        text, problems = read_text(root / name, root, name)
        return text if text is not None else "; ".join(f"{p.path}: {p.message}" for p in problems)

    link = "this file is a symbolic link; links are not read, wherever they lead"
    assert outcome("claims/plain.yaml") == "a: 1\n"
    assert outcome("claims/link.yaml") == f"claims/link.yaml: {link}"  # inside the repository: refused too (issue 24)
    assert outcome("claims/leak.yaml") == f"claims/leak.yaml: {link}"
    assert outcome("linked-folder/secret.yaml") == (
        "linked-folder/secret.yaml: the folder 'linked-folder' (or one above it) is a symbolic link; links are not read, wherever they lead")
    assert outcome("claims/broken.yaml") == f"claims/broken.yaml: {link}"  # dangling
    assert outcome("claims/link-to-folder.yaml") == f"claims/link-to-folder.yaml: {link}"
    assert outcome("claims/missing.yaml") == "claims/missing.yaml: the file does not exist"
    assert outcome("claims/plain.yaml/x.yaml") == "claims/plain.yaml/x.yaml: the file does not exist"
    for special in ("claims/folder.yaml", "claims/pipe.yaml"):
        assert outcome(special) == f"{special}: this is a folder or a special file, not a text file"
    assert real_path(root / "claims" / "link.yaml") == (root / "claims" / "plain.yaml").resolve()
    assert is_inside(real_path(root / "claims" / "link.yaml"), root)
    assert not is_inside(real_path(root / "claims" / "leak.yaml"), root)


def test_load_files_gives_the_documents_and_problems_in_order(tmp_path):
    from factcheck.core import load

    files = []
    for number in range(40):
        path = tmp_path / f"f{number:02d}.yaml"
        if number % 7 == 3:
            path.write_text(f"a: [{number}\n", encoding="utf-8")  # not valid YAML
        elif number % 11 == 5:
            path.write_bytes(b"a: caf\xe9\n")  # not UTF-8
        else:
            path.write_text(f"number: {number}\ntext: \"line {number}\"\nwhen: 2025-01-{number % 28 + 1:02d}\n", encoding="utf-8")
        files.append(path)
    files.append(tmp_path / "missing.yaml")

    def outcome(results):
        return [(d.path, d.data, d.marks) if d else None for d, _ in results], [[str(p) for p in found] for _, found in results]

    alone = load.load_files(files, tmp_path)
    assert [d.path if d else None for d, _ in alone][:2] == ["f00.yaml", "f01.yaml"]  # in the order given
    assert outcome(alone)[0][1] == ("f01.yaml", {"number": 1, "text": "line 1", "when": dt.date(2025, 1, 2)}, {(): (1, 1), ("number",): (1, 1), ("text",): (2, 1), ("when",): (3, 1)})
    assert sum(1 for document, _ in alone if document is None) == 10  # 6 not YAML, 3 not UTF-8, 1 missing


def test_while_serving_a_file_whose_status_is_unchanged_is_not_read_again(tmp_path, monkeypatch):
    from factcheck.core import load
    from factcheck.core.reuse import kept_results

    reads: list[str] = []
    real_read = load._read_utf8
    monkeypatch.setattr(load, "_read_utf8", lambda resolved, display: reads.append(display) or real_read(resolved, display))
    path = tmp_path / "claim.yaml"
    path.write_text("claim: first\n", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("claim: secret\n", encoding="utf-8")
    root = tmp_path
    kept_results.start()
    try:
        first, _ = load.read_text(path, root, "claim.yaml")
        again, _ = load.read_text(path, root, "claim.yaml")
        assert first == "claim: first\n" and again is first and reads == ["claim.yaml"]
        path.write_text("claim: other\n", encoding="utf-8")  # same size: the times of change tell
        assert load.read_text(path, root, "claim.yaml")[0] == "claim: other\n" and len(reads) == 2
        path.unlink()
        path.symlink_to(outside)  # where it leads is checked every time, kept text or not
        load.forget_folders()
        text, problems = load.read_text(path, root, "claim.yaml")
        assert text is None and "symbolic link" in problems[0].message
    finally:
        kept_results.stop()
    assert load.read_text(outside, tmp_path.parent, "outside.yaml")[0] == "claim: secret\n" and len(reads) == 3  # off: read every time


def test_the_loader_in_use_stops_deep_nesting_itself():
    """parse relies on the parser's own depth limit (libyaml from PyYAML 6.0.4's wheels) or on
    the pure-Python parser failing safely; never on a libyaml that recurses without a limit."""
    from factcheck.core import load

    assert load._limits_nesting(load._SafeLoader) or load._SafeLoader is yaml.SafeLoader
    if yaml.__with_libyaml__:
        assert load._SafeLoader is yaml.CSafeLoader
    assert not load._limits_nesting(yaml.SafeLoader)


def test_deep_nesting_is_a_located_problem_with_the_pure_python_parser_too(monkeypatch):
    from factcheck.core import load

    monkeypatch.setattr(load, "_SafeLoader", yaml.SafeLoader)
    document, problems = load.parse("claim: x\nlist: " + "[" * 60_000 + "]" * 60_000 + "\n", "claims/deep.yaml")
    assert document is None and "nests more than 32 levels deep" in problems[0].message


def test_the_quick_check_for_control_characters_agrees_with_the_pattern():
    from factcheck.core.load import _CONTROL, _without_control

    for code in range(0x3000):
        for text in (chr(code), f"ab{chr(code)}cd", f"line\n{chr(code)}"):
            assert _without_control(text) == (not _CONTROL.search(text)), hex(code)
    for code in (0xFFFE, 0xFFFF):
        assert not _without_control(f"x{chr(code)}")
