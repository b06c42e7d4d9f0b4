"""Set-up form, the drill's hub, the roster form and the participants' lobby."""

from datetime import timedelta

from sqlmodel import select

from app.core.db import utcnow
from app.drills import service
from app.drills.clock import ClockEventKind
from app.drills.models import Drill, DrillParticipant
from tests.drills.helpers import approved_version_id, make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all


def drill_count(session) -> int:
    return len(session.exec(select(Drill)).all())


def test_setup_form_prefills_a_seed_and_describes_the_scenario(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    assert by_id(client.get("/drills/new").text, "f-seed").get("value").isdigit()
    page = client.get("/drills/new", params={"scenario_id": "tutorial"}).text
    summary = by_id(page, "scenario-summary").text
    assert "Tutorial" in summary and "10 minutes" in summary
    french = client.get(
        "/drills/new/scenario", params={"scenario_id": "tutorial", "language": "fr"}
    )
    assert "Tutoriel : la fuite au Café Cerise" in by_id(french.text, "scenario-summary").text


def test_refused_setup_names_the_fields_keeps_the_input_and_stores_nothing(
    client, session, factory
):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    before = drill_count(session)
    data = {
        "plan_version_id": str(team.drill.plan_version_id),
        "scenario_id": "tutorial",
        "title": "Kept title",
        "seed": "12",
        "speed": "99",
        "scheduled_at": "yesterday",
    }
    refused = client.post("/drills", data=data)
    assert refused.status_code == 422
    summary = by_id(refused.text, "form-errors").text
    assert "Speed" in summary and "Scheduled start" in summary
    assert by_id(refused.text, "f-title").get("value") == "Kept title"
    assert by_id(refused.text, "f-seed").get("value") == "12"
    assert by_id(refused.text, "f-speed").get("aria-invalid") == "true"
    past = (utcnow() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    again = client.post("/drills", data={**data, "speed": "5", "scheduled_at": past})
    assert again.status_code == 422
    assert "in the future" in by_id(again.text, "f-scheduled_at-error").text
    assert drill_count(session) == before


def test_drill_page_shows_seed_and_reruns_with_the_same_seed(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    soon = (utcnow() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "plan_version_id": str(team.drill.plan_version_id),
        "scenario_id": "tutorial",
        "seed": "4242",
        "speed": "30",
        "language": "fr",
        "scheduled_at": soon,
    }
    created = client.post("/drills", data=data, follow_redirects=False)
    assert created.status_code == 303
    page = client.get(created.headers["location"]).text
    assert by_id(page, "drill-seed").text == "4242"
    assert by_id(page, "drill-scheduled").text
    assert by_id(page, "control-link").get("href").endswith("/control")
    rerun = client.get(by_id(page, "rerun-link").get("href")).text
    assert by_id(rerun, "f-seed").get("value") == "4242"
    assert by_id(rerun, "f-speed").get("value") == "30"
    chosen = [o.get("value") for o in find_all(rerun, "option") if "selected" in o.attrs]
    assert "fr" in chosen and "tutorial" in chosen


def test_roster_saves_several_roles_for_one_person_and_flags_unfilled(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    page = client.get(f"/drills/{team.drill.id}/roster").text
    boxes = find_all(page, "input", name="role-spokesperson")
    assert str(team.spokesperson.id) in [b.get("value") for b in boxes]
    person = str(team.spokesperson.id)
    saved = client.post(
        f"/drills/{team.drill.id}/roster",
        data={"role-spokesperson": person, "role-approver": person},
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    assert by_id(saved.text, "roster-saved")
    monitor_slot = by_id(saved.text, "role-monitor")
    assert "Unfilled" in monitor_slot.text
    assert "1 role unfilled" in by_id(saved.text, "roster-unfilled").text
    held = service.roles_of(session=session, drill=team.drill, user=team.spokesperson)
    assert held == ["approver", "spokesperson"]
    plain = client.post(
        f"/drills/{team.drill.id}/roster", data={"role-monitor": person}, follow_redirects=False
    )
    assert plain.status_code == 303
    hub = client.get(plain.headers["location"]).text
    roles = {li.get("data-role"): li.text for li in find_all(hub, "li") if li.get("data-role")}
    assert (
        "Unfilled" in roles["spokesperson"] and team.spokesperson.display_name in roles["monitor"]
    )


def test_roster_refuses_an_outsider_and_keeps_the_roster(client, session, factory):
    team = make_team(session, factory)
    stranger = factory.member(factory.org())
    sign_in(client, team.trainer)
    before = session.exec(select(DrillParticipant)).all()
    refused = client.post(
        f"/drills/{team.drill.id}/roster",
        data={"role-spokesperson": [str(team.approver.id), str(stranger.id)]},
    )
    assert refused.status_code == 422
    assert "not a member" in refused.text
    checked = [b.get("value") for b in find_all(refused.text, "input") if "checked" in b.attrs]
    assert str(team.approver.id) in checked
    assert len(session.exec(select(DrillParticipant)).all()) == len(before)


def test_participant_goes_from_drill_page_to_lobby_then_console(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.spokesperson)
    url = f"/drills/{team.drill.id}"
    hub = client.get(url, follow_redirects=False)
    assert hub.status_code == 303 and hub.headers["location"] == f"{url}/lobby"
    lobby = client.get(f"{url}/lobby").text
    assert by_id(lobby, "lobby-my-roles").text == "Spokesperson"
    roles = {li.get("data-role"): li.text for li in find_all(lobby, "li") if li.get("data-role")}
    assert team.monitor.display_name in roles["monitor"]
    assert "Café Cerise" in lobby
    waiting = client.get(f"{url}/lobby/status", headers={"HX-Request": "true"})
    assert "hx-redirect" not in waiting.headers
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start)
    started = client.get(f"{url}/lobby/status", headers={"HX-Request": "true"})
    assert started.headers["hx-redirect"] == f"{url}/console"
    assert client.get(url, follow_redirects=False).headers["location"] == f"{url}/console"
    assert (
        client.get(f"{url}/lobby", follow_redirects=False).headers["location"] == f"{url}/console"
    )


def test_ended_drill_shows_its_summary_to_everyone(client, session, factory):
    team = make_team(session, factory)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.end)
    sign_in(client, team.monitor)
    page = client.get(f"/drills/{team.drill.id}").text
    assert "over" in by_id(page, "drill-summary").text
    links = [a.get("href") for a in find_all(page, "a")]
    assert f"/drills/{team.drill.id}/review" in links
    assert f"/api/drills/{team.drill.id}/record" in links
    assert find_all(page, "button", name="command") == []


def test_lobby_counts_down_to_a_scheduled_start(client, session, factory):
    team = make_team(session, factory)
    team.drill.scheduled_at = utcnow() + timedelta(minutes=5)
    session.add(team.drill)
    session.commit()
    sign_in(client, team.monitor)
    text = by_id(client.get(f"/drills/{team.drill.id}/lobby").text, "lobby-countdown").text
    assert "starts in 4 min" in text or "starts in 5 min" in text


def test_version_list_offers_only_the_organisations_plans(client, session, factory):
    team = make_team(session, factory)
    other = factory.org()
    foreign = approved_version_id(session, other)
    sign_in(client, team.trainer)
    options = [o.get("value") for o in find_all(client.get("/drills/new").text, "option")]
    assert str(foreign) not in options
