"""The drill's brand, chosen at set-up: the feed, injects, inbox, composer and record all use it."""

import json

import pytest

from app.accounts.models import Role
from app.drills import console, export, monitor, service
from app.drills.clock import ClockEventKind
from app.scenarios import library
from tests.drills.helpers import approved_version_id, at, make_drill
from tests.factories import sign_in
from tests.plans.html import by_id


@pytest.fixture
def trainer(session, factory):
    org = factory.org()
    return org, factory.member(org, Role.trainer)


def test_the_api_takes_the_brand_and_handle(client, session, trainer):
    org, user = trainer
    sign_in(client, user)
    body = {
        "plan_version_id": approved_version_id(session, org, user),
        "scenario_id": "service-outage",
        "brand": "Northbank",
        "brand_handle": "northbank_help",
        "mode": "practice",
    }
    created = client.post("/api/drills", json=body)
    assert created.status_code == 201, created.text
    drill = created.json()
    assert (drill["brand"], drill["brand_handle"], drill["mode"]) == (
        "Northbank",
        "@northbank_help",
        "practice",
    )
    refused = client.post("/api/drills", json={**body, "brand_handle": "not a handle!"})
    assert refused.status_code == 422


def test_without_a_brand_the_drill_takes_the_scenarios(session, trainer):
    org, user = trainer
    drill = make_drill(session, org, user, scenario_id="service-outage")
    assert (drill.brand, drill.brand_handle) == ("Kovalia", "@Kovalia")
    assert drill.brand != org.name


def test_feed_injects_and_record_name_the_drills_brand(session, trainer):
    org, user = trainer
    drill = make_drill(
        session, org, user, scenario_id="service-outage", brand="Northbank", speed=60
    )
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=at(0))
    now = at(40 * 60 / 60)  # 40 simulated minutes
    posts = export.feed(session=session, drill=drill, since_s=0, now=now, limit=2000)["posts"]
    texts = json.dumps(posts, ensure_ascii=False)
    assert "Kovalia" not in texts and "Northbank" in texts and "@Northbank" in texts
    data = console.console_data(session=session, drill=drill, user=user, now=now)
    inbox = " ".join(entry["text"] for entry in data["inbox"])
    assert inbox and "Kovalia" not in inbox
    claims = " ".join(claim for _id, claim in data["rumours"])
    assert "Northbank" in claims and "Kovalia" not in claims
    board = monitor.inject_board(session=session, drill=drill, sim_s=2400)
    assert "Kovalia" not in json.dumps(board, ensure_ascii=False)
    record = export.drill_record(session=session, drill=drill, now=now)
    assert record["brand"] == "Northbank"
    assert "Kovalia" not in json.dumps(record["scenario"], ensure_ascii=False)


@pytest.mark.parametrize(("language", "label"), [("en", "Brand name"), ("fr", "Nom de la marque")])
def test_the_set_up_form_takes_the_brand(client, session, trainer, language, label):
    org, user = trainer
    user.language = language
    session.add(user)
    session.commit()
    token = sign_in(client, user)
    form = client.get("/drills/new").text
    assert by_id(form, "f-brand") is not None
    assert label in form
    first = library.list_scenarios()[0].id  # the form's scenario until one is chosen
    assert by_id(form, "f-brand").get("placeholder") == library.load_scenario(first).brand.name
    version_id = approved_version_id(session, org, user)
    answer = client.post(
        "/drills",
        data={
            "csrf_token": token,
            "plan_version_id": version_id,
            "scenario_id": "tutorial",
            "language": language,
            "speed": "10",
            "brand": "Brew & Co",
            "brand_handle": "@brewco",
            "mode": "practice",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    drill_id = int(answer.headers["location"].rsplit("/", 1)[1])
    drill = service.get_drill(session=session, org=org, drill_id=drill_id)
    assert (drill.brand, drill.brand_handle, drill.mode) == ("Brew & Co", "@brewco", "practice")
    page = client.get(f"/drills/{drill_id}").text
    assert by_id(page, "drill-brand").text == "Brew & Co · @brewco"
    bad = client.post(
        "/drills",
        data={"csrf_token": token, "plan_version_id": version_id, "scenario_id": "tutorial",
              "language": language, "speed": "10", "brand_handle": "two words"},
    )  # fmt: skip
    assert bad.status_code == 422
    assert by_id(bad.text, "f-brand_handle-error") is not None
