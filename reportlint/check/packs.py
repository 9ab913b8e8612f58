"""Rule packs: a folder of YAML rule files plus the domain data they share.

A pack folder holds ``pack.yaml`` (name, description, ``data:`` name → YAML file) and one YAML
file per rule. Rule files are validated when loaded; a problem is one line naming the file,
the line and the key (a :class:`~reportlint.errors.UsageError`, exit 2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.check.linedict import LineDict
from reportlint.check.packcache import cached_pack
from reportlint.check.templates import Known, known_placeholders, template_problem
from reportlint.common.resources import builtin_rules_dir
from reportlint.errors import UsageError
from reportlint.model import Severity

if TYPE_CHECKING:
    from reportlint.check.kinds.base import Kind

_CODE = re.compile(r"^[A-Z]{1,3}\d{3,4}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_REQUIRED: dict[str, type] = {
    "code": str, "name": str, "severity": str, "description": str, "kind": str,
}
_OPTIONAL: dict[str, type] = {
    "summary": str, "params": dict, "example": str, "enabled": bool, "fix": str,
}
_PACK_KEYS: dict[str, type] = {"name": str, "description": str, "data": dict}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    description: str
    kind: str
    params: Mapping[str, Any]
    summary: str
    example: str | None
    file: str
    pack: str
    enabled: bool = True  # False: runs only when a select or extend-select names it
    # The title of the rule's safe fix ({replacement}: the new text); None: the rule never
    # fixes, even when its kind could.
    fix: str | None = None

    @property
    def implementation(self) -> Kind:
        return _kinds()[self.kind]


@dataclass(frozen=True)
class Pack:
    name: str
    path: Path
    rules: tuple[Rule, ...]
    data: Mapping[str, Any]
    data_files: Mapping[str, str] = field(default_factory=dict)  # entry name → its file


@dataclass(frozen=True)
class RuleSet:
    """All loaded packs: the rules by code, and the merged domain data."""

    rules: tuple[Rule, ...]
    data: Mapping[str, Any]

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)


@cache  # asked once per rule and report: an import statement costs a lookup each time
def _kinds() -> Mapping[str, Kind]:
    """The kinds by name, imported when a rule runs or a pack is read from its files: a run
    whose result and pack come from the caches imports none of them."""
    from reportlint.check.kinds.registry import KINDS

    return KINDS


def _fail(path: Path, line: int, message: str) -> UsageError:
    return UsageError(f"{path}:{line}: {message}")


def _type_name(types: tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", list: "a list",
             dict: "a mapping", bool: "true or false"}
    return " or ".join(names.get(t, t.__name__) for t in types)


def _check_type(path: Path, doc: LineDict, key: str, types: tuple[type, ...],
                prefix: str = "") -> None:
    value = doc[key]
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        raise _fail(path, doc.line_of(key), f"key '{prefix}{key}': expected "
                    f"{_type_name(types)}, got {type(value).__name__}")


def _is_template(kind: Kind, key: str) -> bool:
    from reportlint.check.kinds.base import MESSAGE

    spec = kind.params[key]
    return spec is MESSAGE or spec.placeholders is not None or key == "doubtful"


def _validate_params(path: Path, doc: LineDict, kind: Kind,
                     known: Known | None = None) -> dict[str, Any]:
    raw = doc.get("params") or LineDict()
    if not isinstance(raw, LineDict):
        raw = LineDict(raw)
        raw.key_lines = {}
    raw.line = raw.line or doc.line_of("params")
    for key in raw:
        if key not in kind.params:
            names = ", ".join(sorted(kind.params)) or "none"
            raise _fail(path, raw.line_of(key), f"key 'params.{key}': unknown parameter of "
                        f"kind '{doc['kind']}' (known: {names})")
    params: dict[str, Any] = {}
    for key, spec in kind.params.items():
        if key not in raw:
            if spec.required:
                raise _fail(path, raw.line, f"key 'params.{key}': missing parameter of kind "
                            f"'{doc['kind']}' ({spec.help})")
            params[key] = spec.default
            continue
        _check_type(path, raw, key, spec.types, prefix="params.")
        problem = spec.validate(raw[key]) if spec.validate else None
        if problem is None and _is_template(kind, key):
            allowed = frozenset(spec.placeholders) if spec.placeholders is not None else \
                None if known is None else known.get((doc["kind"], key))
            problem = template_problem(raw[key], allowed)
        if problem:
            raise _fail(path, raw.line_of(key), f"key 'params.{key}': {problem}")
        params[key] = raw[key]
    return params


def load_yaml(path: Path) -> Any:
    from reportlint.check.yamlfile import load_yaml as load  # only when no cached pack fits

    return load(path)


def load_rule(path: Path, pack: str, known: Known | None = None) -> Rule:
    doc = load_yaml(path)
    if not isinstance(doc, LineDict):
        raise _fail(path, 1, "a rule file must be a mapping of keys")
    for key in doc:
        if key not in _REQUIRED and key not in _OPTIONAL:
            raise _fail(path, doc.line_of(key), f"key '{key}': unknown key")
    for key, expected in _REQUIRED.items():
        if key not in doc:
            raise _fail(path, doc.line, f"key '{key}': missing")
        _check_type(path, doc, key, (expected,))
    for key, expected in _OPTIONAL.items():
        if key in doc:
            _check_type(path, doc, key, (expected,))
    if not _CODE.match(doc["code"]):
        raise _fail(path, doc.line_of("code"), f"key 'code': {doc['code']!r} is not a rule "
                    "code (letters then digits, such as S101)")
    if not _NAME.match(doc["name"]):
        raise _fail(path, doc.line_of("name"), f"key 'name': {doc['name']!r} is not kebab-case")
    try:
        severity = Severity.parse(doc["severity"])
    except ValueError as error:
        raise _fail(path, doc.line_of("severity"), f"key 'severity': {error}") from None
    kind = _kinds().get(doc["kind"])
    if kind is None:
        kinds = ", ".join(sorted(_kinds()))
        raise _fail(path, doc.line_of("kind"), f"key 'kind': unknown kind {doc['kind']!r} "
                    f"(known: {kinds})")
    if "fix" in doc and not kind.fixes:
        raise _fail(path, doc.line_of("fix"), f"key 'fix': kind {doc['kind']!r} has no "
                    "automatic fix")
    description = doc["description"].strip()
    return Rule(
        code=doc["code"],
        name=doc["name"],
        severity=severity,
        description=description,
        kind=doc["kind"],
        params=_validate_params(path, doc, kind, known),
        summary=str(doc.get("summary") or description.splitlines()[0]).strip(),
        example=doc.get("example"),
        file=str(path),
        pack=pack,
        enabled=bool(doc.get("enabled", True)),
        fix=doc.get("fix"),
    )


def _load_data(folder: Path, manifest: LineDict, manifest_path: Path
               ) -> tuple[dict[str, Any], dict[str, str]]:
    """The data entries, and the file each came from."""
    data: dict[str, Any] = {}
    files: dict[str, str] = {}
    entries = manifest.get("data") or {}
    for name, relative in entries.items():
        target = folder / str(relative)
        if not target.is_file():
            line = entries.line_of(name) if isinstance(entries, LineDict) else manifest.line
            raise _fail(manifest_path, line, f"key 'data.{name}': no file {relative}")
        data[name], files[name] = load_yaml(target), str(target)
    return data, files


def _manifest(folder: Path) -> tuple[Path, LineDict]:
    path = folder / "pack.yaml"
    if not path.is_file():
        empty = LineDict(name=folder.name)
        empty.key_lines = {}
        return path, empty
    manifest = load_yaml(path)
    if not isinstance(manifest, LineDict):
        raise _fail(path, 1, "pack.yaml must be a mapping of keys")
    for key in manifest:
        if key not in _PACK_KEYS:
            raise _fail(path, manifest.line_of(key), f"key '{key}': unknown key")
        _check_type(path, manifest, key, (_PACK_KEYS[key],))
    return path, manifest


def load_pack(folder: Path, known: Known | None = None, base: Pack | None = None) -> Pack:
    """A pack; ``known``: the placeholders each kind fills in (checked in its messages);
    ``base``: the pack loaded before it, whose data its rules may read and whose rules may
    read its data (their patterns are checked together)."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: rule pack folder not found")
    manifest_path, manifest = _manifest(folder)
    name = str(manifest.get("name", folder.name))
    files = sorted(p for p in folder.glob("*.yaml") if p.name != "pack.yaml")
    files += sorted(folder.glob("*.yml"))
    rules = tuple(load_rule(path, name, known) for path in files)
    pack = Pack(name, folder, rules, *_load_data(folder, manifest, manifest_path))
    _check_data_patterns(pack, base)
    return pack


def _check_data_patterns(pack: Pack, base: Pack | None) -> None:
    from reportlint.check.datapatterns import check_data_patterns

    data, files, rules = pack.data, pack.data_files, pack.rules
    if base is not None:
        data, files = {**base.data, **data}, {**base.data_files, **files}
        rules = (*base.rules, *rules)
    check_data_patterns(data, files, rules, _kinds(), tuple(pack.data))


def _merge(packs: list[Pack]) -> RuleSet:
    seen: dict[str, Rule] = {}
    data: dict[str, Any] = {}
    for pack in packs:
        data.update(pack.data)
        for rule in pack.rules:
            if rule.code in seen:
                raise UsageError(f"{rule.file}:1: key 'code': {rule.code} is already defined "
                                 f"in {seen[rule.code].file}")
            seen[rule.code] = rule
    ordered = tuple(sorted(seen.values(), key=lambda r: r.code))
    return RuleSet(ordered, data)


def load_rules(extra: tuple[Path, ...] = ()) -> RuleSet:
    """The built-in pack plus the user's packs, in order; a folder named twice (in the
    configuration and by ``--rules``, or twice) is loaded once. The user's message templates
    may use the placeholders the built-in rules of the same kind use."""
    builtin, *extras = {_identity(f): f for f in (builtin_rules_dir(), *extra)}.values()
    packs = [cached_pack(builtin, load_pack)]
    if extras:
        known = _known_placeholders(packs[0])
        packs += [cached_pack(folder, partial(load_pack, known=known, base=packs[0]))
                  for folder in extras]
    return _merge(packs)


def _known_placeholders(builtin: Pack) -> Known:
    kinds = _kinds()
    return known_placeholders((r.kind, key, value) for r in builtin.rules
                              for key, value in r.params.items()
                              if isinstance(value, str) and _is_template(kinds[r.kind], key))


def _identity(folder: Path) -> Path:
    try:
        return folder.resolve()
    except OSError:  # a loop of links: load_pack names the folder
        return folder.absolute()
