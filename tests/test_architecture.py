"""The layering the design card asks for, checked on the imports themselves.

The contracts live in ``[tool.importlinter]`` of ``pyproject.toml``; ``lint-imports`` checks them
and these tests run it, once on the package and once on a copy with an import that points back up.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reportlint"
RULE_MODULES = sorted(
    f"reportlint.{sub.replace('/', '.')}.{p.stem}" for sub in ("check/kinds", "tables")
    for p in (PACKAGE / sub).glob("*.py") if p.stem != "__init__"
)
STAGES = ("read", "parse", "facts", "tables", "check", "output", "config", "cli")


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(json.loads(done.stdout))


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    code = ("import sys\nfrom importlinter.cli import lint_imports\n"
            "sys.exit(lint_imports(no_cache=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                          text=True, env={"PYTHONPATH": str(root), "PATH": ""}, check=False)


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rules_do_not_import_lark_click_or_pdfminer(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert not {m.split(".")[0] for m in loaded} & {"lark", "click", "pdfminer", "docx"}


def test_only_the_cli_imports_click() -> None:
    loaded = _loaded_after("import reportlint.check.engine, reportlint.output, "
                           "reportlint.config.resolve")
    assert "click" not in loaded


def test_every_stage_is_a_package_that_says_what_it_takes_and_gives() -> None:
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        assert init.read_text(encoding="utf-8").startswith('"""'), f"{stage} has no docstring"


def test_the_root_keeps_only_the_package_face_and_shared_records() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules == {"__init__.py", "__main__.py", "model.py", "errors.py"}


def test_import_contracts_are_kept() -> None:
    pytest.importorskip("importlinter")
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_an_import_that_points_back_up_is_named(tmp_path: Path) -> None:
    pytest.importorskip("importlinter")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(PACKAGE, tmp_path / "reportlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    normalize = tmp_path / "reportlint" / "read" / "normalize.py"
    normalize.write_text(normalize.read_text(encoding="utf-8")
                         + "\nfrom reportlint.check import engine  # noqa\n", encoding="utf-8")
    done = _lint_imports(tmp_path)
    assert done.returncode == 1
    assert "reportlint.read.normalize -> reportlint.check.engine" in done.stdout


def _modules_of_check(folder: Path, report: Path) -> set[str]:
    """The modules a ``reportlint check`` run has loaded when it exits."""
    listing = folder / "modules.json"
    code = ("import atexit, json, sys\n"
            f"atexit.register(lambda: open({str(listing)!r}, 'w').write("
            "json.dumps(sorted(sys.modules))))\n"
            f"sys.argv = ['reportlint', 'check', '--cache-dir', {str(folder / 'cache')!r}, "
            f"{str(report)!r}]\n"
            "from reportlint.cli.main import main\nmain()\n")
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, cwd=folder)
    return set(json.loads(listing.read_text(encoding="utf-8")))


def test_a_check_served_from_the_result_cache_imports_no_parser_and_no_rule_kind(
        tmp_path: Path) -> None:
    """Start-up is most of a repeated check (a pre-commit hook, an editor's save): with every
    result in the cache, neither the grammar's tree, the line classifier nor any rule kind is
    imported (README, Caches)."""
    report = tmp_path / "example.txt"
    shutil.copyfile(ROOT / "fixtures" / "example.txt", report)
    first = _modules_of_check(tmp_path, report)
    again = _modules_of_check(tmp_path, report)
    assert {"reportlint.parse.tree", "reportlint.check.kinds.base"} <= first  # it was linted
    unwanted = {m for m in again if m.startswith(("reportlint.parse", "reportlint.check.kinds",
                                                  "reportlint.tables", "reportlint.facts.context",
                                                  "reportlint.facts.lastyear"))}
    assert unwanted == set()
    assert "lark" not in again
