"""Issue 9: the paper says what the scheme's own text says (Tibet's 推荐表, the 申请表 rows,
the 推荐汇总表's 备注 in PDF and workbook alike)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from smedesk.export.pdf import export_pdf
from smedesk.export.xlsx.summary import write_summary
from smedesk.forms import SchemeRef
from smedesk.forms.enums import QuotaCategory
from smedesk.forms.recommendation import remark

from support import pdf_samples as samples
from support.pdf_helpers import needs_poppler, pdf_text, squeeze


@needs_poppler
def test_tibet_recommendation_form_has_its_own_title_and_recommenders(tmp_path: Path) -> None:
    """Before: «西藏自治区级…推荐表» and the national «推荐省（区、市）» / «省级…推荐意见».
    Tibet Art. 16: «西藏自治区中小企业公共服务示范平台推荐表», filled by 地（市）or a park."""
    doc = samples.recommendation_form()
    doc.scheme = SchemeRef(id="tibet", version="1.0")
    out = tmp_path / "tibet.pdf"
    export_pdf(doc, out)
    text = squeeze(pdf_text(out))
    assert "西藏自治区中小企业公共服务示范平台推荐表" in text
    assert "西藏自治区级" not in text
    assert "推荐省（区、市）" not in text and "省级中小企业主管部门推荐意见" not in text
    assert "地（市）经济和信息化局或自治区级（含）以上园区管委会推荐意见" in text
    assert "推荐单位：" in text  # the cover line, short enough for one line


@needs_poppler
def test_application_form_prints_no_row_the_paper_lacks(tmp_path: Path) -> None:
    """Before: part 三 ended with a «公益性或低收费服务量 / 总服务量 / 占比» row that 附件2's
    申请表 does not have. Part 四 prints the recognitions as rows, in the scheme's wording."""
    doc = samples.application_report()
    out = tmp_path / "report.pdf"
    export_pdf(doc, out)
    text = squeeze(pdf_text(out))
    assert "公益性或低收费服务量" not in text and "总服务量" not in text
    assert "粤经信中小〔2016〕88号" in text and "省级认定" in text
    doc.scheme = SchemeRef(id="tibet", version="1.0")
    export_pdf(doc, out)
    assert "地（市）级（含）以上部门相关认定、表彰、资助的文件名称及文号" in squeeze(pdf_text(out))


@needs_poppler
def test_summary_remark_is_the_same_in_pdf_and_workbook(tmp_path: Path) -> None:
    """Before: the PDF left out the city of a provincial-quota row that the xlsx printed."""
    doc = samples.recommendation_summary()
    doc.rows[0].quota, doc.rows[0].city = QuotaCategory.PROVINCIAL_QUOTA, "广州市"
    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    export_pdf(doc, pdf)
    write_summary(doc, xlsx)
    cells = {str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value}
    printed = squeeze(pdf_text(pdf))
    for row in doc.rows:
        text = remark(row)
        assert text in cells, text
        assert squeeze(text) in printed, text
    assert remark(doc.rows[0]) == "属于省级推荐名额（广州市）"
