"""Closed vocabularies of the forms, each value with the Chinese text the paper prints."""

from __future__ import annotations

import enum


class Labelled(enum.StrEnum):
    """A string enum whose members carry the Chinese label printed on paper.

    The value is the stable code name stored in JSON; ``label`` is what people see.
    """

    label: str

    def __new__(cls, value: str, label: str) -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def from_label(cls, text: str) -> Labelled | None:
        """The member whose label or code equals ``text`` (stripped), if any."""
        text = text.strip()
        for member in cls:
            if text in (member.label, member.value):
                return member
        return None


class OrgType(Labelled):
    PLATFORM = "platform", "平台"
    BASE = "base", "基地"


class PlatformKind(Labelled):
    COMPREHENSIVE = "comprehensive", "综合服务平台"
    PROFESSIONAL = "professional", "专业服务平台"


class ServiceFunction(Labelled):
    INFORMATION = "information", "信息服务"
    TECHNOLOGY = "technology", "技术服务"
    ENTREPRENEURSHIP = "entrepreneurship", "创业服务"
    TRAINING = "training", "培训服务"
    FINANCING = "financing", "融资服务"


class RecognitionLevel(Labelled):
    """The level of a prior recognition (2017 Art. 12(4); Tibet Art. 12(4)): a fact, not a judgement."""

    PROVINCIAL = "provincial", "省级"
    MINISTRY = "ministry", "国家部委"
    NATIONAL_ASSOCIATION = "national-association", "全国性行业协会"
    PREFECTURE = "prefecture", "地（市）级"
    OTHER = "other", "其他"


class RecognitionKind(Labelled):
    RECOGNITION = "recognition", "认定"
    COMMENDATION = "commendation", "表彰"
    GRANT = "grant", "资助"


class Evaluation(Labelled):
    """对所受服务的总体评价 (served-enterprise list and sampling survey)."""

    VERY_SATISFIED = "very-satisfied", "很满意"
    SATISFIED = "satisfied", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class SurveyMethod(Labelled):
    VISIT = "visit", "上门拜访"
    PHONE = "phone", "电话询问"
    ONLINE = "online", "网络互动"
    WRITTEN = "written", "书面征求"
    OTHER = "other", "其他"


class EmploymentType(Labelled):
    FULL_TIME = "full-time", "专职"
    PART_TIME = "part-time", "兼职"


class Education(Labelled):
    DOCTORATE = "doctorate", "博士研究生"
    MASTER = "master", "硕士研究生"
    BACHELOR = "bachelor", "大学本科"
    COLLEGE = "college", "大专"
    BELOW_COLLEGE = "below-college", "中专及以下"


class TitleLevel(Labelled):
    SENIOR = "senior", "高级"
    INTERMEDIATE = "intermediate", "中级"
    JUNIOR = "junior", "初级"
    NONE = "none", "无"


class QuotaCategory(Labelled):
    """备注 column of the 推荐汇总表: inside the quota or one of the outside-quota kinds."""

    PROVINCIAL_QUOTA = "provincial-quota", "属于省级推荐名额"
    SPECIAL_CARRIER = (
        "special-carrier",
        "属于打造大中小企业融通型、专业资本集聚型、科技资源支撑型、高端人才引进型等创新创业特色载体的开发区，"
        "中外中小企业合作区，国家信息消费示范城市",
    )
    QUALITY_LAB = "quality-lab", "工信部认定工业产品质量控制和技术评价实验室"


class AuthorityType(Labelled):
    """Who fills the 推荐汇总表; the quota depends on it (工企业函〔2019〕310号 一)."""

    PROVINCE = "province", "省、自治区、直辖市中小企业主管部门"
    ASSOCIATION = "association", "有关行业协会"
    SEPARATE_CITY = "separate-city", "计划单列市中小企业主管部门"
    XPCC = "xpcc", "新疆生产建设兵团中小企业主管部门"
    # A prefecture-level city recommends to its province (Guangdong's notice 一（一）: ≤ 1 each);
    # a unit directly under the ministry applies to it directly (工企业函〔2019〕310号 五).
    PREFECTURE = "prefecture", "地级市中小企业主管部门"
    MINISTRY_UNIT = "ministry-unit", "部直属单位"


class Assessment(Labelled):
    """An expert's judgement of one criterion."""

    MEETS = "meets", "符合"
    PARTLY = "partly", "基本符合"
    FAILS = "fails", "不符合"


class Conclusion(Labelled):
    RECOMMEND = "recommend", "同意推荐"
    NOT_RECOMMEND = "not-recommend", "不同意推荐"
    CREATE = "create", "建议列为创建对象"
    NOT_CREATE = "not-create", "不建议列为创建对象"
    ACCEPT = "accept", "通过验收"
    NOT_ACCEPT = "not-accept", "不通过验收"


class Stage(Labelled):
    CREATION = "creation", "创建"
    RECOGNITION = "recognition", "认定"
