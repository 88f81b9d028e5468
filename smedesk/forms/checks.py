"""Format checks of single values: 统一社会信用代码, phone, postcode, e-mail, ICP filing.

Each check returns ``None`` when the value is acceptable and a one-line Chinese
message when it is not, so screens, imports and the self-check share the wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# GB 32100-2015: 31 characters, without I, O, Z, S, V (easily confused).
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_CHARSET)}


def uscc_check_character(first17: str) -> str:
    """The 18th (check) character for the first 17 characters of a code."""
    if len(first17) != 17 or any(ch not in _USCC_VALUE for ch in first17):
        raise ValueError("需要 17 位合法字符")
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def check_uscc(value: str) -> str | None:
    """统一社会信用代码: 18 characters from the GB 32100-2015 set, last one the check."""
    code = value.strip().upper()
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，现为 {len(code)} 位"
    bad = sorted({ch for ch in code if ch not in _USCC_VALUE})
    if bad:
        return f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用 I、O、Z、S、V）"
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：末位应为 {expected}，现为 {code[17]}"
    return None


_PHONE = re.compile(r"^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def check_phone(value: str) -> str | None:
    """A landline (区号-号码[-分机]) or an 11-digit mobile number."""
    text = value.strip().replace(" ", "")
    if _MOBILE.match(text) or _PHONE.match(text):
        return None
    return "电话号码格式不正确（如 010-68205319 或 13800138000）"


def check_mobile(value: str) -> str | None:
    if _MOBILE.match(value.strip().replace(" ", "")):
        return None
    return "手机号码应为 11 位数字，以 1 开头"


def check_postcode(value: str) -> str | None:
    if re.fullmatch(r"\d{6}", value.strip()):
        return None
    return "邮政编码应为 6 位数字"


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def check_email(value: str) -> str | None:
    if _EMAIL.match(value.strip()):
        return None
    return "电子邮件地址格式不正确（如 name@example.com）"


# «京ICP备12345678号», optionally «-1» for a site number; the province is one character.
_ICP = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP[备证]\d{6,10}号(-\d+)?"
)


def check_icp(value: str) -> str | None:
    """网址及备案号: the ICP filing number must appear, e.g. «辽ICP备12345678号»."""
    if _ICP.search(value.replace(" ", "")):
        return None
    return "未找到有效的网站备案号（格式如 辽ICP备12345678号）"


FORMAT_CHECKS: dict[str, Callable[[str], str | None]] = {
    "uscc": check_uscc,
    "phone": check_phone,
    "mobile": check_mobile,
    "postcode": check_postcode,
    "email": check_email,
    "icp": check_icp,
}

#: What each format asks for, in a few words: template rule rows, help and tooltips.
#: Kept beside the checks so the description and the check change together.
FORMAT_RULES: dict[str, str] = {
    "uscc": "18 位，末位为校验码（GB 32100-2015）",
    "phone": "固定电话（如 010-68205319）或 11 位手机号",
    "mobile": "11 位手机号",
    "postcode": "6 位数字",
    "email": "电子邮件地址",
    "icp": "含网站备案号，如 辽ICP备12345678号",
}
