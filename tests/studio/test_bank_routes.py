"""The inject bank's page and JSON API: save from the timeline, add, delete, roles, isolation,
both languages."""

import pytest
from fastapi.testclient import TestClient

from app.accounts.models import Role
from app.studio import bank, service
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.studio.helpers import bank_entry_id, document, make_scenario


@pytest.fixture
def client(app):
    """A client that shows redirects instead of following them."""
    return TestClient(app, base_url="http://testserver", follow_redirects=False)


@pytest.fixture
def trainer(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.trainer))
    return org


def test_save_from_the_timeline_then_add_to_another_scenario(client, session, trainer):
    source = make_scenario(session, trainer, "data-breach", slug="our-breach")
    target = make_scenario(session, trainer, "product-recall", slug="our-recall")
    inject = document(session, source)["injects"][0]
    timeline = client.get(f"/studio/scenarios/{source.id}/injects").text
    forms = [f for f in find_all(timeline, "form") if f.get("action") == "/studio/bank"]
    assert len(forms) == len(document(session, source)["injects"])
    saved = client.post("/studio/bank", data={"scenario_id": source.id, "inject": inject["id"]})
    assert (saved.status_code, saved.headers["location"]) == (303, "/studio/bank?saved=1")
    page = client.get("/studio/bank?saved=1").text
    [entry] = bank.list_entries(session=session, org=trainer)
    row = by_id(page, f"entry-{entry.id}")
    assert inject["content"]["en"] in row.text
    assert document(session, source)["title"]["en"] in row.text
    options = [o.text for o in find_all(page, "option")]
    assert document(session, target)["title"]["en"] in options

    added = client.post(
        f"/studio/bank/{entry.id}/use",
        data={"scenario": f"{target.id}:{target.version}", "at_minutes": "25"},
    )
    assert added.status_code == 303
    assert added.headers["location"] == f"/studio/scenarios/{target.id}/injects?saved=1"
    session.refresh(target)
    assert target.version == 2
    assert any(i["at"] == 25 * 60 for i in document(session, target)["injects"])


def test_a_stale_or_refused_addition_is_shown_on_the_bank_page(client, session, trainer):
    cafe = make_scenario(session, trainer, "tutorial", slug="our-cafe")
    breach = make_scenario(session, trainer, "data-breach", slug="our-breach")
    about_rumour = next(i for i in document(session, cafe)["injects"] if i.get("rumour"))
    client.post("/studio/bank", data={"scenario_id": cafe.id, "inject": about_rumour["id"]})
    [entry] = bank.list_entries(session=session, org=trainer)
    url = f"/studio/bank/{entry.id}/use"
    refused = client.post(url, data={"scenario": f"{breach.id}:1", "at_minutes": "5"})
    assert refused.status_code == 422
    assert entry.rumour_claim["en"] in by_id(refused.text, "error-summary").text
    stale = client.post(url, data={"scenario": f"{cafe.id}:7", "at_minutes": "5"})
    assert stale.status_code == 409
    nonsense = client.post(url, data={"scenario": "x", "at_minutes": "five"})
    assert nonsense.status_code == 422
    for row in (cafe, breach):
        session.refresh(row)
        assert row.version == 1


def test_delete_from_the_bank(client, session, trainer):
    entry_id = bank_entry_id(session, None, trainer)
    deleted = client.post(f"/studio/bank/{entry_id}/delete")
    assert deleted.status_code == 303
    assert bank.list_entries(session=session, org=trainer) == []


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Inject bank"), ("fr", "Banque d’injects")]
)
def test_the_bank_speaks_the_readers_language(client, session, factory, language, heading):
    org = factory.org()
    sign_in(client, factory.member(org, Role.admin, language=language))
    entry_id = bank_entry_id(session, factory, org)
    html = client.get("/studio/bank").text
    assert heading in by_id(html, "main").text
    entry = bank.get_entry(session=session, org=org, entry_id=entry_id)
    assert entry.inject["content"][language] in by_id(html, f"entry-{entry_id}").text
    assert all(script.get("src") for script in find_all(html, "script"))


def test_the_api_lists_saves_uses_and_deletes(client, session, trainer):
    row = make_scenario(session, trainer)
    inject = document(session, row)["injects"][0]
    made = client.post("/api/studio/bank", json={"scenario_id": row.id, "inject_id": inject["id"]})
    assert made.status_code == 201, made.text
    assert made.json()["inject"] == inject
    listed = client.get("/api/studio/bank").json()
    assert (listed["count"], listed["data"][0]["id"]) == (1, made.json()["id"])
    url = f"/api/studio/bank/{made.json()['id']}"
    used = client.post(f"{url}/use", json={"scenario_id": row.id, "version": 1, "at_minutes": 2})
    assert used.status_code == 200, used.text
    assert used.json()["version"] == 2
    stale = client.post(f"{url}/use", json={"scenario_id": row.id, "version": 1, "at_minutes": 2})
    assert stale.status_code == 409
    unknown = client.post("/api/studio/bank", json={"scenario_id": row.id, "inject_id": "nope"})
    assert unknown.status_code == 422
    assert client.delete(url).status_code == 204
    assert client.get("/api/studio/bank").json()["count"] == 0
    assert service.latest_version(session=session, row=row).number == 2


@pytest.mark.parametrize(("role", "status"), [(Role.author, 403), (Role.member, 403)])
def test_only_trainers_and_admins_use_the_bank(client, factory, role, status):
    sign_in(client, factory.member(factory.org(), role))
    assert client.get("/studio/bank").status_code == status
    assert client.get("/api/studio/bank").status_code == status


def test_another_organisations_bank_answers_404(client, session, factory):
    theirs = bank_entry_id(session, factory, factory.org())
    org = factory.org()
    sign_in(client, factory.member(org, Role.trainer))
    mine = make_scenario(session, org)
    assert client.delete(f"/api/studio/bank/{theirs}").status_code == 404
    assert client.post(f"/studio/bank/{theirs}/delete").status_code == 404
    used = client.post(
        f"/api/studio/bank/{theirs}/use",
        json={"scenario_id": mine.id, "version": 1, "at_minutes": 1},
    )
    assert used.status_code == 404
    assert client.get("/api/studio/bank").json()["count"] == 0
    assert not find_all(client.get("/studio/bank").text, id=f"entry-{theirs}")
