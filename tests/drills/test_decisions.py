"""A statement is decided once: a second decision, from the console or the API, answers 409."""

from fastapi.testclient import TestClient

from app.drills import actions
from tests.drills.helpers import make_team
from tests.drills.test_console import started
from tests.factories import sign_in
from tests.plans.html import by_id


def test_a_second_decision_on_the_console_answers_409_and_stores_nothing(client, session, factory):
    team = started(session, make_team(session, factory))
    sign_in(client, team.spokesperson)
    client.post(
        f"/api/drills/{team.drill.id}/actions",
        json={"kind": "request_approval", "text": "We are on it."},
    )
    ref = actions.list_actions(session=session, drill=team.drill)[0].ref
    approver = TestClient(client.app)
    sign_in(approver, team.approver)
    url = f"/drills/{team.drill.id}/console/approvals"
    form = {"ref": ref, "decision": "approve"}

    first = approver.post(url, data=form, headers={"HX-Request": "true"})
    second = approver.post(url, data=form, headers={"HX-Request": "true"})

    assert (first.status_code, second.status_code) == (200, 409)
    assert "already decided" in by_id(second.text, "console-approvals").text
    kinds = [row.kind for row in actions.list_actions(session=session, drill=team.drill)]
    assert kinds == ["request_approval", "approve", "statement"]
