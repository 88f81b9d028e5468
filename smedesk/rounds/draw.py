"""The random draw of served firms for the telephone survey, repeatable by anyone.

The 推荐表 asks for at least 10 firms «随机抽取». A draw here is recorded with the seed, the
SHA-256 fingerprint of the served list it drew from and the rows drawn; :func:`draw` with the
same seed on the same list gives the same firms on any computer (Python's ``random.Random``
with an integer seed is specified to be reproducible across platforms and versions).
"""

from __future__ import annotations

import hashlib
import json
import random
import secrets
from dataclasses import dataclass
from typing import Any

from smedesk.errors import UserError

MINIMUM = 10


class DrawError(UserError):
    """A draw that cannot be made (too few firms); the message is for the user."""


@dataclass(frozen=True)
class Draw:
    seed: int
    fingerprint: str  # SHA-256 of the canonical JSON of the served list
    size: int  # firms on the list
    rows: tuple[int, ...]  # 0-based positions on the list, in drawing order
    firms: tuple[dict[str, Any], ...]

    def as_json(self) -> dict[str, Any]:
        return {"seed": self.seed, "fingerprint": self.fingerprint, "size": self.size,
                "rows": list(self.rows), "firms": list(self.firms)}  # fmt: skip


def fingerprint(served: list[dict[str, Any]]) -> str:
    """SHA-256 of the list as canonical JSON (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(served, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_seed() -> int:
    """A fresh seed from the operating system's randomness (shown and recorded)."""
    return secrets.randbelow(10**9)


def draw(served: list[dict[str, Any]], seed: int, count: int = MINIMUM) -> Draw:
    """``count`` (≥ 10) firms drawn without replacement from ``served`` with ``seed``."""
    count = max(count, MINIMUM)
    if len(served) < MINIMUM:
        raise DrawError(
            f"服务企业名单只有 {len(served)} 家，少于抽样所需的 {MINIMUM} 家，无法随机抽取。"
            "请先请申报单位补全服务企业名单。"
        )
    count = min(count, len(served))
    rows = tuple(random.Random(seed).sample(range(len(served)), count))
    return Draw(seed, fingerprint(served), len(served), rows, tuple(served[i] for i in rows))


def verify(recorded: dict[str, Any], served: list[dict[str, Any]]) -> str | None:
    """None when ``recorded`` is what a draw with its seed on ``served`` gives; else why not."""
    if fingerprint(served) != recorded.get("fingerprint"):
        return "服务企业名单与抽样时不同（指纹不符），无法复核这次抽样。"
    again = draw(served, int(recorded["seed"]), len(recorded.get("rows", [])))
    if list(again.rows) != list(recorded.get("rows", [])):
        return "按记录的种子重新抽取，结果与记录不同。"
    return None
