"""Importing a plan file: every problem at once (file, line, field), and a title already taken."""

import json

import pytest

from app.accounts.models import Role
from app.core.errors import Invalid
from app.plans import service, transfer
from app.plans.sections import field_words
from tests.factories import sign_in
from tests.plans.helpers import make_full_plan
from tests.plans.html import by_id, find_all

BROKEN = """title: Recall
roles:
- name: Spokesperson
  holder_phone: call me
- key: spokesperson
  name: Spokesperson again
kpis:
- metric: final_sentiment
  target: 4
checklist:
- title: Alert the cell
  owner_role: ghost
colour: red
"""
EXPECTED = {
    "roles.0.holder_phone": 4,
    "kpis.0.target": 9,
    "colour": 13,
}


@pytest.fixture
def author(client, factory):
    org = factory.org()
    user = factory.member(org, Role.author)
    sign_in(client, user)
    return org, user


def test_every_field_problem_is_reported_with_its_file_and_line(session, factory):
    org = factory.org()
    lines = transfer.document_lines(BROKEN)
    with pytest.raises(Invalid) as caught:
        transfer.import_document(
            session=session,
            org=org,
            user=None,
            data=transfer.loads(BROKEN, "yaml"),
            label="recall.yaml",
            lines=lines,
        )
    found = dict(caught.value.problems)
    for path, line in EXPECTED.items():
        where = field_words(path.split("."))
        assert found[path].startswith(f"recall.yaml, line {line}, {where}: "), found
    assert "phone number" in found["roles.0.holder_phone"]
    assert service.list_plans(session=session, org=org) == []


def test_cross_references_are_all_reported_once_the_fields_are_valid(session, factory):
    org = factory.org()
    text = json.dumps(
        {
            "title": "Recall",
            "roles": [{"key": "lead", "name": "Lead"}, {"key": "lead", "name": "Twin"}],
            "checklist": [
                {"title": "Alert", "owner_role": "ghost"},
                {"title": "Call", "owner_role": "phantom"},
            ],
        },
        indent=2,
    )
    with pytest.raises(Invalid) as caught:
        transfer.import_document(
            session=session,
            org=org,
            user=None,
            data=transfer.loads(text, "json"),
            label="recall.json",
            lines=transfer.document_lines(text),
        )
    found = dict(caught.value.problems)
    assert set(found) == {"roles.1.key", "checklist.0.owner_role", "checklist.1.owner_role"}
    assert "“phantom”" in found["checklist.1.owner_role"]
    line_of = {
        path: int(message.split("line ")[1].split(",")[0]) for path, message in found.items()
    }
    assert line_of["checklist.1.owner_role"] > line_of["checklist.0.owner_role"] > 1


def test_a_member_unknown_to_the_organisation_is_listed_with_the_others(session, factory):
    org = factory.org()
    document = transfer.export_document(session=session, plan=make_full_plan(session, org))
    document["roles"][0].update(holder_member="nobody@example.org", holder_contact=None)
    document["roles"].append({"key": "legal", "name": "Legal", "backup_member": "x@example.org"})
    before = len(service.list_plans(session=session, org=org))
    with pytest.raises(Invalid) as caught:
        transfer.import_document(session=session, org=org, user=None, data=document)
    assert [path for path, _message in caught.value.problems] == [
        "roles.0.holder_member",
        f"roles.{len(document['roles']) - 1}.backup_member",
    ]
    assert len(service.list_plans(session=session, org=org)) == before


def test_the_import_page_lists_every_problem(client, author):
    response = client.post("/plans/import", files={"file": ("recall.yaml", BROKEN.encode())})
    assert response.status_code == 422
    listed = {
        li.get("data-field"): li.text
        for li in find_all(response.text, "li")
        if li.get("data-field")
    }
    assert set(EXPECTED) <= set(listed)
    assert listed["colour"].startswith("recall.yaml, line 13, colour: This field is not part")
    assert "3 problems" in by_id(response.text, "f-file-error").text


def test_the_api_answers_every_problem_with_its_path(client, author):
    response = client.post(
        "/api/plans/import",
        json={"title": "Recall", "kpis": [{"metric": "final_sentiment", "target": 4}], "x": 1},
    )
    assert response.status_code == 422
    locs = [detail["loc"] for detail in response.json()["detail"]]
    assert ["body", "kpis", "0", "target"] in locs and ["body", "x"] in locs


def test_a_title_already_used_asks_first_then_imports_with_a_suffix(client, session, author):
    org, _user = author
    existing = make_full_plan(session, org)
    exported = client.get(f"/plans/{existing.id}/export.yaml").text
    asked = client.post(
        "/plans/import", files={"file": ("plan.yaml", exported.encode())}, follow_redirects=False
    )
    assert asked.status_code == 200
    warning = by_id(asked.text, "import-clash")
    assert existing.title in warning.text
    assert len(service.list_plans(session=session, org=org)) == 1
    confirm = {
        field.get("name"): field.get("value")
        for field in find_all(asked.text, "input", type="hidden")
        if field.get("name") in ("filename", "confirm")
    }
    content = next(
        area for area in find_all(asked.text, "textarea") if area.get("name") == "content"
    )
    assert confirm == {"filename": "plan.yaml", "confirm": "1"} and content is not None
    done = client.post(
        "/plans/import",
        data={**confirm, "content": exported},
        follow_redirects=False,
    )
    assert done.status_code == 303
    titles = sorted(plan.title for plan in service.list_plans(session=session, org=org))
    assert titles == [existing.title, f"{existing.title} (2)"]
    copy_id = int(done.headers["location"].rsplit("/", 1)[1])
    copy = client.get(f"/plans/{copy_id}/export.yaml").text
    assert copy.replace(f"{existing.title} (2)", existing.title, 1) == exported
