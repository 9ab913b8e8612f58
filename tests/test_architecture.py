"""The layering the design card asks for, checked on the imports themselves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reportlint"
RULE_MODULES = sorted(
    f"reportlint.{sub}.{p.stem}" for sub in ("kinds", "tables")
    for p in (PACKAGE / sub).glob("*.py") if p.stem != "__init__"
)


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(json.loads(done.stdout))


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rules_do_not_import_lark_click_or_pdfminer(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert not {m.split(".")[0] for m in loaded} & {"lark", "click", "pdfminer", "docx"}


def test_only_the_cli_imports_click() -> None:
    loaded = _loaded_after("import reportlint.engine, reportlint.formatters, reportlint.config")
    assert "click" not in loaded
