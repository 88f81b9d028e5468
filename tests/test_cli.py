"""The ``smedesk`` command as a user runs it: a subprocess, real files, exit codes, messages.

The subprocess imports the same ``smedesk`` as this test process (the installed copy
under ``.ci/run``), and starts in a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import smedesk
from smedesk import cli

from support.fixtures import PREVIOUS_RELEASE

PACKAGE_PARENT = str(Path(smedesk.__file__).resolve().parent.parent)
SHENYANG = "application-miit-2017-shenyang-info.json"
LHASA = "application-tibet-lhasa.json"


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = dict(os.environ, PYTHONPATH=PACKAGE_PARENT, PYTHONIOENCODING="utf-8")
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "smedesk", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = run("demo", str(folder / "set"), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return folder / "set"


def check_json(path: Path, *extra: str, cwd: Path) -> tuple[int, dict[str, object]]:
    result = run("check", str(path), "--json", *extra, cwd=cwd)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def outcomes(report: dict[str, object]) -> dict[str, str]:
    return {f["rule_id"]: f["outcome"] for f in report["findings"]}  # type: ignore[attr-defined,index]


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"smedesk {smedesk.__version__}"


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import sys; from smedesk.cli import main; main(['--version']); "
        "print(sorted(m for m in ('pydantic', 'PySide6', 'sqlalchemy', 'reportlab', 'openpyxl') "
        "if m in sys.modules))"
    )
    env = dict(os.environ, PYTHONPATH=PACKAGE_PARENT)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("demo", "check", "schema"):
        assert command in result.stdout


def test_demo_writes_the_set(demo_dir: Path) -> None:
    names = sorted(p.name for p in demo_dir.glob("*.json"))
    assert SHENYANG in names and LHASA in names and len(names) >= 9
    for path in demo_dir.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


def test_check_2017_application_cites_article_12(demo_dir: Path, tmp_path: Path) -> None:
    result = run("check", str(demo_dir / SHENYANG), "--scheme", "miit-2017", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "第十二条" in result.stdout
    assert "符合" in result.stdout
    assert result.stderr == ""


def test_same_document_other_scheme_other_outcomes(demo_dir: Path, tmp_path: Path) -> None:
    code_2017, national = check_json(demo_dir / SHENYANG, "--scheme", "miit-2017", cwd=tmp_path)
    _, tibet = check_json(demo_dir / SHENYANG, "--scheme", "tibet", cwd=tmp_path)
    assert code_2017 == 0
    assert national["scheme"]["id"] == "miit-2017"  # type: ignore[index]
    assert tibet["scheme"]["id"] == "tibet"  # type: ignore[index]
    assert outcomes(national) != outcomes(tibet)
    assert {f["citation"]["document"] for f in national["findings"]} != {  # type: ignore[attr-defined,index]
        f["citation"]["document"]
        for f in tibet["findings"]  # type: ignore[attr-defined,index]
    }


def test_tibet_platform_fails_the_national_scheme(demo_dir: Path, tmp_path: Path) -> None:
    own = run("check", str(demo_dir / LHASA), cwd=tmp_path)
    assert own.returncode == 0, own.stdout
    national = run("check", str(demo_dir / LHASA), "--scheme", "miit-2017", cwd=tmp_path)
    assert national.returncode == 1
    assert "不符合" in national.stdout and "可适度放宽" in national.stdout
    # Groups print in the order that needs action first.
    assert national.stdout.index("\n不符合（") < national.stdout.index("\n可适度放宽（")


def test_json_output_is_consistent(demo_dir: Path, tmp_path: Path) -> None:
    code, report = check_json(demo_dir / LHASA, "--scheme", "miit-2017", cwd=tmp_path)
    findings = report["findings"]
    assert isinstance(findings, list) and findings
    counts = report["counts"]
    assert isinstance(counts, dict) and sum(counts.values()) == len(findings)
    assert report["shortfall"] is True and code == 1
    first = findings[0]
    assert {"rule_id", "outcome", "message", "citation", "path", "missing"} <= set(first)
    assert first["citation"]["article"].startswith("第") or first["citation"]["article"]


def test_stage_option(demo_dir: Path, tmp_path: Path) -> None:
    path = demo_dir / "creation-liaoning-anshan-base.json"
    code, report = check_json(path, "--stage", "creation", cwd=tmp_path)
    assert report["stage"] == "creation" and code == 0
    code, _ = check_json(path, "--stage", "recognition", cwd=tmp_path)
    assert code in (0, 1)


def test_document_missing_half_its_fields_gives_missing_findings(
    demo_dir: Path, tmp_path: Path
) -> None:
    data = json.loads((demo_dir / SHENYANG).read_text(encoding="utf-8"))
    basic = data["form"]["basic"]
    for key in list(basic)[::2]:
        del basic[key]
    for key in ("narratives", "served_enterprises", "functions", "materials"):
        del data[key]
    path = tmp_path / "half.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, report = check_json(path, cwd=tmp_path)
    assert code == 1
    missing = [f for f in report["findings"] if f["missing"]]  # type: ignore[attr-defined]
    assert missing and all(f["outcome"] == "not-met" for f in missing)


BAD_INPUTS = {
    "empty": b"",
    "blank": b"  \n\t ",
    "binary": bytes(range(256)) * 4,
    "array": b"[1, 2, 3]",
    "invalid": b'{"kind": "application-report", "scheme": ',
    "latin1": '{"kind": "application-report", "note": "caf\u00e9"}'.encode("latin-1"),
    "unknown-kind": b'{"kind": "invoice", "scheme": {"id": "miit-2017", "version": "1"}}',
    "no-scheme": b'{"kind": "application-report"}',
    "bad-value": b'{"kind": "application-report", "scheme": {"id": "miit-2017", "version": "1"}, "fill_date": "yesterday"}',
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_files_exit_2_with_a_chinese_message(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.json"
    path.write_bytes(BAD_INPUTS[name])
    result = run("check", str(path), cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert has_chinese(result.stderr)
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("check", "does-not-exist.json"),
        ("check", "."),
        ("check",),
        ("check", "x.json", "--stage", "final"),
        ("schema", "no-such-kind"),
        ("no-such-command",),
    ],
)
def test_bad_arguments_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert has_chinese(result.stderr)


def test_unknown_scheme_lists_the_known_ones(demo_dir: Path, tmp_path: Path) -> None:
    result = run("check", str(demo_dir / SHENYANG), "--scheme", "no-such-scheme", cwd=tmp_path)
    assert result.returncode == 2
    assert "no-such-scheme" in result.stderr and "miit-2017" in result.stderr
    assert "Traceback" not in result.stderr


def test_document_of_the_wrong_kind_for_the_scheme(demo_dir: Path, tmp_path: Path) -> None:
    summary = demo_dir / "recommendation-summary-2019-liaoning.json"
    result = run("check", str(summary), "--scheme", "tibet", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "不适用" in result.stderr and "Traceback" not in result.stderr


def test_a_document_with_an_unknown_field_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    data = json.loads((demo_dir / SHENYANG).read_text(encoding="utf-8"))
    data["form"]["basic"]["future_field"] = "新版本才有的字段"
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check", str(path), cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "未知字段 form.basic.future_field：" in result.stderr
    assert "为避免丢失数据，拒绝读取" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_the_previous_release_file_is_checked_as_it_is(tmp_path: Path) -> None:
    old = PREVIOUS_RELEASE / "application-format-1.json"
    assert json.loads(old.read_text(encoding="utf-8"))["format_version"] == 1
    result = run("check", str(old), cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # the Shenyang demo meets its scheme
    assert "第十二条" in result.stdout


def test_schema_lists_kinds_and_prints_a_schema(tmp_path: Path) -> None:
    listing = run("schema", cwd=tmp_path)
    assert listing.returncode == 0
    assert "application-report" in listing.stdout and "申请报告" in listing.stdout
    one = run("schema", "application-report", cwd=tmp_path)
    assert one.returncode == 0
    schema = json.loads(one.stdout)
    assert schema["title"] == "ApplicationReport" and "properties" in schema
    # unknown fields are refused, at the top and in every part (enums are not objects)
    assert schema["additionalProperties"] is False
    objects = {k: d for k, d in schema["$defs"].items() if d.get("type") == "object"}
    assert objects and all(d["additionalProperties"] is False for d in objects.values())
    unknown = run("schema", "invoice", cwd=tmp_path)
    assert unknown.returncode == 2 and "application-report" in unknown.stderr


# --- in-process: the dispatcher and the desktop entry -------------------------------------


def test_unexpected_error_is_exit_3_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("坏了")

    assert cli.run_handler(broken, types.SimpleNamespace()) == 3  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert err.startswith("内部错误：") and "SMEDESK_DEBUG" in err and "Traceback" not in err


def test_debug_shows_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMEDESK_DEBUG", "1")

    def broken(_args: object) -> int:
        raise RuntimeError("坏了")

    with pytest.raises(RuntimeError):
        cli.run_handler(broken, types.SimpleNamespace())  # type: ignore[arg-type]


def test_no_arguments_starts_the_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    fake = types.ModuleType("smedesk.ui.app")
    fake.run = lambda: calls.append("run") or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "smedesk.ui.app", fake)
    assert cli.main([]) == 0
    assert calls == ["run"]


def test_no_desktop_module_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "smedesk.ui.app", None)
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert has_chinese(err) and "Traceback" not in err
