"""The audit log: what is recorded, the admin's page and its filters, the exports."""

import csv
import io
import json
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from app.accounts import audit, member_service, service
from app.accounts.models import Role
from tests.accounts.html import Page
from tests.factories import csrf_from, sign_in
from tests.scoring.review_helpers import override_id

ADDRESS = "203.0.113.9"


def actions(session, org) -> list[tuple[str, str, str, str]]:
    """(action, actor email, target, address) of the organisation's events, oldest first."""
    events = audit.list_events(session=session, org_id=org.id, where=audit.AuditFilter())
    return [(e.action, e.actor_email, e.target, e.address) for e in reversed(events)]


@pytest.fixture
def admin_client(app, factory):
    """An admin of a fresh organisation, signed in from ADDRESS."""
    org = factory.org(name="Acme")
    admin = factory.member(org, Role.admin)
    client = TestClient(app, client=(ADDRESS, 50000))
    sign_in(client, admin)
    return client, org, admin


def test_account_events_say_who_what_and_from_where(admin_client, factory, session):
    client, org, admin = admin_client
    author = factory.member(org, Role.author)
    made = client.post("/api/tokens", json={"name": "nightly"}).json()
    client.delete(f"/api/tokens/{made['id']}")
    client.post("/api/members", json={"email": "new@example.org", "role": "trainer"})
    membership = service.get_membership(session=session, user_id=author.id, org_id=org.id)
    client.patch(f"/api/members/{membership.id}", json={"role": "trainer"})
    client.delete(f"/api/members/{membership.id}")
    client.post("/logout")
    del client.headers["X-CSRF-Token"]
    token = csrf_from(client.get("/login").text)
    wrong = {"email": admin.email, "password": "wrong", "csrf_token": token}
    assert client.post("/login", data=wrong).status_code == 422
    assert actions(session, org) == [
        ("sign_in", admin.email, "", ADDRESS),
        ("token_created", admin.email, "nightly", ADDRESS),
        ("token_revoked", admin.email, "nightly", ADDRESS),
        ("member_invited", admin.email, "new@example.org", ADDRESS),
        ("role_changed", admin.email, author.email, ADDRESS),
        ("member_removed", admin.email, author.email, ADDRESS),
        ("sign_out", admin.email, "", ADDRESS),
        ("sign_in_failed", admin.email, "", ADDRESS),
    ]
    events = audit.list_events(session=session, org_id=org.id, where=audit.AuditFilter())
    assert events[3].detail == "author → trainer"
    now = datetime.now().astimezone()
    assert all(abs(audit.public(e).created_at - now) < timedelta(minutes=5) for e in events)


def test_plan_approval_drill_start_and_end_and_overrides_are_logged(session, factory):
    org = factory.org()
    override_id(session, factory, org)
    logged = [action for action, *_rest in actions(session, org)]
    assert logged == ["plan_approved", "drill_started", "drill_ended", "score_overridden"]


def test_accepting_an_invitation_is_logged_for_the_invitee(session, factory):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    outcome = member_service.add_by_email(
        session=session, org=org, email="nina@example.org", role="member", invited_by=admin
    )
    member_service.accept_invitation(
        session=session,
        token=outcome.token,
        display_name="Nina",
        password="long enough",
        language="en",
    )
    assert [(a, who) for a, who, *_rest in actions(session, org)] == [
        ("member_invited", admin.email),
        ("invitation_accepted", "nina@example.org"),
    ]


def test_the_page_filters_by_action_person_and_dates(admin_client, factory, session):
    client, org, admin = admin_client
    client.post("/api/tokens", json={"name": "one"})
    page = Page(client.get("/admin/audit", params={"action": "token_created"}).text)
    assert [row.etree_element.get("data-action") for row in page.all("#audit tbody tr")] == [
        "token_created"
    ]
    assert page.attr("#export-csv", "href") == "/admin/audit/export.csv?action=token_created"
    nobody = Page(client.get("/admin/audit", params={"actor": "nobody@"}).text)
    assert nobody.all("#audit tbody tr") == [] and nobody.one("#audit-empty") is not None
    tomorrow = (datetime.now().astimezone() + timedelta(days=2)).date().isoformat()
    assert Page(client.get(f"/admin/audit?since={tomorrow}").text).all("#audit tbody tr") == []
    assert len(Page(client.get(f"/admin/audit?until={tomorrow}").text).all("#audit tbody tr")) == 2
    partial = client.get("/admin/audit", headers={"HX-Request": "true"})
    assert partial.text.lstrip().startswith('<section id="audit"')
    bad = client.get("/api/audit", params={"since": "yesterday"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "since"]


def test_the_page_is_translated(admin_client, session):
    client, org, admin = admin_client
    client.post("/language", data={"language": "fr", "next": "/"})
    page = Page(client.get("/admin/audit").text)
    assert page.text("h1") == "Journal d’audit de Acme"
    assert "Connexion" in page.texts("#audit tbody td")


def test_exports_defuse_formulas_and_give_json_lines(admin_client, session):
    client, org, admin = admin_client
    client.post("/api/tokens", json={"name": '=HYPERLINK("http://evil.example")'})
    client.post("/api/tokens", json={"name": "@SUM(A1)"})
    answer = client.get("/admin/audit/export.csv")
    assert answer.headers["content-type"].startswith("text/csv")
    assert 'filename="audit-' in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [row["target"] for row in rows] == [
        "'@SUM(A1)",
        '\'=HYPERLINK("http://evil.example")',
        "",
    ]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    lines = client.get("/admin/audit/export.jsonl", params={"action": "token_created"}).text
    events = [json.loads(line) for line in lines.splitlines()]
    assert [e["target"] for e in events] == ["@SUM(A1)", '=HYPERLINK("http://evil.example")']
    assert all(datetime.fromisoformat(e["created_at"]).tzinfo for e in events)


def test_the_api_pages_through_the_log(admin_client, session, monkeypatch):
    client, org, admin = admin_client
    monkeypatch.setattr(audit, "PAGE_SIZE", 2)
    for name in ("a", "b", "c"):
        client.post("/api/tokens", json={"name": name})
    first = client.get("/api/audit").json()
    assert [e["target"] for e in first["data"]] == ["c", "b"]
    older = client.get("/api/audit", params={"before": first["next_before"]}).json()
    assert [e["action"] for e in older["data"]] == ["token_created", "sign_in"]
    assert len(client.get("/admin/audit/export.jsonl").text.splitlines()) == 4
    page = Page(client.get("/admin/audit").text)
    assert page.attr("#audit-older", "href") == f"/admin/audit?before={first['next_before']}"
    assert len(page.all("#audit tbody tr")) == 2


def test_a_change_of_the_organisations_settings_is_logged(admin_client, session):
    client, org, admin = admin_client
    client.post("/admin/organisation", data={"plans_self_approval": "true"})
    client.post("/admin/organisation", data={"plans_self_approval": "true"})
    changed = [(a, who, where) for a, who, _t, where in actions(session, org)][1:]
    assert changed == [("settings_changed", admin.email, ADDRESS)]
    events = audit.list_events(session=session, org_id=org.id, where=audit.AuditFilter())
    assert events[0].detail == "plans_self_approval: False → True"
