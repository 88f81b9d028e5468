"""The expert's last steps: what blocks signing, a declared conflict closing the sheet, and a
sheet edited after signing that cannot leave unsigned-for."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from smedesk.demo import reports
from smedesk.errors import Cancelled
from smedesk.exchange import (
    ExchangeError,
    declare_conflict,
    export_opinion_package,
    import_package,
    sign_opinion,
)
from smedesk.exchange.common import document_bytes
from smedesk.exchange.template import opinion_template
from smedesk.export.package import open_package
from smedesk.export.signing import make_signer
from smedesk.forms import parse_document
from smedesk.forms.opinion import ConflictDeclaration
from smedesk.schemes import load_scheme

from support.exchange import STROKES, Desk, desk, fill_sheet


def cancel_halfway(done: int, total: int) -> None:
    """A progress callback that cancels once half the work is reported done."""
    if done >= total // 2:
        raise Cancelled()


def cancel_now(done: int, total: int) -> None:
    """A progress callback that cancels at its first report (smedesk.progress)."""
    raise Cancelled()


def _sheet(root: Path) -> tuple[Desk, str]:
    expert = desk(root, "王建国")
    report = reports.shenyang_information_platform()
    sheet = opinion_template(report, load_scheme(report.scheme.id), "王建国")
    data, _ = document_bytes(sheet)
    expert.store.create(
        sheet.kind, "意见表", data, scheme_id="miit-2017", scheme_version="2017.1",
        owner_role="expert", author="王建国",
    )  # fmt: skip
    return expert, sheet.doc_id


def test_template_rows_carry_figures_and_no_score(tmp_path: Path) -> None:
    expert, sheet_id = _sheet(tmp_path)
    doc = parse_document(expert.store.get(sheet_id).data)
    rows = doc.criteria  # type: ignore[attr-defined]
    assets = next(r for r in rows if r.label == "资产总额")
    assert assets.figure == "2860 万元" and assets.threshold == "≥ 300 万元"
    assert assets.engine_outcome == "符合" and assets.assessment is None
    judged = [r for r in rows if r.engine_outcome == "需专家判断"]
    assert judged and all(r.figure is None for r in judged)
    assert not any(k in doc.model_dump() for k in ("score", "total", "rank"))


def test_an_unfinished_sheet_cannot_be_signed(tmp_path: Path) -> None:
    expert, sheet_id = _sheet(tmp_path)
    with pytest.raises(ExchangeError,
                       match=r"职务/职称.*工作单位.*回避声明.*未给出结论.*综合评审意见.*评审结论"):  # fmt: skip
        sign_opinion(expert.store, sheet_id, expert.identity(), STROKES, author="王建国")
    fill_sheet(expert.store, sheet_id, author="王建国")
    with pytest.raises(ExchangeError, match="手写签名"):
        sign_opinion(expert.store, sheet_id, expert.identity(), [], author="王建国")
    assert expert.store.attachments(sheet_id) == []
    assert not parse_document(expert.store.get(sheet_id).data).signed  # type: ignore[attr-defined]


def test_a_declared_conflict_closes_the_sheet_and_travels(tmp_path: Path) -> None:
    expert, sheet_id = _sheet(tmp_path)
    declaration = ConflictDeclaration(
        no_employment=True, no_shareholding=True, no_kinship=True, no_cooperation=False
    )
    declare_conflict(expert.store, sheet_id, declaration, author="王建国")
    with pytest.raises(ExchangeError, match="回避"):
        sign_opinion(expert.store, sheet_id, expert.identity(), STROKES, author="王建国")
    out = tmp_path / "意见包.smedesk"
    export_opinion_package(expert.store, [sheet_id], expert.identity(), out)
    manifest = open_package(out).manifest
    assert [m.type for m in manifest.members] == ["document"]  # no signed PDF
    authority = desk(tmp_path, "authority")
    result = import_package(
        authority.store, authority.database, out, author="乙", trust=authority.trust()
    )
    got = parse_document(authority.store.get(sheet_id).data)
    assert result.sheets == [] and got.conflict.no_cooperation is False  # type: ignore[attr-defined]


def test_a_sheet_edited_after_signing_must_be_signed_again(tmp_path: Path) -> None:
    expert, sheet_id = _sheet(tmp_path)
    fill_sheet(expert.store, sheet_id, author="王建国")
    sign_opinion(expert.store, sheet_id, expert.identity(), STROKES, author="王建国")
    data = expert.store.get(sheet_id).data
    assert data["signer_fingerprint"] == expert.identity().fingerprint
    data["overall_opinion"] = "改了主意。"
    expert.store.save(sheet_id, data, base_version=expert.store.version(sheet_id), author="王建国")
    with pytest.raises(ExchangeError, match="签名后又被修改"):
        export_opinion_package(expert.store, [sheet_id], expert.identity(), tmp_path / "x.smedesk")
    assert not (tmp_path / "x.smedesk").exists()


def test_cli_verify_checks_the_sheets_pdf_signatures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smedesk.cli import main

    from support.packages import members, rezip

    expert, sheet_id = _sheet(tmp_path)
    fill_sheet(expert.store, sheet_id, author="王建国")
    sign_opinion(expert.store, sheet_id, expert.identity(), STROKES, author="王建国")
    out = tmp_path / "意见包.smedesk"
    export_opinion_package(expert.store, [sheet_id], expert.identity(), out)
    assert main(["verify", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "PDF 签名" in shown and expert.identity().fingerprint in shown
    # The PDF swapped for another signed by the same key but printed from other content:
    contents = members(out)
    data = expert.store.get(sheet_id).data
    data["overall_opinion"] = "另一份意见。"
    expert.store.save(sheet_id, data, base_version=expert.store.version(sheet_id), author="王建国")
    other = sign_opinion(expert.store, sheet_id, expert.identity(), STROKES, author="王建国")
    contents[f"pdf/{sheet_id}.pdf"] = other
    assert main(["verify", str(rezip(tmp_path / "swapped.smedesk", contents))]) == 1
    assert f"pdf/{sheet_id}.pdf" in capsys.readouterr().err  # the manifest catches it first
    # Even with the manifest recomputed and signed again by the same key, the PDF is not
    # the one printed from the sheet in the package:
    manifest = json.loads(contents["manifest.json"])
    for entry in manifest["members"]:
        if entry["path"] == f"pdf/{sheet_id}.pdf":
            entry["size"], entry["sha256"] = len(other), hashlib.sha256(other).hexdigest()
    contents["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    contents["signature.json"] = make_signer(expert.identity())(contents["manifest.json"])
    assert main(["verify", str(rezip(tmp_path / "resigned.smedesk", contents))]) == 1
    assert "内容指纹不符" in capsys.readouterr().err


def test_cancelling_an_import_writes_nothing(tmp_path: Path) -> None:
    from smedesk.errors import Cancelled

    expert, sheet_id = _sheet(tmp_path)
    fill_sheet(expert.store, sheet_id, author="王建国")
    sign_opinion(expert.store, sheet_id, expert.identity(), STROKES, author="王建国")
    out = tmp_path / "意见包.smedesk"
    with pytest.raises(Cancelled):
        export_opinion_package(
            expert.store, [sheet_id], expert.identity(), out, progress=cancel_now
        )
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    export_opinion_package(expert.store, [sheet_id], expert.identity(), out)
    authority = desk(tmp_path, "authority")
    with pytest.raises(Cancelled):
        import_package(
            authority.store, authority.database, out, author="乙",
            trust=authority.trust(), progress=cancel_halfway,
        )  # fmt: skip
    assert authority.store.list(include_deleted=True) == []
    assert authority.trust().pinned("王建国") is None
