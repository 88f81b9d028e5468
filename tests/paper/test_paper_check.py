"""The paper check: an application's PDF rendered to page images (pdftoppm), one page swapped
for a page of another version, one removed, one page of another document slipped in."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from smedesk.export.paper.check import parse_payload
from smedesk.export.paper.reading import ScanError, read_scans
from smedesk.rounds.paper import check_stored_document
from smedesk.store import DocumentStore, open_database

from support.pdf_helpers import needs_poppler, render
from support.round_fixtures import application

pytestmark = pytest.mark.slow


def pages_of(store: DocumentStore, doc_id: str, folder: Path) -> list[Path]:
    """Export the stored document as the applicant would print it, then 'scan' it."""
    from smedesk.export.pdf import export_pdf
    from smedesk.forms.registry import parse_document

    folder.mkdir()
    pdf = folder / "printed.pdf"
    result = export_pdf(parse_document(store.get(doc_id).data), pdf, version="第 1 次修订")
    return render(pdf, folder, dpi=150, first=1, last=result.pages)


@needs_poppler
def test_swapped_removed_and_foreign_pages_are_named(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'p.db'}")
    store = DocumentStore(database)
    try:
        data = application("沈阳甲信息服务有限公司", "91210100A000000001", range(60))
        doc_id = store.create("application-report", "甲", copy.deepcopy(data),
                              scheme_id="miit-2019-call", scheme_version="2019.1", author="甲")  # fmt: skip
        old_pages = pages_of(store, doc_id, tmp_path / "old")
        # The applicant corrected a figure after printing: the stored (checked) version is v2.
        data["form"]["basic"]["employees"] = 77
        store.save(doc_id, data, base_version=1, author="甲")
        new_pages = pages_of(store, doc_id, tmp_path / "new")
        other = application("大连乙科技服务有限公司", "91210200A000000002", range(20))
        other_id = store.create("application-report", "乙", other, scheme_id="miit-2019-call",
                                scheme_version="2019.1", author="乙")  # fmt: skip
        foreign = pages_of(store, other_id, tmp_path / "foreign")
        assert len(new_pages) >= 6

        scans = tmp_path / "scans"
        scans.mkdir()
        chosen = list(new_pages)
        chosen[2] = old_pages[2]  # page 3 is from the version printed before the correction
        del chosen[4]  # page 5 is missing
        chosen.append(foreign[0])  # and a page of another application slipped in at the end
        paths = []
        for number, page in enumerate(chosen, start=1):
            paths.append(scans / f"scan-{number:03d}.png")
            shutil.copy(page, paths[-1])

        report = check_stored_document(store, doc_id, paths)
    finally:
        database.close()

    assert report.expected_pages == len(new_pages)
    assert report.missing == [5]
    by_status = {p.status: p for p in report.pages if p.status != "ok"}
    assert set(by_status) == {"other-version", "other-document"}
    swapped = by_status["other-version"]
    assert (swapped.scan, swapped.page) == (3, 3) and "第 1 次修订" in swapped.message
    assert by_status["other-document"].scan == len(chosen)
    ok = [p for p in report.pages if p.status == "ok"]
    assert [p.page for p in ok] == [n for n in range(1, len(new_pages) + 1) if n not in (3, 5)]
    assert report.problems()[0] == f"缺少第 5 页（共 {len(new_pages)} 页）"


def test_scanned_pdf_is_read_page_by_page_and_bad_files_are_refused(tmp_path: Path) -> None:
    from smedesk.export.pdf import export_pdf

    from support.pdf_samples import recommendation_form

    pdf = tmp_path / "scan.pdf"
    result = export_pdf(recommendation_form(), pdf)
    pages = read_scans([pdf])
    assert len(pages) == result.pages
    assert all(parse_payload(p.codes[0]) is not None for p in pages)
    assert parse_payload(pages[0].codes[0]).doc_id in result.footer  # type: ignore[union-attr]
    bad = tmp_path / "note.png"
    bad.write_text("not an image", encoding="utf-8")
    with pytest.raises(ScanError, match="不是可读取的图像"):
        read_scans([bad])
