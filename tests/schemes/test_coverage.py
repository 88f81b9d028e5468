"""Issue 9 item 8: the coverage matrix — every condition-stating article of the five seeds,
each with its checks or the reason none can exist; generated from the scheme files."""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk import cli
from smedesk.commands.rules import document_text
from smedesk.schemes import load_scheme, load_scheme_file
from smedesk.schemes.coverage import matrix, uncovered
from smedesk.schemes.loader import BUILTIN_IDS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules-coverage.md"

#: Articles of each seed that state a condition, read off the seeds (../shared/seeds).
#: Each must be a row of its scheme's matrix.
SEED_ARTICLES: dict[str, list[str]] = {
    # seed 001, 工信部企业〔2017〕156号
    "miit-2017": [
        "第二条", "第十二条第（一）项", "第十二条第（二）项", "第十二条第（三）项",
        "第十二条第（四）项", "第十二条第（五）项", "第十二条第（六）项", "第十二条末款",
        "第十三条", "第十三条第（二）项", "第十四条", "第十六条、附件1《推荐表》",
        *[f"第十七条第（{n}）项" for n in "一二三四五六七八"],
        "第十八条", "第二十条", "第二十二条", "第二十三条", "第二十四条", "第二十七条",
        "附件2《申请报告》四",
    ],
    # seed 001, 工企业函〔2019〕310号 and the Guangdong notice
    "miit-2019-call": [
        "一", "一、附件1", "二", "二、附件2说明（2）", "三", "四", "五", "附件2",
        "附件2说明（1）", "附件2说明（3）", "一（一）", "一（二）", "二（一）", "二（二）", "二（三）",
    ],
    # seed 000, the national creation measures
    "miit-creation": [
        "第二条", "第五条第（一）项", "第五条第（二）项", "第六条", "第七条第（一）项第1目",
        *[f"第七条第（一）项第{n}目" for n in range(2, 8)], "第七条第（二）项", "第七条第（三）项",
        "第七条第（二）项、第（四）项", "第八条", "第十条", "第十一条", "第十二条", "第十七条",
        "第十八条", "第十九条",
    ],
    # seed 002, Liaoning
    "liaoning-creation": [
        "第二条", *[f"第五条第（一）项第{n}目" for n in range(1, 8)],
        *[f"第五条第（二）项第{n}目" for n in range(1, 6)], "第六条", "第七条第（三）项",
        "第十条", "第十一条", "第十二条", "第十七条", "第十八条",
        "附件1 系统建设·运行便捷稳定情况", "附件2 创新水平·入驻企业创新发展情况",
    ],
    # seed 003, the association
    "casmeic-2019": [
        "第一条", "第二条", *[f"第五条第（{n}）项" for n in "一二三四五"], "第六条",
        *[f"第七条第（{n}）项" for n in "一二三四五六七八"], "第八条", "第十条", "第十一条",
        "第十三条", "第十四条",
    ],
    # seed 004, Tibet
    "tibet": [
        "第二条", *[f"第十二条第（{n}）项" for n in "一二三四五六"], "第十三条", "第十四条",
        "第十五条", "第十六条", *[f"第十七条第（{n}）项" for n in "一二三四五六七八"],
        "第十八条", "第二十条", "第二十一条", "第二十二条", "第二十三条",
    ],
}  # fmt: skip


@pytest.mark.parametrize("scheme_id", BUILTIN_IDS)
def test_no_blank_row_and_no_article_outside_the_matrix(scheme_id: str) -> None:
    scheme = load_scheme(scheme_id)
    rows = matrix(scheme)
    assert rows
    assert [r.article for r in rows if r.blank] == []
    assert uncovered(scheme) == []


@pytest.mark.parametrize("scheme_id", sorted(SEED_ARTICLES))
def test_every_condition_article_of_the_seed_is_a_row(scheme_id: str) -> None:
    scheme = load_scheme(scheme_id)
    own = {r.article for r in matrix(scheme)}
    assert [a for a in SEED_ARTICLES[scheme_id] if a not in own] == []


def test_a_rule_citing_an_article_the_matrix_lacks_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(
        'id = "t"\nversion = "1"\ntitle = "t"\nissuer = "i"\ndocument = "d"\n'
        'applies_to = ["application-report"]\nstages = ["recognition"]\n'
        '[[rules]]\nid = "r"\ntitle = "资产"\narticle = "第一条"\ncheck = "min"\n'
        'path = "form.basic.total_assets"\nthreshold = 1\n'
        '[[coverage]]\narticle = "第二条"\ncondition = "某条件"\n',
        encoding="utf-8",
    )
    scheme = load_scheme_file(path)
    assert uncovered(scheme) == [("d", "第一条", ["r"])]  # a rule's article without a row
    assert [r.article for r in matrix(scheme) if r.blank] == ["第二条"]  # a row without a check


def test_the_docs_page_is_the_generated_matrix() -> None:
    assert DOCS.read_text(encoding="utf-8") == document_text(), (
        "docs/rules-coverage.md is stale: run `smedesk rules --matrix --markdown > docs/rules-coverage.md`"
    )


def test_cli_prints_the_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["rules", "--matrix", "tibet"]) == 0
    out = capsys.readouterr().out
    assert "第十二条第（四）项" in out and "art12-4-recognition" in out
    assert cli.main(["rules", "--matrix", "no-such-scheme"]) == 2
    assert "未知的方案" in capsys.readouterr().err
