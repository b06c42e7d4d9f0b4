"""Practice or rehearsal: what counts for the plan's "last drilled" and trends; deleting a drill."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.drills import cadence, service
from app.drills.clock import ClockEventKind
from app.drills.models import Drill, DrillMode, DrillUpdate
from app.plans import service as plans
from app.scoring.dashboard import DrillRow, Scored, trend
from tests.drills.helpers import T0, at, make_drill, make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all


def run(session, drill, real_s: float) -> None:
    """Start the drill (10×) and end it after `real_s` real seconds (10 × that simulated)."""
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=at(0))
    service.control(session=session, drill=drill, kind=ClockEventKind.end, now=at(real_s))


def last_drilled(session, drill):
    return plans.find_plan(session=session, plan_id=drill.plan_id).last_drilled_at


@given(
    st.sampled_from(list(DrillMode)),
    st.floats(min_value=0, max_value=1200),
    st.floats(min_value=0, max_value=1),
)
def test_only_a_rehearsal_that_ran_its_share_counts(mode, ran_s, share):
    drill = Drill(mode=mode, duration_s=600, ended_at=T0)
    expected = mode == DrillMode.rehearsal and ran_s >= share * 600 - 0.001
    assert service.counts_at(drill, ran_s, share) == expected
    assert not service.counts_at(Drill(mode=mode, duration_s=600), ran_s, share)


@pytest.mark.parametrize(
    ("mode", "real_s", "counts"),
    [("rehearsal", 40, True), ("rehearsal", 15, False), ("practice", 60, False)],
)
def test_ending_marks_the_plan_drilled_only_when_the_drill_counts(
    session, factory, mode, real_s, counts
):
    drill = make_drill(session, factory.org(), mode=mode)
    run(session, drill, real_s)
    assert cadence.counts(session=session, drill=drill) is counts
    assert (last_drilled(session, drill) is not None) is counts


def test_changing_the_mode_moves_last_drilled(session, factory):
    drill = make_drill(session, factory.org())
    run(session, drill, 40)
    ended = last_drilled(session, drill)
    assert ended is not None
    practice = DrillUpdate(mode=DrillMode.practice)
    cadence.update_drill(session=session, drill=drill, drill_in=practice)
    assert last_drilled(session, drill) is None
    rehearsal = DrillUpdate(mode=DrillMode.rehearsal)
    cadence.update_drill(session=session, drill=drill, drill_in=rehearsal)
    assert plans.as_aware(last_drilled(session, drill)) == plans.as_aware(ended)


def test_trainer_deletes_a_drill_over_the_api_and_the_history_says_so(client, session, factory):
    team = make_team(session, factory)
    run(session, team.drill, 40)
    drill_id, plan_id = team.drill.id, team.drill.plan_id
    sign_in(client, team.spokesperson)
    assert client.delete(f"/api/drills/{drill_id}").status_code == 403
    assert client.patch(f"/api/drills/{drill_id}", json={"mode": "practice"}).status_code == 403
    sign_in(client, team.trainer)
    assert client.patch(f"/api/drills/{drill_id}", json={"mode": "weekly"}).status_code == 422
    changed = client.patch(f"/api/drills/{drill_id}", json={"mode": "practice"})
    assert changed.status_code == 200 and changed.json()["mode"] == "practice"
    assert client.delete(f"/api/drills/{drill_id}").status_code == 204
    assert client.get(f"/api/drills/{drill_id}").status_code == 404
    plan = plans.find_plan(session=session, plan_id=plan_id)
    history = plans.list_changes(session=session, plan=plan)
    deleted = [(c, user) for c, user in history if c.action == "drill_deleted"]
    assert len(deleted) == 1 and deleted[0][1].id == team.trainer.id
    assert deleted[0][0].detail["drill_id"] == drill_id


@pytest.mark.parametrize("language", ["en", "fr"])
def test_deleting_from_the_page_asks_first(client, session, factory, language):
    team = make_team(session, factory)
    team.trainer.language = language
    session.add(team.trainer)
    session.commit()
    token = sign_in(client, team.trainer)
    page = client.get(f"/drills/{team.drill.id}").text
    assert by_id(page, "delete-link").get("href") == f"/drills/{team.drill.id}/delete"
    confirm = client.get(f"/drills/{team.drill.id}/delete")
    assert confirm.status_code == 200
    heading = find_all(confirm.text, "h1")[0].text
    assert heading.startswith("Supprimer" if language == "fr" else "Delete")
    forms = [f for f in find_all(confirm.text, "form") if f.get("method") == "post"]
    assert f"/drills/{team.drill.id}/delete" in [f.get("action") for f in forms]
    assert client.get(f"/api/drills/{team.drill.id}").status_code == 200  # nothing gone yet
    gone = client.post(
        f"/drills/{team.drill.id}/delete", data={"csrf_token": token}, follow_redirects=False
    )
    assert gone.status_code == 303 and gone.headers["location"] == "/drills"
    assert client.get(f"/api/drills/{team.drill.id}").status_code == 404


def test_the_mode_is_changed_from_the_drill_page(client, session, factory):
    team = make_team(session, factory)
    token = sign_in(client, team.trainer)
    answer = client.post(
        f"/drills/{team.drill.id}/mode",
        data={"csrf_token": token, "mode": "practice"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    page = client.get(f"/drills/{team.drill.id}").text
    assert by_id(page, "drill-mode").text.strip().startswith("Practice")
    refused = client.post(f"/drills/{team.drill.id}/mode", data={"csrf_token": token, "mode": "x"})
    assert refused.status_code == 422


def row(drill: Drill, overall: float, counts: bool) -> DrillRow:
    scored = Scored(overall=overall, rating="", overridden=False, dimensions={}, kpis=[])
    found = DrillRow(drill, "Plan", "ended", (), "", scored)
    found.counts = counts
    return found


def test_trends_leave_out_the_drills_that_do_not_count():
    rehearsal = Drill(id=1, plan_id=1, ended_at=T0, duration_s=1)
    practice = Drill(id=2, plan_id=1, ended_at=rehearsal.ended_at, duration_s=1)
    groups = trend([row(rehearsal, 80, True), row(practice, 20, False)], "All")
    assert [p[1] for p in groups["plan"][0].points] == [80]


def test_the_list_marks_practices(client, session, factory):
    team = make_team(session, factory)
    make_drill(session, team.org, team.trainer, mode="practice", title="Try-out")
    sign_in(client, team.trainer)
    rows = [row.text for row in find_all(client.get("/drills").text, "tr")[1:]]
    assert len(rows) == 2
    assert [("Practice" in row) for row in rows] == [("Try-out" in row) for row in rows]
    assert any("Try-out" in row for row in rows)


def test_a_deleted_drills_id_is_never_given_again(session, factory):
    """The live layer, links and the audit log know drills by id: a new drill never takes
    the id of a deleted one (SQLite reuses the largest rowid unless told otherwise)."""
    team = make_team(session, factory)
    newest = make_drill(session, team.org, team.trainer)
    gone = newest.id
    cadence.delete_drill(session=session, drill=newest, user=team.trainer)
    assert make_drill(session, team.org, team.trainer).id > gone
