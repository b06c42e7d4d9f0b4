"""The user's time zone: from the browser at first sign-in, changed on the preferences page,
used to type a scheduled start and to show every date and time."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from app.accounts.models import Role
from app.core.db import utcnow
from app.core.timezones import aware
from app.drills import service as drills
from tests.drills.helpers import make_team
from tests.factories import PASSWORD, csrf_from, sign_in
from tests.plans.html import by_id, find_all

# A zone without clock changes and with a half-hour offset: a mistake cannot hide in it.
KOLKATA = "Asia/Kolkata"


def sign_in_from(client, user, browser_zone: str) -> None:
    """Sign in as a browser whose script reported `browser_zone`."""
    client.headers.pop("X-CSRF-Token", None)
    token = csrf_from(client.get("/login").text)
    data = {"email": user.email, "password": PASSWORD, "csrf_token": token}
    response = client.post(
        "/login", data={**data, "time_zone": browser_zone}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    client.headers["X-CSRF-Token"] = csrf_from(client.get("/login").text)


def test_the_sign_in_form_carries_a_field_for_the_browsers_zone(client):
    field = by_id(client.get("/login").text.replace("data-browser-zone", 'id="tz"'), "tz")
    assert field.get("name") == "time_zone" and field.get("type") == "hidden"


def test_the_browsers_zone_becomes_the_users_at_first_sign_in_only(client, factory, session):
    user = factory.member(factory.org())
    sign_in_from(client, user, KOLKATA)
    session.refresh(user)
    assert user.time_zone == KOLKATA
    client.post("/logout")
    sign_in_from(client, user, "America/New_York")
    session.refresh(user)
    assert user.time_zone == KOLKATA
    options = find_all(client.get("/account/preferences").text, "option")
    assert [o.get("value") for o in options if "selected" in o.attrs] == [KOLKATA]


def test_an_unknown_browser_zone_is_ignored(client, factory, session):
    user = factory.member(factory.org())
    sign_in_from(client, user, "Mars/Olympus")
    session.refresh(user)
    assert user.time_zone is None


def test_the_preferences_page_changes_the_zone_used_from_then_on(client, factory, session):
    user = factory.member(factory.org())
    sign_in(client, user)
    saved = client.post("/account/preferences", data={"time_zone": KOLKATA}, follow_redirects=False)
    assert saved.status_code == 303
    session.refresh(user)
    assert user.time_zone == KOLKATA
    page = client.get(saved.headers["location"]).text
    assert KOLKATA in by_id(page, "preferences-saved").text


def test_an_unknown_zone_is_refused_beside_the_field(client, factory, session):
    user = factory.member(factory.org())
    sign_in(client, user)
    refused = client.post("/account/preferences", data={"time_zone": "Mars/Olympus"})
    assert refused.status_code == 422
    assert by_id(refused.text, "time_zone").get("aria-invalid") == "true"
    assert "time zone" in by_id(refused.text, "time_zone-error").text
    session.refresh(user)
    assert user.time_zone is None


def test_a_scheduled_start_is_typed_and_shown_in_the_users_zone(client, session, factory):
    team = make_team(session, factory)
    sign_in_from(client, team.trainer, KOLKATA)
    wanted = (utcnow() + timedelta(days=1)).replace(second=0, microsecond=0)
    typed = wanted.astimezone(ZoneInfo(KOLKATA)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "plan_version_id": str(team.drill.plan_version_id),
        "scenario_id": "tutorial",
        "seed": "1",
        "speed": "10",
        "scheduled_at": typed,
    }
    created = client.post("/drills", data=data, follow_redirects=False)
    assert created.status_code == 303, created.text
    drill_id = int(created.headers["location"].rsplit("/", 1)[1])
    drill = drills.get_drill(session=session, org=team.org, drill_id=drill_id)
    assert aware(drill.scheduled_at) == wanted
    shown = by_id(client.get(created.headers["location"]).text, "drill-scheduled").text
    assert shown.endswith(wanted.astimezone(ZoneInfo(KOLKATA)).strftime("%-I:%M %p"))
    assert "UTC" not in shown


def test_the_set_up_form_names_the_zone_a_start_is_typed_in(client, session, factory):
    org = factory.org()
    sign_in_from(client, factory.member(org, Role.trainer), KOLKATA)
    assert KOLKATA in by_id(client.get("/drills/new").text, "f-scheduled_at-hint").text
