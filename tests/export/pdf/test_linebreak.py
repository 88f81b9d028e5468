"""The Chinese line-breaking rule (smedesk.export.pdf.linebreak) and the layouts using it."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from smedesk.export.pdf.linebreak import segments
from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.styles import FONT, register_font, text_width
from smedesk.export.pdf.values import wrap


def test_closing_marks_stay_with_what_they_close() -> None:
    assert segments("甲、乙，丙。") == ["甲、", "乙，", "丙。"]
    assert segments("第（一）项") == ["第", "（一）", "项"]
    assert segments("他说：“好——吧……”") == ["他", "说：", "“好——", "吧……”"]


def test_numbers_percentages_and_document_numbers_are_whole() -> None:
    assert "89.13%。" in segments("占总人数89.13%。")
    assert "89.13 %" in segments("占总人数 89.13 %")  # a spaced «%» still may not lead a line
    assert "100家" in segments("服务100家以上")
    assert any(p.startswith("2018-01-28") for p in segments("于2018-01-28完成"))
    assert "《工信部企业〔2017〕156号》" in segments("依据《工信部企业〔2017〕156号》第十七条")
    assert "〔2019〕310号" in segments("依据工企业函〔2019〕310号", issuer=False)
    assert "investors" in segments("the investors list")


def test_segments_give_the_text_back() -> None:
    text = "据《工信部企业〔2017〕156号》，占 71.43 %（见附件）。E-mail: a.b@c.cn 2018-01-28"
    assert "".join(segments(text)) == text
    assert "".join(segments(text, issuer=False)) == text


def _lines(width_chars: float, value: str, size: float = 10.5) -> list[str]:
    register_font()
    return wrap(value, size, width_chars * size).split("\n")


def test_plain_cells_follow_the_rule() -> None:
    # Six characters a line: a naive break would start line 2 with «，».
    lines = _lines(6.2, "甲乙丙丁戊己，庚辛壬癸")
    assert all(not ln.startswith("，") for ln in lines)
    assert "".join(lines) == "甲乙丙丁戊己，庚辛壬癸"
    lines = _lines(7.2, "依据工信部企业〔2017〕156号文件")
    assert any("〔2017〕156号" in ln for ln in lines), lines
    lines = _lines(10.2, "占总人数比例达到了89.13%")
    assert lines[-1].endswith("89.13%") and len(lines[-1]) > 1


def test_no_orphan_on_the_last_line() -> None:
    # Nine characters, eight a line: «表» alone would be an orphan; it takes «共» along.
    lines = _lines(8.2, "国家中小企业公共表")
    assert lines == ["国家中小企业公", "共表"]


def test_latin_words_are_not_broken() -> None:
    lines = _lines(14, "list of investors and shareholders of the platform")
    assert all(
        w in {"list", "of", "investors", "and", "shareholders", "the", "platform"}
        for ln in lines
        for w in ln.split()
    ), lines


def _para_lines(value: str, width: float, size: float = 16.0) -> list[str]:
    register_font()
    style = ParagraphStyle("t", fontName=FONT, fontSize=size, leading=size * 1.5, wordWrap="CJK")
    p = Paragraph(value, style)
    p.wrap(width, 1000)
    lines = p.blPara.lines
    if p.blPara.kind == 0:  # plain text: (extra space, [line]) pairs
        return ["".join(words) for _space, words in lines]
    return ["".join(w.text for w in line.words) for line in lines]


def test_paragraphs_follow_the_same_rule() -> None:
    size = 16.0
    title = "西藏自治区级中小企业公共服务示范平台申请表"
    width = text_width(title[:-1], size) + 1  # one character short: «表» would be alone
    lines = _para_lines(title, width)
    assert len(lines) == 2 and len(lines[-1]) == 2, lines
    text = "中小企业公共服务平台的服务对象，以及目前的基本情况"
    width = text_width(text[:13], size) + 1  # the 14th character is «，»
    lines = _para_lines(text, width)
    assert all(not ln.startswith("，") for ln in lines), lines
    assert "".join(lines) == text


def test_paragraph_markup_and_forced_breaks_survive() -> None:
    lines = _para_lines("第一行<br/>第二行，较长的一行文字会被折到下一行去", 8 * 16.0 + 1)
    assert lines[0] == "第一行"
    assert "".join(lines) == "第一行第二行，较长的一行文字会被折到下一行去"
    assert all(not ln.startswith("，") for ln in lines)
