"""Every output format on the same diagnostics (tests/formatdata.py): a golden file each,
and a check of each against its own specification.

Set ``REPORTLINT_UPDATE_GOLDEN=1`` to rewrite the golden files after a deliberate change
(then read the diff).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from formatdata import BASE_DIR, CLEAN, OPTIONS, PDF, RARE, REPORTS, moved

from reportlint.output import FORMATTERS
from reportlint.output.github import escape_data, escape_property
from reportlint.output.sarif import FINGERPRINT_KEY, format_sarif

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SCHEMA = HERE / "schemas" / "sarif-schema-2.1.0.json"
SUFFIX = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif",
          "github": "txt", "gcc": "txt", "junit": "xml"}


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_golden(name: str) -> None:
    golden = GOLDEN / f"formats.{name}.{SUFFIX.get(name, 'txt')}"
    output = FORMATTERS[name](REPORTS, OPTIONS)
    if os.environ.get("REPORTLINT_UPDATE_GOLDEN") == "1":
        golden.write_text(output, encoding="utf-8", newline="")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_formatters_are_pure_functions_of_their_input(name: str) -> None:
    assert FORMATTERS[name](REPORTS, OPTIONS) == FORMATTERS[name](REPORTS[::-1], OPTIONS)


# --- SARIF ---------------------------------------------------------------------------------

def _sarif(reports: Any = REPORTS) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(format_sarif(reports, OPTIONS))
    return result


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert "uri-reference" in checker.checkers  # the format-nongpl extra is installed
    validator = jsonschema.Draft7Validator(schema, format_checker=checker)
    errors = sorted(validator.iter_errors(_sarif()), key=str)
    assert errors == []
    assert jsonschema.Draft7Validator(schema).is_valid(_sarif([CLEAN]))


def test_sarif_driver_and_rules() -> None:
    run = _sarif()["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == (
        "reportlint", "https://github.com/reportlint/reportlint")
    assert driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["P701", "S101", "T401", "N303"]  # N303: a stand-in for an unknown code
    p701 = driver["rules"][0]
    assert p701["name"] == "prose-table-mismatch"
    assert p701["shortDescription"]["text"] == "正文数字与表格不一致"
    assert p701["fullDescription"]["text"].startswith("正文数字与表格不一致")
    assert p701["defaultConfiguration"]["level"] == "warning"
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"P701": "warning", "N303": "note", "S101": "error", "T401": "error"}


def _result(code: str) -> dict[str, Any]:
    run = _sarif()["runs"][0]
    found: dict[str, Any] = next(r for r in run["results"] if r["ruleId"] == code)
    return found


def test_sarif_columns_are_utf16_units_past_a_non_bmp_character() -> None:
    run = _sarif()["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    region = _result("P701")["locations"][0]["physicalLocation"]["region"]
    line = RARE.lines[3]
    units = line.encode("utf-16-le")
    start, end = region["startColumn"], region["endColumn"]
    assert (region["startLine"], start, end) == (4, 12, 14)  # code points: 11 and 13
    assert units[(start - 1) * 2 : (end - 1) * 2].decode("utf-16-le") == "12"
    assert region["snippet"]["text"] == "12"


def test_sarif_uris_are_relative_to_the_working_directory() -> None:
    run = _sarif()["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == f"file://{BASE_DIR}/"
    uris = {r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]
            for r in run["results"]}
    # percent-encoded UTF-8, as a URI must be (the schema check above tests the format)
    assert uris["P701"] == {"uri": "reports/%E7%BD%95%E8%A7%81%E5%AD%97%20%E5%B9%B4%E6%8A%A5.txt",
                            "uriBaseId": "%SRCROOT%"}
    assert uris["T401"] == {"uri": "reports/report.pdf", "uriBaseId": "%SRCROOT%"}


def test_sarif_related_locations_and_pages() -> None:
    result = _result("T401")
    assert result["properties"]["page"] == 2
    related = result["relatedLocations"]
    assert [r["message"]["text"] for r in related] == ["自然人（第2页）", "商业企业（第2页）"]
    assert [r["physicalLocation"]["region"]["startColumn"] for r in related] == [18, 20]
    assert [r["properties"]["page"] for r in related] == [2, 2]
    assert len({r["id"] for r in related}) == 2
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 30, 31)


def _fingerprints(reports: Any) -> list[str]:
    results = _sarif(reports)["runs"][0]["results"]
    return [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]


def test_sarif_fingerprints_survive_lines_moving() -> None:
    before = _fingerprints([RARE, PDF])
    after = _fingerprints([moved(RARE, 3), moved(PDF, 7)])
    assert before == after
    assert len(set(before)) == len(before)


def test_sarif_fingerprints_change_with_the_flagged_text() -> None:
    edited = moved(RARE, 0)
    lines = list(edited.lines)
    lines[3] = lines[3].replace("12件", "13件")
    changed = type(RARE)(RARE.path, RARE.diagnostics, tuple(lines))
    before, after = _fingerprints([RARE]), _fingerprints([changed])
    assert [a == b for a, b in zip(before, after, strict=True)] == [True, False, False]
    # S101 (line 1) kept; P701 ("12" → "13") and N303 (its context holds "12") changed


def test_sarif_tells_identical_problems_apart() -> None:
    twice = type(RARE)(RARE.path, RARE.diagnostics[:1] * 2, RARE.lines)
    first, second = _fingerprints([twice])
    assert first != second
    assert first.split(":")[0] == second.split(":")[0]


# --- GitHub workflow commands ----------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                           ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_github_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_commands_parse_back_to_the_diagnostics() -> None:
    lines = FORMATTERS["github"](REPORTS, OPTIONS).splitlines()
    commands = [COMMAND.match(line) for line in lines if line.startswith("::")]
    assert all(commands) and len(commands) == 4
    parsed = []
    for match in commands:
        assert match is not None
        props = dict(item.split("=", 1) for item in match.group(2).split(","))
        parsed.append((match.group(1), {k: _unescape(v) for k, v in props.items()},
                       _unescape(match.group(3))))
    by_title = {props["title"].split()[0]: (level, props, msg) for level, props, msg in parsed}
    level, props, message = by_title["N303"]
    assert level == "notice"
    assert message == "比例 10%, 已按: 数字处理\n（第二行）"
    level, props, _ = by_title["P701"]
    assert (level, props["file"], props["line"], props["col"], props["endColumn"]) == (
        "warning", RARE.path, "4", "12", "14")
    _, props, message = by_title["S101"]  # three lines: no columns
    assert (props["line"], props["endLine"]) == ("1", "3") and "col" not in props
    _, props, message = by_title["T401"]
    assert props["file"] == "reports/report.pdf"
    assert "第2页" in message and "reports/report.pdf:2:18（第2页）: 自然人" in message


# --- gcc --------------------------------------------------------------------------------------

GCC = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|note): "
                 r"(?P<message>.*) \[(?P<code>[A-Z]+\d+)\]$")


def test_gcc_lines_match_the_gcc_shape() -> None:
    lines = FORMATTERS["gcc"](REPORTS, OPTIONS).splitlines()
    matches = [GCC.match(line) for line in lines]
    assert all(matches)
    shapes = [(m["code"], m["level"], m["line"], m["col"]) for m in matches if m]
    assert ("P701", "warning", "4", "27") in shapes  # screen column: tab 8 + nine wide chars
    assert ("N303", "note", "4", "49") in shapes
    assert ("T401", "error", "2", "46") in shapes
    assert ("T401", "note", "2", "34") in shapes  # a related location, as GCC writes notes


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
def test_vim_quickfix_jumps_to_the_flagged_character(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / RARE.path).write_text("\n".join(RARE.lines) + "\n",
                                                   encoding="utf-8")
    (tmp_path / "out.txt").write_text(FORMATTERS["gcc"]([RARE], OPTIONS), encoding="utf-8")
    script = tmp_path / "jump.vim"
    script.write_text("\n".join([
        "set encoding=utf-8 fileencodings=utf-8 nomore",
        r"set errorformat=%f:%l:%v:\ %t%*[^:]:\ %m",
        "cgetfile out.txt",
        "let s:out = []",
        "for s:i in range(1, len(getqflist()))",
        "  execute 'cc' s:i",
        r"  call add(s:out, line('.') . ' ' . matchstr(getline('.'), '\%' . col('.') . 'c.'))",
        "endfor",
        "call writefile(s:out, 'landed.txt')",
        "qa!",
    ]), encoding="utf-8")
    subprocess.run(["vim", "-u", "NONE", "-i", "NONE", "-N", "-es", "-S", str(script)],
                   cwd=tmp_path, check=False, timeout=60, capture_output=True)
    landed = (tmp_path / "landed.txt").read_text(encoding="utf-8").splitlines()
    # S101 at the title, P701 at "12", P701's related note at the title, N303 at "3"
    assert landed == ["1 𠀀", "4 1", "1 𠀀", "4 3"]


# --- jsonl and junit -------------------------------------------------------------------------

def test_jsonl_is_the_json_array_one_object_a_line() -> None:
    lines = FORMATTERS["jsonl"](REPORTS, OPTIONS).splitlines()
    assert [json.loads(line) for line in lines] == json.loads(FORMATTERS["json"](REPORTS,
                                                                                 OPTIONS))
    assert FORMATTERS["jsonl"]([CLEAN], OPTIONS) == ""


def test_junit_has_one_test_case_per_file() -> None:
    root = ET.fromstring(FORMATTERS["junit"](REPORTS, OPTIONS))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == sorted(r.path for r in REPORTS)
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    by_name = {c.get("name"): c for c in cases}
    rare = by_name[RARE.path]
    failure = rare.find("failure")
    assert failure is not None and failure.text is not None
    # fail-on "warning" for this file: the error and the warning fail it, the info is output
    assert failure.text.count("\n") == 1
    assert "N303" in (rare.findtext("system-out") or "")
    assert by_name[PDF.path].find("failure") is not None  # default fail-on: error
    assert by_name[CLEAN.path].find("failure") is None
