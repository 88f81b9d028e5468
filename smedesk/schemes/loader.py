"""Reading scheme files: built-in ones, a user's newer copies, or any file by path.

Thresholds change by annual notice, so a province loads an updated file without a new
release: files in the user folder (``SMEDESK_SCHEMES_DIR`` or the platform's user data
folder + ``/schemes``) replace a built-in scheme of the same id when their version is
newer. Every problem of a file is a :class:`SchemeError` with a Chinese sentence naming
the file, the rule and the key.
"""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import ValidationError

from smedesk.errors import UserError
from smedesk.resources import resource_path
from smedesk.schemes.model import (
    CHECK_TYPES,
    MaterialSpec,
    RuleSpec,
    Scheme,
    SchemeFile,
    SchemeInfo,
)
from smedesk.schemes.validate import validate_rule

log = logging.getLogger(__name__)

ENV_DIR = "SMEDESK_SCHEMES_DIR"
BUILTIN_IDS = (
    "miit-2017",
    "miit-2019-call",
    "miit-creation",
    "liaoning-creation",
    "casmeic-2019",
    "tibet",
)


class SchemeError(UserError):
    """A scheme that cannot be used; ``message`` is a Chinese sentence for the user."""


def version_key(version: str) -> tuple[int, ...]:
    """``"2017.10"`` → ``(2017, 10)``, so 2017.10 is newer than 2017.9."""
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def user_schemes_dir() -> Path:
    """Where a user drops newer scheme files."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("smedesk", appauthor=False)) / "schemes"


#: A scheme file is a few dozen KB of TOML.
MAX_SCHEME_BYTES = 4 * 1024 * 1024


def builtin_schemes_dir() -> Path:
    return resource_path("schemes")


# --------------------------------------------------------------------------- reading


def _read_toml(path: Path) -> dict[str, Any]:
    from smedesk.safe_read import InputRefused, read_input

    name = path.name
    if not path.exists():
        raise SchemeError(f"找不到方案文件：{path}")
    try:
        # bounded, regular files only: a FIFO or device in the schemes folder cannot hang us
        data = read_input(path, limit=MAX_SCHEME_BYTES, what="方案文件")
    except InputRefused as exc:
        raise SchemeError(exc.message) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SchemeError(f"方案文件 {name} 不是 UTF-8 文本") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(f"方案文件 {name} 不是有效的 TOML：{exc}") from None


def _describe(exc: ValidationError, raw: dict[str, Any], name: str) -> str:
    lines = []
    for err in exc.errors()[:5]:
        loc = list(err["loc"])
        where = ""
        if len(loc) >= 2 and loc[0] in ("rules", "materials") and isinstance(loc[1], int):
            items = raw.get(str(loc[0])) or []
            item = items[loc[1]] if loc[1] < len(items) else {}
            ident = item.get("id") if isinstance(item, dict) else None
            noun = "规则" if loc[0] == "rules" else "材料"
            where = f"{noun} {ident or f'第 {loc[1] + 1} 条'}"
            loc = loc[2:]
        key = ".".join(str(p) for p in loc) or "（整个条目）"
        lines.append(f"{where + ' 的 ' if where else ''}{key}：{_explain(err)}")
    more = len(exc.errors()) - 5
    if more > 0:
        lines.append(f"……另有 {more} 处错误")
    return f"方案文件 {name} 有误：\n" + "\n".join(lines)


def _explain(err: Any) -> str:
    kind = err.get("type", "")
    value = err.get("input")
    if kind == "missing":
        return "缺少此项"
    if kind == "extra_forbidden":
        return "不认识的键"
    if kind == "literal_error" and err["loc"] and err["loc"][-1] == "check":
        return f"未知的检查类型 {value!r}；可用：{'、'.join(CHECK_TYPES)}"
    if kind == "literal_error":
        return f"取值 {value!r} 不在允许范围内（{err.get('ctx', {}).get('expected', '')}）"
    if kind == "string_pattern_mismatch" and err["loc"] and err["loc"][-1] == "version":
        return f"版本号 {value!r} 应为以点分隔的数字，如 2017.1"
    if kind == "string_pattern_mismatch":
        return f"{value!r} 只能由小写字母、数字和连字符组成"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"应为数字，实为 {value!r}"
    if kind in ("string_type",):
        return f"应为文字，实为 {value!r}"
    return str(err.get("msg", "取值不正确"))


def parse_scheme_file(raw: dict[str, Any], name: str) -> SchemeFile:
    try:
        return SchemeFile.model_validate(raw)
    except ValidationError as exc:
        raise SchemeError(_describe(exc, raw, name)) from None


# --------------------------------------------------------------------------- building


def _build(file: SchemeFile, source: Path, chain: tuple[str, ...]) -> Scheme:
    name = source.name
    base: Scheme | None = None
    if file.extends:
        if file.extends in chain or file.extends == file.id:
            raise SchemeError(
                f"方案文件 {name}：extends 形成循环（{' → '.join((*chain, file.id))}）"
            )
        try:
            base = _load_by_id(file.extends, (*chain, file.id))
            _BASES[str(source)] = base
        except SchemeError as exc:
            raise SchemeError(
                f"方案文件 {name}：所继承的方案 {file.extends} 无法载入：{exc.message}"
            ) from None
    applies_to = tuple(file.applies_to) or (base.applies_to if base else ())
    stages = tuple(file.stages) or (base.stages if base else ())
    if not applies_to:
        raise SchemeError(f"方案文件 {name}：缺少 applies_to（适用的文档类型）")
    if not stages:
        raise SchemeError(f"方案文件 {name}：缺少 stages（阶段）")
    relax = {**(base.relax if base else {}), **file.relax}
    rules: dict[str, RuleSpec] = {r.id: r for r in base.rules} if base else {}
    own_ids: set[str] = set()
    for rule in file.rules:
        where = f"方案文件 {name}：规则 {rule.id}"
        if rule.id in own_ids:
            raise SchemeError(f"{where}：规则编号重复")
        own_ids.add(rule.id)
        if rule.id in rules and not rule.replaces:
            raise SchemeError(
                f"{where}：与所继承方案 {file.extends} 的规则编号重复（如需替换请写 replaces = true）"
            )
        kinds = rule.kinds or (applies_to[0],)
        for kind in kinds:
            if kind not in applies_to:
                raise SchemeError(f"{where}：文档类型 {kind} 不在本方案的 applies_to 中")
        if rule.stage is not None and rule.stage not in stages:
            raise SchemeError(f"{where}：阶段 {rule.stage} 不在本方案的 stages 中")
        if rule.relax is not None and rule.relax not in relax:
            raise SchemeError(f"{where}：未定义的放宽条件 relax = {rule.relax!r}")
        resolved = rule.model_copy(
            update={"kinds": kinds, "document": rule.document or file.document}
        )
        problem = validate_rule(resolved, relax)
        if problem:
            raise SchemeError(f"{where}：{problem}")
        rules[rule.id] = resolved
    materials = _materials(file, base, applies_to, name)
    return Scheme(
        id=file.id,
        version=file.version,
        title=file.title,
        issuer=file.issuer,
        document=file.document,
        document_title=file.document_title,
        applies_to=applies_to,
        stages=stages,
        materials=materials,
        rules=tuple(rules.values()),
        facts={
            **(base.facts if base else {}),
            **{
                k: f.model_copy(update={"document": f.document or file.document})
                for k, f in file.facts.items()
            },
        },
        relax=relax,
        forms={
            **(base.forms if base else {}),
            **{k: (file.document, article) for k, article in file.forms.items()},
        },
        note=file.note,
        extends=file.extends,
        source=str(source),
    )


def _materials(
    file: SchemeFile, base: Scheme | None, applies_to: tuple[str, ...], name: str
) -> tuple[MaterialSpec, ...]:
    if not file.materials and base is not None:
        return base.materials
    from smedesk.forms import DOCUMENT_KINDS

    with_materials = tuple(k for k in applies_to if "materials" in DOCUMENT_KINDS[k].model_fields)
    seen: set[str] = set()
    out = []
    for m in file.materials:
        if m.id in seen:
            raise SchemeError(f"方案文件 {name}：材料 {m.id} 编号重复")
        seen.add(m.id)
        kinds = m.kinds or with_materials
        for kind in kinds:
            if kind not in with_materials:
                raise SchemeError(f"方案文件 {name}：材料 {m.id} 的文档类型 {kind} 不带附件材料")
        out.append(m.model_copy(update={"kinds": kinds, "document": file.document}))
    return tuple(out)


# --------------------------------------------------------------------------- caching

_CACHE: dict[str, tuple[tuple[int, int], Scheme]] = {}
#: the base scheme object each cached extending scheme was built on, by source path
_BASES: dict[str, Scheme] = {}


def load_scheme_file(path: str | Path) -> Scheme:
    """Load one scheme file (any location); cached until the file changes."""
    return _load_file(Path(path), ())


def _load_file(path: Path, chain: tuple[str, ...]) -> Scheme:
    try:
        st = path.stat()
    except OSError:
        raise SchemeError(f"找不到方案文件：{path}") from None
    key = str(path.resolve())
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _CACHE.get(key)
    if hit and hit[0] == stamp and _base_unchanged(hit[1], chain):
        return hit[1]
    raw = _read_toml(path)
    scheme = _build(parse_scheme_file(raw, path.name), path, chain)
    _CACHE[key] = (stamp, scheme)
    return scheme


def _base_unchanged(scheme: Scheme, chain: tuple[str, ...]) -> bool:
    """A cached scheme that extends another is stale once a newer base appears."""
    if scheme.extends is None:
        return True
    try:
        base = _load_by_id(scheme.extends, (*chain, scheme.id))
    except SchemeError:
        return False
    return _BASES.get(scheme.source or "") is base


def clear_cache() -> None:
    _CACHE.clear()
    _HEADERS.clear()
    _BASES.clear()


# --------------------------------------------------------------------------- discovery


def _scheme_files() -> list[tuple[Path, bool]]:
    files = [(p, True) for p in sorted(builtin_schemes_dir().glob("*.toml"))]
    user = user_schemes_dir()
    if user.is_dir():
        files += [(p, False) for p in sorted(user.glob("*.toml"))]
    return files


_HEADERS: dict[str, tuple[tuple[int, int], tuple[str, str]]] = {}


def _header(path: Path) -> tuple[str, str]:
    """The id and version of a file, read without building it (cheap, for choosing)."""
    st = path.stat()
    key, stamp = str(path.resolve()), (st.st_mtime_ns, st.st_size)
    hit = _HEADERS.get(key)
    if hit and hit[0] == stamp:
        return hit[1]
    raw = _read_toml(path)
    sid, version = raw.get("id"), raw.get("version")
    if not isinstance(sid, str) or not sid:
        raise SchemeError(f"方案文件 {path.name} 有误：\nid：缺少此项")
    if not isinstance(version, str) or not version:
        raise SchemeError(f"方案文件 {path.name} 有误：\nversion：缺少此项")
    _HEADERS[key] = (stamp, (sid, version))
    return sid, version


def _skip(path: Path, exc: SchemeError, errors: list[SchemeError] | None) -> None:
    log.warning("skipping scheme file %s: %s", path, exc.message)
    if errors is not None:
        errors.append(exc)


def _candidates(errors: list[SchemeError] | None) -> dict[str, list[tuple[Path, bool]]]:
    """Files by scheme id, newest version first; a user file wins a tie only if newer."""
    found: dict[str, list[tuple[tuple[int, ...], int, Path, bool]]] = {}
    for path, builtin in _scheme_files():
        try:
            sid, version = _header(path)
        except SchemeError as exc:
            if builtin:
                raise
            _skip(path, exc, errors)
            continue
        found.setdefault(sid, []).append((version_key(version), int(builtin), path, builtin))
    return {
        sid: [(p, b) for _, _, p, b in sorted(items, key=lambda t: (t[0], t[1]), reverse=True)]
        for sid, items in found.items()
    }


def _load_best(
    files: list[tuple[Path, bool]], chain: tuple[str, ...], errors: list[SchemeError] | None
) -> tuple[Scheme, bool] | None:
    for path, builtin in files:
        try:
            return _load_file(path, chain), builtin
        except SchemeError as exc:
            if builtin:
                raise
            _skip(path, exc, errors)
    return None


def available_schemes(errors: list[SchemeError] | None = None) -> list[SchemeInfo]:
    """Every scheme, built-in or user-supplied, newest usable version of each id.

    A broken user file is skipped (and appended to ``errors`` if given) so the
    built-in version stays usable; a broken built-in file is a bug and raises.
    """
    out = []
    for files in _candidates(errors).values():
        best = _load_best(files, (), errors)
        if best is None:
            continue
        scheme, builtin = best
        out.append(
            SchemeInfo(
                id=scheme.id,
                version=scheme.version,
                title=scheme.title,
                issuer=scheme.issuer,
                document=scheme.document,
                applies_to=scheme.applies_to,
                stages=scheme.stages,
                path=scheme.source or "",
                builtin=builtin,
            )
        )
    order = {sid: i for i, sid in enumerate(BUILTIN_IDS)}
    return sorted(out, key=lambda s: (order.get(s.id, len(order)), s.id))


def _load_by_id(scheme_id: str, chain: tuple[str, ...]) -> Scheme:
    files = _candidates(None).get(scheme_id)
    errors: list[SchemeError] = []
    best = _load_best(files, chain, errors) if files else None
    if best is None and errors:
        raise errors[0]  # the file exists but is broken: say why, not "unknown"
    if best is None:
        known = "、".join(BUILTIN_IDS)
        raise SchemeError(f"未知的方案：{scheme_id}（内置方案：{known}）")
    return best[0]


def load_scheme(id_or_path: str | Path) -> Scheme:
    """A scheme by id (newest usable version) or by the path of a ``.toml`` file."""
    if isinstance(id_or_path, Path) or str(id_or_path).endswith(".toml"):
        return load_scheme_file(id_or_path)
    return _load_by_id(str(id_or_path), ())
