"""The opinion sheet's PDF signature: valid for pyHanko's validator and for poppler's pdfsig,
invalid for both after one changed byte; the stamp's Chinese at its natural width."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from smedesk.demo import reports
from smedesk.exchange import sign_opinion
from smedesk.exchange.common import document_bytes
from smedesk.exchange.template import opinion_template
from smedesk.export.pdf.styles import register_font, text_width
from smedesk.export.signing.pdf import FONT_SIZE, verify_pdf
from smedesk.schemes import load_scheme

from support.exchange import STROKES, desk, fill_sheet

needs_poppler = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils missing")


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("signed")
    expert = desk(root, "王建国")
    report = reports.shenyang_information_platform()
    sheet = opinion_template(report, load_scheme(report.scheme.id), "王建国")
    data, _ = document_bytes(sheet)
    expert.store.create(
        sheet.kind, "意见表", data, scheme_id="miit-2017", scheme_version="2017.1",
        owner_role="expert", author="王建国",
    )  # fmt: skip
    fill_sheet(expert.store, sheet.doc_id, author="王建国")
    pdf = sign_opinion(expert.store, sheet.doc_id, expert.identity(), STROKES, author="王建国")
    path = root / "signed.pdf"
    path.write_bytes(pdf)
    return path, expert.identity()


def _changed(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    index = data.index(b"/Producer")  # a byte inside the signed range, outside the signature
    data[index + 1] ^= 0x20
    return bytes(data)


def test_pyhanko_validates_and_detects_a_changed_byte(signed: tuple[Path, object]) -> None:
    path, identity = signed
    good = verify_pdf(path.read_bytes(), identity)
    assert good.ok and good.trusted, good.reason
    assert good.signer == "王建国"
    assert good.key_fingerprint == identity.fingerprint  # type: ignore[attr-defined]
    bad = verify_pdf(_changed(path), identity)
    assert not bad.intact and not bad.ok and not bad.trusted
    assert "改动" in bad.reason


@needs_poppler
def test_pdfsig_validates_and_detects_a_changed_byte(
    signed: tuple[Path, object], tmp_path: Path
) -> None:
    path, _ = signed
    ok = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in ok.stdout, ok.stdout
    assert "Total document signed" in ok.stdout
    bad_path = tmp_path / "changed.pdf"
    bad_path.write_bytes(_changed(path))
    bad = subprocess.run(["pdfsig", str(bad_path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" not in bad.stdout
    assert "Digest Mismatch" in bad.stdout or "Invalid" in bad.stdout, bad.stdout


@needs_poppler
def test_stamp_text_is_set_at_its_natural_width(signed: tuple[Path, object]) -> None:
    path, _ = signed
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(
        r'<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>(专家签名：王建国)</word>', bbox
    )
    assert found, "stamp text not found"
    width = float(found.group(2)) - float(found.group(1))
    register_font()
    natural = text_width("专家签名：王建国", FONT_SIZE)
    # 2048-unit widths copied unscaled would make it about twice as wide.
    assert 0.75 * natural < width < 1.15 * natural, (width, natural)


def test_an_update_appended_after_signing_is_a_change(signed: tuple[Path, object]) -> None:
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    path, identity = signed
    writer = IncrementalPdfFileWriter(io.BytesIO(path.read_bytes()))
    writer.set_info(
        generic.DictionaryObject({generic.NameObject("/Title"): generic.TextStringObject("改过")})
    )
    out = io.BytesIO()
    writer.write(out)
    check = verify_pdf(out.getvalue(), identity)
    assert not check.ok and "追加" in check.reason
