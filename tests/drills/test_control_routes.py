"""The facilitator console: clock, inject list, firing early, ad-hoc injects, activity."""

from datetime import timedelta

from sqlmodel import select

from app.accounts.models import Role
from app.core.db import utcnow
from app.drills import actions, service
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate, DrillInject
from tests.drills.helpers import at, make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all

HTMX = {"HX-Request": "true"}


def states(html: str) -> dict[str, str]:
    """Each inject row's id and state."""
    return {
        row.get("data-inject"): row.get("data-state")
        for row in find_all(html, "tr")
        if row.get("data-inject")
    }


def started_team(session, factory, sim_s: float = 0):
    """A drill with its roster, started `sim_s` simulated seconds ago."""
    team = make_team(session, factory)
    now = utcnow() - timedelta(seconds=sim_s / team.drill.speed)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=now)
    return team


def test_console_lists_the_scenario_injects_with_their_state(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    page = client.get(f"/drills/{team.drill.id}/control").text
    keys = ("manager-alert", "regular-asks", "foodie-rumour", "local-paper", "loyalty-email")
    assert states(page) == dict.fromkeys((*keys, "owner-call"), "pending")
    row = by_id(page, "inject-local-paper").text
    assert "Sam Okafor" in row and "Critical" in row and "City Evening Post" in row
    assert find_all(page, "button", id="fire-local-paper") == []  # not running yet
    assert by_id(page, "clock-start").get("value") == "start"
    assert by_id(page, "record-download").get("href") == f"/api/drills/{team.drill.id}/record"


def test_clock_commands_from_the_console(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    url = f"/drills/{team.drill.id}/control/clock"
    started = client.post(url, data={"command": "start"}, headers=HTMX)
    assert by_id(started.text, "control-clock").get("data-status") == "running"
    assert started.headers["hx-trigger"] == "injects-changed"
    sped = client.post(url, data={"command": "speed", "speed": "45"}, headers=HTMX)
    assert "45" in by_id(sped.text, "readout-speed").text
    refused = client.post(url, data={"command": "speed", "speed": "61"}, headers=HTMX)
    assert (
        refused.status_code == 409 and "between 1 and 60" in by_id(refused.text, "clock-error").text
    )
    readout = client.get(url, params={"status": "running"}, headers=HTMX)
    assert by_id(readout.text, "control-readout") and "hx-retarget" not in readout.headers
    stale = client.get(url, params={"status": "scheduled"}, headers=HTMX)
    assert stale.headers["hx-retarget"] == "#control-clock"
    plain = client.post(url, data={"command": "pause"}, follow_redirects=False)
    assert plain.status_code == 303
    assert service.reading(session=session, drill=team.drill).status == "paused"


def test_fire_now_marks_the_inject_fired(client, session, factory):
    team = started_team(session, factory)
    sign_in(client, team.trainer)
    fired = client.post(
        f"/drills/{team.drill.id}/control/fire", data={"inject": "local-paper"}, headers=HTMX
    )
    assert fired.status_code == 200
    assert states(fired.text)["local-paper"] == "fired"
    assert "early" in by_id(fired.text, "inject-local-paper").text
    again = client.post(
        f"/drills/{team.drill.id}/control/fire", data={"inject": "local-paper"}, headers=HTMX
    )
    assert again.status_code == 409 and "already happened" in by_id(again.text, "inject-error").text
    log = client.get(f"/drills/{team.drill.id}/control/activity").text
    assert "Sam Okafor" in by_id(log, "activity-log").text


def test_adhoc_inject_appears_in_the_list(client, session, factory):
    team = started_team(session, factory)
    sign_in(client, team.trainer)
    data = {
        "channel": "journalist_dm",
        "persona": "journalist",
        "actor_name": "@nightdesk",
        "content": "Is it true the café kept serving after the leak?",
        "expects_response": "on",
        "deadline_minutes": "4",
        "priority": "high",
    }
    sent = client.post(f"/drills/{team.drill.id}/control/injects", data=data, headers=HTMX)
    assert sent.status_code == 200 and by_id(sent.text, "adhoc-sent")
    assert sent.headers["hx-trigger"] == "injects-changed"
    board = client.get(f"/drills/{team.drill.id}/control/injects").text
    assert states(board)["adhoc-1"] == "fired"
    row = by_id(board, "inject-adhoc-1").text
    assert "@nightdesk" in row and "kept serving" in row and "High" in row
    stored = session.exec(select(DrillInject)).one()
    assert stored.deadline_s == stored.at_s + 240 and stored.expects_response


def test_refused_adhoc_inject_names_the_field_keeps_input_stores_nothing(client, session, factory):
    team = started_team(session, factory)
    sign_in(client, team.trainer)
    data = {"actor_name": "", "content": "Kept words", "expects_response": "on"}
    refused = client.post(f"/drills/{team.drill.id}/control/injects", data=data, headers=HTMX)
    assert refused.status_code == 422
    summary = by_id(refused.text, "form-errors").text
    assert "Author name or handle" in summary
    assert by_id(refused.text, "f-content").text == "Kept words"
    assert by_id(refused.text, "f-actor_name").get("aria-invalid") == "true"
    assert "checked" in by_id(refused.text, "f-expects_response").attrs
    data = {"actor_name": "Ann", "content": "Kept words", "expects_response": "on"}
    no_deadline = client.post(f"/drills/{team.drill.id}/control/injects", data=data)
    assert no_deadline.status_code == 422
    assert "needs a deadline" in by_id(no_deadline.text, "f-deadline_minutes-error").text
    assert session.exec(select(DrillInject)).all() == []


def test_adhoc_inject_before_the_start_is_refused(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    data = {"actor_name": "Ann", "content": "Hello"}
    refused = client.post(f"/drills/{team.drill.id}/control/injects", data=data, headers=HTMX)
    assert refused.status_code == 422 and "scheduled" in by_id(refused.text, "form-errors").text
    assert session.exec(select(DrillInject)).all() == []


def test_activity_shows_each_person_and_the_log(client, session, factory):
    team = started_team(session, factory)
    actions.record_action(
        session=session,
        drill=team.drill,
        user=team.monitor,
        member_role=Role.member,
        action_in=ActionCreate(kind="note", text="Called the plumber back"),
    )
    sign_in(client, team.trainer)
    html = client.get(f"/drills/{team.drill.id}/control/activity").text
    people = {a.get("data-user"): a.text for a in find_all(html, "article")}
    monitor = people[str(team.monitor.id)]
    assert "Monitor" in monitor and "Decision logged: 1" in monitor
    assert "No action yet" in people[str(team.spokesperson.id)]
    entry = find_all(html, "tr", **{"data-kind": "note"})[0].text
    assert team.monitor.display_name in entry and "Called the plumber back" in entry


def test_member_cannot_open_the_console(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.monitor)
    assert client.get(f"/drills/{team.drill.id}/control").status_code == 403
    assert client.get(f"/drills/{team.drill.id}/roster").status_code == 403


def test_forms_work_without_javascript(client, session, factory):
    team = started_team(session, factory)
    sign_in(client, team.trainer)
    url = f"/drills/{team.drill.id}/control"
    refused = client.post(f"{url}/injects", data={"actor_name": "Ann"})
    assert refused.status_code == 422
    assert "Content" in by_id(refused.text, "form-errors").text
    assert by_id(refused.text, "control-clock").get("data-status") == "running"
    sent = client.post(
        f"{url}/injects", data={"actor_name": "Ann", "content": "Hi"}, follow_redirects=False
    )
    assert sent.status_code == 303
    fired = client.post(f"{url}/fire", data={"inject": "owner-call"}, follow_redirects=False)
    assert fired.status_code == 303
    page = client.get(url).text
    assert states(page)["owner-call"] == "fired" and states(page)["adhoc-1"] == "fired"
    unknown = client.post(f"{url}/fire", data={"inject": "nope"})
    assert unknown.status_code == 409 and by_id(unknown.text, "inject-error")


def test_answered_and_overdue_injects(client, session, factory):
    team = make_team(session, factory)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=at(0))
    actions.record_action(
        session=session,
        drill=team.drill,
        user=team.spokesperson,
        member_role=Role.member,
        action_in=ActionCreate(kind="reply", text="On it", in_reply_to="manager-alert"),
        now=at(6),
    )
    sign_in(client, team.trainer)
    board = states(client.get(f"/drills/{team.drill.id}/control/injects").text)
    assert board["manager-alert"] == "answered"
    assert board["regular-asks"] == "overdue"
    assert board["loyalty-email"] == "fired"


def test_console_in_french(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.trainer)
    client.post("/language", data={"language": "fr", "next": "/"})
    page = client.get(f"/drills/{team.drill.id}/control").text
    assert "Console de l'animateur" in page
    assert "Journaliste" in by_id(page, "inject-local-paper").text
    assert "À venir" in by_id(page, "inject-local-paper").text


def test_a_feed_inject_fired_early_is_in_the_feed_from_then_on(client, session, factory):
    team = started_team(session, factory, sim_s=40)
    sign_in(client, team.trainer)
    url = f"/drills/{team.drill.id}/control/fire"
    fired = client.post(url, data={"inject": "foodie-rumour"}, follow_redirects=False)
    assert fired.status_code == 303
    row = session.exec(select(DrillInject).where(DrillInject.drill_id == team.drill.id)).one()
    assert row.inject_key == "foodie-rumour" and 40 <= row.at_s < 60  # scheduled at 3m15s
    feed = client.get(f"/api/drills/{team.drill.id}/feed").json()
    posts = [p for p in feed["posts"] if p["inject"] == "foodie-rumour"]
    assert [p["at_ms"] for p in posts] == [round(row.at_s * 1000)]
    assert posts[0]["rumour"] and posts[0]["kind"] == "inject"


def test_the_log_names_what_an_action_is_about_never_its_id(client, session, factory):
    team = started_team(session, factory, sim_s=200)  # the rumour appears at 3 min
    for user, action_in in (
        (team.monitor, ActionCreate(kind="flag_rumour", rumour="health-inspection")),
        (team.spokesperson, ActionCreate(kind="checklist_done", item="alert")),
    ):
        actions.record_action(
            session=session, drill=team.drill, user=user, member_role=Role.member,
            action_in=action_in,
        )  # fmt: skip
    sign_in(client, team.trainer)
    html = client.get(f"/drills/{team.drill.id}/control/activity").text
    flagged = find_all(html, "tr", **{"data-kind": "flag_rumour"})[0].text
    assert "health inspectors" in flagged and "health-inspection" not in flagged
    ticked = find_all(html, "tr", **{"data-kind": "checklist_done"})[0].text
    assert "Alert the cell" in ticked and "alert" not in ticked.split()
