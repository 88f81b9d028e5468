"""The whole paper trail as files, without a screen: applicant → recommender → three experts →
recommender, every signature verified and every sheet matched to its application."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.demo import reports
from smedesk.exchange import (
    export_application_package,
    export_opinion_package,
    export_review_package,
    import_package,
    opinions_for,
    sign_opinion,
)
from smedesk.exchange.common import document_bytes
from smedesk.export.package import open_package
from smedesk.export.signing import TrustState
from smedesk.store.imports import import_origin, is_read_only

from support.exchange import STROKES, desk, fill_sheet

EXPERTS = ("王建国", "李秀英", "张志强")


@pytest.mark.slow
def test_application_to_three_signed_opinions(tmp_path: Path) -> None:
    applicant = desk(tmp_path, "applicant")
    report = reports.shenyang_information_platform()
    data, _ = document_bytes(report)
    app_id = applicant.store.create(
        report.kind, report.display_title(), data,
        scheme_id=report.scheme.id, scheme_version=report.scheme.version, author="申报人",
    )  # fmt: skip
    applicant.store.add_attachment(
        app_id, "licence", "营业执照.pdf", b"%PDF-1.4 licence", "application/pdf"
    )
    app_pkg = tmp_path / "申报包.smedesk"
    export_application_package(applicant.store, app_id, app_pkg, creator_name="沈阳智汇")
    assert {m.type for m in open_package(app_pkg).manifest.members} == {
        "document",
        "attachment",
        "pdf",
    }

    authority = desk(tmp_path, "authority")
    imported = import_package(authority.store, authority.database, app_pkg, author="推荐单位")
    assert [d.status for d in imported.documents] == ["new"]
    assert is_read_only(authority.database, app_id)
    assert "申报包" in (import_origin(authority.database, app_id) or "")
    assert authority.store.attachments(app_id)[0].filename == "营业执照.pdf"

    for expert_name in EXPERTS:
        review_pkg = tmp_path / f"评审包-{expert_name}.smedesk"
        manifest = export_review_package(
            authority.store, [app_id], expert_name, review_pkg, creator_name="辽宁省工信厅"
        )
        assert manifest.recipient == expert_name
        expert = desk(tmp_path, expert_name)
        got = import_package(expert.store, expert.database, review_pkg, author=expert_name)
        template = next(d for d in got.documents if d.purpose == "template")
        assert not is_read_only(expert.database, template.doc_id)  # the expert's own sheet
        assert is_read_only(expert.database, app_id)
        sheet = fill_sheet(expert.store, template.doc_id, author=expert_name)
        assert sheet.criteria and all(r.engine_outcome for r in sheet.criteria)
        sign_opinion(expert.store, template.doc_id, expert.identity(), STROKES, author=expert_name)
        opinion_pkg = tmp_path / f"意见包-{expert_name}.smedesk"
        export_opinion_package(expert.store, [template.doc_id], expert.identity(), opinion_pkg)

        result = import_package(
            authority.store,
            authority.database,
            opinion_pkg,
            author="推荐单位",
            trust=authority.trust(),
        )
        assert result.signature is not None and result.signature.valid
        assert result.signature.trust is TrustState.NEW
        assert result.signature.fingerprint == expert.identity().fingerprint
        assert [s.valid for s in result.sheets] == [True]
        assert result.sheets[0].pdf.signer == expert_name
        assert result.matched() == {app_id: [template.doc_id]}
        assert authority.trust().pinned(expert_name) == expert.identity().fingerprint

    sheets = opinions_for(authority.store, app_id)
    assert sorted(s.expert_name or "" for s in sheets) == sorted(EXPERTS)
    assert all(s.signed and s.signer_fingerprint for s in sheets)
