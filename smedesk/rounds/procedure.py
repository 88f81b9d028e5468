"""An application's states through the scheme's procedure, and which moves are allowed.

Recognition regimes (the 2017 measures Art. 15–19, the 2019 call): received → pre-reviewed →
with experts → recommended / not recommended. Creation regimes (the current measures
Art. 7, 10): after recommendation the ministry names creation objects (publicity of 5 working
days), who are accepted at the end of the 2-year creation period — or get a one-year
extension — then recognised, and reviewed every 2 years.
"""

from __future__ import annotations

import enum

from smedesk.errors import UserError


class State(enum.StrEnum):
    RECEIVED = "received"
    PRE_REVIEWED = "pre-reviewed"
    WITH_EXPERTS = "with-experts"
    RECOMMENDED = "recommended"
    NOT_RECOMMENDED = "not-recommended"
    CREATION_OBJECT = "creation-object"
    EXTENDED = "extended"
    RECOGNISED = "recognised"
    UNDER_REVIEW = "biennial-review"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: dict[State, str] = {
    State.RECEIVED: "已接收",
    State.PRE_REVIEWED: "已初审",
    State.WITH_EXPERTS: "专家评审中",
    State.RECOMMENDED: "推荐",
    State.NOT_RECOMMENDED: "不推荐",
    State.CREATION_OBJECT: "创建对象（创建期）",
    State.EXTENDED: "延长创建期一年",
    State.RECOGNISED: "已认定",
    State.UNDER_REVIEW: "复核中",
}

_REVIEW: dict[State, tuple[State, ...]] = {
    State.RECEIVED: (State.PRE_REVIEWED, State.NOT_RECOMMENDED),
    State.PRE_REVIEWED: (State.WITH_EXPERTS, State.NOT_RECOMMENDED),
    State.WITH_EXPERTS: (State.RECOMMENDED, State.NOT_RECOMMENDED),
    State.RECOMMENDED: (State.WITH_EXPERTS,),  # a newer package: back to the experts
    State.NOT_RECOMMENDED: (State.PRE_REVIEWED,),
}
_CREATION: dict[State, tuple[State, ...]] = {
    **_REVIEW,
    State.RECOMMENDED: (State.WITH_EXPERTS, State.CREATION_OBJECT),
    State.CREATION_OBJECT: (State.RECOGNISED, State.EXTENDED),
    State.EXTENDED: (State.RECOGNISED,),
    State.RECOGNISED: (State.UNDER_REVIEW,),
    State.UNDER_REVIEW: (State.RECOGNISED,),
}


def is_creation(stages: tuple[str, ...] | list[str]) -> bool:
    """A creation regime: the scheme's first stage is creation."""
    return bool(stages) and stages[0] == "creation"


def next_states(state: State, *, creation: bool) -> tuple[State, ...]:
    """The states an application may move to from ``state``."""
    return (_CREATION if creation else _REVIEW).get(state, ())


class ProcedureError(UserError):
    """A move the procedure does not allow; the message is a Chinese sentence."""


def check_move(old: State, new: State, *, creation: bool) -> None:
    if new not in next_states(old, creation=creation):
        allowed = "、".join(s.label for s in next_states(old, creation=creation)) or "无"
        raise ProcedureError(f"不能从「{old.label}」直接改为「{new.label}」；可改为：{allowed}。")
