""""Ignore CODE in this file" (the language server's code action): the configuration text
with a per-file-ignores entry, comments and layout kept, and read back by the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config.files import FileConfig, load_config
from reportlint.config.ignoring import ignore_in_file


@pytest.mark.parametrize("name, before, after", [
    ("reportlint.toml", 'select = ["S"]  # structure only\n',
     'select = ["S"]  # structure only\n\n[per-file-ignores]\n"sub/a.txt" = ["S105"]\n'),
    ("reportlint.toml", '[per-file-ignores]\n"x.txt" = ["S101"]\n',
     '[per-file-ignores]\n"sub/a.txt" = ["S105"]\n"x.txt" = ["S101"]\n'),
    ("reportlint.toml", '[per-file-ignores]\n"sub/a.txt" = ["S101"]\n',
     '[per-file-ignores]\n"sub/a.txt" = ["S105", "S101"]\n'),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.reportlint]\nselect = ["S"]\n',
     '[project]\nname = "x"\n\n[tool.reportlint]\nselect = ["S"]\n\n'
     '[tool.reportlint.per-file-ignores]\n"sub/a.txt" = ["S105"]\n'),
])
def test_the_entry_goes_into_the_configuration_that_applies(
        tmp_path: Path, name: str, before: str, after: str) -> None:
    (tmp_path / name).write_text(before, encoding="utf-8")
    document = tmp_path / "sub" / "a.txt"
    edit = ignore_in_file(load_config(tmp_path / name), document, "S105")
    assert edit is not None
    assert (edit.config, edit.text, edit.exists) == (tmp_path / name, after, True)
    (tmp_path / name).write_text(edit.text, encoding="utf-8")
    assert ("sub/a.txt" in dict(load_config(tmp_path / name).per_file_ignores))


def test_without_a_configuration_a_new_one_beside_the_document(tmp_path: Path) -> None:
    edit = ignore_in_file(FileConfig(), tmp_path / "a.txt", "N303")
    assert edit is not None
    assert (edit.config, edit.text, edit.exists) == (
        tmp_path / "reportlint.toml", '[per-file-ignores]\n"a.txt" = ["N303"]\n', False)


def test_an_entry_that_would_not_read_back_is_not_offered(tmp_path: Path) -> None:
    # per-file-ignores as an inline table: a second [per-file-ignores] header would break it
    (tmp_path / "reportlint.toml").write_text('per-file-ignores = {"b.txt" = ["S101"]}\n',
                                              encoding="utf-8")
    config = load_config(tmp_path / "reportlint.toml")
    assert ignore_in_file(config, tmp_path / "a.txt", "S105") is None
