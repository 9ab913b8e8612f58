"""Configuration files: every key, discovery, precedence, and one-line errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import BROKEN, EXAMPLE, WARNING_ONLY, Result, codes, run, write

from reportlint.config.files import load_config, toml_loads
from reportlint.config.resolve import Overrides, Resolver, matches
from reportlint.errors import UsageError
from reportlint.model import Severity

ALL_S103 = [("bad.txt", "S103")] * 5


def _check(tmp: Path, mp: pytest.MonkeyPatch, cap: pytest.CaptureFixture[str],
           *args: str) -> Result:
    return run(["check", "--format", "jsonl", *args], tmp, mp, cap)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    write(tmp_path, {"bad.txt": BROKEN, "good.txt": EXAMPLE})
    return tmp_path


# --- each key --------------------------------------------------------------------------------

def test_select(project: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'select = ["S101"]\n'})
    assert codes(_check(project, monkeypatch, capsys, ".").out) == [("bad.txt", "S101")]


def test_ignore(project: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'ignore = ["S103"]\n'})
    assert codes(_check(project, monkeypatch, capsys, ".").out) == [("bad.txt", "S101")]


def test_extend_select(project: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'select = ["S101"]\nextend-select = ["S103"]\n'})
    found = codes(_check(project, monkeypatch, capsys, ".").out)
    assert found == [("bad.txt", "S101"), *ALL_S103]


def test_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"bad.txt": BROKEN, "drafts/bad.txt": BROKEN, "old/x/bad.txt": BROKEN,
                     "reportlint.toml": '[per-file-ignores]\n"drafts/*.txt" = ["S"]\n'
                                        '"**/x/*" = ["S103"]\n"nothing*.txt" = ["S101"]\n'})
    found = codes(_check(tmp_path, monkeypatch, capsys, ".").out)
    assert found == [("bad.txt", "S101"), *ALL_S103, ("old/x/bad.txt", "S101")]


def test_glob_matching() -> None:
    assert matches("*.txt", "a/b/c.txt")  # no slash: the file name
    assert matches("a/*.txt", "a/c.txt") and not matches("a/*.txt", "a/b/c.txt")
    assert matches("a/**/*.txt", "a/c.txt") and matches("a/**/*.txt", "a/b/c.txt")
    assert matches("/a/?.txt", "a/c.txt") and not matches("a/?.txt", "a/cc.txt")


def test_severity(project: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'select = ["S"]\n[severity]\nS = "info"\n'
                                       'S101 = "warning"\n'})
    result = run(["check", "--format", "json", "bad.txt"], project, monkeypatch, capsys)
    levels = sorted({(d["code"], d["severity"]) for d in json.loads(result.out)})
    assert levels == [("S101", "warning"), ("S103", "info")]
    assert result.code == 0  # nothing left at error


def test_fail_on(project: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'fail-on = "never"\n'})
    assert _check(project, monkeypatch, capsys, "bad.txt").code == 0
    assert _check(project, monkeypatch, capsys, "--fail-on", "error", "bad.txt").code == 1


def test_rules_adds_a_pack_relative_to_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    rule = ("code: X901\nname: house-title\nseverity: warning\ndescription: 本单位要求的标题。\n"
            "kind: title-present\nparams:\n  patterns: [本单位专用标题]\n"
            "  message: 缺少本单位专用标题\n")
    write(tmp_path, {"conf/packs/house/X901.yaml": rule, "conf/reports/good.txt": EXAMPLE,
                     "conf/reportlint.toml": 'rules = ["packs/house"]\nselect = ["X9"]\n'})
    # Run from elsewhere: the pack is found from the configuration file's folder.
    found = codes(_check(tmp_path, monkeypatch, capsys, "conf/reports").out)
    assert found == [("conf/reports/good.txt", "X901")]


def test_settings_keys_reach_the_rules(tmp_path: Path) -> None:
    write(tmp_path, {"reportlint.toml": 'issuer-kind = "department"\nformat-version = 2021\n'
                                        '[deadlines]\ndepartment = "02-15"\n'
                                        'government = "03-31"\n'})
    resolved = Resolver(Overrides()).resolve(tmp_path / "r.txt")
    assert dict(resolved.settings.options) == {
        "issuer-kind": "department", "format-version": 2021,
        "deadlines": {"department": "02-15", "government": "03-31"}}
    overridden = Resolver(Overrides(settings={"issuer-kind": "government"}))
    assert overridden.resolve(tmp_path / "r.txt").settings.get("issuer-kind") == "government"


def test_format_version_as_a_string_means_the_year(tmp_path: Path) -> None:
    write(tmp_path, {"reportlint.toml": 'format-version = "2019"\n'})
    assert load_config(tmp_path / "reportlint.toml").options["format-version"] == 2019


# --- finding the file ----------------------------------------------------------------------

def test_nearest_file_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"bad.txt": BROKEN, "sub/bad.txt": BROKEN,
                     "reportlint.toml": 'ignore = ["S103"]\n',
                     "sub/reportlint.toml": 'ignore = ["S101"]\n'})
    found = codes(_check(tmp_path, monkeypatch, capsys, ".").out)
    assert found == [("bad.txt", "S101")] + [("sub/bad.txt", "S103")] * 5


def test_pyproject_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"bad.txt": BROKEN, "sub/bad.txt": BROKEN, "sub2/bad.txt": BROKEN,
                     "pyproject.toml": '[project]\nname = "x"\n[tool.reportlint]\n'
                                       'select = ["S101"]\n',
                     # a pyproject.toml without the table is passed over
                     "sub/pyproject.toml": '[project]\nname = "y"\n',
                     # reportlint.toml wins over pyproject.toml in the same folder
                     "sub2/reportlint.toml": 'select = ["S103"]\n',
                     "sub2/pyproject.toml": '[tool.reportlint]\nselect = ["S101"]\n'})
    found = codes(_check(tmp_path, monkeypatch, capsys, ".").out)
    assert found == [("bad.txt", "S101"), ("sub/bad.txt", "S101")] + [("sub2/bad.txt", "S103")] * 5


def test_config_option_and_isolated(project: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'select = ["S101"]\n',
                    "other/ci.toml": 'ignore = ["S101"]\n'})
    found = codes(_check(project, monkeypatch, capsys, "--config", "other/ci.toml", ".").out)
    assert found == ALL_S103
    found = codes(_check(project, monkeypatch, capsys, "--isolated", "bad.txt").out)
    assert found == [("bad.txt", "S101"), *ALL_S103]
    both = _check(project, monkeypatch, capsys, "--isolated", "--config", "other/ci.toml", ".")
    assert both.code == 2


def test_stdin_finds_the_configuration_of_its_filename(project: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"sub/reportlint.toml": 'select = ["S101"]\n'})
    result = run(["check", "--format", "jsonl", "--stdin-filename", "sub/new.txt", "-"],
                 project, monkeypatch, capsys, stdin=BROKEN.encode("utf-8"))
    assert codes(result.out) == [("sub/new.txt", "S101")]


# --- the command line wins -----------------------------------------------------------------

def test_command_line_wins(project: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"reportlint.toml": 'ignore = ["S101"]\nfail-on = "never"\n'})
    assert codes(_check(project, monkeypatch, capsys, "bad.txt").out) == ALL_S103
    # an explicit --select is obeyed even for a code the file ignores
    selected = _check(project, monkeypatch, capsys, "--select", "S101", "bad.txt")
    assert codes(selected.out) == [("bad.txt", "S101")]
    assert selected.code == 0
    # --ignore adds to the file's
    assert codes(_check(project, monkeypatch, capsys, "--ignore", "S103", "bad.txt").out) == []
    assert _check(project, monkeypatch, capsys, "--fail-on", "error", "bad.txt").code == 1


def test_command_line_codes_are_checked(project: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    result = _check(project, monkeypatch, capsys, "--ignore", "Q123", "bad.txt")
    assert result.code == 2 and "--ignore" in result.err and "Q123" in result.err


# --- bad files: one line naming the file and the key, exit 2 ---------------------------------

BAD_FILES = {
    "toml syntax": ('select = ["S101"\n', "invalid TOML"),
    "unknown key": ('selct = ["S101"]\n', "key 'selct'"),
    "unknown code": ('select = ["S101", "Z999"]\n', "key 'select'"),
    "unknown code in ignore": ('ignore = ["S9"]\n', "key 'ignore'"),
    "unknown code in extend-select": ('extend-select = ["K"]\n', "key 'extend-select'"),
    "unknown code per file": ('[per-file-ignores]\n"*.txt" = ["S1", "W1"]\n',
                              "key 'per-file-ignores.*.txt'"),
    "unknown code in severity": ('[severity]\nQ101 = "info"\n', "key 'severity'"),
    "wrong type": ('select = "S101"\n', "key 'select'"),
    "wrong type table": ('severity = ["S101"]\n', "key 'severity'"),
    "bad level": ('[severity]\nS101 = "fatal"\n', "key 'severity.S101'"),
    "bad fail-on": ('fail-on = "sometimes"\n', "key 'fail-on'"),
    "bad issuer kind": ('issuer-kind = "city"\n', "key 'issuer-kind'"),
    "bad deadline": ('[deadlines]\ngovernment = "02-30"\n', "key 'deadlines.government'"),
    "bad deadline kind": ('[deadlines]\ncity = "03-31"\n', "key 'deadlines.city'"),
    "bad format version": ("format-version = 2020\n", "key 'format-version'"),
    "format version bool": ("format-version = true\n", "key 'format-version'"),
    "missing pack": ('rules = ["nowhere"]\n', "nowhere"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_one_line_naming_file_and_key(
        name: str, project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = BAD_FILES[name]
    write(project, {"reportlint.toml": text})
    result = _check(project, monkeypatch, capsys, "good.txt")
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1
    assert "reportlint.toml" in lines[0] and expected in lines[0]


def test_bad_pyproject_names_the_table(project: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    write(project, {"pyproject.toml": '[tool.reportlint]\nignore = "S101"\n'})
    result = _check(project, monkeypatch, capsys, "good.txt")
    assert result.code == 2 and "pyproject.toml: key 'tool.reportlint.ignore'" in result.err


def test_load_config_raises_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"reportlint.toml": "= 1\n"})
    with pytest.raises(UsageError, match="invalid TOML"):
        load_config(tmp_path / "reportlint.toml")


# --- reportlint config -----------------------------------------------------------------------

def test_config_command_prints_the_configuration_in_effect(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"reports/a.txt": WARNING_ONLY,
                     "reportlint.toml": 'ignore = ["S105"]\nfail-on = "warning"\n'
                                        'issuer-kind = "government"\n'
                                        '[per-file-ignores]\n"reports/*" = ["S102"]\n'
                                        '[severity]\nS106 = "warning"\n'})
    result = run(["config", "reports/a.txt"], tmp_path, monkeypatch, capsys)
    assert result.code == 0
    out = result.out
    assert str(tmp_path / "reportlint.toml") in out
    assert 'ignore = ["S105", "S102"]' in out
    assert 'fail-on = "warning"' in out and 'issuer-kind = "government"' in out
    assert 'severity = { "S106" = "warning" }' in out
    parsed = toml_loads(out)  # the printed configuration is TOML
    assert parsed["select"] == [] and parsed["rules"] == []
    isolated = run(["config", "--isolated", "reports/a.txt"], tmp_path, monkeypatch, capsys)
    assert "none (defaults)" in isolated.out and 'fail-on = "error"' in isolated.out


def test_severity_values_parse() -> None:
    assert Severity.parse("Info") is Severity.INFO
