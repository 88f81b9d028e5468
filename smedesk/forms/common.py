"""Parts shared by every document: the envelope (kind, scheme, id), region, attachments."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

from smedesk.forms.fields import FormModel, derived, field
from smedesk.forms.upgrades import FORMAT_VERSION

#: Provinces that enjoy the western-development policy (西部大开发) as a whole.
WESTERN_PROVINCES = frozenset(
    {
        "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省",
        "青海省", "宁夏回族自治区", "新疆维吾尔自治区", "内蒙古自治区", "广西壮族自治区",
        "新疆生产建设兵团",
    }
)  # fmt: skip
#: Provinces of the north-eastern revitalisation (东北全面振兴).
NORTHEAST_PROVINCES = frozenset({"辽宁省", "吉林省", "黑龙江省"})

PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    "新疆生产建设兵团",
)  # fmt: skip


class SchemeRef(BaseModel):
    """Which rule set a document is prepared under, and which version of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(title="方案", description="scheme id, e.g. miit-2017")
    version: str = Field(title="方案版本")


class Region(FormModel):
    """Where the applicant sits; decides relaxations and preferences."""

    province: str | None = field("所在省（区、市）", required=True)
    city: str | None = field("所在地级市")
    western_policy: bool | None = field(
        "享受西部大开发政策",
        help="不填时按所在省份判断；湖南湘西、湖北恩施、吉林延边、江西赣州等比照执行地区请勾选",
    )
    national_high_tech_zone: bool | None = field("位于国家级高新技术产业开发区")

    @computed_field(**derived("属于西部大开发地区"))  # type: ignore[prop-decorator]
    @property
    def is_western(self) -> bool:
        if self.western_policy is not None:
            return self.western_policy
        return self.province in WESTERN_PROVINCES

    @computed_field(**derived("属于东北全面振兴地区"))  # type: ignore[prop-decorator]
    @property
    def is_northeast(self) -> bool:
        return self.province in NORTHEAST_PROVINCES


class AttachmentRef(FormModel):
    """An attached file of the materials checklist; the bytes live in the store."""

    # Always written by the program when a file is attached, so these are required
    # for parsing too (an attachment without them could not be matched to its bytes).
    material_id: str = field("材料", required=True, default=...)
    filename: str = field("文件名", required=True, default=...)
    sha256: str = field("SHA-256", required=True, default=...)
    size: int = field("大小", unit="字节", ge=0, default=0)


class Document(FormModel):
    """The envelope every document shares: its kind, its scheme and its identity."""

    KIND: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""

    kind: str
    scheme: SchemeRef
    doc_id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    format_version: int = FORMAT_VERSION  # what this release writes (a test checks it)

    def display_title(self) -> str:
        """A short name for lists and window titles."""
        return self.TITLE


def years_between(start: dt.date, end: dt.date) -> float:
    """Whole and partial years from ``start`` to ``end`` (calendar-exact for anniversaries)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    anniversary = _add_years(start, years)
    next_anniversary = _add_years(start, years + 1)
    span = (next_anniversary - anniversary).days or 1
    return years + (end - anniversary).days / span


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)
