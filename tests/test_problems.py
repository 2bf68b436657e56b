"""Located problems and their three output formats (factcheck.core.problems)."""

from __future__ import annotations

import json

from factcheck.core.problems import Problem, ProblemsFound, did_you_mean, errors, format_github, format_json, format_text, sort_problems

TYPO = Problem("claims/b.yaml", 7, 1, "verdict", "expected a rating of the scale; found 'mostly-ture'", "did you mean 'mostly-true'?")
WARNING = Problem("claims/a.yaml", 3, 5, "", "the file is unusual", severity="warning")
LATER = Problem("claims/b.yaml", 12, 3, "appeared[0].quote", "not found: 50% off, a, b\nsecond line")


def test_text_form_is_path_line_column_field_message_hint():
    assert str(TYPO) == "claims/b.yaml:7:1: error: verdict: expected a rating of the scale; found 'mostly-ture' (did you mean 'mostly-true'?)"
    assert str(WARNING) == "claims/a.yaml:3:5: warning: the file is unusual"


def test_problems_are_sorted_by_file_then_position():
    assert sort_problems([LATER, TYPO, WARNING]) == [WARNING, TYPO, LATER]
    assert format_text([WARNING, TYPO][::-1]).splitlines() == [str(WARNING), str(TYPO)]


def test_errors_leave_out_warnings():
    assert errors([WARNING, TYPO]) == [TYPO]
    assert TYPO.is_error and not WARNING.is_error


def test_github_annotations_escape_their_special_characters():
    lines = format_github([TYPO, WARNING, LATER]).splitlines()
    assert lines[0] == "::warning file=claims/a.yaml,line=3,col=5,title=factcheck::the file is unusual"
    assert lines[1] == (
        "::error file=claims/b.yaml,line=7,col=1,title=verdict::"
        "verdict: expected a rating of the scale; found 'mostly-ture' (did you mean 'mostly-true'?)"
    )
    # one annotation per problem, whatever its text holds
    assert len(lines) == 3
    assert lines[2].endswith("appeared[0].quote: not found: 50%25 off, a, b\\nsecond line")  # shown, then escaped


def test_github_properties_escape_colons_and_commas():
    problem = Problem("claims/a,b.yaml", 1, 1, "x:y", "m")
    assert format_github([problem]) == "::error file=claims/a%2Cb.yaml,line=1,col=1,title=x%3Ay::x:y: m"


def test_json_holds_every_field():
    data = json.loads(format_json([TYPO, WARNING]))
    assert data[1] == {
        "path": "claims/b.yaml", "line": 7, "column": 1, "field": "verdict",
        "message": "expected a rating of the scale; found 'mostly-ture'", "hint": "did you mean 'mostly-true'?", "severity": "error",
    }
    assert data[0]["severity"] == "warning"
    assert json.loads(format_json([])) == []


def test_problems_found_carries_them_all():
    raised = ProblemsFound([LATER, TYPO])
    assert raised.problems == (LATER, TYPO)
    assert str(raised) == format_text([TYPO, LATER])


def test_did_you_mean():
    assert did_you_mean("mostly-ture", ["true", "mostly-true", "false"]) == "did you mean 'mostly-true'?"
    assert did_you_mean("wirre", {"wire": 1, "newsletter": 2}) == "did you mean 'wire'?"
    assert did_you_mean("zzz", ["true", "false"]) == ""


# Issue 24: what contributors wrote (file names, keys, quotes) cannot bend the output.
HOSTILE = Problem(
    "claims/a\x1b[32m.yaml", 3, 1, "ke\ny::error file=README.md,line=1::pwn",
    "found 100% \u202eevil\r\n::add-mask::secret\u2028x\x85y", hint="fix \x1b[2K\x1b[32m0 error(s)",
)


def test_text_shows_line_breaks_terminal_escapes_and_overrides_as_escapes():
    text = format_text([HOSTILE])
    assert text == (
        "claims/a\\x1b[32m.yaml:3:1: error: ke\\ny::error file=README.md,line=1::pwn: "
        "found 100% \\u202eevil\\r\\n::add-mask::secret\\u2028x\\x85y (fix \\x1b[2K\\x1b[32m0 error(s))"
    )
    assert text.isprintable() and "\x1b" not in text


def test_github_annotation_stays_one_command_whatever_the_key_path_and_message_hold():
    (line,) = format_github([HOSTILE]).split("\n")
    assert line.isprintable()
    command, data = line.split("::")[1], line.split("::", 2)[2]
    assert command.startswith("error file=claims/a\\x1b[32m.yaml,line=3,col=1,title=ke\\ny%3A%3Aerror file=README.md%2Cline=1%3A%3Apwn")
    assert "%25 " in data and "\x1b" not in data  # '%' escaped, no raw escape character
    assert line.count("::") - 2 == data.count("::")  # the properties hold no '::': GitHub ends them at the first


def test_json_escapes_what_json_leaves_raw():
    written = format_json([HOSTILE])
    assert written.isascii() or all(c.isprintable() or c in "\n " for c in written)
    for raw in ("\x1b", "\u202e", "\u2028", "\x85", "\r"):
        assert raw not in written
    (record,) = json.loads(written)
    assert record["message"] == HOSTILE.message and record["path"] == HOSTILE.path  # the data itself unchanged


def test_letters_of_every_script_stay_as_they_are():
    problem = Problem("claims/x.yaml", 1, 1, "claim", "نمی\u200cدانم is not in 中文 text: é")
    assert format_text([problem]).endswith("claim: نمی\\u200cدانم is not in 中文 text: é")  # the joiner shown, the letters kept
    assert json.loads(format_json([problem]))[0]["message"] == problem.message
