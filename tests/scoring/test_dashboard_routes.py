"""Dashboard and improvement pages as a trainer, a member and an author see them."""

import json
from datetime import UTC, datetime, timedelta

from app.accounts.models import Role
from app.plans import service as plans
from app.scoring import reviews
from tests.factories import sign_in
from tests.plans.helpers import add, make_full_plan
from tests.plans.html import find_all
from tests.scoring.review_helpers import item_of, report, reviewed_drill
from tests.scoring.test_improvements import MESSAGE

# Seven months ago: the drills and their trend end before today, whatever today is.
EARLIER = datetime.now(UTC).replace(microsecond=0) - timedelta(days=210)


def test_the_dashboard_lists_scored_drills_the_trend_and_missed_kpis(client, session, factory):
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    first = reviewed_drill(
        session, org, report_=report(41.0, {"rumour_correction_s": False}), ended=EARLIER
    )
    reviewed_drill(session, org, report_=report(77.0), ended=EARLIER + timedelta(days=40))
    sign_in(client, trainer)
    page = client.get("/dashboard")
    assert page.status_code == 200
    rows = find_all(page.text, "tr", class_="drill-row")
    assert len(rows) == 2
    scores = [cell.text for cell in find_all(page.text, "td", class_="score")]
    assert scores == ["77 S", "41 M"]
    data = json.loads(find_all(page.text, "script", id="trend-data")[0].text)
    assert data["all"]["y"] == [[41.0, 77.0]]
    missed = find_all(page.text, "table", class_="missed-kpis")[0].text
    assert "Time to correct a rumour" in missed and "1 / 1" in missed
    link = find_all(page.text, "a", href=f"/drills/{first.id}/review")
    assert link
    assert find_all(page.text, "a", href="/dashboard")  # in the nav for trainers


def test_a_pending_drill_is_scored_by_its_own_request(client, session, factory):
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    drill = reviewed_drill(session, org, report_=report(50.0), ended=EARLIER)
    session.delete(reviews.cached_review(session=session, drill=drill))
    session.commit()
    sign_in(client, trainer)
    page = client.get("/dashboard")
    [row] = find_all(page.text, "tr", class_="drill-row")
    assert row.get("hx-get") == f"/dashboard/drills/{drill.id}/score"
    assert "Scoring in progress" in row.text
    part = client.get(f"/dashboard/drills/{drill.id}/score")
    assert part.headers["HX-Trigger"] == "review-scored"
    assert find_all(part.text, "td", class_="score")
    assert reviews.cached_review(session=session, drill=drill) is not None


def test_overdue_plans_offer_to_set_up_a_drill(client, session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    plans.mark_drilled(session=session, plan_id=plan.id, at=datetime.now(UTC) - timedelta(days=400))
    sign_in(client, factory.member(org, Role.trainer))
    page = client.get("/dashboard")
    [entry] = find_all(page.text, "li", class_="overdue-plan")
    assert plan.title in entry.text and "Set up a drill" in entry.text


def test_members_get_no_dashboard_link_nor_page(client, session, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.member))
    assert not find_all(client.get("/plans").text, "a", href="/dashboard")
    assert client.get("/dashboard").status_code == 403


def test_the_improvements_page_shows_the_fulfilling_change(client, session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    item_of(session, plan, section="messages")
    add(session, org, plan, "messages", MESSAGE)
    sign_in(client, factory.member(org, Role.author))
    page = client.get(f"/plans/{plan.id}/improvements")
    [entry] = find_all(page.text, "li", class_="improvement done")
    assert "Done by “Rumour: no illness”" in entry.text
    assert "Reopen" not in page.text  # authors read the items; trainers keep them


def test_a_trainer_closes_and_reopens_an_item(client, session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    item = item_of(session, plan, section="kpis", created=datetime.now(UTC))
    sign_in(client, factory.member(org, Role.trainer))
    part = client.post(
        f"/plans/{plan.id}/improvements/{item.id}/done", headers={"HX-Request": "true"}
    )
    assert "Marked done by hand" in part.text
    assert find_all(part.text, "section", id="improvement-items")
    back = client.post(f"/plans/{plan.id}/improvements/{item.id}/reopen", follow_redirects=False)
    assert back.status_code == 303
    page = client.get(f"/plans/{plan.id}/improvements")
    assert find_all(page.text, "li", class_="improvement open")


def test_a_drill_that_cannot_be_scored_says_so(client, session, factory, monkeypatch):
    org = factory.org()
    drill = reviewed_drill(session, org, report_=report(50.0), ended=EARLIER)
    session.delete(reviews.cached_review(session=session, drill=drill))
    session.commit()

    def broken(**_kwargs):
        raise ValueError("bad record")

    monkeypatch.setattr("app.scoring.dashboard.score_drill", broken)
    sign_in(client, factory.member(org, Role.trainer))
    part = client.get(f"/dashboard/drills/{drill.id}/score")
    assert part.status_code == 200 and "HX-Trigger" not in part.headers
    [cell] = find_all(part.text, "td", class_="scoring-failed")
    assert "Scoring failed" in cell.text


def test_a_plan_title_cannot_break_out_of_the_embedded_trend_data(client, session, factory):
    from app.drills.models import Drill
    from app.plans.models import Plan, PlanVersion

    org = factory.org()
    drill = reviewed_drill(session, org, report_=report(60.0), ended=EARLIER)
    title = "<!--<script>alert(1)</script>&amp;"
    version = session.get(PlanVersion, session.get(Drill, drill.id).plan_version_id)
    session.get(Plan, version.plan_id).title = title
    session.commit()
    sign_in(client, factory.member(org, Role.trainer))
    page = client.get("/dashboard")
    raw = page.text.split('id="trend-data">', 1)[1].split("</script>", 1)[0]
    assert not {"<", ">", "&"} & set(raw)
    data = json.loads(find_all(page.text, "script", id="trend-data")[0].text)
    assert title in json.dumps(data, ensure_ascii=False)
    assert len(find_all(page.text, "tr", class_="drill-row")) == 1
