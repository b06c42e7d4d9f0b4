"""The debrief: participants answer a short lessons-learned survey, shown in the review and PDF."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from sqlmodel import select

from app.core.errors import Conflict, Forbidden
from app.scoring import debrief
from app.scoring.models import DEBRIEF_TEXT_MAX, DebriefAnswer, DebriefIn
from tests.drills.helpers import make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all
from tests.scoring.review_helpers import ended_team


@pytest.fixture
def team(session, factory):
    return ended_team(session, factory)


def answer(**values) -> DebriefIn:
    return DebriefIn(
        **{"went_well": "Fast holding line", "to_change": "", "confidence": 4, **values}
    )


def test_a_participant_answers_once_and_answering_again_replaces_it(session, team):
    debrief.save_answer(session=session, drill=team.drill, user=team.monitor, answer_in=answer())
    debrief.save_answer(
        session=session,
        drill=team.drill,
        user=team.monitor,
        answer_in=answer(to_change="  Brief support sooner  ", confidence=2),
    )
    [(row, person)] = debrief.list_answers(session=session, drill=team.drill)
    assert person.id == team.monitor.id
    assert (row.to_change, row.confidence) == ("Brief support sooner", 2)


def test_only_participants_of_an_ended_drill_answer(session, factory, team):
    with pytest.raises(Forbidden):
        debrief.save_answer(
            session=session, drill=team.drill, user=team.outsider, answer_in=answer()
        )
    running = make_team(session, factory)
    with pytest.raises(Conflict, match="has ended"):
        debrief.save_answer(
            session=session, drill=running.drill, user=running.monitor, answer_in=answer()
        )
    assert session.exec(select(DebriefAnswer)).all() == []


@given(confidence=st.integers(), text=st.text(max_size=DEBRIEF_TEXT_MAX + 5))
def test_the_answer_schema_takes_confidence_1_to_5_and_bounded_texts(confidence, text):
    accepted = 1 <= confidence <= 5 and len(text) <= DEBRIEF_TEXT_MAX
    try:
        DebriefIn(went_well=text, to_change="", confidence=confidence)
    except ValidationError:
        assert not accepted
    else:
        assert accepted


def test_the_form_names_a_refused_field_keeps_the_input_and_saves_nothing(client, session, team):
    sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/debrief")
    assert find_all(page.text, "input", name="confidence", type="radio")
    refused = client.post(
        f"/drills/{team.drill.id}/debrief", data={"went_well": "Calm approvals", "confidence": "9"}
    )
    assert refused.status_code == 422
    assert by_id(refused.text, "debrief-confidence-error").text
    assert by_id(refused.text, "debrief-went_well").text == "Calm approvals"
    assert session.exec(select(DebriefAnswer)).all() == []
    saved = client.post(
        f"/drills/{team.drill.id}/debrief",
        data={"went_well": "Calm approvals", "to_change": "Name a backup", "confidence": "3"},
    )
    assert saved.status_code == 200 and "your answer is saved" in saved.text
    checked = [i for i in find_all(saved.text, "input", name="confidence") if "checked" in i.attrs]
    assert [i.get("value") for i in checked] == ["3"]


def test_someone_without_a_role_is_told_why_and_cannot_post(client, team):
    sign_in(client, team.outsider)
    page = client.get(f"/drills/{team.drill.id}/debrief")
    assert "held a role" in by_id(page.text, "debrief-closed").text
    assert find_all(page.text, "form", action=f"/drills/{team.drill.id}/debrief") == []
    posted = client.post(f"/drills/{team.drill.id}/debrief", data={"confidence": "3"})
    assert posted.status_code == 403


def test_the_review_and_its_print_show_the_answers_and_the_average(client, session, team):
    for person, confidence in ((team.monitor, 2), (team.approver, 5)):
        debrief.save_answer(
            session=session,
            drill=team.drill,
            user=person,
            answer_in=answer(to_change=f"Change by {person.display_name}", confidence=confidence),
        )
    sign_in(client, team.trainer)
    for path in ("/review", "/review/print"):
        section = by_id(client.get(f"/drills/{team.drill.id}{path}").text, "review-debrief")
        assert "2 of 3 participants answered" in section.text and "3.5" in section.text, path
        assert f"Change by {team.approver.display_name}" in section.text


def test_the_api_gives_trainers_every_answer_and_members_their_own(client, session, team):
    sign_in(client, team.monitor)
    put = client.put(f"/api/drills/{team.drill.id}/debrief", json={"confidence": 0})
    assert put.status_code == 422 and "confidence" in put.text
    put = client.put(f"/api/drills/{team.drill.id}/debrief", json={"confidence": 4})
    assert put.status_code == 200 and put.json()["user_id"] == team.monitor.id
    debrief.save_answer(
        session=session, drill=team.drill, user=team.approver, answer_in=answer(confidence=1)
    )
    mine = client.get(f"/api/drills/{team.drill.id}/debrief").json()
    assert [a["user_id"] for a in mine] == [team.monitor.id]
    sign_in(client, team.trainer)
    everyone = client.get(f"/api/drills/{team.drill.id}/debrief").json()
    assert sorted(a["user_id"] for a in everyone) == sorted([team.monitor.id, team.approver.id])
