"""Caps that keep a hostile package from filling the disk or the memory of the reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What a package may hold. The defaults fit the largest real application (3,000 served
    firms, a few hundred MB of scanned attachments) with a wide margin."""

    #: members in the zip, manifest included
    max_members: int = 5_000
    #: sum of the members' uncompressed sizes
    max_total_bytes: int = 2 * 1024**3
    #: one member's uncompressed size
    max_member_bytes: int = 1024**3
    #: the manifest and each JSON document are read into memory: kept smaller
    max_json_bytes: int = 64 * 1024**2
    #: uncompressed / compressed size of one member; real JSON reaches ~30, a bomb ~1000
    max_ratio: float = 200.0
    #: members smaller than this are not held to the ratio (tiny files compress oddly)
    ratio_floor_bytes: int = 1024**2
    #: a member's name, in characters
    max_name_length: int = 240


DEFAULT_LIMITS = Limits()
