"""A rule's help: what ``reportlint rule CODE`` prints and the language server shows on hover."""

from __future__ import annotations

from reportlint.check.packs import Rule
from reportlint.common.i18n import say


def rule_help(rule: Rule) -> str:
    lines = [f"{rule.code} {rule.name} [{say(rule.severity.label)}]  "
             f"（规则包 {rule.pack}，类型 {rule.kind}）", "", rule.description]
    if rule.fix:
        lines += ["", "可自动修复（check --fix）：" + rule.fix.replace("{replacement}", "…")]
    if rule.example:
        lines += ["", "示例："]
        lines += ["  " + line for line in rule.example.rstrip().splitlines()]
    return "\n".join(lines) + "\n"
