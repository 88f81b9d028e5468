"""The document's sections, mirroring the paper: built from the model's field declarations.

申请报告 gives: basic information (cover), 申请表 一–四 (with 主要投资方 and 主要服务内容 as
tables under their parts), the three lists, the seven narratives, the materials. Any other
document kind gets the same treatment from its own fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from smedesk.forms.common import Document
from smedesk.forms.fields import FieldSpec, field_specs
from smedesk.ui.editor.layout_rules import (
    has_own_page,
    is_attachments,
    is_chapters,
    is_container,
    ordered_specs,
)
from smedesk.ui.i18n import tr

COVER_KEY = "cover"


@dataclass
class Section:
    """A node of the section tree; a page unless ``kind`` is ``group``."""

    key: str  # the path of the part it shows (``form.basic``), or ``cover``
    title: str
    kind: str  # form, chapter, list, attachments, group
    model_type: type[BaseModel] | None = None  # the part's model (the row model for a list)
    entries: list[tuple[str, FieldSpec]] = field(default_factory=list)  # fields on a form page
    children: list[Section] = field(default_factory=list)
    help: str | None = None

    @property
    def owned_paths(self) -> list[str]:
        """Paths whose findings belong to this page (its own fields, not its children's)."""
        if self.kind in ("list", "attachments", "chapter"):
            return [self.key]
        return [path for path, spec in self.entries if not has_own_page(spec)]

    @property
    def short_title(self) -> str:
        """For the tree: long chapter titles up to their first comma."""
        return self.title.split("，")[0]

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _model_section(path: str, spec: FieldSpec) -> Section:
    model = spec.item_model
    assert model is not None
    if is_container(model):
        children = [_child(path, s) for s in field_specs(model, include_derived=False)]
        return Section(path, spec.label, "group", model, children=children, help=spec.help)
    if is_chapters(model):
        chapters = [
            Section(_join(path, s.name), s.label, "chapter", model, [(_join(path, s.name), s)])
            for s in field_specs(model, include_derived=False)
        ]
        return Section(path, spec.label, "group", model, children=chapters, help=spec.help)
    entries = [(_join(path, s.name), s) for s in ordered_specs(model)]
    children = [
        _child(path, s) for s in field_specs(model, include_derived=False) if has_own_page(s)
    ]
    return Section(path, spec.label, "form", model, entries, children, help=spec.help)


def _child(prefix: str, spec: FieldSpec) -> Section:
    path = _join(prefix, spec.name)
    if is_attachments(spec):
        return Section(path, spec.label, "attachments", spec.item_model, help=spec.help)
    if spec.kind == "list":
        return Section(path, spec.label, "list", spec.item_model, help=spec.help)
    return _model_section(path, spec)


def build_sections(doc_type: type[Document]) -> list[Section]:
    """The top-level sections of a document kind, in the paper's order."""
    specs = field_specs(doc_type)
    cover_entries = [(s.name, s) for s in specs if not has_own_page(s, top=True) and not s.derived]
    sections = [
        Section(
            COVER_KEY,
            tr("基本信息"),
            "form",
            doc_type,
            cover_entries,
            help=tr("填报日期、所在地区等"),
        )
    ]
    sections += [_child("", s) for s in specs if has_own_page(s, top=True) and not s.derived]
    return sections


def path_matches(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def section_for_path(sections: list[Section], path: str) -> Section | None:
    """The page that shows ``path``: the one owning the longest matching prefix."""
    best: Section | None = None
    best_len = -1
    for top in sections:
        for section in top.walk():
            if section.kind == "group":
                continue
            for owned in section.owned_paths:
                if path_matches(path, owned) and len(owned) > best_len:
                    best, best_len = section, len(owned)
    return best
