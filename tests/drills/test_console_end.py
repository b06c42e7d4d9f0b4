"""A console that says what happened: the composer's notice names the outcome, and an ended
drill closes every console's forms and links on (review for trainers, debrief for participants)."""

import pytest

from app.drills import service
from app.drills.clock import ClockEventKind
from tests.drills.helpers import make_team
from tests.drills.test_console_trust import set_language, started
from tests.factories import sign_in
from tests.plans.html import by_id, find_all

HTMX = {"HX-Request": "true"}
DONE = {
    ("publish", "en"): "Published",
    ("publish", "fr"): "Publié",
    ("approval", "en"): "Submitted for approval",
    ("approval", "fr"): "Soumis à validation",
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("scenario_id", "intent"), [("tutorial", "publish"), ("product-recall", "approval")]
)
def test_the_done_notice_says_what_happened(
    client, session, factory, language, scenario_id, intent
):
    team = started(session, make_team(session, factory, scenario_id=scenario_id), 60)
    set_language(session, team.spokesperson, language)
    token = sign_in(client, team.spokesperson)
    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": intent, "text": "We are on it. More at noon."},
        headers=HTMX,
    )
    assert answer.status_code == 200, answer.text
    notice = by_id(answer.text, "composer-sent")
    assert notice.text.startswith(DONE[intent, language])
    assert "data-transient" in notice.attrs  # drills.js takes it away after a few seconds
    other = DONE["approval" if intent == "publish" else "publish", language]
    assert other not in notice.text


def composer_fields(page: str):
    """The composer's fieldset: disabled as a whole when the drill has ended."""
    (fields,) = find_all(page, "fieldset", class_="bare")
    return fields


def ended(session, team):
    service.control(session=session, drill=team.drill, kind=ClockEventKind.end)
    return team


def test_a_running_console_holds_the_ended_notice_hidden(client, session, factory):
    team = started(session, make_team(session, factory), 60)
    sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/console").text
    assert "hidden" in by_id(page, "console-ended").attrs
    assert "disabled" not in composer_fields(page).attrs


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_ended_console_closes_its_forms_and_links_to_the_debrief(
    client, session, factory, language
):
    team = ended(session, started(session, make_team(session, factory), 400))
    set_language(session, team.spokesperson, language)
    sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/console").text
    notice = by_id(page, "console-ended")
    assert "hidden" not in notice.attrs
    assert ("has ended" if language == "en" else "est terminé") in notice.text
    assert by_id(page, "ended-debrief").get("href") == f"/drills/{team.drill.id}/debrief"
    assert find_all(page, id="ended-review") == []  # a participant answers the debrief
    assert "disabled" in composer_fields(page).attrs
    ticks = [b for b in find_all(page, "button") if b.get("name") == "item"]
    assert ticks and all("disabled" in b.attrs for b in ticks)


def test_an_ended_console_links_trainers_to_the_review(client, session, factory):
    team = ended(session, started(session, make_team(session, factory), 400))
    sign_in(client, team.trainer)
    page = client.get(f"/drills/{team.drill.id}/console").text
    assert by_id(page, "ended-review").get("href") == f"/drills/{team.drill.id}/review"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_facilitator_console_closes_when_the_drill_ends_elsewhere(
    client, session, factory, language
):
    team = ended(session, started(session, make_team(session, factory), 400))
    set_language(session, team.trainer, language)
    sign_in(client, team.trainer)
    url = f"/drills/{team.drill.id}/control/clock?status=running"
    swap = client.get(url, headers=HTMX)  # the readout polled by a console opened while running
    assert swap.headers["HX-Retarget"] == "#control-clock"
    assert ("has ended" if language == "en" else "est terminé") in by_id(
        swap.text, "control-ended"
    ).text
    assert by_id(swap.text, "ended-review").get("href") == f"/drills/{team.drill.id}/review"
    adhoc = by_id(swap.text, "control-adhoc")
    assert adhoc.get("hx-swap-oob") == "true" and find_all(swap.text, id="adhoc-form") == []
    page = client.get(f"/drills/{team.drill.id}/control").text
    assert by_id(page, "adhoc-closed") and find_all(page, id="adhoc-form") == []
    assert by_id(page, "control-adhoc").get("hx-swap-oob") is None
