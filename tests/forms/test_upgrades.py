"""Documents of every earlier format upgrade to this release's; newer formats are refused.

The previous release's fixture (``tests/fixtures/previous-release``) was written by that
release itself. The tests are parametrised over ``range(1, FORMAT_VERSION)``, so a bump
of the format is covered without editing them; a format with a committed fixture is also
parsed from that fixture.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from smedesk.demo import build_demo_set
from smedesk.forms import (
    DOCUMENT_KINDS,
    Document,
    DocumentError,
    SchemeRef,
    parse_document,
    upgrades,
)
from smedesk.forms.keys import strip_derived
from smedesk.forms.upgrades import FORMAT_VERSION, STEPS, FormatError, upgrade

from support.fixtures import PREVIOUS_RELEASE, format_fixtures, load_json

EARLIER = list(range(1, FORMAT_VERSION))


def leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every scalar of a JSON value with its path (lists by index)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from leaves(value, f"{path}[{i}]")
    else:
        yield path, data


def test_the_default_format_version_is_the_one_this_release_writes() -> None:
    assert Document.model_fields["format_version"].default == FORMAT_VERSION
    for kind, model in DOCUMENT_KINDS.items():
        fresh = model(scheme=SchemeRef(id="miit-2017", version="2017"))
        assert fresh.format_version == FORMAT_VERSION, kind
        assert fresh.model_dump(mode="json")["format_version"] == FORMAT_VERSION


def test_there_is_one_step_for_every_earlier_format() -> None:
    assert sorted(STEPS) == EARLIER


def test_the_previous_release_fixture_is_of_an_earlier_format() -> None:
    data = load_json(PREVIOUS_RELEASE / "application-format-1.json")
    assert data["format_version"] == 1
    assert data["format_version"] < FORMAT_VERSION
    assert "is_western" in data["region"]  # derived fields, as model_dump wrote them


@pytest.mark.parametrize("version", EARLIER)
def test_upgrade_runs_every_step_from_each_earlier_version(
    version: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[int] = []

    def recording(n: int) -> Any:
        step = STEPS[n]

        def run(data: dict[str, Any]) -> dict[str, Any]:
            assert data["format_version"] == n  # each step sees the format it upgrades from
            ran.append(n)
            return step(data)

        return run

    monkeypatch.setattr(upgrades, "STEPS", {n: recording(n) for n in STEPS})
    data = _document_of_format(version)
    before = copy.deepcopy(data)
    out = upgrade(data)
    assert ran == list(range(version, FORMAT_VERSION))
    assert out["format_version"] == FORMAT_VERSION
    assert data == before  # the caller's document is not changed


@pytest.mark.parametrize("version", EARLIER)
def test_each_earlier_format_parses_and_keeps_every_value(version: int) -> None:
    found = format_fixtures(version)
    assert found, (
        f"format {version} has no committed fixture: the change that bumped the format past "
        f"{version} adds tests/fixtures/<folder>/<name>-format-{version}.json, written by "
        "the release that wrote that format"
    )
    for path in found:
        _parses_and_keeps_every_value(load_json(path))


def _parses_and_keeps_every_value(data: dict[str, Any]) -> None:
    doc = parse_document(data)
    assert doc.format_version == FORMAT_VERSION
    # Nothing the document held is lost: every input value of the upgraded JSON is in
    # the model (derived figures are recomputed, so they are left out of the comparison).
    kind_model = DOCUMENT_KINDS[doc.kind]
    expected = dict(leaves(strip_derived(kind_model, upgrade(data))))
    held = dict(leaves(strip_derived(kind_model, doc.model_dump(mode="json"))))
    assert len(expected) > 50  # the comparison below compares a whole document
    missing = {p: v for p, v in expected.items() if held.get(p, object()) != v}
    assert missing == {}
    # And it saves back in this release's format, readable again.
    assert parse_document(doc.model_dump(mode="json")) == doc


def test_the_previous_release_document_is_the_demo_it_was_made_from() -> None:
    """The old file reads as the same application (a sanity check of the fixture itself)."""
    doc = parse_document(load_json(PREVIOUS_RELEASE / "application-format-1.json"))
    now = build_demo_set()["application-miit-2017-shenyang-info.json"]
    assert doc.display_title() == now.display_title()
    assert doc.kind == now.kind and doc.scheme == now.scheme


def test_a_newer_format_is_refused() -> None:
    data = _current_demo()
    data["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(DocumentError, match="请升级 smedesk"):
        parse_document(data)


@pytest.mark.parametrize("bad", [0, -1, "2", 1.5, True, None])
def test_a_malformed_format_version_is_refused(bad: object) -> None:
    data = _current_demo()
    data["format_version"] = bad
    with pytest.raises(DocumentError, match="格式版本"):
        parse_document(data)
    with pytest.raises(FormatError):
        upgrade(data)


def test_a_missing_format_version_means_the_first_format() -> None:
    data = _current_demo()
    del data["format_version"]
    assert upgrade(data)["format_version"] == FORMAT_VERSION
    assert parse_document(data).format_version == FORMAT_VERSION


@pytest.mark.parametrize(
    "form", [True, ["a"], {"support": True}, {"support": ["ab"]}, {"support": "文字"}]
)
def test_an_earlier_format_of_the_wrong_shape_is_refused_with_a_message(form: object) -> None:
    # The step from format 2 reads 申请表 part 四; a form or part that is not an object is
    # left to validation, which names it (found by the package fuzz test as a TypeError).
    data = _current_demo()
    data["format_version"] = 2
    data["form"] = form
    with pytest.raises(DocumentError, match="form"):
        parse_document(data)


def _current_demo() -> dict[str, Any]:
    doc = build_demo_set()["application-miit-2017-shenyang-info.json"]
    return doc.model_dump(mode="json")


def _document_of_format(version: int) -> dict[str, Any]:
    """A document as format ``version`` wrote it: its committed fixture when there is one."""
    found = format_fixtures(version)
    if found:
        return load_json(found[0])
    # No fixture of that format: this release's demo, labelled with the old version.
    # It still proves the chain of steps runs from there; a real fixture proves more.
    data = _current_demo()
    data["format_version"] = version
    return data
