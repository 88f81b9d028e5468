"""Matching scanned pages to the stored document: missing, other-version, other-document pages.

Every page the exporter prints carries a QR code with the document's id, version and
fingerprint (``export/pdf/builder.identity_line``). The fingerprint is the content: a page
whose QR names this document with another fingerprint is from another version (the
version text shows which). The QR is the same on every page of one version, so *which*
page a scan is, is found by comparing it with the pages of the file as stored (thumbnails
of the ink, ``reading.difference``); a page of the stored file that no scan matches is
missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from smedesk.export.paper.reading import ScannedPage, difference

PAYLOAD = re.compile(r"编号 (?P<id>\S+) · 版本 (?P<version>.+?) · 指纹 (?P<fp>[0-9a-f]+)")


@dataclass(frozen=True)
class Identity:
    doc_id: str
    version: str
    fingerprint: str  # the short form printed on paper


def parse_payload(text: str) -> Identity | None:
    match = PAYLOAD.search(text)
    if match is None:
        return None
    return Identity(match["id"], match["version"].strip(), match["fp"])


@dataclass(frozen=True)
class PageResult:
    scan: int  # 1-based position in the scanned set
    source: str
    status: str  # "ok", "other-version", "other-document", "no-code", "duplicate"
    page: int | None  # the stored file's page it is (or stands in for), 1-based
    identity: Identity | None
    message: str


@dataclass
class PaperReport:
    pages: list[PageResult] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)  # stored pages no scan matches
    expected_pages: int = 0

    @property
    def ok(self) -> bool:
        return not self.missing and all(p.status == "ok" for p in self.pages)

    def problems(self) -> list[str]:
        """One Chinese line per problem, missing pages first."""
        lines = [f"缺少第 {n} 页（共 {self.expected_pages} 页）" for n in self.missing]
        lines += [p.message for p in self.pages if p.status != "ok"]
        return lines

    def as_json(self) -> dict[str, Any]:
        return {"expected_pages": self.expected_pages, "missing": self.missing,
                "pages": [{"scan": p.scan, "source": p.source, "status": p.status,
                           "page": p.page, "message": p.message} for p in self.pages]}  # fmt: skip


def _best(thumb: Any, expected: list[Any], among: list[int]) -> int | None:
    if not among:
        return None
    return min(among, key=lambda i: difference(thumb, expected[i]))


def check_paper(
    doc_id: str, fingerprint: str, expected: list[Any], scans: list[ScannedPage]
) -> PaperReport:
    """Compare scanned pages with the stored file's pages (``expected``: their thumbnails).

    ``fingerprint`` is the stored version's fingerprint (full or short form).
    """
    report = PaperReport(expected_pages=len(expected))
    everything = list(range(len(expected)))
    taken: set[int] = set()
    deferred: list[tuple[int, ScannedPage, Identity]] = []
    for number, scan in enumerate(scans, start=1):
        identities = [i for i in (parse_payload(c) for c in scan.codes) if i is not None]
        if not identities:
            report.pages.append(PageResult(number, scan.source, "no-code", None, None,
                                           f"扫描第 {number} 页（{scan.source}）读不出二维码，"
                                           "无法确认是哪份文件的页面"))  # fmt: skip
            continue
        identity = identities[0]
        if identity.doc_id != doc_id:
            report.pages.append(PageResult(number, scan.source, "other-document", None, identity,
                                           f"扫描第 {number} 页（{scan.source}）是另一份文件"
                                           f"（编号 {identity.doc_id}）的页面"))  # fmt: skip
            continue
        if not fingerprint.startswith(identity.fingerprint):
            deferred.append((number, scan, identity))
            continue
        page = _best(scan.thumb, expected, everything)
        if page is None:
            continue
        if page in taken:
            report.pages.append(PageResult(number, scan.source, "duplicate", page + 1, identity,
                                           f"扫描第 {number} 页与第 {page + 1} 页重复"))  # fmt: skip
            continue
        taken.add(page)
        report.pages.append(PageResult(number, scan.source, "ok", page + 1, identity, "一致"))
    for number, scan, identity in deferred:
        # Another version's page usually stands where this version's page is missing.
        free = [i for i in everything if i not in taken]
        page = _best(scan.thumb, expected, free)
        if page is not None:
            taken.add(page)
        where = f"，位于第 {page + 1} 页的位置" if page is not None else ""
        report.pages.append(PageResult(
            number, scan.source, "other-version", page + 1 if page is not None else None,
            identity,
            f"扫描第 {number} 页（{scan.source}）是另一版本（{identity.version}，指纹 "
            f"{identity.fingerprint}）的页面{where}，与已核对的文件不符",
        ))  # fmt: skip
    report.pages.sort(key=lambda p: p.scan)
    # A page stood in for by another version's page is reported as that page, not as missing.
    report.missing = [i + 1 for i in everything if i not in taken]
    return report
