"""Paper captions that are not fields: headings and sentences of the printed layouts.

Field labels never appear here — they come from the models' field specs. What is here
is the wording of the paper itself (a contents heading, a group caption of the 申请表,
the declaration of truthfulness), kept in one place so it is typed once.
"""

from __future__ import annotations

ISSUED = "制"  # «工业和信息化部制»: the issuer line of the paper forms
CONTENTS = "申请报告的主要内容"
NARRATIVES_NOTE = "（请另附说明材料）"
COOPERATION = "合作资源"
OF_WHICH = "其中："
MATERIALS_TITLE = "附件材料清单"
MATERIALS_NO = "序号"
MATERIALS_BASIS = "依据"
MATERIALS_START = "起始页"
MATERIALS_PAGES = "页数"
MATERIAL_IN_REPORT = "本申请报告"
NOT_ATTACHED = "（未附）"
DIVIDER_HEADING = "附件材料"
ROW_NO = "序号"

DECLARATION_TITLE = "申报材料真实性声明"
DECLARATION_TEXT = (
    "本单位郑重声明：本次申报所提交的申请报告及全部附件材料均真实、准确、完整，"
    "不存在虚假记载、误导性陈述或重大遗漏。如有不实，本单位愿意承担由此产生的一切责任，"
    "并接受撤销称号等处理。"
)
LEGAL_REPRESENTATIVE_SIGN = "法定代表人（签字）"
APPLICANT_SEAL = "申报单位（盖章）"
SEAL = "（盖章）"
SIGNATURE = "签字"

RECOMMENDER_SEAL = "推荐单位（盖章）"
EXPERT_SIGN = "评审专家（签字）"
CONFLICT_TITLE = "回避声明"
CONFLICT_TEXT = "本人承诺与申报单位不存在下列关系，如有隐瞒，愿承担相应责任："
TICK = "√"
YES_NO = ("是", "否")
PANEL_SIGN_NOTE = "专家组成员签字"

SURVEY_NOTE = "（随机抽取，不少于10家）"

# Notes printed under the 推荐汇总表 (附件2 of 工企业函〔2019〕310号), as the seed has them.
SUMMARY_NOTES = (
    "说明：（1）平台名称中，不得包含“国家”、“中国”、“省级”、“示范”等字样，须以“平台”作为名称结尾，如XXX平台。",
    "（2）如某一地级市同时具备打造大中小企业融通型、专业资本集聚型、科技资源支撑型、高端人才引进型等创新创业特色载体的开发区，"
    "中外中小企业合作区，国家信息消费示范城市中2项或2项以上条件，只能推荐1家不计入省级推荐数量的公共服务平台。",
    "（3）同一家公共服务平台，不得通过省级中小企业主管部门和行业协会重复申报。",
)
OR = "或者"

#: The 推荐表's annex recording the survey's random draw (smedesk.rounds.draw).
DRAW_TITLE = "附：随机抽样记录"
DRAW_NOTE = (
    "复核方法：将服务企业名单按申请报告中的顺序整理为 JSON（键名排序、无空格、UTF-8），"
    "其 SHA-256 应与上列指纹一致；以上列种子初始化 Python 的 random.Random，"
    "对名单行号做不放回抽样（random.sample），抽出的行号应与上列一致。"
)
