"""Drill pages: list, set-up form, drill page and its htmx clock controls."""

from app.accounts.models import Role
from app.drills import service
from tests.drills.helpers import approved_version_id, make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all


def test_trainer_sets_up_a_drill_through_the_form(client, session, factory):
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    version_id = approved_version_id(session, org, trainer)
    token = sign_in(client, trainer)
    form = client.get("/drills/new").text
    options = [o.get("value") for o in find_all(form, "option")]
    assert str(version_id) in options and "tutorial" in options
    data = {"csrf_token": token, "plan_version_id": str(version_id), "scenario_id": "tutorial"}
    created = client.post("/drills", data={**data, "speed": "20"}, follow_redirects=False)
    assert created.status_code == 303
    page = client.get(created.headers["location"]).text
    assert by_id(page, "drill-clock").text.count("20") >= 1
    assert by_id(page, "drill-seed").text.isdigit()
    listing = client.get("/drills").text
    assert "Tutorial" in " ".join(a.text for a in find_all(listing, "a"))
    refused = client.post("/drills", data={**data, "speed": "99"})
    assert refused.status_code == 422 and "60" in refused.text


def test_member_sees_no_controls_and_cannot_open_the_form(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.monitor)
    page = client.get(f"/drills/{team.drill.id}").text
    assert find_all(page, "button", name="command") == []
    assert client.get("/drills/new").status_code == 403


def test_htmx_clock_controls_return_the_partial(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    url = f"/drills/{team.drill.id}/clock"
    response = client.post(url, data={"command": "start"}, headers={"HX-Request": "true"})
    clock = by_id(response.text, "drill-clock")
    assert "Running" in clock.text
    assert [b.get("value") for b in find_all(response.text, "button")] == ["pause", "end", "speed"]
    again = client.post(url, data={"command": "resume"}, headers={"HX-Request": "true"})
    assert again.status_code == 409 and "cannot resume" in again.text
    plain = client.post(url, data={"command": "end"}, follow_redirects=False)
    assert plain.status_code == 303
    reading = service.reading(session=session, drill=team.drill)
    assert reading.status == "ended"


def test_the_form_preselects_the_plan_version_the_dashboard_links_to(client, session, factory):
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    other = approved_version_id(session, org, trainer)
    wanted = approved_version_id(session, org, trainer)
    sign_in(client, trainer)
    form = client.get(f"/drills/new?plan_version_id={wanted}").text
    chosen = {o.get("value") for o in find_all(form, "option") if "selected" in o.attrs}
    assert str(wanted) in chosen and str(other) not in chosen
