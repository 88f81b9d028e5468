"""Issue 8 item 6: a rule never retypes its field's unit or label; a restating scheme extends.

Labels and units live on the models; a scheme file may quote the regulation's own wording
(``verbatim = true``) but may not give a field a second name or a second unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smedesk.schemes import SchemeError, load_scheme, load_scheme_file
from smedesk.schemes.loader import BUILTIN_IDS

HEAD = """
id = "test-scheme"
version = "1.0"
title = "测试平台"
issuer = "测试厅"
document = "测试办法"
applies_to = ["application-report"]
stages = ["recognition"]

[[rules]]
id = "served"
title = "年服务中小企业"
article = "第一条"
check = "min"
path = "form.latest_smes_served"
threshold = 150
"""


def _load(tmp_path: Path, extra: str) -> object:
    path = tmp_path / "t.toml"
    path.write_text(HEAD + extra, encoding="utf-8")
    return load_scheme_file(path)


def test_a_unit_other_than_the_fields_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemeError) as err:
        _load(tmp_path, 'unit = "家"\n')
    assert "单位 '家'" in err.value.message and "'户'" in err.value.message
    assert "served" in err.value.message


def test_the_fields_own_unit_is_accepted(tmp_path: Path) -> None:
    _load(tmp_path, 'unit = "户"\n')


def test_a_retyped_label_is_refused_unless_it_quotes_the_regulation(tmp_path: Path) -> None:
    with pytest.raises(SchemeError) as err:
        _load(tmp_path, 'label = "服务企业数"\n')
    assert "verbatim" in err.value.message and "上年度服务中小企业户数" in err.value.message
    _load(tmp_path, 'label = "年服务中小企业"\nverbatim = true\n')


def test_no_builtin_rule_retypes_a_unit() -> None:
    """The drift the issue found (the form says 户, three schemes printed 家) cannot return."""
    for sid in BUILTIN_IDS:
        for rule in load_scheme(sid).rules:
            if rule.path == "form.latest_smes_served":
                assert rule.unit is None, (sid, rule.id)


def test_liaoning_extends_the_national_measures_and_keeps_only_what_differs() -> None:
    text = Path(load_scheme("liaoning-creation").source or "").read_text(encoding="utf-8")
    assert 'extends = "miit-creation"' in text
    assert text.count("[[rules]]") == 1  # only Art. 18, which differs in substance
    national, liaoning = load_scheme("miit-creation"), load_scheme("liaoning-creation")
    ids = [r.id for r in national.rules if r.id != "art18-west-northeast"]
    assert [r.id for r in liaoning.rules] == [*ids, "art18-high-tech-zone"]
    for rule in liaoning.rules:  # every inherited rule cites the provincial text
        assert rule.document == liaoning.document, rule.id
    assert liaoning.rule("art5-1-1-operating-years").article == "第五条第（一）项第1目"
    assert "old_titles_expire" not in liaoning.facts
    assert {m.document for m in liaoning.materials} == {liaoning.document}
    audit = next(m for m in liaoning.materials if m.id == "audit-report")
    assert audit.label == "上一年度包含服务收支情况的审计报告"


def test_amend_and_drop_name_rules_the_base_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMEDESK_SCHEMES_DIR", str(tmp_path))
    (tmp_path / "child.toml").write_text(
        'id = "child"\nversion = "1"\ntitle = "t"\nissuer = "i"\ndocument = "d"\n'
        'extends = "miit-creation"\ndrop_rules = ["no-such-rule"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SchemeError) as err:
        load_scheme_file(tmp_path / "child.toml")
    assert "没有规则 no-such-rule" in err.value.message


def test_a_scoped_fact_must_replace_a_known_fact(tmp_path: Path) -> None:
    text = HEAD + (
        '\n[facts.gd]\nlabel = "广东"\nvalue = 3\nreplaces = "no-such-fact"\n'
        'when = [{ path = "region.province", contains = "广东" }]\n'
    )
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeError) as err:
        load_scheme_file(path)
    assert "no-such-fact" in err.value.message
