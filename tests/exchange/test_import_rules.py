"""Importing: all or nothing, never a silent overwrite, and opinion packages only when signed
by the key first seen for that expert."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.demo import reports
from smedesk.exchange import accept_incoming, export_application_package, import_package
from smedesk.exchange.common import document_bytes
from smedesk.export.package import PackageError, PackageTampered
from smedesk.store.imports import is_read_only

from support.exchange import Desk, desk
from support.packages import members, rezip, small_package


def _applicant(root: Path) -> tuple[Desk, str]:
    applicant = desk(root, "applicant")
    report = reports.shenyang_information_platform()
    data, _ = document_bytes(report)
    doc_id = applicant.store.create(
        report.kind, "申请报告", data, scheme_id="miit-2017", scheme_version="2017.1", author="甲"
    )
    applicant.store.add_attachment(doc_id, "licence", "执照.pdf", b"%PDF-1.4 x", "application/pdf")
    return applicant, doc_id


def test_reimport_is_same_then_conflict_with_field_diff(tmp_path: Path) -> None:
    applicant, doc_id = _applicant(tmp_path)
    first = tmp_path / "v1.smedesk"
    export_application_package(applicant.store, doc_id, first, creator_name="甲", with_pdf=False)
    authority = desk(tmp_path, "authority")
    import_package(authority.store, authority.database, first, author="乙")
    again = import_package(authority.store, authority.database, first, author="乙")
    assert [d.status for d in again.documents] == ["same"]
    assert len(authority.store.attachments(doc_id)) == 1  # not added twice

    data = applicant.store.get(doc_id).data
    data["form"]["basic"]["total_assets"] = 3100
    applicant.store.save(doc_id, data, base_version=applicant.store.version(doc_id), author="甲")
    second = tmp_path / "v2.smedesk"
    export_application_package(applicant.store, doc_id, second, creator_name="甲", with_pdf=False)
    before = authority.store.get(doc_id).data
    result = import_package(authority.store, authority.database, second, author="乙")
    (conflict,) = result.conflicts
    paths = {c.path: (c.old, c.new) for c in conflict.changes}
    assert paths["form.basic.total_assets"][1] == 3100
    assert authority.store.get(doc_id).data == before  # nothing overwritten silently
    accept_incoming(authority.store, conflict, author="乙")
    assert authority.store.get(doc_id).data["form"]["basic"]["total_assets"] == 3100
    assert len(authority.store.revisions(doc_id)) == 2  # the local version stays in history


def test_a_tampered_package_writes_nothing(tmp_path: Path) -> None:
    applicant, doc_id = _applicant(tmp_path)
    package = tmp_path / "p.smedesk"
    export_application_package(applicant.store, doc_id, package, creator_name="甲", with_pdf=False)
    contents = members(package)
    name = next(n for n in contents if n.startswith("attachments/"))
    contents[name] = b"%PDF-1.4 y"
    bad = rezip(tmp_path / "bad.smedesk", contents)
    authority = desk(tmp_path, "authority")
    with pytest.raises(PackageTampered, match=name):
        import_package(authority.store, authority.database, bad, author="乙")
    assert authority.store.list(include_deleted=True) == []


def test_a_failure_while_writing_removes_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    applicant, doc_id = _applicant(tmp_path)
    package = tmp_path / "p.smedesk"
    export_application_package(applicant.store, doc_id, package, creator_name="甲", with_pdf=False)
    authority = desk(tmp_path, "authority")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(authority.store, "add_attachment", disk_full)
    with pytest.raises(OSError):
        import_package(authority.store, authority.database, package, author="乙")
    assert authority.store.list(include_deleted=True) == []
    assert not is_read_only(authority.database, doc_id)


def test_opinion_packages_must_be_signed_by_the_pinned_key(tmp_path: Path) -> None:
    authority = desk(tmp_path, "authority")
    unsigned = small_package(tmp_path / "unsigned.smedesk")
    contents = members(unsigned)
    contents["manifest.json"] = contents["manifest.json"].replace(b'"application"', b'"opinion"')
    # (the reader checks hashes first; the manifest is not hashed, the signature is missing)
    with pytest.raises(PackageError, match="未签名"):
        import_package(
            authority.store, authority.database, rezip(tmp_path / "o.smedesk", contents),
            author="乙", trust=authority.trust(),
        )  # fmt: skip
    expert = desk(tmp_path, "王建国")
    impostor = desk(tmp_path, "impostor")
    authority.trust().pin("王建国", expert.identity().fingerprint)
    forged = small_package(tmp_path / "forged.smedesk", impostor.identity_as("王建国"))
    with pytest.raises(PackageTampered, match="密钥与此前记录的不同"):
        import_package(
            authority.store, authority.database, forged, author="乙", trust=authority.trust()
        )
    assert authority.store.list(include_deleted=True) == []
