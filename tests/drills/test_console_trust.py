"""The console a team can trust: placeholders filled or refused, one approval rule, live rumours."""

from datetime import timedelta

import pytest

from app.core.db import utcnow
from app.drills import actions, console, monitor, service
from app.drills.clock import ClockEventKind
from tests.drills import helpers
from tests.drills.helpers import make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all

TEMPLATE = "{brand} knows the {product} is off; next update {next_update}. {spokesperson}"


def started(session, team, sim_s: float):
    """Start the team's drill (10×) so that its clock reads `sim_s` now."""
    service.control(
        session=session,
        drill=team.drill,
        kind=ClockEventKind.start,
        now=utcnow() - timedelta(seconds=sim_s / 10),
    )
    return team


@pytest.fixture
def team(session, factory, monkeypatch):
    """A tutorial drill at 300 s whose plan's key message is full of placeholders."""
    document = {**helpers.PLAN_DOCUMENT}
    document["key_messages"] = [
        {"key": "holding", "title": "Holding", "kind": "holding", "text": TEMPLATE}
    ]
    monkeypatch.setattr(helpers, "PLAN_DOCUMENT", document)
    return started(session, make_team(session, factory), 300)


def set_language(session, user, language):
    user.language = language
    session.add(user)
    session.commit()


def test_a_key_message_comes_filled_with_what_the_drill_knows(client, session, team):
    sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/console").text
    option = next(o for o in find_all(page, "option") if o.get("value") == "holding")
    name = team.spokesperson.display_name
    expected = f"Café Cerise knows the cherry bun is off; next update {{next_update}}. {name}"
    assert option.get("data-text") == expected
    assert "hidden" in by_id(page, "composer-placeholders").attrs  # nothing typed yet


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Fill in every placeholder"), ("fr", "Complétez chaque champ à remplir")],
)
def test_a_text_with_placeholders_is_refused_naming_each(client, session, team, language, words):
    set_language(session, team.spokesperson, language)
    token = sign_in(client, team.spokesperson)
    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "Back at {time}, {next_update}"},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 422
    error = by_id(answer.text, "composer-text-error").text
    assert words in error and "{time}, {next_update}" in error
    left = by_id(answer.text, "composer-placeholders")
    assert "hidden" not in left.attrs
    assert [m.text for m in find_all(answer.text, "mark")] == ["{time}", "{next_update}"]
    assert actions.list_actions(session=session, drill=team.drill) == []


def test_the_api_refuses_placeholders_too(client, session, team):
    sign_in(client, team.spokesperson)
    url = f"/api/drills/{team.drill.id}/actions"
    refused = client.post(url, json={"kind": "reply", "text": "{x}", "in_reply_to": "regular-asks"})
    assert refused.status_code == 422 and "{x}" in refused.text
    assert client.post(url, json={"kind": "note", "text": "ask about {x}"}).status_code == 201


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_console_explains_the_approval_rule(client, session, factory, language):
    serious = started(session, make_team(session, factory, scenario_id="product-recall"), 60)
    set_language(session, serious.spokesperson, language)
    token = sign_in(client, serious.spokesperson)
    page = client.get(f"/drills/{serious.drill.id}/console").text
    rule = by_id(page, "approval-rule").text
    assert ("rumour correction" if language == "en" else "correction de rumeur") in rule
    intents = [b.get("value") for b in find_all(page, "button") if b.get("name") == "intent"]
    assert "publish" not in intents and "approval" in intents
    answer = client.post(
        f"/drills/{serious.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "Not true.", "rumour": "any"},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 422
    said = " ".join(p.text for p in find_all(answer.text, "p", role="alert"))
    assert ("for approval first" if language == "en" else "à validation") in said
    assert actions.list_actions(session=session, drill=serious.drill) == []


def test_without_approval_the_console_says_it_goes_out_at_once(client, session, team):
    sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/console").text
    assert "No approval needed" in by_id(page, "approval-rule").text


def test_the_rumour_list_grows_as_rumours_appear(client, session, factory):
    early = started(session, make_team(session, factory), 50)
    assert console.rumours_seen(early.drill, 50) == ([], 180)
    sign_in(client, early.spokesperson)
    page = client.get(f"/drills/{early.drill.id}/console").text
    select = by_id(page, "composer-rumour")
    assert select.get("data-next-at-s") == "180"
    assert select.get("hx-get") == f"/drills/{early.drill.id}/console/rumours"
    assert "rumour-due" in select.get("hx-trigger") and "rumour-seen" in select.get("hx-trigger")
    assert select.get("hx-target") == "this"  # not the composer it sits in
    seen, upcoming = console.rumours_seen(early.drill, 200)
    assert [rumour_id for rumour_id, _claim in seen] == ["health-inspection"] and upcoming is None


def test_the_rumour_list_partial_keeps_the_choice(client, session, team):
    sign_in(client, team.spokesperson)
    url = f"/drills/{team.drill.id}/console/rumours?rumour=health-inspection"
    partial = client.get(url).text
    chosen = [o.get("value") for o in find_all(partial, "option") if "selected" in o.attrs]
    assert chosen == ["health-inspection"]
    assert by_id(partial, "composer-rumour").get("data-next-at-s") is None  # none left to come


DENIAL = "Corn Street was not shut down by health inspectors: a water pipe burst. No rats."


@pytest.mark.parametrize(
    ("text", "answers"),
    [(DENIAL, True), ("We are looking into what is said about Corn Street.", False)],
)
def test_a_correction_that_denies_answers_the_injects_carrying_its_rumour(
    client, session, team, text, answers
):
    token = sign_in(client, team.spokesperson)
    inbox = client.get(f"/drills/{team.drill.id}/console/inbox").text
    assert "state-open" in by_id(inbox, "inject-foodie-rumour").get("class")
    client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "rumour": "health-inspection",
              "text": text},
    )  # fmt: skip
    assert [a.kind for a in actions.list_actions(session=session, drill=team.drill)] == [
        "correct_rumour"
    ]
    inbox = client.get(f"/drills/{team.drill.id}/console/inbox").text
    state = by_id(inbox, "inject-foodie-rumour").get("class")
    assert ("state-answered" in state) is answers
    board = monitor.inject_board(session=session, drill=team.drill, sim_s=300)
    states = {entry["id"]: entry["state"] for entry in board}
    assert (states["foodie-rumour"] == "answered") is answers
    assert states["regular-asks"] != "answered"
