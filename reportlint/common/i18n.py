"""The words of the human-facing interface around the messages, in Chinese (the default) or
English: severity labels, the summary line, the lines about paths on stderr.

Rule messages are Chinese in the rule packs; machine formats (json, sarif, gcc, …) keep their
English keys and values and never come here.
"""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

_CATALOGUE: dict[str, dict[str, str]] = {
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
    "info": {"zh": "提示", "en": "info"},
    "summary": {
        "zh": "共检查{files}个文件：{errors}个错误、{warnings}个警告、{infos}个提示",
        "en": "{errors} {errors_word}, {warnings} {warnings_word}, {infos} {infos_word} "
              "in {files} {files_word}",
    },
    "no-such-path": {"zh": "{path}：文件或文件夹不存在", "en": "{path}: no such file or directory"},
    "no-reports": {
        "zh": "{path}：没有找到报告文件（{suffixes}）",
        "en": "{path}: no report files found ({suffixes})",
    },
    "cannot-read": {"zh": "{path}：无法读取：{reason}", "en": "{path}: cannot read: {reason}"},
}

_PLURALS = {"errors_word": ("error", "errors"), "warnings_word": ("warning", "warnings"),
            "infos_word": ("info", "infos"), "files_word": ("file", "files")}


def say(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The catalogue's text for ``key`` in ``lang`` (an unknown language: the default)."""
    texts = _CATALOGUE[key]
    return texts.get(lang, texts[DEFAULT_LANG]).format(**values)


def summary(errors: int, warnings: int, infos: int, files: int, lang: str = DEFAULT_LANG) -> str:
    """共检查N个文件：N个错误、N个警告、N个提示 (``1 warning, … in 1 file`` in English)."""
    counted = {"errors": errors, "warnings": warnings, "infos": infos, "files": files}
    words = {word: forms[counted[word.removesuffix("_word")] != 1]
             for word, forms in _PLURALS.items()}
    return say("summary", lang, **counted, **words)
