"""Scheme files: built-ins load, bad files give clear Chinese errors, user files override."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.resources import resource_path
from smedesk.schemes import SchemeError, available_schemes, load_scheme, load_scheme_file
from smedesk.schemes.loader import BUILTIN_IDS, user_schemes_dir, version_key

MINIMAL = """
id = "test-scheme"
version = "1.0"
title = "测试平台"
issuer = "测试厅"
document = "测试办法"
applies_to = ["application-report"]
stages = ["recognition"]
"""

RULE = """
[[rules]]
id = "{id}"
title = "资产总额"
article = "第一条"
check = "{check}"
path = "{path}"
threshold = 100
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_schemes_all_load() -> None:
    infos = {s.id: s for s in available_schemes()}
    assert set(BUILTIN_IDS) <= set(infos)
    assert all(infos[sid].builtin for sid in BUILTIN_IDS)
    for sid in BUILTIN_IDS:
        scheme = load_scheme(sid)
        assert scheme.id == sid and scheme.rules and scheme.materials
        assert scheme.title and scheme.issuer and scheme.document


def test_materials_counts_as_in_the_seeds() -> None:
    counts = {sid: len(load_scheme(sid).materials) for sid in BUILTIN_IDS}
    assert counts == {
        # the call: the 2017 measures' 8 for the applicant, 5 of 四 for the authority
        "miit-2017": 8, "miit-2019-call": 8 + 5, "miit-creation": 7,
        "liaoning-creation": 7, "casmeic-2019": 8, "tibet": 8,
    }  # fmt: skip
    assert (
        load_scheme("casmeic-2019")
        .materials[0]
        .label.startswith("中小企业公共服务示范平台服务功能类别申请表")
    )


def test_facts() -> None:
    assert load_scheme("miit-2017").facts["validity_years"].value == 3
    assert load_scheme("tibet").facts["publicity_working_days"].value == 7
    assert load_scheme("miit-2019-call").facts["guangdong_sealed_copies"].value == 3
    assert load_scheme("miit-2019-call").facts["sealed_copies"].value == 2


def test_relaxation_on_exactly_the_2017_items() -> None:
    relaxed = {r.id for r in load_scheme("miit-2017").rules if r.relax == "western"}
    assert relaxed and all(r.split("-")[0] == "art12" for r in relaxed)
    assert {r.split("-")[1] for r in relaxed} == {"1", "2", "3", "6"}


def test_miit_creation_says_its_annexes_come_from_liaoning() -> None:
    scheme = load_scheme("miit-creation")
    assert scheme.note and "辽宁" in scheme.note
    annex = [r for r in scheme.rules if r.id.startswith(("a1-", "a2-", "a3-"))]
    assert annex and all("暂按辽宁省标准" in r.article for r in annex)


def test_load_by_path(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "x.toml",
        MINIMAL + RULE.format(id="assets", check="min", path="form.basic.total_assets"),
    )
    scheme = load_scheme_file(path)
    assert scheme.id == "test-scheme" and scheme.rules[0].kinds == ("application-report",)
    assert load_scheme(str(path)).id == "test-scheme"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id = \"x\"\nversion = ", "不是有效的 TOML"),
        (MINIMAL + RULE.format(id="assets", check="minimum", path="form.basic.total_assets"), "未知的检查类型 'minimum'"),
        (MINIMAL + RULE.format(id="assets", check="min", path="form.basic.total_asset"), "字段路径 form.basic.total_asset"),
        (MINIMAL + RULE.format(id="a", check="min", path="form.basic.total_assets") * 2, "规则编号重复"),
        (MINIMAL.replace('version = "1.0"\n', ""), "version：缺少此项"),
        (MINIMAL.replace('version = "1.0"', 'version = "v1"'), "版本号 'v1'"),
        (MINIMAL + RULE.format(id="a", check="min", path="form.basic.total_assets").replace("threshold = 100\n", ""), "须写 threshold"),
        (MINIMAL + RULE.format(id="a", check="is_true", path="form.basic.total_assets"), "应为是/否"),
        (MINIMAL + RULE.format(id="a", check="min", path="form.basic.total_assets") + 'relax = "western"\n', "未定义的放宽条件"),
        (MINIMAL + RULE.format(id="a", check="min", path="form.basic.total_assets") + 'stage = "creation"\n', "阶段 creation"),
        (MINIMAL + RULE.format(id="a", check="min", path="form.basic.total_assets") + 'colour = "red"\n', "不认识的键"),
    ],
    ids=["toml", "unknown-check", "unknown-path", "duplicate-id", "missing-version", "bad-version",
         "no-threshold", "wrong-type", "unknown-relax", "unknown-stage", "unknown-key"],
)  # fmt: skip
def test_bad_scheme_files(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, "bad.toml", text)
    with pytest.raises(SchemeError) as info:
        load_scheme_file(path)
    assert expected in info.value.message
    assert "bad.toml" in info.value.message


def test_error_names_the_rule(tmp_path: Path) -> None:
    text = MINIMAL + RULE.format(id="art12-assets", check="minn", path="form.basic.total_assets")
    with pytest.raises(SchemeError) as info:
        load_scheme_file(_write(tmp_path, "bad.toml", text))
    assert "规则 art12-assets" in info.value.message and "check" in info.value.message


def test_path_checked_against_each_kind(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        '["application-report"]', '["application-report", "creation-application"]'
    )
    text += RULE.format(id="a", check="min", path="form.basic.total_assets")
    text += 'kinds = ["creation-application"]\n'
    with pytest.raises(SchemeError, match="创建申请书"):
        load_scheme_file(_write(tmp_path, "bad.toml", text))


def test_missing_file_and_unknown_id(tmp_path: Path) -> None:
    with pytest.raises(SchemeError, match="找不到方案文件"):
        load_scheme_file(tmp_path / "none.toml")
    with pytest.raises(SchemeError, match="未知的方案"):
        load_scheme("no-such-scheme")


def _builtin_text(sid: str) -> str:
    return resource_path("schemes", f"{sid}.toml").read_text(encoding="utf-8")


def test_user_folder_newer_version_overrides_builtin() -> None:
    folder = user_schemes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = _builtin_text("miit-2017").replace('version = "2017.1"', 'version = "2017.10"')
    text = text.replace("threshold = 300\n", "threshold = 500\n")
    _write(folder, "miit-2017-2025.toml", text)
    scheme = load_scheme("miit-2017")
    assert scheme.version == "2017.10" and scheme.rule("art12-1-assets").threshold == 500
    info = next(s for s in available_schemes() if s.id == "miit-2017")
    assert not info.builtin and info.version == "2017.10"
    # a scheme extending it sees the newer base
    assert load_scheme("miit-2019-call").rule("art12-1-assets").threshold == 500


def test_user_folder_older_version_does_not_override() -> None:
    folder = user_schemes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = _builtin_text("tibet").replace('version = "1.0"', 'version = "0.9"')
    _write(folder, "tibet.toml", text)
    assert load_scheme("tibet").version == "1.0"
    assert next(s for s in available_schemes() if s.id == "tibet").builtin


def test_broken_user_file_is_skipped_and_reported() -> None:
    folder = user_schemes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = _builtin_text("miit-2017").replace('version = "2017.1"', 'version = "2099.1"')
    text = text.replace('check = "years_since"', 'check = "years_since_x"')
    _write(folder, "miit-2017.toml", text)
    errors: list[SchemeError] = []
    infos = available_schemes(errors)
    assert next(s for s in infos if s.id == "miit-2017").builtin
    assert errors and "years_since_x" in errors[0].message
    assert load_scheme("miit-2017").version == "2017.1"


def test_user_scheme_with_new_id(tmp_path: Path) -> None:
    folder = user_schemes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _write(
        folder,
        "mine.toml",
        MINIMAL + RULE.format(id="a", check="min", path="form.basic.total_assets"),
    )
    assert "test-scheme" in {s.id for s in available_schemes()}
    assert load_scheme("test-scheme").version == "1.0"


def test_user_dir_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SMEDESK_SCHEMES_DIR", str(tmp_path / "s"))
    assert user_schemes_dir() == tmp_path / "s"


def test_version_key_is_numeric() -> None:
    assert version_key("2017.10") > version_key("2017.9")
    assert version_key("2") < version_key("2.0.1")


def test_extends_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMEDESK_SCHEMES_DIR", str(tmp_path))
    a = MINIMAL.replace('id = "test-scheme"', 'id = "cyc-a"') + 'extends = "cyc-b"\n'
    b = MINIMAL.replace('id = "test-scheme"', 'id = "cyc-b"') + 'extends = "cyc-a"\n'
    _write(tmp_path, "cyc-a.toml", a)
    _write(tmp_path, "cyc-b.toml", b)
    with pytest.raises(SchemeError, match="循环"):
        load_scheme("cyc-a")


def test_every_check_type_is_implemented() -> None:
    from smedesk.schemes.composite import _ALL
    from smedesk.schemes.model import CHECK_TYPES

    assert set(_ALL) == set(CHECK_TYPES)
