"""Format checks of single values: 统一社会信用代码 (GB 32100-2015), phone, postcode, e-mail, ICP."""

from __future__ import annotations

import pytest

from smedesk.forms.checks import (
    FORMAT_CHECKS,
    check_email,
    check_icp,
    check_mobile,
    check_phone,
    check_postcode,
    check_uscc,
    uscc_check_character,
)

VALID_USCC = (
    "914403001922038216",
    "91330100716105852F",
    "9144030071526726XG",
    "91110000600037341L",
    "91110108551385082Q",
)


@pytest.mark.parametrize("code", VALID_USCC)
def test_known_valid_codes_pass(code: str) -> None:
    assert check_uscc(code) is None
    assert uscc_check_character(code[:17]) == code[17]


def test_lower_case_and_spaces_are_tolerated() -> None:
    assert check_uscc("  91330100716105852f ") is None


@pytest.mark.parametrize("code", VALID_USCC)
def test_wrong_check_character_is_named(code: str) -> None:
    wrong = "0" if code[17] != "0" else "1"
    message = check_uscc(code[:17] + wrong)
    assert message is not None
    assert "校验位" in message and f"末位应为 {code[17]}" in message


@pytest.mark.parametrize("code", ["91440300192203821", "9144030019220382161", "", "9144"])
def test_bad_length(code: str) -> None:
    message = check_uscc(code)
    assert message is not None and "18 位" in message


@pytest.mark.parametrize("letter", list("IOZSV"))
def test_forbidden_letters(letter: str) -> None:
    code = "91440300192203821" + letter
    message = check_uscc(code)
    assert message is not None and letter in message and "不允许" in message
    middle = "9144030019" + letter + "2038216"
    assert check_uscc(middle) is not None


def test_check_character_needs_17_legal_characters() -> None:
    with pytest.raises(ValueError):
        uscc_check_character("91440300192203")
    with pytest.raises(ValueError):
        uscc_check_character("9144030019220382I")


@pytest.mark.parametrize(
    "value",
    ["010-68205319", "024-23780516", "0891-6321456", "68205319", "13800138000", "010-68205319-123"],
)
def test_valid_phones(value: str) -> None:
    assert check_phone(value) is None


@pytest.mark.parametrize(
    "value", ["12345", "phone", "010-68205319-1234567", "1380013800a", "+86 abc"]
)
def test_invalid_phones(value: str) -> None:
    assert check_phone(value) is not None


def test_mobile() -> None:
    assert check_mobile("13912345678") is None
    assert check_mobile("139 1234 5678") is None
    for bad in ("12912345678", "1391234567", "024-23780516"):
        assert check_mobile(bad) is not None


def test_postcode() -> None:
    assert check_postcode("110179") is None
    for bad in ("11017", "1101790", "11017a", "一一〇一七九"):
        assert check_postcode(bad) is not None, bad


def test_email() -> None:
    assert check_email("service@syzhqf.cn") is None
    assert check_email("zhang.san+sme@mail.example.com.cn") is None
    for bad in (
        "service@",
        "@example.com",
        "a b@example.com",
        "service@example",
        "服务@example.com",
    ):
        assert check_email(bad) is not None, bad


def test_icp_filing_number() -> None:
    assert check_icp("www.syzhqf.cn 辽ICP备13002345号-1") is None
    assert check_icp("京ICP证041189号") is None
    for bad in ("www.example.cn", "ICP备12345678号", "辽ICP备123号", "XX ICP备12345678号"):
        assert check_icp(bad) is not None, bad


def test_every_format_named_by_a_field_has_a_check() -> None:
    assert set(FORMAT_CHECKS) == {"uscc", "phone", "mobile", "postcode", "email", "icp"}
    for check in FORMAT_CHECKS.values():
        message = check("???")
        assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
