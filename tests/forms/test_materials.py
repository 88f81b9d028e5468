"""smedesk.forms.materials: an entry counts as attached only when its file is in the store."""

from __future__ import annotations

from smedesk.demo import build_demo_set
from smedesk.forms.common import AttachmentRef
from smedesk.forms.materials import attached, missing_files
from smedesk.schemes import Outcome, evaluate, load_scheme


def ref(material: str, sha: str) -> AttachmentRef:
    return AttachmentRef(material_id=material, filename=f"{material}.pdf", sha256=sha, size=1)


def test_only_stored_files_are_attached() -> None:
    refs = [ref("licence", "a" * 64), ref("audit", "b" * 64)]
    stored = {("licence", "a" * 64)}
    assert list(attached(refs, stored)) == ["licence"]
    assert list(missing_files(refs, stored)) == ["audit"]
    # Without a store (a JSON file on the command line) the entries are all there is.
    assert list(attached(refs, None)) == ["licence", "audit"]
    assert missing_files(refs, None) == {}


def test_self_check_follows_the_store() -> None:
    doc = build_demo_set()["application-miit-2017-shenyang-info.json"]
    scheme = load_scheme(doc.scheme.id)

    def materials(**kw: object) -> dict[str, Outcome]:
        return {f.rule_id: f.outcome for f in evaluate(doc, scheme, **kw) if f.group == "materials"}

    listed = [f"material:{r.material_id}" for r in doc.materials]
    assert all(materials()[m] is Outcome.MET for m in listed)
    # The demo's files are not in an (empty) store: none of them is attached.
    assert all(materials(stored=frozenset())[m] is Outcome.NOT_MET for m in listed)
