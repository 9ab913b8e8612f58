"""The commands' help is Chinese, like the rest of the interface."""

from __future__ import annotations

import click
from helpers import run

from reportlint.cli.helptext import HELP
from reportlint.cli.main import cli


def test_every_catalogue_entry_names_a_command_or_option() -> None:
    context = click.Context(cli)
    for command_name, param in HELP:
        command = cli.get_command(context, command_name)
        assert command is not None, command_name
        if param is not None:
            names = [p.name for p in command.params if isinstance(p, click.Option)]
            assert param in names, (command_name, param)


def test_help_of_check_is_chinese() -> None:
    done = run("check", "--help")
    assert done.exit_code == 0
    assert "检查报告文件" in done.stdout
    assert "只显示汇总行。" in done.stdout  # --quiet
    assert "Show only the summary line" not in done.stdout


def test_the_command_list_is_chinese() -> None:
    assert "列出所有规则" in run("--help").stdout
