"""The help texts of the commands in Chinese, like the rest of the interface.

The decorators in :mod:`reportlint.cli.main` keep their English texts (for the code's
readers); :func:`chinese_help` replaces them once the commands are defined. An option missing
here keeps its English text, so a new option is never without help.
"""

from __future__ import annotations

import click

_RULES = "在内置规则包之外再加一个规则包文件夹（可重复）。"
_CONFIG = "所有输入都使用这个配置文件（不再查找）。"
_ISOLATED = "不读取任何配置文件。"

# (command, parameter) → help; (command, None) is the command's own text.
HELP: dict[tuple[str, str | None], str] = {
    ("check", None): "检查报告文件（文件夹：其中的所有报告文件；“-”：标准输入）。",
    ("check", "output_format"): "输出格式 [默认：text；GITHUB_ACTIONS=true 时为 github]。",
    ("check", "select"): "启用的规则代码或前缀，逗号分隔（S、S10、T403）。",
    ("check", "ignore"): "停用的规则代码或前缀，逗号分隔。",
    ("check", "extend_select"): "另外启用的规则代码或前缀，逗号分隔。",
    ("check", "fail_on"): "出现该级别及以上的问题时退出码为 1 "
                          "[默认：配置文件的 fail-on，否则 error]。",
    ("check", "rule_dirs"): _RULES,
    ("check", "stdin_filename"): "从“-”（标准输入）读取时报告使用的文件名。",
    ("check", "no_source"): "不在问题下方显示原文行和标记。",
    ("check", "config_file"): _CONFIG,
    ("check", "isolated"): _ISOLATED,
    ("check", "output_file"): "把结果写入该文件（终端只显示汇总行）。",
    ("check", "show_statistics"): "不列出问题，改为按规则统计数量，多者在前。",
    ("check", "quiet"): "只显示汇总行。",
    ("check", "issuer_kind"): "把所有报告视为人民政府（government）或部门（department）发布。",
    ("check", "deadline"): "发布期限，为报告年度次年的 MM-DD（如 01-31），"
                           "适用于当前的发布机关类型。",
    ("check", "color"): "text 格式的颜色：auto（终端中使用，设置 NO_COLOR 时不用，设置 FORCE_COLOR "
                        "时总用）、always、never。",
    ("check", "lang"): "text 格式及本程序提示的语言 [默认：配置文件的 lang，否则 zh]。",
    ("rules", None): "列出所有规则：代码、名称、默认级别、概要。",
    ("rules", "rule_dirs"): _RULES,
    ("rule", None): "显示一条规则的完整说明和示例。",
    ("rule", "rule_dirs"): _RULES,
    ("config", None): "以 TOML 显示对某个文件或文件夹生效的配置。",
    ("config", "config_file"): _CONFIG,
    ("config", "isolated"): _ISOLATED,
    ("parse", None): "显示报告的解析树及位置（行:列-结束行:结束列）、规则推导出的事实（发布机关、"
                     "年度、统计期限、日期、作为上年报告的文件）和绑定的表格。",
    ("parse", "rule_dirs"): _RULES,
    ("parse", "previous"): "上年报告：说明它是否作为上年报告与本报告比较（Y801–Y803）。",
    ("extract", None): "显示从报告（PDF、HTML、Word 等）中提取的文字，带有问题所指的行号和页码。",
    ("annotate", None): "为 Word 或 PDF 报告生成带批注的副本：每个问题一条批注（原文件不变）。",
    ("serve", None): "启动网页检查服务：在浏览器中上传报告并查看结果（另有 POST /api/check）。",
    ("export", None): "导出每个已绑定的表格单元格和每份报告的事实"
                      "（文件夹或 .zip：其中的所有报告文件）。",
    ("export", "fmt"): "csv（带 BOM 的 UTF-8）或 jsonl（每行一个 JSON 对象）。",
    ("export", "output"): "写入该文件（默认：标准输出）。",
    ("export", "files_from"): "从该文件读取更多路径，每行一个（“-”：标准输入）。",
}


def localize(name: str, command: click.Command) -> None:
    """Replace the help of the command ``name`` and of its options that the catalogue has."""
    command.help = HELP.get((name, None), command.help)
    command.short_help = None  # derived again from the new help
    for param in command.params:
        if isinstance(param, click.Option):
            param.help = HELP.get((name, param.name), param.help)


def chinese_help(group: click.Group) -> None:
    """Replace the help of each command of ``group`` and of its options."""
    for name, command in group.commands.items():
        localize(name, command)
